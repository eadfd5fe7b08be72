/**
 * Calibration recovers known parameters: targets are generated from the
 * baseline at known values (the means of its own runs, on the seeds the
 * calibration uses, as point bands), and a calibration started away from
 * them finds them again. Tolerance: within 5% of each parameter's range on
 * its search scale (the optimizer's grain is 4 significant digits; at this
 * size the loss is flat within about 2% of the range).
 */
import { afterAll, describe, expect, it } from "vitest";
import { calibrate } from "../../sim/experiments/calibrate/calibrate.js";
import { loadCalibrationFile } from "../../sim/experiments/calibrate/calibration-file.js";
import { encodeParameter } from "../../sim/experiments/calibrate/calibrate.js";
import { removeTempDirs, tempDir } from "../helpers/temp.js";
import { TRUTH, writeCalibration, writeTargets } from "./fixtures.js";

describe("calibration", () => {
  afterAll(removeTempDirs);

  it("recovers known parameters from targets generated at them", async () => {
    const dir = tempDir("calibrate-recovery");
    // 1. the targets' values at the known parameters: one evaluation of the start point, on the calibration's seeds
    const wide = writeTargets(dir, "wide.yaml", { dau: "[0, null]", churn: "[0, null]" });
    const atTruth = await calibrate(loadCalibrationFile(writeCalibration(dir, "truth.yaml", { targets: wide, start: TRUTH, budget: 1 })), `${dir}/truth`, { threads: 1, version: "test" });
    const [dau, churn] = atTruth.before.map((c) => c.mean);
    expect(dau).toBeGreaterThan(0);
    expect(churn).toBeGreaterThan(0);

    // 2. point bands at those values; start away from the truth
    const targets = writeTargets(dir, "generated.yaml", { dau: `[${dau}, ${dau}]`, churn: `[${churn}, ${churn}]` });
    const spec = loadCalibrationFile(writeCalibration(dir, "fit.yaml", { targets, start: { activityMean: 0.7, churnBasePerDay: 0.001 }, budget: 61 }));
    const result = await calibrate(spec, `${dir}/fit`, { threads: 1, version: "test" });

    const start = result.evaluations[0];
    const best = result.evaluations[result.best];
    expect(result.isImproved).toBe(true);
    expect(best.loss).toBeLessThan(start.loss / 20);
    for (const p of spec.parameters) {
      const truth = p.path === "users.activityMean" ? TRUTH.activityMean : TRUTH.churnBasePerDay;
      const off = Math.abs(encodeParameter(p, best.values[p.path]) - encodeParameter(p, truth));
      expect(off, `${p.path}: fitted ${best.values[p.path]}, truth ${truth}`).toBeLessThan(0.05);
      // the start was far off: at least a quarter of the range
      expect(Math.abs(encodeParameter(p, p.start) - encodeParameter(p, truth))).toBeGreaterThan(0.25);
    }
    // each parameter's range within noise comes from the profile through the best, and holds the best
    for (const u of result.uncertainty) {
      expect(u.method).toBe("profile");
      expect(u.low).toBeLessThanOrEqual(u.best);
      expect(u.high).toBeGreaterThanOrEqual(u.best);
    }
    // every evaluation ran on the same seeds (common random numbers): the log has one run per replication of each distinct point
    expect(result.seeds).toHaveLength(2);
    expect(result.runs.total).toBe(2 * new Set(result.evaluations.map((e) => JSON.stringify(e.values))).size);
  }, 120_000);
});
