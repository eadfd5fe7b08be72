import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, hasColumns, meanOf, MONEY_BAND, runTotal, type DailySeries } from "../series.js";
import { configFor, SCHEMA, WIDTH, compact, countAxis, moneyAxis, perDay, title, labelColors } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";
import { bandPanel, dayX, panelTitle } from "./panels.js";

export const PROVIDER_COLUMNS: readonly string[] = ["providers_clients", "providers_capacity", "providers_waiting", "providers_fees"];

/** The counts of the first panel, with fixed colours. */
const COUNTS = [
  { column: "providers_capacity", label: "service-providers.slots", color: "#9d755d", dash: [6, 4] },
  { column: "providers_clients", label: "service-providers.served", color: "#4c78a8", dash: [1, 0] },
  { column: "providers_waiting", label: "service-providers.waiting", color: "#e45756", dash: [1, 0] },
] as const;

const PANEL_HEIGHT = 160;

/** Whether a run had service providers at all: its folder has the columns and some capacity on some day. */
export function hadProviders(series: DailySeries): boolean {
  return hasColumns(series.rows, PROVIDER_COLUMNS) && series.rows.some((r) => r.providers_capacity > 0);
}

/**
 * Service providers: their client slots, the merchants they serve and those
 * waiting for one (platform scale, means over replications), and below, the
 * fees paid to them per day with a 95% band (by merchants, or by the platform
 * as subsidy_service when it funds them).
 */
export function serviceProviders(series: DailySeries, meta: RunMeta, lang: Lang = "en"): TopLevelSpec {
  const unit = perDay(series.binDays, lang);
  const lines = COUNTS.map((c) => ({ ...c, label: t(lang, c.label) }));
  const counts = lines.flatMap((c, order) =>
    bands(series.rows, series.binDays, meanOf(c.column)).map((p) => ({ day: p.day, series: c.label, order, count: p.mean })),
  );
  const fees = runTotal(series.rows, "providers_fees");
  const subsidy = hasColumns(series.rows, ["subsidy_service"]) ? runTotal(series.rows, "subsidy_service") : 0;
  const payer = fees > 0 ? t(lang, "service-providers.payer", { amount: compact(subsidy, lang) }) : "";
  return {
    $schema: SCHEMA,
    title: title(t(lang, "service-providers.title"), meta, [
      t(lang, "service-providers.totals", { fees: compact(fees, lang), payer }),
      t(lang, "service-providers.note"),
    ], lang),
    vconcat: [
      {
        title: panelTitle(t(lang, "service-providers.countsPanel", { unit })),
        width: WIDTH,
        height: PANEL_HEIGHT,
        data: { values: counts },
        mark: { type: "line" as const, strokeWidth: 2 },
        encoding: {
          x: dayX(meta.horizonDays, series.binDays, false, lang),
          y: { field: "count", type: "quantitative" as const, axis: countAxis(t(lang, "service-providers.merchants"), lang) },
          color: labelColors("series", null, lines),
          // slots are dashed: served merchants equal them while capacity binds, and would hide them
          strokeDash: { field: "series", type: "nominal" as const, legend: null, scale: { domain: lines.map((c) => c.label), range: lines.map((c) => [...c.dash]) } },
          order: { field: "order", type: "quantitative" as const },
        },
      },
      bandPanel(bands(series.rows, series.binDays, meanOf("providers_fees"), MONEY_BAND), {
        title: t(lang, "service-providers.feesPanel", { unit }),
        yAxis: moneyAxis(t(lang, "chart.rmb"), lang),
        color: "#54a24b",
        height: PANEL_HEIGHT,
        width: WIDTH,
        x: dayX(meta.horizonDays, series.binDays, true, lang),
        zero: true,
      }),
    ],
    resolve: { legend: { color: "independent" } },
    config: configFor(lang),
  };
}
