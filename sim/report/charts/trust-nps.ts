import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, meanOf, NPS_BAND, UNIT_BAND, type BandLimits, type DailySeries } from "../series.js";
import { CONFIG, SCHEMA, WIDTH, dayAxis, title } from "./common.js";

const PANEL_HEIGHT = 160;

/** Users' mean trust (0–1) and NPS (−100 to 100) over time, one panel each, means with 95% bands. */
export function trustNps(series: DailySeries, meta: RunMeta): TopLevelSpec {
  const panel = (column: string, yTitle: string, format: string, color: string, showX: boolean, limits: BandLimits) => ({
    width: WIDTH,
    height: PANEL_HEIGHT,
    data: { values: bands(series.rows, series.binDays, meanOf(column), limits) },
    encoding: { x: { field: "day", type: "quantitative" as const, axis: showX ? dayAxis(series.binDays) : { ...dayAxis(series.binDays), title: null }, scale: { nice: false } } },
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
    title: title("Trust and NPS", meta, "Lines: mean over replications; bands: 95% interval"),
    vconcat: [panel("trust_mean", "Mean trust (0–1)", ".3~f", "#54a24b", false, UNIT_BAND), panel("nps", "NPS (−100 to 100)", "d", "#b279a2", true, NPS_BAND)],
    config: CONFIG,
  };
}
