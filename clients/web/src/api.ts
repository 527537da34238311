/**
 * The signed-in session. The access token lives in this module's memory only (never in
 * localStorage or sessionStorage); the refresh token in an HttpOnly cookie the API sets because
 * every call to /v1/auth/ says `X-Refresh-Cookie: true`. JavaScript never sees the refresh token;
 * a reload trades the cookie for a new access token (`resumeSignIn`). The generated client
 * refreshes the access token on a 401, through the cookie too.
 */
import {
  BackchainAuthError,
  createBackchainClient,
  login,
  requestTokens,
  resumeSession,
  type BackchainClient,
  type Problem,
  type Schemas,
  type Session,
} from "../../typescript/src/client.js";

export type { BackchainClient, Problem, Schemas };
export type User = Schemas["UserRead"];

const origin = window.location.origin;

/** Asks the API to keep the refresh token in its HttpOnly cookie (same-origin requests only). */
const REFRESH_COOKIE_HEADER = "X-Refresh-Cookie";

/**
 * `fetch` bound to the window, adding `X-Refresh-Cookie: true` to the auth calls. The client's
 * refresh-and-retry calls `options.fetch(request)` as a method, and the browser's own `fetch`
 * throws "Illegal invocation" when called on another object.
 */
const init = {
  fetch: (request: Request): Promise<Response> => {
    if (new URL(request.url).pathname.startsWith("/v1/auth/")) {
      request.headers.set(REFRESH_COOKIE_HEADER, "true");
    }
    return window.fetch(request);
  },
};

let session: Session | null = null;
let currentUser: User | null = null;
const listeners = new Set<() => void>();

export function onSessionChange(listener: () => void): void {
  listeners.add(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}

export function signedIn(): boolean {
  return session !== null && currentUser !== null;
}

export function me(): User {
  if (!currentUser) throw new SessionEnded();
  return currentUser;
}

export function setMe(user: User): void {
  currentUser = user;
  notify();
}

/** The authenticated client. */
export function api(): BackchainClient {
  if (!session) throw new SessionEnded();
  return session.client;
}

/** A client without credentials (register). */
export function publicApi(): BackchainClient {
  return createBackchainClient(origin, init);
}

/** Whether the cookie may still be tried: once per page load, and never after a sign-out. */
let mayResume = true;

/**
 * On load: trade the refresh cookie, if the browser holds one, for a session. False when there
 * is none (or it was refused); the sign-in page then asks for the password.
 */
export async function resumeSignIn(): Promise<boolean> {
  if (!mayResume || session) return session !== null;
  mayResume = false;
  let next: Session;
  try {
    // No `refresh_token` field: the API reads the cookie (path /v1/auth, HttpOnly).
    const tokens = await requestTokens(publicApi(), { grant_type: "refresh_token" });
    next = resumeSession(origin, tokens, init);
  } catch {
    return false;
  }
  const { data } = await next.client.GET("/v1/users/me");
  if (!data) return false;
  session = next;
  currentUser = data;
  notify();
  return true;
}

export async function signIn(email: string, password: string): Promise<void> {
  mayResume = false;
  const next = await login(origin, email, password, init);
  const { data, error } = await next.client.GET("/v1/users/me");
  if (!data) throw new ApiError(error, "Could not load your profile");
  session = next;
  currentUser = data;
  notify();
}

let endedMessage: string | null = null;

/** Why the last session ended without the user signing out (shown once on the sign-in page). */
export function takeEndedMessage(): string | null {
  const message = endedMessage;
  endedMessage = null;
  return message;
}

export function sessionEndedUnasked(): boolean {
  return endedMessage !== null;
}

/** Forget the tokens; `reason` when the session ended without the user asking. */
export async function signOut(reason?: string): Promise<void> {
  const ending = session;
  mayResume = false;
  session = null;
  currentUser = null;
  endedMessage = reason ?? null;
  notify();
  if (ending) {
    // Revoke the refresh token family (RFC 7009, the token read from the cookie, which the
    // answer clears); the access token simply expires.
    await publicApi()
      .POST("/v1/auth/revoke", {
        body: {},
        bodySerializer: () => "",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      })
      .catch(() => undefined);
  }
}

/** Thrown when a call needs a session and there is none (or the refresh token was refused). */
export class SessionEnded extends Error {
  constructor() {
    super("Your session has ended. Please sign in again.");
    this.name = "SessionEnded";
  }
}

/** An API answer that was not 2xx, with the RFC 9457 problem document when there is one. */
export class ApiError extends Error {
  readonly problem: Problem | undefined;
  constructor(error: unknown, fallback: string) {
    const problem = isProblem(error) ? error : undefined;
    super(problem ? problemText(problem) : fallback);
    this.name = "ApiError";
    this.problem = problem;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "title" in value && "status" in value;
}

export function problemText(problem: Problem): string {
  const head = problem.detail ?? problem.title;
  const fields = (problem.errors ?? [])
    .filter((e) => e.line === null || e.line === undefined)
    .map((e) => `${fieldLabel(e.field)}: ${e.message}`);
  return fields.length ? `${head} — ${fields.join("; ")}` : head;
}

/** `sets.0.reps` → `set 1 reps`; `body.email` → `email`. */
export function fieldLabel(path: string): string {
  return path
    .replace(/^body\./, "")
    .replace(/sets\.(\d+)\./, (_m, i: string) => `set ${Number(i) + 1} `)
    .replace(/_/g, " ");
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a 2xx answer; otherwise an ApiError (or SessionEnded on a final 401). */
export async function unwrap<T>(call: Promise<Answer<T>>, what: string): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  if (response.status === 401 && session) {
    // The client already tried the refresh token once: this sign-in is over.
    const ended = new SessionEnded();
    await signOut(ended.message);
    throw ended;
  }
  throw new ApiError(error, `${what} failed (HTTP ${response.status})`);
}

export function authErrorText(err: unknown): string {
  if (err instanceof BackchainAuthError) {
    if (err.status === 429) return "Too many attempts. Wait a minute and try again.";
    if (err.status === 400 || err.status === 401) return "The email or the password is not right.";
    return err.problem ? problemText(err.problem) : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
