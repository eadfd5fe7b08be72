/**
 * Vega-Lite spec → Vega → static SVG and PNG, headless: vega's View with the
 * 'none' renderer lays the scene out and serialises it, resvg rasterises it.
 * Nothing here decides what a chart shows (charts/) or where files go (build-report).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

export interface RenderedChart {
  name: string;
  /** The Vega-Lite spec as written to charts/<name>.vl.json (pretty, trailing newline). */
  vlJson: string;
  svg: string;
  png: Buffer;
  /** Warnings and errors vega-lite and vega logged while compiling and rendering; a clean chart has none. */
  warnings: string[];
}

/** PNG pixels per SVG pixel: sharp on high-density screens and in slides. */
const PNG_ZOOM = 2;

/**
 * Text widths without a canvas. Vega then estimates 0.8 em a character, far
 * wider than DejaVu Sans, the font the PNGs are drawn in (about 0.5 em a
 * character in running text, 0.6 em bold), so a long title, subtitle or
 * legend title made a chart's bounds, and its PNG, much wider than the plot
 * (a sweep heatmap came out 2,100 to 3,360 px wide with the plot in its left
 * half or third). Estimated here instead, with a tenth to spare, for every
 * chart. (Vega calls this while it truncates text too, so it must not call
 * back into vega's own estimate.)
 */
type TextItem = { fontSize?: number; fontWeight?: string | number; text?: unknown };
// textMetrics is exported by vega at run time but not in its typings
const textMetrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
/**
 * Chinese characters, CJK punctuation and full-width forms (，：（）) are about
 * 1 em wide in any CJK font: at DejaVu's 0.56 em a Chinese title would be clipped.
 */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/g;
const CJK_EM = 1.0;
textMetrics.width = (item, text) => {
  const line = String(text ?? item.text ?? "");
  const size = item.fontSize ?? 11; // vega's default font size
  const isBold = item.fontWeight === "bold" || (typeof item.fontWeight === "number" && item.fontWeight >= 600);
  const cjk = line.match(CJK)?.length ?? 0;
  return Math.ceil((line.length - cjk) * size * (isBold ? 0.66 : 0.56) + cjk * size * CJK_EM);
};

export async function renderChart(name: string, spec: TopLevelSpec): Promise<RenderedChart> {
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (_method, level, args) => {
    warnings.push(`${level} ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ")}`);
  });
  const vgSpec = compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none", logger });
  try {
    // Clip-path and gradient ids come from module-level counters: reset them so a
    // chart's SVG does not depend on what was rendered before it in this process.
    vega.resetSVGDefIds();
    const svg = uniqueDefIds(await view.toSVG(), name);
    return { name, vlJson: `${JSON.stringify(spec, null, 2)}\n`, svg, png: svgToPng(svg), warnings };
  } finally {
    view.finalize();
  }
}

/**
 * Prefix the SVG's clip-path and gradient ids with the chart name: the page
 * inlines every chart into one document, where ids must be unique.
 */
export function uniqueDefIds(svg: string, name: string): string {
  const prefix = name.replace(/[^A-Za-z0-9_-]/g, "_");
  return svg
    .replace(/id="((?:clip|gradient_|p_gradient_)\d+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#((?:clip|gradient_|p_gradient_)\d+)\)/g, `url(#${prefix}-$1)`);
}

/**
 * Rasterise with the machine's fonts. Without any font resvg draws no text but
 * does not fail, so a PNG is always written; the SVG keeps the text regardless.
 */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: PNG_ZOOM },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}

/** Writes charts/<name>.vl.json, .svg and .png into `chartsDir`. */
export function writeRenderedChart(chartsDir: string, chart: RenderedChart): void {
  mkdirSync(chartsDir, { recursive: true });
  writeFileSync(join(chartsDir, `${chart.name}.vl.json`), chart.vlJson);
  writeFileSync(join(chartsDir, `${chart.name}.svg`), chart.svg);
  writeFileSync(join(chartsDir, `${chart.name}.png`), chart.png);
}
