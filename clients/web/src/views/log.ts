/** Log a workout, a pain score and a bodyweight: built for a phone held in one hand. */
import { api, ApiError, me, unwrap, type Schemas } from "../api.js";
import { append, field, h, nextId, select, setStatus, statusLine } from "../dom.js";
import {
  fromUnit,
  localInputValue,
  regionLabel,
  REGIONS,
  rfc3339,
  unitInputValue,
  weight as formatWeight,
  weightUnit,
} from "../format.js";
import type { View } from "../router.js";

type Exercise = Schemas["ExerciseRead"];
type SetWrite = Schemas["SetWrite"];

const SET_TYPES: readonly (readonly [Schemas["SetType"], string])[] = [
  ["normal", "Working"],
  ["warmup", "Warm-up"],
  ["dropset", "Drop set"],
  ["failure", "Failure"],
];
const SIDES: readonly (readonly [string, string])[] = [
  ["", "—"],
  ["left", "Left"],
  ["right", "Right"],
  ["both", "Both"],
];
const CONTEXTS: readonly (readonly [string, string])[] = [
  ["", "—"],
  ["rest", "At rest"],
  ["during_training", "During training"],
  ["after_training", "After training"],
  ["next_morning", "Next morning"],
];
const SCORE_WORDS = ["no pain", "mild", "mild", "mild", "moderate", "moderate", "moderate", "severe", "severe", "severe", "worst imaginable"];

function dateTimeInput(name: string): HTMLInputElement {
  return h("input", { type: "datetime-local", name, value: localInputValue(new Date()), required: true });
}

/** `datetime-local` value (browser's zone) → RFC 3339 with offset. */
function instant(input: HTMLInputElement): string {
  return rfc3339(new Date(input.value));
}

function errorText(err: unknown): string {
  return err instanceof ApiError || err instanceof Error ? err.message : String(err);
}

async function allExercises(): Promise<Exercise[]> {
  const items: Exercise[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api().GET("/v1/exercises", { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } } }),
      "The exercise list",
    );
    items.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return items;
}

