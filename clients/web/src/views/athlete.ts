/** The athlete's dashboard: balance gauge and trend, benchmarks, pain, and their association. */
import { api, me, unwrap, type Schemas } from "../api.js";
import { alignSeries, chart, COLORS, PALETTE, type SeriesSpec } from "../charts.js";
import { append, field, h, replace, select } from "../dom.js";
import {
  bandText,
  FLAG_LABEL,
  dateSeconds,
  day,
  liftLabel,
  num,
  pValue,
  regionLabel,
  shownFlags,
  signed,
  toUnit,
  trendSentence,
  weight,
  weightUnit,
} from "../format.js";
import type { View, ViewContext } from "../router.js";
import { exportPanel } from "./exports.js";
import { indexHeadline, strengthCoverage, suggestionsCard, volumeCard } from "./volume.js";

type BalanceRead = Schemas["BalanceRead"];
type BalanceTrendRead = Schemas["BalanceTrendRead"];
type BenchmarksRead = Schemas["BenchmarksRead"];
type PainTrendRead = Schemas["PainTrendRead"];
type SummaryRead = Schemas["SummaryRead"];
type AssociationRead = Schemas["AssociationRead"];

const BENCHMARK_LIFTS = ["deadlift", "hip_thrust", "pull_up"] as const;

/** A balance to show, and today's answer when its window was empty and the latest is shown. */
interface Shown {
  balance: BalanceRead;
  emptyToday: BalanceRead | null;
}

/** Today's balance; when its window is empty (an imported history, a long break), the latest. */
async function loadBalance(user: string): Promise<Shown> {
  const client = api();
  const today = await unwrap(client.GET("/v1/users/{user}/balance", { params: { path: { user } } }), "The balance");
  if (!today.window_empty || !today.latest_date) return { balance: today, emptyToday: null };
  const latest = await unwrap(
    client.GET("/v1/users/{user}/balance", { params: { path: { user }, query: { at: "latest" } } }),
    "The latest balance",
  );
  return { balance: latest, emptyToday: today };
}

async function load(user: string) {
  const path = { params: { path: { user } } };
  const client = api();
  return Promise.all([
    loadBalance(user),
    unwrap(client.GET("/v1/users/{user}/balance/trend", path), "The balance trend"),
    unwrap(client.GET("/v1/users/{user}/benchmarks", path), "The benchmarks"),
    unwrap(client.GET("/v1/users/{user}/pain/trend", path), "The pain trend"),
    unwrap(client.GET("/v1/users/{user}/summary", path), "The summary"),
  ]);
}

export const athleteView: View = async (root, ctx) => {
  const user = me();
  const data = await load("me");
  root.append(
    h(
      "div",
      { class: "view-head" },
      h("h1", {}, user.display_name ? `${user.display_name}’s dashboard` : "Your dashboard"),
      h("a", { class: "button", href: "#/log" }, "Log a workout or pain"),
    ),
  );
  dashboard(root, ctx, "me", ...data);
};

export const clientView: View = async (root, ctx) => {
  const id = ctx.params.id ?? "";
  const [data, roster] = await Promise.all([
    load(id),
    unwrap(api().GET("/v1/trainer/clients", { params: { query: { limit: 500 } } }), "The roster"),
  ]);
  const entry = roster.items.find((item) => item.client.id === id);
  const name = entry?.client.display_name ?? "Client";
  root.append(
    h("p", { class: "crumbs" }, h("a", { href: "#/clients" }, "← Roster")),
    h(
      "div",
      { class: "view-head" },
      h("h1", {}, `${name}’s dashboard`),
      entry?.can_log
        ? h("a", { class: "button", href: `#/clients/${encodeURIComponent(id)}/log` }, "Log a session")
        : null,
    ),
  );
  dashboard(root, ctx, id, ...data);
  root.append(exportPanel(id, `Export ${name}’s data`));
};

