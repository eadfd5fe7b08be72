/**
 * The Sobol design and its analysis. The design: N × (k + 2) points, each
 * with its role (A, B or AB_i, and its base row), AB_i equal to A but for
 * column i, which is B's; the same points every time, whatever the seed.
 * Bad input is refused like lhs and morris input (exit 2, the option or the
 * file's line and column). One small sweep on the model (2,000 users × 60
 * days, 3 parameters, N = 4, 2 replications): sweep.json keeps the roles,
 * sobol.csv has a row per KPI × parameter with finite indices where the KPI
 * varies, and the page has the charts; a KPI made constant gets empty cells
 * and a note instead of a chart.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sobolDesign } from "../../sim/experiments/designs/sobol.js";
import type { ParameterSpec } from "../../sim/experiments/designs/types.js";
import { specFromCommandLine } from "../../sim/experiments/sweep/command-line.js";
import { designPoints } from "../../sim/experiments/sweep/plan.js";
import { ScenarioErrors } from "../../sim/scenario/errors.js";
import { parseCsv } from "../../sim/io/csv.js";
import { BASELINE, isBuilt, removeTempDirs, ROOT, sim, tempDir } from "./helpers.js";

const uniform = (path: string, min: number, max: number): ParameterSpec => ({ path, kind: "distribution", distribution: "uniform", min, max, isInteger: false, written: "" });
const loguniform = (path: string, min: number, max: number): ParameterSpec => ({ path, kind: "distribution", distribution: "loguniform", min, max, isInteger: false, written: "" });

describe("Sobol design (Saltelli sampling)", () => {
  const params = [uniform("a", 0, 1), uniform("b", 10, 20), loguniform("c", 0.001, 0.1)];
  const k = params.length;
  const n = 16;
  const points = sobolDesign(params, n);

  it("has N × (k + 2) points: per base row A, AB_1 … AB_k and B", () => {
    expect(points).toHaveLength(n * (k + 2));
    for (let row = 0; row < n; row++) {
      const group = points.slice(row * (k + 2), (row + 1) * (k + 2));
      expect(group.map((p) => p.sobol)).toEqual([
        { matrix: "A", row },
        ...Array.from({ length: k }, (_, i) => ({ matrix: "AB", row, column: i })),
        { matrix: "B", row },
      ]);
    }
  });

  it("takes AB_i from A but for column i, which is B's (unit coordinates and values)", () => {
    for (let row = 0; row < n; row++) {
      const a = points.find((p) => p.sobol?.matrix === "A" && p.sobol.row === row)!;
      const b = points.find((p) => p.sobol?.matrix === "B" && p.sobol.row === row)!;
      for (let i = 0; i < k; i++) {
        const ab = points.find((p) => p.sobol?.matrix === "AB" && p.sobol.row === row && p.sobol.column === i)!;
        params.forEach((p, j) => {
          expect(ab.unit![j]).toBe(j === i ? b.unit![j] : a.unit![j]);
          expect(ab.values[p.path]).toBe(j === i ? b.values[p.path] : a.values[p.path]);
        });
      }
    }
    // A and B are the first and last k dimensions of one Sobol sequence, the origin and the all-0.5 point (A = B) skipped: row 0 is (0.75, 0.25, 0.25 | 0.25, 0.75, 0.75)
    expect(points[0].unit).toEqual([0.75, 0.25, 0.25]);
    expect(points[k + 1].unit).toEqual([0.25, 0.75, 0.75]);
    for (let row = 0; row < n; row++) expect(points[row * (k + 2)].unit).not.toEqual(points[row * (k + 2) + k + 1].unit);
    // values within bounds (loguniform on a log scale: 0.25 of the way in log)
    expect(points[0].values.a).toBe(0.75);
    for (const p of points) {
      expect(p.values.b as number).toBeGreaterThanOrEqual(10);
      expect(p.values.b as number).toBeLessThanOrEqual(20);
    }
  });

  it("is deterministic, and the seed does not move it", () => {
    expect(sobolDesign(params, n)).toEqual(points);
    const spec = (seed: number) => ({ ...specFromCommandLine({ base: BASELINE, params: ["levers.consumerSubsidy.rate=uniform:0:0.2", "levers.selfBroadcast.support=uniform:0:2"], design: "sobol", samples: 8 }), seed });
    expect(designPoints(spec(1))).toEqual(designPoints(spec(7)));
    expect(designPoints(spec(1))).toHaveLength(8 * 4);
  });

  it("refuses value lists and too few samples on the command line", () => {
    const problems = (o: Partial<Parameters<typeof specFromCommandLine>[0]>): string => {
      try {
        specFromCommandLine({ base: BASELINE, params: ["levers.consumerSubsidy.rate=uniform:0:0.2"], design: "sobol", ...o });
      } catch (err) {
        if (err instanceof ScenarioErrors) return err.errors.map((e) => e.problem).join("\n");
        throw err;
      }
      return "";
    };
    expect(problems({})).toContain("--design sobol needs --samples");
    expect(problems({ samples: 1 })).toContain("--samples 1: 1 is too small");
    expect(problems({ samples: 8, params: ["levers.consumerSubsidy.rate=0,0.1"] })).toContain("a sobol design needs a distribution");
    expect(problems({ samples: 50_000 })).toContain("is 150000 points");
    expect(problems({ samples: 8 })).toBe("");
  });
});

describe.runIf(isBuilt())("Sobol sweep on the model", () => {
  afterAll(removeTempDirs);
  let dir: string;
  let out: string;
  const kpis = ["gmv_total", "platform_net"];
  const params = ["levers.consumerSubsidy.rate", "levers.selfBroadcast.support", "merchants.selfBroadcastAdoptionPerDay"];

  beforeAll(() => {
    dir = tempDir("sobol");
    out = join(dir, "out");
    writeFileSync(join(dir, "sobol.yaml"), [
      `base: ${join(ROOT, "scenarios/more-consumer-subsidies.yaml")}`,
      "name: sobol-small",
      "set:",
      "  levers.consumerSubsidy.startDay: 0",
      "parameters:",
      "  levers.consumerSubsidy.rate: {distribution: uniform, min: 0.02, max: 0.2}",
      "  levers.selfBroadcast.support: {distribution: uniform, min: 0, max: 2}",
      "  merchants.selfBroadcastAdoptionPerDay: {distribution: loguniform, min: 0.001, max: 0.01}",
      "design: {type: sobol, samples: 4}",
      "reps: 2",
      "days: 60",
      "users: 2000",
      `kpis: [${kpis.join(", ")}]`,
    ].join("\n"));
    const r = sim(["sweep", "sobol.yaml", "--out", out, "--quiet", "--threads", "2"], dir);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it("keeps each point's role in sweep.json", () => {
    const manifest = JSON.parse(readFileSync(join(out, "sweep.json"), "utf8")) as { points: { sobol?: { matrix: string; row: number; column?: number } }[] };
    expect(manifest.points).toHaveLength(4 * (3 + 2));
    const count = (m: string) => manifest.points.filter((p) => p.sobol?.matrix === m).length;
    expect([count("A"), count("B"), count("AB")]).toEqual([4, 4, 12]);
    expect(new Set(manifest.points.map((p) => p.sobol!.row))).toEqual(new Set([0, 1, 2, 3]));
  });

  it("writes sobol.csv: a row per KPI and parameter, finite where the KPI varies", () => {
    const rows = parseCsv(readFileSync(join(out, "sobol.csv"), "utf8"));
    expect(rows.map((r) => `${r.kpi}|${r.parameter}`)).toEqual(kpis.flatMap((k) => params.map((p) => `${k}|${p}`)));
    const points = parseCsv(readFileSync(join(out, "points.csv"), "utf8"));
    for (const kpi of kpis) {
      const means = new Set(points.map((p) => p[`${kpi}_mean`]));
      expect(means.size, `${kpi} should vary over the design`).toBeGreaterThan(1);
      for (const r of rows.filter((x) => x.kpi === kpi)) {
        for (const c of ["s1", "s1_low", "s1_high", "st", "st_low", "st_high"]) expect(Number.isFinite(Number(r[c])) && r[c] !== "", `${kpi} ${r.parameter} ${c}`).toBe(true);
        expect(Number(r.s1_low)).toBeLessThanOrEqual(Number(r.s1_high));
        expect(Number(r.st)).toBeGreaterThanOrEqual(0);
        expect(Number(r.n)).toBe(4);
      }
    }
  });

  it("draws S1 and ST per KPI on the page and explains them", () => {
    const html = readFileSync(join(out, "index.html"), "utf8");
    for (const kpi of kpis) {
      expect(existsSync(join(out, "charts", `sobol-${kpi}.svg`))).toBe(true);
      expect(html).toContain(`id="sobol-${kpi}"`);
    }
    expect(html).toContain("S1 (first order) is the share a parameter explains on its own");
    expect(html).toContain("sobol.csv");
    const spec = JSON.parse(readFileSync(join(out, "charts", "sobol-gmv_total.vl.json"), "utf8")) as { data: { values: { parameter: string; index: string; value: number | null }[] } };
    expect(spec.data.values).toHaveLength(2 * params.length);
    expect(spec.data.values.every((v) => v.value !== null)).toBe(true);
  });

  it("gives a KPI that does not vary empty cells and a note, not a chart", () => {
    // platform_net the same in every run: `sim report` rebuilds from runs.csv
    const runsFile = join(out, "runs.csv");
    const [header, ...lines] = readFileSync(runsFile, "utf8").split("\n").filter((l) => l !== "");
    const col = header.split(",").indexOf("platform_net");
    writeFileSync(runsFile, `${[header, ...lines.map((l) => l.split(",").map((f, i) => (i === col ? "1000" : f)).join(","))].join("\n")}\n`);
    const r = sim(["report", out]);
    expect(r.status, r.stderr).toBe(0);
    const rows = parseCsv(readFileSync(join(out, "sobol.csv"), "utf8")).filter((x) => x.kpi === "platform_net");
    expect(rows).toHaveLength(params.length);
    for (const x of rows) for (const c of ["s1", "s1_low", "s1_high", "st", "st_low", "st_high"]) expect(x[c]).toBe("");
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain("No Sobol indices for");
    expect(html).not.toContain('id="sobol-platform_net"');
    expect(html).toContain('id="sobol-gmv_total"');
  });
});

describe.runIf(isBuilt())("bad Sobol input", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("sobol-bad");
  });
  afterAll(removeTempDirs);

  const rejected = (args: string[], ...fragments: string[]) => {
    const r = sim(["sweep", ...args, "--out", join(dir, "out"), "--quiet"], dir);
    expect(r.status, r.stderr).toBe(2);
    for (const f of fragments) expect(r.stderr).toContain(f);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir, "out", "runs.csv"))).toBe(false);
  };

  it("on the command line: no --samples, or a value list", () => {
    rejected([BASELINE, "--design", "sobol", "--param", "levers.consumerSubsidy.rate=uniform:0:0.2"], "--design sobol needs --samples");
    rejected([BASELINE, "--design", "sobol", "--samples", "8", "--param", "levers.consumerSubsidy.rate=0,0.1"], "a sobol design needs a distribution");
  });

  it("in a sweep file, at the line and column", () => {
    writeFileSync(join(dir, "bad.yaml"), [`base: ${BASELINE}`, "parameters:", "  levers.consumerSubsidy.rate: [0, 0.1]", "design: {type: sobol, samples: 1}"].join("\n"));
    rejected(["bad.yaml"], "bad.yaml:3:", "a sobol design needs a distribution; 'levers.consumerSubsidy.rate' has values", "bad.yaml:4:32: 1 is too small at 'design.samples' (expected a number >= 2)");
  });
});
