/**
 * `sim check` on bad targets files: exit 2 before any run, with
 * file:line:column, the field path and what was expected, and no stack trace.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeTempDirs, requireBuild, SCENARIOS, sim, tempDir, writeLines } from "./helpers.js";

let dir: string;
const baseline = join(SCENARIOS, "baseline.yaml");

/** A valid target's lines with one line replaced (by index) or more added. */
function target(over: Record<number, string> = {}, extra: string[] = []): string[] {
  const lines = [
    "targets:",
    "  - id: t1",
    "    title: A target",
    "    source: words",
    "    scenarios:",
    `      baseline: ${baseline}`,
    "    checks:",
    "      - measure: gmv_total",
    "        of: baseline",
    "        band: [0, null]",
  ];
  for (const [i, text] of Object.entries(over)) lines[Number(i)] = text;
  return [...lines, ...extra];
}

beforeAll(() => {
  requireBuild();
  dir = tempDir("bad");
  writeLines(dir, "unknown-kpi.yaml", target({ 7: "      - measure: gmv_totl" }));
  writeLines(dir, "missing-scenario.yaml", target({ 5: "      baseline: ../nowhere/baseline.yaml" }));
  writeLines(dir, "band-order.yaml", target({ 9: "        band: [0.6, 0.4]" }));
  writeLines(dir, "band-text.yaml", target({ 9: "        band: about right" }));
  writeLines(dir, "unknown-name.yaml", target({ 8: "        of: basline" }));
  writeLines(dir, "unknown-column.yaml", target({ 7: "      - measure: {column: gmw, window: [0, 10]}" }));
  writeLines(dir, "window.yaml", target({ 7: "      - measure: {column: gmv, window: [0, 500]}" }));
  writeLines(dir, "no-reason.yaml", target({}, ["    expect: miss"]));
  writeLines(dir, "bad-set.yaml", target({ 5: `      baseline: {file: ${baseline}, set: {demand.marketArrivalPerDay: -1}}` }));
  writeLines(dir, "unknown-key.yaml", target({ 3: "    sorce: words" }));
  writeLines(dir, "syntax.yaml", target({ 9: "        band: [0, " }));
  writeLines(dir, "good.yaml", target());
});
afterAll(removeTempDirs);

function check(file: string, ...more: string[]) {
  return sim(["check", file, "--users", "2000", "--days", "40", "--reps", "1", "--out", join(dir, "out"), ...more], dir);
}

function expectBadInput(r: ReturnType<typeof check>, ...fragments: string[]) {
  expect(r.status, r.stderr).toBe(2);
  for (const f of fragments) expect(r.stderr).toContain(f);
  expect(r.stderr).toMatch(/^sim: /);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stdout).toBe("");
  expect(existsSync(join(dir, "out", "check.json"))).toBe(false);
}

describe("sim check: bad input exits 2 with the position", () => {
  it("an unknown KPI", () => {
    expectBadInput(check("unknown-kpi.yaml"), "unknown-kpi.yaml:8:18: unknown KPI 'gmv_totl' (did you mean 'gmv_total'?) at 'targets[0].checks[0].measure'", "expected one of: gmv_total");
  });
  it("a scenario file that cannot be read", () => {
    expectBadInput(check("missing-scenario.yaml"), "missing-scenario.yaml:6:17: cannot read '../nowhere/baseline.yaml'", "file not found at 'targets[0].scenarios.baseline'", "expected a path to a scenario file");
  });
  it("a band whose minimum is above its maximum", () => {
    expectBadInput(check("band-order.yaml"), "band-order.yaml:10:15: the band's minimum 0.6 is above its maximum 0.4 at 'targets[0].checks[0].band'", "expected a band: [min, max]");
  });
  it("a band that is not a band", () => {
    expectBadInput(check("band-text.yaml"), "band-text.yaml:10:15: the text 'about right' is not a band", "'> 0'");
  });
  it("a check naming a scenario the target does not have", () => {
    expectBadInput(check("unknown-name.yaml"), "unknown-name.yaml:9:13: 'basline' is not one of this target's scenarios (did you mean 'baseline'?) at 'targets[0].checks[0].of'", "expected one of: baseline");
  });
  it("an unknown column", () => {
    expectBadInput(check("unknown-column.yaml"), "unknown-column.yaml:8:27: unknown column 'gmw' (did you mean 'gmv'?) at 'targets[0].checks[0].measure.column'");
  });
  it("a window past the run's horizon", () => {
    expectBadInput(check("window.yaml"), "window.yaml:8:40: the window [0, 500) does not fit in the 40-day run of 'baseline' at 'targets[0].checks[0].measure.window'", "expected days from 0 to 40");
  });
  it("an expected miss without a reason", () => {
    expectBadInput(check("no-reason.yaml"), "no-reason.yaml:11:13: an expected miss without a reason at 'targets[0].expect'");
  });
  it("an override its parameter rejects", () => {
    expectBadInput(check("bad-set.yaml"), "bad-set.yaml:6:", "at 'targets[0].scenarios.baseline.set.demand.marketArrivalPerDay'", "expected a number >= 0");
  });
  it("an unknown key", () => {
    expectBadInput(check("unknown-key.yaml"), "unknown-key.yaml:4:5: unknown key 'sorce' (did you mean 'source'?)", "missing value at 'targets[0].source'");
  });
  it("a YAML syntax error", () => {
    expectBadInput(check("syntax.yaml"), "syntax.yaml:", "YAML syntax error");
  });
  it("the same target id in two files", () => {
    writeLines(dir, "good-copy.yaml", target());
    expectBadInput(check("good.yaml", "good-copy.yaml"), "good-copy.yaml:2:9: the id 't1' is also used in good.yaml at 'targets[0].id'");
  });
  it("every problem of a file at once", () => {
    writeLines(dir, "two.yaml", target({ 7: "      - measure: gmv_totl", 9: "        band: [1, 0]" }));
    const r = check("two.yaml");
    expectBadInput(r, "two.yaml:8:18: unknown KPI", "two.yaml:10:15: the band's minimum 1");
  });
});
