import type { TopLevelSpec } from "vega-lite";
import type { RunMeta } from "../read-report.js";
import { bands, bandsOf, COUNT_BAND, lastOf, meanOf, perRepBins, type DailySeries } from "../series.js";
import { configFor, countAxis, dayAxis, dayScale, SCHEMA, title, WIDTH } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";

const PANEL_HEIGHT = 150;

/** Entries and exits are averaged over a week: daily counts are too spiky to read. */
function flowBinDays(horizonDays: number): number {
  return horizonDays >= 28 ? 7 : 1;
}

/**
 * Merchant growth in three panels sharing the day axis: active merchants,
 * entries and exits per week (exits drawn below zero), and merchants past the
 * sales mark. Lines are means over replications with 95% bands.
 */
export function merchantGrowth(series: DailySeries, meta: RunMeta, lang: Lang = "en"): TopLevelSpec {
  const [entriesLabel, exitsLabel] = [t(lang, "merchant-growth.entries"), t(lang, "merchant-growth.exits")];
  const active = bands(series.rows, series.binDays, lastOf("merchants_active"), COUNT_BAND);
  const overMark = bands(series.rows, series.binDays, lastOf("merchants_over_mark"), COUNT_BAND);
  const flowDays = flowBinDays(meta.horizonDays);
  const entries = bandsOf(perRepBins(series.rows, flowDays, meanOf("merchants_new")));
  const exits = bandsOf(perRepBins(series.rows, flowDays, meanOf("merchants_exited")));
  const flows = [
    ...entries.map((p) => ({ day: p.day, end: Math.min(p.day + flowDays, meta.horizonDays), kind: entriesLabel, count: p.mean })),
    ...exits.map((p) => ({ day: p.day, end: Math.min(p.day + flowDays, meta.horizonDays), kind: exitsLabel, count: -p.mean })),
  ];
  const x = { field: "day", type: "quantitative" as const, axis: dayAxis(series.binDays, lang), scale: dayScale(meta.horizonDays) };
  const bandPanel = (values: typeof active, yTitle: string, color: string, showX: boolean) => ({
    width: WIDTH,
    height: PANEL_HEIGHT,
    data: { values },
    encoding: { x: showX ? x : { ...x, axis: { ...x.axis, title: null } } },
    layer: [
      {
        mark: { type: "area" as const, opacity: 0.22, color },
        // Stocks start far from zero: a zero-based axis would flatten the growth the chart is about.
        encoding: { y: { field: "lo", type: "quantitative" as const, axis: countAxis(yTitle, lang), scale: { zero: false } }, y2: { field: "hi" } },
      },
      { mark: { type: "line" as const, color }, encoding: { y: { field: "mean", type: "quantitative" as const } } },
    ],
  });
  return {
    $schema: SCHEMA,
    title: title(t(lang, "merchant-growth.title"), meta, t(lang, "merchant-growth.note", { weekly: flowDays === 7 ? t(lang, "merchant-growth.weekly") : "" }), lang),
    vconcat: [
      bandPanel(active, t(lang, "merchant-growth.active"), "#4c78a8", false),
      {
        width: WIDTH,
        height: PANEL_HEIGHT,
        data: { values: flows },
        mark: { type: "bar", opacity: 0.85 },
        encoding: {
          x: { ...x, axis: { ...x.axis, title: null } },
          x2: { field: "end" },
          // x and x2 make the bar a range in days, so its height needs an explicit base at zero.
          y: { field: "count", type: "quantitative", axis: countAxis(t(lang, "merchant-growth.flows"), lang) },
          y2: { datum: 0 },
          color: {
            field: "kind",
            type: "nominal",
            title: null,
            scale: { domain: [entriesLabel, exitsLabel], range: ["#54a24b", "#e45756"] },
            legend: { orient: "right", direction: "vertical" },
          },
        },
      },
      bandPanel(overMark, t(lang, "merchant-growth.overMark"), "#f58518", true),
    ],
    // The one legend belongs to the bars' panel, not to the top of the figure.
    resolve: { legend: { color: "independent" } },
    config: configFor(lang),
  };
}
