/**
 * `sim check` end to end on tiny worlds (2,000 users, 40 days, 2 replications):
 * the statuses it prints, check.json and index.html, the exit code, and runs
 * reused from disk on a second check (no re-simulation: the folders' manifests
 * are untouched and check.json says `reused: true`).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeTempDirs, requireBuild, SCENARIOS, sim, tempDir, writeLines } from "./helpers.js";

const TINY = ["--users", "2000", "--days", "40", "--reps", "2", "--threads", "2"];

interface CheckJson {
  options: { users: number; days: number; reps: number; seed: number };
  seeds: number[];
  summary: { targets: number; met: number; missed: number; expectedMiss: number; unexpectedlyMet: number; exitCode: number };
  targets: { id: string; status: string; checks: { label: string; comparison: string; runs: string[]; mean: number; ci95: [number, number]; values: number[]; met: boolean }[] }[];
  runs: { id: string; folder: string; reused: boolean; horizonDays: number; users: number }[];
}

let dir: string;
let out: string;

function target(id: string, checks: string[], extra: string[] = [], scenarios = [`      baseline: ${join(SCENARIOS, "baseline.yaml")}`]): string[] {
  return [`  - id: ${id}`, `    title: Target ${id}`, "    source: a test", "    scenarios:", ...scenarios, "    checks:", ...checks, ...extra];
}

beforeAll(() => {
  requireBuild();
  dir = tempDir("run");
  out = join(dir, "out");
  writeLines(dir, "good.yaml", [
    "description: Tiny targets the model meets (or is known to miss)",
    "targets:",
    ...target("sells", ["      - measure: gmv_total", "        of: baseline", "        band: '> 0'", "      - measure: {column: gmv, window: [-10, end], aggregate: mean}", "        of: baseline", "        band: [0, null]"]),
    ...target("known-gap", ["      - measure: gmv_total", "        of: baseline", "        band: '< 0'"], ["    expect: miss", "    reason: GMV is never negative"]),
    ...target("surprise", ["      - measure: orders", "        of: baseline", "        band: '> 0'"].map((l) => l.replace("measure: orders", "measure: {column: orders}")), ["    expect: miss", "    reason: a test of an unexpected success"]),
    ...target(
      "paired",
      [
        "      - measure: {column: guarantee_cost}", "        of: trust", "        minus: baseline", "        band: '> 0'",
        "      - measure: gmv_total", "        of: trust", "        over: baseline", "        band: [0.5, 2]",
      ],
      [],
      [`      baseline: ${join(SCENARIOS, "baseline.yaml")}`, `      trust: ${join(SCENARIOS, "trust-first.yaml")}`],
    ),
  ]);
  writeLines(dir, "bad.yaml", ["targets:", ...target("impossible", ["      - measure: gmv_total", "        of: baseline", "        band: '< 0'"])]);
});
afterAll(removeTempDirs);

const readCheck = (): CheckJson => JSON.parse(readFileSync(join(out, "check.json"), "utf8")) as CheckJson;
const manifestTimes = (): Map<string, number> =>
  new Map(readdirSync(join(out, "runs")).map((d) => [d, statSync(join(out, "runs", d, "manifest.json")).mtimeMs]));

describe("sim check on tiny worlds", () => {
  let first: CheckJson;
  let firstTimes: Map<string, number>;

  it("runs, prints each status, writes check.json and index.html, and exits 1 when a target is missed", () => {
    const r = sim(["check", "good.yaml", "bad.yaml", ...TINY, "--out", out], dir);
    expect(r.status, r.stderr).toBe(1);
    for (const s of ["MET ", "MISSED ", "EXPECTED MISS ", "UNEXPECTEDLY MET "]) expect(r.stdout).toContain(s);
    expect(r.stdout).toMatch(/^MISSED\s+impossible — Target impossible$/m);
    expect(r.stdout).toContain("5 targets: 2 met, 1 missed, 1 expected miss, 1 unexpectedly met");
    expect(r.stdout).toContain("2 runs (2 made)");

    first = readCheck();
    expect(first.summary).toEqual({ targets: 5, met: 2, missed: 1, expectedMiss: 1, unexpectedlyMet: 1, exitCode: 1 });
    expect(Object.fromEntries(first.targets.map((t) => [t.id, t.status]))).toEqual({
      sells: "met", "known-gap": "expected miss", surprise: "unexpectedly met", paired: "met", impossible: "missed",
    });
    expect(first.runs).toHaveLength(2); // the baseline once for every target, trust-first once
    for (const run of first.runs) {
      expect(run.reused).toBe(false);
      expect(run.horizonDays).toBe(40);
      expect(run.users).toBe(2000);
      expect(readdirSync(join(out, run.folder))).toEqual(expect.arrayContaining(["summary.json", "manifest.json", "timeseries.csv", "by_category.csv"]));
    }
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain("Targets check");
    expect(html).toContain("lies in its band");
    expect(html).toContain("unexpectedly met");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toContain("<script");
    firstTimes = manifestTimes();
  });

  it("computes a paired difference from the two runs' own values, replication by replication", () => {
    const paired = first.targets.find((t) => t.id === "paired")!;
    const ratio = paired.checks[1];
    const [trustRun, baseRun] = ratio.runs.map((id) => JSON.parse(readFileSync(join(out, "runs", id, "summary.json"), "utf8")) as { kpis: Record<string, { values: number[] }> });
    const expected = trustRun.kpis.gmv_total.values.map((v, r) => v / baseRun.kpis.gmv_total.values[r]);
    expect(ratio.values).toEqual(expected);
    expect(ratio.mean).toBeCloseTo((expected[0] + expected[1]) / 2, 12);
    expect(paired.checks[0].comparison).toBe("difference");
    expect(paired.checks[0].ci95[0]).toBeLessThanOrEqual(paired.checks[0].mean);
  });

  it("reuses the runs on disk the second time, with the same numbers, and exits 0 when only expected misses miss", () => {
    const r = sim(["check", "good.yaml", ...TINY, "--out", out], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("2 runs (0 made, 2 reused from");
    const second = readCheck();
    expect(second.runs.every((run) => run.reused)).toBe(true);
    expect(manifestTimes()).toEqual(firstTimes);
    const byId = new Map(first.targets.map((t) => [t.id, t]));
    for (const t of second.targets) expect(t.checks.map((c) => c.values)).toEqual(byId.get(t.id)!.checks.map((c) => c.values));
  });

  it("runs again when the seeds differ", () => {
    const r = sim(["check", "good.yaml", ...TINY, "--seed", "2", "--out", out], dir);
    expect(r.status, r.stderr).toBe(0);
    const third = readCheck();
    expect(third.runs.every((run) => !run.reused)).toBe(true);
    expect(third.seeds).not.toEqual(first.seeds);
    for (const [folder, time] of firstTimes) expect(statSync(join(out, "runs", folder, "manifest.json")).mtimeMs).toBe(time);
  });
});
