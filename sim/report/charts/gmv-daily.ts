import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, meanOf, MONEY_BAND, type DailySeries } from "../series.js";
import { CONFIG, HEIGHT, SCHEMA, WIDTH, dayAxis, moneyAxis, perDay, title } from "./common.js";

/** GMV per day: the mean over replications as a line, its 95% interval as a band. */
export function gmvDaily(series: DailySeries, meta: RunMeta): TopLevelSpec {
  const values = bands(series.rows, series.binDays, meanOf("gmv"), MONEY_BAND);
  return {
    $schema: SCHEMA,
    title: title("GMV per day", meta, "Line: mean over replications; band: 95% interval"),
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    encoding: { x: { field: "day", type: "quantitative", axis: dayAxis(series.binDays), scale: { nice: false } } },
    layer: [
      {
        mark: { type: "area", opacity: 0.22, color: "#4c78a8" },
        encoding: {
          y: { field: "lo", type: "quantitative", axis: moneyAxis(`GMV, RMB ${perDay(series.binDays)}`) },
          y2: { field: "hi" },
        },
      },
      { mark: { type: "line", color: "#4c78a8" }, encoding: { y: { field: "mean", type: "quantitative" } } },
    ],
    config: CONFIG,
  };
}
