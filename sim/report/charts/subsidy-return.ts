import type { TopLevelSpec } from "vega-lite";
import type { CumulativeDifferencePoint } from "../compare-series.js";
import { COMPACT_LABEL, CONFIG, SCENARIO_COLORS, SCHEMA, WIDTH, compact, dayAxis, moneyAxis } from "./common.js";

const PANEL_HEIGHT = 170;

/**
 * Return on the subsidy over time: cumulative extra GMV and cumulative extra
 * money subsidy against the baseline (top), and their ratio, the incremental
 * GMV per RMB of extra subsidy (bottom), drawn once the extra subsidy is large
 * enough to divide by. The subtitle gives each scenario's ratio at the end.
 */
export function subsidyReturn(points: readonly CumulativeDifferencePoint[], scenarios: readonly string[], baseline: string, note: readonly string[]): TopLevelSpec {
  const lastDay = Math.max(0, ...points.map((p) => p.day));
  const endings = scenarios.map((s) => {
    const end = points.find((p) => p.scenario === s && p.day === lastDay);
    if (!end) return `${s}: no data`;
    const ratio = end.ratio === null ? "no clearly positive extra subsidy to divide by" : `${end.ratio.toFixed(2)} RMB of GMV per extra RMB${ratioInterval(end)}`;
    return `${s}: GMV ${sign(end.gmv)}${compact(Math.abs(end.gmv))}, subsidy ${sign(end.subsidy)}${compact(Math.abs(end.subsidy))} → ${ratio}`;
  });
  const lines = points.flatMap((p) => [
    { day: p.day, scenario: p.scenario, measure: "Extra GMV", value: p.gmv, lo: p.gmvLo, hi: p.gmvHi },
    { day: p.day, scenario: p.scenario, measure: "Extra money subsidy", value: p.subsidy, lo: p.subsidyLo, hi: p.subsidyHi },
  ]);
  const ratios = points.filter((p) => p.ratio !== null).map((p) => ({ day: p.day, scenario: p.scenario, ratio: p.ratio, lo: p.ratioLo, hi: p.ratioHi }));
  const color = {
    field: "scenario",
    type: "nominal" as const,
    title: "Scenario",
    scale: { domain: [...scenarios], range: SCENARIO_COLORS.slice(1, scenarios.length + 1) },
    legend: { symbolType: "stroke", symbolOpacity: 1, symbolStrokeWidth: 2.5 },
  };
  const x = { field: "day", type: "quantitative" as const, scale: { domain: [0, lastDay + 1] } };
  const cumulativePanel = (showX: boolean) => ({
    width: WIDTH,
    height: PANEL_HEIGHT,
    data: { values: lines },
    encoding: { x: { ...x, axis: showX ? dayAxis(1) : { ...dayAxis(1), title: null } }, color },
    layer: [
      {
        mark: { type: "area" as const, opacity: 0.14 },
        encoding: { y: { field: "lo", type: "quantitative" as const, axis: moneyAxis("Cumulative difference, RMB") }, y2: { field: "hi" }, detail: { field: "measure" } },
      },
      {
        mark: { type: "line" as const },
        encoding: {
          y: { field: "value", type: "quantitative" as const },
          strokeDash: {
            field: "measure",
            type: "nominal" as const,
            title: null,
            scale: { domain: ["Extra GMV", "Extra money subsidy"], range: [[1, 0], [5, 3]] },
            legend: { symbolType: "stroke" },
          },
        },
      },
    ],
  });
  // Without a clearly positive extra subsidy there is no ratio to draw, and no panel for it.
  const ratioPanel = {
    width: WIDTH,
    height: PANEL_HEIGHT,
    data: { values: ratios },
    layer: [
      // the zero reference: a plain thin grey rule, unlike any series and in no legend
      { data: { values: [{ zero: 0 }] }, mark: { type: "rule" as const, color: "#999", strokeWidth: 1 }, encoding: { y: { field: "zero", type: "quantitative" as const } } },
      // the ratio's 95% interval over replication pairs (compare-series.ts: delta method), where it has one
      {
        transform: [{ filter: "isValid(datum.lo) && isValid(datum.hi)" }],
        mark: { type: "area" as const, opacity: 0.14 },
        encoding: { x: { ...x, axis: dayAxis(1) }, y: { field: "lo", type: "quantitative" as const }, y2: { field: "hi" }, color },
      },
      {
        mark: { type: "line" as const },
        encoding: {
          x: { ...x, axis: dayAxis(1) },
          y: { field: "ratio", type: "quantitative" as const, axis: { title: "Extra GMV per extra RMB", labelExpr: COMPACT_LABEL } },
          color,
        },
      },
    ],
  };
  return {
    $schema: SCHEMA,
    title: {
      text: `Return on the subsidy against ${baseline}`,
      subtitle: [...note, "Cumulative from day 0, mean over replication pairs with 95% band; at the end:", ...endings],
    },
    vconcat: ratios.length ? [cumulativePanel(false), ratioPanel] : [cumulativePanel(true)],
    config: CONFIG,
  };
}

/** " [95%: 1.20, 3.40]" when the ratio has an interval, else "". */
function ratioInterval(p: CumulativeDifferencePoint): string {
  const text = (x: number) => x.toFixed(2).replace("-", "−");
  return p.ratioLo === null || p.ratioHi === null ? "" : ` [95%: ${text(p.ratioLo)}, ${text(p.ratioHi)}]`;
}

function sign(x: number): string {
  return x > 0 ? "+" : x < 0 ? "−" : "±";
}
