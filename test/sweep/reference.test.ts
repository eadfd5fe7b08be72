/**
 * A sweep with a reference point pairs every point with its counterfactual
 * (here the subsidy off) on the same seeds: points.csv reports the GMV gained,
 * the extra subsidy and their ratio, each the mean over replications of the
 * paired differences in runs.csv.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv, type CsvRecord } from "../../sim/io/csv.js";
import { isBuilt, removeTempDirs, ROOT, sim, SMALL, tempDir } from "./helpers.js";

describe.runIf(isBuilt())("sweep reference point", () => {
  afterAll(removeTempDirs);
  let runs: CsvRecord[];
  let points: CsvRecord[];

  beforeAll(() => {
    const out = join(tempDir("reference"), "out");
    const r = sim([
      "sweep", join(ROOT, "scenarios/more-consumer-subsidies.yaml"),
      "--param", "levers.consumerSubsidy.rate=0.05,0.15", "--set", "levers.consumerSubsidy.startDay=0",
      "--reference", "levers.consumerSubsidy.rate=0", "--reps", "3", ...SMALL, "--out", out, "--quiet", "--no-report",
    ]);
    expect(r.status, r.stderr).toBe(0);
    runs = parseCsv(readFileSync(join(out, "runs.csv"), "utf8"));
    points = parseCsv(readFileSync(join(out, "points.csv"), "utf8"));
  });

  it("runs one reference point, with the subsidy off, and pairs both design points with it", () => {
    expect(points.map((p) => p.point)).toEqual(["p0001", "p0002", "r0001"]);
    expect(points.map((p) => p.reference_point)).toEqual(["r0001", "r0001", "self"]);
    expect(runs.filter((r) => r.point === "r0001").every((r) => Number(r.subsidy_total) === 0)).toBe(true);
    expect(runs).toHaveLength(9);
  });

  it("reports the paired gain, extra subsidy and their ratio as means over replications", () => {
    const ref = new Map(runs.filter((r) => r.point === "r0001").map((r) => [r.rep, r]));
    for (const id of ["p0001", "p0002"]) {
      const own = runs.filter((r) => r.point === id);
      const gains = own.map((r) => Number(r.gmv_total) - Number(ref.get(r.rep)!.gmv_total));
      const extra = own.map((r) => Number(r.subsidy_total) - Number(ref.get(r.rep)!.subsidy_total));
      const ratios = gains.map((g, i) => g / extra[i]);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const p = points.find((q) => q.point === id)!;
      expect(extra.every((x) => x > 0)).toBe(true);
      expect(Number(p.gmv_gain_vs_reference_mean)).toBeCloseTo(mean(gains), 0);
      expect(Number(p.subsidy_extra_vs_reference_mean)).toBeCloseTo(mean(extra), 0);
      expect(Number(p.incremental_gmv_per_subsidy_rmb_mean)).toBeCloseTo(mean(ratios), 6);
    }
  });
});
