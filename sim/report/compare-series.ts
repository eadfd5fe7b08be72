/**
 * Day-by-day comparisons of runs: cumulative extra GMV against cumulative extra
 * money subsidy, per replication pair, for the return-on-subsidy chart.
 */
import { meanInterval } from "../stats/mean-interval.js";
import { pairedRatioInterval, welchRatioInterval } from "../stats/ratio-interval.js";
import { welchInterval } from "../stats/welch-interval.js";
import { SUBSIDY_COLUMNS } from "./charts/subsidy-vs-gmv.js";
import type { ReportData } from "./read-report.js";
import { meanOf, meanOfSum, perRepDaily, sig, type BinAggregate } from "./series.js";

export interface CumulativeDifferencePoint {
  scenario: string;
  day: number;
  /** Cumulative GMV, scenario − baseline, RMB: mean and 95% interval. */
  gmv: number;
  gmvLo: number;
  gmvHi: number;
  /** Cumulative money subsidy, scenario − baseline, RMB. */
  subsidy: number;
  subsidyLo: number;
  subsidyHi: number;
  /** Incremental GMV per RMB of extra subsidy so far; null while the extra subsidy is too small or too uncertain to divide by. */
  ratio: number | null;
  /**
   * 95% interval of the ratio: the ratio of the mean differences with its
   * delta-method interval over replication pairs (stats/ratio-interval.ts;
   * Welch's version when the runs do not pair); null with the ratio, or when
   * fewer than two replications give no interval.
   */
  ratioLo: number | null;
  ratioHi: number | null;
}

/** Cumulative sums per replication, rep → array by day. */
function cumulative(report: ReportData, aggregate: BinAggregate): number[][] {
  return [...perRepDaily(report.timeseries, aggregate).entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, daily]) => {
      let s = 0;
      return daily.map((x) => (s += Number.isFinite(x) ? x : 0));
    });
}

/** Mean and 95% interval of (scenario − baseline) on each day: paired by rep, or Welch when the runs do not pair. */
function differenceByDay(base: number[][], scen: number[][], isPaired: boolean, days: number) {
  const out: { mean: number; lo: number; hi: number }[] = [];
  for (let d = 0; d < days; d++) {
    const b = base.map((r) => r[d]).filter(Number.isFinite);
    const s = scen.map((r) => r[d]).filter(Number.isFinite);
    if (isPaired && b.length === s.length && b.length > 0) {
      const m = meanInterval(s.map((x, i) => x - b[i]));
      out.push({ mean: m.mean, lo: m.ci95[0], hi: m.ci95[1] });
    } else {
      const w = welchInterval(s, b);
      out.push({ mean: w.mean, lo: w.ci95[0], hi: w.ci95[1] });
    }
  }
  return out;
}

/** The ratio's interval on each day from the replications' cumulative GMV and subsidy: paired by rep, or Welch when the runs do not pair. */
function ratioIntervalByDay(gmv: { base: number[][]; scen: number[][] }, subsidy: { base: number[][]; scen: number[][] }, isPaired: boolean, days: number) {
  const out: [number, number][] = [];
  for (let d = 0; d < days; d++) {
    const at = (runs: number[][]) => runs.map((r) => r[d] ?? NaN);
    const [gb, gs, sb, ss] = [at(gmv.base), at(gmv.scen), at(subsidy.base), at(subsidy.scen)];
    const r = isPaired && gb.length === gs.length && sb.length === ss.length
      ? pairedRatioInterval(gs.map((x, i) => x - gb[i]), ss.map((x, i) => x - sb[i]))
      : welchRatioInterval(gs, ss, gb, sb);
    out.push(r.ci95);
  }
  return out;
}

