/**
 * The report pages of one scenario's folder, from its tables alone:
 * readReport → reportCharts → renderChart (each) → reportPage → replace in place.
 * `sim run` calls writeReportPages at the end of a run; `sim report DIR` calls it
 * to rebuild. Everything is computed in memory before the first file is
 * touched, and charts/ and index.html are swapped in by rename, so a failed or
 * interrupted rebuild leaves the previous report as it was.
 */
import { join } from "node:path";
import { readReport } from "./read-report.js";
import { renderChart, writeRenderedChart, type RenderedChart } from "./render.js";
import { reportCharts } from "./report-charts.js";
import { reportPage } from "./page.js";
import { replaceFile, replaceFolder } from "../io/files.js";
import { isLang, type Lang } from "../i18n/index.js";

export interface ReportPagesOptions {
  /** Called with each warning vega logged while rendering (a clean report has none). */
  onWarning?: (message: string) => void;
  /** The language of the page and charts; default: the one the folder's manifest records, else English. */
  lang?: Lang;
}

/** Reads the tables in `dir` and writes `dir/charts/` and `dir/index.html`. Throws NotAReportError for a folder that is not a report. */
export async function writeReportPages(dir: string, options: ReportPagesOptions = {}): Promise<void> {
  const report = readReport(dir);
  const lang = options.lang ?? (isLang(report.manifest.lang) ? report.manifest.lang : "en");
  const charts = reportCharts(report, lang);
  const rendered: RenderedChart[] = [];
  for (const chart of charts) rendered.push(await renderChart(chart.name, chart.spec));
  for (const r of rendered) for (const w of r.warnings) options.onWarning?.(`${r.name}: ${w}`);
  const html = reportPage(report, charts, new Map(rendered.map((r) => [r.name, r.svg])), lang);
  replaceFolder(dir, "charts", (tmp) => rendered.forEach((r) => writeRenderedChart(tmp, r)));
  replaceFile(join(dir, "index.html"), html);
}
