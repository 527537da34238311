/**
 * Names an import did not find in the catalog, mapped through the resolver's suggestions: each
 * becomes an alias of a catalog exercise (`PATCH /v1/exercises/{id}` with `alias_of`), and every
 * figure counts its sets at once. `POST /v1/exercises/resolve` finds more candidates for a name
 * typed by the user.
 */
import { api, unwrap, type Schemas } from "../api.js";
import { field, h, nextId, replace, select, setStatus, statusLine } from "../dom.js";

type Suggestion = Schemas["ExerciseSuggestion"];
type ImportSource = NonNullable<Schemas["ResolveRequest"]["source"]>;

export interface UnknownExercise {
  name: string;
  exercise_id: string | null;
  suggestions: Suggestion[];
}

const KEEP = "";

function percent(score: number): string {
  // rapidfuzz scores run 0–100.
  return `${Math.round(score)} % match`;
}

function options(suggestions: Suggestion[]): [string, string][] {
  return [
    [KEEP, "Keep as my own exercise (not counted)"],
    ...suggestions.map((s): [string, string] => [s.slug, `${s.name} (${percent(s.score)})`]),
  ];
}

/** After a dry run: what each unknown name would be, and the closest catalog names. */
function previewList(unknowns: UnknownExercise[]): HTMLElement {
  return h(
    "ul",
    { class: "unknown-list" },
    unknowns.map((u) =>
      h(
        "li",
        {},
        h("strong", {}, u.name),
        u.suggestions.length
          ? ` — closest in the catalog: ${u.suggestions.map((s) => s.name).join(", ")}.`
          : " — nothing close in the catalog.",
      ),
    ),
  );
}

/** One row: the name, a choice among its suggestions, and a search for more. */
function mappingRow(unknown: UnknownExercise, source: ImportSource | undefined): { element: HTMLElement; chosen(): string } {
  let suggestions = [...unknown.suggestions];
  const choice = select(`map-${unknown.exercise_id ?? unknown.name}`, options(suggestions), KEEP);
  const query = h("input", { type: "search", name: "query", value: unknown.name, autocomplete: "off" });
  const find = h("button", { type: "button", class: "secondary" }, "Find");
  const status = statusLine();
  find.addEventListener("click", () => {
    const name = query.value.trim();
    if (!name) return;
    find.disabled = true;
    unwrap(
      api().POST("/v1/exercises/resolve", { body: { names: [name], ...(source ? { source } : {}) } }),
      "Searching the catalog",
    )
      .then((answer) => {
        const item = answer.items[0];
        const found: Suggestion[] = [];
        if (item?.exercise) found.push({ slug: item.exercise.slug, name: item.exercise.name, score: 100 });
        found.push(...(item?.suggestions ?? []));
        const known = new Set(suggestions.map((s) => s.slug));
        suggestions = [...found.filter((s) => !known.has(s.slug)), ...suggestions];
        replace(choice, options(suggestions).map(([value, label]) => h("option", { value }, label)));
        const best = found[0];
        choice.value = best ? best.slug : KEEP;
        setStatus(status, best ? `Found ${found.length}: ${best.name} chosen.` : `Nothing in the catalog looks like “${name}”.`);
      })
      .catch((err: unknown) => setStatus(status, err instanceof Error ? err.message : String(err), "error"))
      .finally(() => {
        find.disabled = false;
      });
  });
  const element = h(
    "li",
    { class: "mapping" },
    field(`“${unknown.name}” is`, choice),
    h("div", { class: "mapping-search" }, field("Search the catalog", query), find),
    status,
  );
  return { element, chosen: () => choice.value };
}

/**
 * The unknown names of an import: a preview after a dry run, and after the import a form that
 * maps each to a catalog exercise.
 */
export function unknownExercisesPanel(
  unknowns: UnknownExercise[],
  dryRun: boolean,
  source: ImportSource | undefined,
): HTMLElement | null {
  if (!unknowns.length) return null;
  const headingId = nextId("unknown");
  const panel = h(
    "section",
    { class: "unknown-exercises", "aria-labelledby": headingId },
    h("h3", { id: headingId }, `${unknowns.length} name${unknowns.length === 1 ? "" : "s"} not in the catalog`),
  );
  const mappable = unknowns.filter((u) => u.exercise_id);
  if (dryRun || !mappable.length) {
    panel.append(
      h(
        "p",
        {},
        dryRun
          ? "They will be created as your own exercises, which no balance counts until you say what they are. After the import you can map each one to the catalog exercise it is."
          : "They were created as your own exercises.",
      ),
      previewList(unknowns),
    );
    return panel;
  }
  const rows = mappable.map((u) => ({ unknown: u, ...mappingRow(u, source) }));
  const save = h("button", { type: "submit" }, "Save mappings");
  const status = statusLine();
  const form = h(
    "form",
    { class: "mapping-form", "aria-labelledby": headingId },
    h(
      "p",
      {},
      "They were created as your own exercises, which no balance counts yet. Say which catalog exercise each one is, and every figure counts its sets at once.",
    ),
    h("ol", { class: "mapping-list" }, rows.map((r) => r.element)),
    save,
    status,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = rows.filter((r) => r.chosen() !== KEEP);
    if (!chosen.length) {
      setStatus(status, "Nothing to map: each name stays your own exercise.", "info");
      return;
    }
    save.disabled = true;
    setStatus(status, "Saving…");
    Promise.allSettled(
      chosen.map((r) =>
        unwrap(
          api().PATCH("/v1/exercises/{exercise_ref}", {
            params: { path: { exercise_ref: r.unknown.exercise_id ?? "" } },
            body: { alias_of: r.chosen() },
          }),
          `Mapping “${r.unknown.name}”`,
        ),
      ),
    )
      .then((outcomes) => {
        const failed = outcomes
          .map((o, i) =>
            o.status === "rejected"
              ? `${chosen[i]?.unknown.name ?? ""}: ${o.reason instanceof Error ? o.reason.message : String(o.reason)}`
              : null,
          )
          .filter((x): x is string => x !== null);
        const done = chosen.length - failed.length;
        if (failed.length) setStatus(status, `Mapped ${done}; not mapped: ${failed.join("; ")}`, "error");
        else setStatus(status, `Mapped ${done} name${done === 1 ? "" : "s"}: the balance counts their sets now.`, "ok");
      })
      .finally(() => {
        save.disabled = false;
      });
  });
  panel.append(form);
  return panel;
}
