/**
 * Method pcb-2 in the dashboard (issue 23): volume beside strength, the coverage in plain words,
 * the suggestions, the latest snapshot when today's window is empty, the roster's volume band, and
 * an import whose unknown names are mapped through the resolver's suggestions.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import {
  appUrl,
  expectAccessible,
  expectNoHorizontalScroll,
  origin,
  screenshot,
  settled,
  strongDate,
  token,
} from "./helpers.js";

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 390, height: 844 } });

const run = Date.now().toString(36);
const password = "correct horse battery";
const pageErrors: string[] = [];

const STRONG_HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE";
/** Not a catalog name (a typo of one): the import keeps it as the user's own exercise. */
const TYPO = "Romanain Dedlift (Dumbell)";

/**
 * Strong rows, one workout every `every` days from `fromDays` ago to `toDays` ago: far more
 * squats and presses than posterior work, plus three sets of an exercise spelled wrong.
 */
function strongCsv(fromDays: number, toDays: number, every = 4): string {
  const rows = [STRONG_HEADER];
  for (let days = fromDays; days >= toDays; days -= every) {
    const date = strongDate(days);
    const sets: [string, number, number][] = [
      ["Squat (Barbell)", 80, 5],
      ["Squat (Barbell)", 80, 5],
      ["Squat (Barbell)", 80, 5],
      ["Bench Press (Barbell)", 60, 5],
      ["Bench Press (Barbell)", 60, 5],
      ["Bench Press (Barbell)", 60, 5],
      ["Overhead Press (Barbell)", 40, 5],
      ["Deadlift (Barbell)", 100, 5],
      ["Pull Up", 0, 6],
      [TYPO, 20, 10],
      [TYPO, 20, 10],
      [TYPO, 20, 10],
    ];
    sets.forEach(([exercise, weight, reps], i) => {
      rows.push(`${date},"Training","50m","${exercise}",${i + 1},${weight.toFixed(1)},${reps},0,0,"","",`);
    });
  }
  return `${rows.join("\n")}\n`;
}

async function register(request: APIRequestContext, email: string, name: string): Promise<string> {
  const response = await request.post(`${origin()}/v1/auth/register`, {
    data: { email, password, display_name: name, sex: "female", bodyweight_kg: 65, timezone: "Europe/Berlin" },
  });
  expect(response.status()).toBe(201);
  return token(request, email, password);
}

async function signIn(page: Page, email: string, name: string): Promise<void> {
  page.on("pageerror", (err) => pageErrors.push(String(err)));
  await page.goto(appUrl());
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `${name}’s dashboard` })).toBeVisible();
  await settled(page);
}

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
  await settled(page);
}

async function importFile(page: Page, csv: string, dryRun: boolean): Promise<void> {
  await page.getByLabel("CSV file").setInputFiles({ name: "strong.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Preview (dry run)" }).click();
  await expect(page.getByText(/^Would import \d+ workouts/)).toBeVisible();
  if (!dryRun) {
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByText(/^Imported \d+ workouts/)).toBeVisible();
  }
}

test.afterEach(() => {
  expect(pageErrors, "uncaught errors in the page").toEqual([]);
});

const ines = { email: `ines-${run}@example.com`, name: "Ines Import" };

interface Coverage {
  working_sets: number;
  classified: number;
  counted: number;
  scored: number;
}

