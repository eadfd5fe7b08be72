import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bandsOf, meanOf, MONEY_BAND, perRepBins, sig, type DailySeries } from "../series.js";
import { compact, configFor, dayAxis, dayScale, moneyAxis, percent, SCHEMA, title, WIDTH } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";

export const SUBSIDY_LEVERS = [
  { column: "subsidy_consumer", label: "subsidy.consumer", color: "#4c78a8" },
  { column: "subsidy_coupon", label: "subsidy.coupon", color: "#72b7b2" },
  { column: "subsidy_fee", label: "subsidy.fee", color: "#54a24b" },
  { column: "subsidy_campaign", label: "subsidy.campaign", color: "#f58518" },
  { column: "subsidy_service", label: "subsidy.service", color: "#b279a2" },
] as const;

/** The columns whose sum is the money subsidy (RMB); traffic subsidy is counted in impressions and is not money. */
export const SUBSIDY_COLUMNS: readonly string[] = SUBSIDY_LEVERS.map((l) => l.column);

const PANEL_HEIGHT = 150;

/**
 * Subsidy spend by lever against GMV: GMV on top, money subsidy by lever
 * stacked below on the same day axis, both per day (weekly means for runs of
 * four weeks or more); the subtitle gives run totals and subsidy as a share of GMV.
 * Means over replications.
 */
export function subsidyVsGmv(series: DailySeries, meta: RunMeta, lang: Lang = "en"): TopLevelSpec {
  const binDays = meta.horizonDays >= 28 ? 7 : 1;
  const unit = t(lang, "subsidy-vs-gmv.unit");
  const binNote = binDays === 1 ? "" : t(lang, "subsidy-vs-gmv.bins", { n: binDays });
  const gmv = bandsOf(perRepBins(series.rows, binDays, meanOf("gmv")), MONEY_BAND).map((p) => ({ ...p, mid: p.day + binDays / 2 }));
  // Stacked by hand: ranged bars (x to x2 spanning the bin) do not stack in Vega-Lite.
  const perLever = SUBSIDY_LEVERS.map((l) => bandsOf(perRepBins(series.rows, binDays, meanOf(l.column))));
  const levers = perLever[0].flatMap((p0, i) => {
    let base = 0;
    return SUBSIDY_LEVERS.map((l, k) => {
      const rmb = perLever[k][i]?.mean ?? 0;
      const bar = { day: p0.day, end: Math.min(p0.day + binDays, meta.horizonDays), lever: t(lang, l.label), rmb, y0: sig(base), y1: sig(base + rmb) };
      base += rmb;
      return bar;
    });
  });
  const reps = Math.max(1, new Set(series.rows.map((r) => r.rep)).size);
  const total = (col: string) => series.rows.reduce((s, r) => s + (Number.isFinite(r[col]) ? r[col] : 0), 0) / reps;
  const gmvTotal = total("gmv");
  const subsidyTotal = SUBSIDY_COLUMNS.reduce((s, c) => s + total(c), 0);
  const x = { field: "day", type: "quantitative" as const, scale: dayScale(meta.horizonDays) };
  return {
    $schema: SCHEMA,
    title: title(t(lang, "subsidy-vs-gmv.title"), meta, [
      t(lang, "subsidy-vs-gmv.totals", { gmv: compact(gmvTotal, lang), subsidy: compact(subsidyTotal, lang), share: percent(subsidyTotal / gmvTotal, 1, lang) }),
      t(lang, "subsidy-vs-gmv.traffic", { impressions: compact(total("subsidy_traffic_impressions"), lang), bins: binNote }),
    ], lang),
    vconcat: [
      {
        width: WIDTH,
        height: PANEL_HEIGHT,
        data: { values: gmv },
        encoding: { x: { ...x, field: "mid", axis: { ...dayAxis(1, lang), title: null } } },
        layer: [
          {
            mark: { type: "area", opacity: 0.22, color: "#333" },
            encoding: { y: { field: "lo", type: "quantitative", axis: moneyAxis(t(lang, "subsidy-vs-gmv.gmvAxis", { unit }), lang) }, y2: { field: "hi" } },
          },
          { mark: { type: "line", color: "#333" }, encoding: { y: { field: "mean", type: "quantitative" } } },
        ],
      },
      {
        width: WIDTH,
        height: PANEL_HEIGHT,
        data: { values: levers },
        mark: { type: "bar", stroke: "white", strokeWidth: 0.5 },
        encoding: {
          x: { ...x, axis: dayAxis(1, lang) },
          x2: { field: "end" },
          y: { field: "y1", type: "quantitative", axis: moneyAxis(t(lang, "subsidy-vs-gmv.subsidyAxis", { unit }), lang) },
          y2: { field: "y0" },
          color: {
            field: "lever",
            type: "nominal",
            title: t(lang, "subsidy-vs-gmv.legend"),
            scale: { domain: SUBSIDY_LEVERS.map((l) => t(lang, l.label)), range: SUBSIDY_LEVERS.map((l) => l.color) },
            legend: { orient: "right", direction: "vertical" },
          },
        },
      },
    ],
    resolve: { legend: { color: "independent" } },
    config: configFor(lang),
  };
}
