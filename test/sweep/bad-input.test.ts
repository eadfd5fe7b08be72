/**
 * Sweep files are checked like scenario files: each problem with file, line
 * and column, the field path and what was expected, exit code 2, no stack
 * trace, and no run started. The same for --param on the command line.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASELINE, isBuilt, removeTempDirs, sim, tempDir } from "./helpers.js";

let dir: string;

function write(name: string, lines: string[]): string {
  writeFileSync(join(dir, name), `${lines.join("\n")}\n`);
  return name;
}

function rejected(args: string[], ...fragments: string[]): void {
  const r = sim(["sweep", ...args, "--out", join(dir, "out"), "--quiet"], dir);
  expect(r.status, r.stderr).toBe(2);
  for (const f of fragments) expect(r.stderr).toContain(f);
  expect(r.stderr).toMatch(/^sim: /);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(existsSync(join(dir, "out", "runs.csv"))).toBe(false);
}

describe.runIf(isBuilt())("bad sweep input", () => {
  afterAll(removeTempDirs);
  beforeAll(() => {
    dir = tempDir("bad-input");
  });

  it("an out-of-range value of a parameter, at its line and column", () => {
    const f = write("range.yaml", [`base: ${BASELINE}`, "parameters:", "  levers.consumerSubsidy.rate: [0, 0.5, 1.5]"]);
    rejected([f], "range.yaml:3:41: 1.5 is too big at 'parameters.levers.consumerSubsidy.rate[2]' (expected a number <= 1)");
  });

  it("an unknown parameter, with a suggestion", () => {
    const f = write("unknown.yaml", [`base: ${BASELINE}`, "parameters:", "  levers.consumerSubsidy.rat: [0, 0.1]"]);
    rejected([f], "unknown.yaml:3:3", "did you mean 'levers.consumerSubsidy.rate'?");
  });

  it("an unknown key, a bad design and an unknown KPI, all in one pass", () => {
    const f = write("many.yaml", [
      `base: ${BASELINE}`,
      "parameters:",
      "  levers.consumerSubsidy.rate: {distribution: uniform, min: 0, max: 0.2}",
      "design: {type: morris, trajectories: 5, levels: 3}",
      "kpis: [gmv_totl]",
      "repz: 3",
    ]);
    rejected([f], "many.yaml:4:49: 3 is not allowed at 'design.levels' (expected a multiple of 2)", "many.yaml:5:8: unknown KPI 'gmv_totl' (did you mean 'gmv_total'?)", "many.yaml:6:1: unknown key 'repz'");
  });

  it("a distribution in a grid, and a range going down", () => {
    const f = write("grid.yaml", [
      `base: ${BASELINE}`,
      "parameters:",
      "  levers.consumerSubsidy.rate: {distribution: uniform, min: 0, max: 0.2}",
      "  levers.selfBroadcast.support: {from: 2, to: 1, step: 0.5}",
    ]);
    rejected([f], "grid.yaml:3:32: a grid needs values", "grid.yaml:4:47: to (1) is below from (2)");
  });

  it("a missing base file, at the base line", () => {
    const f = write("nobase.yaml", ["base: no-such.yaml", "parameters:", "  levers.consumerSubsidy.rate: [0, 0.1]"]);
    rejected([f], "nobase.yaml:1:7: cannot read 'no-such.yaml'", "file not found");
  });

  it("a YAML syntax error", () => {
    const f = write("syntax.yaml", [`base: ${BASELINE}`, "parameters:", "  levers.consumerSubsidy.rate: [0, 0.1", "reps: 2"]);
    rejected([f], "syntax.yaml:4:", "YAML syntax error");
  });

  it("a bad cell in a points file, at its line and column", () => {
    writeFileSync(join(dir, "points.csv"), "levers.consumerSubsidy.rate,levers.selfBroadcast.support\n0.1,1\n0.2,-3\n");
    const f = write("csv.yaml", [`base: ${BASELINE}`, "design: {type: csv, file: points.csv}"]);
    rejected([f], "points.csv:3:5: -3 is too small at 'levers.selfBroadcast.support'");
  });

  it("a design type that does not exist, with a suggestion, and an unknown key of a design", () => {
    const f = write("design.yaml", [`base: ${BASELINE}`, "parameters:", "  levers.consumerSubsidy.rate: [0, 0.1]", "design: grd"]);
    rejected([f], "design.yaml:4:9: the text 'grd' is not allowed (did you mean 'grid'?) at 'design.type' (expected one of: grid, lhs, morris, sobol, csv)");
    const g = write("design-key.yaml", [`base: ${BASELINE}`, "parameters:", "  levers.consumerSubsidy.rate: {distribution: uniform, min: 0, max: 0.2}", "design: {type: lhs, samples: 4, sample: 3}"]);
    rejected([g], "unknown key 'sample' (did you mean 'samples'?) at 'design.sample' (expected one of the known keys: type, samples)");
  });

  it("command-line options given with a sweep file are checked with it, and named", () => {
    const f = write("ok.yaml", [`base: ${BASELINE}`, "parameters:", "  levers.consumerSubsidy.rate: [0, 0.1]", "kpis: [gmv_totl]"]);
    rejected([f, "--kpi", "gmv_totl", "--adaptive", "gmv_total:2%:2", "--reps", "3"], "command line: --kpi gmv_totl: unknown KPI 'gmv_totl' (did you mean 'gmv_total'?)", "command line: --adaptive gmv_total:2%:2: maxReps 2 is below reps (3)");
  });

  it("a bad --param on the command line", () => {
    rejected([BASELINE, "--param", "levers.consumerSubsidy.rate=0,2"], "command line: --param levers.consumerSubsidy.rate=0,2: 2 is too big", "expected a number <= 1");
    rejected([BASELINE, "--param", "levers.consumerSubsidy.rate=uniform:0:0.2"], "a grid needs values");
    rejected([BASELINE, "--param", "levers.consumerSubsidy.rate=0,0.1", "--design", "lhs"], "--design lhs needs --samples");
    rejected([BASELINE, "--param", "levers.consumerSubsidy.rate=uniform:0:0.1", "--design", "morris", "--trajectories", "1", "--levels", "3"], "command line: --trajectories 1: 1 is too small (expected a number >= 2)", "command line: --levels 3: 3 is not allowed (expected a multiple of 2)");
    rejected([BASELINE], "command line: the sweep varies no parameter (expected --param path=values (repeatable))");
    rejected([BASELINE, "--param", "levers.consumerSubsidy.rate=0,0.1", "--shard", "4/3"], "--shard 4/3: expected i/N");
  });
});
