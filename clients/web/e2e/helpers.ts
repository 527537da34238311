import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { expect, type APIRequestContext, type Page } from "@playwright/test";

const here = dirname(fileURLToPath(import.meta.url));
/** Written by the tests, not committed (gitignored). */
export const SCREENSHOTS = resolve(here, "..", "screenshots");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export const PHONE = { width: 375, height: 812 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export function origin(): string {
  const value = process.env.BACKCHAIN_WEB_ORIGIN;
  if (!value) throw new Error("BACKCHAIN_WEB_ORIGIN is not set: the global setup did not run");
  return value;
}

export function appUrl(hash = ""): string {
  return `${origin()}/app/${hash ? `#${hash}` : ""}`;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core in the page; fails on any serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Check what is folded away too (the data tables behind each chart).
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations;
  }) as AxeViolation[];
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = false)));
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  expect(report, `axe on ${what}`).toEqual([]);
}

/** Nothing wider than the viewport (the layout works at 375 px). */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  // After a viewport change the charts redraw on their next ResizeObserver callback: poll.
  await expect
    .poll(
      () =>
        page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      { message: `${what}: the page is wider than the viewport`, timeout: 3000 },
    )
    .toBeLessThanOrEqual(0);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // Let uPlot redraw at the new width before the picture.
  await page.waitForTimeout(250);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Wait until the view's data has arrived (the router marks <main> busy while loading). */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator("main")).not.toHaveAttribute("aria-busy", "true");
}

// ------------------------------------------------------------------ seeding through the API

export async function token(request: APIRequestContext, email: string, password: string): Promise<string> {
  const response = await request.post(`${origin()}/v1/auth/token`, {
    form: { grant_type: "password", username: email, password },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

export function isoDaysAgo(days: number, hour = 8): string {
  const date = new Date(Date.now() - days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString().replace(".000Z", "+00:00");
}

/** `YYYY-MM-DD HH:MM:SS` local wall-clock time `days` ago, as Strong writes it. */
export function strongDate(days: number): string {
  const date = new Date(Date.now() - days * 86_400_000);
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} 18:00:00`;
}

const STRONG_HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE";

/**
 * Ten weeks of Strong history: the posterior chain catching up (deadlift and hip thrust rise
 * faster than squat and bench), one workout a week, ending a week ago.
 */
export function strongHistory(weeks = 8): string {
  const rows = [STRONG_HEADER];
  for (let w = 0; w < weeks; w += 1) {
    const days = 7 * (weeks - w) + 3;
    const date = strongDate(days);
    const sets: [string, number, number][] = [
      ["Deadlift (Barbell)", 70 + 4 * w, 5],
      ["Hip Thrust (Barbell)", 60 + 5 * w, 8],
      ["Pull Up", 0, 3 + Math.floor(w / 2)],
      ["Squat (Barbell)", 60 + 1.5 * w, 5],
      ["Bench Press (Barbell)", 37.5 + 0.5 * w, 5],
    ];
    sets.forEach(([exercise, weight, reps], i) => {
      rows.push(`${date},"Week ${w + 1}","55m","${exercise}",${i + 1},${weight.toFixed(1)},${reps},0,0,"","",`);
    });
  }
  return `${rows.join("\n")}\n`;
}

/** Two bad rows: lines 3 and 4 of the file. */
export function strongWithErrors(): string {
  const date = strongDate(2);
  return [
    STRONG_HEADER,
    `${date},"Bad day","40m","Deadlift (Barbell)",1,100.0,5,0,0,"","",`,
    `${date},"Bad day","40m","Deadlift (Barbell)",2,100.0,abc,0,0,"","",`,
    `${date},"Bad day","40m","Bench Press (Barbell)",1,9999,5,0,0,"","",`,
    "",
  ].join("\n");
}
