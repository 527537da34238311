/**
 * A thin wrapper over openapi-fetch for the Backchain API.
 *
 * Every path, parameter and body is typed by `schema.d.ts` (generated from openapi/openapi.json by
 * `make clients`); this file only adds sign-in and a middleware that sends the bearer token and,
 * on a 401, trades the refresh token for a new pair once and retries the request.
 */
import createClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";

import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

export type BackchainClient = Client<paths>;
export type Schemas = components["schemas"];
export type TokenPair = Schemas["TokenPair"];
export type Problem = Schemas["Problem"];
export type ClientInit = Omit<ClientOptions, "baseUrl">;

const TOKEN_PATH = "/v1/auth/token";

/** A failed token request (bad credentials, a used or revoked refresh token, rate limit). */
export class BackchainAuthError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(message);
    this.name = "BackchainAuthError";
  }
}

/** A client without credentials: register, sign in, health checks. */
export function createBackchainClient(baseUrl: string, init: ClientInit = {}): BackchainClient {
  return createClient<paths>({ ...init, baseUrl });
}

type TokenForm = Schemas["TokenRequest"];

/** `POST /v1/auth/token` (form-encoded, as OAuth2 wants it). */
export async function requestTokens(client: BackchainClient, form: TokenForm): Promise<TokenPair> {
  const { data, error, response } = await client.POST(TOKEN_PATH, {
    body: form,
    bodySerializer: (body) => {
      const fields = new URLSearchParams();
      for (const [key, value] of Object.entries(body)) {
        if (value !== undefined && value !== null) fields.set(key, String(value));
      }
      return fields.toString();
    },
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  if (data) return data;
  const problem = typeof error === "object" && error !== null ? (error as Problem) : undefined;
  throw new BackchainAuthError(
    `${TOKEN_PATH} (${form.grant_type}) answered ${response.status}: ${problem?.title ?? "no detail"}`,
    response.status,
    problem,
  );
}

export interface SessionOptions extends ClientInit {
  /** Called with every new token pair (sign-in and each refresh); persist it here. */
  onTokens?: (tokens: TokenPair) => void;
}

export interface Session {
  /** Sends the bearer token; on a 401 refreshes once (shared by concurrent calls) and retries. */
  readonly client: BackchainClient;
  /** The current pair. Refresh tokens rotate: each one works once. */
  readonly tokens: TokenPair;
  /** Trade the refresh token for a new pair now. */
  refresh(): Promise<TokenPair>;
}

/** Sign in with email and password. */
export async function login(
  baseUrl: string,
  email: string,
  password: string,
  options: SessionOptions = {},
): Promise<Session> {
  const { onTokens: _ignored, ...init } = options;
  const tokens = await requestTokens(createBackchainClient(baseUrl, init), {
    grant_type: "password",
    username: email,
    password,
  });
  options.onTokens?.(tokens);
  return resumeSession(baseUrl, tokens, options);
}

/** A session from a stored token pair (the access token may already have expired). */
export function resumeSession(baseUrl: string, tokens: TokenPair, options: SessionOptions = {}): Session {
  const { onTokens, ...init } = options;
  const tokenClient = createBackchainClient(baseUrl, init);
  let current = tokens;
  let inflight: Promise<TokenPair> | undefined;

  const refresh = (): Promise<TokenPair> => {
    inflight ??= requestTokens(tokenClient, {
      grant_type: "refresh_token",
      refresh_token: current.refresh_token,
    })
      .then((pair) => {
        current = pair;
        onTokens?.(pair);
        return pair;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };

  const client = createBackchainClient(baseUrl, init);
  client.use(bearerMiddleware(() => current.access_token, refresh));
  return {
    client,
    get tokens() {
      return current;
    },
    refresh,
  };
}

/**
 * Adds `Authorization: Bearer …`; when the answer is 401, refreshes (unless another request
 * already did since this one was sent) and retries once with the new token. A failed refresh
 * leaves the original 401 for the caller.
 */
export function bearerMiddleware(
  accessToken: () => string,
  refresh: () => Promise<unknown>,
): Middleware {
  const replays = new Map<string, Request>();
  return {
    onRequest({ request, schemaPath, id }) {
      if (schemaPath === TOKEN_PATH) return undefined;
      request.headers.set("Authorization", `Bearer ${accessToken()}`);
      replays.set(id, request.clone()); // the body of `request` is consumed by fetch
      return request;
    },
    async onResponse({ request, response, options, id }) {
      const replay = replays.get(id);
      replays.delete(id);
      if (response.status !== 401 || replay === undefined) return undefined;
      try {
        if (request.headers.get("Authorization") === `Bearer ${accessToken()}`) await refresh();
      } catch {
        return undefined;
      }
      replay.headers.set("Authorization", `Bearer ${accessToken()}`);
      // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method.
      const { fetch } = options;
      return fetch(replay);
    },
    onError({ id }) {
      replays.delete(id);
      return undefined;
    },
  };
}
