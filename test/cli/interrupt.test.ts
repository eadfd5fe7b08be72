/**
 * Ctrl-C during `sim run` of one long replication (the built CLI): the run
 * stops with exit code 130 and the report it would have replaced is left as
 * it was. The replication runs on a worker thread even on one thread, so the
 * main thread hears the signal; run on the main thread, the signal waited
 * for the whole replication and the report was replaced.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, requireBuild, ROOT, scenarioFile } from "../helpers/sim.js";
import { removeTempDirs, tempDir } from "../helpers/temp.js";

afterAll(removeTempDirs);

/** `sim run` of the baseline into `out`; its exit code and signal once it ends, SIGINT sent `interruptAfterMs` after its start. */
function simRun(out: string, users: number, threads: number, interruptAfterMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const args = [CLI, "run", scenarioFile("baseline"), "--users", String(users), "--reps", "1", "--threads", String(threads), "--out", out, "--quiet"];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
  // time for the CLI to start and install its handler; a year at 300,000 users takes a minute or more
  const timer = setTimeout(() => child.kill("SIGINT"), interruptAfterMs);
  return new Promise((done) => child.on("exit", (code, signal) => {
    clearTimeout(timer);
    done({ code, signal });
  }));
}

describe("sim run interrupted", () => {
  requireBuild();
  for (const threads of [1, 2]) {
    it(`stops one long replication on ${threads} thread${threads === 1 ? "" : "s"} with exit code 130 and leaves the earlier report`, async () => {
      const out = tempDir("interrupt");
      const first = spawnSync(process.execPath, [CLI, "run", scenarioFile("baseline"), "--users", "2000", "--days", "20", "--reps", "1", "--out", out, "--quiet"], { cwd: ROOT });
      expect(first.status).toBe(0);
      const before = readFileSync(join(out, "baseline", "timeseries.csv"));
      const run = await simRun(out, 300_000, threads, 4000);
      expect(run).toEqual({ code: 130, signal: null });
      expect(readFileSync(join(out, "baseline", "timeseries.csv")).equals(before)).toBe(true);
    }, 300_000);
  }
});
