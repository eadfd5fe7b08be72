/**
 * Evaluating parameter sets against targets, through the sweep runner:
 *
 *   values → each target scenario resolved with them (fixed overrides, then
 *   the values, then the target's own overrides) → one run per distinct
 *   resolved scenario and replication, keyed as a sweep's runs are → runs
 *   the log lacks go to worker threads, each appended (fsync'd) to runs.csv
 *   as it finishes → the checks judged on the logged measures → z and loss
 *
 * Every evaluation uses the same replication seeds (common random numbers).
 * A run's key names what it computes (resolved scenario, seed, version), so a
 * resumed calibration finds in the log every run it made before.
 */
import { replicationSeed } from "../../engine/rng.js";
import { loadScenarioSync } from "../../scenario/load.js";
import { evaluateTargets, type CheckResult } from "../check/evaluate.js";
import { simpleMeasureId, simpleMeasures, type LoggedRun } from "../check/measures.js";
import type { Band, SimpleMeasure } from "../check/spec.js";
import { pointHash, runKey } from "../sweep/plan.js";
import type { RunLog } from "../sweep/run-log.js";
import { runTasks } from "../sweep/runner.js";
import type { QueueTarget } from "../queue/coordinator.js";
import { setEntry } from "../sweep/spec.js";
import type { SweepTask } from "../sweep/worker.js";
import type { CalibrationSpec, CalibrationTarget, CheckFit } from "./spec.js";

/** z of a check whose measure has no value (NaN): far off, so the optimizer leaves such regions. */
export const MISSING_Z = 1000;

/** Every simple measure the calibration's targets read, once each, in a fixed order: the log's measure columns. */
export function calibrationMeasures(spec: CalibrationSpec): SimpleMeasure[] {
  const byId = new Map<string, SimpleMeasure>();
  for (const t of spec.targets) for (const c of t.target.checks) for (const m of simpleMeasures(c.measure)) byId.set(simpleMeasureId(m), m);
  return [...byId.values()];
}

/** runs.csv of a calibration: key, scenario, rep, seed, the parameters, the measures, wall time. */
export function calibrationLogHeader(spec: CalibrationSpec): string[] {
  return ["key", "scenario", "rep", "seed", ...spec.parameters.map((p) => p.path), ...calibrationMeasures(spec).map(simpleMeasureId), "wall_sec"];
}

/** Distance of x from a band (0 inside it). */
export function bandDistance(x: number, band: Band): number {
  if (band.min !== undefined && x < band.min) return band.min - x;
  if (band.max !== undefined && x > band.max) return x - band.max;
  return 0;
}

/** A check's distance from its band in standard errors of its mean (0 inside; MISSING_Z when it has no value). */
export function checkZ(c: CheckResult): number {
  if (!Number.isFinite(c.mean)) return MISSING_Z;
  const d = bandDistance(c.mean, c.band);
  if (d === 0) return 0;
  const se = Number.isFinite(c.sd) ? c.sd / Math.sqrt(c.n) : 0;
  // replications that agree exactly (a deterministic measure) have no noise: a tiny floor keeps z finite
  return Math.min(MISSING_Z, d / Math.max(se, 1e-9 * Math.max(1, Math.abs(c.mean))));
}

interface ResolvedRun {
  /** the point hash: resolved scenario and values */
  hash: string;
  name: string;
  task: Omit<SweepTask, "rep" | "seed" | "key">;
}

interface PendingRun {
  run: ResolvedRun;
  rep: number;
  seed: number;
  key: string;
}

export interface EvaluatorProgress {
  /** runs finished in this batch, and the batch's runs the log lacked */
  done: number;
  total: number;
}

export class Evaluator {
  readonly seeds: number[];
  private readonly measures: SimpleMeasure[];
  private readonly measureIds: string[];
  /** run key → its measures, in `measures` order */
  private readonly known = new Map<string, number[]>();
  ranNow = 0;

  constructor(
    private readonly spec: CalibrationSpec,
    private readonly version: string,
    private readonly log: RunLog,
    loggedRows: readonly Record<string, string>[],
    private readonly threads: number,
    /** run through this Redis queue on `sim worker` processes instead of local threads */
    private readonly queue?: QueueTarget,
  ) {
    this.seeds = Array.from({ length: spec.reps }, (_, r) => replicationSeed(spec.seed, r));
    this.measures = calibrationMeasures(spec);
    this.measureIds = this.measures.map(simpleMeasureId);
    for (const row of loggedRows) this.known.set(row.key, this.measureIds.map((id) => (row[id] === "" || row[id] === undefined ? NaN : Number(row[id]))));
  }

