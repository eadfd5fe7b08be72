import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, meanOf, MONEY_BAND, type DailySeries } from "../series.js";
import { configFor, HEIGHT, SCHEMA, WIDTH, dayAxis, moneyAxis, perDay, title } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";

/** GMV per day: the mean over replications as a line, its 95% interval as a band. */
export function gmvDaily(series: DailySeries, meta: RunMeta, lang: Lang = "en"): TopLevelSpec {
  const values = bands(series.rows, series.binDays, meanOf("gmv"), MONEY_BAND);
  return {
    $schema: SCHEMA,
    title: title(t(lang, "gmv-daily.title"), meta, t(lang, "chart.lineBand"), lang),
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    encoding: { x: { field: "day", type: "quantitative", axis: dayAxis(series.binDays, lang), scale: { nice: false } } },
    layer: [
      {
        mark: { type: "area", opacity: 0.22, color: "#4c78a8" },
        encoding: {
          y: { field: "lo", type: "quantitative", axis: moneyAxis(t(lang, "chart.gmvPerDay", { perDay: perDay(series.binDays, lang) }), lang) },
          y2: { field: "hi" },
        },
      },
      { mark: { type: "line", color: "#4c78a8" }, encoding: { y: { field: "mean", type: "quantitative" } } },
    ],
    config: configFor(lang),
  };
}
