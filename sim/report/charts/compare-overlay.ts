import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, COUNT_BAND, lastOf, meanOf, MONEY_BAND, ratioOf, SHARE_BAND, type BandLimits, type BinAggregate, type DailySeries } from "../series.js";
import { compareNote, CONFIG, countAxis, dayAxis, dayScale, HEIGHT, moneyAxis, SCENARIO_COLORS, SCHEMA, shareAxis, WIDTH } from "./common.js";
import { ORDER_SOURCES } from "./demand-sources.js";
import { panelTitle } from "./panels.js";

export interface OverlayMetric {
  title: string;
  yTitle: string;
  aggregate: BinAggregate;
  axis: (title: string) => object;
  /** Whether the y axis starts at zero (flows yes; stocks that start far from it no). */
  zero: boolean;
  /** What the band may show: the quantity's bounds (none for a signed quantity). */
  limits?: BandLimits;
}

/** The three overlays of a comparison page. */
export const OVERLAYS = {
  gmv: { title: "GMV per day by scenario", yTitle: "GMV, RMB per day", aggregate: meanOf("gmv"), axis: moneyAxis, zero: true, limits: MONEY_BAND },
  repurchase: {
    title: "Orders that repeat a merchant, by scenario",
    yTitle: "Share of orders",
    aggregate: ratioOf("repeat_orders", "orders"),
    axis: shareAxis,
    zero: false,
    limits: SHARE_BAND,
  },
  merchants: { title: "Active merchants by scenario", yTitle: "Active merchants", aggregate: lastOf("merchants_active"), axis: countAxis, zero: false, limits: COUNT_BAND },
} satisfies Record<string, OverlayMetric>;

/** Orders by where the demand came from, one panel per source (compare-demand). */
export const DEMAND_OVERLAYS: readonly OverlayMetric[] = ORDER_SOURCES.map((s) => ({
  title: s.title,
  yTitle: "Orders per day",
  aggregate: meanOf(s.column),
  axis: countAxis,
  zero: true,
  limits: COUNT_BAND,
}));

export interface OverlayRun {
  meta: RunMeta;
  series: DailySeries;
}

/** The colour channel of the scenarios, in order (the baseline first), with a legend of lines. */
function scenarioColor(names: string[]) {
  return {
    field: "scenario",
    type: "nominal" as const,
    title: "Scenario",
    scale: { domain: names, range: SCENARIO_COLORS.slice(0, names.length) },
    legend: { symbolType: "stroke", symbolOpacity: 1, symbolStrokeWidth: 2.5 },
  };
}

/** One metric for every scenario on shared axes: mean lines with 95% bands, the baseline first. */
export function compareOverlay(runs: readonly OverlayRun[], metric: OverlayMetric, isPaired: boolean): TopLevelSpec {
  const binDays = Math.max(...runs.map((r) => r.series.binDays));
  const names = runs.map((r) => r.meta.scenario);
  const values = runs.flatMap((r) => bands(r.series.rows, binDays, metric.aggregate, metric.limits).map((p) => ({ ...p, scenario: r.meta.scenario })));
  const color = scenarioColor(names);
  return {
    $schema: SCHEMA,
    title: {
      text: metric.title,
      subtitle: [...compareNote(runs.map((r) => r.meta), isPaired), "Lines: mean over replications; bands: 95% interval of each scenario's level"],
    },
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    encoding: { x: { field: "day", type: "quantitative", axis: dayAxis(binDays), scale: { nice: false } }, color },
    layer: [
      {
        mark: { type: "area", opacity: 0.16 },
        encoding: { y: { field: "lo", type: "quantitative", axis: metric.axis(metric.yTitle), scale: { zero: metric.zero } }, y2: { field: "hi" } },
      },
      { mark: { type: "line" }, encoding: { y: { field: "mean", type: "quantitative" } } },
    ],
    config: CONFIG,
  };
}

const PANEL_HEIGHT = 150;

/**
 * Several metrics for every scenario, one panel each on one day axis (the
 * panel's title names the metric): mean lines with 95% bands, the baseline first.
 */
export function compareOverlayPanels(runs: readonly OverlayRun[], metrics: readonly OverlayMetric[], titleText: string, isPaired: boolean): TopLevelSpec {
  const binDays = Math.max(...runs.map((r) => r.series.binDays));
  const horizon = Math.max(...runs.map((r) => r.meta.horizonDays));
  const names = runs.map((r) => r.meta.scenario);
  const color = scenarioColor(names);
  // The bin length goes in the subtitle: an axis title longer than a panel is tall would push the panel off its title.
  const binNote = binDays === 1 ? "" : `, ${binDays}-day means`;
  return {
    $schema: SCHEMA,
    title: {
      text: titleText,
      subtitle: [...compareNote(runs.map((r) => r.meta), isPaired), `Lines: mean over replications${binNote}; bands: 95% interval of each scenario's level`],
    },
    vconcat: metrics.map((metric, i) => {
      const axis = dayAxis(binDays);
      return {
        title: panelTitle(metric.title),
        width: WIDTH,
        height: PANEL_HEIGHT,
        data: { values: runs.flatMap((r) => bands(r.series.rows, binDays, metric.aggregate, metric.limits).map((p) => ({ ...p, scenario: r.meta.scenario }))) },
        encoding: {
          x: { field: "day", type: "quantitative" as const, scale: dayScale(horizon), axis: i === metrics.length - 1 ? axis : { ...axis, title: null } },
          color,
        },
        layer: [
          {
            mark: { type: "area" as const, opacity: 0.16 },
            encoding: { y: { field: "lo", type: "quantitative" as const, axis: metric.axis(metric.yTitle), scale: { zero: metric.zero } }, y2: { field: "hi" } },
          },
          { mark: { type: "line" as const }, encoding: { y: { field: "mean", type: "quantitative" as const } } },
        ],
      };
    }),
    config: CONFIG,
  };
}
