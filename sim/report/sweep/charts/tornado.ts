import type { TopLevelSpec } from "vega-lite";
import { configFor, SCHEMA, WIDTH } from "../../charts/common.js";
import { t, type Lang } from "../../../i18n/index.js";
import type { SweepAnalysis } from "../analyse.js";
import { parameterEffects } from "../effects.js";
import { finite, kpiAxis, kpiLabel, kpiText, parameterLabeller, parameterTooltips, sweepNote } from "./common.js";

/**
 * Tornado of the parameters' effects on a KPI: one bar per parameter from the
 * KPI at its lowest value to the KPI at its highest, largest effect on top;
 * red where raising the parameter lowers the KPI.
 */
export function tornado(a: SweepAnalysis, kpi: string, lang: Lang = "en"): TopLevelSpec {
  const [raises, lowers] = [t(lang, "tornado.raises"), t(lang, "tornado.lowers")];
  const effects = parameterEffects(a, kpi).sort((p, q) => Math.abs(q.high - q.low) - Math.abs(p.high - p.low));
  const label = parameterLabeller(a, lang);
  const values = effects.map((e) => ({
    parameter: label(e.path),
    path: e.path,
    low: finite(e.low),
    high: finite(e.high),
    lowText: kpiText(kpi, e.low, lang),
    highText: kpiText(kpi, e.high, lang),
    from: finite(Math.min(e.low, e.high)),
    to: finite(Math.max(e.low, e.high)),
    direction: e.high >= e.low ? raises : lowers,
    range: `${e.lowValue} → ${e.highValue}`,
  }));
  const method = effects[0]?.method ?? "marginal means";
  const y = { field: "parameter", type: "nominal" as const, sort: effects.map((e) => label(e.path)), title: null, axis: { labelLimit: 320 } };
  return {
    $schema: SCHEMA,
    title: {
      text: t(lang, "tornado.title", { kpi: kpiLabel(kpi, lang) }),
      subtitle: [sweepNote(a, lang), t(lang, method === "marginal means" ? "tornado.means" : "tornado.fit")],
    },
    width: WIDTH - 200,
    height: { step: 26 },
    data: { values },
    mark: { type: "bar", height: { band: 0.7 } },
    encoding: {
      y,
      x: { field: "from", type: "quantitative", axis: kpiAxis(kpi, lang), scale: { zero: false } },
      x2: { field: "to" },
      color: { field: "direction", type: "nominal", title: null, scale: { domain: [raises, lowers], range: ["#4c78a8", "#e4572e"] } },
      tooltip: [...parameterTooltips(lang), { field: "range", title: t(lang, "tornado.range") }, { field: "lowText", title: t(lang, "tornado.low") }, { field: "highText", title: t(lang, "tornado.high") }],
    },
    config: configFor(lang),
  } as TopLevelSpec;
}