function dashboard(
  root: HTMLElement,
  ctx: ViewContext,
  user: string,
  shown: Shown,
  trend: BalanceTrendRead,
  benchmarks: BenchmarksRead,
  pain: PainTrendRead,
  summary: SummaryRead,
): void {
  const flags = shownFlags(summary.flags, summary.last_workout_at);
  if (flags.length) {
    root.append(
      h(
        "section",
        { class: "card flags-card", "aria-labelledby": "flags-title" },
        h("h2", { id: "flags-title" }, "Flags"),
        h(
          "ul",
          { class: "flag-list" },
          flags.map((flag) =>
            h("li", {}, h("span", { class: `flag flag-${flag.code}` }, FLAG_LABEL[flag.code]), " ", flag.detail),
          ),
        ),
      ),
    );
  }
  const { balance, emptyToday } = shown;
  if (emptyToday?.latest_date) {
    root.append(
      h(
        "p",
        { class: "card notice", "data-testid": "latest-notice" },
        `Nothing counted in the 42 days to ${day(emptyToday.date)}: the figures below are from the latest ` +
          `snapshot with data, ${day(emptyToday.latest_date)}.`,
      ),
    );
  }
  // Strength beside volume (pcb-2); beside the trend when there is no volume (pcb-1).
  const volume = volumeCard(balance.volume, balance.coverage, user === "me");
  const grid = h("div", { class: "grid" }, gaugeCard(balance, user === "me"), volume ?? trendCard(ctx, trend));
  root.append(grid);
  if (volume) root.append(trendCard(ctx, trend));
  const suggestions = suggestionsCard(balance.suggestions);
  if (suggestions) root.append(suggestions);
  root.append(benchmarksCard(ctx, benchmarks), painCard(ctx, pain));
  root.append(associationCard(ctx, user, pain));
}

// ------------------------------------------------------------------ gauge

/** The gauge runs from 0.5 to 2, wider when a value lies outside (every marker is on it). */
const GAUGE_MIN = 0.5;
const GAUGE_MAX = 2.0;

function gaugeScale(values: (number | null | undefined)[]): { lo: number; hi: number } {
  const known = values.filter((v): v is number => typeof v === "number" && v > 0);
  const lo = Math.min(GAUGE_MIN, ...known.map((v) => v / 1.1));
  const hi = Math.max(GAUGE_MAX, ...known.map((v) => v * 1.1));
  return { lo: Math.floor(lo * 10) / 10 || 0.1, hi: Math.ceil(hi * 10) / 10 };
}

/** Position on the gauge, log scale so that 0.8 and 1.25 sit symmetric around 1.0. */
function gaugePercent(value: number, scale: { lo: number; hi: number }): number {
  const clamped = Math.min(scale.hi, Math.max(scale.lo, value));
  return (100 * Math.log(clamped / scale.lo)) / Math.log(scale.hi / scale.lo);
}

const MISSING_TEXT: Record<string, string> = {
  posterior:
    "No posterior-chain lift in the last 42 days (deadlift, hip thrust, pull-up, chin-up or barbell row).",
  anterior:
    "No anterior-chain lift in the last 42 days (back or front squat, bench press, overhead press or push-up).",
  bodyweight: "No bodyweight is known, so lifts cannot be compared with each other.",
};

