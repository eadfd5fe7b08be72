import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bandsOf, meanOf, perRepBins, runTotal, type DailySeries } from "../series.js";
import { configFor, HEIGHT, SCHEMA, WIDTH, compact, countAxis, percent, title } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";
import { dayX, flowBars, flowBinDays, flowUnit } from "./panels.js";

export const NEW_USER_COLUMNS: readonly string[] = ["users_new_market", "users_new_wom"];

/**
 * New users by source (Bass diffusion: drawn in by the market at large, or by
 * word of mouth from users already on the platform), stacked above zero, and
 * users who churned below zero for contrast, per day (weekly means for runs of
 * four weeks or more). Means over replications; the subtitle gives run totals.
 */
export function newUsers(series: DailySeries, meta: RunMeta, withChurn = true, lang: Lang = "en"): TopLevelSpec {
  const flowDays = flowBinDays(meta.horizonDays, series.binDays);
  const part = (column: string) => bandsOf(perRepBins(series.rows, flowDays, meanOf(column)));
  const parts = [
    { label: t(lang, "new-users.market"), color: "#4c78a8", direction: "up" as const, values: part("users_new_market") },
    { label: t(lang, "new-users.wom"), color: "#72b7b2", direction: "up" as const, values: part("users_new_wom") },
    ...(withChurn ? [{ label: t(lang, "new-users.churned"), color: "#e45756", direction: "down" as const, values: part("users_churned") }] : []),
  ];
  const market = runTotal(series.rows, "users_new_market");
  const wom = runTotal(series.rows, "users_new_wom");
  const churned = runTotal(series.rows, "users_churned");
  const net = market + wom - churned;
  const totals = t(lang, "new-users.totals", { new: compact(market + wom, lang), wom: percent(wom / (market + wom), 0, lang) }) +
    (withChurn ? t(lang, "new-users.totals.churn", { churned: compact(churned, lang), net: `${net >= 0 ? "+" : ""}${compact(net, lang)}` }) : "");
  const panel = flowBars(parts, flowDays, meta.horizonDays, {
    yAxis: countAxis(t(lang, "new-users.axis", { unit: flowUnit(flowDays, lang) }), lang),
    height: HEIGHT,
    width: WIDTH,
    x: dayX(meta.horizonDays, flowDays, true, lang),
  });
  return {
    $schema: SCHEMA,
    title: title(t(lang, "new-users.title"), meta, [totals, t(lang, "new-users.note", { unit: flowUnit(flowDays, lang), churn: withChurn ? t(lang, "new-users.note.churn") : "" })], lang),
    ...panel,
    config: configFor(lang),
  };
}
