/**
 * The dashboard on a phone (390 × 844): chart axes that read right (each date once, none after
 * today, y labels on every chart, every balance point inside its axis), a six-set workout on two
 * screens, weights in the unit chosen at sign-up, and no focus ring on a page that just loaded.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { appUrl, expectAccessible, expectNoHorizontalScroll, isoDaysAgo, origin, screenshot, settled, token } from "./helpers.js";

test.describe.configure({ mode: "serial" });

const PHONE_390 = { width: 390, height: 844 } as const;
test.use({ viewport: PHONE_390 });

const run = Date.now().toString(36);
const password = "correct horse battery";
/** The browser's time zone (playwright.config.ts): the charts count "today" in it. */
const ZONE = "Europe/Berlin";

function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date());
}

async function register(request: APIRequestContext, email: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await request.post(`${origin()}/v1/auth/register`, {
    data: { email, password, display_name: "Phone Phil", sex: "male", bodyweight_kg: 80, timezone: ZONE, ...extra },
  });
  expect(response.status()).toBe(201);
  return token(request, email, password);
}

type Set = [exercise: string, reps: number, load: number];

async function logWorkout(request: APIRequestContext, bearer: string, daysAgo: number, sets: Set[]): Promise<void> {
  const response = await request.post(`${origin()}/v1/users/me/workouts`, {
    headers: { Authorization: `Bearer ${bearer}` },
    data: {
      started_at: isoDaysAgo(daysAgo, 9),
      sets: sets.map(([exercise, reps, load_kg]) => ({ exercise, reps, load_kg })),
    },
  });
  expect(response.status()).toBe(201);
}

async function logPain(request: APIRequestContext, bearer: string, daysAgo: number, score: number): Promise<void> {
  const response = await request.post(`${origin()}/v1/users/me/pain-scores`, {
    headers: { Authorization: `Bearer ${bearer}` },
    data: { recorded_at: isoDaysAgo(daysAgo, 10), region: "low_back", score },
  });
  expect(response.status()).toBe(201);
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(appUrl());
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Phone Phil’s dashboard" })).toBeVisible();
  await settled(page);
}

interface Axes {
  name: string;
  xLabels: string[];
  xDates: string[];
  yLabels: string[];
  yRange: [number, number];
}

/** What each chart drew on its axes (the canvas has no text: the chart records it). */
async function chartAxes(page: Page): Promise<Axes[]> {
  const charts = page.locator(".chart");
  const count = await charts.count();
  for (let i = 0; i < count; i += 1) {
    await expect(charts.nth(i)).toHaveAttribute("data-y-ticks", /./);
  }
  return charts.evaluateAll((elements) =>
    elements.map((el) => {
      const data = (el as HTMLElement).dataset;
      const split = (value: string | undefined): string[] => (value ? value.split("|") : []);
      const [lo, hi] = split(data.yRange).map(Number);
      return {
        name: el.getAttribute("aria-label") ?? "",
        xLabels: split(data.xTicks),
        xDates: split(data.xDates),
        yLabels: split(data.yTicks),
        yRange: [lo ?? NaN, hi ?? NaN] as [number, number],
      };
    }),
  );
}

function expectReadableAxes(axes: Axes[], what: string): void {
  const last = today();
  for (const chart of axes) {
    const name = `${what}: ${chart.name.slice(0, 60)}`;
    expect(chart.xLabels.length, `${name}: x labels`).toBeGreaterThanOrEqual(2);
    expect(new Set(chart.xLabels).size, `${name}: a date repeated in ${chart.xLabels.join(", ")}`).toBe(
      chart.xLabels.length,
    );
    expect(chart.xDates.filter((d) => d > last), `${name}: dates after today (${last})`).toEqual([]);
    expect(chart.yLabels.length, `${name}: y labels`).toBeGreaterThanOrEqual(2);
    for (const label of chart.yLabels) expect(label, `${name}: an empty y label`).toMatch(/\d/);
  }
}

