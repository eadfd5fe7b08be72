import type { TopLevelSpec } from "vega-lite";
import { CONFIG, SCHEMA, WIDTH } from "../../charts/common.js";
import type { SweepAnalysis } from "../analyse.js";
import { parameterEffects } from "../effects.js";
import { finite, kpiAxis, kpiLabel, kpiText, parameterLabeller, sweepNote } from "./common.js";

/**
 * Tornado of the parameters' effects on a KPI: one bar per parameter from the
 * KPI at its lowest value to the KPI at its highest, largest effect on top;
 * red where raising the parameter lowers the KPI.
 */
export function tornado(a: SweepAnalysis, kpi: string): TopLevelSpec {
  const effects = parameterEffects(a, kpi).sort((p, q) => Math.abs(q.high - q.low) - Math.abs(p.high - p.low));
  const label = parameterLabeller(a);
  const values = effects.map((e) => ({
    parameter: label(e.path),
    path: e.path,
    low: finite(e.low),
    high: finite(e.high),
    lowText: kpiText(kpi, e.low),
    highText: kpiText(kpi, e.high),
    from: finite(Math.min(e.low, e.high)),
    to: finite(Math.max(e.low, e.high)),
    direction: e.high >= e.low ? "raising it raises the KPI" : "raising it lowers the KPI",
    range: `${e.lowValue} → ${e.highValue}`,
  }));
  const method = effects[0]?.method ?? "marginal means";
  const y = { field: "parameter", type: "nominal" as const, sort: effects.map((e) => label(e.path)), title: null, axis: { labelLimit: 320 } };
  return {
    $schema: SCHEMA,
    title: {
      text: `What moves ${kpiLabel(kpi)}`,
      subtitle: [sweepNote(a), method === "marginal means" ? "Each bar: the KPI's mean at the parameter's lowest and highest value, averaged over the other parameters" : "Each bar: the KPI from the parameter's lowest to highest value, by a linear fit over the points"],
    },
    width: WIDTH - 200,
    height: { step: 26 },
    data: { values },
    mark: { type: "bar", height: { band: 0.7 } },
    encoding: {
      y,
      x: { field: "from", type: "quantitative", axis: kpiAxis(kpi), scale: { zero: false } },
      x2: { field: "to" },
      color: { field: "direction", type: "nominal", title: null, scale: { domain: ["raising it raises the KPI", "raising it lowers the KPI"], range: ["#4c78a8", "#e4572e"] } },
      tooltip: [{ field: "parameter" }, { field: "path", title: "Path" }, { field: "range", title: "Parameter from → to" }, { field: "lowText", title: "KPI at low" }, { field: "highText", title: "KPI at high" }],
    },
    config: CONFIG,
  } as TopLevelSpec;
}
