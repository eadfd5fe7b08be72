import type { TopLevelSpec } from "vega-lite";
import { configFor, SCHEMA } from "../../charts/common.js";
import { t, type Lang } from "../../../i18n/index.js";
import type { SweepAnalysis } from "../analyse.js";
import { field, finite, kpiAxis, kpiLabel, kpiLegend, kpiText, parameterLabeller, sweepNote } from "./common.js";

/**
 * A KPI's mean over two parameters. On a grid one cell per pair of levels
 * (averaged over any further parameters), labelled with its value, the best
 * cell outlined; for sampled designs the points are binned on both axes.
 */
export function kpiHeatmap(a: SweepAnalysis, kpi: string, xPath: string, yPath: string, lang: Lang = "en"): TopLevelSpec {
  const label = parameterLabeller(a, lang);
  const isGrid = a.plan.spec.design.type === "grid";
  const rows = a.points.filter((s) => Number.isFinite(s.kpis[kpi]?.mean));
  let values: Record<string, unknown>[];
  if (isGrid) {
    const cells = new Map<string, { x: unknown; y: unknown; sum: number; n: number }>();
    for (const s of rows) {
      const k = JSON.stringify([s.point.values[xPath], s.point.values[yPath]]);
      const c = cells.get(k) ?? { x: s.point.values[xPath], y: s.point.values[yPath], sum: 0, n: 0 };
      c.sum += s.kpis[kpi].mean;
      c.n++;
      cells.set(k, c);
    }
    const list = [...cells.values()].map((c) => ({ x: c.x, y: c.y, mean: finite(c.sum / c.n), meanText: kpiText(kpi, c.sum / c.n, lang) }));
    const best = Math.max(...list.map((c) => c.mean ?? -Infinity));
    values = list.map((c) => ({ ...c, isBest: c.mean === best }));
  } else {
    values = rows.map((s) => ({ x: s.point.values[xPath], y: s.point.values[yPath], mean: finite(s.kpis[kpi].mean), isBest: false }));
  }
  const color = { field: "mean", type: "quantitative" as const, aggregate: isGrid ? undefined : ("mean" as const), title: kpiAxis(kpi, lang).title, scale: { scheme: "viridis" }, legend: { orient: "right" as const, direction: "vertical" as const, ...kpiLegend(kpi, lang), titleLimit: 200 } };
  const x = isGrid ? { field: "x", type: "ordinal" as const, title: label(xPath), sort: "ascending" as const } : { field: "x", type: "quantitative" as const, bin: { maxbins: 8 }, title: label(xPath) };
  const y = isGrid ? { field: "y", type: "ordinal" as const, title: label(yPath), sort: "descending" as const } : { field: "y", type: "quantitative" as const, bin: { maxbins: 8 }, title: label(yPath) };
  const layers: unknown[] = [
    { mark: { type: "rect" }, encoding: { x, y, color, tooltip: [{ field: "x", title: xPath }, { field: "y", title: yPath }, isGrid ? { field: "meanText", title: t(lang, "sweep.tooltip.mean") } : { field: "mean", title: t(lang, "sweep.tooltip.mean"), format: ",.3~r", aggregate: "mean" }] } },
  ];
  if (isGrid) {
    layers.push({ mark: { type: "rect", fill: null, stroke: "#e4572e", strokeWidth: 3 }, transform: [{ filter: "datum.isBest" }], encoding: { x, y } });
    layers.push({ mark: { type: "text", fontSize: 10 }, encoding: { x, y, text: { field: "meanText", type: "nominal" }, color: { value: "white" } } });
  }
  return {
    $schema: SCHEMA,
    // two lines, so a long KPI name and two parameter paths do not widen the image past the plot
    title: { text: [kpiLabel(kpi, lang), t(lang, "heatmap.over", { x: xPath, y: yPath })], subtitle: [sweepNote(a, lang), t(lang, isGrid ? "heatmap.grid" : "heatmap.bins")] },
    width: 480,
    height: 360,
    data: { values },
    layer: layers,
    config: configFor(lang),
  } as TopLevelSpec;
}

export function heatmapName(kpi: string, xPath: string, yPath: string): string {
  return `heatmap-${kpi}-${field(xPath)}-${field(yPath)}`;
}