test("charts at 390 px: each date once, none after today, y labels, every balance point on the axis", async ({
  page,
  request,
}) => {
  // Ten weeks, far posterior-dominant (B well above 1.25), with pain on the same days.
  const email = `phil-${run}@example.com`;
  const bearer = await register(request, email);
  for (let w = 9; w >= 0; w -= 1) {
    const days = 7 * w + 1;
    await logWorkout(request, bearer, days, [
      ["deadlift", 5, 160 + 2 * (9 - w)],
      ["hip_thrust", 8, 150 + 3 * (9 - w)],
      ["pull_up", 8, 20],
      ["back_squat", 5, 50],
      ["bench_press", 5, 40],
    ]);
    await logPain(request, bearer, days, 6 - Math.floor((9 - w) / 2));
  }
  await signIn(page, email);
  await expect(page.getByRole("img", { name: /balance index B at \d+ snapshots/ })).toBeVisible();
  await expect(page.locator(".chart")).toHaveCount(5);

  // Nothing focused shows a ring the user did not ask for.
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "none";
    const style = getComputedStyle(el);
    return style.outlineStyle === "none" || style.outlineWidth === "0px" ? "none" : `${el.tagName} ${style.outline}`;
  });
  expect(ring).toBe("none");

  const axes = await chartAxes(page);
  expectReadableAxes(axes, "ten weeks");

  // The balance axis holds every snapshot and its smoothed value, none on the edge.
  const trend = await request.get(`${origin()}/v1/users/me/balance/trend`, {
    headers: { Authorization: `Bearer ${bearer}` },
  });
  const points = ((await trend.json()) as { points: { index: number | null; smoothed: number | null }[] }).points;
  const values = points.flatMap((p) => [p.index, p.smoothed]).filter((v): v is number => v !== null);
  expect(Math.max(...values)).toBeGreaterThan(1.25);
  const balanceAxes = axes.find((a) => a.name.startsWith("Chart: balance index B"));
  expect(balanceAxes).toBeDefined();
  const [lo, hi] = balanceAxes?.yRange ?? [NaN, NaN];
  for (const v of values) {
    expect(v, "a balance point outside the axis").toBeGreaterThan(lo);
    expect(v, "a balance point outside the axis").toBeLessThan(hi);
  }
  // The gauge too: its scale reaches past the index.
  const index = Number(await page.getByTestId("balance-index").textContent());
  const [gaugeLo, gaugeHi] = ((await page.locator(".gauge-ticks").getAttribute("data-range")) ?? "").split("|").map(Number);
  expect(index).toBeGreaterThan(gaugeLo ?? NaN);
  expect(index).toBeLessThan(gaugeHi ?? NaN);

  await expectNoHorizontalScroll(page, "dashboard at 390 px");
  await screenshot(page, "phone-dashboard-390");
});

test("charts at 390 px over a few days: whole days only, no date after today", async ({ page, request }) => {
  // Three workouts in three days, the last today: a narrow range used to repeat dates (ticks every
  // few hours) and to run past today.
  const email = `phoebe-${run}@example.com`;
  const bearer = await register(request, email);
  for (const days of [2, 1, 0]) {
    await logWorkout(request, bearer, days, [
      ["deadlift", 5, 100 + 5 * (2 - days)],
      ["hip_thrust", 8, 90],
      ["pull_up", 5, 0],
      ["back_squat", 5, 80],
      ["bench_press", 5, 60],
    ]);
  }
  await logPain(request, bearer, 0, 3);
  await signIn(page, email);
  await expect(page.locator(".chart")).toHaveCount(5);
  expectReadableAxes(await chartAxes(page), "three days");
  await screenshot(page, "phone-dashboard-3-days-390");
});

