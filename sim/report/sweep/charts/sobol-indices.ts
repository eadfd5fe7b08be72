import type { TopLevelSpec } from "vega-lite";
import { configFor, SCHEMA, WIDTH } from "../../charts/common.js";
import { t, type Lang } from "../../../i18n/index.js";
import type { SweepAnalysis } from "../analyse.js";
import { sobolAnalysis } from "../effects.js";
import { finite, kpiLabel, parameterLabeller, parameterTooltips, sweepNote } from "./common.js";


/**
 * Sobol indices of a KPI: for each parameter, its first-order index S1 (the
 * share of the KPI's variance it explains alone) and total index ST (the share
 * it has a hand in, interactions included), each a dot with its bootstrap 95%
 * interval as a rule. Largest ST on top. Parameters whose indices are not
 * finite (a KPI that does not vary) are left out; the page says so.
 */
export function sobolIndicesChart(a: SweepAnalysis, kpi: string, lang: Lang = "en"): TopLevelSpec {
  const [FIRST, TOTAL] = [t(lang, "sobol.first"), t(lang, "sobol.total")];
  const s = sobolAnalysis(a, kpi);
  const rows = (s?.rows ?? []).filter((x) => Number.isFinite(x.s1) && Number.isFinite(x.st)).sort((p, q) => q.st - p.st);
  const label = parameterLabeller(a, lang);
  const values = rows.flatMap((x) => [
    { parameter: label(x.path), path: x.path, index: FIRST, value: finite(x.s1), low: finite(x.s1Low), high: finite(x.s1High) },
    { parameter: label(x.path), path: x.path, index: TOTAL, value: finite(x.st), low: finite(x.stLow), high: finite(x.stHigh) },
  ]);
  const y = { field: "parameter", type: "nominal" as const, sort: rows.map((x) => label(x.path)), title: null, axis: { labelLimit: 320 } };
  const yOffset = { field: "index", type: "nominal" as const, sort: [FIRST, TOTAL] };
  const color = { field: "index", type: "nominal" as const, title: null, scale: { domain: [FIRST, TOTAL], range: ["#4c78a8", "#e4572e"] } };
  const x = { field: "value", type: "quantitative" as const, title: t(lang, "sobol.x"), scale: { zero: true } };
  const tooltip = [
    ...parameterTooltips(lang), { field: "index", title: t(lang, "sobol.index") }, { field: "value", title: t(lang, "sobol.estimate"), format: ".3f" },
    { field: "low", title: t(lang, "sweep.tooltip.low"), format: ".3f" }, { field: "high", title: t(lang, "sweep.tooltip.high"), format: ".3f" },
  ];
  return {
    $schema: SCHEMA,
    title: {
      text: t(lang, "sobol.title", { kpi: kpiLabel(kpi, lang) }),
      subtitle: [sweepNote(a, lang), t(lang, "sobol.note", { n: s?.n ?? 0 })],
    },
    width: WIDTH - 200,
    height: { step: 34 },
    data: { values },
    layer: [
      { mark: { type: "rule", strokeWidth: 2, opacity: 0.6 }, encoding: { y, yOffset, color, x: { field: "low", type: "quantitative" }, x2: { field: "high" } } },
      { mark: { type: "point", filled: true, size: 60, opacity: 1 }, encoding: { y, yOffset, color, x, tooltip } },
      { mark: { type: "rule", color: "#999", strokeDash: [3, 3] }, data: { values: [{ zero: 0 }] }, encoding: { x: { field: "zero", type: "quantitative" } } },
    ],
    config: configFor(lang),
  } as TopLevelSpec;
}
