/**
 * Starts the API (uvicorn) on a free port with a fresh SQLite database, serving the built
 * dashboard at /app (BACKCHAIN_WEB_DIST), and tells the tests its origin (BACKCHAIN_WEB_ORIGIN).
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const webDir = resolve(here, "..");
const repo = resolve(webDir, "../..");

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(url: string, deadline: number, accept: (r: Response) => boolean): Promise<Response> {
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (accept(response)) return response;
      last = `HTTP ${response.status}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url}: ${last}`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const python = process.env.BACKCHAIN_PYTHON ?? join(repo, ".venv/bin/python");
  const dist = join(webDir, "dist");
  if (!existsSync(python)) throw new Error(`${python} not found: run \`make install\` first`);
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error("clients/web/dist is missing: run `make web` (or `npm run build`) first");
  }

  const tmp = mkdtempSync(join(tmpdir(), "backchain-web-"));
  const database = `sqlite:///${tmp}/web.db`;
  const logPath = join(tmp, "server.log");
  try {
    execFileSync(python, ["-c", `from db.migrations import upgrade; upgrade(${JSON.stringify(database)})`], {
      cwd: repo,
      stdio: "pipe",
    });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? "";
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`migrating ${database} failed:\n${stderr}`);
  }

  const port = await freePort();
  const log = openSync(logPath, "a");
  const server = spawn(
    python,
    ["-m", "uvicorn", "api.app:create_app", "--factory", "--host", "127.0.0.1", "--port", String(port)],
    {
      cwd: repo,
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        BACKCHAIN_DATABASE_URL: database,
        BACKCHAIN_JWT_SECRET: randomBytes(32).toString("hex"),
        BACKCHAIN_PASSWORD_TIME_COST: "1",
        BACKCHAIN_PASSWORD_MEMORY_KIB: "1024",
        BACKCHAIN_DATA_DIR: tmp,
        BACKCHAIN_WEB_DIST: dist,
        BACKCHAIN_LOG_FORMAT: "text",
        // Every spec signs in and registers from 127.0.0.1 within a minute or two.
        BACKCHAIN_LOGIN_ATTEMPTS_PER_MINUTE: "200",
        BACKCHAIN_REGISTRATIONS_PER_IP_PER_HOUR: "200",
      },
    },
  );
  const exited = new Promise<void>((done) => server.once("exit", () => done()));
  const stop = async (): Promise<void> => {
    if (server.exitCode === null) server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (server.exitCode === null) server.kill("SIGKILL");
    try {
      mkdirSync(join(webDir, "test-results"), { recursive: true });
      copyFileSync(logPath, join(webDir, "test-results", "server.log"));
    } catch {
      // The log is a convenience.
    }
    rmSync(tmp, { recursive: true, force: true });
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  try {
    await waitFor(`${origin}/healthz`, deadline, (r) => r.ok);
    const app = await fetch(`${origin}/app/`);
    const html = await app.text();
    if (!app.ok || !html.includes('<script type="module"')) {
      throw new Error(
        `GET /app/ answered ${app.status}: the API does not serve clients/web/dist ` +
          "(it mounts BACKCHAIN_WEB_DIST, or clients/web/dist, at /app)",
      );
    }
  } catch (err) {
    const tail = existsSync(logPath) ? readFileSync(logPath, "utf8").split("\n").slice(-30).join("\n") : "";
    await stop().catch(() => undefined);
    throw new Error(`the API did not start: ${String(err)}\n${tail}`);
  }
  process.env.BACKCHAIN_WEB_ORIGIN = origin;
  return stop;
}
