/**
 * The service providers' chart (report/charts/service-providers.ts): drawn
 * only for a run that had providers, left out for older folders without the
 * columns and for runs without providers, and rendered without a warning.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReport, type ReportData } from "../../sim/report/read-report.js";
import { reportCharts } from "../../sim/report/report-charts.js";
import { makeReportFixture } from "../fixtures/make-report-fixture.js";
import { removeTempDirs, renderStrictly, tempDir } from "./helpers.js";

/** The fixture (an older folder: no provider columns) with provider columns added, `capacity` slots on every day. */
function withProviders(report: ReportData, capacity: number): ReportData {
  const timeseries = report.timeseries.map((r) => ({
    ...r,
    providers_capacity: capacity,
    providers_clients: Math.min(capacity, 30_000 + 100 * r.day),
    providers_waiting: Math.max(0, 30_000 + 100 * r.day - capacity),
    providers_fees: 5 * Math.min(capacity, 30_000 + 100 * r.day),
  }));
  return { ...report, timeseries };
}

describe("service providers' chart", () => {
  afterAll(removeTempDirs);
  let report: ReportData;
  beforeAll(() => {
    report = readReport(makeReportFixture(tempDir("providers-chart"), { name: "providers" }));
  });

  const names = (r: ReportData) => reportCharts(r).map((c) => c.name);

  it("is left out of an older folder without the columns, and of a run without providers", () => {
    expect(names(report)).not.toContain("service-providers");
    expect(names(withProviders(report, 0))).not.toContain("service-providers");
  });

  it("is drawn, after merchant growth, for a run with providers, and renders without warnings", async () => {
    const charts = reportCharts(withProviders(report, 33_000));
    const at = charts.findIndex((c) => c.name === "service-providers");
    expect(at).toBe(charts.findIndex((c) => c.name === "merchant-growth") + 1);
    const { messages, svg } = await renderStrictly(charts[at].spec);
    expect(messages).toEqual([]);
    expect(svg).toMatch(/<path|<line/);
  });
});
