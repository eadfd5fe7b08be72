/**
 * Scenario against baseline, KPI by KPI: the difference of means with a 95%
 * interval, the relative change, and for each KPI which interval to read and
 * why. Runs on the same seeds pair replication by replication (rep r of one
 * with rep r of the other, so the noise they share cancels); the paired and
 * the unpaired (Welch) interval are both kept, and the narrower one is read
 * (see readingOf). Each difference gets a t-test p-value, Holm-corrected over
 * the scenario's KPIs, and the replications that would detect a difference of
 * its size. Runs of different platforms are refused (same-platform.ts).
 * Pure: reports in, numbers out; writing lives in write-comparison.ts.
 */
import { csvTable } from "../io/csv.js";
import { sampleCorrelation, sampleVariance } from "simple-statistics";
import { holmBonferroni } from "../stats/holm.js";
import { meanInterval, type MeanInterval } from "../stats/mean-interval.js";
import { replicationsForPower } from "../stats/power.js";
import { tTwoSidedP } from "../stats/t-distribution.js";
import { welchInterval, type DifferenceInterval } from "../stats/welch-interval.js";
import { hasRatioScale } from "../io/format.js";
import type { ReportData } from "./read-report.js";
import { assertSamePlatform, sampleDifference } from "./same-platform.js";
import { t, type Lang } from "../i18n/index.js";

/** The family-wise error rate of the Holm correction, and the level of the power figure. */
export const ALPHA = 0.05;
export const POWER = 0.8;

export interface Pairing {
  scenario: string;
  isPaired: boolean;
  /** Why not, in a sentence, when not paired. */
  reason?: string;
  /** Set when the runs simulate the same platform at different sample sizes: how the samples differ. */
  sampleDifference?: string;
}

export interface KpiComparison {
  kpi: string;
  label: string;
  unit: string;
  baseline: string;
  scenario: string;
  /** The runs pair and this KPI has a value for every pair. */
  isPaired: boolean;
  /** Pairs (paired) or the smaller of the two replication counts (unpaired). */
  n: number;
  baselineMean: number;
  scenarioMean: number;
  /** scenario − baseline. */
  difference: number;
  /** The interval to read: `reading` says which. */
  ci95: [number, number];
  reading: "paired" | "welch";
  /** Why that interval, in a phrase. */
  readingReason: string;
  /** difference / |baseline mean|; NaN when the baseline mean is 0 or the unit is a signed score (NPS). */
  relativeChange: number;
  /** ci95 / |baseline mean|: treats the baseline mean as known, which is close enough at our replication counts. */
  relativeCi95: [number, number];
  excludesZero: boolean;
  /** The paired interval; NaN when the runs do not pair. */
  pairedCi95: [number, number];
  welchCi95: [number, number];
  welchExcludesZero: boolean;
  /** Width of the paired interval over the Welch one (below 1: pairing narrowed it); NaN when unpaired. */
  widthRatio: number;
  /** Correlation of the two runs' values across replication pairs; NaN when unpaired or without spread. */
  correlation: number;
  /** Two-sided t-test p-value of "no difference", from the interval read. */
  pValue: number;
  /** pValue after the Holm–Bonferroni correction over this scenario's KPIs. */
  holmP: number;
  /** The difference survives the correction at ALPHA: holmP ≤ ALPHA. */
  survivesHolm: boolean;
  /** SD of one replication's difference under the interval read: of the paired differences, or sqrt(sd_a² + sd_b²) for Welch. */
  sdPerReplication: number;
  /** Replications (pairs; per scenario when Welch) to detect a true difference of the observed size with POWER at ALPHA; NaN when the difference is 0. */
  replicationsForPower: number;
}

export interface Comparison {
  baseline: string;
  scenarios: string[];
  pairings: Pairing[];
  rows: KpiComparison[];
}

/**
 * Runs pair when they are the same sample of the platform, used the same seeds
 * in the same order, over the same horizon. Different sample sizes of one
 * platform draw different agents from the same seed, so nothing is shared.
 */
export function pairing(baseline: ReportData, other: ReportData, lang: Lang = "en"): Pairing {
  const a = baseline.meta, b = other.meta;
  const sample = sampleDifference(a, b);
  if (sample) {
    return {
      scenario: b.scenario, isPaired: false, sampleDifference: sample,
      reason: t(lang, "pairing.samples", { sample: sampleDifference(a, b, lang) ?? sample }),
    };
  }
  if (a.horizonDays !== b.horizonDays) {
    return { scenario: b.scenario, isPaired: false, reason: t(lang, "pairing.horizons", { a: a.horizonDays, b: b.horizonDays }) };
  }
  const sameSeeds = a.seeds.length > 0 && a.seeds.length === b.seeds.length && a.seeds.every((s, i) => s === b.seeds[i]);
  if (!sameSeeds) return { scenario: b.scenario, isPaired: false, reason: t(lang, "pairing.seeds") };
  return { scenario: b.scenario, isPaired: true };
}

