/**
 * Programme windows and intervention days: computed from the resolved
 * scenario (report/programme-windows.ts) and drawn on every time chart of a
 * report and of a comparison (charts/programme.ts), and on none of a baseline.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { withProgramme } from "../../sim/report/charts/programme.js";
import { compareReports } from "../../sim/report/compare.js";
import { programmeSchedule, scheduleOf, unionSchedule } from "../../sim/report/programme-windows.js";
import { readReport, type ReportData } from "../../sim/report/read-report.js";
import { reportCharts } from "../../sim/report/report-charts.js";
import { comparisonCharts, distinctRuns } from "../../sim/report/write-comparison.js";
import { ScenarioSchema } from "../../sim/scenario/schema.js";
import { makeReportFixture } from "../fixtures/make-report-fixture.js";
import { removeTempDirs, renderStrictly, tempDir } from "./helpers.js";

const scenario = (input: object) => ScenarioSchema.parse(input);
const subsidy = { rate: 0.12, totalBudgetRmb: 4e9, startDay: 60, endDay: 240 };

describe("programme windows from the resolved scenario", () => {
  it("a lever that acts is a window from startDay to endDay (inclusive), one that does not is none", () => {
    const s = scheduleOf(scenario({ horizonDays: 300, levers: { consumerSubsidy: subsidy } }));
    expect(s.windows).toEqual([{ label: "consumer subsidy", from: 60, to: 241 }]);
    expect(s.interventions).toEqual([]);
    // a rate without a budget pays nothing (model/platform.ts): no window
    expect(scheduleOf(scenario({ horizonDays: 300, levers: { consumerSubsidy: { ...subsidy, totalBudgetRmb: 0 } } })).windows).toEqual([]);
    expect(scheduleOf(scenario({ horizonDays: 300 })).windows).toEqual([]);
  });

  it("the default endDay (no end) is clipped to the horizon, and so is a window past it", () => {
    const s = scheduleOf(scenario({ horizonDays: 200, levers: { coupons: { valueRmb: 10, totalBudgetRmb: 1e9 }, consumerSubsidy: subsidy } }));
    expect(s.windows).toEqual([
      { label: "coupons", from: 0, to: 200 },
      { label: "consumer subsidy", from: 60, to: 200 },
    ]);
  });

  it("campaigns are windows under their names; interventions are rules on the days they apply and end", () => {
    const s = scheduleOf(scenario({
      horizonDays: 300,
      levers: { campaigns: [{ name: "mid-year", startDay: 150, days: 10 }], coupons: { totalBudgetRmb: 1e9 } },
      interventions: [{ at: 70, until: 161, set: { "levers.coupons.valueRmb": 10 }, note: "coupons" }],
    }));
    expect(s.windows).toEqual([
      // switched on by the intervention: on from its day to its until
      { label: "coupons", from: 70, to: 161 },
      { label: "mid-year", from: 150, to: 160 },
    ]);
    expect(s.interventions.map((m) => m.day)).toEqual([70, 161]);
    expect(s.interventions[0].notes[0].what).toMatch(/coupons/);
  });

  it("a manifest without a scenario, or one this version cannot read, has no programme", () => {
    expect(programmeSchedule(undefined, 100)).toEqual({ windows: [], interventions: [] });
    expect(programmeSchedule({ levers: { nope: 1 } }, 100)).toEqual({ windows: [], interventions: [] });
  });

  it("the union of several runs' programmes keeps each window once", () => {
    const a = scheduleOf(scenario({ horizonDays: 300, levers: { consumerSubsidy: subsidy } }));
    const x = { n: 1, ends: false, what: "x" };
    expect(unionSchedule([a, a, { windows: [], interventions: [{ day: 5, notes: [x] }] }])).toEqual({ windows: a.windows, interventions: [{ day: 5, notes: [x] }] });
  });
});

/** Every unit panel of a spec (layers' parents and unit specs), walking concatenations. */
function panels(spec: object): Record<string, unknown>[] {
  const node = spec as Record<string, unknown>;
  for (const key of ["vconcat", "hconcat", "concat"]) if (Array.isArray(node[key])) return (node[key] as object[]).flatMap(panels);
  return [node];
}

function hasDayAxis(panel: Record<string, unknown>): boolean {
  const xs = [panel, ...((panel.layer as Record<string, unknown>[]) ?? [])].map((n) => (n.encoding as { x?: { field?: string; type?: string } } | undefined)?.x);
  return xs.some((x) => x?.type === "quantitative" && (x.field === "day" || x.field === "mid"));
}

