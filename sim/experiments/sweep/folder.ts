/**
 * The sweep folder's description, sweep.json: the spec, the points (with
 * their hashes), the model version and the shard, written when a sweep starts
 * so that `sim report`, `sim merge` and a resumed sweep know what the runs in
 * runs.csv belong to. A lock file keeps two processes from appending to one log.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { replaceFile } from "../../io/files.js";
import type { PlanPoint, Shard, SweepPlan } from "./plan.js";
import type { SweepSpec } from "./spec.js";

export const SWEEP_FILE = "sweep.json";
const LOCK_FILE = ".sweep.lock";
const FORMAT = "livecommerce-sim sweep 1";

export interface SweepManifest {
  format: string;
  version: string;
  planId: string;
  spec: SweepSpec;
  points: PlanPoint[];
  shard?: Shard;
  commandLine?: string;
  /** the language of the sweep's page (--lang), so `sim report` rebuilds it in it; absent for English */
  lang?: string;
}

export class NotASweepError extends Error {}

export function isSweepFolder(dir: string): boolean {
  return existsSync(join(dir, SWEEP_FILE));
}

export function writeSweepManifest(dir: string, plan: SweepPlan, extra: { shard?: Shard; commandLine?: string; lang?: string } = {}): void {
  const manifest: SweepManifest = { format: FORMAT, version: plan.version, planId: plan.planId, spec: plan.spec, points: plan.points, ...extra };
  replaceFile(join(dir, SWEEP_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
}

export function readSweepManifest(dir: string): SweepManifest {
  const file = join(dir, SWEEP_FILE);
  if (!existsSync(file)) throw new NotASweepError(`${dir} is not a sweep folder: no ${SWEEP_FILE}`);
  let manifest: SweepManifest;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8")) as SweepManifest;
  } catch (err) {
    throw new NotASweepError(`${file} is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (manifest.format !== FORMAT || !Array.isArray(manifest.points) || !manifest.spec) throw new NotASweepError(`${file} is not a sweep description this version reads`);
  return manifest;
}

/** The plan a manifest describes, as the analysis needs it (no scenario is resolved again). */
export function planOf(manifest: SweepManifest): SweepPlan {
  return { spec: manifest.spec, version: manifest.version, points: manifest.points, planId: manifest.planId };
}

export class SweepBusyError extends Error {}

/**
 * Take the folder's lock, or throw SweepBusyError when another live process
 * holds it. A lock left by a killed process on this machine is taken over.
 */
export function lockSweepFolder(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  const me = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readHolder(file);
      if (holder && holder.host === me.host && !isAlive(holder.pid)) {
        rmSync(file, { force: true });
        continue;
      }
      const who = holder ? `process ${holder.pid} on ${holder.host}` : "another process";
      throw new SweepBusyError(`${dir} is being written by ${who}; wait for it, or delete ${file} if no sweep is running there`);
    }
  }
  throw new SweepBusyError(`cannot take the lock ${file}`);
}

function readHolder(file: string): { pid: number; host: string } | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as { pid: number; host: string };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