function gaugeCard(balance: BalanceRead, own: boolean): HTMLElement {
  const card = h(
    "section",
    { class: "card gauge-card", "aria-labelledby": "gauge-title" },
    h("h2", { id: "gauge-title" }, "Posterior / anterior balance"),
  );
  const lower = balance.regions.lower;
  const upper = balance.regions.upper;

  if (balance.index === null || balance.index === undefined) {
    append(
      card,
      h("p", { class: "big-empty" }, "No balance yet"),
      h(
        "ul",
        { class: "missing" },
        balance.missing.map((m) => h("li", {}, MISSING_TEXT[m] ?? `Missing: ${m}.`)),
      ),
      balance.missing.includes("bodyweight") && own
        ? h("p", {}, h("a", { href: "#/account" }, "Add your bodyweight"), " or log one with a workout.")
        : null,
      own ? h("p", {}, h("a", { href: "#/log" }, "Log a workout"), " with one lift of each chain.") : null,
      coverageLine(balance),
    );
    return card;
  }

  const scale = gaugeScale([balance.index, lower.index, upper.index]);
  const marker = (value: number | null | undefined, cls: string, label: string) =>
    value === null || value === undefined
      ? null
      : h("span", { class: `gauge-marker ${cls}`, style: `left: ${gaugePercent(value, scale)}%` }, label);
  const zone = (from: number, to: number, cls: string) =>
    h("span", {
      class: `gauge-zone ${cls}`,
      style: `left: ${gaugePercent(from, scale)}%; width: ${gaugePercent(to, scale) - gaugePercent(from, scale)}%`,
    });
  const tick = (value: number) =>
    h("span", { class: "gauge-tick", style: `left: ${gaugePercent(value, scale)}%` }, String(value));

  const visual = h(
    "div",
    { class: "gauge", "aria-hidden": "true" },
    h(
      "div",
      { class: "gauge-bar" },
      zone(scale.lo, 0.8, "zone-ant-marked"),
      zone(0.8, 0.9, "zone-ant"),
      zone(0.9, 1.1, "zone-balanced"),
      zone(1.1, 1.25, "zone-post"),
      zone(1.25, scale.hi, "zone-post-marked"),
      marker(lower.index, "marker-region marker-lower", "L"),
      marker(upper.index, "marker-region marker-upper", "U"),
      marker(balance.index, "marker-main", ""),
    ),
    h(
      "div",
      { class: "gauge-ticks", "data-range": `${scale.lo}|${scale.hi}` },
      [scale.lo, 0.8, 1, 1.25, scale.hi].map(tick),
    ),
    h(
      "div",
      { class: "gauge-ends" },
      h("span", {}, "← anterior-dominant"),
      h("span", {}, "posterior-dominant →"),
    ),
  );

  append(
    card,
    indexHeadline(balance.index, balance.band, balance.marked, "balance-index"),
    visual,
    h(
      "p",
      { class: "gauge-text" },
      `Balance index B = ${num(balance.index, 3)}: ${bandText(balance.band).toLowerCase()}` +
        ` (balanced is 0.90–1.10${balance.marked ? "; below 0.80 or above 1.25 is marked" : ""}).`,
    ),
    h(
      "dl",
      { class: "pairs" },
      h("dt", {}, "Lower body (L)"),
      h("dd", {}, `${num(lower.index)}, ${bandText(lower.band).toLowerCase()}`),
      h("dt", {}, "Upper body (U)"),
      h("dd", {}, `${num(upper.index)}, ${bandText(upper.band).toLowerCase()}`),
      h("dt", {}, "Posterior score"),
      h("dd", {}, num(balance.posterior)),
      h("dt", {}, "Anterior score"),
      h("dd", {}, num(balance.anterior)),
    ),
    h(
      "p",
      { class: "meta" },
      `Snapshot ${day(balance.date)} · method ${balance.method} · reference norms: ${balance.reference}` +
        (balance.bodyweight_kg ? ` · bodyweight ${weight(balance.bodyweight_kg)}` : ""),
    ),
    coverageLine(balance),
    balance.missing.length
      ? h("ul", { class: "missing" }, balance.missing.map((m) => h("li", {}, MISSING_TEXT[m] ?? m)))
      : null,
    liftsDetails(balance),
  );
  return card;
}

/** How much of the logged training the strength index rests on (pcb-2), or nothing. */
function coverageLine(balance: BalanceRead): HTMLElement | null {
  const text = strengthCoverage(balance.coverage);
  return text ? h("p", { class: "meta coverage", "data-testid": "strength-coverage" }, text) : null;
}

