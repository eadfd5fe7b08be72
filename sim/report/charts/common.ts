/**
 * What every chart shares: the look (config), the run note under each title,
 * and axis formats for money, shares and days. Specs carry their config inline
 * so a .vl.json file renders the same anywhere (the Vega editor, a notebook).
 */
import type { Config } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { resolutionLines } from "../resolution-note.js";
import { sampleDifference } from "../same-platform.js";

export const WIDTH = 640;
export const HEIGHT = 240;
export const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** A font list whose first entry Debian ships (fonts-dejavu-core), so SVG, PNG and browser agree. */
export const FONT = "DejaVu Sans, Liberation Sans, Helvetica, Arial, sans-serif";

export const CONFIG: Config = {
  font: FONT,
  background: "white",
  padding: 12,
  view: { stroke: null },
  title: { anchor: "start", fontSize: 15, fontWeight: "bold", subtitleFontSize: 11, subtitleColor: "#555", offset: 12 },
  axis: {
    labelFontSize: 11, titleFontSize: 11, titleFontWeight: "normal", titleColor: "#333",
    gridColor: "#ececec", domainColor: "#999", tickColor: "#999", labelColor: "#333",
  },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: "normal", orient: "top", direction: "horizontal", labelLimit: 480 },
  line: { strokeWidth: 1.8 },
};

/** Channel names and colours, fixed so every chart and every report colours a channel alike. */
export const CHANNELS = [
  { column: "gmv_creator_live", label: "Creator live", color: "#e4572e" },
  { column: "gmv_self_broadcast", label: "Merchant self-broadcast", color: "#17becf" },
  { column: "gmv_short_video", label: "Short video", color: "#a05195" },
  { column: "gmv_mall_search", label: "Mall and search", color: "#4c78a8" },
] as const;

/** Scenario colours for overlays (baseline first, in grey-blue). */
export const SCENARIO_COLORS = ["#4c78a8", "#e4572e", "#54a24b", "#b279a2", "#f58518", "#72b7b2", "#9d755d", "#eeca3b"];

/** Seeds as a short phrase: "seeds 1–5" when consecutive, else the first few. */
export function seedsText(seeds: readonly number[]): string {
  if (seeds.length === 0) return "seeds unknown";
  if (seeds.length === 1) return `seed ${seeds[0]}`;
  const consecutive = seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1);
  if (consecutive) return `seeds ${seeds[0]}–${seeds[seeds.length - 1]}`;
  return `seeds ${seeds.slice(0, 4).join(", ")}${seeds.length > 4 ? ", …" : ""}`;
}

/**
 * The seeds of a run as a reader can repeat them: `sim run` derives each
 * replication's seed from --seed, so "base seed 1" says it in a few characters
 * where the derived seeds are long numbers.
 */
export function runSeedsText(meta: RunMeta): string {
  const consecutive = meta.seeds.every((s, i) => i === 0 || s === meta.seeds[i - 1] + 1);
  if (meta.baseSeed !== undefined && !consecutive) return `base seed ${meta.baseSeed}`;
  return seedsText(meta.seeds);
}

/** The line under every title: which run this is, so a chart pasted into a deck still says so. */
export function runNote(meta: RunMeta): string {
  const reps = `${meta.reps} replication${meta.reps === 1 ? "" : "s"}`;
  return `Scenario ${meta.scenario} · ${reps} · ${runSeedsText(meta)} · ${meta.horizonDays} days`;
}

/** Title with the run note, the platform and what an agent stands for, and optional further lines saying what the band or the bars mean. */
export function title(text: string, meta: RunMeta, detail?: string | string[]) {
  const lines = detail === undefined ? [] : Array.isArray(detail) ? detail : [detail];
  return { text, subtitle: [runNote(meta), ...resolutionLines(meta), ...lines] };
}

/**
 * Axis labels in thousands (k), millions (M) and billions (B): d3's "~s" would
 * print billions as "G" and fractions as milli ("500m"), which reads as millions.
 */
export const COMPACT_LABEL =
  "abs(datum.value) >= 1e9 ? format(datum.value / 1e9, '~g') + 'B'" +
  " : abs(datum.value) >= 1e6 ? format(datum.value / 1e6, '~g') + 'M'" +
  " : abs(datum.value) >= 1e3 ? format(datum.value / 1e3, '~g') + 'k'" +
  " : format(datum.value, '~g')";

export function moneyAxis(titleText: string) {
  return { title: titleText, labelExpr: COMPACT_LABEL };
}

export function countAxis(titleText: string) {
  return { title: titleText, labelExpr: COMPACT_LABEL };
}

export function shareAxis(titleText: string) {
  return { title: titleText, format: "~%" };
}

export function dayAxisTitle(binDays: number): string {
  return binDays === 1 ? "Day of the run" : `Day of the run (${binDays}-day bins)`;
}

export function dayAxis(binDays: number) {
  return { title: dayAxisTitle(binDays), format: "d", tickMinStep: 1 };
}

/** The day scale of a time chart: from day 0 to the horizon, not rounded up to a "nice" 400 for a 365-day run. */
export function dayScale(horizonDays: number) {
  return { domain: [0, horizonDays], nice: false };
}

/** "per day" or "per day, 7-day mean": the unit of a binned per-day quantity. */
export function perDay(binDays: number): string {
  return binDays === 1 ? "per day" : `per day, ${binDays}-day mean`;
}

/** Formats a number for a subtitle: 3 significant digits with k/M/B. */
export function compact(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  const a = Math.abs(x);
  const [d, s] = a >= 1e9 ? [1e9, "B"] : a >= 1e6 ? [1e6, "M"] : a >= 1e3 ? [1e3, "k"] : [1, ""];
  return `${Number((x / d).toPrecision(3))}${s}`;
}

export function percent(x: number, digits = 1): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : "n/a";
}

/**
 * The lines under a comparison chart's title: which runs, how many
 * replications, paired or not, and the platform they all simulate (sim compare
 * refuses runs of different platforms) with what an agent stands for, or the
 * sample sizes when those differ.
 */
export function compareNote(runs: readonly RunMeta[], isPaired: boolean): string[] {
  const [base, ...others] = runs;
  const reps = new Set(runs.map((r) => r.reps));
  const seeds = new Set(runs.map((r) => r.seeds.join(",")));
  const repText = reps.size === 1 ? `${base.reps} replications each` : `replications ${runs.map((r) => r.reps).join("/")}`;
  const seedText = seeds.size === 1 ? runSeedsText(base) : "different seeds";
  const first = `Baseline ${base.scenario} vs ${others.map((o) => o.scenario).join(", ")} · ${repText} · ${seedText} · ${isPaired ? "paired by seed" : "unpaired"}`;
  if (others.every((o) => sampleDifference(base, o) === null)) return [first, ...resolutionLines(base)];
  const platform = Number.isFinite(base.platform.users) ? `Platform: ${compact(base.platform.users)} users at day 0` : "One platform";
  const users = runs.map((r) => (r.resolution ? compact(r.resolution.users) : "?")).join(" / ");
  return [first, `${platform} · samples differ (${users} users): unpaired, Welch intervals only`];
}

/** A nominal colour encoding of `field` with a fixed label → colour map and a vertical legend on the right. */
export function labelColors(field: string, legendTitle: string | null, items: readonly { label: string; color: string }[]) {
  return {
    field,
    type: "nominal" as const,
    title: legendTitle,
    scale: { domain: items.map((i) => i.label), range: items.map((i) => i.color) },
    legend: { orient: "right" as const, direction: "vertical" as const },
  };
}
