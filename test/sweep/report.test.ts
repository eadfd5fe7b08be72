/**
 * The analysis of a sweep as a user gets it: a sweep file with a grid writes
 * points.csv (each point's KPI means equal the mean of its rows in runs.csv),
 * effects.csv, the charts and an offline index.html; `sim report DIR`
 * rebuilds them identically; a Morris sweep writes morris.csv and its chart;
 * adaptive replications stop at the cap or once the interval is narrow.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../sim/io/csv.js";
import { BASELINE, isBuilt, removeTempDirs, ROOT, sim, SMALL, tempDir } from "./helpers.js";

describe.runIf(isBuilt())("sweep analysis", () => {
  afterAll(removeTempDirs);
  let dir: string;
  let out: string;

  beforeAll(() => {
    dir = tempDir("report");
    out = join(dir, "out");
    writeFileSync(join(dir, "grid.yaml"), [
      `base: ${join(ROOT, "scenarios/more-consumer-subsidies.yaml")}`,
      "name: subsidy-by-adoption",
      "set:",
      "  levers.consumerSubsidy.startDay: 0",
      "description: Consumer subsidy rate against self-broadcast adoption",
      "parameters:",
      "  levers.consumerSubsidy.rate: [0.05, 0.15]",
      "  merchants.selfBroadcastAdoptionPerDay: {from: 0.002, to: 0.006, step: 0.004}",
      "reps: 2",
      "days: 40",
      "users: 2000",
      "kpis: [gmv_total, gmv_per_subsidy_rmb]",
    ].join("\n"));
    const r = sim(["sweep", "grid.yaml", "--out", out, "--quiet", "--threads", "2"], dir);
    expect(r.status, r.stderr).toBe(0);
  });

  it("points.csv holds each point's mean of its logged runs", () => {
    const runs = parseCsv(readFileSync(join(out, "runs.csv"), "utf8"));
    const points = parseCsv(readFileSync(join(out, "points.csv"), "utf8"));
    expect(points).toHaveLength(4);
    for (const p of points) {
      const own = runs.filter((r) => r.point === p.point).map((r) => Number(r.gmv_total));
      expect(own).toHaveLength(2);
      expect(Number(p.gmv_total_mean)).toBeCloseTo((own[0] + own[1]) / 2, 2);
      expect(Number(p.gmv_total_lo95)).toBeLessThanOrEqual(Number(p.gmv_total_mean));
      expect(Number(p.reps)).toBe(2);
    }
  });

  it("writes the charts and a page that needs no network", () => {
    const charts = readdirSync(join(out, "charts"));
    for (const name of ["tornado-gmv_total", "heatmap-gmv_per_subsidy_rmb-levers_consumerSubsidy_rate-merchants_selfBroadcastAdoptionPerDay", "kpi-gmv_total-vs-levers_consumerSubsidy_rate"]) {
      expect(charts).toContain(`${name}.svg`);
    }
    // numbers as the tables write them: no SI prefixes (0.372 as "372m", a billion as "1G")
    const heatmap = "heatmap-gmv_per_subsidy_rmb-levers_consumerSubsidy_rate-merchants_selfBroadcastAdoptionPerDay";
    const spec = readFileSync(join(out, "charts", `${heatmap}.vl.json`), "utf8");
    expect(spec).not.toContain('~s"');
    const labels = (JSON.parse(spec) as { data: { values: { meanText: string }[] } }).data.values.map((v) => v.meanText);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/^-?\d+(\.\d+)?[kMB]?$/);
    expect(readFileSync(join(out, "charts", `${heatmap}.svg`), "utf8")).not.toMatch(/>-?\d+(\.\d+)?[mµG]</);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain("Where each KPI is highest");
    expect(html).toContain("GMV per RMB of money subsidies");
    expect(html).not.toMatch(/<script|https?:\/\/(?!vega\.github\.io|www\.w3\.org)/);
    expect(readFileSync(join(out, "effects.csv"), "utf8")).toContain("gmv_total,levers.consumerSubsidy.rate,marginal means");
    const points = parseCsv(readFileSync(join(out, "points.csv"), "utf8"));
    expect(points.every((p) => Number(p.gmv_per_subsidy_rmb_mean) > 0)).toBe(true);
  });

  it("sim report rebuilds the same page and tables from runs.csv", () => {
    const before = ["index.html", "points.csv", "effects.csv"].map((f) => readFileSync(join(out, f), "utf8"));
    for (const f of ["index.html", "points.csv", "effects.csv"]) rmSync(join(out, f));
    rmSync(join(out, "charts"), { recursive: true });
    const r = sim(["report", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(["index.html", "points.csv", "effects.csv"].map((f) => readFileSync(join(out, f), "utf8"))).toEqual(before);
  });

  it("a Morris sweep writes mu* and sigma per parameter", () => {
    const m = join(dir, "morris");
    const r = sim(["sweep", BASELINE, "--set", "levers.consumerSubsidy.totalBudgetRmb=1e12", "--design", "morris", "--trajectories", "2", "--param", "levers.consumerSubsidy.rate=uniform:0:0.2", "--param", "levers.selfBroadcast.support=uniform:0:2", "--reps", "1", ...SMALL, "--kpi", "gmv_total", "--out", m, "--quiet"]);
    expect(r.status, r.stderr).toBe(0);
    const rows = parseCsv(readFileSync(join(m, "morris.csv"), "utf8"));
    expect(rows.map((x) => x.parameter)).toEqual(["levers.consumerSubsidy.rate", "levers.selfBroadcast.support"]);
    expect(rows.every((x) => Number(x.effects) === 2 && Number.isFinite(Number(x.mu_star)))).toBe(true);
    expect(existsSync(join(m, "charts", "morris-gmv_total.svg"))).toBe(true);
  });

  it("adaptive replications: between reps and the cap, and fewer than the cap only when the interval is narrow", () => {
    const a = join(dir, "adaptive");
    const r = sim(["sweep", BASELINE, "--set", "levers.consumerSubsidy.totalBudgetRmb=1e12", "--param", "levers.consumerSubsidy.rate=0,0.1", "--reps", "2", "--adaptive", "gmv_total:3%:5", ...SMALL, "--out", a, "--quiet", "--no-report"]);
    expect(r.status, r.stderr).toBe(0);
    const points = parseCsv(readFileSync(join(a, "points.csv"), "utf8"));
    for (const p of points) {
      const n = Number(p.reps);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
      const half = (Number(p.gmv_total_hi95) - Number(p.gmv_total_lo95)) / 2;
      if (n < 5) expect(half).toBeLessThanOrEqual(0.03 * Number(p.gmv_total_mean) + 1e-6);
    }
    // run again: nothing more to do
    const again = sim(["sweep", BASELINE, "--set", "levers.consumerSubsidy.totalBudgetRmb=1e12", "--param", "levers.consumerSubsidy.rate=0,0.1", "--reps", "2", "--adaptive", "gmv_total:3%:5", ...SMALL, "--out", a, "--quiet", "--no-report"]);
    expect(again.stdout).toContain(" 0 run now");
  });
});
