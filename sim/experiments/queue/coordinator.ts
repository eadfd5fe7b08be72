/**
 * Running tasks through a Redis queue instead of local threads: the same
 * contract as `runTasks` (a source of ready items, a callback per result in
 * the main thread), with `sim worker` processes on any machine doing the runs.
 *
 *   register the queue (name, version, model) → put every ready item on it
 *   (job id = run key, so an item already queued or done is not queued twice)
 *   → harvest finished jobs (on each completion event, and every second in
 *   case an event was missed) → onResult → remove the job → ask for more
 *
 * Results wait in Redis until the coordinator has passed them to onResult (for
 * a sweep: appended them to runs.csv) and only then are removed, so a
 * coordinator killed at any moment loses nothing: run again, it finds the
 * finished jobs of the items it queues again. Stalled jobs (a worker that died
 * mid-run) go back to the queue by BullMQ's stalled-job check, run by the
 * other workers. The coordinator keeps only the items in flight, at most
 * MAX_IN_FLIGHT of them: the queue is topped up as results come in.
 */
import { Queue, QueueEvents, type Job } from "bullmq";
import { modelFingerprint, packageVersion } from "../package-info.js";
import { scenarioFor, type SweepTask, type SweepTaskResult } from "../sweep/worker.js";
import type { TaskSource } from "../sweep/runner.js";
import { connectRedis, metaKey, REGISTRY_KEY, scenariosKey } from "./connection.js";

/** Where a queued run goes: the Redis address and the queue's name. */
export interface QueueTarget {
  url: string;
  name: string;
  /** what the queue is for, shown by workers: "sweep subsidy-grid" */
  what: string;
}

/** A job's data: the task; its resolved scenario is in the queue's scenarios hash, so a worker needs no files of the coordinator's. */
export interface QueuedTask {
  task: SweepTask;
  version: string;
  model: string;
}

/** A job's return value: the task's result with NaN written as null (JSON has no NaN). */
export interface QueuedResult {
  key: string;
  kpis: (number | null)[];
  measures?: (number | null)[];
  wallSec: number;
}

export const JOB_OPTIONS = { attempts: 3, backoff: { type: "exponential", delay: 2000 }, removeOnComplete: false, removeOnFail: false } as const;

const ADD_CHUNK = 200;
/** runs queued and not yet harvested, at most: the coordinator's memory does not grow with the sweep */
const MAX_IN_FLIGHT = 1000;
const HARVEST_PAGE = 200;

export async function runTasksOnQueue<T>(source: TaskSource<T>, target: QueueTarget): Promise<void> {
  const redis = await connectRedis(target.url);
  const connection = { url: target.url };
  const queue = new Queue<QueuedTask, QueuedResult>(target.name, { connection });
  const events = new QueueEvents(target.name, { connection });
  const version = packageVersion();
  const model = modelFingerprint();
  const inFlight = new Map<string, T>();
  /** points whose scenario is in Redis already */
  const sent = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    await redis.hset(metaKey(target.name), { version, model, what: target.what, started: new Date().toISOString() });
    await redis.sadd(REGISTRY_KEY, target.name);
    // jobs that failed for good in an earlier attempt at this work get another chance
    await queue.clean(0, 0, "failed");

    await new Promise<void>((resolve, reject) => {
      let busy = false;
      let again = false;
      let finished = false;
      const stop = (err?: Error): void => {
        if (finished) return;
        finished = true;
        if (err) reject(err);
        else resolve();
      };
      const enqueue = async (): Promise<void> => {
        for (;;) {
          const batch: { name: string; data: QueuedTask; opts: { jobId: string } & typeof JOB_OPTIONS }[] = [];
          const scenarios: Record<string, string> = {};
          while (batch.length < ADD_CHUNK && inFlight.size < MAX_IN_FLIGHT) {
            const item = source.next();
            if (item === undefined) break;
            const task = source.taskOf(item);
            if (task.seriesFile) throw new Error("a queued run cannot keep its series (--keep-series): the workers may be on other machines");
            // resolved here, so the worker needs neither the scenario files nor the coordinator's folders
            if (!sent.has(task.pointHash)) {
              scenarios[task.pointHash] = JSON.stringify(scenarioFor(task));
              sent.add(task.pointHash);
            }
            inFlight.set(task.key, item);
            batch.push({ name: "run", data: { task, version, model }, opts: { jobId: task.key, ...JOB_OPTIONS } });
          }
          if (batch.length === 0) return;
          if (Object.keys(scenarios).length > 0) await redis.hset(scenariosKey(target.name), scenarios);
          await queue.addBulk(batch);
        }
      };
      const harvest = async (): Promise<void> => {
        for (let start = 0; ; start += HARVEST_PAGE) {
          const jobs = await queue.getCompleted(start, start + HARVEST_PAGE - 1);
          if (jobs.length === 0) break;
          let took = 0;
          for (const job of jobs) {
            const item = job.id === undefined ? undefined : inFlight.get(job.id);
            if (item === undefined) continue; // logged already, or not yet asked for (adaptive): left for later
            inFlight.delete(job.id!);
            source.onResult(item, resultOf(job as Job<QueuedTask, QueuedResult>));
            await queue.remove(job.id!);
            took++;
          }
          // the page shifted by what was removed
          start -= took;
          if (jobs.length < HARVEST_PAGE) break;
        }
        for (const job of await queue.getFailed(0, HARVEST_PAGE - 1)) {
          const item = job.id === undefined ? undefined : inFlight.get(job.id);
          if (item !== undefined) throw new Error(`${source.describe(item)}: ${job.failedReason} (failed on ${job.attemptsMade} attempts)`);
        }
      };
      const cycle = (): void => {
        if (finished) return;
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        (async () => {
          do {
            again = false;
            await enqueue();
            await harvest();
            await enqueue();
          } while (again);
        })().then(
          () => {
            busy = false;
            if (inFlight.size === 0) stop();
          },
          (err: unknown) => stop(err instanceof Error ? err : new Error(String(err))),
        );
      };
      events.on("completed", cycle);
      events.on("failed", cycle);
      timer = setInterval(cycle, 1000);
      cycle();
    });
    // all done: nothing of this work is left in Redis
    await redis.srem(REGISTRY_KEY, target.name);
    await redis.del(metaKey(target.name), scenariosKey(target.name));
    await queue.obliterate({ force: true });
  } finally {
    if (timer) clearInterval(timer);
    await events.close();
    await queue.close();
    redis.disconnect();
  }
}

function resultOf(job: Job<QueuedTask, QueuedResult>): SweepTaskResult {
  const r = job.returnvalue;
  const num = (v: number | null): number => (v === null ? NaN : v);
  return { key: r.key, kpis: r.kpis.map(num), ...(r.measures ? { measures: r.measures.map(num) } : {}), wallSec: r.wallSec };
}

/** A task's result as a job's return value (NaN → null). */
export function queuedResult(r: SweepTaskResult): QueuedResult {
  const val = (v: number): number | null => (Number.isFinite(v) ? v : null);
  return { key: r.key, kpis: r.kpis.map(val), ...(r.measures ? { measures: r.measures.map(val) } : {}), wallSec: r.wallSec };
}

