/**
 * A sweep killed part-way (SIGKILL, as a crash or a batch system would) and
 * run again ends with the same runs.csv content as a sweep that ran in one go,
 * with no run logged twice; a line cut off mid-write is dropped and redone.
 * The killed run uses two threads and the reference one, so the content also
 * does not depend on the number of threads or the order runs finished in.
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASELINE, isBuilt, loggedLines, removeTempDirs, runRows, sim, simAsync, SMALL, sorted, tempDir } from "./helpers.js";

const SWEEP = ["sweep", BASELINE, "--set", "levers.consumerSubsidy.totalBudgetRmb=1e12", "--param", "levers.consumerSubsidy.rate=0,0.05,0.1,0.15", "--param", "levers.selfBroadcast.support=0,1,2", "--reps", "2", ...SMALL, "--quiet", "--no-report"];
const TOTAL = 4 * 3 * 2;

describe.runIf(isBuilt())("an interrupted sweep, run again", () => {
  afterAll(removeTempDirs);
  let reference: Map<string, string>;

  beforeAll(() => {
    const dir = tempDir("reference");
    const r = sim([...SWEEP, "--threads", "1", "--out", dir]);
    expect(r.status, r.stderr).toBe(0);
    reference = runRows(dir);
  });

  it("the uninterrupted sweep logged every run once", () => {
    expect(reference.size).toBe(TOTAL);
  });

  it("killed after some runs and resumed gives the same rows, none twice", async () => {
    const dir = tempDir("killed");
    const child = simAsync([...SWEEP, "--threads", "2", "--out", dir]);
    const killedAt = await new Promise<number>((resolve, reject) => {
      const poll = setInterval(() => {
        const n = loggedLines(dir);
        if (n >= 4) {
          clearInterval(poll);
          child.kill("SIGKILL");
          resolve(n);
        }
      }, 10);
      child.on("exit", (code, signal) => {
        clearInterval(poll);
        if (signal !== "SIGKILL") reject(new Error(`the sweep ended (code ${code}) before the test could kill it`));
      });
    });
    await new Promise((resolve) => child.on("close", resolve));
    expect(killedAt).toBeLessThan(TOTAL);
    const partial = runRows(dir);
    expect(partial.size).toBeLessThan(TOTAL);
    // the rows written before the kill are already the reference's
    for (const [key, row] of partial) expect(row).toBe(reference.get(key));

    // a kill in the middle of a write leaves a line without its end: it must be dropped, not read
    appendFileSync(join(dir, "runs.csv"), "deadbeefdeadbeefdead,p0001,1,12345,0.1,0,1234");

    const again = sim([...SWEEP, "--threads", "2", "--out", dir]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${TOTAL} runs (${partial.size} already logged, ${TOTAL - partial.size} run now`);
    const resumed = runRows(dir);
    expect(resumed.size).toBe(TOTAL);
    expect(sorted(resumed)).toEqual(sorted(reference));

    // a third time finds nothing to do
    const third = sim([...SWEEP, "--threads", "1", "--out", dir]);
    expect(third.status, third.stderr).toBe(0);
    expect(third.stdout).toContain(`(${TOTAL} already logged, 0 run now`);
    expect(runRows(dir).size).toBe(TOTAL);
  });
});
