import type { TopLevelSpec } from "vega-lite";
import type { KpiSummary, RunMeta } from "../read-report.js";
import { bands, ratioOf, SHARE_BAND, type DailySeries } from "../series.js";
import { configFor, HEIGHT, SCHEMA, WIDTH, dayAxis, percent, shareAxis, title } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";

const MEASURES = [
  { label: "repurchase.repeat", num: "repeat_orders", den: "orders", color: "#4c78a8" },
  { label: "repurchase.private", num: "repeat_orders_private", den: "repeat_orders", color: "#e4572e" },
] as const;

/**
 * Repurchase over time: the daily share of orders that repeat a merchant and
 * the share of those repeats that came through followed accounts, with 95% bands.
 * The run's repurchase rate (buyers who bought again within the window, from
 * summary.json) is a different measure, so it is drawn as a dashed reference line.
 */
export function repurchase(series: DailySeries, meta: RunMeta, repurchaseRate?: KpiSummary, lang: Lang = "en"): TopLevelSpec {
  const values = MEASURES.flatMap((m) =>
    bands(series.rows, series.binDays, ratioOf(m.num, m.den), SHARE_BAND).map((p) => ({ ...p, measure: t(lang, m.label) })),
  );
  const rateLine = repurchaseRate
    ? t(lang, "repurchase.rateNote", { mean: percent(repurchaseRate.mean, 1, lang), lo: percent(repurchaseRate.ci95[0], 1, lang), hi: percent(repurchaseRate.ci95[1], 1, lang) })
    : t(lang, "repurchase.bandNote");
  const color = {
    field: "measure",
    type: "nominal" as const,
    title: null,
    scale: { domain: MEASURES.map((m) => t(lang, m.label)), range: MEASURES.map((m) => m.color) },
    legend: { orient: "top" as const, direction: "vertical" as const, symbolType: "stroke", symbolOpacity: 1, symbolStrokeWidth: 2.5, labelLimit: 600 },
  };
  // x lives on the band and line layers only: the reference rule has no day and spans the width.
  const x = { field: "day", type: "quantitative" as const, axis: dayAxis(series.binDays, lang), scale: { nice: false } };
  const layer: NonNullable<Extract<TopLevelSpec, { layer: unknown }>["layer"]> = [
    {
      mark: { type: "area", opacity: 0.2 },
      encoding: { x, y: { field: "lo", type: "quantitative", axis: shareAxis(t(lang, "repurchase.axis")) }, y2: { field: "hi" }, color },
    },
    { mark: { type: "line" }, encoding: { x, y: { field: "mean", type: "quantitative" }, color } },
  ];
  if (repurchaseRate && Number.isFinite(repurchaseRate.mean)) {
    layer.push({
      data: { values: [{ rate: repurchaseRate.mean }] },
      mark: { type: "rule", strokeDash: [6, 4], color: "#333" },
      encoding: { y: { field: "rate", type: "quantitative" } },
    });
    layer.push({
      data: { values: [{ rate: repurchaseRate.mean, label: t(lang, "repurchase.rate", { rate: percent(repurchaseRate.mean, 1, lang) }) }] },
      mark: { type: "text", align: "right", dy: -7, fontSize: 11, color: "#333" },
      encoding: { y: { field: "rate", type: "quantitative" }, x: { value: WIDTH - 4 }, text: { field: "label", type: "nominal" } },
    });
  }
  return {
    $schema: SCHEMA,
    title: title(t(lang, "repurchase.title"), meta, rateLine, lang),
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    layer,
    config: configFor(lang),
  };
}
