/**
 * `sim worker`: take runs from the Redis queues of sweeps and calibrations and
 * return their results. Runs go to a pool of worker threads, so the main
 * thread stays free to renew the locks on the jobs it holds; a worker killed
 * mid-run loses only its runs in flight, which BullMQ's stalled-job check (run
 * by every other worker) puts back on the queue once their locks expire.
 *
 * Without a queue name, the worker watches the registry of open queues and
 * attaches to each one whose version and model fingerprint match its own; a
 * queue that does not match is refused with the reason, once.
 */
import { Worker, type Job } from "bullmq";
import { modelFingerprint, packageVersion } from "../package-info.js";
import { createTaskPool } from "../sweep/runner.js";
import type { SweepTaskResult } from "../sweep/worker.js";
import { connectRedis, identityMismatch, metaKey, REGISTRY_KEY, scenariosKey, type QueueIdentity } from "./connection.js";
import type { Scenario } from "../../scenario/schema.js";
import { queuedResult, type QueuedResult, type QueuedTask } from "./coordinator.js";

export interface ServeOptions {
  url: string;
  threads: number;
  /** take runs from this queue only */
  queue?: string;
  /** how long a job's lock lasts without renewal: a dead worker's runs go back to the queue after about this long */
  lockMs?: number;
  /** messages for the user (stderr) */
  onMessage?: (text: string) => void;
  /** a run finished here */
  onRun?: (queue: string, key: string, wallSec: number) => void;
}

export interface ServeHandle {
  /** finish the runs in hand, take no more, and close */
  close(): Promise<void>;
  /** resolves when the worker stopped (after close, or on a refused --queue) */
  done: Promise<void>;
}

export class QueueRefusedError extends Error {}

const WATCH_MS = 1000;
/** a queue gone from the registry this long is let go (its coordinator finished; a calibration's next generation comes back sooner) */
const FORGET_MS = 20_000;

export async function serveQueues(opts: ServeOptions): Promise<ServeHandle> {
  const redis = await connectRedis(opts.url);
  const mine: QueueIdentity = { version: packageVersion(), model: modelFingerprint() };
  const pool = createTaskPool(opts.threads);
  const workers = new Map<string, { worker: Worker<QueuedTask, QueuedResult>; lastSeen: number }>();
  const refused = new Set<string>();
  const lockMs = opts.lockMs ?? 15_000;
  let closing = false;
  let resolveDone!: () => void;
  let rejectDone!: (err: Error) => void;
  const done = new Promise<void>((res, rej) => { resolveDone = res; rejectDone = rej; });

  /** resolved scenarios by queue and point hash, the most recent few kept */
  const scenarios = new Map<string, Scenario>();
  const scenarioOf = async (queue: string, hash: string): Promise<Scenario> => {
    const id = `${queue}|${hash}`;
    const known = scenarios.get(id);
    if (known) return known;
    const text = await redis.hget(scenariosKey(queue), hash);
    if (text === null) throw new Error(`the scenario of this run (point ${hash.slice(0, 12)}) is not on the queue: was the Redis cleared while the sweep ran? Run the coordinator again`);
    const scenario = JSON.parse(text) as Scenario;
    if (scenarios.size >= 256) scenarios.delete(scenarios.keys().next().value!);
    scenarios.set(id, scenario);
    return scenario;
  };

  const process = async (job: Job<QueuedTask, QueuedResult>): Promise<QueuedResult> => {
    const problem = identityMismatch(mine, job.data);
    if (problem) throw new Error(`refused by a worker: ${problem}`);
    const task = { ...job.data.task, scenario: await scenarioOf(job.queueName, job.data.task.pointHash) };
    const result = (await pool.run(task)) as SweepTaskResult;
    opts.onRun?.(job.queueName, result.key, result.wallSec);
    return queuedResult(result);
  };

  const attach = (name: string): void => {
    const worker = new Worker<QueuedTask, QueuedResult>(name, process, {
      connection: { url: opts.url },
      concurrency: opts.threads,
      lockDuration: lockMs,
      stalledInterval: Math.max(1000, Math.round(lockMs / 2)),
      maxStalledCount: 2,
    });
    worker.on("error", (err) => opts.onMessage?.(`queue ${name}: ${err.message}`));
    workers.set(name, { worker, lastSeen: Date.now() });
    opts.onMessage?.(`taking runs from ${name}`);
  };

  /** attach to new queues that match; let go of those long gone */
  const watch = async (): Promise<void> => {
    const names = opts.queue ? [opts.queue] : await redis.smembers(REGISTRY_KEY);
    const now = Date.now();
    for (const name of names.sort()) {
      const held = workers.get(name);
      if (held) {
        held.lastSeen = now;
        continue;
      }
      if (refused.has(name)) continue;
      const meta = (await redis.hgetall(metaKey(name))) as Partial<QueueIdentity> & { what?: string };
      if (meta.version === undefined) continue; // not opened yet (or finished): wait for its coordinator
      const problem = identityMismatch(mine, meta);
      if (problem) {
        refused.add(name);
        const text = `refusing ${meta.what ?? name}: ${problem}`;
        if (opts.queue) throw new QueueRefusedError(text);
        opts.onMessage?.(text);
        continue;
      }
      attach(name);
    }
    for (const [name, held] of workers) {
      if (!opts.queue && now - held.lastSeen > FORGET_MS) {
        workers.delete(name);
        await held.worker.close();
      }
    }
  };

  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    watch().then(
      () => { if (!closing) timer = setTimeout(tick, WATCH_MS); },
      (err: unknown) => { void shutdown().then(() => rejectDone(err instanceof Error ? err : new Error(String(err)))); },
    );
  };

  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    if (timer) clearTimeout(timer);
    // close() waits for the jobs in hand to finish and hands nothing back half-done
    await Promise.all([...workers.values()].map((w) => w.worker.close()));
    workers.clear();
    await pool.destroy();
    redis.disconnect();
  };

  tick();
  return {
    close: async () => {
      await shutdown();
      resolveDone();
    },
    done,
  };
}

