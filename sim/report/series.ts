import { meanInterval } from "../stats/mean-interval.js";
import type { TimeseriesRow } from "./read-report.js";

/** One point of a line with its 95% band over replications. */
export interface BandPoint {
  /** First day of the bin (the day itself when bins are one day long). */
  day: number;
  mean: number;
  lo: number;
  hi: number;
}

/** Reduces the rows of one replication that fall in one bin to one number. */
export type BinAggregate = (rows: readonly TimeseriesRow[]) => number;

/** Per-day mean of a column over the bin: keeps the unit "per day" whatever the bin length. */
export const meanOf = (column: string): BinAggregate => (rows) => sum(rows, column) / rows.length;

/** Total of a column over the bin (flows shown as "per week"). */
export const sumOf = (column: string): BinAggregate => (rows) => sum(rows, column);

/** Sum of several columns, per-day mean over the bin. */
export const meanOfSum = (columns: readonly string[]): BinAggregate => (rows) =>
  columns.reduce((s, c) => s + sum(rows, c), 0) / rows.length;

/** Ratio of sums over the bin: a weekly share weighs busy days more, as it should. NaN when the denominator is 0. */
export const ratioOf = (numerator: string, denominator: string): BinAggregate => (rows) => {
  const den = sum(rows, denominator);
  return den === 0 ? NaN : sum(rows, numerator) / den;
};

/**
 * Mean of a per-order column weighted by a count over the bin (delivery days by
 * orders): a day without orders, where the model writes 0, carries no weight.
 * NaN when the bin has no orders.
 */
export const weightedMeanOf = (column: string, weight: string): BinAggregate => (rows) => {
  let num = 0, den = 0;
  for (const r of rows) {
    const w = r[weight], v = r[column];
    if (Number.isFinite(w) && Number.isFinite(v) && w > 0) { num += v * w; den += w; }
  }
  return den === 0 ? NaN : num / den;
};

/** Value at the last day of the bin (stocks such as active merchants). */
export const lastOf = (column: string): BinAggregate => (rows) => rows[rows.length - 1][column];

function sum(rows: readonly TimeseriesRow[], column: string): number {
  let s = 0;
  for (const r of rows) s += r[column];
  return s;
}

/**
 * Whether every one of `columns` is in the table with at least one number: a
 * folder written before the model had a column lacks it, and the chart that
 * needs it is left out rather than drawn empty.
 */
export function hasColumns(rows: readonly TimeseriesRow[], columns: readonly string[]): boolean {
  return columns.every((c) => rows.some((r) => Number.isFinite(r[c])));
}

/** A column's run total, mean over replications (non-numbers count as 0). */
export function runTotal(rows: readonly TimeseriesRow[], column: string): number {
  const reps = Math.max(1, new Set(rows.map((r) => r.rep)).size);
  let s = 0;
  for (const r of rows) if (Number.isFinite(r[column])) s += r[column];
  return s / reps;
}

/** Days per bin so a chart stays compact: daily up to about a year, weekly beyond. */
export function binDaysFor(horizonDays: number): number {
  return horizonDays <= 400 ? 1 : 7;
}

/**
 * Rows grouped by replication, then by bin start day, both in ascending order.
 * A last bin holding less than half a bin's days is left out: a weekly mean
 * of one day drew as a spike at the end of the chart.
 */
export function byRepAndBin(rows: readonly TimeseriesRow[], binDays: number): Map<number, Map<number, TimeseriesRow[]>> {
  const sorted = [...rows].sort((a, b) => a.rep - b.rep || a.day - b.day);
  const lastDay = sorted.reduce((m, r) => Math.max(m, r.day), -Infinity);
  const lastStart = Math.floor(lastDay / binDays) * binDays;
  const isStub = binDays > 1 && lastDay - lastStart + 1 < binDays / 2;
  const out = new Map<number, Map<number, TimeseriesRow[]>>();
  for (const row of sorted) {
    if (isStub && row.day >= lastStart) continue;
    const bins = out.get(row.rep) ?? out.set(row.rep, new Map()).get(row.rep)!;
    const start = Math.floor(row.day / binDays) * binDays;
    const list = bins.get(start) ?? bins.set(start, []).get(start)!;
    list.push(row);
  }
  return out;
}

