/**
 * What every chart shares: the look (config), the run note under each title,
 * and axis formats for money, shares and days. Specs carry their config inline
 * so a .vl.json file renders the same anywhere (the Vega editor, a notebook).
 */
import type { Config } from "vega-lite";
import { compactNumber } from "../../io/format.js";
import { TIER_KEYS, TIER_LABELS } from "../../model/metrics.js";
import { t, type Lang } from "../../i18n/index.js";
import type { RunMeta } from "../read-report.js";
import { resolutionLines } from "../resolution-note.js";
import { sampleDifference } from "../same-platform.js";

export const WIDTH = 640;
export const HEIGHT = 240;
export const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** A font list whose first entry Debian ships (fonts-dejavu-core), so SVG, PNG and browser agree. */
export const FONT = "DejaVu Sans, Liberation Sans, Helvetica, Arial, sans-serif";
/** For Chinese charts: DejaVu Sans has no CJK glyphs, so a CJK font follows it (Debian: fonts-noto-cjk). */
export const FONT_ZH = "DejaVu Sans, Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, sans-serif";

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

/** The look of a chart in `lang`: CONFIG, with a font list that has CJK glyphs for Chinese. */
export function configFor(lang: Lang): Config {
  return lang === "en" ? CONFIG : { ...CONFIG, font: FONT_ZH };
}

/** Channel names (catalogue keys) and colours, fixed so every chart and every report colours a channel alike. */
export const CHANNELS = [
  { column: "gmv_creator_live", key: "channel.gmv_creator_live", color: "#e4572e" },
  { column: "gmv_self_broadcast", key: "channel.gmv_self_broadcast", color: "#17becf" },
  { column: "gmv_short_video", key: "channel.gmv_short_video", color: "#a05195" },
  { column: "gmv_mall_search", key: "channel.gmv_mall_search", color: "#4c78a8" },
] as const;

/**
 * A creator tier as by_tier.csv and metrics.ts name it ("10k-100k") in
 * `lang`; a tier the catalogue does not know stays as written.
 */
export function tierLabel(tier: string, lang: Lang): string {
  const i = TIER_LABELS.indexOf(tier as (typeof TIER_LABELS)[number]);
  return i < 0 ? tier : t(lang, `tier.${TIER_KEYS[i]}`);
}

/** Scenario colours for overlays (baseline first, in grey-blue). */
export const SCENARIO_COLORS = ["#4c78a8", "#e4572e", "#54a24b", "#b279a2", "#f58518", "#72b7b2", "#9d755d", "#eeca3b"];

/** Seeds as a short phrase: "seeds 1–5" when consecutive, else the first few. */
export function seedsText(seeds: readonly number[], lang: Lang = "en"): string {
  if (seeds.length === 0) return t(lang, "seeds.unknown");
  if (seeds.length === 1) return t(lang, "seeds.one", { seed: seeds[0] });
  const consecutive = seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1);
  if (consecutive) return t(lang, "seeds.range", { first: seeds[0], last: seeds[seeds.length - 1] });
  return t(lang, "seeds.list", { list: `${seeds.slice(0, 4).join(", ")}${seeds.length > 4 ? ", …" : ""}` });
}

/** "1 replication", "3 replications". */
export function repsText(n: number, lang: Lang): string {
  return n === 1 ? t(lang, "reps.one", { n }) : t(lang, "reps.many", { n });
}

/**
 * The seeds of a run as a reader can repeat them: `sim run` derives each
 * replication's seed from --seed, so "base seed 1" says it in a few characters
 * where the derived seeds are long numbers.
 */
export function runSeedsText(meta: RunMeta, lang: Lang = "en"): string {
  const consecutive = meta.seeds.every((s, i) => i === 0 || s === meta.seeds[i - 1] + 1);
  if (meta.baseSeed !== undefined && !consecutive) return t(lang, "seeds.base", { seed: meta.baseSeed });
  return seedsText(meta.seeds, lang);
}

/** The line under every title: which run this is, so a chart pasted into a deck still says so. */
export function runNote(meta: RunMeta, lang: Lang = "en"): string {
  return t(lang, "chart.runNote", { scenario: meta.scenario, reps: repsText(meta.reps, lang), seeds: runSeedsText(meta, lang), days: meta.horizonDays });
}

