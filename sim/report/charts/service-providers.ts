import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, hasColumns, meanOf, MONEY_BAND, runTotal, type DailySeries } from "../series.js";
import { CONFIG, SCHEMA, WIDTH, compact, countAxis, moneyAxis, perDay, title, labelColors } from "./common.js";
import { bandPanel, dayX, panelTitle } from "./panels.js";

export const PROVIDER_COLUMNS: readonly string[] = ["providers_clients", "providers_capacity", "providers_waiting", "providers_fees"];

/** The counts of the first panel, with fixed colours. */
const COUNTS = [
  { column: "providers_capacity", label: "Client slots (dashed)", color: "#9d755d", dash: [6, 4] },
  { column: "providers_clients", label: "Merchants served", color: "#4c78a8", dash: [1, 0] },
  { column: "providers_waiting", label: "Merchants waiting", color: "#e45756", dash: [1, 0] },
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
export function serviceProviders(series: DailySeries, meta: RunMeta): TopLevelSpec {
  const unit = perDay(series.binDays);
  const counts = COUNTS.flatMap((c, order) =>
    bands(series.rows, series.binDays, meanOf(c.column)).map((p) => ({ day: p.day, series: c.label, order, count: p.mean })),
  );
  const fees = runTotal(series.rows, "providers_fees");
  const subsidy = hasColumns(series.rows, ["subsidy_service"]) ? runTotal(series.rows, "subsidy_service") : 0;
  const payer = fees > 0 ? `; paid by the platform (subsidy_service): ${compact(subsidy)} RMB` : "";
  return {
    $schema: SCHEMA,
    title: title("Service providers", meta, [
      `Over the run, mean over replications: fees to providers ${compact(fees)} RMB${payer}`,
      "Counts: mean over replications, platform scale; fees: mean with 95% band",
    ]),
    vconcat: [
      {
        title: panelTitle(`Providers' client slots, merchants served and merchants waiting, ${unit}`),
        width: WIDTH,
        height: PANEL_HEIGHT,
        data: { values: counts },
        mark: { type: "line" as const, strokeWidth: 2 },
        encoding: {
          x: dayX(meta.horizonDays, series.binDays, false),
          y: { field: "count", type: "quantitative" as const, axis: countAxis("Merchants") },
          color: labelColors("series", null, COUNTS),
          // slots are dashed: served merchants equal them while capacity binds, and would hide them
          strokeDash: { field: "series", type: "nominal" as const, legend: null, scale: { domain: COUNTS.map((c) => c.label), range: COUNTS.map((c) => [...c.dash]) } },
          order: { field: "order", type: "quantitative" as const },
        },
      },
      bandPanel(bands(series.rows, series.binDays, meanOf("providers_fees"), MONEY_BAND), {
        title: `Fees paid to providers, RMB ${unit}`,
        yAxis: moneyAxis("RMB"),
        color: "#54a24b",
        height: PANEL_HEIGHT,
        width: WIDTH,
        x: dayX(meta.horizonDays, series.binDays, true),
        zero: true,
      }),
    ],
    resolve: { legend: { color: "independent" } },
    config: CONFIG,
  };
}
