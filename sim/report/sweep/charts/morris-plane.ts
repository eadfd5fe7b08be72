import type { TopLevelSpec } from "vega-lite";
import { CONFIG, SCHEMA, WIDTH } from "../../charts/common.js";
import type { SweepAnalysis } from "../analyse.js";
import { morrisIndices } from "../effects.js";
import { finite, kpiLabel, kpiLegend, kpiText, parameterLabeller, sweepNote } from "./common.js";

/**
 * Morris screening plane for a KPI: mu* (size of a parameter's effect) against
 * sigma (how much the effect changes across the space: non-linearity or
 * interaction). Parameters far right matter; high ones interact.
 */
export function morrisPlane(a: SweepAnalysis, kpi: string): TopLevelSpec {
  const label = parameterLabeller(a);
  const values = morrisIndices(a, kpi).map((m) => ({
    parameter: label(m.path), path: m.path, muStar: finite(m.muStar), sigma: finite(m.sigma), mu: finite(m.mu), n: m.n,
    muStarText: kpiText(kpi, m.muStar), muText: kpiText(kpi, m.mu), sigmaText: kpiText(kpi, m.sigma),
  }));
  const x = { field: "muStar", type: "quantitative" as const, title: "mu* (mean |elementary effect|, per unit of the range)", scale: { zero: true }, axis: kpiLegend(kpi) };
  const y = { field: "sigma", type: "quantitative" as const, title: "sigma (sd of the elementary effects)", scale: { zero: true }, axis: kpiLegend(kpi) };
  return {
    $schema: SCHEMA,
    title: { text: `Morris screening: ${kpiLabel(kpi)}`, subtitle: [sweepNote(a), "Right: larger effect. Up: effect varies (non-linear or interacting). Effects per full range of each parameter."] },
    width: WIDTH - 120,
    height: 320,
    data: { values },
    layer: [
      { mark: { type: "point", filled: true, size: 70, color: "#4c78a8" }, encoding: { x, y, tooltip: [{ field: "parameter" }, { field: "path", title: "Path" }, { field: "muStarText", title: "mu*" }, { field: "muText", title: "mu" }, { field: "sigmaText", title: "sigma" }, { field: "n", title: "Effects" }] } },
      { mark: { type: "text", align: "left", dx: 7, fontSize: 11 }, encoding: { x, y, text: { field: "parameter" } } },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}
