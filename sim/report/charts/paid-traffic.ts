import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, COUNT_BAND, hasColumns, meanOf, MONEY_BAND, runTotal, type DailySeries } from "../series.js";
import { CONFIG, SCHEMA, WIDTH, compact, countAxis, moneyAxis, perDay, title } from "./common.js";
import { bandPanel, dayX } from "./panels.js";

export const PAID_TRAFFIC_COLUMNS: readonly string[] = ["paid_impressions"];

const PANEL_HEIGHT = 150;

/**
 * Paid traffic: paid items users saw per day and the ad revenue they brought,
 * one panel each on one day axis, means over replications with 95% bands; the
 * subtitle gives run totals and the revenue per thousand paid impressions.
 */
export function paidTraffic(series: DailySeries, meta: RunMeta): TopLevelSpec {
  const withRevenue = hasColumns(series.rows, ["ad_revenue"]);
  const impressions = runTotal(series.rows, "paid_impressions");
  const revenue = runTotal(series.rows, "ad_revenue");
  const totals = withRevenue
    ? `Over the run, mean over replications: ${compact(impressions)} paid impressions, ${compact(revenue)} RMB ad revenue (${impressions > 0 ? `${compact((1000 * revenue) / impressions)} RMB` : "n/a"} per 1,000)`
    : `Over the run, mean over replications: ${compact(impressions)} paid impressions`;
  const unit = perDay(series.binDays);
  const panel = (values: ReturnType<typeof bands>, panelTitle: string, yAxis: object, color: string, last: boolean) =>
    bandPanel(values, { title: panelTitle, yAxis, color, height: PANEL_HEIGHT, width: WIDTH, x: dayX(meta.horizonDays, series.binDays, last), zero: true });
  return {
    $schema: SCHEMA,
    title: title("Paid traffic", meta, [totals, "Lines: mean over replications; bands: 95% interval"]),
    vconcat: [
      panel(bands(series.rows, series.binDays, meanOf("paid_impressions"), COUNT_BAND), `Paid items seen by users (impressions), ${unit}`, countAxis("Impressions"), "#f58518", !withRevenue),
      ...(withRevenue ? [panel(bands(series.rows, series.binDays, meanOf("ad_revenue"), MONEY_BAND), `Ad revenue, RMB ${unit}`, moneyAxis("RMB"), "#4c78a8", true)] : []),
    ],
    config: CONFIG,
  };
}
