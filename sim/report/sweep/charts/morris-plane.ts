import type { TopLevelSpec } from "vega-lite";
import { configFor, SCHEMA, WIDTH } from "../../charts/common.js";
import { t, type Lang } from "../../../i18n/index.js";
import type { SweepAnalysis } from "../analyse.js";
import { morrisIndices } from "../effects.js";
import { finite, kpiLabel, kpiLegend, kpiText, parameterLabeller, parameterTooltips, sweepNote } from "./common.js";

/**
 * Morris screening plane for a KPI: mu* (size of a parameter's effect) against
 * sigma (how much the effect changes across the space: non-linearity or
 * interaction). Parameters far right matter; high ones interact.
 */
export function morrisPlane(a: SweepAnalysis, kpi: string, lang: Lang = "en"): TopLevelSpec {
  const label = parameterLabeller(a, lang);
  const values = morrisIndices(a, kpi).map((m) => ({
    parameter: label(m.path), path: m.path, muStar: finite(m.muStar), sigma: finite(m.sigma), mu: finite(m.mu), n: m.n,
    muStarText: kpiText(kpi, m.muStar, lang), muText: kpiText(kpi, m.mu, lang), sigmaText: kpiText(kpi, m.sigma, lang),
  }));
  const x = { field: "muStar", type: "quantitative" as const, title: t(lang, "morris.x"), scale: { zero: true }, axis: kpiLegend(kpi, lang) };
  const y = { field: "sigma", type: "quantitative" as const, title: t(lang, "morris.y"), scale: { zero: true }, axis: kpiLegend(kpi, lang) };
  return {
    $schema: SCHEMA,
    title: { text: t(lang, "morris.title", { kpi: kpiLabel(kpi, lang) }), subtitle: [sweepNote(a, lang), t(lang, "morris.note")] },
    width: WIDTH - 120,
    height: 320,
    data: { values },
    layer: [
      { mark: { type: "point", filled: true, size: 70, color: "#4c78a8" }, encoding: { x, y, tooltip: [...parameterTooltips(lang), { field: "muStarText", title: lang === "en" ? "mu*" : "μ*" }, { field: "muText", title: lang === "en" ? "mu" : "μ" }, { field: "sigmaText", title: lang === "en" ? "sigma" : "σ" }, { field: "n", title: t(lang, "morris.effects") }] } },
      { mark: { type: "text", align: "left", dx: 7, fontSize: 11 }, encoding: { x, y, text: { field: "parameter" } } },
    ],
    config: configFor(lang),
  } as TopLevelSpec;
}
