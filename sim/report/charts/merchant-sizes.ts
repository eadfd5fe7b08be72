import type { TopLevelSpec } from "vega-lite";
import type { RunMeta, TimeseriesRow } from "../read-report.js";
import { bands, bandsOf, hasColumns, lastOf, meanOf, perRepBins, type BandPoint, type BinAggregate, type DailySeries } from "../series.js";
import { configFor, SCHEMA, WIDTH, compact, countAxis, moneyAxis, percent, shareAxis, title, labelColors } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";
import { bandPanel, dayX, flowBars, flowBinDays, flowUnit, panelTitle, type FlowPart } from "./panels.js";

/** Active merchants by annual sales band (run rate x 365, RMB a year), at platform scale (metrics.ts, merchant-strategy.ts). */
export const MERCHANT_BAND_COLUMNS: readonly string[] = ["merchants_band_lt100k", "merchants_band_100k_1m", "merchants_band_1m_10m", "merchants_band_gt10m"];
/** The share of the merchants' sales (run rate) held by the top 1% of merchants. */
export const MERCHANT_TOP_SHARE_COLUMNS: readonly string[] = ["merchants_top1_share"];
/** Exits in the day by cause; merchants_exited is all of them, a shock's closures included. */
export const MERCHANT_EXIT_COLUMNS: readonly string[] = ["merchants_exited_losses", "merchants_exited_governance", "merchants_exited_idle"];

/** The bands from the smallest to the largest, in colours that stay apart as lines on a log scale. */
const SIZE_BANDS = [
  { column: "merchants_band_lt100k", label: "merchant-sizes.band.lt100k", color: "#5ec962" },
  { column: "merchants_band_100k_1m", label: "merchant-sizes.band.100k_1m", color: "#21918c" },
  { column: "merchants_band_1m_10m", label: "merchant-sizes.band.1m_10m", color: "#3b528b" },
  { column: "merchants_band_gt10m", label: "merchant-sizes.band.gt10m", color: "#440154" },
] as const;

const EXIT_CAUSES = [
  { column: "merchants_exited_losses", label: "merchant-sizes.exit.losses", color: "#e45756" },
  { column: "merchants_exited_governance", label: "merchant-sizes.exit.governance", color: "#b279a2" },
  { column: "merchants_exited_idle", label: "merchant-sizes.exit.idle", color: "#bab0ac" },
] as const;
const SHOCK_EXITS = { label: "merchant-sizes.exit.shock", color: "#f58518" } as const;

