/**
 * The return-on-subsidy chart: the ratio carries its 95% interval over
 * replication pairs (compare-series.ts, delta method), the zero reference is a
 * plain grey rule outside any legend, and the chart is drawn only when some
 * scenario's money subsidy differs from the baseline's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subsidyReturn } from "../../sim/report/charts/subsidy-return.js";
import { compareReports } from "../../sim/report/compare.js";
import { cumulativeDifferences, moneySubsidyDiffers } from "../../sim/report/compare-series.js";
import { readReport, type ReportData } from "../../sim/report/read-report.js";
import { comparisonCharts, distinctRuns } from "../../sim/report/write-comparison.js";
import { pairedRatioInterval } from "../../sim/stats/ratio-interval.js";
import { makeReportFixture } from "../fixtures/make-report-fixture.js";
import { removeTempDirs, renderStrictly, tempDir } from "./helpers.js";

const MONEY = ["subsidy_consumer", "subsidy_coupon", "subsidy_fee", "subsidy_campaign", "subsidy_service"];

/** Per replication, the run total of the columns. */
function totals(r: ReportData, cols: string[]): number[] {
  const reps = [...new Set(r.timeseries.map((row) => row.rep))].sort((a, b) => a - b);
  return reps.map((rep) => r.timeseries.filter((row) => row.rep === rep).reduce((s, row) => s + cols.reduce((t, c) => t + row[c], 0), 0));
}

function chartNames(runs: ReportData[]): string[] {
  const named = distinctRuns(runs);
  return comparisonCharts(named, compareReports(named[0], named.slice(1))).map((c) => c.name);
}

describe("return on the subsidy", () => {
  afterAll(removeTempDirs);
  let base: ReportData, subsidised: ReportData, liftedOnly: ReportData;
  beforeAll(() => {
    const dir = tempDir("subsidy-return");
    base = readReport(makeReportFixture(dir, { name: "baseline" }));
    subsidised = readReport(makeReportFixture(dir, { name: "subsidised", gmvLift: 0.05, subsidyRate: 0.01 }));
    liftedOnly = readReport(makeReportFixture(dir, { name: "lifted", gmvLift: 0.05 }));
  });

  it("the ratio's interval at the end is the delta-method interval of the paired run totals", () => {
    const points = cumulativeDifferences(base, subsidised, true);
    const last = points[points.length - 1];
    const dGmv = totals(subsidised, ["gmv"]).map((x, i) => x - totals(base, ["gmv"])[i]);
    const dSub = totals(subsidised, MONEY).map((x, i) => x - totals(base, MONEY)[i]);
    const expected = pairedRatioInterval(dGmv, dSub);
    expect(last.ratio).not.toBeNull();
    expect(last.ratioLo!).toBeCloseTo(expected.ci95[0], 2);
    expect(last.ratioHi!).toBeCloseTo(expected.ci95[1], 2);
    expect(last.ratioLo!).toBeLessThanOrEqual(last.ratio!);
    expect(last.ratioHi!).toBeGreaterThanOrEqual(last.ratio!);
    // no ratio, no interval
    for (const p of points.filter((q) => q.ratio === null)) expect([p.ratioLo, p.ratioHi]).toEqual([null, null]);
  });

  it("the ratio panel has a band, and its zero reference is a plain grey rule with no colour or dash", async () => {
    const points = cumulativeDifferences(base, subsidised, true);
    const spec = subsidyReturn(points, ["subsidised"], "baseline", []);
    const ratioPanel = (spec as unknown as { vconcat: { layer: { mark: { type: string; strokeDash?: number[]; color?: string }; encoding: Record<string, { field?: string }> }[] }[] }).vconcat[1];
    const band = ratioPanel.layer.find((l) => l.mark.type === "area")!;
    expect([band.encoding.y.field, band.encoding.y2.field]).toEqual(["lo", "hi"]);
    const zero = ratioPanel.layer.find((l) => l.mark.type === "rule")!;
    expect(zero.mark.strokeDash).toBeUndefined();
    expect(zero.mark.color).toBe("#999");
    expect(zero.encoding.color).toBeUndefined();
    expect((spec as { title: { subtitle: string[] } }).title.subtitle.join(" ")).toMatch(/per extra RMB \[95%: /);
    expect((await renderStrictly(spec)).messages).toEqual([]);
  });

  it("is drawn only when some scenario's money subsidy differs from the baseline's", () => {
    expect(moneySubsidyDiffers(base, subsidised, cumulativeDifferences(base, subsidised, true))).toBe(true);
    // the fixture's coupons and fees follow GMV: more GMV spends more of them, but the levers are the baseline's
    const lifted = cumulativeDifferences(base, liftedOnly, true);
    expect(lifted.at(-1)!.subsidyLo).toBeGreaterThan(0);
    expect(moneySubsidyDiffers(base, liftedOnly, lifted)).toBe(false);
    // a folder without a scenario in its manifest is judged by the spending alone
    const bare = (r: ReportData): ReportData => ({ ...r, manifest: { ...r.manifest, scenario: undefined } });
    expect(moneySubsidyDiffers(bare(base), bare(liftedOnly), lifted)).toBe(true);
    expect(moneySubsidyDiffers(bare(base), bare(base), cumulativeDifferences(base, base, true))).toBe(false);
    expect(chartNames([base, subsidised])).toContain("subsidy-return");
    expect(chartNames([base, liftedOnly, subsidised])).toContain("subsidy-return");
    expect(chartNames([base, liftedOnly])).not.toContain("subsidy-return");
    expect(chartNames([base, base])).not.toContain("subsidy-return");
  });
});
