/**
 * The platform's money over a run, as the platform-economics chart shows it:
 * cumulative platform net per replication (revenue less the subsidies the
 * platform pays out and the cost of guarantee claims, the platform_net KPI of
 * experiments/kpis.ts day by day; fee relief is revenue foregone and already
 * missing from revenue), its mean with a 95% band, and the break-even day.
 *
 * Example: daily net −10, −10, +15, +15 gives cumulative −10, −20, −5, +10,
 * and the break-even day is 3 (from day 3 on the cumulative net stays ≥ 0).
 */
import { breakEvenDay as kpiBreakEvenDay, PAID_OUT_COLUMNS } from "../experiments/kpis.js";
import type { TimeseriesRow } from "./read-report.js";
import { bandsOf, type BandPoint, type BinAggregate } from "./series.js";

/** The columns platform net takes away from platform_revenue. */
export const PLATFORM_COST_COLUMNS: readonly string[] = [...PAID_OUT_COLUMNS, "guarantee_cost"];
/** What the chart needs: revenue, ad revenue and the costs (an older folder lacks some and goes without the chart). */
export const PLATFORM_NET_COLUMNS: readonly string[] = ["platform_revenue", "ad_revenue", ...PLATFORM_COST_COLUMNS];

/** One day's platform net, RMB: revenue less paid-out subsidies and guarantee claims (a missing cost counts as 0). */
export function dailyNet(row: TimeseriesRow): number {
  let net = row.platform_revenue;
  for (const c of PLATFORM_COST_COLUMNS) if (Number.isFinite(row[c])) net -= row[c];
  return net;
}

/** Platform net per day, mean over the bin: a BinAggregate for series.ts. */
export const netOf: BinAggregate = (rows) => rows.reduce((s, r) => s + dailyNet(r), 0) / rows.length;

/** Cumulative platform net of each replication on each day: Map rep → Map day → RMB since day 0. */
export function cumulativeNetByRep(rows: readonly TimeseriesRow[]): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  const sorted = [...rows].sort((a, b) => a.rep - b.rep || a.day - b.day);
  const running = new Map<number, number>();
  for (const r of sorted) {
    const s = (running.get(r.rep) ?? 0) + (Number.isFinite(dailyNet(r)) ? dailyNet(r) : 0);
    running.set(r.rep, s);
    (out.get(r.rep) ?? out.set(r.rep, new Map()).get(r.rep)!).set(r.day, s);
  }
  return out;
}

/** Cumulative platform net by day: mean over replications with a 95% t interval; signed, so not clipped. */
export function cumulativeNetBands(rows: readonly TimeseriesRow[]): BandPoint[] {
  return bandsOf(cumulativeNetByRep(rows));
}

/**
 * The first day from which the mean cumulative net stays at or above 0 to the
 * end of the run, by the convention of the platform_net_break_even_day KPI
 * (experiments/kpis.ts breakEvenDay): 0 when it never went below 0; null when
 * it ends below 0 (no break-even in the run; the KPI then gives the horizon).
 * Taken on the mean curve the chart draws, which can differ from the KPI's
 * mean over replications of each one's break-even day.
 */
export function breakEvenDay(points: readonly Pick<BandPoint, "day" | "mean">[]): number | null {
  const sorted = [...points].sort((a, b) => a.day - b.day);
  if (sorted.length === 0) return null;
  const index = kpiBreakEvenDay(sorted.map((p) => p.mean));
  return index >= sorted.length ? null : sorted[index].day;
}
