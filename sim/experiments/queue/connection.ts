/**
 * What the coordinator and the workers of a queued sweep agree on: the Redis
 * address, the queue's name, the registry of open queues and each queue's
 * identity (package version and model fingerprint).
 *
 *   sim:queues          set of the names of queues with work outstanding
 *   sim:queue:<name>    hash: version, model, what (the sweep or calibration), started
 *   sim:queue:<name>:scenarios  hash: point hash → the point's resolved scenario (JSON),
 *                       sent once per point, so a job carries only its task
 *
 * BullMQ keeps the jobs themselves under bull:<name>:*.
 */
import { Redis } from "ioredis";
export { parseRedisUrl, queueName } from "./address.js";

export const REGISTRY_KEY = "sim:queues";
export const metaKey = (name: string): string => `sim:queue:${name}`;
export const scenariosKey = (name: string): string => `sim:queue:${name}:scenarios`;

/** What a queue's runs were planned with; a worker must match it to take them. */
export interface QueueIdentity {
  version: string;
  model: string;
}

/** The mismatch between a worker and a queue in words, or undefined when they match. */
export function identityMismatch(worker: QueueIdentity, queue: Partial<QueueIdentity>): string | undefined {
  if (queue.version !== worker.version) return `the sweep was planned with livecommerce-sim ${queue.version ?? "(unknown)"}, this worker is ${worker.version}`;
  if (queue.model !== worker.model) return `the sweep's model (fingerprint ${(queue.model ?? "unknown").slice(0, 12)}) differs from this worker's (${worker.model.slice(0, 12)}): install the same build on both`;
  return undefined;
}

/** A connected client, or a clear error if Redis cannot be reached within a few seconds. */
export async function connectRedis(url: string): Promise<Redis> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 200, 2000) });
  try {
    await withTimeout(client.connect(), 8000);
    await client.ping();
  } catch (err) {
    client.disconnect();
    throw new Error(`cannot reach Redis at ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return client;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s`)), ms);
    p.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); });
  });
}
