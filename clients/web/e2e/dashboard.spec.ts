/**
 * The dashboard in a real browser against a live API: an athlete signs up, logs a workout and
 * sees the balance; imports history; a trainer invites them, sees them on the roster with a flag;
 * the athlete exports a CSV. Screenshots at 375 px and 1280 px go to clients/web/screenshots/.
 */
import { readFileSync } from "node:fs";

import { expect, test, type BrowserContext, type Page } from "@playwright/test";

import {
  appUrl,
  DESKTOP,
  expectAccessible,
  expectNoHorizontalScroll,
  isoDaysAgo,
  origin,
  PHONE,
  screenshot,
  settled,
  strongHistory,
  strongWithErrors,
  token,
} from "./helpers.js";

test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const athlete = { name: "Ada Athlete", email: `ada-${run}@example.com`, password: "correct horse battery" };
const trainer = { name: "Tom Trainer", email: `tom-${run}@example.com`, password: "battery staple horse" };

let athleteContext: BrowserContext;
let trainerContext: BrowserContext;
let ada: Page;
let tom: Page;
const pageErrors: string[] = [];

test.beforeAll(async ({ browser }) => {
  athleteContext = await browser.newContext({ viewport: PHONE });
  trainerContext = await browser.newContext({ viewport: PHONE });
  await trainerContext.grantPermissions(["clipboard-read", "clipboard-write"], { origin: origin() });
  ada = await athleteContext.newPage();
  tom = await trainerContext.newPage();
  for (const page of [ada, tom]) page.on("pageerror", (err) => pageErrors.push(String(err)));
});

test.afterEach(() => {
  expect(pageErrors, "uncaught errors in the page").toEqual([]);
});

test.afterAll(async () => {
  await athleteContext?.close();
  await trainerContext?.close();
});

async function signUp(page: Page, who: typeof athlete, extra: { sex?: string; bodyweight?: string } = {}) {
  await page.goto(appUrl());
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name (shown to your trainer)").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  if (extra.sex) await page.getByLabel("Sex").selectOption(extra.sex);
  if (extra.bodyweight) await page.getByLabel("Bodyweight (kg)").fill(extra.bodyweight);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `${who.name}’s dashboard` })).toBeVisible();
  await settled(page);
}

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
  await settled(page);
}

async function fillSet(page: Page, n: number, exercise: string, reps: number, load: number): Promise<void> {
  const set = page.getByRole("group", { name: `Set ${n}` });
  await set.getByLabel("Exercise").selectOption(exercise);
  await set.getByLabel("Reps").fill(String(reps));
  await set.getByLabel("Load (kg)").fill(String(load));
}

