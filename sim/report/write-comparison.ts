/**
 * `sim compare`'s library side: read the report folders, compare each with the
 * baseline, draw the overlays, write comparison.csv, comparison.json, charts/
 * and index.html into the output folder (charts swapped in by rename, as for a
 * report). An earlier comparison in that folder is replaced only when asked
 * (force): the default folder name depends only on the scenario names, so a
 * comparison of newer runs would otherwise silently erase the one a reader
 * already cited.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { compareOverlay, compareOverlayPanels, DEMAND_OVERLAYS, OVERLAYS, type OverlayRun } from "./charts/compare-overlay.js";
import { compareNote } from "./charts/common.js";
import { ORDER_SOURCE_COLUMNS } from "./charts/demand-sources.js";
import { kpiForest } from "./charts/kpi-forest.js";
import { subsidyReturn } from "./charts/subsidy-return.js";
import { ALPHA, compareReports, comparisonCsv, POWER, type Comparison } from "./compare.js";
import { comparePage } from "./compare-page.js";
import { cumulativeDifferences, moneySubsidyDiffers } from "./compare-series.js";
import { withProgramme } from "./charts/programme.js";
import { programmeSchedule, unionSchedule } from "./programme-windows.js";
import type { ReportData } from "./read-report.js";
import { renderChart, writeRenderedChart, type RenderedChart } from "./render.js";
import type { ChartEntry } from "./report-charts.js";
import { replaceFile, replaceFolder } from "../io/files.js";
import { resolutionSentence } from "./resolution-note.js";
import { dailySeries, hasColumns } from "./series.js";
import { t, type Lang } from "../i18n/index.js";

/** The output folder holds something `sim compare` will not replace without being told to. */
export class ComparisonExistsError extends Error {
  constructor(readonly outDir: string, message: string) {
    super(message);
    this.name = "ComparisonExistsError";
  }
}

export interface ComparisonOptions {
  /** Replace an earlier comparison in the output folder. */
  force?: boolean;
  /** The language of the page and charts (comparison.csv and comparison.json stay English). */
  lang?: Lang;
}

/**
 * Throws ComparisonExistsError unless `outDir` is new, empty, or (with force)
 * an earlier comparison. A folder holding anything else (a run's report, say)
 * is never written into: its index.html and charts/ would be replaced.
 */
export function assertCanWriteComparison(outDir: string, force = false): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) throw new ComparisonExistsError(outDir, `${outDir} exists and is not a folder; choose another --out`);
  const entries = readdirSync(outDir);
  if (entries.length === 0) return;
  if (!entries.includes("comparison.json")) {
    throw new ComparisonExistsError(outDir, `${outDir} is not empty and holds no earlier comparison (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}); choose another --out`);
  }
  if (!force) {
    throw new ComparisonExistsError(outDir, `${outDir} already holds a comparison; pass --force to replace it, or choose another --out`);
  }
}

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

/**
 * The charts of a comparison page, in page order; `runs[0]` is the baseline and
 * names are distinct. Orders by source are compared only when every run has
 * them (a folder written before the model reported them has not).
 */
