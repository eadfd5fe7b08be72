/**
 * One sandbox run: the edited scenario and the scenario it is compared with,
 * replication r of both on the same seed (common random numbers), on the
 * shared pool's worker threads. Days arrive while replications run; the
 * listeners (the page's event stream) are told, and read the state when they
 * draw. Cancelling aborts the run's tasks, which ends their threads' work.
 */
import { MessageChannel } from "node:worker_threads";
import type { Piscina } from "piscina";
import type { DayWindow } from "../experiments/kpis.js";
import { seedsFor } from "../experiments/run.js";
import { COLUMNS } from "../model/metrics.js";
import type { ReplicationResult } from "../model/simulate.js";
import type { Scenario } from "../scenario/schema.js";
import type { DaysMessage, StreamTask } from "./stream-worker.js";

/** The two sides of a run: the edited scenario, and what it is compared with. */
export const SIDES = ["scenario", "compare"] as const;
export type Side = (typeof SIDES)[number];

export interface LiveRunRequest {
  scenario: Scenario;
  compare: Scenario;
  reps: number;
  seed: number;
  /** days the KPIs are also compared over, during and after */
  window?: DayWindow;
  /** the `sim run` command that repeats the edited scenario's runs, for its report's manifest */
  commandLine: string;
}

/** The days one replication has finished, platform scale: `days` rows of COLUMNS in `rows`. */
export interface RepProgress {
  rows: Float64Array;
  days: number;
  result?: ReplicationResult;
}

export type RunStatus = "running" | "done" | "failed" | "cancelled";

export class LiveRun {
  readonly seeds: number[];
  readonly progress: Record<Side, RepProgress[]>;
  /** the compared scenario is the edited one: each replication runs once and serves both sides */
  readonly isSameScenario: boolean;
  status: RunStatus = "running";
  error?: string;
  readonly startedMs = performance.now();
  finishedMs?: number;
  /** a page opened the run's event stream (a run nobody opens is cancelled) */
  watched = false;
  private readonly abort = new AbortController();
  private readonly listeners = new Set<() => void>();

  constructor(readonly id: string, readonly request: LiveRunRequest, pool: Piscina, everyMs: number) {
    this.seeds = seedsFor(request.seed, request.reps);
    this.isSameScenario = JSON.stringify(request.scenario) === JSON.stringify(request.compare);
    const empty = (s: Scenario) => this.seeds.map(() => ({ rows: new Float64Array(s.horizonDays * COLUMNS.length), days: 0 }));
    const own = empty(request.scenario);
    this.progress = { scenario: own, compare: this.isSameScenario ? own : empty(request.compare) };
    // replication by replication, both sides, so paired differences come as early as they can
    const tasks: Promise<void>[] = [];
    this.seeds.forEach((seed, rep) => {
      for (const side of this.isSameScenario ? (["scenario"] as const) : SIDES) tasks.push(this.runOne(pool, side, rep, seed, everyMs));
    });
    void Promise.all(tasks).then(
      () => this.finish("done"),
      (err: unknown) => this.finish(this.abort.signal.aborted ? "cancelled" : "failed", err),
    );
  }

  /** Called whenever days or a replication arrive, and when the run ends; returns the unsubscribe. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  cancel(): void {
    if (this.status !== "running") return;
    this.abort.abort();
  }

  /** Replications finished on both sides. */
  pairsDone(): number {
    return this.seeds.filter((_, r) => this.progress.scenario[r].result && this.progress.compare[r].result).length;
  }

  private async runOne(pool: Piscina, side: Side, rep: number, seed: number, everyMs: number): Promise<void> {
    const { port1, port2 } = new MessageChannel();
    const target = this.progress[side][rep];
    port1.on("message", (m: DaysMessage) => {
      if (target.result) return; // the result came first and holds every day
      target.rows.set(m.rows, m.firstDay * COLUMNS.length);
      target.days = m.firstDay + m.rows.length / COLUMNS.length;
      this.tell();
    });
    const task: StreamTask = { scenario: this.request[side], rep, seed, port: port2, everyMs };
    try {
      const result = (await pool.run(task, { transferList: [port2], signal: this.abort.signal })) as ReplicationResult;
      // the port's last days may still be on their way: the result's series is every day, at platform scale alike
      target.rows.set(result.series);
      target.days = result.days;
      target.result = result;
      this.tell();
    } finally {
      port1.close();
    }
  }

  private finish(status: RunStatus, err?: unknown): void {
    if (this.status !== "running") return;
    if (status === "failed" && err !== undefined) this.abort.abort();
    this.status = status;
    this.error = err instanceof Error ? err.message : err === undefined ? undefined : String(err);
    this.finishedMs = performance.now();
    this.tell();
  }

  private tell(): void {
    for (const l of this.listeners) l();
  }
}
