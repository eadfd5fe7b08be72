/**
 * Worker thread of a sweep: one run per task. It resolves the point's
 * scenario itself (the task stays a few hundred bytes), checks it is the one
 * the plan hashed, runs the replication and returns only the KPI values: the
 * result, and its per-day series, never travel back, so nothing piles up in
 * the main thread. With keepSeries it writes the series to its own file first.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { COLUMN_NAMES, COLUMNS } from "../../model/metrics.js";
import { runReplication, type ReplicationResult } from "../../model/simulate.js";
import { loadScenarioSync } from "../../scenario/load.js";
import type { Scenario } from "../../scenario/schema.js";
import { csvTable } from "../../io/csv.js";
import { replaceFile } from "../../io/files.js";
import { sweepKpiValues } from "./sweep-kpis.js";
import { canonicalJson, pointHash } from "./plan.js";
import type { ParamValue } from "../designs/types.js";
import { replicationMeasure } from "../check/measures.js";
import type { SimpleMeasure } from "../check/spec.js";

export interface SweepTask {
  base: string;
  set: string[];
  days?: number;
  users?: number;
  values: Record<string, ParamValue>;
  pointHash: string;
  rep: number;
  seed: number;
  key: string;
  /** where to write the per-day series, or undefined */
  seriesFile?: string;
  /** measures of the run to return as well (a calibration's targets read them) */
  measures?: SimpleMeasure[];
  /** the point's resolved scenario, sent with a queued run so that a worker on another machine needs no files */
  scenario?: Scenario;
}

export interface SweepTaskResult {
  key: string;
  /** in SWEEP_KPIS order */
  kpis: number[];
  /** the task's measures, in its order */
  measures?: number[];
  wallSec: number;
}

// consecutive tasks of one point (its replications) resolve its scenario once
let cached: { id: string; scenario: Scenario } | undefined;

export function scenarioFor(task: SweepTask): Scenario {
  const id = canonicalJson([task.base, task.set, task.days, task.users, task.pointHash]);
  if (cached?.id !== id) {
    const scenario = task.scenario ?? loadScenarioSync(task.base, { set: task.set, days: task.days, users: task.users }).scenario;
    if (pointHash(scenario, task.values) !== task.pointHash) {
      throw new Error(task.scenario
        ? "the scenario sent with this run does not match the point's hash (changed in transit)"
        : `the scenario of this point changed since the sweep was planned (was ${task.base} or a file it extends edited?); start the sweep again`);
    }
    cached = { id, scenario };
  }
  return cached.scenario;
}

export default function runSweepTask(task: SweepTask): SweepTaskResult {
  const scenario = scenarioFor(task);
  const started = performance.now();
  const result = runReplication(scenario, task.rep, task.seed);
  const wallSec = (performance.now() - started) / 1000;
  if (task.seriesFile) writeSeries(task.seriesFile, result);
  return {
    key: task.key, kpis: sweepKpiValues(result),
    ...(task.measures ? { measures: task.measures.map((m) => replicationMeasure(m, result)) } : {}),
    wallSec,
  };
}

function writeSeries(file: string, r: ReplicationResult): void {
  const cols = COLUMNS.length;
  const rows = Array.from({ length: r.days }, (_, d) => [d, ...r.series.subarray(d * cols, (d + 1) * cols)]);
  mkdirSync(dirname(file), { recursive: true });
  replaceFile(file, csvTable(["day", ...COLUMN_NAMES], rows));
}
