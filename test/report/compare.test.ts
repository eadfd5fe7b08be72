import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareKpis, compareReports, pairing } from "../../sim/report/compare.js";
import { cumulativeDifferences } from "../../sim/report/compare-series.js";
import { readReport, type ReportData } from "../../sim/report/read-report.js";
import { writeComparison } from "../../sim/report/write-comparison.js";
import { makeReportFixture } from "../fixtures/make-report-fixture.js";
import { tempDir, removeTempDirs } from "./helpers.js";

describe("compare", () => {
  afterAll(removeTempDirs);
  let dir: string;
  let base: ReportData, lifted: ReportData, otherSeeds: ReportData;
  beforeAll(() => {
    dir = tempDir("compare");
    base = readReport(makeReportFixture(dir, { name: "baseline" }));
    lifted = readReport(makeReportFixture(dir, { name: "lifted", gmvLift: 0.05, subsidyRate: 0.01 }));
    otherSeeds = readReport(makeReportFixture(dir, { name: "reseeded", gmvLift: 0.05, seeds: [21, 22, 23] }));
  });

  it("pairs runs on the same seeds and horizon only", () => {
    expect(pairing(base, lifted).isPaired).toBe(true);
    expect(pairing(base, otherSeeds)).toMatchObject({ isPaired: false, reason: "the runs used different seeds" });
  });

  it("the paired difference and its interval match a hand computation", () => {
    const row = compareKpis(base, lifted).find((r) => r.kpi === "gmv_total")!;
    const a = base.summary.kpis.gmv_total.values;
    const b = lifted.summary.kpis.gmv_total.values;
    const d = b.map((x, i) => x - a[i]);
    const mean = (d[0] + d[1] + d[2]) / 3;
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    const half = (4.303 * sd) / Math.sqrt(3); // t(0.975, 2 df)
    expect(row.isPaired).toBe(true);
    expect(row.n).toBe(3);
    expect(row.difference).toBeCloseTo(mean, 4);
    expect(row.ci95[0]).toBeCloseTo(mean - half, 4);
    expect(row.ci95[1]).toBeCloseTo(mean + half, 4);
    const baseMean = (a[0] + a[1] + a[2]) / 3;
    expect(row.relativeChange).toBeCloseTo(mean / baseMean, 10);
    expect(row.excludesZero).toBe(mean - half > 0);
    // Common random numbers: the paired interval is much narrower than Welch's.
    expect(row.widthRatio).toBeLessThan(0.5);
  });

  it("an unpaired comparison falls back to Welch and says so", () => {
    const rows = compareKpis(base, otherSeeds);
    expect(rows.every((r) => !r.isPaired && Number.isNaN(r.widthRatio))).toBe(true);
    const gmv = rows.find((r) => r.kpi === "gmv_total")!;
    expect(gmv.ci95).toEqual(gmv.welchCi95);
  });

  it("a scenario compared with itself differs by exactly zero", () => {
    const c = compareReports(base, [base]);
    expect(c.rows.length).toBe(Object.keys(base.summary.kpis).length);
    for (const r of c.rows) {
      expect(r.difference, r.kpi).toBe(0);
      expect(r.ci95, r.kpi).toEqual([0, 0]);
      expect(r.excludesZero, r.kpi).toBe(false);
      if (Number.isFinite(r.relativeChange)) expect(r.relativeChange).toBe(0);
    }
    const cumulative = cumulativeDifferences(base, base, true);
    expect(cumulative.every((p) => p.gmv === 0 && p.subsidy === 0 && p.ratio === null)).toBe(true);
  });

  it("the cumulative return on the subsidy is GMV gained per RMB of extra subsidy", () => {
    const points = cumulativeDifferences(base, lifted, true);
    const last = points[points.length - 1];
    const sum = (r: ReportData, cols: string[]) => r.timeseries.reduce((s, row) => s + cols.reduce((t, c) => t + row[c], 0), 0) / 3;
    const money = ["subsidy_consumer", "subsidy_coupon", "subsidy_fee", "subsidy_campaign", "subsidy_service"];
    // Chart data keep 5 significant digits.
    const gmv = sum(lifted, ["gmv"]) - sum(base, ["gmv"]);
    const subsidy = sum(lifted, money) - sum(base, money);
    expect(Math.abs(last.gmv - gmv) / gmv).toBeLessThan(1e-4);
    expect(Math.abs(last.subsidy - subsidy) / subsidy).toBeLessThan(1e-4);
    expect(last.ratio).toBeCloseTo(last.gmv / last.subsidy, 2);
  });

  it("writes comparison.csv, comparison.json, charts and a page that says when it is unpaired", async () => {
    const out = join(dir, "cmp");
    const result = await writeComparison([base, lifted, otherSeeds], out);
    expect(result.warnings).toEqual([]);
    const csv = readFileSync(join(out, "comparison.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toMatch(/^kpi,label,unit,baseline,scenario,paired,n,/);
    expect(csv.length).toBe(1 + 2 * Object.keys(base.summary.kpis).length);
    const json = JSON.parse(readFileSync(join(out, "comparison.json"), "utf8"));
    expect(json.pairings).toEqual([{ scenario: "lifted", isPaired: true }, { scenario: "reseeded", isPaired: false, reason: "the runs used different seeds" }]);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain("This comparison is unpaired");
    for (const chart of ["kpi-forest", "subsidy-return", "compare-gmv", "compare-repurchase", "compare-merchants"]) {
      expect(html).toContain(`id="${chart}"`);
      expect(readFileSync(join(out, "charts", `${chart}.svg`), "utf8")).toMatch(/^<svg/);
    }
  });
});
