/**
 * The page of a calibration folder, from its result alone:
 * calibrationCharts → renderChart (each) → calibrationPage → replace in place.
 * Writes charts/<name>.vl.json, .svg and .png and index.html, each file by a
 * temporary sibling renamed over it, so an interrupted write leaves the old
 * file whole; the folder's tables and calibration.json are left alone.
 */
import type { Lang } from "../../i18n/index.js";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { CalibrationResult } from "../../experiments/calibrate/spec.js";
import { renderChart, type RenderedChart } from "../render.js";
import { replaceFile } from "../../io/files.js";
import { CALIBRATION_CHART_NAMES, calibrationCharts } from "./charts.js";
import { calibrationPage } from "./page.js";

export interface CalibrationPageOptions {
  /** vega-lite's and vega's warnings while rendering, "<chart>: <message>"; a clean page has none */
  onWarning?: (message: string) => void;
  /** The language of the page and charts (calibration.json stays English); default English. */
  lang?: Lang;
}

const CHART_EXTENSIONS = [".vl.json", ".svg", ".png"] as const;

export async function writeCalibrationPage(dir: string, result: CalibrationResult, options: CalibrationPageOptions = {}): Promise<void> {
  const lang = options.lang ?? "en";
  const charts = calibrationCharts(result, lang);
  const rendered: RenderedChart[] = [];
  for (const chart of charts) rendered.push(await renderChart(chart.name, chart.spec));
  for (const r of rendered) for (const w of r.warnings) options.onWarning?.(`${r.name}: ${w}`);

  const chartsDir = join(dir, "charts");
  mkdirSync(chartsDir, { recursive: true });
  for (const r of rendered) {
    replaceFile(join(chartsDir, `${r.name}.vl.json`), r.vlJson);
    replaceFile(join(chartsDir, `${r.name}.svg`), r.svg);
    replaceFile(join(chartsDir, `${r.name}.png`), r.png);
  }
  // A chart an earlier page drew and this one does not (no held-out target now, say) would be stale.
  const drawn = new Set(rendered.map((r) => r.name));
  for (const name of CALIBRATION_CHART_NAMES) {
    if (drawn.has(name)) continue;
    for (const ext of CHART_EXTENSIONS) {
      const file = join(chartsDir, `${name}${ext}`);
      if (existsSync(file)) rmSync(file);
    }
  }
  replaceFile(join(dir, "index.html"), calibrationPage(result, charts, new Map(rendered.map((r) => [r.name, r.svg])), lang));
}
