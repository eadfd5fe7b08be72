import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, bandsOf, meanOf, perRepBins, runTotal, type DailySeries } from "../series.js";
import { CONFIG, SCHEMA, WIDTH, compact, countAxis, percent, perDay, title, labelColors } from "./common.js";
import { dayX, flowBars, flowBinDays, flowUnit, panelTitle } from "./panels.js";

/** Where an order's demand came from (the model's three sources; they sum to orders), with fixed colours. */
export const ORDER_SOURCES = [
  { column: "orders_discovered", label: "Discovered interest", title: "Orders from interests content created", color: "#54a24b" },
  { column: "orders_restock", label: "Restock", title: "Restock orders: a recurring need that was due", color: "#4c78a8" },
  { column: "orders_impulse", label: "Impulse", title: "Impulse orders: neither", color: "#f58518" },
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
export function demandSources(series: DailySeries, meta: RunMeta, withInterests = true): TopLevelSpec {
  const orders = ORDER_SOURCES.flatMap((s, order) =>
    bands(series.rows, series.binDays, meanOf(s.column)).map((p) => ({ day: p.day, source: s.label, order, orders: p.mean })),
  );
  const totals = ORDER_SOURCES.map((s) => runTotal(series.rows, s.column));
  const all = totals.reduce((a, b) => a + b, 0);
  const shares = ORDER_SOURCES.map((s, i) => `${s.label.toLowerCase()} ${percent(totals[i] / all, 0)}`).join(", ");
  const flowDays = flowBinDays(meta.horizonDays, series.binDays);
  const flowX = dayX(meta.horizonDays, flowDays, true);
  const interests = withInterests
    ? flowBars(
        [
          { label: "Created by content", color: "#54a24b", direction: "up", values: bandsOf(perRepBins(series.rows, flowDays, meanOf("interests_discovered"))) },
          { label: "Faded", color: "#9d755d", direction: "down", values: bandsOf(perRepBins(series.rows, flowDays, meanOf("interests_lost"))) },
        ],
        flowDays,
        meta.horizonDays,
        { title: `Interests ${flowUnit(flowDays)}: created by content (up) and faded (down)`, yAxis: countAxis("Interests"), height: PANEL_HEIGHT, width: WIDTH, x: flowX },
      )
    : null;
  const ordersPanel = {
    title: panelTitle(`Orders ${perDay(series.binDays)}, by where the demand came from`),
    width: WIDTH,
    height: PANEL_HEIGHT,
    data: { values: orders },
    mark: { type: "area" as const, interpolate: "monotone" as const, opacity: 0.9 },
    encoding: {
      x: dayX(meta.horizonDays, series.binDays, interests === null),
      y: { field: "orders", type: "quantitative" as const, stack: "zero" as const, axis: countAxis("Orders") },
      color: labelColors("source", null, ORDER_SOURCES),
      order: { field: "order", type: "quantitative" as const },
    },
  };
  return {
    $schema: SCHEMA,
    title: title("Where demand comes from", meta, [
      `Orders over the run, mean over replications: ${compact(all)}; ${shares}`,
      `Stacked orders: mean over replications${interests ? `; interest bars: ${flowUnit(flowDays)}` : ""}`,
    ]),
    vconcat: interests ? [ordersPanel, interests] : [ordersPanel],
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
    config: CONFIG,
  };
}
