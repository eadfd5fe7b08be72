/**
 * Measures of one run, one value per replication, from what its report folder
 * holds: a KPI's per-replication values (summary.json) or a timeseries.csv
 * column summed or averaged over a day window. The same numbers whether the
 * run was made now or read back from disk, since both read the folder.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { COLUMN_NAMES, COLUMNS } from "../../model/metrics.js";
import type { ReplicationResult } from "../../model/simulate.js";
import { KPIS } from "../kpis.js";
import { parseCsv, toNumber } from "../../io/csv.js";
import type { Measure, SimpleMeasure, WindowDay } from "./spec.js";

export interface RunData {
  reps: number;
  days: number;
  /** KPI key → value of each replication, in rep order */
  kpis: Record<string, number[]>;
  /** column → one array per replication, indexed by day */
  series: Map<string, Float64Array[]>;
}

/**
 * A run known only by the simple measures logged for each of its
 * replications (a calibration's run log): measure id → value per replication.
 */
export interface LoggedRun {
  reps: number;
  logged: Map<string, number[]>;
}

/** Read summary.json and timeseries.csv of a report folder written by writeRunTables. */
export function readRunData(dir: string): RunData {
  const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as { reps: number; horizonDays: number; kpis: Record<string, { values: number[] }> };
  const kpis = Object.fromEntries(Object.entries(summary.kpis).map(([k, v]) => [k, v.values]));
  const reps = summary.reps;
  const days = summary.horizonDays;
  const series = new Map<string, Float64Array[]>(COLUMN_NAMES.map((c) => [c, Array.from({ length: reps }, () => new Float64Array(days).fill(NaN))]));
  const path = join(dir, "timeseries.csv");
  if (existsSync(path)) {
    for (const row of parseCsv(readFileSync(path, "utf8"))) {
      const rep = toNumber(row.rep);
      const day = toNumber(row.day);
      if (!(rep >= 0 && rep < reps && day >= 0 && day < days)) continue;
      for (const c of COLUMN_NAMES) if (c in row) series.get(c)![rep][day] = toNumber(row[c]);
    }
  }
  return { reps, days, kpis, series };
}

/** A window's days as [from, to) for a run of `days` days, or undefined when it does not fit in the run. */
export function resolveWindow(w: [WindowDay, WindowDay] | undefined, days: number): [number, number] | undefined {
  if (!w) return [0, days];
  const at = (d: WindowDay) => (d === "end" ? days : d < 0 ? days + d : d);
  const from = at(w[0]);
  const to = at(w[1]);
  return from >= 0 && to <= days && from < to ? [from, to] : undefined;
}

function simpleValues(m: SimpleMeasure, run: RunData | LoggedRun): number[] {
  if ("logged" in run) return run.logged.get(simpleMeasureId(m)) ?? new Array<number>(run.reps).fill(NaN);
  if (m.kind === "kpi") {
    const values = run.kpis[m.key];
    return values && values.length === run.reps ? values : new Array<number>(run.reps).fill(NaN);
  }
  const window = resolveWindow(m.window, run.days);
  const perRep = run.series.get(m.column)!;
  return perRep.map((days) => {
    if (!window) return NaN;
    let s = 0;
    for (let d = window[0]; d < window[1]; d++) s += days[d];
    return m.aggregate === "mean" ? s / (window[1] - window[0]) : s;
  });
}

/** The measure's value in each replication of the run (NaN where it has none, e.g. a ratio over 0). */
export function measureValues(m: Measure, run: RunData | LoggedRun): number[] {
  if (m.kind !== "ratio") return simpleValues(m, run);
  const a = simpleValues(m.numerator, run);
  const b = simpleValues(m.denominator, run);
  return a.map((x, r) => (b[r] !== 0 ? x / b[r] : NaN));
}

/** The simple measures a measure is made of (one, or a ratio's two). */
export function simpleMeasures(m: Measure): SimpleMeasure[] {
  return m.kind === "ratio" ? [m.numerator, m.denominator] : [m];
}

/** A simple measure as a column name: the KPI key, or column_aggregate_from_to ("gmv_sum_-90_end", "orders_sum_all"). */
export function simpleMeasureId(m: SimpleMeasure): string {
  if (m.kind === "kpi") return m.key;
  return `${m.column}_${m.aggregate}_${m.window ? `${m.window[0]}_${m.window[1]}` : "all"}`;
}

const KPI_BY_KEY = new Map(KPIS.map((k) => [k.key, k]));
const COLUMN_INDEX = new Map(COLUMN_NAMES.map((c, i) => [c, i]));

/**
 * A simple measure of one replication, straight from its result (what a
 * calibration logs for each run, so no report folder is written): NaN when
 * the window does not fit in the run.
 */
export function replicationMeasure(m: SimpleMeasure, r: ReplicationResult): number {
  if (m.kind === "kpi") return KPI_BY_KEY.get(m.key)?.value(r) ?? NaN;
  const window = resolveWindow(m.window, r.days);
  const c = COLUMN_INDEX.get(m.column);
  if (!window || c === undefined) return NaN;
  const cols = COLUMNS.length;
  let s = 0;
  for (let d = window[0]; d < window[1]; d++) s += r.series[d * cols + c];
  return m.aggregate === "mean" ? s / (window[1] - window[0]) : s;
}

/** The KPI keys a measure reads from summary.json (a reused run must have them). */
export function kpisOf(m: Measure): string[] {
  if (m.kind === "kpi") return [m.key];
  if (m.kind === "ratio") return [...kpisOf(m.numerator), ...kpisOf(m.denominator)];
  return [];
}

/** The windows of a measure, for checking them against a run's horizon. */
export function windowsOf(m: Measure): { window: [WindowDay, WindowDay]; path: (string | number)[] }[] {
  if (m.kind === "column") return m.window ? [{ window: m.window, path: ["window"] }] : [];
  if (m.kind === "ratio") {
    return [
      ...windowsOf(m.numerator).map((w) => ({ ...w, path: ["ratio", 0, ...w.path] })),
      ...windowsOf(m.denominator).map((w) => ({ ...w, path: ["ratio", 1, ...w.path] })),
    ];
  }
  return [];
}
