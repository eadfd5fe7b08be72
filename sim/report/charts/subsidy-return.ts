import type { TopLevelSpec } from "vega-lite";
import type { CumulativeDifferencePoint } from "../compare-series.js";
import { compactLabel, configFor, SCENARIO_COLORS, SCHEMA, WIDTH, compact, dayAxis, moneyAxis } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";

const PANEL_HEIGHT = 170;

/**
 * Return on the subsidy over time: cumulative extra GMV and cumulative extra
 * money subsidy against the baseline (top), and their ratio, the incremental
 * GMV per RMB of extra subsidy (bottom), drawn once the extra subsidy is large
 * enough to divide by. The subtitle gives each scenario's ratio at the end.
 */
export function subsidyReturn(points: readonly CumulativeDifferencePoint[], scenarios: readonly string[], baseline: string, note: readonly string[], lang: Lang = "en"): TopLevelSpec {
  const [extraGmv, extraSubsidy] = [t(lang, "subsidy-return.extraGmv"), t(lang, "subsidy-return.extraSubsidy")];
  const lastDay = Math.max(0, ...points.map((p) => p.day));
  const endings = scenarios.map((s) => {
    const end = points.find((p) => p.scenario === s && p.day === lastDay);
    if (!end) return t(lang, "subsidy-return.noData", { scenario: s });
    const ratio = end.ratio === null ? t(lang, "subsidy-return.noRatio") : t(lang, "subsidy-return.ratio", { ratio: end.ratio.toFixed(2), interval: ratioInterval(end) });
    return t(lang, "subsidy-return.ending", {
      scenario: s, gmv: `${sign(end.gmv)}${compact(Math.abs(end.gmv), lang)}`, subsidy: `${sign(end.subsidy)}${compact(Math.abs(end.subsidy), lang)}`, ratio,
    });
  });
  const lines = points.flatMap((p) => [
    { day: p.day, scenario: p.scenario, measure: extraGmv, value: p.gmv, lo: p.gmvLo, hi: p.gmvHi },
    { day: p.day, scenario: p.scenario, measure: extraSubsidy, value: p.subsidy, lo: p.subsidyLo, hi: p.subsidyHi },
  ]);
  const ratios = points.filter((p) => p.ratio !== null).map((p) => ({ day: p.day, scenario: p.scenario, ratio: p.ratio, lo: p.ratioLo, hi: p.ratioHi }));
  const color = {
    field: "scenario",
    type: "nominal" as const,
    title: t(lang, "overlay.legend"),
    scale: { domain: [...scenarios], range: SCENARIO_COLORS.slice(1, scenarios.length + 1) },
    legend: { symbolType: "stroke", symbolOpacity: 1, symbolStrokeWidth: 2.5 },
  };
  const x = { field: "day", type: "quantitative" as const, scale: { domain: [0, lastDay + 1] } };
  const cumulativePanel = (showX: boolean) => ({
    width: WIDTH,
    height: PANEL_HEIGHT,
    data: { values: lines },
    encoding: { x: { ...x, axis: showX ? dayAxis(1, lang) : { ...dayAxis(1, lang), title: null } }, color },
    layer: [
      {
        mark: { type: "area" as const, opacity: 0.14 },
        encoding: { y: { field: "lo", type: "quantitative" as const, axis: moneyAxis(t(lang, "subsidy-return.cumulative"), lang) }, y2: { field: "hi" }, detail: { field: "measure" } },
      },
      {
        mark: { type: "line" as const },
        encoding: {
          y: { field: "value", type: "quantitative" as const },
          strokeDash: {
            field: "measure",
            type: "nominal" as const,
            title: null,
            scale: { domain: [extraGmv, extraSubsidy], range: [[1, 0], [5, 3]] },
            legend: { symbolType: "stroke" },
          },
        },
      },
    ],
  });
  // Without a clearly positive extra subsidy there is no ratio to draw, and no panel for it.
  const ratioPanel = {
    width: WIDTH,
    height: PANEL_HEIGHT,
    data: { values: ratios },
    layer: [
      // the zero reference: a plain thin grey rule, unlike any series and in no legend
      { data: { values: [{ zero: 0 }] }, mark: { type: "rule" as const, color: "#999", strokeWidth: 1 }, encoding: { y: { field: "zero", type: "quantitative" as const } } },
      // the ratio's 95% interval over replication pairs (compare-series.ts: delta method), where it has one
      {
        transform: [{ filter: "isValid(datum.lo) && isValid(datum.hi)" }],
        mark: { type: "area" as const, opacity: 0.14 },
        encoding: { x: { ...x, axis: dayAxis(1, lang) }, y: { field: "lo", type: "quantitative" as const }, y2: { field: "hi" }, color },
      },
      {
        mark: { type: "line" as const },
        encoding: {
          x: { ...x, axis: dayAxis(1, lang) },
          y: { field: "ratio", type: "quantitative" as const, axis: { title: t(lang, "subsidy-return.perRmb"), labelExpr: compactLabel(lang) } },
          color,
        },
      },
    ],
  };
  return {
    $schema: SCHEMA,
    title: {
      text: t(lang, "subsidy-return.title", { baseline }),
      subtitle: [...note, t(lang, "subsidy-return.note"), ...endings],
    },
    vconcat: ratios.length ? [cumulativePanel(false), ratioPanel] : [cumulativePanel(true)],
    config: configFor(lang),
  };
}

/** " [95%: 1.20, 3.40]" when the ratio has an interval, else "". */
function ratioInterval(p: CumulativeDifferencePoint): string {
  const text = (x: number) => x.toFixed(2).replace("-", "−");
  return p.ratioLo === null || p.ratioHi === null ? "" : ` [95%: ${text(p.ratioLo)}, ${text(p.ratioHi)}]`;
}

function sign(x: number): string {
  return x > 0 ? "+" : x < 0 ? "−" : "±";
}
