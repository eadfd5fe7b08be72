import type { TopLevelSpec } from "vega-lite";
import type { RunMeta, TimeseriesRow } from "../read-report.js";
import { bands, bandsOf, hasColumns, lastOf, meanOf, perRepBins, type BandPoint, type BinAggregate, type DailySeries } from "../series.js";
import { CONFIG, SCHEMA, WIDTH, compact, countAxis, moneyAxis, percent, shareAxis, title, labelColors } from "./common.js";
import { bandPanel, dayX, flowBars, flowBinDays, flowUnit, panelTitle, type FlowPart } from "./panels.js";

/** Active merchants by annual sales band (run rate x 365, RMB a year), at platform scale (metrics.ts, merchant-strategy.ts). */
export const MERCHANT_BAND_COLUMNS: readonly string[] = ["merchants_band_lt100k", "merchants_band_100k_1m", "merchants_band_1m_10m", "merchants_band_gt10m"];
/** The share of the merchants' sales (run rate) held by the top 1% of merchants. */
export const MERCHANT_TOP_SHARE_COLUMNS: readonly string[] = ["merchants_top1_share"];
/** Exits in the day by cause; merchants_exited is all of them, a shock's closures included. */
export const MERCHANT_EXIT_COLUMNS: readonly string[] = ["merchants_exited_losses", "merchants_exited_governance", "merchants_exited_idle"];

/** The bands from the smallest to the largest, in colours that stay apart as lines on a log scale. */
const SIZE_BANDS = [
  { column: "merchants_band_lt100k", label: "< 100k", color: "#5ec962" },
  { column: "merchants_band_100k_1m", label: "100k–1M", color: "#21918c" },
  { column: "merchants_band_1m_10m", label: "1M–10M", color: "#3b528b" },
  { column: "merchants_band_gt10m", label: "> 10M", color: "#440154" },
] as const;

const EXIT_CAUSES = [
  { column: "merchants_exited_losses", label: "Losses (cash in distress)", color: "#e45756" },
  { column: "merchants_exited_governance", label: "Governance (complaints)", color: "#b279a2" },
  { column: "merchants_exited_idle", label: "Idle (no sales expected)", color: "#bab0ac" },
] as const;
const SHOCK_EXITS = { label: "Other (a shock's closures)", color: "#f58518" };

/** The means of the merchant strategy, one small panel each, when the folder has the column. */
const STRATEGY = [
  { column: "merchant_price_index", title: "Price over reference", axis: { title: "Index", format: "~g" }, color: "#4c78a8", max: Infinity },
  { column: "merchant_quality_mean", title: "Quality (0–1)", axis: { title: "Quality", format: "~g" }, color: "#54a24b", max: 1 },
  { column: "merchant_commission_mean", title: "Commission, share of price", axis: shareAxis("Commission"), color: "#e4572e", max: 1 },
  { column: "merchant_brand_mean", title: "Brand strength (0–1)", axis: { title: "Brand", format: "~g" }, color: "#b279a2", max: 1 },
  { column: "merchant_capacity_mean", title: "Capacity (1 at entry)", axis: { title: "Units", format: "~g" }, color: "#9d755d", max: Infinity },
  { column: "merchant_ad_budget_mean", title: "Paid traffic, RMB a day", axis: moneyAxis("RMB"), color: "#f58518", max: Infinity },
] as const;

const PANEL_HEIGHT = 170;
const SMALL_WIDTH = 170;
const SMALL_HEIGHT = 90;
const SMALL_PER_ROW = 3;

/**
 * The 95% band cut to what the quantity can be (a share in 0..1, a price or a
 * budget at least 0): with few replications the t interval reaches past it.
 */
function within(points: readonly BandPoint[], max: number): BandPoint[] {
  return points.map((p) => ({ ...p, lo: Math.max(0, p.lo), hi: Math.min(max, p.hi) }));
}

/** Mean over replications of a column's value on `day`. */
function meanOnDay(rows: readonly TimeseriesRow[], day: number, column: string): number {
  const at = rows.filter((r) => r.day === day && Number.isFinite(r[column]));
  return at.length > 0 ? at.reduce((s, r) => s + r[column], 0) / at.length : NaN;
}

/** Exits no cause column accounts for (a shock's closures): all exits less the three causes, per-day mean over the bin. */
const otherExits: BinAggregate = (rows) => {
  let s = 0;
  for (const r of rows) s += Math.max(0, r.merchants_exited - r.merchants_exited_losses - r.merchants_exited_governance - r.merchants_exited_idle);
  return s / rows.length;
};

/** Powers of ten spanning [lo, hi]: the log axis's ticks and domain, so it labels decades only. */
function decades(lo: number, hi: number): number[] {
  const from = Math.floor(Math.log10(lo));
  const to = Math.max(from + 1, Math.ceil(Math.log10(hi)));
  return Array.from({ length: to - from + 1 }, (_, i) => 10 ** (from + i));
}

/**
 * The merchant size distribution over time. Merchants by annual sales band
 * (run rate x 365; means over replications, the last day of each bin) as
 * lines on a log scale: a few hundred merchants above 1M RMB a year would
 * vanish in a stack on hundreds of thousands below 100k. Below it, when the
 * folder has the columns: the top 1% of merchants' share of sales (mean with
 * its 95% band), exits per day by cause (a shock's closures, which have no
 * cause column, as the rest of all exits), and small panels of the mean
 * strategy (price index, quality, commission, brand, capacity, paid traffic).
 * A folder written before the model reported sizes has no band columns:
 * report-charts.ts leaves the chart out.
 */
