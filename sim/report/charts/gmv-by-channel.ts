import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, meanOf, type DailySeries } from "../series.js";
import { CHANNELS, configFor, HEIGHT, SCHEMA, WIDTH, dayAxis, moneyAxis, perDay, title } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";

/** GMV per day by sales channel, stacked, mean over replications. */
export function gmvByChannel(series: DailySeries, meta: RunMeta, lang: Lang = "en"): TopLevelSpec {
  const values = CHANNELS.flatMap((ch, order) =>
    bands(series.rows, series.binDays, meanOf(ch.column)).map((p) => ({ day: p.day, channel: t(lang, ch.key), order, gmv: p.mean })),
  );
  return {
    $schema: SCHEMA,
    title: title(t(lang, "gmv-by-channel.title"), meta, t(lang, "chart.stacked"), lang),
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    mark: { type: "area", interpolate: "monotone", opacity: 0.9 },
    encoding: {
      x: { field: "day", type: "quantitative", axis: dayAxis(series.binDays, lang), scale: { nice: false } },
      y: { field: "gmv", type: "quantitative", stack: "zero", axis: moneyAxis(t(lang, "chart.gmvPerDay", { perDay: perDay(series.binDays, lang) }), lang) },
      color: {
        field: "channel",
        type: "nominal",
        title: t(lang, "gmv-by-channel.legend"),
        scale: { domain: CHANNELS.map((c) => t(lang, c.key)), range: CHANNELS.map((c) => c.color) },
      },
      order: { field: "order", type: "quantitative" },
    },
    config: configFor(lang),
  };
}
