/**
 * Which charts a sweep's page shows, from its design: for each KPI of
 * interest, the KPI against each parameter, a heatmap over the first two
 * parameters, the Morris plane (Morris designs), the Sobol indices (Sobol
 * designs, for KPIs that vary) and a tornado of effects.
 */
import type { TopLevelSpec } from "vega-lite";
import type { SweepAnalysis } from "./analyse.js";
import { heatmapName, kpiHeatmap } from "./charts/heatmap.js";
import { kpiLabel } from "./charts/common.js";
import { kpiVsParameter, kpiVsParameterName } from "./charts/kpi-vs-parameter.js";
import { morrisPlane } from "./charts/morris-plane.js";
import { sobolIndicesChart } from "./charts/sobol-indices.js";
import { hasSobolIndices, sobolAnalysis } from "./effects.js";
import { tornado } from "./charts/tornado.js";
import { t, type Lang } from "../../i18n/index.js";

export interface SweepChart {
  name: string;
  caption: string;
  spec: TopLevelSpec;
}

/** Line charts per KPI are capped: a sweep over many parameters shows the first ones; the tables have all. */
const MAX_LINE_PARAMS = 4;

export function sweepCharts(a: SweepAnalysis, lang: Lang = "en"): SweepChart[] {
  const charts: SweepChart[] = [];
  const params = a.plan.spec.parameters;
  const numeric = params.filter((p) => a.points.every((s) => typeof s.point.values[p.path] === "number"));
  for (const kpi of a.plan.spec.kpis) {
    if (!a.points.some((s) => Number.isFinite(s.kpis[kpi]?.mean))) continue;
    const label = kpiLabel(kpi, lang);
    if (a.plan.spec.design.type === "morris") {
      charts.push({ name: `morris-${kpi}`, caption: t(lang, "sweep.caption.morris", { label }), spec: morrisPlane(a, kpi, lang) });
    }
    if (a.plan.spec.design.type === "sobol" && hasSobolIndices(sobolAnalysis(a, kpi))) {
      charts.push({ name: `sobol-${kpi}`, caption: t(lang, "sweep.caption.sobol", { label }), spec: sobolIndicesChart(a, kpi, lang) });
    }
    if (numeric.length > 0 && a.points.length > 1) {
      charts.push({ name: `tornado-${kpi}`, caption: t(lang, "sweep.caption.tornado", { label }), spec: tornado(a, kpi, lang) });
    }
    if (params.length >= 2 && a.plan.spec.design.type !== "morris") {
      const [x, y] = params;
      charts.push({ name: heatmapName(kpi, x.path, y.path), caption: t(lang, "sweep.caption.heatmap", { label, x: x.path, y: y.path }), spec: kpiHeatmap(a, kpi, x.path, y.path, lang) });
    }
    for (const p of params.slice(0, MAX_LINE_PARAMS)) {
      charts.push({ name: kpiVsParameterName(kpi, p.path), caption: t(lang, "sweep.caption.line", { label, path: p.path }), spec: kpiVsParameter(a, kpi, p.path, lang) });
    }
  }
  return charts;
}
