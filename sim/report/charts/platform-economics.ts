import type { TopLevelSpec } from "vega-lite";
import { breakEvenDay, cumulativeNetBands, PLATFORM_COST_COLUMNS } from "../platform-net.js";
import type { RunMeta } from "../read-report.js";
import { bandsOf, meanOf, MONEY_BAND, perRepBins, runTotal, type DailySeries } from "../series.js";
import { configFor, SCHEMA, WIDTH, compact, labelColors, moneyAxis, title } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";
import { dayX, flowBinDays, flowUnit, panelTitle } from "./panels.js";

const PANEL_HEIGHT = 160;

const REVENUES = [
  { column: "platform_revenue", key: "economics.revenue", color: "#4c78a8" },
  { column: "ad_revenue", key: "economics.adRevenue", color: "#f58518" },
] as const;

/**
 * The platform's economics: revenue and ad revenue per day (weekly means for
 * runs of four weeks or more) with 95% bands, and below, the cumulative
 * platform net (revenue less paid-out subsidies and guarantee claims:
 * platform-net.ts) with its band, a zero line and the break-even day marked
 * when the net was below zero before it. The calculation is in platform-net.ts.
 */
export function platformEconomics(series: DailySeries, meta: RunMeta, lang: Lang = "en"): TopLevelSpec {
  const revenues = REVENUES.map((r) => ({ ...r, label: t(lang, r.key) }));
  const flowDays = flowBinDays(meta.horizonDays, series.binDays);
  const revenue = revenues.flatMap((r) =>
    bandsOf(perRepBins(series.rows, flowDays, meanOf(r.column)), MONEY_BAND).map((p) => ({ ...p, series: r.label })),
  );
  const net = cumulativeNetBands(series.rows);
  const breakEven = breakEvenDay(net);
  const end = net[net.length - 1];
  const costs = PLATFORM_COST_COLUMNS.reduce((s, c) => s + runTotal(series.rows, c), 0);
  const wentNegative = net.some((p) => p.mean < 0);
  const evenText = breakEven === null
    ? t(lang, "economics.noBreakEven")
    : wentNegative ? t(lang, "economics.breakEven", { day: breakEven }) : t(lang, "economics.neverNegative");
  const colors = labelColors("series", null, revenues);
  const lineColors = { ...colors, legend: { ...colors.legend, symbolType: "stroke", symbolOpacity: 1, symbolStrokeWidth: 2.5 } };
  const revenuePanel = {
    title: panelTitle(t(lang, "economics.revenuePanel", { unit: flowUnit(flowDays, lang) })),
    width: WIDTH,
    height: PANEL_HEIGHT,
    data: { values: revenue },
    encoding: { x: dayX(meta.horizonDays, flowDays, false, lang), color: lineColors },
    layer: [
      { mark: { type: "area" as const, opacity: 0.2 }, encoding: { y: { field: "lo", type: "quantitative" as const, axis: moneyAxis(t(lang, "chart.rmb"), lang) }, y2: { field: "hi" } } },
      { mark: { type: "line" as const }, encoding: { y: { field: "mean", type: "quantitative" as const } } },
    ],
  };
  const x = dayX(meta.horizonDays, 1, true, lang);
  // x lives on each layer, not on the panel: the zero rule has no day and spans the width
  const netLayers: object[] = [
    { data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: "#999", strokeWidth: 1 }, encoding: { y: { field: "zero", type: "quantitative" } } },
    { mark: { type: "area", opacity: 0.22, color: "#54a24b" }, encoding: { x, y: { field: "lo", type: "quantitative", axis: moneyAxis(t(lang, "economics.netAxis"), lang) }, y2: { field: "hi" } } },
    { mark: { type: "line", color: "#54a24b" }, encoding: { x, y: { field: "mean", type: "quantitative" } } },
  ];
  if (breakEven !== null && wentNegative) {
    const data = { values: [{ day: breakEven, label: t(lang, "economics.breakEvenMark", { day: breakEven }) }] };
    netLayers.push({ data, mark: { type: "rule", color: "#333", strokeDash: [4, 3] }, encoding: { x } });
    netLayers.push({
      data,
      mark: { type: "text", align: "left", baseline: "top", dx: 4, dy: 4, fontSize: 11, color: "#333" },
      encoding: { x, y: { value: 0 }, text: { field: "label", type: "nominal" } },
    });
  }
  const netPanel = {
    title: panelTitle(t(lang, "economics.netPanel")),
    width: WIDTH,
    height: PANEL_HEIGHT,
    data: { values: net },
    layer: netLayers,
  };
  return {
    $schema: SCHEMA,
    title: title(t(lang, "economics.title"), meta, [
      t(lang, "economics.totals", { revenue: compact(runTotal(series.rows, "platform_revenue"), lang), ads: compact(runTotal(series.rows, "ad_revenue"), lang), costs: compact(costs, lang) }),
      t(lang, "economics.net", {
        net: end ? t(lang, "economics.netValue", { mean: compact(end.mean, lang), lo: compact(end.lo, lang), hi: compact(end.hi, lang) }) : t(lang, "format.na"),
        even: evenText,
      }),
      t(lang, "economics.note"),
    ], lang),
    vconcat: [revenuePanel, netPanel],
    resolve: { legend: { color: "independent" } },
    config: configFor(lang),
  } as TopLevelSpec;
}