function liftsDetails(balance: BalanceRead): HTMLElement {
  return h(
    "details",
    {},
    h("summary", {}, `The ${balance.lifts.length} lifts behind it`),
    h(
      "div",
      { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Lifts behind the balance" },
      h(
        "table",
        {},
        h("caption", {}, "Best e1RM of each lift in the 42 days up to the snapshot"),
        h(
          "thead",
          {},
          h("tr", {}, ["Lift", "Chain", "e1RM", "Of reference", "Date"].map((c) => h("th", { scope: "col" }, c))),
        ),
        h(
          "tbody",
          {},
          balance.lifts.map((lift) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, liftLabel(lift.lift)),
              h("td", {}, `${lift.chain}, ${lift.region}`),
              h("td", {}, weight(lift.e1rm_kg) + (lift.extrapolated ? " (extrapolated)" : "")),
              h("td", {}, num(lift.normalized)),
              h("td", {}, day(lift.date)),
            ),
          ),
        ),
      ),
    ),
    balance.excluded_sets.length
      ? h(
          "p",
          { class: "hint" },
          `${balance.excluded_sets.length} set(s) not counted: ` +
            [...new Set(balance.excluded_sets.map((s) => s.reason.replace(/_/g, " ")))].join(", "),
        )
      : null,
  );
}

// ------------------------------------------------------------------ balance trend

function trendCard(ctx: ViewContext, trend: BalanceTrendRead): HTMLElement {
  const card = h(
    "section",
    { class: "card", "aria-labelledby": "trend-title" },
    h("h2", { id: "trend-title" }, "Balance over time"),
  );
  const points = trend.points;
  if (!points.length) {
    card.append(h("p", {}, "No snapshots yet: the trend appears once a balance index can be computed."));
    return card;
  }
  const first = points[0];
  const last = points[points.length - 1];
  const sentence = trendSentence(trend.trend, "snapshots", (v) => signed(v, 3));
  const towardBalance =
    trend.trend.toward_balance === true ? " It is moving toward balance." : "";
  const description =
    `Chart: balance index B at ${points.length} snapshot${points.length === 1 ? "" : "s"}` +
    (first && last ? ` from ${day(first.date)} to ${day(last.date)}` : "") +
    (last ? `; latest ${num(last.index)}, smoothed ${num(last.smoothed)}` : "") +
    ". The shaded band from 0.90 to 1.10 is balanced. " +
    sentence;
  const figure = chart({
    description,
    x: points.map((p) => dateSeconds(p.date)),
    yLabel: "B",
    yMin: 0.8,
    yMax: 1.25,
    band: { from: 0.9, to: 1.1, label: "Balanced band 0.90–1.10" },
    series: [
      { label: "Balance index B", color: COLORS.blue, values: points.map((p) => p.index), style: "points" },
      {
        label: "Smoothed (28-day half-life)",
        color: COLORS.black,
        values: points.map((p) => p.smoothed),
        style: "line",
      },
    ],
    table: {
      caption: "Balance snapshots",
      head: ["Date", "B", "Smoothed", "Lower body", "Upper body"],
      rows: points.map((p) => [day(p.date), num(p.index, 3), num(p.smoothed, 3), num(p.lower), num(p.upper)]),
    },
  });
  ctx.onDispose(figure.dispose);
  card.append(h("p", { class: "summary" }, sentence + towardBalance), figure.element);
  return card;
}

// ------------------------------------------------------------------ benchmarks