export function comparisonCharts(runs: readonly ReportData[], comparison: Comparison, lang: Lang = "en"): ChartEntry[] {
  const [baseline, ...others] = runs;
  const isPaired = comparison.pairings.every((p) => p.isPaired);
  const note = compareNote(runs.map((r) => r.meta), isPaired, lang);
  const overlayRuns: OverlayRun[] = runs.map((r) => ({ meta: r.meta, series: dailySeries(r.timeseries, r.meta.horizonDays) }));
  const returnsByScenario = others.map((o, i) => cumulativeDifferences(baseline, o, comparison.pairings[i].isPaired));
  const returns = returnsByScenario.flat();
  const charts: ChartEntry[] = [
    { name: "kpi-forest", caption: t(lang, "caption.kpi-forest"), spec: kpiForest(comparison, note, lang) },
    // the return on the subsidy only where some scenario's money subsidy differs from the baseline's
    ...(others.some((o, i) => moneySubsidyDiffers(baseline, o, returnsByScenario[i]))
      ? [{ name: "subsidy-return", caption: t(lang, "caption.subsidy-return"), spec: subsidyReturn(returns, comparison.scenarios, comparison.baseline, note, lang) }]
      : []),
    { name: "compare-gmv", caption: t(lang, "caption.compare-gmv"), spec: compareOverlay(overlayRuns, OVERLAYS.gmv, isPaired, lang) },
    { name: "compare-repurchase", caption: t(lang, "caption.compare-repurchase"), spec: compareOverlay(overlayRuns, OVERLAYS.repurchase, isPaired, lang) },
    { name: "compare-merchants", caption: t(lang, "caption.compare-merchants"), spec: compareOverlay(overlayRuns, OVERLAYS.merchants, isPaired, lang) },
  ];
  if (runs.every((r) => hasColumns(r.timeseries, ORDER_SOURCE_COLUMNS))) {
    charts.push({
      name: "compare-demand",
      caption: t(lang, "caption.compare-demand"),
      spec: compareOverlayPanels(overlayRuns, DEMAND_OVERLAYS, t(lang, "overlay.demand.title"), isPaired, lang),
    });
  }
  // every scenario's programme on the shared day axes (the baseline usually has none)
  const schedule = unionSchedule(runs.map((r) => programmeSchedule(r.manifest.scenario, r.meta.horizonDays)));
  return charts.map((c) => ({ ...c, spec: withProgramme(c.spec, schedule, lang) }));
}

/**
 * `reports[0]` is the baseline. Throws NotComparableError for runs of different
 * platforms and ComparisonExistsError for an output folder it may not write, before any work.
 */
export async function writeComparison(reports: readonly ReportData[], outDir: string, options: ComparisonOptions = {}): Promise<ComparisonResult> {
  const absOut = resolve(outDir);
  const runs = distinctRuns(reports);
  const [baseline, ...others] = runs;
  const comparison = compareReports(baseline, others);
  assertCanWriteComparison(absOut, options.force);
  const lang = options.lang ?? "en";
  const charts = comparisonCharts(runs, comparison, lang);
  const rendered: RenderedChart[] = [];
  for (const c of charts) rendered.push(await renderChart(c.name, c.spec));
  const warnings = rendered.flatMap((r) => r.warnings.map((w) => `${r.name}: ${w}`));

  const hrefs = runs.map((r) => relative(absOut, join(resolve(r.dir), "index.html")).split("\\").join("/"));
  const html = comparePage(comparison, runs.map((report, i) => ({ report, href: hrefs[i] })), charts, new Map(rendered.map((r) => [r.name, r.svg])), lang);
  const json = {
    baseline: comparison.baseline,
    scenarios: comparison.scenarios,
    folders: runs.map((r, i) => ({
      scenario: r.meta.scenario, folder: relative(absOut, resolve(r.dir)) || ".", name: basename(r.dir), index: hrefs[i],
      platform: r.meta.platform, resolution: r.meta.resolution, resolutionText: resolutionSentence(r.meta),
    })),
    correction: { method: "Holm–Bonferroni over each scenario's KPIs", alpha: ALPHA },
    power: { alpha: ALPHA, power: POWER },
    pairings: comparison.pairings,
    rows: comparison.rows,
  };

  mkdirSync(absOut, { recursive: true });
  // comparison.json first: it marks the folder as a comparison, so one cut short can be replaced with --force.
  writeFileSync(join(absOut, "comparison.json"), `${JSON.stringify(json, null, 2)}\n`);
  replaceFolder(absOut, "charts", (tmp) => rendered.forEach((r) => writeRenderedChart(tmp, r)));
  writeFileSync(join(absOut, "comparison.csv"), comparisonCsv(comparison));
  replaceFile(join(absOut, "index.html"), html);
  return { outDir: absOut, comparison, warnings };
}