const excludesZero = (ci: readonly [number, number]) => ci[0] > 0 || ci[1] < 0;
const width = (ci: readonly [number, number]) => ci[1] - ci[0];
const NO_INTERVAL: [number, number] = [NaN, NaN];

/** t-test p-value of a difference with standard error `se` on `df` degrees of freedom; a difference without spread is certain either way. */
function pValueOf(difference: number, se: number, df: number): number {
  if (se === 0) return difference === 0 ? 1 : 0;
  return tTwoSidedP(difference / se, df);
}

/** Below −this, two runs' replications are said to move in opposite directions. */
const OPPOSITE_CORRELATION = 0.3;

interface Reading {
  reading: "paired" | "welch";
  readingReason: string;
  ci95: [number, number];
  pValue: number;
  sdPerReplication: number;
}

/**
 * Which interval to read. Pairing usually narrows the interval a lot; but once
 * the two scenarios' paths part (merchant entry diverging, say) replication r
 * of one tells little about replication r of the other, and the paired interval,
 * with half the degrees of freedom, comes out wider than Welch's: paired/Welch
 * width ratios of 1.5–1.7 were measured for merchant counts. Then the Welch
 * interval is read. Both are always in comparison.csv.
 */
function readingOf(paired: MeanInterval | null, welch: DifferenceInterval, sdWelch: number, widthRatio: number, correlation: number): Reading {
  // The t quantile of the Welch interval is taken at the df rounded down (welch-interval.ts); the p-value uses the same df so the two agree.
  const welchReading = (readingReason: string): Reading => ({
    reading: "welch", readingReason, ci95: welch.ci95, pValue: pValueOf(welch.mean, welch.se, Math.floor(welch.df)), sdPerReplication: sdWelch,
  });
  const readingReason = readingReasonText(paired !== null, widthRatio, correlation);
  if (!paired || widthRatio > 1) return welchReading(readingReason);
  return {
    reading: "paired", readingReason, ci95: paired.ci95,
    pValue: paired.n > 1 ? pValueOf(paired.mean, paired.sd / Math.sqrt(paired.n), paired.n - 1) : NaN,
    sdPerReplication: paired.sd,
  };
}

/**
 * Why the interval a row reads is the one to read, from the row's own numbers
 * (so a page in another language says it from comparison.json alone).
 */
export function readingReasonText(isPaired: boolean, widthRatio: number, correlation: number, lang: Lang = "en"): string {
  if (!isPaired) return t(lang, "reason.noPair");
  if (widthRatio > 1) {
    const widens = t(lang, "reason.widens", { ratio: widthRatio.toFixed(2) });
    // Clearly anti-correlated runs make Welch, which assumes independent runs, too narrow as well: say so rather than hide it.
    // (A correlation over a few replications is noisy: near 0 either sign means "little shared noise".)
    if (correlation < -OPPOSITE_CORRELATION) return t(lang, "reason.opposite", { widens, r: correlation.toFixed(2) });
    const r = Number.isFinite(correlation) ? t(lang, "reason.r", { r: correlation.toFixed(2) }) : "";
    return t(lang, "reason.little", { widens, r });
  }
  if (Number.isNaN(widthRatio)) return t(lang, "reason.noSpread");
  if (widthRatio === 1) return t(lang, "reason.same");
  return t(lang, "reason.narrows", { ratio: widthRatio < 0.01 ? t(lang, "reason.under") : widthRatio.toFixed(2) });
}

/** Correlation across replication pairs; NaN when either side has no spread. */
function correlationOf(x: readonly number[], y: readonly number[]): number {
  if (x.length < 2 || x.length !== y.length) return NaN;
  const r = sampleCorrelation(x as number[], y as number[]);
  return Number.isFinite(r) ? r : NaN;
}

