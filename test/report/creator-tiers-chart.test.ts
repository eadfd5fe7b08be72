/**
 * The chart of creator tiers over time (charts/creator-tiers.ts): valid
 * Vega-Lite that renders without a warning on a folder with the creator
 * columns (daily and 7-day bins), with or without the flow and gain columns;
 * and left out, without a crash, for an older folder written before the model
 * reported creator tiers.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReport, type ReportData } from "../../sim/report/read-report.js";
import { reportCharts } from "../../sim/report/report-charts.js";
import { CREATOR_FLOW_COLUMNS, CREATOR_TIER_COLUMNS, FOLLOWER_GAIN_COLUMNS } from "../../sim/report/charts/creator-tiers.js";
import { makeReportFixture, type FixtureOptions } from "../fixtures/make-report-fixture.js";
import { removeTempDirs, renderStrictly, tempDir } from "./helpers.js";

/** Adds creator columns to a fixture's timeseries.csv: creators drift from the small tiers to the middle ones, a few enter and leave. */
function withCreatorColumns(dir: string, only: readonly string[]): string {
  const path = join(dir, "timeseries.csv");
  const [header, ...lines] = readFileSync(path, "utf8").trimEnd().split("\n");
  const names = header.split(",");
  const out = lines.map((line) => {
    const cells = line.split(",");
    const day = Number(cells[names.indexOf("day")]);
    const rep = Number(cells[names.indexOf("rep")]);
    const start = [700_000, 3_300_000, 1_900_000, 220_000, 0, 0];
    const values: Record<string, number> = {};
    CREATOR_TIER_COLUMNS.forEach((c, t) => {
      values[c] = Math.round(start[t] * (t < 2 ? 1 - 0.002 * day : 1 + 0.004 * day) + 1000 * rep);
    });
    FOLLOWER_GAIN_COLUMNS.forEach((c, t) => {
      values[c] = t < 4 ? Math.round((1 + t) * 2e6 * (1 + 0.1 * Math.sin(day + rep))) : 0;
    });
    values.creators_new = Math.round(12_000 * (1 + 0.2 * Math.sin(day)));
    values.creators_exited = day % 5 === 0 ? 3000 : 0;
    return [...cells, ...only.map((c) => values[c])].join(",");
  });
  writeFileSync(path, `${[`${header},${only.join(",")}`, ...out].join("\n")}\n`);
  return dir;
}

const ALL = [...CREATOR_TIER_COLUMNS, ...CREATOR_FLOW_COLUMNS, ...FOLLOWER_GAIN_COLUMNS];

describe("the creator tiers chart", () => {
  afterAll(removeTempDirs);
  let root: string;
  let fresh: ReportData;
  let longRun: ReportData;
  let tiersOnly: ReportData;
  let older: ReportData;
  const fixture = (options: FixtureOptions, only: readonly string[]) => withCreatorColumns(makeReportFixture(root, options), only);

  beforeAll(() => {
    root = tempDir("creator-tiers");
    fresh = readReport(fixture({ name: "fresh" }, ALL));
    longRun = readReport(fixture({ name: "long", days: 420, reps: 2 }, ALL));
    tiersOnly = readReport(fixture({ name: "tiers-only" }, CREATOR_TIER_COLUMNS));
    older = readReport(makeReportFixture(root, { name: "older" }));
  });

  it("is drawn for a folder with the tier columns, after the tier share of GMV, with three panels and the tiers' shares in the subtitle", async () => {
    const charts = reportCharts(fresh);
    const names = charts.map((c) => c.name);
    expect(names.indexOf("creator-tiers")).toBe(names.indexOf("tier-share") + 1);
    const c = charts.find((x) => x.name === "creator-tiers")!;
    const spec = c.spec as { title: { subtitle: string[] }; vconcat: unknown[] };
    expect(spec.vconcat).toHaveLength(3);
    expect(spec.title.subtitle.join("\n")).toMatch(/Creators on day 0: .*\(<10k \d/);
    for (const [name, report] of [["fresh", fresh], ["long", longRun], ["tiers-only", tiersOnly]] as const) {
      const chart = reportCharts(report).find((x) => x.name === "creator-tiers")!;
      const { messages, svg } = await renderStrictly(chart.spec);
      expect(messages, name).toEqual([]);
      expect(svg, name).toMatch(/<path|<rect|<line/);
    }
    expect((reportCharts(tiersOnly).find((x) => x.name === "creator-tiers")!.spec as { vconcat: unknown[] }).vconcat).toHaveLength(1);
  });

  it("is left out for an older folder without the tier columns, whose other charts still render", async () => {
    const charts = reportCharts(older);
    expect(charts.map((c) => c.name)).not.toContain("creator-tiers");
    for (const c of charts) {
      const { messages } = await renderStrictly(c.spec);
      expect(messages, c.name).toEqual([]);
    }
  });
});
