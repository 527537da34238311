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
/** Seconds since the epoch (UTC midnight of a calendar date) → "27 Sep". */
function shortDate(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

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

/** A chart with its legend and data table; the plot is drawn once the figure has a width. */
export function chart(spec: ChartSpec): Chart {
  const canvasHost = h("div", { class: "chart", role: "img", "aria-label": spec.description });
  const element = h("figure", { class: "chart-figure" }, canvasHost, legend(spec), dataTable(spec));
  let plot: uPlot | undefined;

  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const band = spec.band;
  const lo = Math.min(spec.yMin ?? Infinity, band?.from ?? Infinity, ...values);
  const hi = Math.max(spec.yMax ?? -Infinity, band?.to ?? -Infinity, ...values);
  const pad = (hi - lo) * 0.08 || 1;
  const yRange: uPlot.Range.MinMax = [
    spec.yMin !== undefined && lo >= spec.yMin ? spec.yMin : lo - pad,
    spec.yMax !== undefined && hi <= spec.yMax ? spec.yMax : hi + pad,
  ];
  const xMin = Math.min(...spec.x);
  const xMax = Math.max(...spec.x);
  const xRange: uPlot.Range.MinMax = xMin === xMax ? [xMin - 3 * DAY, xMax + 3 * DAY] : [xMin - DAY, xMax + DAY];

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
        { ...AXIS, space: 56, values: (_u, splits) => splits.map(shortDate) },
        { ...AXIS, label: spec.yLabel, size: 52, labelSize: 18, ...(spec.yIncrs ? { incrs: spec.yIncrs } : {}) },
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
