/**
 * Day-by-day comparisons of runs: cumulative extra GMV against cumulative extra
 * money subsidy, per replication pair, for the return-on-subsidy chart.
 */
import { meanInterval } from "../stats/mean-interval.js";
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

export function cumulativeDifferences(baseline: ReportData, other: ReportData, isPaired: boolean): CumulativeDifferencePoint[] {
  const days = Math.min(baseline.meta.horizonDays, other.meta.horizonDays);
  const gmv = differenceByDay(cumulative(baseline, meanOf("gmv")), cumulative(other, meanOf("gmv")), isPaired, days);
  const baseSubsidy = cumulative(baseline, meanOfSum(SUBSIDY_COLUMNS));
  const subsidy = differenceByDay(baseSubsidy, cumulative(other, meanOfSum(SUBSIDY_COLUMNS)), isPaired, days);
  // Below this the ratio is noise over almost nothing: a thousandth of the baseline's whole subsidy, or 1 RMB.
  const baseTotal = baseSubsidy.reduce((s, r) => s + (r[r.length - 1] ?? 0), 0) / Math.max(1, baseSubsidy.length);
  const floor = Math.max(1, 1e-3 * baseTotal);
  return gmv.map((g, day) => ({
    scenario: other.meta.scenario,
    day,
    gmv: sig(g.mean), gmvLo: sig(g.lo), gmvHi: sig(g.hi),
    subsidy: sig(subsidy[day].mean), subsidyLo: sig(subsidy[day].lo), subsidyHi: sig(subsidy[day].hi),
    // Only once the extra spend is clearly positive: a ratio over an interval that includes 0 is no return at all.
    ratio: subsidy[day].mean > floor && subsidy[day].lo > 0 ? sig(g.mean / subsidy[day].mean, 4) : null,
  }));
}
