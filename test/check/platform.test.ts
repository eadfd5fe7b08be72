/**
 * The model's public targets (targets/platform.yaml) at a small size, with a
 * tolerance: 20,000 simulated users, 4 replications, each target over its
 * own horizon (365 days; 730 for paid traffic, whose harm takes months). Each band is
 * widened on each bounded side by the larger of 10% of its width (10% of
 * |bound| for a one-sided band) and the measured 95% half-width
 * (`--tolerance 0.1`), and every target not marked `expect: miss` must be met.
 * A target that misses even so is a finding about the model, not a reason to
 * move its band.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeTempDirs, requireBuild, ROOT, sim, tempDir } from "./helpers.js";

interface CheckJson {
  targets: { id: string; expect: string; status: string; checks: { label: string; mean: number; ci95: [number, number]; bandText: string; judgedBandText: string; met: boolean }[] }[];
}

let out: string;
beforeAll(() => {
  requireBuild();
  out = tempDir("platform");
});
afterAll(removeTempDirs);

describe("targets/platform.yaml at a small size", () => {
  it("meets every target not marked expect: miss, within the tolerance", () => {
    const r = sim(["check", "targets/platform.yaml", "--users", "20000", "--reps", "4", "--tolerance", "0.1", "--out", out], ROOT);
    expect([0, 1], r.stderr).toContain(r.status);
    const report = JSON.parse(readFileSync(join(out, "check.json"), "utf8")) as CheckJson;
    const missed = report.targets
      .filter((t) => t.expect !== "miss" && t.status !== "met")
      .map((t) => `${t.id}: ${t.checks.filter((c) => !c.met).map((c) => `${c.label} = ${c.mean} [${c.ci95.join(", ")}], band ${c.bandText} (judged ${c.judgedBandText})`).join("; ")}`);
    expect(missed, `targets missed at 20,000 users × 4 replications with tolerance:\n${missed.join("\n")}\n\n${r.stdout}`).toEqual([]);
    expect(r.status).toBe(0);
  });
});