/** The aggregate of each replication in each bin: Map rep → Map bin start → value. */
export function perRepBins(rows: readonly TimeseriesRow[], binDays: number, aggregate: BinAggregate): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  for (const [rep, bins] of byRepAndBin(rows, binDays)) {
    const values = new Map<number, number>();
    for (const [start, binRows] of bins) values.set(start, aggregate(binRows));
    out.set(rep, values);
  }
  return out;
}

/** What a band may show: the bounds of the quantity (a share 0..1, a count from 0), and the replications a bin needs. */
export interface BandLimits {
  bounds?: readonly [number, number];
  /** bins with fewer replications that have a value are left out (2: an interval needs two), unless the run has fewer */
  minReps?: number;
}

/** Shares stay in 0..1, and a bin needs two replications with a value: early days with a handful of orders made a t band of ±600%. */
export const SHARE_BAND: BandLimits = { bounds: [0, 1], minReps: 2 };
/** Counts stay at or above 0. */
export const COUNT_BAND: BandLimits = { bounds: [0, Infinity] };
/** Money flows and stocks that cannot be negative (GMV, revenue, fees) stay at or above 0. */
export const MONEY_BAND: BandLimits = { bounds: [0, Infinity] };
/** Means of a quantity on a 0..1 scale (trust, content pull) stay in 0..1; unlike a ratio of counts every day has a value. */
export const UNIT_BAND: BandLimits = { bounds: [0, 1] };
/** The net promoter score stays in −100..100. */
export const NPS_BAND: BandLimits = { bounds: [-100, 100] };

/**
 * Mean over replications per bin, with a 95% t interval (sim/stats/mean-interval)
 * clipped to the quantity's bounds. Bins where a replication has no finite
 * value use the replications that do.
 */
export function bands(rows: readonly TimeseriesRow[], binDays: number, aggregate: BinAggregate, limits: BandLimits = {}): BandPoint[] {
  return bandsOf(perRepBins(rows, binDays, aggregate), limits);
}

/** Mean and 95% interval per bin of values already computed per replication. */
export function bandsOf(values: Map<number, Map<number, number>>, limits: BandLimits = {}): BandPoint[] {
  const [min, max] = limits.bounds ?? [-Infinity, Infinity];
  const starts = new Set<number>();
  for (const bins of values.values()) for (const s of bins.keys()) starts.add(s);
  const out: BandPoint[] = [];
  for (const day of [...starts].sort((a, b) => a - b)) {
    const xs: number[] = [];
    for (const bins of values.values()) {
      const v = bins.get(day);
      if (v !== undefined && Number.isFinite(v)) xs.push(v);
    }
    // a run of one replication has no interval anywhere: its line is still drawn
    if (xs.length === 0 || xs.length < Math.min(limits.minReps ?? 1, values.size)) continue;
    const m = meanInterval(xs);
    out.push({ day, mean: sig(m.mean), lo: sig(Math.max(min, m.ci95[0])), hi: sig(Math.min(max, m.ci95[1])) });
  }
  return out;
}

/** Per-replication daily values of an aggregate, as arrays indexed by position in day order. */
export function perRepDaily(rows: readonly TimeseriesRow[], aggregate: BinAggregate): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const [rep, bins] of perRepBins(rows, 1, aggregate)) out.set(rep, [...bins.values()]);
  return out;
}

/**
 * Round to `digits` significant digits: the charts cannot show more, and it keeps
 * the inlined data (and the .vl.json files teams diff) short and stable.
 */
export function sig(x: number, digits = 5): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}

/** The daily table of one run as the charts take it: all replications' rows and the bin length to show them at. */
export interface DailySeries {
  rows: readonly TimeseriesRow[];
  binDays: number;
}

export function dailySeries(rows: readonly TimeseriesRow[], horizonDays: number): DailySeries {
  return { rows, binDays: binDaysFor(horizonDays) };
}
