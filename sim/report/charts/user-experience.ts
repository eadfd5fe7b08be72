import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, COUNT_BAND, hasColumns, meanOf, UNIT_BAND, weightedMeanOf, type BandLimits, type BinAggregate, type DailySeries } from "../series.js";
import { CONFIG, SCHEMA, WIDTH, shareAxis, title } from "./common.js";
import { bandPanel, dayX } from "./panels.js";

const PANEL_HEIGHT = 110;

interface ExperiencePanel {
  /** The column the panel needs; without it in the table the panel is left out. */
  column: string;
  title: string;
  yAxis: object;
  aggregate: BinAggregate;
  color: string;
  /** What the band may show: the quantity's bounds. */
  limits: BandLimits;
}

/** What users live through, one panel each, in page order. */
const PANELS: readonly ExperiencePanel[] = [
  { column: "trust_mean", title: "Trust in the platform: mean over users (0–1)", yAxis: { title: "Trust (0–1)", format: ".3~f" }, aggregate: meanOf("trust_mean"), color: "#54a24b", limits: UNIT_BAND },
  {
    column: "ad_fatigue_mean",
    title: "Ad fatigue: unwanted paid items a user remembers, mean over users",
    yAxis: { title: "Items per user", format: ".3~f" },
    aggregate: meanOf("ad_fatigue_mean"),
    color: "#e45756",
    limits: COUNT_BAND,
  },
  {
    column: "delivery_days",
    title: "Delivery time: mean over the day's orders, in days",
    yAxis: { title: "Days", format: ".2~f" },
    // Weighted by orders: a day without orders (delivery_days 0) says nothing about delivery.
    aggregate: weightedMeanOf("delivery_days", "orders"),
    color: "#9d755d",
    limits: COUNT_BAND,
  },
  {
    column: "content_pull",
    title: "Content pull: how strongly the platform's content draws users in (0–1)",
    yAxis: { title: "Pull (0–1)", format: ".3~f" },
    aggregate: meanOf("content_pull"),
    color: "#a05195",
    limits: UNIT_BAND,
  },
  {
    column: "reference_price_index",
    title: "Reference price: share of the list price users expect to pay (100% = full price)",
    yAxis: shareAxis("Of list price"),
    aggregate: meanOf("reference_price_index"),
    color: "#4c78a8",
    // a share of the list price: never below 0 (an expectation above the list price is possible)
    limits: COUNT_BAND,
  },
];

/** The columns that make this chart worth drawing: trust alone is already in the trust chart. */
export const EXPERIENCE_COLUMNS: readonly string[] = ["ad_fatigue_mean", "delivery_days", "content_pull", "reference_price_index"];

/**
 * Users' experience of the platform over time, one small panel per measure
 * the folder has (trust, ad fatigue, delivery time, content pull, reference
 * price), each the mean over replications with its 95% band, on one day axis.
 */
export function userExperience(series: DailySeries, meta: RunMeta): TopLevelSpec {
  const panels = PANELS.filter((p) => hasColumns(series.rows, [p.column]));
  return {
    $schema: SCHEMA,
    title: title("Users' experience", meta, "Lines: mean over replications; bands: 95% interval"),
    vconcat: panels.map((p, i) =>
      bandPanel(bands(series.rows, series.binDays, p.aggregate, p.limits), {
        title: p.title,
        yAxis: p.yAxis,
        color: p.color,
        height: PANEL_HEIGHT,
        width: WIDTH,
        x: dayX(meta.horizonDays, series.binDays, i === panels.length - 1),
        zero: false,
      }),
    ),
    config: CONFIG,
  };
}
