import type { TopLevelSpec } from "vega-lite";
import type { Comparison } from "../compare.js";
import { sig } from "../series.js";
import { configFor, SCENARIO_COLORS, SCHEMA, WIDTH } from "./common.js";
import { kpiLabel, t, type Lang } from "../../i18n/index.js";

/**
 * Forest plot of every KPI's relative change against the baseline: a point at
 * the mean difference and a bar for its 95% interval (paired where the runs
 * pair), one row per KPI, a colour per scenario. Solid where the interval
 * excludes zero. KPIs with no relative change (a zero baseline, a signed score
 * such as NPS) are left out and counted in the subtitle. A KPI far off the scale of the others (the subsidy total of a
 * subsidy scenario, say) is drawn at the edge with its value written beside it,
 * so it does not squash every other row into the zero line.
 */
export function kpiForest(comparison: Comparison, note: readonly string[], lang: Lang = "en"): TopLevelSpec {
  const [excludes, includes] = [t(lang, "kpi-forest.excludes"), t(lang, "kpi-forest.includes")];
  const rows = comparison.rows.map((r) => ({ ...r, label: kpiLabel(r.kpi, r.label, lang) })).filter((r) => Number.isFinite(r.relativeChange) && Number.isFinite(r.relativeCi95[0]) && Number.isFinite(r.relativeCi95[1]));
  const labels: string[] = [];
  for (const r of rows) if (!labels.includes(r.label)) labels.push(r.label);
  const cap = axisCap(rows.map((r) => Math.max(Math.abs(r.relativeCi95[0]), Math.abs(r.relativeCi95[1]))));
  const clamp = (x: number) => sig(Math.max(-cap, Math.min(cap, x)), 4);
  const values = rows.map((r) => {
    const isOffScale = Math.abs(r.relativeChange) > cap;
    return {
      kpi: r.label,
      scenario: r.scenario,
      change: clamp(r.relativeChange),
      lo: clamp(r.relativeCi95[0]),
      hi: clamp(r.relativeCi95[1]),
      significance: r.excludesZero ? excludes : includes,
      offScale: isOffScale ? `${r.relativeChange > 0 ? "+" : "−"}${Math.round(Math.abs(r.relativeChange) * 100)}%` : "",
      side: r.relativeChange > 0 ? "right" : "left",
    };
  });
  const left = comparison.rows.length - rows.length;
  const y = { field: "kpi", type: "nominal" as const, sort: labels, title: null, axis: { labelLimit: 340 } };
  const yOffset = { field: "scenario", type: "nominal" as const, sort: comparison.scenarios };
  const x = { type: "quantitative" as const, scale: { domain: [-cap, cap], nice: false } };
  const color = {
    field: "scenario",
    type: "nominal" as const,
    title: t(lang, "kpi-forest.legend"),
    scale: { domain: comparison.scenarios, range: SCENARIO_COLORS.slice(1, comparison.scenarios.length + 1) },
  };
  return {
    $schema: SCHEMA,
    title: {
      text: t(lang, "kpi-forest.title", { baseline: comparison.baseline }),
      subtitle: [
        ...note,
        t(lang, "kpi-forest.note"),
        ...(left ? [t(lang, "kpi-forest.left", { n: left })] : []),
        ...(values.some((v) => v.offScale) ? [t(lang, "kpi-forest.cut", { cap: Math.round(cap * 100) })] : []),
      ],
    },
    width: WIDTH - 140,
    height: { step: 12 },
    data: { values },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: "#888", strokeDash: [4, 3] }, encoding: { x: { ...x, field: "zero" } } },
      {
        mark: { type: "rule", strokeWidth: 2 },
        encoding: { y, yOffset, x: { ...x, field: "lo", axis: { title: t(lang, "kpi-forest.axis"), format: "~%" } }, x2: { field: "hi" }, color },
      },
      {
        mark: { type: "point", filled: true, size: 45 },
        encoding: {
          y,
          yOffset,
          x: { ...x, field: "change" },
          color,
          opacity: {
            field: "significance",
            type: "ordinal",
            sort: [excludes, includes],
            title: null,
            scale: { domain: [excludes, includes], range: [1, 0.35] },
          },
        },
      },
      // Off-scale values are written inside the plot, next to the point at the edge.
      ...(["right", "left"] as const).map((side) => ({
        transform: [{ filter: `datum.offScale != '' && datum.side == '${side}'` }],
        mark: { type: "text" as const, fontSize: 10, dx: side === "right" ? -8 : 8, align: side === "right" ? ("right" as const) : ("left" as const), baseline: "middle" as const },
        encoding: { y, yOffset, x: { ...x, field: "change" }, text: { field: "offScale", type: "nominal" as const }, color },
      })),
    ],
    config: configFor(lang),
  };
}

/**
 * Half-width of the x axis: wide enough for most intervals, but not for one
 * that is many times wider than the rest: 1.2 × the larger of the 80th
 * percentile bound and 5%, never past the largest bound.
 */
function axisCap(bounds: number[]): number {
  if (bounds.length === 0) return 0.1;
  const sorted = [...bounds].sort((a, b) => a - b);
  const p80 = sorted[Math.min(sorted.length - 1, Math.floor(0.8 * sorted.length))];
  const max = sorted[sorted.length - 1];
  const cap = Math.min(max, Math.max(p80, 0.05) * 1.2);
  return sig(cap > 0 ? cap * 1.05 : 0.05, 2);
}
