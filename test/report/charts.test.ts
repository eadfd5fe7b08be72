/**
 * Every chart the project writes compiles with Vega-Lite and renders with Vega
 * headless without a single warning or error, on a synthetic report and on a
 * comparison of synthetic reports (paired and unpaired).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { compareReports } from "../../sim/report/compare.js";
import { readReport, type ReportData } from "../../sim/report/read-report.js";
import { renderChart } from "../../sim/report/render.js";
import { reportCharts } from "../../sim/report/report-charts.js";
import { comparisonCharts, distinctRuns } from "../../sim/report/write-comparison.js";
import { makeReportFixture } from "../fixtures/make-report-fixture.js";
import { isBuilt, realRun, renderStrictly, tempDir, removeTempDirs } from "./helpers.js";


function specsOf(reports: ReportData[]): [string, TopLevelSpec][] {
  const runs = distinctRuns(reports);
  const comparison = compareReports(runs[0], runs.slice(1));
  return [
    ...reportCharts(runs[0]).map((c) => [c.name, c.spec] as [string, TopLevelSpec]),
    ...comparisonCharts(runs, comparison).map((c) => [c.name, c.spec] as [string, TopLevelSpec]),
  ];
}

describe("charts", () => {
  afterAll(removeTempDirs);
  let reports: ReportData[];
  let longRun: ReportData;
  beforeAll(() => {
    const dir = tempDir("charts");
    reports = [
      readReport(makeReportFixture(dir, { name: "baseline" })),
      readReport(makeReportFixture(dir, { name: "subsidy", gmvLift: 0.05, subsidyRate: 0.02 })),
      readReport(makeReportFixture(dir, { name: "other-seeds", trustLift: 0.03, seeds: [7, 8, 9] })),
    ];
    // Past 400 days the daily charts switch to 7-day bins.
    longRun = readReport(makeReportFixture(dir, { name: "long", days: 420, reps: 2 }));
  });

  it("every spec compiles and renders without warnings or errors", async () => {
    const specs = [
      ...specsOf(reports),
      // A scenario against itself: no difference, no extra subsidy, no ratio to draw.
      ...specsOf([reports[0], reports[0]]).map(([n, s]) => [`self/${n}`, s] as [string, TopLevelSpec]),
      ...reportCharts(longRun).map((c) => [`long/${c.name}`, c.spec] as [string, TopLevelSpec]),
    ];
    expect(specs.length).toBeGreaterThanOrEqual(34);
    for (const [name, spec] of specs) {
      const { messages, svg } = await renderStrictly(spec);
      expect(messages, name).toEqual([]);
      expect(svg, name).toMatch(/<path|<rect|<line/);
    }
  });

  it.runIf(isBuilt())("the charts of a real run and of its comparison with itself render without warnings", async () => {
    const real = readReport(realRun(tempDir("charts-real"), "baseline"));
    const specs = specsOf([real, real]);
    for (const [name, spec] of specs) {
      const { messages, svg } = await renderStrictly(spec);
      expect(messages, name).toEqual([]);
      expect(svg, name).toMatch(/<path|<rect|<line/);
    }
  });

  it("every report chart carries a title with the scenario, replications and seeds", () => {
    for (const c of reportCharts(reports[0])) {
      const title = (c.spec as { title: { text: string; subtitle: string[] } }).title;
      expect(title.text.length, c.name).toBeGreaterThan(3);
      expect(title.subtitle[0], c.name).toMatch(/Scenario baseline · 3 replications · seeds 1–3/);
    }
  });

  it("data is inlined: a spec has no URL to fetch", () => {
    for (const [name, spec] of specsOf(reports)) expect(JSON.stringify(spec), name).not.toMatch(/"url"\s*:/);
  });

  it("renders the same SVG twice in one process (ids do not depend on what was drawn before)", async () => {
    const c = reportCharts(reports[0]).find((x) => x.name === "gmv-daily")!;
    const a = await renderChart(c.name, c.spec);
    await renderChart("other", reportCharts(reports[1])[2].spec);
    const b = await renderChart(c.name, c.spec);
    expect(b.svg).toBe(a.svg);
    expect(b.png.equals(a.png)).toBe(true);
    expect(a.png.subarray(1, 4).toString()).toBe("PNG");
  });
});
