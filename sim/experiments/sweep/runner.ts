/**
 * Running a sweep into its folder:
 *
 *   lock → write sweep.json → open runs.csv (skip logged keys) → schedule
 *   → run on worker threads → append each run as it finishes → unlock
 *
 * Only keys, and with adaptive replications one KPI value per run, stay in
 * memory; results go to the log and are dropped. A run's seed comes from its
 * replication number alone, so its result does not depend on the thread, the
 * shard or the order it ran in.
 */
import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { Piscina } from "piscina";
import { lockSweepFolder, writeSweepManifest } from "./folder.js";
import { adaptiveReps } from "./adaptive.js";
import { plannedRun, plannedRuns, pointOverrides, shardFilter, type PlannedRun, type PlanPoint, type Shard, type SweepPlan } from "./plan.js";
import { RunLog, runLogHeader } from "./run-log.js";
import { SWEEP_KPI_KEYS } from "./sweep-kpis.js";
import runSweepTask, { type SweepTask, type SweepTaskResult } from "./worker.js";
import type { QueueTarget } from "../queue/coordinator.js";
import { queueName } from "../queue/address.js";

export interface SweepProgress {
  /** runs of this shard logged, including those logged before this process started */
  done: number;
  /** runs of this shard so far known to be needed (grows with adaptive replications) */
  total: number;
  /** runs finished by this process */
  ranNow: number;
}

export interface SweepRunOptions {
  threads: number;
  shard?: Shard;
  commandLine?: string;
  /** recorded in sweep.json: the language of the page (absent: English) */
  lang?: string;
  onProgress?: (p: SweepProgress) => void;
  /** called once the log is open, with what was there already */
  onStart?: (info: { alreadyLogged: number; total: number; droppedTornBytes: number }) => void;
  /** run through this Redis queue (redis://host:port/db) on `sim worker` processes */
  queueUrl?: string;
}

export interface SweepRunSummary {
  total: number;
  alreadyLogged: number;
  ran: number;
}

export async function runSweep(plan: SweepPlan, dir: string, opts: SweepRunOptions): Promise<SweepRunSummary> {
  mkdirSync(dir, { recursive: true });
  const unlock = lockSweepFolder(dir);
  try {
    writeSweepManifest(dir, plan, { shard: opts.shard, commandLine: opts.commandLine, ...(opts.lang && opts.lang !== "en" ? { lang: opts.lang } : {}) });
    const { log, rows, droppedTornBytes } = RunLog.open(dir, runLogHeader(plan.spec.parameters.map((p) => p.path)));
    try {
      const kpiColumn = plan.spec.adaptive?.kpi;
      const logged = new Map<string, number>();
      for (const row of rows) logged.set(row.key, kpiColumn && row[kpiColumn] !== "" ? Number(row[kpiColumn]) : NaN);
      const schedule = plan.spec.adaptive ? new AdaptiveSchedule(plan, logged, opts.shard) : new FixedSchedule(plan, logged, opts.shard);
      const alreadyLogged = schedule.progress().done;
      opts.onStart?.({ alreadyLogged, total: schedule.progress().total, droppedTornBytes });
      const ran = await execute(plan, dir, schedule, log, opts);
      return { total: schedule.progress().total, alreadyLogged, ran };
    } finally {
      log.close();
    }
  } finally {
    unlock();
  }
}

interface Schedule {
  next(): PlannedRun | undefined;
  completed(run: PlannedRun, kpis: readonly number[]): void;
  progress(): { done: number; total: number };
}

/** A fixed number of replications per point: the runs are known up front. */
class FixedSchedule implements Schedule {
  private readonly pending: PlannedRun[];
  private done: number;
  private readonly total: number;

  constructor(plan: SweepPlan, logged: ReadonlyMap<string, number>, shard: Shard | undefined) {
    const mine = shardFilter(plannedRuns(plan), (r) => r.key, shard);
    this.pending = mine.filter((r) => !logged.has(r.key)).reverse();
    this.total = mine.length;
    this.done = mine.length - this.pending.length;
  }

  next(): PlannedRun | undefined {
    return this.pending.pop();
  }

  completed(): void {
    this.done++;
  }

  progress(): { done: number; total: number } {
    return { done: this.done, total: this.total };
  }
}

interface PointState {
  point: PlanPoint;
  values: Map<number, number>;
  needed: number;
  outstanding: number;
}

/** Adaptive replications: a point's next round is known once its last round is in. Shards own whole points. */
class AdaptiveSchedule implements Schedule {
  private readonly points: PointState[];
  private readonly ready: PlannedRun[] = [];
  private readonly kpiIndex: number;
  private readonly byHash: Map<string, PointState>;

  constructor(private readonly plan: SweepPlan, logged: ReadonlyMap<string, number>, shard: Shard | undefined) {
    const unique = [...new Map(plan.points.map((p) => [p.hash, p])).values()];
    this.kpiIndex = SWEEP_KPI_KEYS.indexOf(plan.spec.adaptive!.kpi);
    this.points = shardFilter(unique, (p) => p.hash, shard).map((point) => {
      const values = new Map<number, number>();
      const state: PointState = { point, values, needed: 0, outstanding: 0 };
      // replications already logged, as far as the rule could ever ask for them
      for (let rep = 0; rep < plan.spec.adaptive!.maxReps; rep++) {
        const v = logged.get(plannedRun(plan, point, rep).key);
        if (v !== undefined) values.set(rep, v);
      }
      return state;
    });
    this.byHash = new Map(this.points.map((s) => [s.point.hash, s]));
    for (const state of this.points) this.refresh(state);
  }