function benchmarksCard(ctx: ViewContext, benchmarks: BenchmarksRead): HTMLElement {
  const card = h(
    "section",
    { class: "card", "aria-labelledby": "bench-title" },
    h("h2", { id: "bench-title" }, "Posterior-chain benchmarks"),
    h("p", { class: "hint" }, "Estimated one-rep max (e1RM, Epley), best set of each day."),
  );
  const grid = h("div", { class: "grid grid-3" });
  card.append(grid);
  BENCHMARK_LIFTS.forEach((slug, i) => {
    const lift = benchmarks.lifts.find((l) => l.lift === slug);
    const name = liftLabel(slug);
    const titleId = `bench-${slug}`;
    const block = h("section", { class: "bench", "aria-labelledby": titleId }, h("h3", { id: titleId }, name));
    grid.append(block);
    if (!lift || !lift.points.length) {
      block.append(h("p", { class: "empty" }, `No ${name.toLowerCase()} sets yet.`));
      return;
    }
    const u = weightUnit();
    const unit = slug === "pull_up" ? `e1RM (bodyweight + added), ${u}` : `e1RM, ${u}`;
    const sentence = trendSentence(lift.trend, "training days", (v) => `${signed(toUnit(v, u), 1)} ${u}`);
    const facts =
      `Latest ${weight(lift.latest?.e1rm_kg)}` +
      (lift.latest ? ` (${day(lift.latest.date)})` : "") +
      `; best ${weight(lift.best?.e1rm_kg)}` +
      (lift.best ? ` (${day(lift.best.date)})` : "") +
      (lift.best_strict_reps ? `; most strict reps at bodyweight: ${lift.best_strict_reps}` : "") +
      ".";
    const figure = chart({
      description: `Chart: ${name} e1RM on ${lift.points.length} days. ${facts} ${sentence}`,
      x: lift.points.map((p) => dateSeconds(p.date)),
      yLabel: u,
      series: [
        {
          label: unit,
          color: PALETTE[i] ?? COLORS.blue,
          values: lift.points.map((p) => toUnit(p.e1rm_kg, u)),
          style: "line",
        },
      ],
      table: {
        caption: `${name}: best e1RM per day`,
        head: ["Date", `e1RM (${u})`, "Extrapolated"],
        rows: lift.points.map((p) => [day(p.date), num(toUnit(p.e1rm_kg, u), 1), p.extrapolated ? "yes" : "no"]),
      },
    });
    ctx.onDispose(figure.dispose);
    block.append(h("p", { class: "summary" }, facts, " ", sentence), figure.element);
  });
  return card;
}

// ------------------------------------------------------------------ pain

function changeText(series: Schemas["PainSeries"]): string {
  const c = series.change;
  if (series.points.length < 2) return "One entry so far.";
  const percent = c.percent === null || c.percent === undefined ? "" : ` (${signed(c.percent, 0)}\u00a0%)`;
  const delta = `${c.baseline} → ${c.last}, ${signed(c.delta, 0)} point${Math.abs(c.delta) === 1 ? "" : "s"}${percent}`;
  return c.clinically_important
    ? `${delta}: clinically important ${c.direction === "improved" ? "improvement" : "worsening"}.`
    : `${delta}: not a clinically important change (needs ≥ 2 points or ≥ 30 %).`;
}

function painCard(ctx: ViewContext, pain: PainTrendRead): HTMLElement {
  const card = h(
    "section",
    { class: "card", "aria-labelledby": "pain-title" },
    h("h2", { id: "pain-title" }, "Pain by region"),
    h("p", { class: "hint" }, "0 no pain, 1–3 mild, 4–6 moderate, 7–10 severe. Rings mark a clinically important change from the first entry."),
  );
  if (!pain.series.length) {
    card.append(h("p", {}, "No pain scores logged."));
    return card;
  }
  const aligned = alignSeries(
    pain.series.map((s) => ({ x: s.points.map((p) => dateSeconds(p.date)), y: s.points.map((p) => p.score) })),
  );
  const series: SeriesSpec[] = [];
  pain.series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length] ?? COLORS.blue;
    const label = regionLabel(s.region, s.side);
    const values = aligned.values[i] ?? [];
    series.push({ label, color, values, style: "line" });
    if (s.change.clinically_important && s.points.length >= 2) {
      // Rings on the baseline and on the latest entry.
      const firstX = dateSeconds(s.points[0]?.date ?? "");
      const lastX = dateSeconds(s.points[s.points.length - 1]?.date ?? "");
      const marks = aligned.x.map((x, k) => (x === firstX || x === lastX ? (values[k] ?? null) : null));
      const word = s.change.direction === "improved" ? "improvement" : "worsening";
      series.push({ label: `${label}: clinically important ${word}`, color, values: marks, style: "marker" });
    }
  });
  const lines = pain.series.map((s) =>
    h(
      "li",
      {},
      h("strong", {}, regionLabel(s.region, s.side)),
      `: latest ${s.latest.score} (${s.latest.band}) on ${day(s.latest.recorded_at)}. ${changeText(s)}`,
      s.change.clinically_important
        ? h(
            "span",
            { class: `flag flag-${s.change.direction === "improved" ? "improved" : "pain_high"}` },
            s.change.direction === "improved" ? "improved" : "worsened",
          )
        : null,
    ),
  );
  const figure = chart({
    description:
      `Chart: pain scores from 0 to 10 for ${pain.series.length} region${pain.series.length === 1 ? "" : "s"}. ` +
      pain.series.map((s) => `${regionLabel(s.region, s.side)}: ${changeText(s)}`).join(" "),
    x: aligned.x,
    yLabel: "pain 0–10",
    yMin: 0,
    yMax: 10,
    yIncrs: [1, 2],
    series,
    table: {
      caption: "Pain scores",
      head: ["Date", "Region", "Score"],
      rows: pain.series.flatMap((s) =>
        s.points.map((p) => [day(p.date), regionLabel(s.region, s.side), String(p.score)]),
      ),
    },
  });
  ctx.onDispose(figure.dispose);
  card.append(h("ul", { class: "pain-list" }, lines), figure.element);
  return card;
}