/** Title with the run note, the platform and what an agent stands for, and optional further lines saying what the band or the bars mean. */
export function title(text: string, meta: RunMeta, detail: string | string[] | undefined, lang: Lang) {
  const lines = detail === undefined ? [] : Array.isArray(detail) ? detail : [detail];
  return { text, subtitle: [runNote(meta, lang), ...resolutionLines(meta, lang), ...lines] };
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

/** The same in Chinese: 万 (10^4) and 亿 (10^8). */
export const COMPACT_LABEL_ZH =
  "abs(datum.value) >= 1e8 ? format(datum.value / 1e8, '~g') + '亿'" +
  " : abs(datum.value) >= 1e4 ? format(datum.value / 1e4, '~g') + '万'" +
  " : format(datum.value, '~g')";

export function compactLabel(lang: Lang): string {
  return lang === "en" ? COMPACT_LABEL : COMPACT_LABEL_ZH;
}

export function moneyAxis(titleText: string, lang: Lang = "en") {
  return { title: titleText, labelExpr: compactLabel(lang) };
}

export function countAxis(titleText: string, lang: Lang = "en") {
  return { title: titleText, labelExpr: compactLabel(lang) };
}

export function shareAxis(titleText: string) {
  return { title: titleText, format: "~%" };
}

export function dayAxisTitle(binDays: number, lang: Lang = "en"): string {
  return binDays === 1 ? t(lang, "chart.day") : t(lang, "chart.dayBins", { n: binDays });
}

export function dayAxis(binDays: number, lang: Lang = "en") {
  return { title: dayAxisTitle(binDays, lang), format: "d", tickMinStep: 1 };
}

/** The day scale of a time chart: from day 0 to the horizon, not rounded up to a "nice" 400 for a 365-day run. */
export function dayScale(horizonDays: number) {
  return { domain: [0, horizonDays], nice: false };
}

/** "per day" or "per day, 7-day mean": the unit of a binned per-day quantity. */
export function perDay(binDays: number, lang: Lang = "en"): string {
  return binDays === 1 ? t(lang, "chart.perDay") : t(lang, "chart.perDayMean", { n: binDays });
}

/** Formats a number for a subtitle: 3 significant digits with k/M/B (Chinese: 万/亿). */
export function compact(x: number, lang: Lang = "en"): string {
  if (lang !== "en") return compactNumber(x, lang);
  if (!Number.isFinite(x)) return "n/a";
  const a = Math.abs(x);
  const [d, s] = a >= 1e9 ? [1e9, "B"] : a >= 1e6 ? [1e6, "M"] : a >= 1e3 ? [1e3, "k"] : [1, ""];
  return `${Number((x / d).toPrecision(3))}${s}`;
}

export function percent(x: number, digits = 1, lang: Lang = "en"): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : t(lang, "format.na");
}

/**
 * The lines under a comparison chart's title: which runs, how many
 * replications, paired or not, and the platform they all simulate (sim compare
 * refuses runs of different platforms) with what an agent stands for, or the
 * sample sizes when those differ.
 */
export function compareNote(runs: readonly RunMeta[], isPaired: boolean, lang: Lang = "en"): string[] {
  const [base, ...others] = runs;
  const reps = new Set(runs.map((r) => r.reps));
  const seeds = new Set(runs.map((r) => r.seeds.join(",")));
  const repText = reps.size === 1 ? t(lang, "note.repsEach", { n: base.reps }) : t(lang, "note.repsList", { list: runs.map((r) => r.reps).join("/") });
  const seedText = seeds.size === 1 ? runSeedsText(base, lang) : t(lang, "note.differentSeeds");
  const first = t(lang, "note.baselineVs", {
    baseline: base.scenario, others: others.map((o) => o.scenario).join(", "), reps: repText, seeds: seedText,
    pairing: t(lang, isPaired ? "compare.pairedBySeed" : "compare.unpaired"),
  });
  if (others.every((o) => sampleDifference(base, o) === null)) return [first, ...resolutionLines(base, lang)];
  const platform = Number.isFinite(base.platform.users) ? t(lang, "resolution.line.platform", { users: compact(base.platform.users, lang) }) : t(lang, "note.onePlatform");
  const users = runs.map((r) => (r.resolution ? compact(r.resolution.users, lang) : "?")).join(" / ");
  return [first, t(lang, "note.samplesDiffer", { platform, users })];
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
