import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, meanOf, type DailySeries } from "../series.js";
import { CHANNELS, CONFIG, HEIGHT, SCHEMA, WIDTH, dayAxis, moneyAxis, perDay, title } from "./common.js";

/** GMV per day by sales channel, stacked, mean over replications. */
export function gmvByChannel(series: DailySeries, meta: RunMeta): TopLevelSpec {
  const values = CHANNELS.flatMap((ch, order) =>
    bands(series.rows, series.binDays, meanOf(ch.column)).map((p) => ({ day: p.day, channel: ch.label, order, gmv: p.mean })),
  );
  return {
    $schema: SCHEMA,
    title: title("GMV by channel", meta, "Stacked: mean over replications"),
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    mark: { type: "area", interpolate: "monotone", opacity: 0.9 },
    encoding: {
      x: { field: "day", type: "quantitative", axis: dayAxis(series.binDays), scale: { nice: false } },
      y: { field: "gmv", type: "quantitative", stack: "zero", axis: moneyAxis(`GMV, RMB ${perDay(series.binDays)}`) },
      color: {
        field: "channel",
        type: "nominal",
        title: "Channel",
        scale: { domain: CHANNELS.map((c) => c.label), range: CHANNELS.map((c) => c.color) },
      },
      order: { field: "order", type: "quantitative" },
    },
    config: CONFIG,
  };
}
