/**
 * Platform economics: the cumulative platform net (revenue less paid-out
 * subsidies and guarantee claims, the platform_net KPI day by day), its
 * break-even day, and the chart that shows them.
 */
import { afterAll, describe, expect, it } from "vitest";
import { platformEconomics } from "../../sim/report/charts/platform-economics.js";
import { breakEvenDay, cumulativeNetBands, cumulativeNetByRep } from "../../sim/report/platform-net.js";
import { readReport, type RunMeta, type TimeseriesRow } from "../../sim/report/read-report.js";
import { reportCharts } from "../../sim/report/report-charts.js";
import { isBuilt, realRun, removeTempDirs, renderStrictly, tempDir } from "./helpers.js";

const meta: RunMeta = {
  scenario: "net", description: "", reps: 2, seeds: [1, 2], horizonDays: 6, scaleFactor: 1, resolution: null,
  platform: { users: NaN, creators: NaN, merchants: NaN },
};

/** Six days of two replications: a programme costs more than revenue on days 0-1, then revenue wins. */
function rows(): TimeseriesRow[] {
  return [0, 1].flatMap((rep) =>
    [0, 1, 2, 3, 4, 5].map((day) => ({
      rep, seed: rep + 1, day,
      platform_revenue: 100 + rep, ad_revenue: 20,
      subsidy_consumer: day < 2 ? 150 : 0, subsidy_coupon: day < 2 ? 10 : 0, subsidy_campaign: 0, subsidy_service: 5,
      // fee relief is revenue not taken: it must not be subtracted
      subsidy_fee: 1000,
      guarantee_cost: 5,
    })),
  );
}

describe("platform net", () => {
  afterAll(removeTempDirs);

  it("is revenue less paid-out subsidies and guarantee claims, cumulated per replication; fee relief is not subtracted", () => {
    const byRep = cumulativeNetByRep(rows());
    // rep 0: days 0-1 100 - 150 - 10 - 5 - 5 = -70 each, then 100 - 5 - 5 = 90 each
    expect([...byRep.get(0)!.values()]).toEqual([-70, -140, -50, 40, 130, 220]);
    expect(byRep.get(1)!.get(5)).toBe(226);
  });

  it("the break-even day is the first from which the mean cumulative net stays at or above 0", () => {
    expect(breakEvenDay(cumulativeNetBands(rows()))).toBe(3);
    const at = (means: number[]) => means.map((mean, day) => ({ day, mean }));
    expect(breakEvenDay(at([-10, -20, -5, 10]))).toBe(3);
    expect(breakEvenDay(at([-1, 5, -1, 2, 3]))).toBe(3);
    expect(breakEvenDay(at([1, 2, 3]))).toBe(0);
    expect(breakEvenDay(at([-1, 2, -3]))).toBeNull();
  });

  it("the chart marks the break-even day, draws a grey zero rule outside the legend, and renders cleanly", async () => {
    const spec = platformEconomics({ rows: rows(), binDays: 1 }, meta);
    const json = JSON.stringify(spec);
    expect(json).toContain("break-even, day 3");
    const net = (spec as unknown as { vconcat: { layer: { mark: { type: string; color?: string }; encoding: Record<string, unknown> }[] }[] }).vconcat[1];
    const zero = net.layer.find((l) => l.mark.type === "rule" && "y" in l.encoding)!;
    expect(zero.mark.color).toBe("#999");
    expect(zero.encoding.color).toBeUndefined();
    expect((spec as { title: { subtitle: string[] } }).title.subtitle.join(" ")).toMatch(/break-even on day 3/);
    const { messages } = await renderStrictly(spec);
    expect(messages).toEqual([]);
  });

  it.runIf(isBuilt())("on a real run the chart is drawn and its net at the end is the platform_net KPI", () => {
    const report = readReport(realRun(tempDir("platform-net"), "baseline"));
    expect(reportCharts(report).map((c) => c.name)).toContain("platform-economics");
    const end = cumulativeNetBands(report.timeseries).at(-1)!;
    const kpi = report.summary.kpis.platform_net.mean;
    expect(Math.abs(end.mean - kpi) / Math.abs(kpi)).toBeLessThan(1e-4);
  });
});
