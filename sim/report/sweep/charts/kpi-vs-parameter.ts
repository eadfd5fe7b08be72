import type { TopLevelSpec } from "vega-lite";
import { CONFIG, SCENARIO_COLORS, SCHEMA, WIDTH, HEIGHT } from "../../charts/common.js";
import type { SweepAnalysis } from "../analyse.js";
import { field, finite, kpiAxis, kpiLabel, kpiText, parameterLabeller, sweepNote } from "./common.js";

/**
 * A KPI against one parameter: the mean of each point with its 95% interval
 * as a band. On a grid with a second parameter of few levels, one line per
 * level (the pairs of a 5 × 5 grid read at a glance); otherwise points with
 * interval bars, since sampled points share no x values.
 */
export function kpiVsParameter(a: SweepAnalysis, kpi: string, path: string): TopLevelSpec {
  const params = a.plan.spec.parameters;
  const other = params.find((p) => p.path !== path && p.kind === "values" && p.values.length <= 8);
  const isGrid = a.plan.spec.design.type === "grid";
  const label = parameterLabeller(a);
  const values = a.points
    .filter((s) => Number.isFinite(s.kpis[kpi]?.mean))
    .map((s) => ({
      x: s.point.values[path],
      mean: finite(s.kpis[kpi].mean),
      lo: finite(s.kpis[kpi].ci95[0]),
      hi: finite(s.kpis[kpi].ci95[1]),
      meanText: kpiText(kpi, s.kpis[kpi].mean),
      loText: kpiText(kpi, s.kpis[kpi].ci95[0]),
      hiText: kpiText(kpi, s.kpis[kpi].ci95[1]),
      group: isGrid && other ? String(s.point.values[other.path]) : "all points",
      point: s.point.id,
      reps: s.n,
    }));
  const groups = [...new Set(values.map((v) => v.group))];
  const isNumeric = values.every((v) => typeof v.x === "number");
  const x = { field: "x", type: isNumeric ? ("quantitative" as const) : ("ordinal" as const), title: label(path), scale: isNumeric ? { zero: false } : undefined };
  const color = { field: "group", type: "nominal" as const, title: other && isGrid ? label(other.path) : null, sort: groups, scale: { range: SCENARIO_COLORS }, legend: groups.length > 1 ? {} : null };
  const y = { field: "mean", type: "quantitative" as const, axis: kpiAxis(kpi), scale: { zero: false } };
  const tooltip = [
    { field: "point", title: "Point" }, { field: "x", title: path }, ...(other && isGrid ? [{ field: "group", title: other.path }] : []),
    { field: "meanText", title: "Mean" }, { field: "loText", title: "95% low" }, { field: "hiText", title: "95% high" }, { field: "reps", title: "Replications" },
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
    title: { text: `${kpiLabel(kpi)} against ${path}`, subtitle: [sweepNote(a), `Mean over replications with its 95% interval (${isGrid ? "band" : "bar"}) at each point`] },
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    layer: layers,
    config: CONFIG,
  } as TopLevelSpec;
}

export function kpiVsParameterName(kpi: string, path: string): string {
  return `kpi-${kpi}-vs-${field(path)}`;
}