/** The exercises of the last 90 days' workouts, most logged first (the top of the picker). */
async function recentExercises(user: string): Promise<string[]> {
  const from = rfc3339(new Date(Date.now() - 90 * 86_400_000));
  const page = await unwrap(
    api().GET("/v1/users/{user}/workouts", { params: { path: { user }, query: { from, limit: 100 } } }),
    "Your recent workouts",
  );
  const counts = new Map<string, number>();
  for (const workout of page.items) {
    for (const set of workout.sets) counts.set(set.exercise, (counts.get(set.exercise) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([slug]) => slug);
}

export const logView: View = async (root, ctx) => {
  const clientId = ctx.params.id;
  const user = clientId ?? "me";
  const [catalog, recent] = await Promise.all([allExercises(), recentExercises(user)]);
  const exercises: Picker = { all: catalog, recent: recent.slice(0, 15) };
  append(
    root,
    clientId ? h("p", { class: "crumbs" }, h("a", { href: `#/clients/${encodeURIComponent(clientId)}` }, "← Client")) : null,
    h("h1", {}, clientId ? "Log a session for your client" : "Log"),
    h("div", { class: "grid" }, workoutForm(user, exercises), h("div", { class: "stack" }, painForm(user), bodyweightForm(user))),
  );
};

// ------------------------------------------------------------------ workout

/** The catalog, and the slugs logged most in the last 90 days (shown first). */
interface Picker {
  all: Exercise[];
  recent: string[];
}

function exerciseSelect(picker: Picker, selected: string): HTMLSelectElement {
  const el = h("select", { name: "exercise", required: true });
  const bySlug = new Map(picker.all.map((e) => [e.slug, e]));
  const recent = picker.recent.map((slug) => bySlug.get(slug)).filter((e): e is Exercise => e !== undefined);
  if (recent.length) {
    el.append(
      h(
        "optgroup",
        { label: "Logged recently" },
        recent.map((e) => h("option", { value: e.slug, selected: e.slug === selected }, e.name)),
      ),
    );
  }
  const exercises = picker.all.filter((e) => !picker.recent.includes(e.slug));
  const groups: [Schemas["Chain"], string][] = [
    ["posterior", "Posterior chain"],
    ["anterior", "Anterior chain"],
    ["neutral", "Other"],
  ];
  for (const [chain, label] of groups) {
    const members = exercises.filter((e) => e.chain === chain).sort((a, b) => a.name.localeCompare(b.name));
    if (!members.length) continue;
    el.append(
      h(
        "optgroup",
        { label },
        members.map((e) => h("option", { value: e.slug, selected: e.slug === selected }, e.name)),
      ),
    );
  }
  return el;
}

/** One set as entered: the load in the user's unit (kilograms only when sent). */
interface SetEntry {
  exercise: string;
  reps: number;
  load: number;
  set_type: Schemas["SetType"];
}

function workoutForm(user: string, exercises: Picker): HTMLElement {
  const unit = weightUnit();
  const startedAt = dateTimeInput("started_at");
  const title = h("input", { type: "text", name: "title", maxlength: "200", placeholder: "e.g. Pull day" });
  const sets = h("ol", { class: "sets" });
  const status = statusLine();
  const submit = h("button", { type: "submit" }, "Save workout");

  const renumber = (): void => {
    [...sets.children].forEach((item, i) => {
      const legend = item.querySelector("legend");
      if (legend) legend.textContent = `Set ${i + 1}`;
      const number = item.querySelector(".set-number");
      if (number) number.textContent = String(i + 1);
      item.querySelector("button.remove")?.setAttribute("aria-label", `Remove set ${i + 1}`);
    });
  };

  /** A set in two rows (exercise; reps, load, type): six fit on two phone screens. */
  const addSet = (previous?: SetEntry): void => {
    const exercise = exerciseSelect(exercises, previous?.exercise ?? "deadlift");
    const reps = h("input", {
      type: "number",
      name: "reps",
      min: "0",
      max: "1000",
      step: "1",
      inputmode: "numeric",
      required: true,
      value: previous ? String(previous.reps) : "5",
    });
    const load = h("input", {
      type: "number",
      name: "load",
      min: unit === "lb" ? "-1100" : "-500",
      max: unit === "lb" ? "3300" : "1500",
      step: "0.25",
      inputmode: "decimal",
      value: previous ? String(previous.load) : "",
    });
    const setType = select("set_type", SET_TYPES, previous?.set_type ?? "normal");
    const remove = h("button", { type: "button", class: "remove secondary" }, h("span", { "aria-hidden": "true" }, "✕"));
    const part = (el: HTMLElement, cls: string): HTMLElement => {
      el.classList.add(cls);
      return el;
    };
    const exerciseField = part(field("Exercise", exercise), "set-exercise");
    // The select says what it is; its label stays for screen readers.
    exerciseField.querySelector("label")?.classList.add("visually-hidden");
    const item = h(
      "li",
      {},
      h(
        "fieldset",
        { class: "set" },
        h("legend", { class: "visually-hidden" }, "Set"),
        h("span", { class: "set-number", "aria-hidden": "true" }),
        exerciseField,
        remove,
        part(field("Reps", reps), "set-reps"),
        part(field(`Load (${unit})`, load), "set-load"),
        part(field("Type", setType), "set-type"),
      ),
    );
    remove.addEventListener("click", () => {
      item.remove();
      renumber();
    });
    sets.append(item);
    renumber();
  };

  const readSets = (): SetEntry[] =>
    [...sets.querySelectorAll("fieldset.set")].map((fs) => {
      const value = (name: string): string =>
        (fs.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement | null)?.value ?? "";
      return {
        exercise: value("exercise"),
        reps: Number(value("reps")),
        load: value("load") === "" ? 0 : Number(value("load")),
        set_type: value("set_type") as Schemas["SetType"],
      };
    });

  const toWrite = (entry: SetEntry): SetWrite => ({
    exercise: entry.exercise,
    reps: entry.reps,
    load_kg: fromUnit(entry.load, unit),
    set_type: entry.set_type,
  });

  const addButton = h("button", { type: "button", class: "secondary" }, "Add a set");
  addButton.addEventListener("click", () => {
    const all = readSets();
    addSet(all[all.length - 1]);
    (sets.lastElementChild?.querySelector("select") as HTMLSelectElement | null)?.focus();
  });
  addSet();

  const headingId = nextId("workout");
  const form = h(
    "form",
    { class: "card", "aria-labelledby": headingId },
    h("h2", { id: headingId }, "Workout"),
    h("div", { class: "workout-head" }, field("Started", startedAt), field("Title (optional)", title)),
    h(
      "p",
      { class: "hint" },
      "Load: the bar or machine weight; for pull-ups and push-ups the added weight (negative when assisted).",
    ),
    sets,
    h("div", { class: "actions" }, addButton, submit),
    status,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body: Schemas["WorkoutWrite"] = { started_at: instant(startedAt), sets: readSets().map(toWrite) };
    if (title.value.trim()) body.title = title.value.trim();
    submit.disabled = true;
    setStatus(status, "Saving…");
    unwrap(api().POST("/v1/users/{user}/workouts", { params: { path: { user } }, body }), "Saving the workout")
      .then((saved) => {
        const count = saved.sets?.length ?? body.sets?.length ?? 0;
        setStatus(
          status,
          `Saved ${saved.title ? `“${saved.title}”` : "the workout"} with ${count} set${count === 1 ? "" : "s"}.`,
          "ok",
        );
        title.value = "";
      })
      .catch((err: unknown) => setStatus(status, errorText(err), "error"))
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}

// ------------------------------------------------------------------ pain

function painForm(user: string): HTMLElement {
  const recordedAt = dateTimeInput("recorded_at");
  const region = select("region", REGIONS.map((r) => [r, regionLabel(r)] as const), "low_back");
  const side = select("side", SIDES, "");
  const score = select(
    "score",
    SCORE_WORDS.map((word, i) => [String(i), `${i} — ${word}`] as const),
    "0",
  );
  const context = select("context", CONTEXTS, "");
  const status = statusLine();
  const submit = h("button", { type: "submit" }, "Save pain score");
  const headingId = nextId("pain");
  const form = h(
    "form",
    { class: "card", "aria-labelledby": headingId },
    h("h2", { id: headingId }, "Pain score"),
    field("When", recordedAt),
    h("div", { class: "row" }, field("Region", region), field("Side", side)),
    h("div", { class: "row" }, field("Score (0–10)", score), field("Context", context)),
    submit,
    status,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body: Schemas["PainScoreWrite"] = {
      recorded_at: instant(recordedAt),
      region: region.value as Schemas["PainRegion"],
      score: Number(score.value),
    };
    if (side.value) body.side = side.value as Schemas["Side"];
    if (context.value) body.context = context.value as Schemas["PainContext"];
    submit.disabled = true;
    unwrap(api().POST("/v1/users/{user}/pain-scores", { params: { path: { user } }, body }), "Saving the pain score")
      .then((saved) =>
        setStatus(status, `Saved: ${regionLabel(saved.region, saved.side)} ${saved.score}/10.`, "ok"),
      )
      .catch((err: unknown) => setStatus(status, errorText(err), "error"))
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}

// ------------------------------------------------------------------ bodyweight

function bodyweightForm(user: string): HTMLElement {
  const unit = weightUnit();
  const measuredAt = dateTimeInput("measured_at");
  const weight = h("input", {
    type: "number",
    name: "weight",
    min: unit === "lb" ? "44" : "20",
    max: unit === "lb" ? "882" : "400",
    step: "any",
    inputmode: "decimal",
    required: true,
    value: user === "me" ? unitInputValue(me().bodyweight_kg, unit) : "",
  });
  const status = statusLine();
  const submit = h("button", { type: "submit" }, "Save bodyweight");
  const headingId = nextId("bw");
  const form = h(
    "form",
    { class: "card", "aria-labelledby": headingId },
    h("h2", { id: headingId }, "Bodyweight"),
    field("When", measuredAt),
    field(`Weight (${unit})`, weight),
    submit,
    status,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    unwrap(
      api().POST("/v1/users/{user}/bodyweights", {
        params: { path: { user } },
        body: { measured_at: instant(measuredAt), weight_kg: fromUnit(Number(weight.value), unit) },
      }),
      "Saving the bodyweight",
    )
      .then((saved) => setStatus(status, `Saved: ${formatWeight(saved.weight_kg, unit)}.`, "ok"))
      .catch((err: unknown) => setStatus(status, errorText(err), "error"))
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}
