import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, COUNT_BAND, hasColumns, meanOf, UNIT_BAND, weightedMeanOf, type BandLimits, type BinAggregate, type DailySeries } from "../series.js";
import { configFor, SCHEMA, WIDTH, shareAxis, title } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";
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
function experiencePanels(lang: Lang): ExperiencePanel[] {
  return [
  { column: "trust_mean", title: t(lang, "user-experience.trust"), yAxis: { title: t(lang, "user-experience.trust.axis"), format: ".3~f" }, aggregate: meanOf("trust_mean"), color: "#54a24b", limits: UNIT_BAND },
  {
    column: "ad_fatigue_mean",
    title: t(lang, "user-experience.fatigue"),
    yAxis: { title: t(lang, "user-experience.fatigue.axis"), format: ".3~f" },
    aggregate: meanOf("ad_fatigue_mean"),
    color: "#e45756",
    limits: COUNT_BAND,
  },
  {
    column: "delivery_days",
    title: t(lang, "user-experience.delivery"),
    yAxis: { title: t(lang, "user-experience.delivery.axis"), format: ".2~f" },
    // Weighted by orders: a day without orders (delivery_days 0) says nothing about delivery.
    aggregate: weightedMeanOf("delivery_days", "orders"),
    color: "#9d755d",
    limits: COUNT_BAND,
  },
  {
    column: "content_pull",
    title: t(lang, "user-experience.pull"),
    yAxis: { title: t(lang, "user-experience.pull.axis"), format: ".3~f" },
    aggregate: meanOf("content_pull"),
    color: "#a05195",
    limits: UNIT_BAND,
  },
  {
    column: "reference_price_index",
    title: t(lang, "user-experience.price"),
    yAxis: shareAxis(t(lang, "user-experience.price.axis")),
    aggregate: meanOf("reference_price_index"),
    color: "#4c78a8",
    // a share of the list price: never below 0 (an expectation above the list price is possible)
    limits: COUNT_BAND,
  },
];
}

/** The columns that make this chart worth drawing: trust alone is already in the trust chart. */
export const EXPERIENCE_COLUMNS: readonly string[] = ["ad_fatigue_mean", "delivery_days", "content_pull", "reference_price_index"];

/**
 * Users' experience of the platform over time, one small panel per measure
 * the folder has (trust, ad fatigue, delivery time, content pull, reference
 * price), each the mean over replications with its 95% band, on one day axis.
 */
export function userExperience(series: DailySeries, meta: RunMeta, lang: Lang = "en"): TopLevelSpec {
  const panels = experiencePanels(lang).filter((p) => hasColumns(series.rows, [p.column]));
  return {
    $schema: SCHEMA,
    title: title(t(lang, "user-experience.title"), meta, t(lang, "chart.linesBands"), lang),
    vconcat: panels.map((p, i) =>
      bandPanel(bands(series.rows, series.binDays, p.aggregate, p.limits), {
        title: p.title,
        yAxis: p.yAxis,
        color: p.color,
        height: PANEL_HEIGHT,
        width: WIDTH,
        x: dayX(meta.horizonDays, series.binDays, i === panels.length - 1, lang),
        zero: false,
      }),
    ),
    config: configFor(lang),
  };
}