// ------------------------------------------------------------------ association

function associationText(association: AssociationRead): HTMLElement[] {
  const region = regionLabel(association.region).toLowerCase();
  return association.lags.map((lag) => {
    const when =
      lag.lag_days === 0
        ? "Pain compared with the balance at the same time"
        : `Pain compared with the balance ${lag.lag_days} days earlier`;
    if (lag.status !== "ok" || lag.rho === null || lag.rho === undefined) {
      return h(
        "li",
        {},
        `${when}: not enough data yet (${lag.n} pair${lag.n === 1 ? "" : "s"} of a pain score and a balance snapshot; 5 are needed).`,
      );
    }
    const strength = Math.abs(lag.rho) >= 0.7 ? "strong" : Math.abs(lag.rho) >= 0.4 ? "moderate" : "weak";
    const way =
      lag.rho < 0
        ? `a higher balance index went with lower ${region} pain`
        : `a higher balance index went with higher ${region} pain`;
    const verdict = lag.supports_hypothesis
      ? "statistically significant, in the direction the posterior-chain hypothesis expects"
      : "not statistically significant";
    return h(
      "li",
      {},
      `${when}: ${way} — a ${strength} association (Spearman ρ = ${num(lag.rho)}, ${lag.n} pairs, ${pValue(lag.p_value)}); ${verdict}.`,
    );
  });
}

function associationCard(ctx: ViewContext, user: string, pain: PainTrendRead): HTMLElement {
  const list = h("ul", { class: "association" }, associationText(pain.association));
  const heading = h("h2", { id: "assoc-title" }, "Pain and balance");
  const note = h("p", { class: "note" }, capitalise(pain.association.note), ".");
  const card = h(
    "section",
    { class: "card", "aria-labelledby": "assoc-title" },
    heading,
    h(
      "p",
      {},
      "Does pain fall as the posterior chain catches up? Each pain score is paired with the balance snapshot before it.",
    ),
  );
  const regions = [...new Set(pain.series.map((s) => s.region))];
  if (!regions.includes(pain.association.region)) regions.unshift(pain.association.region);
  if (regions.length > 1) {
    const picker = select(
      "region",
      regions.map((r) => [r, regionLabel(r)] as const),
      pain.association.region,
    );
    picker.addEventListener("change", () => {
      const region = picker.value as Schemas["PainRegion"];
      unwrap(
        api().GET("/v1/users/{user}/pain/trend", { params: { path: { user }, query: { region } } }),
        "The association",
      )
        .then((answer) => {
          if (!ctx.stale) replace(list, associationText(answer.association));
        })
        .catch((err: unknown) => {
          if (!ctx.stale) replace(list, h("li", { class: "status error" }, String(err)));
        });
    });
    card.append(field("Region", picker));
  } else {
    card.append(h("p", {}, `Region: ${regionLabel(pain.association.region)}.`));
  }
  card.append(list, note);
  return card;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