  next(): PlannedRun | undefined {
    return this.ready.shift();
  }

  completed(run: PlannedRun, kpis: readonly number[]): void {
    const state = this.byHash.get(run.point.hash)!;
    state.values.set(run.rep, kpis[this.kpiIndex]);
    state.outstanding--;
    this.refresh(state);
  }

  progress(): { done: number; total: number } {
    let done = 0;
    let total = 0;
    for (const s of this.points) {
      total += s.needed;
      for (let rep = 0; rep < s.needed; rep++) if (s.values.has(rep)) done++;
    }
    return { done, total };
  }

  private refresh(state: PointState): void {
    if (state.outstanding > 0) return;
    const { needed } = adaptiveReps(this.plan.spec.reps, this.plan.spec.adaptive!, (rep) => state.values.get(rep));
    state.needed = needed;
    for (let rep = 0; rep < needed; rep++) {
      if (state.values.has(rep)) continue;
      this.ready.push(plannedRun(this.plan, state.point, rep));
      state.outstanding++;
    }
  }
}

async function execute(plan: SweepPlan, dir: string, schedule: Schedule, log: RunLog, opts: SweepRunOptions): Promise<number> {
  const paths = plan.spec.parameters.map((p) => p.path);
  let ranNow = 0;
  await runTasks<PlannedRun>({
    next: () => schedule.next(),
    taskOf: (run) => taskFor(plan, dir, run),
    describe: (run) => `point ${run.point.id} (${Object.entries(run.point.values).map(([p, v]) => `${p}=${v}`).join(", ")}), replication ${run.rep}`,
    threads: opts.threads,
    queue: opts.queueUrl ? { url: opts.queueUrl, name: sweepQueueName(plan, dir), what: `sweep ${plan.spec.name}` } : undefined,
    onResult: (run, result) => {
      log.append([run.key, run.point.id, run.rep, run.seed, ...paths.map((p) => run.point.values[p]), ...result.kpis, Number(result.wallSec.toFixed(3))]);
      schedule.completed(run, result.kpis);
      ranNow++;
      opts.onProgress?.({ ...schedule.progress(), ranNow });
    },
  });
  return ranNow;
}

/** The Redis queue of a sweep writing to `dir`. */
export function sweepQueueName(plan: SweepPlan, dir: string): string {
  return queueName("sweep", plan.spec.name, plan.planId, hostname(), resolve(dir));
}

export interface TaskSource<T> {
  /** the next run to start, or undefined when none is ready (more may become ready as runs finish) */
  next: () => T | undefined;
  taskOf: (item: T) => SweepTask;
  /** the run in words, for an error */
  describe: (item: T) => string;
  threads: number;
  /** called in the main thread as each run finishes, in completion order */
  onResult: (item: T, result: SweepTaskResult) => void;
  /** run on `sim worker` processes through this Redis queue instead of local threads */
  queue?: QueueTarget;
}

/** A pool of `threads` worker threads that each run one SweepTask at a time. */
export function createTaskPool(threads: number): Piscina {
  return new Piscina({ filename: new URL("./worker.js", import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
}

/**
 * Run tasks on worker threads (in this thread when threads is 1, yielding
 * between runs so signals and progress are handled), keeping `threads` runs
 * in flight and asking `next` for more as each finishes. The first failure
 * stops the pumping and rejects, naming the run. Sweeps and calibrations both
 * run their replications through here; with `queue`, the runs go to a Redis
 * queue and `sim worker` processes do them (queue/coordinator.ts).
 */
export async function runTasks<T>(source: TaskSource<T>): Promise<void> {
  // the queue's client libraries are loaded only for queued work
  if (source.queue) return (await import("../queue/coordinator.js")).runTasksOnQueue(source, source.queue);
  const pool = source.threads > 1 ? createTaskPool(source.threads) : undefined;
  const runOne = (task: SweepTask): Promise<SweepTaskResult> =>
    pool ? (pool.run(task) as Promise<SweepTaskResult>) : new Promise((resolve) => setImmediate(resolve)).then(() => runSweepTask(task));
  const concurrency = Math.max(1, source.threads);
  try {
    await new Promise<void>((resolve, reject) => {
      let active = 0;
      let hasFailed = false;
      const pump = (): void => {
        if (hasFailed) return;
        for (;;) {
          if (active >= concurrency) break;
          const item = source.next();
          if (item === undefined) break;
          active++;
          runOne(source.taskOf(item)).then(
            (result) => {
              active--;
              if (hasFailed) return;
              try {
                source.onResult(item, result);
              } catch (err) {
                hasFailed = true;
                reject(err);
                return;
              }
              pump();
            },
            (err: unknown) => {
              hasFailed = true;
              reject(new Error(`${source.describe(item)}: ${err instanceof Error ? err.message : String(err)}`, { cause: err }));
            },
          );
        }
        if (active === 0) resolve();
      };
      pump();
    });
  } finally {
    await pool?.destroy();
  }
}

function taskFor(plan: SweepPlan, dir: string, run: PlannedRun): SweepTask {
  const { set, days, users } = pointOverrides(plan.spec, run.point.values);
  return {
    base: plan.spec.base, set, days, users, values: run.point.values, pointHash: run.point.hash,
    rep: run.rep, seed: run.seed, key: run.key,
    seriesFile: plan.spec.keepSeries ? join(dir, "series", `${run.key}.csv`) : undefined,
  };
}