export function cumulativeDifferences(baseline: ReportData, other: ReportData, isPaired: boolean): CumulativeDifferencePoint[] {
  const days = Math.min(baseline.meta.horizonDays, other.meta.horizonDays);
  const gmvRuns = { base: cumulative(baseline, meanOf("gmv")), scen: cumulative(other, meanOf("gmv")) };
  const baseSubsidy = cumulative(baseline, meanOfSum(SUBSIDY_COLUMNS));
  const subsidyRuns = { base: baseSubsidy, scen: cumulative(other, meanOfSum(SUBSIDY_COLUMNS)) };
  const gmv = differenceByDay(gmvRuns.base, gmvRuns.scen, isPaired, days);
  const subsidy = differenceByDay(subsidyRuns.base, subsidyRuns.scen, isPaired, days);
  const ratioCi = ratioIntervalByDay(gmvRuns, subsidyRuns, isPaired, days);
  // Below this the ratio is noise over almost nothing: a thousandth of the baseline's whole subsidy, or 1 RMB.
  const baseTotal = baseSubsidy.reduce((s, r) => s + (r[r.length - 1] ?? 0), 0) / Math.max(1, baseSubsidy.length);
  const floor = Math.max(1, 1e-3 * baseTotal);
  return gmv.map((g, day) => {
    // Only once the extra spend is clearly positive: a ratio over an interval that includes 0 is no return at all.
    const isDivisible = subsidy[day].mean > floor && subsidy[day].lo > 0;
    const [lo, hi] = ratioCi[day];
    const hasInterval = isDivisible && Number.isFinite(lo) && Number.isFinite(hi);
    return {
      scenario: other.meta.scenario,
      day,
      gmv: sig(g.mean), gmvLo: sig(g.lo), gmvHi: sig(g.hi),
      subsidy: sig(subsidy[day].mean), subsidyLo: sig(subsidy[day].lo), subsidyHi: sig(subsidy[day].hi),
      ratio: isDivisible ? sig(g.mean / subsidy[day].mean, 4) : null,
      ratioLo: hasInterval ? sig(lo, 4) : null,
      ratioHi: hasInterval ? sig(hi, 4) : null,
    };
  });
}

/** The lever groups whose spending is money subsidy (the columns of SUBSIDY_COLUMNS): consumer subsidy, coupons, fee relief, campaigns, service providers. */
const MONEY_LEVERS = ["consumerSubsidy", "coupons", "feeRelief", "campaigns", "serviceProviders"];

/**
 * The money-subsidy settings of a resolved scenario (manifest.json) as a
 * string to compare: the money levers and the interventions that set them;
 * null when the manifest has no scenario (an older or hand-made folder).
 */
function moneySettings(report: ReportData): string | null {
  const scenario = report.manifest.scenario as { levers?: Record<string, unknown>; interventions?: { at?: number; until?: number; set?: Record<string, unknown> }[] } | undefined;
  if (!scenario || typeof scenario !== "object" || !scenario.levers) return null;
  const isMoney = (path: string) => MONEY_LEVERS.some((g) => path.startsWith(`levers.${g}`));
  const interventions = (scenario.interventions ?? [])
    .map((iv) => ({ at: iv.at, until: iv.until, set: Object.entries(iv.set ?? {}).filter(([k]) => isMoney(k)) }))
    .filter((iv) => iv.set.length > 0);
  return JSON.stringify([MONEY_LEVERS.map((g) => scenario.levers![g] ?? null), interventions]);
}

/**
 * Whether `other` differs from the baseline in money subsidy: its money levers
 * are set otherwise (when both manifests say), and the extra subsidy it spent
 * is clearly non-zero by the end (the interval of the cumulative difference on
 * the last day of `points` excludes 0, by at least 1 RMB). Spending that only
 * follows GMV (a coupon programme both runs have, on more orders) is not a
 * subsidy difference: the return-on-subsidy chart would divide by it.
 */
export function moneySubsidyDiffers(baseline: ReportData, other: ReportData, points: readonly CumulativeDifferencePoint[]): boolean {
  const [a, b] = [moneySettings(baseline), moneySettings(other)];
  if (a !== null && b !== null && a === b) return false;
  const last = points.reduce<CumulativeDifferencePoint | undefined>((m, p) => (m === undefined || p.day > m.day ? p : m), undefined);
  return last !== undefined && Math.abs(last.subsidy) >= 1 && (last.subsidyLo > 0 || last.subsidyHi < 0);
}
