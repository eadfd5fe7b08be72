import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareKpis, compareReports, pairing } from "../../sim/report/compare.js";
import { cumulativeDifferences } from "../../sim/report/compare-series.js";
import { readReport, type ReportData } from "../../sim/report/read-report.js";
import { writeComparison } from "../../sim/report/write-comparison.js";
import { holmBonferroni } from "../../sim/stats/holm.js";
import { replicationsForPower } from "../../sim/stats/power.js";
import { tTwoSidedP } from "../../sim/stats/t-distribution.js";
import { welchInterval } from "../../sim/stats/welch-interval.js";
import { makeReportFixture } from "../fixtures/make-report-fixture.js";
import { tempDir, removeTempDirs } from "./helpers.js";

/** A copy of `report` whose KPI `kpi` has the given per-replication values. */
function withValues(report: ReportData, kpi: string, values: number[]): ReportData {
  const k = report.summary.kpis[kpi];
  return { ...report, summary: { ...report.summary, kpis: { ...report.summary.kpis, [kpi]: { ...k, values } } } };
}

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

  it("reads the paired interval where pairing narrows it and the Welch interval where pairing widens it", () => {
    const row = (scenarioValues: number[]) =>
      compareKpis(withValues(base, "gmv_total", [10, 20, 30]), withValues(lifted, "gmv_total", scenarioValues)).find((r) => r.kpi === "gmv_total")!;
    const shared = row([12, 21, 33]); // the runs move together: differences 2, 1, 3
    expect(shared.reading).toBe("paired");
    expect(shared.widthRatio).toBeLessThan(1);
    expect(shared.readingReason).toMatch(/^pairing by seed narrows it to 0\.\d\d× the Welch width$/);
    expect(shared.ci95).toEqual(shared.pairedCi95);
    const parted = row([33, 21, 12]); // the runs part: differences 23, 1, −18
    expect(parted.reading).toBe("welch");
    expect(parted.widthRatio).toBeGreaterThan(1.5);
    expect(parted.ci95).toEqual(parted.welchCi95);
    expect(parted.readingReason).toMatch(/^pairing widens it \d\.\d\d×: the runs' replications move in opposite directions here \(r = -1\.00\), so even the Welch interval may be too narrow/);
    // Runs that merely part (little shared noise, not opposite) lose only degrees of freedom with pairing.
    const loose = row([14, 30, 17]); // differences 4, 10, −13: r ≈ 0.1
    expect(loose.reading).toBe("welch");
    expect(loose.readingReason).toMatch(/^pairing widens it \d\.\d\d×: the runs' replications share little noise here \(r = 0\.\d\d\), so pairing only costs degrees of freedom$/);
    // The p-value follows the interval read: Welch's t on its df rounded down.
    const w = welchInterval([33, 21, 12], [10, 20, 30]);
    expect(parted.pValue).toBeCloseTo(tTwoSidedP(w.mean / w.se, Math.floor(w.df)), 12);
  });

  it("gives each KPI a t-test p-value, the Holm correction over the scenario's KPIs, and replications for 80% power", () => {
    const rows = compareKpis(base, lifted);
    const gmv = rows.find((r) => r.kpi === "gmv_total")!;
    const a = base.summary.kpis.gmv_total.values;
    const d = lifted.summary.kpis.gmv_total.values.map((x, i) => x - a[i]);
    const mean = d.reduce((s, x) => s + x, 0) / 3;
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    expect(gmv.pValue).toBeCloseTo(tTwoSidedP(mean / (sd / Math.sqrt(3)), 2), 10);
    expect(gmv.sdPerReplication).toBeCloseTo(sd, 6);
    expect(gmv.replicationsForPower).toBe(replicationsForPower(sd, mean));
    const holm = holmBonferroni(rows.map((r) => r.pValue));
    rows.forEach((r, i) => {
      expect(r.holmP, r.kpi).toBe(holm.adjusted[i]);
      expect(r.survivesHolm, r.kpi).toBe(holm.survives[i]);
      // An interval excludes 0 exactly when its test rejects at 5%; the correction only removes survivors.
      if (Number.isFinite(r.pValue)) expect(r.excludesZero, r.kpi).toBe(r.pValue < 0.05);
      if (r.survivesHolm) expect(r.excludesZero, r.kpi).toBe(true);
    });
    expect(rows.some((r) => r.excludesZero && !r.survivesHolm) || rows.every((r) => r.survivesHolm === r.excludesZero)).toBe(true);
  });

  it("a scenario against itself has p = 1 everywhere, no survivor, and no size to detect", () => {
    for (const r of compareKpis(base, base)) {
      expect(r.pValue, r.kpi).toBe(1);
      expect(r.survivesHolm, r.kpi).toBe(false);
      expect(r.replicationsForPower, r.kpi).toBeNaN();
    }
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
    expect(html).toMatch(/Survives Holm \(adjusted p\)/);
    expect(html).toMatch(/Which interval, and why/);
    expect(html).toMatch(/Replications for 80% power \(have 3\)/);
    expect(html).toMatch(/paired by seed, 3 replications; \d+ of \d+ differences survive the Holm correction/);
    expect(csv[0]).toMatch(/,interval_read,why,paired_ci95_lo,paired_ci95_hi,correlation,p_value,holm_p,survives_holm,sd_per_replication,replications_for_80pct_power$/);
    for (const chart of ["kpi-forest", "subsidy-return", "compare-gmv", "compare-repurchase", "compare-merchants"]) {
      expect(html).toContain(`id="${chart}"`);
      expect(readFileSync(join(out, "charts", `${chart}.svg`), "utf8")).toMatch(/^<svg/);
    }
  });
});
