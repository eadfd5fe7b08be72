/**
 * Scenario against baseline, KPI by KPI: the difference of means with a 95%
 * interval from paired replications (rep r of one with rep r of the other, on
 * the same seed, so the noise they share cancels), the relative change, and
 * the unpaired (Welch) interval beside it so the reader sees what pairing saves.
 * Pure: reports in, numbers out; writing lives in write-comparison.ts.
 */
import { pairedInterval } from "../stats/paired-interval.js";
import { welchInterval } from "../stats/welch-interval.js";
import { hasRatioScale } from "./format.js";
import type { ReportData } from "./read-report.js";

export interface Pairing {
  scenario: string;
  isPaired: boolean;
  /** Why not, in a sentence, when not paired. */
  reason?: string;
}

export interface KpiComparison {
  kpi: string;
  label: string;
  unit: string;
  baseline: string;
  scenario: string;
  isPaired: boolean;
  /** Pairs (paired) or the smaller of the two replication counts (unpaired). */
  n: number;
  baselineMean: number;
  scenarioMean: number;
  /** scenario − baseline. */
  difference: number;
  /** The interval to read: paired when the runs pair, else Welch. */
  ci95: [number, number];
  /** difference / |baseline mean|; NaN when the baseline mean is 0 or the unit is a signed score (NPS). */
  relativeChange: number;
  /** ci95 / |baseline mean|: treats the baseline mean as known, which is close enough at our replication counts. */
  relativeCi95: [number, number];
  excludesZero: boolean;
  welchCi95: [number, number];
  welchExcludesZero: boolean;
  /** Width of the paired interval over the Welch one (below 1: pairing narrowed it); NaN when unpaired. */
  widthRatio: number;
}

export interface Comparison {
  baseline: string;
  scenarios: string[];
  pairings: Pairing[];
  rows: KpiComparison[];
}

/** Runs pair when they used the same seeds, in the same order, over the same horizon. */
export function pairing(baseline: ReportData, other: ReportData): Pairing {
  const a = baseline.meta, b = other.meta;
  if (a.horizonDays !== b.horizonDays) {
    return { scenario: b.scenario, isPaired: false, reason: `horizons differ (${a.horizonDays} and ${b.horizonDays} days)` };
  }
  const sameSeeds = a.seeds.length > 0 && a.seeds.length === b.seeds.length && a.seeds.every((s, i) => s === b.seeds[i]);
  if (!sameSeeds) return { scenario: b.scenario, isPaired: false, reason: "the runs used different seeds" };
  return { scenario: b.scenario, isPaired: true };
}

const excludesZero = (ci: readonly [number, number]) => ci[0] > 0 || ci[1] < 0;

/** Every KPI the baseline and the scenario both have, in the baseline's order. */
export function compareKpis(baseline: ReportData, other: ReportData, pair = pairing(baseline, other)): KpiComparison[] {
  const rows: KpiComparison[] = [];
  for (const [kpi, base] of Object.entries(baseline.summary.kpis)) {
    const scen = other.summary.kpis[kpi];
    if (!scen) continue;
    const bv = base.values ?? [];
    const sv = scen.values ?? [];
    const isPaired = pair.isPaired && bv.length === sv.length && bv.length > 0;
    const welch = welchInterval(sv, bv);
    const paired = isPaired ? pairedInterval(sv, bv) : null;
    const difference = paired ? paired.mean : welch.mean;
    const ci95: [number, number] = paired ? paired.ci95 : welch.ci95;
    const baselineMean = mean(bv, base.mean);
    const scale = hasRatioScale(base.unit ?? "") ? Math.abs(baselineMean) : 0;
    const relative = (x: number) => (scale > 0 ? x / scale : NaN);
    rows.push({
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
      ci95,
      relativeChange: relative(difference),
      relativeCi95: [relative(ci95[0]), relative(ci95[1])],
      excludesZero: excludesZero(ci95),
      welchCi95: welch.ci95,
      welchExcludesZero: excludesZero(welch.ci95),
      widthRatio: paired ? (ci95[1] - ci95[0]) / (welch.ci95[1] - welch.ci95[0]) : NaN,
    });
  }
  return rows;
}

/** Each of `others` against `baseline`. */
export function compareReports(baseline: ReportData, others: readonly ReportData[]): Comparison {
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
] as const;

/** comparison.csv: one row per scenario per KPI; numbers in full precision, empty where undefined. */
export function comparisonCsv(comparison: Comparison): string {
  const cell = (v: unknown) => {
    if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = comparison.rows.map((r) => [
    r.kpi, r.label, r.unit, r.baseline, r.scenario, r.isPaired, r.n, r.baselineMean, r.scenarioMean, r.difference,
    r.ci95[0], r.ci95[1], r.relativeChange, r.relativeCi95[0], r.relativeCi95[1], r.excludesZero,
    r.welchCi95[0], r.welchCi95[1], r.welchExcludesZero, r.widthRatio,
  ].map(cell).join(","));
  return `${COMPARISON_COLUMNS.join(",")}\n${lines.join("\n")}\n`;
}