test("a six-set workout fits on two phone screens and saves", async ({ page, request }) => {
  const email = `sam-${run}@example.com`;
  await register(request, email);
  await signIn(page, email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log", exact: true }).click();
  await settled(page);

  const sets: Set[] = [
    ["deadlift", 5, 140],
    ["deadlift", 5, 140],
    ["hip_thrust", 8, 120],
    ["pull_up", 6, 10],
    ["back_squat", 5, 100],
    ["bench_press", 5, 80],
  ];
  for (const [i, [exercise, reps, load]] of sets.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Add a set" }).click();
    const set = page.getByRole("group", { name: `Set ${i + 1}` });
    await set.getByLabel("Exercise").selectOption(exercise);
    await set.getByLabel("Reps").fill(String(reps));
    await set.getByLabel("Load (kg)").fill(String(load));
  }
  const save = page.getByRole("button", { name: "Save workout" });
  const bottom = await save.evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
  expect(bottom, "the Save button of a six-set workout is within two screens").toBeLessThanOrEqual(
    2 * PHONE_390.height,
  );
  // Each set's controls are big enough to hit with a thumb.
  const smallest = await page
    .locator("fieldset.set")
    .first()
    .evaluate((fs) => Math.min(...Array.from(fs.querySelectorAll("input, select, button"), (el) => el.getBoundingClientRect().height)));
  expect(smallest).toBeGreaterThanOrEqual(44);

  await expectNoHorizontalScroll(page, "log at 390 px");
  await expectAccessible(page, "log at 390 px");
  await screenshot(page, "phone-log-6-sets-390");
  await save.click();
  await expect(page.getByText("Saved the workout with 6 sets.")).toBeVisible();

  // Next time, what was logged heads the long catalog, most logged first.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard", exact: true }).click();
  await settled(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log", exact: true }).click();
  await settled(page);
  const recent = page.getByRole("group", { name: "Set 1" }).locator('optgroup[label="Logged recently"] option');
  await expect(recent).toHaveCount(5);
  await expect(recent.first()).toHaveAttribute("value", "deadlift");
});

test("pounds chosen at sign-up are used everywhere, and kilograms chosen on the account page", async ({
  page,
  request,
}) => {
  const email = `lou-${run}@example.com`;
  await page.goto(appUrl("/signup"));
  await page.getByLabel("Name (shown to your trainer)").fill("Phone Phil");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Sex").selectOption("male");
  await page.getByLabel("Units").selectOption("lb");
  await page.getByLabel("Bodyweight (lb)").fill("176");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Phone Phil’s dashboard" })).toBeVisible();
  await settled(page);

  const bearer = await token(request, email, password);
  const auth = { headers: { Authorization: `Bearer ${bearer}` } };
  const profile = (await (await request.get(`${origin()}/v1/users/me`, auth)).json()) as {
    unit_preference: string;
    bodyweight_kg: number;
  };
  expect(profile.unit_preference).toBe("lb");
  expect(profile.bodyweight_kg).toBeCloseTo(176 * 0.45359237, 2);

  // A set entered in pounds is stored in kilograms.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log", exact: true }).click();
  await settled(page);
  const set = page.getByRole("group", { name: "Set 1" });
  await set.getByLabel("Exercise").selectOption("deadlift");
  await set.getByLabel("Reps").fill("5");
  await set.getByLabel("Load (lb)").fill("225");
  await page.getByRole("button", { name: "Save workout" }).click();
  await expect(page.getByText("Saved the workout with 1 set.")).toBeVisible();
  const workouts = (await (await request.get(`${origin()}/v1/users/me/workouts`, auth)).json()) as {
    items: { sets: { load_kg: number }[] }[];
  };
  expect(workouts.items[0]?.sets[0]?.load_kg).toBeCloseTo(225 * 0.45359237, 2);

  // The dashboard speaks pounds: 225 lb × 5 reps is an e1RM of 262.5 lb (Epley).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard", exact: true }).click();
  await settled(page);
  await expect(page.getByRole("img", { name: /^Chart: Deadlift e1RM/ })).toHaveAttribute("aria-label", /262\.5 lb/);

  // Back to kilograms on the account page: the bodyweight field converts with it.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account", exact: true }).click();
  await settled(page);
  await expect(page.getByLabel("Units")).toHaveValue("lb");
  await expect(page.getByLabel("Bodyweight (lb)")).toHaveValue("176");
  await page.getByLabel("Units").selectOption("kg");
  await expect(page.getByLabel("Bodyweight (kg)")).toHaveValue("79.83");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  const after = (await (await request.get(`${origin()}/v1/users/me`, auth)).json()) as { unit_preference: string };
  expect(after.unit_preference).toBe("kg");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log", exact: true }).click();
  await settled(page);
  await expect(page.getByRole("group", { name: "Set 1" }).getByLabel("Load (kg)")).toBeVisible();
  await expectAccessible(page, "log in kg");
});
