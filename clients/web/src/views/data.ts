/** Exports, and the CSV import with its dry-run preview (errors shown per line). */
import { api, ApiError, unwrap, type Problem, type Schemas } from "../api.js";
import { field, h, replace, select, setStatus, statusLine } from "../dom.js";
import type { View } from "../router.js";
import { exportPanel } from "./exports.js";
import { unknownExercisesPanel, type UnknownExercise } from "./mapping.js";

type ImportResult = Schemas["ImportResult"];
type ImportFormat = Schemas["ImportFormat"];

const FORMATS: readonly (readonly [ImportFormat, string])[] = [
  ["auto", "Detect from the header"],
  ["strong", "Strong"],
  ["hevy", "Hevy"],
  ["fitnotes", "FitNotes"],
  ["backchain", "Backchain sets.csv"],
];

export const dataView: View = (root) => {
  root.append(h("h1", {}, "Your data"), h("div", { class: "grid" }, exportPanel("me", "Export"), importCard()));
};

interface LineError {
  line: number | null;
  field: string;
  message: string;
}

type Outcome =
  | { kind: "result"; result: ImportResult }
  | { kind: "job"; job: Schemas["ImportJobRead"] }
  | { kind: "invalid"; problem: Problem };

async function sendImport(file: File, format: ImportFormat, dryRun: boolean): Promise<Outcome> {
  const form = new FormData();
  form.append("file", file, file.name);
  const { data, error, response } = await api().POST("/v1/users/{user}/imports", {
    params: { path: { user: "me" }, query: { dry_run: dryRun, format } },
    // multipart/form-data: the browser sets the boundary.
    body: form as unknown as string,
    bodySerializer: (body) => body as unknown as FormData,
  });
  if (response.status === 202 && data && "status" in data) return { kind: "job", job: data };
  if (response.ok && data && "dry_run" in data) return { kind: "result", result: data };
  if (response.status === 422 && error && typeof error === "object") return { kind: "invalid", problem: error as Problem };
  // Anything else (401 after a failed refresh, 413, …) goes through the usual path.
  await unwrap(Promise.resolve({ error, response }), "The import");
  throw new ApiError(error, `The import failed (HTTP ${response.status})`);
}

function errorsTable(errors: LineError[]): HTMLElement {
  return h(
    "div",
    { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Import errors by line" },
    h(
      "table",
      { class: "errors" },
      h("caption", {}, `${errors.length} problem${errors.length === 1 ? "" : "s"}, by line of the file (the header is line 1)`),
      h("thead", {}, h("tr", {}, ["Line", "Column", "Problem"].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        errors.map((e) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, e.line === null ? "file" : `Line ${e.line}`),
            h("td", {}, e.field),
            h("td", {}, e.message),
          ),
        ),
      ),
    ),
  );
}

/** The layouts whose names the resolver knows (`source`). */
const SOURCES = new Set<string>(["strong", "hevy", "fitnotes"]);

function resultSummary(result: ImportResult, dryRun: boolean, format: ImportFormat): HTMLElement {
  const layout = result.format === "auto" ? format : result.format;
  const verb = dryRun ? "Would import" : "Imported";
  return h(
    "div",
    { class: "import-result" },
    h(
      "p",
      { class: "status ok" },
      `${verb} ${result.workouts_created} workout${result.workouts_created === 1 ? "" : "s"} ` +
        `with ${result.sets_created} set${result.sets_created === 1 ? "" : "s"} (${result.format} layout).`,
    ),
    h(
      "dl",
      { class: "pairs compact" },
      h("dt", {}, "Workouts"),
      h("dd", {}, String(result.workouts_created)),
      h("dt", {}, "Sets"),
      h("dd", {}, String(result.sets_created)),
      h("dt", {}, "Already imported (skipped)"),
      h("dd", {}, String(result.duplicates_skipped)),
      h("dt", {}, "Rest-timer rows (skipped)"),
      h("dd", {}, String(result.rows_skipped)),
    ),
    unknownExercisesPanel(
      result.unknown_exercises as UnknownExercise[],
      dryRun,
      SOURCES.has(layout) ? (layout as "strong" | "hevy" | "fitnotes") : undefined,
    ),
  );
}

function importCard(): HTMLElement {
  const file = h("input", { type: "file", name: "file", accept: ".csv,text/csv", required: true });
  const format = select("format", FORMATS, "auto");
  const preview = h("button", { type: "submit" }, "Preview (dry run)");
  const commit = h("button", { type: "button", disabled: true }, "Import");
  const status = statusLine();
  const output = h("div", { class: "import-output" });

  const run = async (dryRun: boolean): Promise<void> => {
    const chosen = file.files?.[0];
    if (!chosen) {
      setStatus(status, "Choose a CSV file first.", "error");
      return;
    }
    preview.disabled = true;
    commit.disabled = true;
    setStatus(status, dryRun ? "Checking the file…" : "Importing…");
    replace(output);
    try {
      const outcome = await sendImport(chosen, format.value as ImportFormat, dryRun);
      if (outcome.kind === "invalid") {
        const errors: LineError[] = (outcome.problem.errors ?? []).map((e) => ({
          line: e.line ?? null,
          field: e.field,
          message: e.message,
        }));
        setStatus(status, outcome.problem.detail ?? outcome.problem.title, "error");
        if (errors.length) replace(output, errorsTable(errors));
        return;
      }
      if (outcome.kind === "job") {
        setStatus(status, `A large file: the import runs in the background (${outcome.job.rows_total} rows).`, "info");
        return;
      }
      setStatus(status, dryRun ? "Preview ready: nothing has been stored yet." : "Import finished.", "ok");
      replace(output, resultSummary(outcome.result, dryRun, format.value as ImportFormat));
      commit.disabled = !(dryRun && outcome.result.workouts_created > 0);
    } catch (err) {
      setStatus(status, err instanceof ApiError || err instanceof Error ? err.message : String(err), "error");
    } finally {
      preview.disabled = false;
    }
  };

  file.addEventListener("change", () => {
    commit.disabled = true;
    replace(output);
    setStatus(status, "");
  });
  commit.addEventListener("click", () => void run(false));
  const form = h(
    "form",
    { class: "card", "aria-labelledby": "import-title" },
    h("h2", { id: "import-title" }, "Import"),
    h(
      "p",
      {},
      "Bring your history from Strong, Hevy or FitNotes (or a Backchain sets.csv). Preview first: " +
        "the dry run checks every row and stores nothing. An import stores all rows or none, and " +
        "importing the same file again adds nothing.",
    ),
    field("CSV file", file),
    field("Layout", format),
    h("div", { class: "actions" }, preview, commit),
    status,
    output,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run(true);
  });
  return form;
}
