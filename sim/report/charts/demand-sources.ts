import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, bandsOf, meanOf, perRepBins, runTotal, type DailySeries } from "../series.js";
import { configFor, SCHEMA, WIDTH, compact, countAxis, percent, perDay, title, labelColors } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";
import { dayX, flowBars, flowBinDays, flowUnit, panelTitle } from "./panels.js";

/** Where an order's demand came from (the model's three sources; they sum to orders), with fixed colours. */
export const ORDER_SOURCES = [
  { column: "orders_discovered", label: "demand.discovered", title: "demand.discovered.title", color: "#54a24b" },
  { column: "orders_restock", label: "demand.restock", title: "demand.restock.title", color: "#4c78a8" },
  { column: "orders_impulse", label: "demand.impulse", title: "demand.impulse.title", color: "#f58518" },
] as const;

export const ORDER_SOURCE_COLUMNS: readonly string[] = ORDER_SOURCES.map((s) => s.column);
export const INTEREST_COLUMNS: readonly string[] = ["interests_discovered", "interests_lost"];

const PANEL_HEIGHT = 170;

/**
 * Where demand comes from: orders per day by source, stacked (the first
 * purchase of an interest that content created, a restock need that was due,
 * or neither: impulse), and below it, when the folder has them, interests
 * created by content and interests that faded, as bars above and below zero.
 * Means over replications; the subtitle gives each source's share of the run's orders.
 */
export function demandSources(series: DailySeries, meta: RunMeta, withInterests = true, lang: Lang = "en"): TopLevelSpec {
  const sources = ORDER_SOURCES.map((s) => ({ ...s, label: t(lang, s.label) }));
  const orders = sources.flatMap((s, order) =>
    bands(series.rows, series.binDays, meanOf(s.column)).map((p) => ({ day: p.day, source: s.label, order, orders: p.mean })),
  );
  const totals = ORDER_SOURCES.map((s) => runTotal(series.rows, s.column));
  const all = totals.reduce((a, b) => a + b, 0);
  const shares = sources.map((s, i) => t(lang, "chart.labelValue", { label: s.label.toLocaleLowerCase(lang), value: percent(totals[i] / all, 0, lang) })).join(t(lang, "chart.sep"));
  const flowDays = flowBinDays(meta.horizonDays, series.binDays);
  const flowX = dayX(meta.horizonDays, flowDays, true, lang);
  const interests = withInterests
    ? flowBars(
        [
          { label: t(lang, "demand.created"), color: "#54a24b", direction: "up", values: bandsOf(perRepBins(series.rows, flowDays, meanOf("interests_discovered"))) },
          { label: t(lang, "demand.faded"), color: "#9d755d", direction: "down", values: bandsOf(perRepBins(series.rows, flowDays, meanOf("interests_lost"))) },
        ],
        flowDays,
        meta.horizonDays,
        { title: t(lang, "demand.interestsPanel", { unit: flowUnit(flowDays, lang) }), yAxis: countAxis(t(lang, "demand.interests"), lang), height: PANEL_HEIGHT, width: WIDTH, x: flowX },
      )
    : null;
  const ordersPanel = {
    title: panelTitle(t(lang, "demand.ordersPanel", { unit: perDay(series.binDays, lang) })),
    width: WIDTH,
    height: PANEL_HEIGHT,
    data: { values: orders },
    mark: { type: "area" as const, interpolate: "monotone" as const, opacity: 0.9 },
    encoding: {
      x: dayX(meta.horizonDays, series.binDays, interests === null, lang),
      y: { field: "orders", type: "quantitative" as const, stack: "zero" as const, axis: countAxis(t(lang, "demand.orders"), lang) },
      color: labelColors("source", null, sources),
      order: { field: "order", type: "quantitative" as const },
    },
  };
  return {
    $schema: SCHEMA,
    title: title(t(lang, "demand.title"), meta, [
      t(lang, "demand.totals", { all: compact(all, lang), shares }),
      t(lang, "demand.note", { bars: interests ? t(lang, "demand.note.bars", { unit: flowUnit(flowDays, lang) }) : "" }),
    ], lang),
    vconcat: interests ? [ordersPanel, interests] : [ordersPanel],
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
    config: configFor(lang),
  };
}
