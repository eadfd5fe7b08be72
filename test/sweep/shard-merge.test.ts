/**
 * Shards 1/3, 2/3 and 3/3 of a sweep, merged, equal the sweep run unsharded,
 * row for row by key (wall time aside); shards are disjoint and within one of
 * a third each; merging without one shard reports the missing runs (exit 3)
 * and `sim sweep` on the merged folder finishes them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASELINE, isBuilt, removeTempDirs, runRows, sim, SMALL, sorted, tempDir } from "./helpers.js";

const SWEEP = ["sweep", BASELINE, "--set", "levers.consumerSubsidy.totalBudgetRmb=1e12", "--param", "levers.consumerSubsidy.rate=0,0.1,0.2", "--param", "merchants.selfBroadcastAdoptionPerDay=0.002,0.006", "--reps", "2", ...SMALL, "--quiet", "--threads", "1"];
const TOTAL = 3 * 2 * 2;

describe.runIf(isBuilt())("sharded sweeps", () => {
  afterAll(removeTempDirs);
  let whole: Map<string, string>;
  const shards: string[] = [];

  beforeAll(() => {
    const dir = tempDir("whole");
    const r = sim([...SWEEP, "--no-report", "--out", dir]);
    expect(r.status, r.stderr).toBe(0);
    whole = runRows(dir);
    for (let i = 1; i <= 3; i++) {
      const s = tempDir(`shard${i}`);
      const rs = sim([...SWEEP, "--shard", `${i}/3`, "--out", s]);
      expect(rs.status, rs.stderr).toBe(0);
      expect(rs.stdout).toContain(`shard ${i}/3 done`);
      shards.push(s);
    }
  });

  it("each shard runs a disjoint third of the runs", () => {
    const sets = shards.map(runRows);
    for (const s of sets) expect(s.size).toBe(TOTAL / 3);
    const all = new Set(sets.flatMap((s) => [...s.keys()]));
    expect(all.size).toBe(TOTAL);
  });

  it("merged, they equal the unsharded sweep row for row", () => {
    const out = join(tempDir("merged"), "all");
    const r = sim(["merge", ...shards, "--out", out, "--no-report"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${TOTAL} runs (0 duplicates dropped)`);
    expect(r.stdout).toContain("complete");
    expect(sorted(runRows(out))).toEqual(sorted(whole));
    expect(readFileSync(join(out, "points.csv"), "utf8").split("\n").filter(Boolean)).toHaveLength(1 + 6);
  });

  it("a missing shard is reported (exit 3) and sim sweep on the merged folder finishes it", () => {
    const out = join(tempDir("partial"), "two-of-three");
    const r = sim(["merge", shards[0], shards[2], shards[0], "--out", out, "--no-report"]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`${TOTAL / 3} run(s) missing`);
    expect(r.stdout).toContain(`(${TOTAL / 3} duplicates dropped)`);
    expect(readFileSync(join(out, "missing.csv"), "utf8").split("\n").filter(Boolean)).toHaveLength(1 + TOTAL / 3);
    const finish = sim(["sweep", out, "--quiet", "--threads", "1", "--no-report"]);
    expect(finish.status, finish.stderr).toBe(0);
    expect(sorted(runRows(out))).toEqual(sorted(whole));
  });

  it("folders of different sweeps are not merged", () => {
    const other = tempDir("other");
    const r1 = sim([...SWEEP, "--seed", "2", "--shard", "1/3", "--out", other]);
    expect(r1.status, r1.stderr).toBe(0);
    const r = sim(["merge", shards[0], other, "--out", join(tempDir("bad"), "x")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds another sweep/);
  });
});
