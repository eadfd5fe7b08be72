import type { TopLevelSpec } from "vega-lite";
import { configFor, SCENARIO_COLORS, SCHEMA, WIDTH, HEIGHT } from "../../charts/common.js";
import { t, type Lang } from "../../../i18n/index.js";
import type { SweepAnalysis } from "../analyse.js";
import { field, finite, kpiAxis, kpiLabel, kpiText, parameterLabeller, sweepNote } from "./common.js";

/**
 * A KPI against one parameter: the mean of each point with its 95% interval
 * as a band. On a grid with a second parameter of few levels, one line per
 * level (the pairs of a 5 × 5 grid read at a glance); otherwise points with
 * interval bars, since sampled points share no x values.
 */
export function kpiVsParameter(a: SweepAnalysis, kpi: string, path: string, lang: Lang = "en"): TopLevelSpec {
  const label = parameterLabeller(a, lang);
  const params = a.plan.spec.parameters;
  const other = params.find((p) => p.path !== path && p.kind === "values" && p.values.length <= 8);
  const isGrid = a.plan.spec.design.type === "grid";
  const values = a.points
    .filter((s) => Number.isFinite(s.kpis[kpi]?.mean))
    .map((s) => ({
      x: s.point.values[path],
      mean: finite(s.kpis[kpi].mean),
      lo: finite(s.kpis[kpi].ci95[0]),
      hi: finite(s.kpis[kpi].ci95[1]),
      meanText: kpiText(kpi, s.kpis[kpi].mean, lang),
      loText: kpiText(kpi, s.kpis[kpi].ci95[0], lang),
      hiText: kpiText(kpi, s.kpis[kpi].ci95[1], lang),
      group: isGrid && other ? String(s.point.values[other.path]) : t(lang, "line.all"),
      point: s.point.id,
      reps: s.n,
    }));
  const groups = [...new Set(values.map((v) => v.group))];
  const isNumeric = values.every((v) => typeof v.x === "number");
  const x = { field: "x", type: isNumeric ? ("quantitative" as const) : ("ordinal" as const), title: label(path), scale: isNumeric ? { zero: false } : undefined };
  const color = { field: "group", type: "nominal" as const, title: other && isGrid ? label(other.path) : null, sort: groups, scale: { range: SCENARIO_COLORS }, legend: groups.length > 1 ? {} : null };
  const y = { field: "mean", type: "quantitative" as const, axis: kpiAxis(kpi, lang), scale: { zero: false } };
  const tooltip = [
    { field: "point", title: t(lang, "line.point") }, { field: "x", title: path }, ...(other && isGrid ? [{ field: "group", title: other.path }] : []),
    { field: "meanText", title: t(lang, "sweep.tooltip.mean") }, { field: "loText", title: t(lang, "sweep.tooltip.low") }, { field: "hiText", title: t(lang, "sweep.tooltip.high") },
    { field: "reps", title: t(lang, "line.reps") },
  ];
  const layers = isGrid
    ? [
        { mark: { type: "area" as const, opacity: 0.15 }, encoding: { x, y: { field: "lo", type: "quantitative" as const }, y2: { field: "hi" }, color } },
        { mark: { type: "line" as const, point: true }, encoding: { x, y, color, tooltip } },
      ]
    : [
        { mark: { type: "rule" as const, opacity: 0.5 }, encoding: { x, y: { field: "lo", type: "quantitative" as const }, y2: { field: "hi" }, color } },
        { mark: { type: "point" as const, filled: true }, encoding: { x, y, color, tooltip } },
      ];
  return {
    $schema: SCHEMA,
    title: { text: t(lang, "line.title", { kpi: kpiLabel(kpi, lang), path }), subtitle: [sweepNote(a, lang), t(lang, "line.note", { shape: t(lang, isGrid ? "line.band" : "line.bar") })] },
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    layer: layers,
    config: configFor(lang),
  } as TopLevelSpec;
}

export function kpiVsParameterName(kpi: string, path: string): string {
  return `kpi-${kpi}-vs-${field(path)}`;
}
