/** Words and numbers as a trainer reads them. */
import { me, signedIn, type Schemas } from "./api.js";

type Band = Schemas["Band"];
type FlagCode = Schemas["FlagCode"];
type PainRegion = Schemas["PainRegion"];
type TrendRead = Schemas["TrendRead"];
export type Unit = Schemas["Unit"];

export const BAND_LABEL: Record<Band, string> = {
  anterior_dominant: "Anterior-dominant",
  balanced: "Balanced",
  posterior_dominant: "Posterior-dominant",
};

export function bandText(band: Band | null | undefined): string {
  return band ? BAND_LABEL[band] : "no band";
}

export const FLAG_LABEL: Record<FlagCode, string> = {
  pain_high: "High pain",
  pain_rising: "Pain rising",
  marked_imbalance: "Marked imbalance",
  inactive: "Inactive",
  worsening: "Balance worsening",
  volume_marked: "Marked volume imbalance",
};

/**
 * The flags worth showing: `inactive` only for someone who has logged a workout and stopped;
 * an account with nothing logged yet says "no workouts yet" instead (the API flags both).
 */
export function shownFlags<F extends FlagCode | { code: FlagCode }>(
  flags: readonly F[],
  lastWorkoutAt: string | null | undefined,
): F[] {
  if (lastWorkoutAt) return [...flags];
  return flags.filter((f) => (typeof f === "string" ? f : f.code) !== "inactive");
}

export const REGIONS: readonly PainRegion[] = [
  "low_back",
  "neck",
  "shoulder",
  "upper_back",
  "elbow",
  "wrist_hand",
  "hip_thigh",
  "knee",
  "ankle_foot",
];

const REGION_LABEL: Record<PainRegion, string> = {
  neck: "Neck",
  shoulder: "Shoulder",
  upper_back: "Upper back",
  elbow: "Elbow",
  wrist_hand: "Wrist / hand",
  low_back: "Low back",
  hip_thigh: "Hip / thigh",
  knee: "Knee",
  ankle_foot: "Ankle / foot",
};

export function regionLabel(region: PainRegion, side?: string | null): string {
  const name = REGION_LABEL[region];
  return side ? `${name} (${side})` : name;
}

const LIFT_LABEL: Record<string, string> = {
  deadlift: "Deadlift",
  hip_thrust: "Hip thrust",
  pull_up: "Pull-up",
  chin_up: "Chin-up",
  barbell_row: "Barbell row",
  back_squat: "Back squat",
  front_squat: "Front squat",
  bench_press: "Bench press",
  overhead_press: "Overhead press",
  push_up: "Push-up",
};

export function liftLabel(slug: string): string {
  return LIFT_LABEL[slug] ?? slug.replace(/_/g, " ");
}

export function num(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toFixed(digits).replace("-", "−");
}

export function signed(value: number, digits = 3): string {
  return `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(digits)}`;
}

export function pValue(p: number | null | undefined): string {
  if (p === null || p === undefined) return "p —";
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}

/** The international avoirdupois pound. */
const KG_PER_LB = 0.45359237;

/**
 * The unit weights are shown and entered in: the signed-in user's `unit_preference` (chosen at
 * sign-up and on the account page; a trainer sees a client's figures in the trainer's unit).
 */
export function weightUnit(): Unit {
  return signedIn() ? me().unit_preference : "kg";
}

/** Kilograms (as the API stores them) → the number shown in `unit`. */
export function toUnit(kilograms: number, unit: Unit = weightUnit()): number {
  return unit === "lb" ? kilograms / KG_PER_LB : kilograms;
}

/** A number entered in `unit` → kilograms for the API (to the gram). */
export function fromUnit(value: number, unit: Unit = weightUnit()): number {
  const kilograms = unit === "lb" ? value * KG_PER_LB : value;
  return Math.round(kilograms * 1000) / 1000;
}

/** An input's value for a weight in kilograms, in `unit` ("" for none). */
export function unitInputValue(kilograms: number | null | undefined, unit: Unit = weightUnit()): string {
  if (kilograms === null || kilograms === undefined) return "";
  return String(Math.round(toUnit(kilograms, unit) * 100) / 100);
}

export const UNITS: readonly (readonly [Unit, string])[] = [
  ["kg", "Kilograms (kg)"],
  ["lb", "Pounds (lb)"],
];

/** "102.1 kg" or "225.0 lb". */
export function weight(kilograms: number | null | undefined, unit: Unit = weightUnit()): string {
  return kilograms === null || kilograms === undefined ? "—" : `${toUnit(kilograms, unit).toFixed(1)} ${unit}`;
}

/** "2025-11-20" → "20 Nov 2025" (calendar dates are the user's local dates: format as UTC). */
export function day(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** "3 days ago", for the roster. */
export function ago(iso: string | null | undefined): string {
  if (!iso) return "no workouts yet";
  const days = Math.floor((Date.now() - new Date(iso).getTime()) / 86_400_000);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  return `${days} days ago`;
}

/** A `YYYY-MM-DD` date as seconds since the epoch (UTC midnight), for the chart's x axis. */
export function dateSeconds(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 1000;
}

/** RFC 3339 with the browser's offset, e.g. 2025-11-20T18:30:00+01:00. */
export function rfc3339(date: Date): string {
  const pad = (n: number): string => String(Math.trunc(Math.abs(n))).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** The value of an `<input type="datetime-local">` for `date` (local wall-clock time). */
export function localInputValue(date: Date): string {
  return rfc3339(date).slice(0, 16);
}

/** The trend of a series in one sentence. */
export function trendSentence(trend: TrendRead, unit: string, perFourWeeks: (v: number) => string): string {
  if (trend.status !== "ok" || trend.slope_4w === null || trend.slope_4w === undefined) {
    const why =
      trend.reason === "span_too_short"
        ? `the ${trend.n} points span ${Math.round(trend.span_days)} days; 28 are needed`
        : `${trend.n} point${trend.n === 1 ? "" : "s"} so far; 4 are needed`;
    return `No trend yet: ${why}.`;
  }
  const direction = (trend.direction ?? "stable").replace(/_/g, " ");
  const significance = trend.significant
    ? `statistically significant (${pValue(trend.p_value)})`
    : `not statistically significant (${pValue(trend.p_value)})`;
  return (
    `Trend over ${trend.n} ${unit}: ${perFourWeeks(trend.slope_4w)} per 4 weeks, ${direction}, ` +
    `${significance}.`
  );
}
