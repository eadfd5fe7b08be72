import type { TopLevelSpec } from "vega-lite";
import { TIER_KEYS, TIER_LABELS } from "../../model/metrics.js";
import { t, type Lang } from "../../i18n/index.js";
import type { RunMeta, TimeseriesRow } from "../read-report.js";
import { bands, bandsOf, lastOf, meanOf, perRepBins, type DailySeries } from "../series.js";
import { configFor, SCHEMA, WIDTH, compact, countAxis, percent, tierLabel, title, labelColors } from "./common.js";
import { dayX, flowBars, flowBinDays, flowUnit, panelTitle } from "./panels.js";

/** Active creators by tier of platform-scale followers, one column per tier (metrics.ts). */
export const CREATOR_TIER_COLUMNS: readonly string[] = TIER_KEYS.map((k) => `creators_tier_${k}`);
/** Creators entering and leaving per day. */
export const CREATOR_FLOW_COLUMNS: readonly string[] = ["creators_new", "creators_exited"];
/** Net platform followers gained per day by the creators of each tier. */
export const FOLLOWER_GAIN_COLUMNS: readonly string[] = TIER_KEYS.map((k) => `followers_gained_tier_${k}`);

/** Tiers from the smallest (light) to the largest (dark). */
const TIER_COLORS = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c", "#08306b"];
const PANEL_HEIGHT = 170;

/** Mean over replications of a column's value on `day` (the rows of that day). */
function meanOnDay(rows: readonly TimeseriesRow[], day: number, column: string): number {
  const at = rows.filter((r) => r.day === day);
  return at.length > 0 ? at.reduce((s, r) => s + r[column], 0) / at.length : 0;
}

/**
 * Creator tiers over time: active creators by tier of platform-scale
 * followers, stacked (means over replications, the last day of each bin);
 * below it, when the folder has them, creators entering and leaving per
 * day, and the followers the creators of each tier gained per day (net;
 * tier at the start of the day). The subtitle gives the tiers' shares of
 * creators on the first and the last day. A folder written before the model
 * reported tiers has none of these columns: report-charts.ts leaves the chart out.
 */
export function creatorTiers(series: DailySeries, meta: RunMeta, withFlows: boolean, withGains: boolean, lang: Lang = "en"): TopLevelSpec {
  const tiers = TIER_LABELS.map((label, i) => ({ label: tierLabel(label, lang), column: CREATOR_TIER_COLUMNS[i], color: TIER_COLORS[i] }));
  const values = tiers.flatMap((t, order) =>
    bands(series.rows, series.binDays, lastOf(t.column)).map((p) => ({ day: p.day, tier: t.label, order, creators: p.mean })),
  );
  const days = series.rows.map((r) => r.day);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const shares = (day: number) => {
    const counts = tiers.map((t) => meanOnDay(series.rows, day, t.column));
    const all = counts.reduce((a, b) => a + b, 0);
    return tiers.map((tier, i) => t(lang, "chart.labelValue", { label: tier.label, value: percent(all > 0 ? counts[i] / all : 0, 1, lang) })).join(t(lang, "chart.sep"));
  };
  const total = (day: number) => tiers.reduce((s, t) => s + meanOnDay(series.rows, day, t.column), 0);
  const flowDays = flowBinDays(meta.horizonDays, series.binDays);
  const panels: object[] = [
    {
      title: panelTitle(t(lang, "creator-tiers.creatorsPanel")),
      width: WIDTH,
      height: PANEL_HEIGHT,
      data: { values },
      mark: { type: "area" as const, interpolate: "monotone" as const, opacity: 0.9 },
      encoding: {
        x: dayX(meta.horizonDays, series.binDays, !withFlows && !withGains, lang),
        y: { field: "creators", type: "quantitative" as const, stack: "zero" as const, axis: countAxis(t(lang, "creator-tiers.creators"), lang) },
        color: labelColors("tier", t(lang, "creator-tiers.followersLegend"), tiers),
        order: { field: "order", type: "quantitative" as const },
      },
    },
  ];
  if (withFlows) {
    panels.push(
      flowBars(
        [
          { label: t(lang, "creator-tiers.entered"), color: "#54a24b", direction: "up", values: bandsOf(perRepBins(series.rows, flowDays, meanOf("creators_new"))) },
          { label: t(lang, "creator-tiers.left"), color: "#e45756", direction: "down", values: bandsOf(perRepBins(series.rows, flowDays, meanOf("creators_exited"))) },
        ],
        flowDays,
        meta.horizonDays,
        { title: t(lang, "creator-tiers.flowsPanel", { unit: flowUnit(flowDays, lang) }), yAxis: countAxis(t(lang, "creator-tiers.creators"), lang), height: PANEL_HEIGHT, width: WIDTH, x: dayX(meta.horizonDays, flowDays, !withGains, lang) },
      ),
    );
  }
  if (withGains) {
    const gains = tiers.flatMap((t, order) =>
      bandsOf(perRepBins(series.rows, flowDays, meanOf(FOLLOWER_GAIN_COLUMNS[order]))).map((p) => ({ day: p.day, tier: t.label, followers: p.mean })),
    );
    panels.push({
      title: panelTitle(t(lang, "creator-tiers.gainsPanel", { unit: flowUnit(flowDays, lang) })),
      width: WIDTH,
      height: PANEL_HEIGHT,
      data: { values: gains },
      mark: { type: "line" as const, interpolate: "monotone" as const },
      encoding: {
        x: dayX(meta.horizonDays, flowDays, true, lang),
        y: { field: "followers", type: "quantitative" as const, axis: countAxis(t(lang, "creator-tiers.followers"), lang) },
        color: labelColors("tier", t(lang, "creator-tiers.tierLegend"), tiers),
      },
    });
  }
  return {
    $schema: SCHEMA,
    title: title(t(lang, "creator-tiers.title"), meta, [
      t(lang, "creator-tiers.first", { day: first, total: compact(total(first), lang), shares: shares(first) }),
      t(lang, "creator-tiers.last", { day: last, total: compact(total(last), lang), shares: shares(last) }),
    ], lang),
    vconcat: panels as TopLevelSpec[],
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
    config: configFor(lang),
  } as TopLevelSpec;
}