test("sign-in page is accessible and keeps no token in storage", async () => {
  await ada.goto(appUrl());
  await expect(ada.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessible(ada, "sign-in");
  await expectNoHorizontalScroll(ada, "sign-in at 375 px");
});

test("an athlete signs up, logs a workout on a phone and sees the balance appear", async () => {
  await signUp(ada, athlete, { sex: "female", bodyweight: "62" });
  await expect(ada.getByText("No balance yet")).toBeVisible();

  await nav(ada, "Log");
  await expect(ada.getByRole("heading", { name: "Log", level: 1 })).toBeVisible();
  await ada.getByLabel("Title (optional)").fill("Posterior day");
  await fillSet(ada, 1, "deadlift", 5, 100);
  const lifts: [string, number, number][] = [
    ["hip_thrust", 8, 100],
    ["pull_up", 6, 0],
    ["back_squat", 5, 72.5],
    ["bench_press", 5, 42.5],
  ];
  for (const [i, [exercise, reps, load]] of lifts.entries()) {
    await ada.getByRole("button", { name: "Add a set" }).click();
    await fillSet(ada, i + 2, exercise, reps, load);
  }
  await expectNoHorizontalScroll(ada, "log at 375 px");
  await expectAccessible(ada, "log");
  await screenshot(ada, "athlete-log-375");
  await ada.getByRole("button", { name: "Save workout" }).click();
  await expect(ada.getByText("Saved “Posterior day” with 5 sets.")).toBeVisible();

  // Today's pain: severe, so the roster flags it (pain ≥ 7 within 7 days).
  const pain = ada.getByRole("form", { name: "Pain score" });
  await pain.getByLabel("Region").selectOption("low_back");
  await pain.getByLabel("Score (0–10)").selectOption("8");
  await pain.getByLabel("Context").selectOption("after_training");
  await pain.getByRole("button", { name: "Save pain score" }).click();
  await expect(pain.getByText("Saved: Low back 8/10.")).toBeVisible();

  await nav(ada, "Dashboard");
  await expect(ada.getByTestId("balance-index")).toHaveText(/^\d\.\d\d$/);
  await expect(ada.locator(".gauge-card .band").first()).toHaveText(
    /Anterior-dominant|Balanced|Posterior-dominant/,
  );
  await expect(ada.getByText("Lower body (L)")).toBeVisible();
  await expect(ada.getByText(/High pain/).first()).toBeVisible();
});

test("the import page previews a file, shows errors per line, then imports", async () => {
  await nav(ada, "Data");
  await expect(ada.getByRole("heading", { name: "Import" })).toBeVisible();
  const file = ada.getByLabel("CSV file");

  await file.setInputFiles({ name: "strong-bad.csv", mimeType: "text/csv", buffer: Buffer.from(strongWithErrors()) });
  await ada.getByRole("button", { name: "Preview (dry run)" }).click();
  const errors = ada.getByRole("table");
  await expect(errors.getByRole("rowheader", { name: "Line 3" })).toBeVisible();
  await expect(errors.getByRole("rowheader", { name: "Line 4" })).toBeVisible();
  await expect(errors.getByRole("row", { name: /Line 3/ })).toContainText(/reps/i);
  await expect(ada.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await expectAccessible(ada, "import errors");
  await expectNoHorizontalScroll(ada, "import errors at 375 px");
  await screenshot(ada, "athlete-import-errors-375");

  await file.setInputFiles({ name: "strong.csv", mimeType: "text/csv", buffer: Buffer.from(strongHistory(8)) });
  await ada.getByRole("button", { name: "Preview (dry run)" }).click();
  await expect(ada.getByText("Would import 8 workouts with 40 sets (strong layout).")).toBeVisible();
  await expectNoHorizontalScroll(ada, "data at 375 px");
  await ada.getByRole("button", { name: "Import", exact: true }).click();
  await expect(ada.getByText("Imported 8 workouts with 40 sets (strong layout).")).toBeVisible();
});

test("the athlete dashboard shows gauge, trend, benchmarks, pain and the association", async ({ request }) => {
  // Earlier pain scores, through the API (the form would take a while for each).
  const bearer = await token(request, athlete.email, athlete.password);
  const scores: [string, number, number][] = [
    ["low_back", 60, 6],
    ["low_back", 50, 6],
    ["low_back", 40, 5],
    ["low_back", 30, 5],
    ["low_back", 20, 4],
    ["low_back", 12, 4],
    ["knee", 58, 5],
    ["knee", 30, 3],
    ["knee", 15, 2],
  ];
  for (const [region, days, score] of scores) {
    const response = await request.post(`${origin()}/v1/users/me/pain-scores`, {
      headers: { Authorization: `Bearer ${bearer}` },
      data: { recorded_at: isoDaysAgo(days), region, score },
    });
    expect(response.status()).toBe(201);
  }

  await nav(ada, "Dashboard");
  await expect(ada.getByRole("heading", { name: "Balance over time" })).toBeVisible();
  const trend = ada.getByRole("img", { name: /balance index B at 9 snapshots/ });
  await expect(trend).toBeVisible();
  await expect(trend.locator("canvas")).toHaveCount(1);
  await expect(ada.getByRole("img", { name: /shaded band from 0\.90 to 1\.10/ })).toBeVisible();
  for (const lift of ["Deadlift", "Hip thrust", "Pull-up"]) {
    await expect(ada.getByRole("img", { name: new RegExp(`^Chart: ${lift} e1RM`) })).toBeVisible();
  }
  await expect(ada.getByRole("img", { name: /pain scores from 0 to 10 for 2 regions/ })).toBeVisible();
  await expect(ada.getByText("clinically important worsening").first()).toBeVisible();
  await expect(ada.getByText("clinically important improvement").first()).toBeVisible();
  await expect(ada.getByText("Association over time, not causation.")).toBeVisible();
  await expect(ada.locator(".association li")).toHaveCount(3);

  await expectNoHorizontalScroll(ada, "dashboard at 375 px");
  await expectAccessible(ada, "athlete dashboard");
  await screenshot(ada, "athlete-dashboard-375");
  await ada.setViewportSize(DESKTOP);
  await screenshot(ada, "athlete-dashboard-1280");
  await ada.setViewportSize(PHONE);
});

let inviteCode = "";

test("a trainer invites the athlete: create, copy and revoke codes", async () => {
  await signUp(tom, trainer);
  await nav(tom, "Clients");
  await expect(tom.getByText("No clients yet.")).toBeVisible();

  await tom.getByLabel("Note (optional)").fill("Spare");
  await tom.getByRole("button", { name: "Create invitation" }).click();
  await expect(tom.getByTestId("invitation-code")).toBeVisible();
  await tom.getByRole("button", { name: "Revoke “Spare”" }).click();
  await expect(tom.getByText("Revoked “Spare”.")).toBeVisible();
  await expect(tom.locator(".invitation", { hasText: "Spare" }).locator(".pill")).toHaveText("revoked");

  await tom.getByLabel("Note (optional)").fill("Ada");
  await tom.getByRole("button", { name: "Create invitation" }).click();
  const code = tom.getByTestId("invitation-code");
  await expect(tom.locator(".invitation", { hasText: "Ada" }).locator(".pill")).toHaveText("pending");
  inviteCode = (await code.textContent()) ?? "";
  expect(inviteCode.length).toBeGreaterThan(5);
  await tom.getByRole("button", { name: "Copy code" }).click();
  await expect(tom.getByText("Copied.")).toBeVisible();
  expect(await tom.evaluate(() => navigator.clipboard.readText())).toBe(inviteCode);
  await expectAccessible(tom, "invitations");
});

test("the athlete accepts; the trainer sees the client on the roster with a flag", async ({ request }) => {
  await nav(ada, "Account");
  await ada.getByLabel("Invitation code").fill(inviteCode);
  await ada.getByRole("button", { name: "Accept invitation" }).click();
  await expect(ada.getByText(`You are now linked with ${trainer.name}.`)).toBeVisible();
  await expectAccessible(ada, "account");

  // A second client who has logged nothing yet: "no workouts yet", not flagged inactive.
  await nav(tom, "Dashboard");
  await nav(tom, "Clients");
  await tom.getByLabel("Note (optional)").fill("Ben");
  await tom.getByRole("button", { name: "Create invitation" }).click();
  await expect(tom.locator(".invitation", { hasText: "Ben" })).toBeVisible();
  const benCode = (await tom.getByTestId("invitation-code").textContent()) ?? "";
  const ben = { email: `ben-${run}@example.com`, password: "staple battery horse" };
  const registered = await request.post(`${origin()}/v1/auth/register`, {
    data: { ...ben, display_name: "Ben Beginner" },
  });
  expect(registered.status()).toBe(201);
  const accepted = await request.post(`${origin()}/v1/users/me/trainers`, {
    headers: { Authorization: `Bearer ${await token(request, ben.email, ben.password)}` },
    data: { code: benCode },
  });
  expect(accepted.status()).toBe(201);

  await nav(tom, "Dashboard");
  await nav(tom, "Clients");
  const items = tom.locator(".roster-item");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(athlete.name);
  await expect(items.nth(1)).toContainText("Ben Beginner");
  const benCard = tom.locator(".roster-item", { hasText: "Ben Beginner" });
  await expect(benCard).toContainText("no workouts yet");
  await expect(benCard).toContainText("no flags");
  await expect(benCard.getByText("Inactive")).toHaveCount(0);
  const card = tom.locator(".roster-item", { hasText: athlete.name });
  await expect(card).toBeVisible();
  const flags = tom.getByRole("list", { name: `Flags of ${athlete.name}` });
  await expect(flags.getByText("High pain")).toBeVisible();
  // Each flag explained in words (the API's flag_details).
  await expect(flags.locator("li").first()).toContainText(/pain/i);
  await expect(card).toContainText("max 8/10 (low back)");
  await expect(tom.locator(".pill", { hasText: "accepted" })).toHaveCount(2);

  await expectNoHorizontalScroll(tom, "roster at 375 px");
  await expectAccessible(tom, "roster");
  await screenshot(tom, "trainer-roster-375");
  await tom.setViewportSize(DESKTOP);
  await screenshot(tom, "trainer-roster-1280");

  await card.getByRole("link", { name: athlete.name, exact: true }).click();
  await settled(tom);
  await expect(tom.getByRole("heading", { name: `${athlete.name}’s dashboard` })).toBeVisible();
  await expect(tom.getByTestId("balance-index")).toHaveText(/^\d\.\d\d$/);
  await expect(tom.getByRole("img", { name: /balance index B at 9 snapshots/ })).toBeVisible();
  await expectAccessible(tom, "client view");
  await screenshot(tom, "trainer-client-1280");
  await tom.setViewportSize(PHONE);
  await expectNoHorizontalScroll(tom, "client view at 375 px");
  await screenshot(tom, "trainer-client-375");
});

test("the athlete exports a CSV and the zip", async () => {
  await nav(ada, "Data");
  const [csv] = await Promise.all([
    ada.waitForEvent("download"),
    ada.getByRole("button", { name: "sets.csv" }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^backchain-sets-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await csv.path(), "utf8");
  const [header, ...rows] = text.trim().split(/\r?\n/);
  expect(header).toContain("exercise");
  expect(rows.length).toBe(45);
  expect(text).toContain("deadlift");
  await expect(ada.getByText(`Downloaded ${csv.suggestedFilename()}.`)).toBeVisible();

  const [zip] = await Promise.all([
    ada.waitForEvent("download"),
    ada.getByRole("button", { name: "Everything (.zip)" }).click(),
  ]);
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  expect(readFileSync(await zip.path()).subarray(0, 2).toString("latin1")).toBe("PK");
  await expectAccessible(ada, "data");
});

test("an expired access token is refreshed by the client; a refused one ends the session", async () => {
  const refreshes: string[] = [];
  ada.on("request", (request) => {
    if (request.url().endsWith("/v1/auth/token") && request.postData()?.includes("grant_type=refresh_token")) {
      refreshes.push(request.url());
    }
  });
  const expired = { type: "about:blank", title: "Unauthorized", status: 401, code: "token_expired" };

  // One 401: the client trades the refresh token and retries; the user notices nothing.
  let once = true;
  await ada.route("**/v1/users/me/balance", async (route) => {
    if (once) {
      once = false;
      await route.fulfill({ status: 401, contentType: "application/problem+json", json: expired });
    } else {
      await route.continue();
    }
  });
  await nav(ada, "Dashboard");
  await expect(ada.getByTestId("balance-index")).toHaveText(/^\d\.\d\d$/);
  expect(refreshes).toHaveLength(1);
  await ada.unroute("**/v1/users/me/balance");

  // Still 401 after the refresh: back to the sign-in page, which says why, then back here.
  await ada.route("**/v1/users/me/summary", (route) =>
    route.fulfill({ status: 401, contentType: "application/problem+json", json: expired }),
  );
  await nav(ada, "Log");
  await nav(ada, "Dashboard");
  await expect(ada.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(ada.getByText("Your session has ended. Please sign in again.")).toBeVisible();
  await ada.unroute("**/v1/users/me/summary");
  await ada.getByLabel("Email").fill(athlete.email);
  await ada.getByLabel("Password").fill(athlete.password);
  await ada.getByRole("button", { name: "Sign in" }).click();
  await expect(ada.getByRole("heading", { name: `${athlete.name}’s dashboard` })).toBeVisible();
  await nav(ada, "Data");
});

test("a reload keeps the session: no token in storage, the refresh token in an HttpOnly cookie", async () => {
  const stored = await ada.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
  expect(stored).toEqual({ local: 0, session: 0, cookie: "" });
  await ada.reload();
  // Back where the reload happened, without the password (e2e/session.spec.ts has the details).
  await expect(ada.getByRole("heading", { name: "Your data" })).toBeVisible();
});
