import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bandsOf, meanOf, perRepBins, runTotal, type DailySeries } from "../series.js";
import { CONFIG, HEIGHT, SCHEMA, WIDTH, compact, countAxis, percent, title } from "./common.js";
import { dayX, flowBars, flowBinDays, flowUnit } from "./panels.js";

export const NEW_USER_COLUMNS: readonly string[] = ["users_new_market", "users_new_wom"];

/**
 * New users by source (Bass diffusion: drawn in by the market at large, or by
 * word of mouth from users already on the platform), stacked above zero, and
 * users who churned below zero for contrast, per day (weekly means for runs of
 * four weeks or more). Means over replications; the subtitle gives run totals.
 */
export function newUsers(series: DailySeries, meta: RunMeta, withChurn = true): TopLevelSpec {
  const flowDays = flowBinDays(meta.horizonDays, series.binDays);
  const part = (column: string) => bandsOf(perRepBins(series.rows, flowDays, meanOf(column)));
  const parts = [
    { label: "New: market", color: "#4c78a8", direction: "up" as const, values: part("users_new_market") },
    { label: "New: word of mouth", color: "#72b7b2", direction: "up" as const, values: part("users_new_wom") },
    ...(withChurn ? [{ label: "Churned", color: "#e45756", direction: "down" as const, values: part("users_churned") }] : []),
  ];
  const market = runTotal(series.rows, "users_new_market");
  const wom = runTotal(series.rows, "users_new_wom");
  const churned = runTotal(series.rows, "users_churned");
  const net = market + wom - churned;
  const totals = `Over the run, mean over replications: ${compact(market + wom)} new users (${percent(wom / (market + wom), 0)} by word of mouth)` +
    (withChurn ? `, ${compact(churned)} churned: net ${net >= 0 ? "+" : ""}${compact(net)}` : "");
  const panel = flowBars(parts, flowDays, meta.horizonDays, {
    yAxis: countAxis(`Users ${flowUnit(flowDays)}`),
    height: HEIGHT,
    width: WIDTH,
    x: dayX(meta.horizonDays, flowDays, true),
  });
  return {
    $schema: SCHEMA,
    title: title("New users by source", meta, [totals, `Bars: mean over replications, ${flowUnit(flowDays)}; new users above zero${withChurn ? ", churned below" : ""}`]),
    ...panel,
    config: CONFIG,
  };
}
