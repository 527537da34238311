/**
 * What method pcb-2 adds to a balance answer (BALANCE_METHOD §11–§14): the volume balance V beside
 * the strength balance B, the coverage in plain words, the suggestions, and the latest date with
 * data. Each part renders nothing when its member is absent (a pcb-1 answer).
 */
import type { Schemas } from "../api.js";
import { append, h } from "../dom.js";
import { bandText, day, liftLabel, num } from "../format.js";

type Band = Schemas["Band"];

type Volume = Schemas["VolumeRead"];
type VolumeRegion = Schemas["VolumeRegion"];
type Coverage = Schemas["CoverageRead"];
type Suggestion = Schemas["SuggestionRead"];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "Based on 212 of 240 working sets …" for the strength index (the sets it could score). */
export function strengthCoverage(coverage: Coverage | null | undefined): string | null {
  if (!coverage) return null;
  return (
    `Based on ${coverage.scored} of ${plural(coverage.working_sets, "working set")} in the ` +
    `${coverage.window_days} days to ${day(coverage.date)}: the sets of exercises with a strength standard.`
  );
}

/** The volume index counts every working set of a posterior or anterior exercise. */
export function volumeCoverage(coverage: Coverage | null | undefined): string | null {
  if (!coverage) return null;
  return (
    `Counts ${coverage.counted} of ${plural(coverage.working_sets, "working set")} in the ` +
    `${coverage.window_days} days to ${day(coverage.date)} (arms, core, carries and cardio are not counted).`
  );
}

/** How many working sets are of exercises nobody has classified yet (custom, not mapped). */
export function unclassifiedSets(coverage: Coverage | null | undefined): number {
  return coverage ? Math.max(0, coverage.working_sets - coverage.classified) : 0;
}

/** An index in large type with its band and, when marked, a second badge. */
export function indexHeadline(
  value: number | null | undefined,
  band: Band | null | undefined,
  marked: boolean | null | undefined,
  testId: string,
): HTMLElement {
  return h(
    "p",
    { class: "gauge-value" },
    h("span", { class: "index", "data-testid": testId }, num(value)),
    " ",
    h("span", { class: `band band-${band ?? "none"}` }, bandText(band)),
    marked ? h("span", { class: "band band-marked" }, "marked") : null,
  );
}

/** `posterior` → "no posterior sets"; `lower_posterior` → "no posterior lower-body sets". */
function missingText(code: string): string {
  const [first, second] = code.split("_");
  if (second && (first === "lower" || first === "upper")) return `no ${second} ${first}-body sets`;
  if (first === "posterior" || first === "anterior") return `no ${first} sets`;
  return code.replace(/_/g, " ");
}

function regionText(region: VolumeRegion | undefined): string {
  if (!region) return "—";
  const sets = `${region.posterior_sets} posterior / ${region.anterior_sets} anterior sets`;
  if (region.index === null || region.index === undefined) {
    const why = region.missing.map(missingText).join(", ");
    return why ? `${sets} (${why})` : sets;
  }
  return `${sets}: ${num(region.index)}, ${bandText(region.band).toLowerCase()}${region.marked ? ", marked" : ""}`;
}

/** The volume balance V, beside the strength balance. */
export function volumeCard(
  volume: Volume | null | undefined,
  coverage: Coverage | null | undefined,
  own: boolean,
): HTMLElement | null {
  if (!volume) return null;
  const card = h(
    "section",
    { class: "card volume-card", "aria-labelledby": "volume-title" },
    h("h2", { id: "volume-title" }, "Training volume balance"),
  );
  if (volume.index === null || volume.index === undefined) {
    append(
      card,
      h("p", { class: "big-empty" }, "No volume balance yet"),
      volume.missing?.length
        ? h("ul", { class: "missing" }, volume.missing.map((m) => h("li", {}, `${capitalise(missingText(m))} in the ${volume.window_days} days to ${day(volume.date)}.`)))
        : null,
    );
  } else {
    card.append(
      indexHeadline(volume.index, volume.band, volume.marked, "volume-index"),
      h(
        "p",
        {},
        `Volume index V = ${num(volume.index, 3)}: posterior against anterior working sets in the ` +
          `${volume.window_days} days to ${day(volume.date)}` +
          ` (balanced is 0.90–1.10).`,
      ),
    );
  }
  card.append(
    h(
      "dl",
      { class: "pairs" },
      h("dt", {}, "Lower body"),
      h("dd", {}, regionText(volume.regions?.lower)),
      h("dt", {}, "Upper body"),
      h("dd", {}, regionText(volume.regions?.upper)),
    ),
    h(
      "p",
      { class: "hint" },
      "V is what you train (the emphasis, it moves first); the strength balance B is what you can lift (it follows).",
    ),
  );
  const counts = volumeCoverage(coverage);
  if (counts) card.append(h("p", { class: "meta coverage" }, counts));
  const unclassified = unclassifiedSets(coverage);
  if (unclassified > 0) {
    card.append(
      h(
        "p",
        { class: "hint" },
        `${plural(unclassified, "set")} ${unclassified === 1 ? "is" : "are"} of exercises not classified yet` +
          (own ? ": " : "."),
        own ? h("a", { href: "#/data" }, "map them to catalog exercises") : null,
        own ? "." : null,
      ),
    );
  }
  return card;
}

/** More posterior work where a region lags (a training-emphasis suggestion, not medical advice). */
export function suggestionsCard(suggestions: Suggestion[] | null | undefined): HTMLElement | null {
  if (!suggestions?.length) return null;
  return h(
    "section",
    { class: "card suggestions-card", "aria-labelledby": "suggestions-title" },
    h("h2", { id: "suggestions-title" }, "Suggestions"),
    h(
      "ul",
      { class: "suggestions" },
      suggestions.map((s) =>
        h(
          "li",
          {},
          h("strong", {}, `${s.region === "upper" ? "Upper" : s.region === "lower" ? "Lower" : s.region} body: `),
          s.text,
          s.exercises.length
            ? h("span", { class: "hint" }, ` For example: ${s.exercises.map(liftLabel).join(", ")}.`)
            : null,
        ),
      ),
    ),
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "volume: balanced", for the roster. */
export function volumeBandText(band: Band | null | undefined, marked: boolean | null | undefined): string {
  if (!band) return "not yet";
  return `${bandText(band).toLowerCase()}${marked ? " (marked)" : ""}`;
}
