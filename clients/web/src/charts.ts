/**
 * Charts drawn by uPlot, each inside a <figure> with its text alternative: an accessible name
 * that says what the chart shows, a visible caption and legend, and the data as a table.
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

import { h } from "./dom.js";

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const COLORS = {
  blue: "#0072B2",
  vermillion: "#D55E00",
  green: "#009E73",
  purple: "#CC79A7",
  orange: "#E69F00",
  sky: "#56B4E9",
  black: "#1a1a1a",
} as const;
export const PALETTE = [
  COLORS.blue,
  COLORS.vermillion,
  COLORS.green,
  COLORS.purple,
  COLORS.orange,
  COLORS.sky,
  COLORS.black,
];

export interface SeriesSpec {
  label: string;
  color: string;
  values: (number | null)[];
  /** "line": a line with small points; "points": points only; "marker": large rings, no line. */
  style: "line" | "points" | "marker";
  dash?: number[];
}

export interface ChartSpec {
  /** The accessible name of the chart: what it shows and what it says. */
  description: string;
  /** Seconds since the epoch (calendar dates at UTC midnight). */
  x: number[];
  series: SeriesSpec[];
  yLabel: string;
  /** The smallest y range shown, widened to include the data. */
  yMin?: number;
  yMax?: number;
  /** Allowed y tick steps, e.g. whole points for pain scores. */
  yIncrs?: number[];
  /** A shaded horizontal band, e.g. the balanced 0.90–1.10. */
  band?: { from: number; to: number; label: string };
  table: { caption: string; head: string[]; rows: string[][] };
}

export interface Chart {
  element: HTMLElement;
  dispose(): void;
}

const AXIS = {
  stroke: "#333",
  font: "12px system-ui, sans-serif",
  labelFont: "12px system-ui, sans-serif",
  grid: { stroke: "#e4e4e4", width: 1 },
  ticks: { stroke: "#bbb", width: 1 },
};

const BAND_FILL = "rgba(0, 158, 115, 0.14)";
const DAY = 86_400;

function seriesOptions(spec: SeriesSpec): uPlot.Series {
  const base: uPlot.Series = { label: spec.label, stroke: spec.color, spanGaps: true };
  if (spec.style === "line") {
    return { ...base, width: 2, dash: spec.dash, points: { show: true, size: 5, fill: spec.color } };
  }
  if (spec.style === "points") {
    return { ...base, paths: () => null, points: { show: true, size: 7, fill: spec.color } };
  }
  return {
    ...base,
    paths: () => null,
    points: { show: true, size: 15, width: 2.5, fill: "rgba(255,255,255,0)", stroke: spec.color },
  };
}

function legend(spec: ChartSpec): HTMLUListElement {
  const items = spec.series.map((s) =>
    h(
      "li",
      {},
      h("span", {
        class: `swatch swatch-${s.style}`,
        style: `--swatch: ${s.color}`,
        "aria-hidden": "true",
      }),
      s.label,
    ),
  );
  if (spec.band) {
    items.unshift(
      h(
        "li",
        {},
        h("span", { class: "swatch swatch-band", "aria-hidden": "true" }),
        spec.band.label,
      ),
    );
  }
  return h("ul", { class: "legend" }, items);
}

function dataTable(spec: ChartSpec): HTMLDetailsElement {
  return h(
    "details",
    { class: "data-table" },
    h("summary", {}, "Show the data as a table"),
    h(
      "div",
      { class: "table-scroll", tabindex: "0", role: "region", "aria-label": spec.table.caption },
      h(
        "table",
        {},
        h("caption", {}, spec.table.caption),
        h("thead", {}, h("tr", {}, spec.table.head.map((c) => h("th", { scope: "col" }, c)))),
        h(
          "tbody",
          {},
          spec.table.rows.map((row) =>
            h("tr", {}, row.map((c, i) => (i === 0 ? h("th", { scope: "row" }, c) : h("td", {}, c)))),
          ),
        ),
      ),
    ),
  );
}

// ------------------------------------------------------------------ axes