  /** Runs logged (before this process or by it). */
  get logged(): number {
    return this.known.size;
  }

  /**
   * The checks of `targets` at each parameter set, in order, after running
   * whatever runs the log lacks. `onProgress` hears of each run as it ends.
   */
  async evaluate(sets: readonly Record<string, number>[], targets: readonly CalibrationTarget[], onProgress?: (p: EvaluatorProgress) => void): Promise<CheckFit[][]> {
    const plans = sets.map((values) => this.resolve(values, targets));
    const pending = new Map<string, PendingRun>();
    for (const plan of plans) {
      for (const run of plan.runs.values()) {
        this.seeds.forEach((seed, rep) => {
          const key = runKey(run.hash, seed, this.version);
          if (!this.known.has(key) && !pending.has(key)) pending.set(key, { run, rep, seed, key });
        });
      }
    }
    const queue = [...pending.values()].reverse();
    const total = queue.length;
    let done = 0;
    const paths = this.spec.parameters.map((p) => p.path);
    await runTasks<PendingRun>({
      next: () => queue.pop(),
      taskOf: (p) => ({ ...p.run.task, rep: p.rep, seed: p.seed, key: p.key, measures: this.measures }),
      describe: (p) => `${p.run.name} at ${Object.entries(p.run.task.values).map(([k, v]) => `${k}=${v}`).join(", ")}, replication ${p.rep}`,
      threads: this.threads,
      queue: this.queue,
      onResult: (p, result) => {
        const values = result.measures ?? [];
        this.log.append([p.key, p.run.name, p.rep, p.seed, ...paths.map((k) => p.run.task.values[k]), ...values, Number(result.wallSec.toFixed(3))]);
        this.known.set(p.key, values);
        this.ranNow++;
        onProgress?.({ done: ++done, total });
      },
    });
    return plans.map((plan) => this.judge(plan, targets));
  }

  /** The distinct runs a parameter set needs for the targets, and which run each target's scenario is. */
  private resolve(values: Record<string, number>, targets: readonly CalibrationTarget[]) {
    const runs = new Map<string, ResolvedRun>();
    const runOf = new Map<string, Map<string, string>>();
    const valueSets = Object.entries(values).map(([p, v]) => setEntry(p, v));
    for (const { target } of targets) {
      const names = new Map<string, string>();
      for (const [name, ref] of Object.entries(target.scenarios)) {
        const set = [...this.spec.set, ...valueSets, ...Object.entries(ref.set).map(([p, v]) => setEntry(p, v))];
        const days = this.spec.days ?? target.horizonDays;
        const scenario = loadScenarioSync(ref.file, { set, days, users: this.spec.users }).scenario;
        const hash = pointHash(scenario, values);
        if (!runs.has(hash)) runs.set(hash, { hash, name, task: { base: ref.file, set, days, users: this.spec.users, values, pointHash: hash } });
        names.set(name, hash);
      }
      runOf.set(target.id, names);
    }
    return { runs, runOf };
  }

  private judge(plan: ReturnType<Evaluator["resolve"]>, targets: readonly CalibrationTarget[]): CheckFit[] {
    const data = new Map<string, LoggedRun>();
    for (const hash of plan.runs.keys()) {
      const perRep = this.seeds.map((seed) => this.known.get(runKey(hash, seed, this.version))!);
      data.set(hash, { reps: this.seeds.length, logged: new Map(this.measureIds.map((id, i) => [id, perRep.map((v) => v[i])])) });
    }
    const results = evaluateTargets(targets.map((t) => t.target), plan.runOf, data);
    return results.flatMap((r) => r.checks.map((c): CheckFit => ({ ...c, targetId: r.id, z: checkZ(c) })));
  }
}

/** The loss of fitted checks: Σ weight × z² (each check weighed by its target's weight). */
export function checksLoss(checks: readonly CheckFit[], targets: readonly CalibrationTarget[]): number {
  const weight = new Map(targets.map((t) => [t.target.id, t.weight]));
  return checks.reduce((s, c) => s + (weight.get(c.targetId) ?? 0) * c.z * c.z, 0);
}
