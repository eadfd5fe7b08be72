import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, meanOf, NPS_BAND, UNIT_BAND, type BandLimits, type DailySeries } from "../series.js";
import { configFor, SCHEMA, WIDTH, dayAxis, title } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";

const PANEL_HEIGHT = 160;

/** Users' mean trust (0–1) and NPS (−100 to 100) over time, one panel each, means with 95% bands. */
export function trustNps(series: DailySeries, meta: RunMeta, lang: Lang = "en"): TopLevelSpec {
  const panel = (column: string, yTitle: string, format: string, color: string, showX: boolean, limits: BandLimits) => ({
    width: WIDTH,
    height: PANEL_HEIGHT,
    data: { values: bands(series.rows, series.binDays, meanOf(column), limits) },
    encoding: { x: { field: "day", type: "quantitative" as const, axis: showX ? dayAxis(series.binDays, lang) : { ...dayAxis(series.binDays, lang), title: null }, scale: { nice: false } } },
    layer: [
      {
        mark: { type: "area" as const, opacity: 0.22, color },
        encoding: {
          y: { field: "lo", type: "quantitative" as const, axis: { title: yTitle, format }, scale: { zero: false } },
          y2: { field: "hi" },
        },
      },
      { mark: { type: "line" as const, color }, encoding: { y: { field: "mean", type: "quantitative" as const } } },
    ],
  });
  return {
    $schema: SCHEMA,
    title: title(t(lang, "trust-nps.title"), meta, t(lang, "chart.linesBands"), lang),
    vconcat: [panel("trust_mean", t(lang, "trust-nps.trust"), ".3~f", "#54a24b", false, UNIT_BAND), panel("nps", t(lang, "trust-nps.nps"), "d", "#b279a2", true, NPS_BAND)],
    config: configFor(lang),
  };
}
