/**
 * `sim run` warns about a lever set to act that never acted (a budget too
 * small for one simulated order at this sample size): on stderr as
 * "sim: warning: ..." and in the report's manifest.json `warnings`. A tiny
 * run: 2,000 users, 40 days, one replication.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, requireBuild, scenarioFile } from "../helpers/sim.js";

const dir = mkdtempSync(join(tmpdir(), "sim-idle-levers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sim run", () => {
  it("warns on stderr and in the manifest about a lever that never acted", () => {
    requireBuild();
    writeFileSync(join(dir, "idle.yaml"), [
      `extends: ${scenarioFile("baseline")}`,
      "name: idle",
      "horizonDays: 40",
      "population: { users: 2000 }",
      "levers:",
      "  consumerSubsidy: { rate: 0.1, totalBudgetRmb: 1000 } # platform RMB: less than one simulated order's subsidy",
      "  trustGuarantee: { coverage: 0.9 }",
    ].join("\n"));
    const r = spawnSync(process.execPath, [CLI, "run", "idle.yaml", "--reps", "1", "--threads", "1", "--out", "out", "--quiet"], { cwd: dir, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.split("\n").filter((l) => l.includes("never acted"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sim: warning: idle: levers\.consumerSubsidy \(rate 0\.1\) was set to act on days 0-39 but never acted: subsidy_consumer is 0 on those days in all 1 replication; /);
    const manifest = JSON.parse(readFileSync(join(dir, "out", "idle", "manifest.json"), "utf8")) as { warnings: string[] };
    expect(manifest.warnings.filter((w) => w.includes("never acted"))).toEqual([lines[0].replace("sim: warning: idle: ", "")]);
  });
});
