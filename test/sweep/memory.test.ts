/**
 * Memory stays flat as a sweep grows: the runner keeps run keys, not results.
 * A child process (with --expose-gc) runs a sweep of the built package on one
 * thread (2,000 users, 365 days) and measures the live heap after a full
 * collection at run 10 and at run 40; a runner that kept each run's result
 * (its per-day series alone is 365 days × 32 columns × 8 bytes) would grow by
 * about 3 MB in between.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BASELINE, isBuilt, removeTempDirs, ROOT, tempDir } from "./helpers.js";

const SCRIPT = `
import { buildPlan } from "${ROOT}/dist/experiments/sweep/plan.js";
import { runSweep } from "${ROOT}/dist/experiments/sweep/runner.js";
import { runReplication } from "${ROOT}/dist/model/simulate.js";
const [out] = process.argv.slice(2);
const spec = {
  name: "memory", description: "", base: ${JSON.stringify(BASELINE)}, set: ["levers.consumerSubsidy.totalBudgetRmb=1e12"], days: 365, users: 2000,
  parameters: [{ path: "levers.consumerSubsidy.rate", kind: "values", values: Array.from({ length: 20 }, (_, i) => i / 100), written: "" }],
  design: { type: "grid" }, reps: 2, seed: 1, kpis: ["gmv_total"], keepSeries: false,
};
const heap = {};
const measure = () => { globalThis.gc(); globalThis.gc(); return process.memoryUsage().heapUsed; };
await runSweep(buildPlan(spec, "test"), out, { threads: 1, onProgress: (p) => { if (p.ranNow === 10 || p.ranNow === 40) heap[p.ranNow] = measure(); } });
// what one kept result would weigh: its typed arrays
const kept = runReplication((await import("${ROOT}/dist/scenario/load.js")).loadScenarioSync(spec.base, { days: 365, users: 2000 }).scenario, 0, 1);
const one = Object.values(kept).reduce((s, v) => s + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);
console.log(JSON.stringify({ at10: heap[10], at40: heap[40], oneResult: one }));
`;

describe.runIf(isBuilt())("sweep memory", () => {
  afterAll(removeTempDirs);

  it("the heap after 40 runs is within 1 MB of the heap after 10", () => {
    const dir = tempDir("memory");
    const script = join(dir, "measure.mjs");
    writeFileSync(script, SCRIPT);
    const r = spawnSync(process.execPath, ["--expose-gc", script, join(dir, "out")], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(r.stdout.trim().split("\n").pop()!) as { at10: number; at40: number; oneResult: number };
    const growthMb = (m.at40 - m.at10) / 2 ** 20;
    // 30 kept results would be 30 × oneResult; the runner keeps 30 keys (a few kB)
    expect(m.oneResult * 30).toBeGreaterThan(2.5 * 2 ** 20);
    expect(growthMb, `heap grew ${growthMb.toFixed(2)} MB; one result weighs ${(m.oneResult / 1024).toFixed(0)} kB`).toBeLessThan(1);
  });
});