/** The means of the merchant strategy, one small panel each, when the folder has the column. */
function strategyPanels(lang: Lang) {
  const plain = (axisTitle: string) => ({ title: axisTitle, format: "~g" });
  return [
    { column: "merchant_price_index", title: t(lang, "merchant-sizes.price"), axis: plain(t(lang, "merchant-sizes.price.axis")), color: "#4c78a8", max: Infinity },
    { column: "merchant_quality_mean", title: t(lang, "merchant-sizes.quality"), axis: plain(t(lang, "merchant-sizes.quality.axis")), color: "#54a24b", max: 1 },
    { column: "merchant_commission_mean", title: t(lang, "merchant-sizes.commission"), axis: shareAxis(t(lang, "merchant-sizes.commission.axis")), color: "#e4572e", max: 1 },
    { column: "merchant_brand_mean", title: t(lang, "merchant-sizes.brand"), axis: plain(t(lang, "merchant-sizes.brand.axis")), color: "#b279a2", max: 1 },
    { column: "merchant_capacity_mean", title: t(lang, "merchant-sizes.capacity"), axis: plain(t(lang, "merchant-sizes.capacity.axis")), color: "#9d755d", max: Infinity },
    { column: "merchant_ad_budget_mean", title: t(lang, "merchant-sizes.adBudget"), axis: moneyAxis(t(lang, "chart.rmb"), lang), color: "#f58518", max: Infinity },
  ];
}

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
export function merchantSizes(series: DailySeries, meta: RunMeta, lang: Lang = "en"): TopLevelSpec {
  const has = (columns: readonly string[]) => hasColumns(series.rows, columns);
  const withTop = has(MERCHANT_TOP_SHARE_COLUMNS);
  const withExits = has(MERCHANT_EXIT_COLUMNS) && has(["merchants_exited"]);
  const strategy = strategyPanels(lang).filter((s) => has([s.column]));
  const sizeBands = SIZE_BANDS.map((b) => ({ ...b, label: t(lang, b.label) }));

  // Means at zero have no place on a log scale: left out, the line starts where the band is first reached.
  const bandValues = sizeBands.flatMap((b, order) =>
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
    const counts = sizeBands.map((b) => meanOnDay(series.rows, day, b.column));
    const all = counts.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    const parts = sizeBands.map((b, i) => i === 0
      ? t(lang, "merchant-sizes.first", { label: b.label, count: compact(counts[i], lang), share: percent(all > 0 ? counts[i] / all : 0, 1, lang) })
      : t(lang, "chart.labelValue", { label: b.label, value: compact(counts[i], lang) })).join(t(lang, "chart.sep"));
    const top = withTop ? t(lang, "merchant-sizes.top", { share: percent(meanOnDay(series.rows, day, "merchants_top1_share"), 1, lang) }) : "";
    return t(lang, "merchant-sizes.sizes", { all: compact(all, lang), parts, top });
  };

  const flowDays = flowBinDays(meta.horizonDays, series.binDays);
  const lowerPanels = (withTop ? 1 : 0) + (withExits ? 1 : 0);
  let drawn = 0;
  // The day axis is titled under the last of the panels that share it (the small multiples carry their own).
  const x = (binDays: number) => dayX(meta.horizonDays, binDays, ++drawn === 1 + lowerPanels, lang);

  const panels: object[] = [
    {
      title: panelTitle(t(lang, "merchant-sizes.bandsPanel")),
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
          axis: { ...countAxis(t(lang, "merchant-sizes.merchants"), lang), values: ticks },
        },
        color: labelColors("band", t(lang, "merchant-sizes.legend"), sizeBands),
        order: { field: "day", type: "quantitative" as const },
      },
    },
  ];
  if (withTop) {
    panels.push(
      bandPanel(within(bands(series.rows, series.binDays, meanOf("merchants_top1_share")), 1), {
        title: t(lang, "merchant-sizes.topPanel"),
        yAxis: shareAxis(t(lang, "merchant-sizes.topAxis")),
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
      label: t(lang, c.label),
      color: c.color,
      direction: "up" as const,
      values: bandsOf(perRepBins(series.rows, flowDays, meanOf(c.column))),
    }));
    const other = bandsOf(perRepBins(series.rows, flowDays, otherExits));
    if (other.some((p) => p.mean > 1e-9)) parts.push({ label: t(lang, SHOCK_EXITS.label), color: SHOCK_EXITS.color, direction: "up", values: other });
    const none = parts.every((part) => part.values.every((p) => !(p.mean > 0)));
    panels.push(
      flowBars(parts, flowDays, meta.horizonDays, {
        title: t(lang, "merchant-sizes.exitsPanel", { unit: flowUnit(flowDays, lang), none: none ? t(lang, "merchant-sizes.none") : "" }),
        yAxis: countAxis(t(lang, "merchant-sizes.merchants"), lang),
        height: PANEL_HEIGHT - 40,
        width: WIDTH,
        x: x(flowDays),
        legendTitle: t(lang, "merchant-sizes.exitLegend"),
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
        x: dayX(meta.horizonDays, series.binDays, Math.floor(i / SMALL_PER_ROW) === lastRow, lang),
        zero: false,
      }),
    );
    const rows: object[] = [];
    for (let i = 0; i < small.length; i += SMALL_PER_ROW) rows.push({ hconcat: small.slice(i, i + SMALL_PER_ROW) });
    panels.push({ title: panelTitle(t(lang, "merchant-sizes.strategyPanel")), vconcat: rows });
  }

  const notes = [t(lang, "merchant-sizes.day", { day: first, sizes: sizes(first) }), t(lang, "merchant-sizes.day", { day: last, sizes: sizes(last) })];
  notes.push(t(lang, "merchant-sizes.note", {
    bands: withTop || strategy.length > 0 ? t(lang, "merchant-sizes.note.bands") : "",
    bars: withExits ? t(lang, "merchant-sizes.note.bars", { unit: flowUnit(flowDays, lang) }) : "",
  }));
  return {
    $schema: SCHEMA,
    title: title(t(lang, "merchant-sizes.title"), meta, notes, lang),
    vconcat: panels as TopLevelSpec[],
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
    config: configFor(lang),
  } as TopLevelSpec;
}

/** For the tests: the band labels and the exit causes' labels, in drawing order. */
export const MERCHANT_SIZE_LABELS = {
  bands: SIZE_BANDS.map((b) => t("en", b.label)),
  exits: [...EXIT_CAUSES.map((c) => t("en", c.label)), t("en", SHOCK_EXITS.label)],
} as const;
