import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, COUNT_BAND, hasColumns, meanOf, MONEY_BAND, runTotal, type DailySeries } from "../series.js";
import { configFor, SCHEMA, WIDTH, compact, countAxis, moneyAxis, perDay, title } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";
import { bandPanel, dayX } from "./panels.js";

export const PAID_TRAFFIC_COLUMNS: readonly string[] = ["paid_impressions"];

const PANEL_HEIGHT = 150;

/**
 * Paid traffic: paid items users saw per day and the ad revenue they brought,
 * one panel each on one day axis, means over replications with 95% bands; the
 * subtitle gives run totals and the revenue per thousand paid impressions.
 */
export function paidTraffic(series: DailySeries, meta: RunMeta, lang: Lang = "en"): TopLevelSpec {
  const withRevenue = hasColumns(series.rows, ["ad_revenue"]);
  const impressions = runTotal(series.rows, "paid_impressions");
  const revenue = runTotal(series.rows, "ad_revenue");
  const totals = withRevenue
    ? t(lang, "paid-traffic.totals.revenue", {
      impressions: compact(impressions, lang), revenue: compact(revenue, lang),
      perThousand: impressions > 0 ? t(lang, "chart.money", { amount: compact((1000 * revenue) / impressions, lang) }) : t(lang, "format.na"),
    })
    : t(lang, "paid-traffic.totals", { impressions: compact(impressions, lang) });
  const unit = perDay(series.binDays, lang);
  const panel = (values: ReturnType<typeof bands>, panelTitle: string, yAxis: object, color: string, last: boolean) =>
    bandPanel(values, { title: panelTitle, yAxis, color, height: PANEL_HEIGHT, width: WIDTH, x: dayX(meta.horizonDays, series.binDays, last, lang), zero: true });
  return {
    $schema: SCHEMA,
    title: title(t(lang, "paid-traffic.title"), meta, [totals, t(lang, "chart.linesBands")], lang),
    vconcat: [
      panel(bands(series.rows, series.binDays, meanOf("paid_impressions"), COUNT_BAND), t(lang, "paid-traffic.impressionsPanel", { unit }), countAxis(t(lang, "paid-traffic.impressions"), lang), "#f58518", !withRevenue),
      ...(withRevenue ? [panel(bands(series.rows, series.binDays, meanOf("ad_revenue"), MONEY_BAND), t(lang, "paid-traffic.revenuePanel", { unit }), moneyAxis(t(lang, "chart.rmb"), lang), "#4c78a8", true)] : []),
    ],
    config: configFor(lang),
  };
}
