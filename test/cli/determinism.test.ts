/**
 * Determinism of the built CLI: the report tables depend on the scenario and
 * the seed only, not on the number of worker threads nor on the run. With
 * fewer replications than threads, one replication's users' sessions run on
 * several threads (model/session-threads.ts): the same tables again.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, requireBuild, ROOT, scenarioFile } from "../helpers/sim.js";

const TABLES = ["timeseries.csv", "by_category.csv", "by_tier.csv", "followers.csv"];
let work: string;
/** The days each report folder was run for. */
const daysOf = new Map<string, number>();

/** Run `sim run` on the baseline into a fresh folder; returns the report folder. */
function simRun(label: string, seed: number, threads: number, reps = 3, users = 3000, days = 60): string {
  const out = join(work, label);
  const args = [CLI, "run", scenarioFile("baseline"), "--users", String(users), "--days", String(days), "--reps", String(reps), "--seed", String(seed), "--threads", String(threads), "--out", out, "--quiet"];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`sim run (${label}) exited ${run.status}: ${run.stderr}`);
  daysOf.set(join(out, "baseline"), days);
  return join(out, "baseline");
}

const csvFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith(".csv")).sort();
const read = (dir: string, file: string): Buffer => readFileSync(join(dir, file));

/** "same", or where two tables first differ, to say in a failure what changed. */
function difference(dirA: string, dirB: string, file: string): string {
  const a = read(dirA, file).toString("utf8").split("\n");
  const b = read(dirB, file).toString("utf8").split("\n");
  const i = a.findIndex((line, k) => line !== b[k]);
  if (i < 0 && a.length === b.length) return "same";
  const at = i < 0 ? Math.min(a.length, b.length) : i;
  return `line ${at + 1}: ${JSON.stringify(a[at])} vs ${JSON.stringify(b[at])}`;
}

const reports: Record<string, string> = {};

beforeAll(() => {
  requireBuild();
  work = mkdtempSync(join(tmpdir(), "sim-determinism-"));
  reports.oneThread = simRun("one-thread", 7, 1);
  reports.twoThreads = simRun("two-threads", 7, 2);
  reports.twoThreadsAgain = simRun("two-threads-again", 7, 2);
  reports.otherSeed = simRun("other-seed", 8, 2);
  // 75,000 users: three chunks of users, so two and three threads each run some (model/session-effects.ts)
  reports.oneRep = simRun("one-rep", 7, 1, 1, 75_000, 30);
  reports.oneRepTwoThreads = simRun("one-rep-two-threads", 7, 2, 1, 75_000, 30);
  reports.oneRepThreeThreads = simRun("one-rep-three-threads", 7, 3, 1, 75_000, 30);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("sim run is deterministic", () => {
  it("writes the report tables", () => {
    for (const dir of Object.values(reports)) {
      expect(csvFiles(dir), dir).toEqual(expect.arrayContaining(TABLES));
      // header and one row per day and replication at least
      expect(read(dir, "timeseries.csv").toString("utf8").trim().split("\n").length).toBeGreaterThan(daysOf.get(dir)!);
    }
  });

  it("writes byte-identical tables on one thread and on two", () => {
    const files = csvFiles(reports.oneThread);
    expect(csvFiles(reports.twoThreads)).toEqual(files);
    for (const file of files) expect({ file, difference: difference(reports.oneThread, reports.twoThreads, file) }).toEqual({ file, difference: "same" });
  });

  it("writes byte-identical tables when run twice with the same seed", () => {
    const files = csvFiles(reports.twoThreads);
    expect(csvFiles(reports.twoThreadsAgain)).toEqual(files);
    for (const file of files) expect({ file, difference: difference(reports.twoThreads, reports.twoThreadsAgain, file) }).toEqual({ file, difference: "same" });
  });

  it("writes byte-identical tables for one replication on one, two and three threads", () => {
    const files = csvFiles(reports.oneRep);
    for (const other of [reports.oneRepTwoThreads, reports.oneRepThreeThreads]) {
      expect(csvFiles(other)).toEqual(files);
      for (const file of files) expect({ file, difference: difference(reports.oneRep, other, file) }).toEqual({ file, difference: "same" });
    }
  });

  it("writes a different time series for a different seed", () => {
    expect(difference(reports.twoThreads, reports.otherSeed, "timeseries.csv")).not.toBe("same");
  });
});
