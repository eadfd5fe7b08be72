/**
 * The analysis of a sweep folder, from its run log alone:
 * analyseSweep → tables (points, effects, morris or sobol, missing) → sweepCharts →
 * renderChart (each) → sweepPage → replace in place. `sim sweep` calls it at
 * the end, `sim merge` after joining, `sim report SWEEP_DIR` to rebuild.
 */
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { renderChart, writeRenderedChart, type RenderedChart } from "../render.js";
import { replaceFile, replaceFolder } from "../../io/files.js";
import { analyseSweep, type SweepAnalysis } from "./analyse.js";
import { sweepPage } from "./page.js";
import { sweepCharts } from "./sweep-charts.js";
import { effectsCsv, missingCsv, morrisCsv, pointsCsv, sobolCsv } from "./tables.js";
import { isLang, type Lang } from "../../i18n/index.js";

export interface SweepReportOptions {
  onWarning?: (message: string) => void;
  /** false: the tables only, no charts/ or index.html (they take most of the time) */
  hasCharts?: boolean;
  /** The language of the page and charts; default: the one sweep.json records, else English. */
  lang?: Lang;
}

export async function writeSweepReport(dir: string, options: SweepReportOptions = {}): Promise<SweepAnalysis> {
  const a = analyseSweep(dir);
  const lang = options.lang ?? (isLang(a.manifest.lang) ? a.manifest.lang : "en");
  const charts = options.hasCharts === false ? [] : sweepCharts(a, lang);
  const rendered: RenderedChart[] = [];
  for (const chart of charts) rendered.push(await renderChart(chart.name, chart.spec));
  for (const r of rendered) for (const w of r.warnings) options.onWarning?.(`${r.name}: ${w}`);

  const tables: string[] = ["runs.csv", "points.csv", "effects.csv"];
  replaceFile(join(dir, "points.csv"), pointsCsv(a));
  replaceFile(join(dir, "effects.csv"), effectsCsv(a));
  if (a.plan.spec.design.type === "morris") {
    replaceFile(join(dir, "morris.csv"), morrisCsv(a));
    tables.push("morris.csv");
  }
  if (a.plan.spec.design.type === "sobol") {
    replaceFile(join(dir, "sobol.csv"), sobolCsv(a));
    tables.push("sobol.csv");
  }
  if (a.missing.length > 0) {
    replaceFile(join(dir, "missing.csv"), missingCsv(a));
    tables.push("missing.csv");
  } else if (existsSync(join(dir, "missing.csv"))) {
    rmSync(join(dir, "missing.csv"));
  }
  tables.push("sweep.json");
  if (options.hasCharts === false) return a;
  replaceFolder(dir, "charts", (tmp) => rendered.forEach((r) => writeRenderedChart(tmp, r)));
  replaceFile(join(dir, "index.html"), sweepPage(a, charts, new Map(rendered.map((r) => [r.name, r.svg])), tables, lang));
  return a;
}