export function merchantSizes(series: DailySeries, meta: RunMeta): TopLevelSpec {
  const has = (columns: readonly string[]) => hasColumns(series.rows, columns);
  const withTop = has(MERCHANT_TOP_SHARE_COLUMNS);
  const withExits = has(MERCHANT_EXIT_COLUMNS) && has(["merchants_exited"]);
  const strategy = STRATEGY.filter((s) => has([s.column]));

  // Means at zero have no place on a log scale: left out, the line starts where the band is first reached.
  const bandValues = SIZE_BANDS.flatMap((b, order) =>
    bands(series.rows, series.binDays, lastOf(b.column))
      .filter((p) => p.mean > 0)
      .map((p) => ({ day: p.day, band: b.label, order, merchants: p.mean })),
  );
  const positive = bandValues.map((v) => v.merchants);
  const ticks = positive.length > 0 ? decades(Math.min(...positive), Math.max(...positive)) : [1, 10];

  const days = series.rows.map((r) => r.day);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const sizes = (day: number) => {
    const counts = SIZE_BANDS.map((b) => meanOnDay(series.rows, day, b.column));
    const all = counts.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    const parts = SIZE_BANDS.map((b, i) => `${b.label} ${compact(counts[i])}${i === 0 ? ` (${percent(all > 0 ? counts[i] / all : 0, 1)})` : ""}`).join(", ");
    const top = withTop ? `; top 1% hold ${percent(meanOnDay(series.rows, day, "merchants_top1_share"), 1)} of sales` : "";
    return `${compact(all)} merchants: ${parts}${top}`;
  };

  const flowDays = flowBinDays(meta.horizonDays, series.binDays);
  const lowerPanels = (withTop ? 1 : 0) + (withExits ? 1 : 0);
  let drawn = 0;
  // The day axis is titled under the last of the panels that share it (the small multiples carry their own).
  const x = (binDays: number) => dayX(meta.horizonDays, binDays, ++drawn === 1 + lowerPanels);

  const panels: object[] = [
    {
      title: panelTitle("Active merchants by annual sales, RMB a year (platform scale, log scale)"),
      width: WIDTH,
      height: PANEL_HEIGHT,
      data: { values: bandValues },
      mark: { type: "line" as const, interpolate: "monotone" as const, strokeWidth: 2 },
      encoding: {
        x: x(series.binDays),
        y: {
          field: "merchants",
          type: "quantitative" as const,
          scale: { type: "log" as const, domain: [ticks[0], ticks[ticks.length - 1]] },
          axis: { ...countAxis("Merchants"), values: ticks },
        },
        color: labelColors("band", "Sales a year", SIZE_BANDS),
        order: { field: "day", type: "quantitative" as const },
      },
    },
  ];
  if (withTop) {
    panels.push(
      bandPanel(within(bands(series.rows, series.binDays, meanOf("merchants_top1_share")), 1), {
        title: "Share of merchants' sales (run rate) held by the top 1% of merchants",
        yAxis: shareAxis("Share of sales"),
        color: "#3b528b",
        height: PANEL_HEIGHT - 40,
        width: WIDTH,
        x: x(series.binDays),
        zero: false,
      }),
    );
  }
  if (withExits) {
    const parts: FlowPart[] = EXIT_CAUSES.map((c) => ({
      label: c.label,
      color: c.color,
      direction: "up" as const,
      values: bandsOf(perRepBins(series.rows, flowDays, meanOf(c.column))),
    }));
    const other = bandsOf(perRepBins(series.rows, flowDays, otherExits));
    if (other.some((p) => p.mean > 1e-9)) parts.push({ label: SHOCK_EXITS.label, color: SHOCK_EXITS.color, direction: "up", values: other });
    const none = parts.every((part) => part.values.every((p) => !(p.mean > 0)));
    panels.push(
      flowBars(parts, flowDays, meta.horizonDays, {
        title: `Merchants leaving by cause, ${flowUnit(flowDays)}${none ? " (none in this run)" : ""}`,
        yAxis: countAxis("Merchants"),
        height: PANEL_HEIGHT - 40,
        width: WIDTH,
        x: x(flowDays),
        legendTitle: "Exit",
      }),
    );
  }
  if (strategy.length > 0) {
    const lastRow = Math.floor((strategy.length - 1) / SMALL_PER_ROW);
    const small = strategy.map((s, i) =>
      bandPanel(within(bands(series.rows, series.binDays, meanOf(s.column)), s.max), {
        title: s.title,
        yAxis: s.axis,
        color: s.color,
        height: SMALL_HEIGHT,
        width: SMALL_WIDTH,
        x: dayX(meta.horizonDays, series.binDays, Math.floor(i / SMALL_PER_ROW) === lastRow),
        zero: false,
      }),
    );
    const rows: object[] = [];
    for (let i = 0; i < small.length; i += SMALL_PER_ROW) rows.push({ hconcat: small.slice(i, i + SMALL_PER_ROW) });
    panels.push({ title: panelTitle("Mean strategy of active merchants (mean over replications, 95% band)"), vconcat: rows });
  }

  const notes = [`Day ${first}: ${sizes(first)}`, `Day ${last}: ${sizes(last)}`];
  notes.push(
    "Bands: annual sales run rate (x 365); lines: mean over replications" +
      (withTop || strategy.length > 0 ? ", bands: 95% interval" : "") +
      (withExits ? `; bars: exits ${flowUnit(flowDays)}` : ""),
  );
  return {
    $schema: SCHEMA,
    title: title("Merchant sizes", meta, notes),
    vconcat: panels as TopLevelSpec[],
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
    config: CONFIG,
  } as TopLevelSpec;
}

/** For the tests: the band labels and the exit causes' labels, in drawing order. */
export const MERCHANT_SIZE_LABELS = { bands: SIZE_BANDS.map((b) => b.label), exits: [...EXIT_CAUSES.map((c) => c.label), SHOCK_EXITS.label] } as const;
