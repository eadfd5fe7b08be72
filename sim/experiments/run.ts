/**
 * Replications of one or more scenarios. Replication r of every scenario uses
 * the same seed (common random numbers), so scenarios compare pair by pair;
 * each replication builds its own world on a worker thread (always, so the
 * main thread can act on an interrupt), and results are
 * put back in (scenario, rep) order, so tables do not depend on the number of
 * threads or on which finished first. With fewer replications than threads,
 * a replication's users' sessions run on several threads
 * (model/session-threads.ts), with the same tables.
 */
import { Piscina } from "piscina";
import { replicationSeed } from "../engine/rng.js";
import type { ReplicationResult } from "../model/simulate.js";
import type { Scenario } from "../scenario/schema.js";
import type { DayWindow } from "./kpis.js";
import type { ReplicationTask } from "./worker.js";

export interface RunOptions {
  reps: number;
  seed: number;
  threads: number;
  /** days for the window KPIs of every scenario (kpis.ts windowKpis); measured, not simulated */
  window?: DayWindow;
  onReplicationDone?: (scenario: string, rep: number, done: number, total: number) => void;
}

export interface ScenarioRun {
  scenario: Scenario;
  seeds: number[];
  results: ReplicationResult[];
  /** the window its KPIs are also reported over, if the run was given one */
  window?: DayWindow;
}

export function seedsFor(baseSeed: number, reps: number): number[] {
  return Array.from({ length: reps }, (_, r) => replicationSeed(baseSeed, r));
}

export async function runScenarios(scenarios: Scenario[], opts: RunOptions): Promise<ScenarioRun[]> {
  const seeds = seedsFor(opts.seed, opts.reps);
  const tasks: ReplicationTask[] = scenarios.flatMap((scenario) => seeds.map((seed, rep) => ({ scenario, rep, seed })));
  const results: ReplicationResult[] = new Array(tasks.length);
  let done = 0;
  const finished = (i: number, r: ReplicationResult): void => {
    results[i] = r;
    opts.onReplicationDone?.(tasks[i].scenario.name, tasks[i].rep, ++done, tasks.length);
  };
  // fewer replications than threads: each replication's users' sessions take the threads left over
  const sessionThreads = Math.max(1, Math.floor(opts.threads / tasks.length));
  for (const t of tasks) t.sessionThreads = sessionThreads;
  // always on worker threads, even one replication on one thread: the main thread stays free to
  // hear Ctrl-C (cli/progress.ts onInterrupt) while a long replication runs
  const threads = Math.max(1, Math.min(opts.threads, tasks.length));
  const pool = new Piscina({
    filename: new URL("./worker.js", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  try {
    await Promise.all(tasks.map((t, i) => pool.run(t).then((r: ReplicationResult) => finished(i, r))));
  } finally {
    await pool.destroy();
  }
  return scenarios.map((scenario, s) => ({
    scenario, seeds, results: results.slice(s * opts.reps, (s + 1) * opts.reps),
    ...(opts.window ? { window: opts.window } : {}),
  }));
}
