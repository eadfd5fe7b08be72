import type { TopLevelSpec } from "vega-lite";
import { CONFIG, SCHEMA, WIDTH } from "../../charts/common.js";
import type { SweepAnalysis } from "../analyse.js";
import { sobolAnalysis } from "../effects.js";
import { finite, kpiLabel, parameterLabeller, sweepNote } from "./common.js";

const FIRST = "S1: first order (alone)";
const TOTAL = "ST: total (with interactions)";

/**
 * Sobol indices of a KPI: for each parameter, its first-order index S1 (the
 * share of the KPI's variance it explains alone) and total index ST (the share
 * it has a hand in, interactions included), each a dot with its bootstrap 95%
 * interval as a rule. Largest ST on top. Parameters whose indices are not
 * finite (a KPI that does not vary) are left out; the page says so.
 */
export function sobolIndicesChart(a: SweepAnalysis, kpi: string): TopLevelSpec {
  const s = sobolAnalysis(a, kpi);
  const rows = (s?.rows ?? []).filter((x) => Number.isFinite(x.s1) && Number.isFinite(x.st)).sort((p, q) => q.st - p.st);
  const label = parameterLabeller(a);
  const values = rows.flatMap((x) => [
    { parameter: label(x.path), path: x.path, index: FIRST, value: finite(x.s1), low: finite(x.s1Low), high: finite(x.s1High) },
    { parameter: label(x.path), path: x.path, index: TOTAL, value: finite(x.st), low: finite(x.stLow), high: finite(x.stHigh) },
  ]);
  const y = { field: "parameter", type: "nominal" as const, sort: rows.map((x) => label(x.path)), title: null, axis: { labelLimit: 320 } };
  const yOffset = { field: "index", type: "nominal" as const, sort: [FIRST, TOTAL] };
  const color = { field: "index", type: "nominal" as const, title: null, scale: { domain: [FIRST, TOTAL], range: ["#4c78a8", "#e4572e"] } };
  const x = { field: "value", type: "quantitative" as const, title: "Sobol index (share of the KPI's variance over the design)", scale: { zero: true } };
  const tooltip = [{ field: "parameter" }, { field: "path", title: "Path" }, { field: "index", title: "Index" }, { field: "value", title: "Estimate", format: ".3f" }, { field: "low", title: "95% low", format: ".3f" }, { field: "high", title: "95% high", format: ".3f" }];
  return {
    $schema: SCHEMA,
    title: {
      text: `Sobol indices: ${kpiLabel(kpi)}`,
      subtitle: [sweepNote(a), `Estimates on ${s?.n ?? 0} base rows (point means) with bootstrap 95% intervals; ST − S1 is what a parameter does through interactions`],
    },
    width: WIDTH - 200,
    height: { step: 34 },
    data: { values },
    layer: [
      { mark: { type: "rule", strokeWidth: 2, opacity: 0.6 }, encoding: { y, yOffset, color, x: { field: "low", type: "quantitative" }, x2: { field: "high" } } },
      { mark: { type: "point", filled: true, size: 60, opacity: 1 }, encoding: { y, yOffset, color, x, tooltip } },
      { mark: { type: "rule", color: "#999", strokeDash: [3, 3] }, data: { values: [{ zero: 0 }] }, encoding: { x: { field: "zero", type: "quantitative" } } },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}