async function coverage(request: APIRequestContext, bearer: string): Promise<Coverage> {
  const response = await request.get(`${origin()}/v1/users/me/balance`, { headers: { Authorization: `Bearer ${bearer}` } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { coverage: Coverage }).coverage;
}

test("an import maps an unknown name through the resolver's suggestions; the figures follow", async ({
  page,
  request,
}) => {
  const bearer = await register(request, ines.email, ines.name);
  await signIn(page, ines.email, ines.name);
  await nav(page, "Data");
  const csv = strongCsv(26, 0);

  // The dry run names what is unknown, with the closest catalog names.
  await importFile(page, csv, true);
  const unknown = page.getByRole("region", { name: "1 name not in the catalog" });
  await expect(unknown).toContainText(TYPO);
  await expect(unknown).toContainText(/closest in the catalog: .*Romanian Deadlift/i);

  // Imported: the unknown exercise is the user's own, its sets not classified.
  await importFile(page, csv, false);
  const before = await coverage(request, bearer);
  expect(before.working_sets - before.classified).toBe(3 * 7);

  // The resolver's search, from a name typed by hand, picks the catalog exercise.
  const choice = page.getByLabel(`“${TYPO}” is`);
  await expect(choice).toHaveValue("");
  await page.getByLabel("Search the catalog").fill("Romanian Deadlift (Dumbbell)");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText(/^Found \d+: Romanian Deadlift/i)).toBeVisible();
  const slug = await choice.inputValue();
  expect(slug).toMatch(/romanian/);
  await expectAccessible(page, "mapping form");
  await expectNoHorizontalScroll(page, "mapping form at 390 px");
  await screenshot(page, "pcb2-import-mapping-390");
  await page.getByRole("button", { name: "Save mappings" }).click();
  await expect(page.getByText("Mapped 1 name: the balance counts their sets now.")).toBeVisible();

  // Every figure follows at once: all sets classified, and counted for volume.
  const after = await coverage(request, bearer);
  expect(after.classified).toBe(after.working_sets);
  expect(after.counted).toBe(before.counted + 3 * 7);

  await nav(page, "Dashboard");
  const volume = page.getByRole("region", { name: "Training volume balance" });
  await expect(volume.getByTestId("volume-index")).toHaveText(/^\d\.\d\d$/);
  await expect(volume).toContainText(`Counts ${after.counted} of ${after.working_sets} working sets`);
  await expect(volume).not.toContainText("not classified yet");
  await expect(page.getByTestId("strength-coverage")).toHaveText(
    new RegExp(`^Based on ${after.scored} of ${after.working_sets} working sets`),
  );
  const suggestions = page.getByRole("region", { name: "Suggestions" });
  await expect(suggestions.locator("li").first()).toContainText(/body: /);
  await expectAccessible(page, "pcb-2 dashboard");
  await expectNoHorizontalScroll(page, "pcb-2 dashboard at 390 px");
  await screenshot(page, "pcb2-dashboard-390");
});

test("today's window empty: the dashboard shows the latest snapshot and says which date it is", async ({
  page,
  request,
}) => {
  const olga = { email: `olga-${run}@example.com`, name: "Olga Old" };
  const bearer = await register(request, olga.email, olga.name);
  // Ten weeks of history that ended 60 days ago.
  const response = await request.post(`${origin()}/v1/users/me/imports?format=strong`, {
    headers: { Authorization: `Bearer ${bearer}` },
    multipart: { file: { name: "old.csv", mimeType: "text/csv", buffer: Buffer.from(strongCsv(130, 60, 7)) } },
  });
  expect(response.status()).toBe(201);
  const today = (await (
    await request.get(`${origin()}/v1/users/me/balance`, { headers: { Authorization: `Bearer ${bearer}` } })
  ).json()) as { window_empty: boolean; latest_date: string };
  expect(today.window_empty).toBe(true);

  await signIn(page, olga.email, olga.name);
  const latest = new Date(`${today.latest_date}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  await expect(page.getByTestId("latest-notice")).toContainText(`latest snapshot with data, ${latest}`);
  await expect(page.getByTestId("balance-index")).toHaveText(/^\d\.\d\d$/);
  await expect(page.getByText(`Snapshot ${latest}`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Training volume balance" }).getByTestId("volume-index")).toHaveText(
    /^\d\.\d\d$/,
  );
  await screenshot(page, "pcb2-latest-390");
});

test("the trainer's roster shows the volume band beside the strength balance", async ({ page, request }) => {
  const trainer = { email: `tara-${run}@example.com`, name: "Tara Trainer" };
  const trainerBearer = await register(request, trainer.email, trainer.name);
  const invitation = await request.post(`${origin()}/v1/trainer/invitations`, {
    headers: { Authorization: `Bearer ${trainerBearer}` },
    data: { note: "Ines" },
  });
  expect(invitation.status()).toBe(201);
  const { code } = (await invitation.json()) as { code: string };
  const accepted = await request.post(`${origin()}/v1/users/me/trainers`, {
    headers: { Authorization: `Bearer ${await token(request, ines.email, password)}` },
    data: { code },
  });
  expect(accepted.status()).toBe(201);

  await signIn(page, trainer.email, trainer.name);
  await nav(page, "Clients");
  const card = page.locator(".roster-item", { hasText: ines.name });
  await expect(card.getByTestId("roster-volume")).toHaveText(/^(anterior-dominant|balanced|posterior-dominant)( \(marked\))?$/);
  await expect(card).toContainText("Strength balance");
  await card.getByRole("link", { name: ines.name, exact: true }).click();
  await settled(page);
  await expect(page.getByRole("region", { name: "Training volume balance" }).getByTestId("volume-index")).toBeVisible();
  await expect(page.getByTestId("strength-coverage")).toContainText("working sets");
  await expectAccessible(page, "trainer roster, pcb-2");
  await screenshot(page, "pcb2-trainer-client-390");
});