/** The programme rects of a panel: [from, to] of each. */
function windowRects(panel: Record<string, unknown>): number[][] {
  const layers = (panel.layer as { mark?: { type?: string }; data?: { values?: { from: number; to: number }[] } }[]) ?? [];
  return layers.filter((l) => l.mark?.type === "rect").flatMap((l) => (l.data?.values ?? []).map((v) => [v.from, v.to]));
}

describe("programme marks on the charts", () => {
  afterAll(removeTempDirs);
  let base: ReportData;
  let programme: ReportData;
  beforeAll(() => {
    const dir = tempDir("programme");
    base = readReport(makeReportFixture(dir, { name: "baseline", days: 120 }));
    const withSubsidy = readReport(makeReportFixture(dir, { name: "subsidy", days: 120, gmvLift: 0.05, subsidyRate: 0.02 }));
    // the fixture's manifest states a rate; a budget and a window make the lever act on days 30-79
    const resolved = withSubsidy.manifest.scenario as { levers: Record<string, object> };
    programme = {
      ...withSubsidy,
      manifest: {
        ...withSubsidy.manifest,
        scenario: { ...resolved, levers: { consumerSubsidy: { rate: 0.02, totalBudgetRmb: 1e9, startDay: 30, endDay: 79 } }, interventions: [{ at: 50, set: { "levers.takeRate": 0.04 } }] },
      },
    };
  });

  it("every panel with a day axis of a programme's report has the window as a rect behind its data, and a rule on the intervention day", () => {
    const timeCharts: string[] = [];
    for (const c of reportCharts(programme)) {
      const dayPanels = panels(c.spec).filter(hasDayAxis);
      if (dayPanels.length === 0) continue;
      timeCharts.push(c.name);
      for (const p of dayPanels) {
        expect(windowRects(p), c.name).toEqual([[30, 80]]);
        const layers = p.layer as { mark: { type: string }; data?: { values: { day?: number }[] } }[];
        expect(layers[0].mark.type, c.name).toBe("rect");
        expect(layers.some((l) => l.mark.type === "rule" && l.data?.values[0]?.day === 50), c.name).toBe(true);
        // the band's name at the top, on panels wide enough for it
        if (typeof p.width === "number" && p.width >= 300) {
          const names = layers.filter((l) => l.mark.type === "text").flatMap((l) => (l.data?.values ?? []) as { programme?: string }[]);
          expect(names.map((v) => v.programme), c.name).toContain("consumer subsidy");
        }
      }
      expect((c.spec as { title: { subtitle: string[] } }).title.subtitle.at(-1), c.name).toMatch(/consumer subsidy days 30–79/);
    }
    expect(timeCharts).toEqual(expect.arrayContaining(["gmv-daily", "gmv-by-channel", "merchant-growth", "repurchase", "trust-nps", "subsidy-vs-gmv"]));
  });

  it("a baseline without a programme gets no marks", () => {
    for (const c of reportCharts(base)) for (const p of panels(c.spec)) expect(windowRects(p), c.name).toEqual([]);
  });

  it("the comparison's time charts carry the windows of the compared scenario", () => {
    const runs = distinctRuns([base, programme]);
    const charts = comparisonCharts(runs, compareReports(runs[0], runs.slice(1)));
    for (const name of ["compare-gmv", "compare-repurchase", "compare-merchants", "subsidy-return"]) {
      const c = charts.find((x) => x.name === name);
      expect(c, name).toBeDefined();
      if (!c) continue;
      const dayPanels = panels(c.spec).filter(hasDayAxis);
      expect(dayPanels.length, name).toBeGreaterThan(0);
      for (const p of dayPanels) expect(windowRects(p), name).toEqual([[30, 80]]);
    }
    const forest = charts.find((x) => x.name === "kpi-forest")!;
    expect(panels(forest.spec).flatMap(windowRects)).toEqual([]);
  });

  it("marked charts render without warnings, and the marks add no legend entry", async () => {
    const runs = distinctRuns([base, programme]);
    const compared = comparisonCharts(runs, compareReports(runs[0], runs.slice(1)));
    for (const c of [...reportCharts(programme), ...compared]) {
      const { messages, svg } = await renderStrictly(c.spec);
      expect(messages, c.name).toEqual([]);
      expect(svg, c.name).not.toMatch(/undefined/);
    }
  });

  it("a spec without a day axis is returned as it is", () => {
    const spec = { mark: "bar", encoding: { x: { field: "tier", type: "ordinal" } } } as unknown as TopLevelSpec;
    expect(withProgramme(spec, { windows: [{ label: "x", from: 1, to: 2 }], interventions: [] })).toBe(spec);
  });
});
