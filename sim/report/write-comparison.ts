/**
 * `sim compare`'s library side: read the report folders, compare each with the
 * baseline, draw the overlays, write comparison.csv, comparison.json, charts/
 * and index.html into the output folder (charts swapped in by rename, as for a report).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { compareOverlay, OVERLAYS, type OverlayRun } from "./charts/compare-overlay.js";
import { compareNote } from "./charts/common.js";
import { kpiForest } from "./charts/kpi-forest.js";
import { subsidyReturn } from "./charts/subsidy-return.js";
import { compareReports, comparisonCsv, type Comparison } from "./compare.js";
import { comparePage } from "./compare-page.js";
import { cumulativeDifferences } from "./compare-series.js";
import type { ReportData } from "./read-report.js";
import { renderChart, writeRenderedChart, type RenderedChart } from "./render.js";
import type { ChartEntry } from "./report-charts.js";
import { replaceFile, replaceFolder } from "./replace-in-place.js";
import { dailySeries } from "./series.js";

export interface ComparisonResult {
  outDir: string;
  comparison: Comparison;
  warnings: string[];
}

/**
 * Scenario names made unique for display: comparing a scenario with itself, or
 * two runs of one scenario, must still give each its own line and colour.
 */
export function distinctRuns(reports: readonly ReportData[]): ReportData[] {
  const seen = new Map<string, number>();
  return reports.map((r) => {
    const n = (seen.get(r.meta.scenario) ?? 0) + 1;
    seen.set(r.meta.scenario, n);
    return n === 1 ? r : { ...r, meta: { ...r.meta, scenario: `${r.meta.scenario} (${n})` } };
  });
}

/** reports/compare-<baseline>-vs-<other>-vs-..., the default output folder. */
export function defaultCompareOut(reports: readonly ReportData[]): string {
  const names = reports.map((r) => r.meta.scenario.replace(/[^\w.-]+/g, "_"));
  return join("reports", `compare-${names.join("-vs-")}`);
}

/** The charts of a comparison page, in page order; `runs[0]` is the baseline and names are distinct. */
export function comparisonCharts(runs: readonly ReportData[], comparison: Comparison): ChartEntry[] {
  const [baseline, ...others] = runs;
  const isPaired = comparison.pairings.every((p) => p.isPaired);
  const note = compareNote(runs.map((r) => r.meta), isPaired);
  const overlayRuns: OverlayRun[] = runs.map((r) => ({ meta: r.meta, series: dailySeries(r.timeseries, r.meta.horizonDays) }));
  const returns = others.flatMap((o, i) => cumulativeDifferences(baseline, o, comparison.pairings[i].isPaired));
  return [
    { name: "kpi-forest", caption: "Every KPI's change against the baseline, relative to the baseline's level, with its 95% interval.", spec: kpiForest(comparison, note) },
    { name: "subsidy-return", caption: "Cumulative extra GMV against cumulative extra money subsidy, and the GMV each extra RMB of subsidy bought so far.", spec: subsidyReturn(returns, comparison.scenarios, comparison.baseline, note) },
    { name: "compare-gmv", caption: "GMV per day of each scenario on shared axes.", spec: compareOverlay(overlayRuns, OVERLAYS.gmv, isPaired) },
    { name: "compare-repurchase", caption: "Share of orders that repeat a merchant, per day, in each scenario.", spec: compareOverlay(overlayRuns, OVERLAYS.repurchase, isPaired) },
    { name: "compare-merchants", caption: "Active merchants in each scenario.", spec: compareOverlay(overlayRuns, OVERLAYS.merchants, isPaired) },
  ];
}

/** `reports[0]` is the baseline. */
export async function writeComparison(reports: readonly ReportData[], outDir: string): Promise<ComparisonResult> {
  const runs = distinctRuns(reports);
  const [baseline, ...others] = runs;
  const comparison = compareReports(baseline, others);
  const charts = comparisonCharts(runs, comparison);
  const rendered: RenderedChart[] = [];
  for (const c of charts) rendered.push(await renderChart(c.name, c.spec));
  const warnings = rendered.flatMap((r) => r.warnings.map((w) => `${r.name}: ${w}`));

  const absOut = resolve(outDir);
  const hrefs = runs.map((r) => relative(absOut, join(resolve(r.dir), "index.html")).split("\\").join("/"));
  const html = comparePage(comparison, runs.map((report, i) => ({ report, href: hrefs[i] })), charts, new Map(rendered.map((r) => [r.name, r.svg])));
  const json = {
    baseline: comparison.baseline,
    scenarios: comparison.scenarios,
    folders: runs.map((r, i) => ({ scenario: r.meta.scenario, folder: relative(absOut, resolve(r.dir)) || ".", name: basename(r.dir), index: hrefs[i] })),
    pairings: comparison.pairings,
    rows: comparison.rows,
  };

  mkdirSync(absOut, { recursive: true });
  replaceFolder(absOut, "charts", (tmp) => rendered.forEach((r) => writeRenderedChart(tmp, r)));
  writeFileSync(join(absOut, "comparison.csv"), comparisonCsv(comparison));
  writeFileSync(join(absOut, "comparison.json"), `${JSON.stringify(json, null, 2)}\n`);
  replaceFile(join(absOut, "index.html"), html);
  return { outDir: absOut, comparison, warnings };
}
