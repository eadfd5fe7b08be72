/**
 * The sandbox's runs, over every tab: one bounded pool of worker threads, at
 * most `maxRuns` runs at once (a further one is refused with 429 until one
 * ends), runs that no page opened within a while are cancelled, and finished
 * runs are kept a while so their report can still be written.
 */
import { randomUUID } from "node:crypto";
import { Piscina } from "piscina";
import { LiveRun, type LiveRunRequest } from "./live-run.js";
import { SandboxError } from "./scenarios.js";

/** A run whose event stream nobody opened within this time is cancelled. */
const UNWATCHED_MS = 15_000;
/** Finished runs kept for "write report". */
const KEEP_FINISHED = 20;

export class RunPool {
  private readonly pool: Piscina;
  private readonly runs = new Map<string, LiveRun>();

  constructor(threads: number, private readonly maxRuns: number, private readonly everyMs: number) {
    this.pool = new Piscina({
      filename: new URL("./stream-worker.js", import.meta.url).href,
      // threads start with the server: the first run's first days come without a thread's start-up
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
    });
  }

  running(): number {
    return [...this.runs.values()].filter((r) => r.status === "running").length;
  }

  start(request: LiveRunRequest): LiveRun {
    if (this.running() >= this.maxRuns) {
      throw new SandboxError(429, `${this.maxRuns} runs are going on (the most this server runs at once, sim serve --max-runs); wait for one to end or cancel one`);
    }
    const run = new LiveRun(randomUUID(), request, this.pool, this.everyMs);
    this.runs.set(run.id, run);
    const timer = setTimeout(() => run.watched || run.cancel(), UNWATCHED_MS);
    run.listen(() => run.status !== "running" && clearTimeout(timer));
    this.forgetOld();
    return run;
  }

  get(id: string): LiveRun {
    const run = this.runs.get(id);
    if (!run) throw new SandboxError(404, `no run '${id}' (runs are kept until ${KEEP_FINISHED} newer ones have ended, and not across restarts of the server)`);
    return run;
  }

  private forgetOld(): void {
    const finished = [...this.runs.values()].filter((r) => r.status !== "running");
    for (const r of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.runs.delete(r.id);
  }

  async close(): Promise<void> {
    for (const r of this.runs.values()) r.cancel();
    await this.pool.destroy();
  }
}
