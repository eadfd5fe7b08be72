/**
 * `sim calibrate` from the command line (the built package in a child
 * process): a calibration killed part-way (SIGKILL) and run again ends with
 * the same evaluations and the same calibrated scenario as one that ran in
 * one go (on another number of threads); a start that cannot be improved on
 * is said and exits 0; bad input exits 2 with file, line, column and what was
 * expected; `sim validate` and `sim schema --calibration` know the format.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isBuilt, loggedLines, runRows, sim, simAsync, sorted } from "../sweep/helpers.js";
import { removeTempDirs, tempDir } from "../helpers/temp.js";
import { TRUTH, writeCalibration, writeTargets } from "./fixtures.js";

const BUDGET = 19; // the start point and three generations of six

describe.runIf(isBuilt())("sim calibrate", () => {
  afterAll(removeTempDirs);
  let dir: string;
  let file: string;
  let reference: string;

  beforeAll(() => {
    dir = tempDir("calibrate-cli");
    const targets = writeTargets(dir, "targets.yaml", { dau: "[1.5e8, 1.6e8]", churn: "[4e7, 4.5e7]" });
    file = writeCalibration(dir, "cal.yaml", { targets, start: { activityMean: 0.7, churnBasePerDay: 0.001 }, budget: BUDGET });
    reference = join(dir, "reference");
    const r = sim(["calibrate", file, "--threads", "1", "--out", reference, "--quiet"]);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it("writes the evaluations, the calibrated scenario and the page", () => {
    const csv = readFileSync(join(reference, "calibration.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("evaluation,generation,phase,users.activityMean,users.churnBasePerDay,loss,daily-users_mean,daily-users_z,churn_mean,churn_z");
    const phases = csv.slice(1).map((line) => line.split(",")[2]);
    expect(phases.filter((p) => p !== "profile")).toHaveLength(BUDGET);
    // the profile: up to two points each side of the best, per parameter
    expect(phases.filter((p) => p === "profile").length).toBeGreaterThan(0);
    expect(phases.filter((p) => p === "profile").length).toBeLessThanOrEqual(8);
    const yaml = readFileSync(join(reference, "cal-calibrated.yaml"), "utf8");
    expect(yaml).toMatch(/^extends: \.\.\/\.\.\/.*scenarios\/baseline\.yaml$/m);
    expect(yaml).toMatch(/activityMean: [0-9.]+ # fitted \(start 0\.7; within noise: /);
    // the calibrated scenario is a scenario: sim validate takes it
    const v = sim(["validate", join(reference, "cal-calibrated.yaml")]);
    expect(v.status, v.stderr).toBe(0);
    const html = readFileSync(join(reference, "index.html"), "utf8");
    expect(html).toContain("daily-users");
  });

  it("killed part-way and run again gives the same calibration as one run in one go", async () => {
    const out = join(dir, "killed");
    const child = simAsync(["calibrate", file, "--threads", "2", "--out", out, "--quiet"]);
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (loggedLines(out) >= 9) {
          clearInterval(poll);
          child.kill("SIGKILL");
          resolve();
        }
      }, 10);
      child.on("exit", (code, signal) => {
        clearInterval(poll);
        if (signal !== "SIGKILL") reject(new Error(`the calibration ended (code ${code}) before the test could kill it`));
      });
    });
    await new Promise((resolve) => child.on("close", resolve));
    const partial = runRows(out);
    expect(partial.size).toBeLessThan(2 * BUDGET);

    const again = sim(["calibrate", file, "--threads", "2", "--out", out]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain(`${partial.size} runs already in runs.csv`);
    expect(readFileSync(join(out, "calibration.csv"), "utf8")).toBe(readFileSync(join(reference, "calibration.csv"), "utf8"));
    expect(readFileSync(join(out, "cal-calibrated.yaml"), "utf8")).toBe(readFileSync(join(reference, "cal-calibrated.yaml"), "utf8"));
    expect(sorted(runRows(out))).toEqual(sorted(runRows(reference)));
  }, 120_000);

  it("says so and exits 0 when the optimizer cannot improve on the start", () => {
    // every band holds any value: the start's loss is 0 and nothing is better
    const targets = writeTargets(dir, "any.yaml", { dau: "[0, null]", churn: "[0, null]" });
    const calibration = writeCalibration(dir, "flat.yaml", { targets, start: TRUTH, budget: 7 });
    const r = sim(["calibrate", calibration, "--threads", "1", "--out", join(dir, "flat"), "--quiet"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("could not improve on the start point");
    expect(readFileSync(join(dir, "flat", "flat-calibrated.yaml"), "utf8")).toMatch(/activityMean: 0\.45 /);
  }, 60_000);

  describe("bad input exits 2 with the file, line, column and what was expected", () => {
    const bad = (name: string, edit: (text: string) => string, targetsEdit?: (text: string) => string) => {
      const targets = writeTargets(dir, `${name}-targets.yaml`, { dau: "[1.5e8, 1.6e8]", churn: "[4e7, 4.5e7]" });
      if (targetsEdit) writeFileSync(targets, targetsEdit(readFileSync(targets, "utf8")));
      const f = writeCalibration(dir, `${name}.yaml`, { targets, start: TRUTH, budget: 7 });
      writeFileSync(f, edit(readFileSync(f, "utf8")));
      const r = sim(["calibrate", f, "--out", join(dir, `out-${name}`)]);
      const v = sim(["validate", f]);
      return { r, v, f };
    };

    it("an unknown parameter path", () => {
      const { r, v } = bad("path", (t) => t.replace("users.activityMean:", "users.activityMeen:"));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/path\.yaml:4:3: .*users\.activityMeen/);
      expect(r.stderr).toContain("activityMean");
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
      expect(v.status).toBe(2);
    });

    it("a range outside the schema's limits", () => {
      const { r } = bad("range", (t) => t.replace("{min: 0.2, max: 0.8,", "{min: 0.2, max: 1.8,"));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/range\.yaml:4:\d+: .*parameters\.users\.activityMean\.max/);
      expect(r.stderr).toMatch(/expected .*1/);
    });

    it("an unknown KPI in a target", () => {
      const { r } = bad("kpi", (t) => t, (t) => t.replace("measure: churn_total", "measure: churn_totl"));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/kpi-targets\.yaml:\d+:\d+: .*churn_totl/);
      expect(r.stderr).toContain("churn_total");
    });

    it("a target with no band", () => {
      const { r } = bad("band", (t) => t, (t) => t.replace(/\n\s+band: \[4e7, 4\.5e7\]/, ""));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/band-targets\.yaml:\d+:\d+: a check without a band/);
    });

    it("a target id that its file does not have", () => {
      const { r } = bad("id", (t) => t.replace("id: churn}", "id: chrun}"));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/id\.yaml:\d+:\d+: no target 'chrun' .*did you mean 'churn'/);
    });

    it("one replication", () => {
      const { r } = bad("reps", (t) => t.replace("reps: 2", "reps: 1"));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/reps\.yaml:\d+:\d+: .*reps/);
    });

    it("a start outside the range", () => {
      const { r } = bad("start", (t) => t.replace("start: 0.45", "start: 0.9"));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/start\.yaml:4:\d+: start 0\.9 is not in the range .*parameters\.users\.activityMean\.start/);
    });
  });

  it("sim validate accepts a good calibration file", () => {
    const v = sim(["validate", file]);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toContain(`ok  ${file}`);
  });

  it("sim calibrate --help shows the file's format", () => {
    const r = sim(["calibrate", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("A calibration file (YAML) fits free parameters");
    expect(r.stdout).toMatch(/--budget\s/);
  });

  it("sim schema --calibration documents the format", () => {
    const r = sim(["schema", "--calibration"]);
    expect(r.status, r.stderr).toBe(0);
    const schema = JSON.parse(r.stdout) as { properties: Record<string, { description?: string }>; required: string[] };
    for (const key of ["base", "parameters", "targets", "budget", "reps", "users", "days", "seed", "set"]) expect(schema.properties[key]?.description, key).toBeTruthy();
    expect(schema.required).toEqual(expect.arrayContaining(["base", "parameters", "targets"]));
  });
});