/** One KPI's row, before the Holm correction (which needs all the rows of the scenario). */
function compareKpi(kpi: string, baseline: ReportData, other: ReportData, pair: Pairing): KpiComparison | null {
  const base = baseline.summary.kpis[kpi];
  const scen = other.summary.kpis[kpi];
  if (!scen) return null;
  const bv = base.values ?? [];
  const sv = scen.values ?? [];
  const isPaired = pair.isPaired && bv.length === sv.length && bv.length > 0;
  const welch = welchInterval(sv, bv);
  const paired = isPaired ? meanInterval(sv.map((x, i) => x - bv[i])) : null;
  const widthRatio = paired ? width(paired.ci95) / width(welch.ci95) : NaN;
  const correlation = isPaired ? correlationOf(sv, bv) : NaN;
  const sdWelch = sv.length > 1 && bv.length > 1 ? Math.sqrt(sampleVariance(sv as number[]) + sampleVariance(bv as number[])) : NaN;
  const read = readingOf(paired, welch, sdWelch, widthRatio, correlation);
  const difference = paired ? paired.mean : welch.mean;
  const baselineMean = mean(bv, base.mean);
  const scale = hasRatioScale(base.unit ?? "") ? Math.abs(baselineMean) : 0;
  const relative = (x: number) => (scale > 0 ? x / scale : NaN);
  return {
    kpi,
    label: base.label ?? kpi,
    unit: base.unit ?? "",
    baseline: baseline.meta.scenario,
    scenario: other.meta.scenario,
    isPaired,
    n: isPaired ? bv.length : Math.min(bv.length, sv.length),
    baselineMean,
    scenarioMean: mean(sv, scen.mean),
    difference,
    ci95: read.ci95,
    reading: read.reading,
    readingReason: read.readingReason,
    relativeChange: relative(difference),
    relativeCi95: [relative(read.ci95[0]), relative(read.ci95[1])],
    excludesZero: excludesZero(read.ci95),
    pairedCi95: paired ? paired.ci95 : NO_INTERVAL,
    welchCi95: welch.ci95,
    welchExcludesZero: excludesZero(welch.ci95),
    widthRatio,
    correlation,
    pValue: read.pValue,
    holmP: NaN,
    survivesHolm: false,
    sdPerReplication: read.sdPerReplication,
    replicationsForPower: replicationsForPower(read.sdPerReplication, difference, ALPHA, POWER),
  };
}

/**
 * Every KPI the baseline and the scenario both have, in the baseline's order.
 * The Holm correction runs over these rows: the family is one scenario's KPIs
 * against the baseline, the set of differences one reads together.
 */
export function compareKpis(baseline: ReportData, other: ReportData, pair = pairing(baseline, other)): KpiComparison[] {
  const rows = Object.keys(baseline.summary.kpis)
    .map((kpi) => compareKpi(kpi, baseline, other, pair))
    .filter((r): r is KpiComparison => r !== null);
  const holm = holmBonferroni(rows.map((r) => r.pValue), ALPHA);
  return rows.map((r, i) => ({ ...r, holmP: holm.adjusted[i], survivesHolm: holm.survives[i] }));
}

/** Each of `others` against `baseline`; throws NotComparableError when one simulates another platform or horizon. */
export function compareReports(baseline: ReportData, others: readonly ReportData[]): Comparison {
  assertSamePlatform(baseline, others);
  const pairings = others.map((o) => pairing(baseline, o));
  return {
    baseline: baseline.meta.scenario,
    scenarios: others.map((o) => o.meta.scenario),
    pairings,
    rows: others.flatMap((o, i) => compareKpis(baseline, o, pairings[i])),
  };
}

/** Mean of the per-replication values when there are any, else the summary's mean. */
function mean(values: readonly number[], fallback: number): number {
  return values.length ? values.reduce((s, x) => s + x, 0) / values.length : fallback;
}

export const COMPARISON_COLUMNS = [
  "kpi", "label", "unit", "baseline", "scenario", "paired", "n", "baseline_mean", "scenario_mean", "difference",
  "ci95_lo", "ci95_hi", "relative_change", "relative_ci95_lo", "relative_ci95_hi", "excludes_zero",
  "welch_ci95_lo", "welch_ci95_hi", "welch_excludes_zero", "paired_over_welch_width",
  "interval_read", "why", "paired_ci95_lo", "paired_ci95_hi", "correlation", "p_value", "holm_p", "survives_holm",
  "sd_per_replication", "replications_for_80pct_power",
] as const;

/** comparison.csv: one row per scenario per KPI; numbers in full precision, empty where undefined. */
export function comparisonCsv(comparison: Comparison): string {
  return csvTable(COMPARISON_COLUMNS, comparison.rows.map((r) => [
    r.kpi, r.label, r.unit, r.baseline, r.scenario, r.isPaired, r.n, r.baselineMean, r.scenarioMean, r.difference,
    r.ci95[0], r.ci95[1], r.relativeChange, r.relativeCi95[0], r.relativeCi95[1], r.excludesZero,
    r.welchCi95[0], r.welchCi95[1], r.welchExcludesZero, r.widthRatio,
    r.reading, r.readingReason, r.pairedCi95[0], r.pairedCi95[1], r.correlation, r.pValue, r.holmP, r.survivesHolm,
    r.sdPerReplication, r.replicationsForPower,
  ]));
}