/** A calendar date (seconds since the epoch at UTC midnight) → "27 Sep". */
function dayLabel(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

/** → "27 Sep 2025", when the short labels would repeat (a range longer than a year). */
function dayYearLabel(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** → "Sep 2025". */
function monthLabel(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
}

function yearLabel(seconds: number): string {
  return String(new Date(seconds * 1000).getUTCFullYear());
}

/** Tick steps in days, then in months; each with the room its label needs (CSS px). */
const DAY_STEPS = [1, 2, 3, 7, 14] as const;
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60] as const;
const DAY_LABEL_SPACE = 50;
const MONTH_LABEL_SPACE = 72;

export interface DateTicks {
  /** Calendar dates (seconds since the epoch, UTC midnight), ascending. */
  ticks: number[];
  labels: string[];
}

/**
 * Ticks on whole calendar days between `min` and `max`, never after `last` (today), as many as
 * fit in `widthPx` without crowding, each label different from the others.
 */
export function dateTicks(min: number, max: number, last: number, widthPx: number): DateTicks {
  const from = Math.ceil(min / DAY);
  const to = Math.floor(Math.min(max, last) / DAY);
  if (to < from) return { ticks: [], labels: [] };
  const fits = (count: number, space: number): boolean => count <= Math.max(1, Math.floor(widthPx / space));

  for (const step of DAY_STEPS) {
    const first = Math.ceil(from / step) * step;
    const count = first > to ? 0 : Math.floor((to - first) / step) + 1;
    if (fits(count, DAY_LABEL_SPACE)) {
      const ticks = Array.from({ length: count }, (_v, i) => (first + i * step) * DAY);
      let labels = ticks.map(dayLabel);
      if (new Set(labels).size < labels.length) labels = ticks.map(dayYearLabel);
      return { ticks, labels };
    }
  }
  // Months: the first of each month whose number (counted from year 0) is a multiple of the step.
  const start = new Date(from * DAY * 1000);
  const end = new Date(to * DAY * 1000);
  const firstMonth = start.getUTCFullYear() * 12 + start.getUTCMonth() + (start.getUTCDate() > 1 ? 1 : 0);
  const lastMonth = end.getUTCFullYear() * 12 + end.getUTCMonth();
  for (const step of MONTH_STEPS) {
    const first = Math.ceil(firstMonth / step) * step;
    const months: number[] = [];
    for (let m = first; m <= lastMonth; m += step) months.push(m);
    if (fits(months.length, MONTH_LABEL_SPACE) || step === MONTH_STEPS[MONTH_STEPS.length - 1]) {
      const ticks = months.map((m) => Date.UTC(Math.floor(m / 12), m % 12, 1) / 1000);
      return { ticks, labels: ticks.map(step >= 12 ? yearLabel : monthLabel) };
    }
  }
  return { ticks: [], labels: [] };
}

/**
 * The y range: at least `[yMin, yMax]` and the band, and every value inside it with room to
 * spare (a point is never drawn on the edge, half cut off).
 */
export function valueRange(
  values: number[],
  bounds: { yMin?: number; yMax?: number; band?: { from: number; to: number } },
): [number, number] {
  const lo = Math.min(bounds.yMin ?? Infinity, bounds.band?.from ?? Infinity, ...values);
  const hi = Math.max(bounds.yMax ?? -Infinity, bounds.band?.to ?? -Infinity, ...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  const pad = (hi - lo) * 0.08 || Math.max(Math.abs(hi) * 0.05, 1);
  const dataLo = Math.min(...values);
  const dataHi = Math.max(...values);
  return [
    bounds.yMin !== undefined && dataLo - pad >= bounds.yMin ? bounds.yMin : lo - pad,
    bounds.yMax !== undefined && dataHi + pad <= bounds.yMax ? bounds.yMax : hi + pad,
  ];
}

/** y tick labels with as many decimals as the step needs: 0.9, 1.0, 1.1 or 60, 80, 100. */
function numberLabels(splits: number[], incr: number): string[] {
  const decimals = Math.min(3, Math.max(0, Math.ceil(-Math.log10(incr) - 1e-9)));
  const step = Number(incr.toFixed(decimals));
  const places = step === incr || decimals === 3 ? decimals : Math.min(3, decimals + 1);
  return splits.map((v) => v.toFixed(places).replace("-", "−"));
}

/** Today's calendar date in the browser, as the charts count dates (seconds, UTC midnight). */
export function todaySeconds(now: Date = new Date()): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 1000;
}

// ------------------------------------------------------------------ chart

/** A chart with its legend and data table; the plot is drawn once the figure has a width. */
export function chart(spec: ChartSpec): Chart {
  const canvasHost = h("div", { class: "chart", role: "img", "aria-label": spec.description });
  const element = h("figure", { class: "chart-figure" }, canvasHost, legend(spec), dataTable(spec));
  let plot: uPlot | undefined;

  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const band = spec.band;
  const yRange: uPlot.Range.MinMax = valueRange(values, spec);
  const xMin = Math.min(...spec.x);
  const xMax = Math.max(...spec.x);
  // No tick after today (or after the last point, should the data be a time zone ahead).
  const lastDay = Math.max(todaySeconds(), xMax);
  const xPad = Math.max(DAY / 2, (xMax - xMin) * 0.03);
  const xRange: uPlot.Range.MinMax = xMin === xMax ? [xMin - 3 * DAY, xMax + DAY / 2] : [xMin - xPad, xMax + xPad];
  // The labels drawn last, for tests and for debugging (the canvas has no text to read).
  const record = (axis: "x" | "y", labels: string[]): void => {
    canvasHost.dataset[`${axis}Ticks`] = labels.join("|");
  };
  let xTicks: DateTicks = { ticks: [], labels: [] };

  const height = (): number => (window.innerWidth < 600 ? 200 : 240);

  const create = (width: number): void => {
    const options: uPlot.Options = {
      width,
      height: height(),
      legend: { show: false },
      // The numbers are in the caption and the table; a crosshair without values only distracts.
      cursor: { show: false },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      scales: { x: { time: true, range: () => xRange }, y: { range: () => yRange } },
      axes: [
        {
          ...AXIS,
          // uPlot passes the step it found and its size on screen: their ratio gives the width.
          splits: (_u, _axis, min, max, incr, space) => {
            xTicks = dateTicks(min, max, lastDay, incr > 0 ? (space * (max - min)) / incr : 0);
            return xTicks.ticks;
          },
          values: (_u, splits) => {
            const labels = splits.map((s) => xTicks.labels[xTicks.ticks.indexOf(s)] ?? dayLabel(s));
            record("x", labels);
            canvasHost.dataset.xDates = splits.map((s) => new Date(s * 1000).toISOString().slice(0, 10)).join("|");
            return labels;
          },
        },
        {
          ...AXIS,
          label: spec.yLabel,
          labelSize: 18,
          // Wide enough for the longest label (about 7 px a character at 12 px).
          size: (_u, labels) => 14 + 7 * Math.max(2, ...(labels ?? []).map((l) => l.length)),
          ...(spec.yIncrs ? { incrs: spec.yIncrs } : {}),
          values: (_u, splits, _axis, _space, incr) => {
            const labels = numberLabels(splits, incr);
            record("y", labels);
            return labels;
          },
        },
      ],
      series: [{ label: "date" }, ...spec.series.map(seriesOptions)],
      hooks: band
        ? {
            drawClear: [
              (u) => {
                const top = u.valToPos(band.to, "y", true);
                const bottom = u.valToPos(band.from, "y", true);
                u.ctx.save();
                u.ctx.fillStyle = BAND_FILL;
                u.ctx.fillRect(u.bbox.left, top, u.bbox.width, bottom - top);
                u.ctx.restore();
              },
            ],
          }
        : {},
    };
    const data: uPlot.AlignedData = [spec.x, ...spec.series.map((s) => s.values)];
    plot = new uPlot(options, data, canvasHost);
    canvasHost.dataset.yRange = `${yRange[0]}|${yRange[1]}`;
  };

  const observer = new ResizeObserver((entries) => {
    const width = Math.floor(entries[0]?.contentRect.width ?? 0);
    if (width <= 0) return;
    if (!plot) create(width);
    else if (Math.abs(plot.width - width) > 1) plot.setSize({ width, height: height() });
  });
  observer.observe(canvasHost);

  return {
    element,
    dispose() {
      observer.disconnect();
      plot?.destroy();
    },
  };
}

/**
 * Several series with their own dates on one x axis (missing values are null), e.g. one line
 * per pain region.
 */
export function alignSeries(series: { x: number[]; y: number[] }[]): {
  x: number[];
  values: (number | null)[][];
} {
  const xs = [...new Set(series.flatMap((s) => s.x))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const values = series.map((s) => {
    const row: (number | null)[] = xs.map(() => null);
    s.x.forEach((x, i) => {
      row[index.get(x) ?? 0] = s.y[i] ?? null;
    });
    return row;
  });
  return { x: xs, values };
}
