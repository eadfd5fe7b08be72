/** What the sweep charts share: the run note under each title and axis formats chosen from a KPI's unit. */
import { describeDesign } from "../../../experiments/sweep/spec.js";
import { ANALYSIS_KPIS } from "../../../experiments/sweep/sweep-kpis.js";
import { compactLabel } from "../../charts/common.js";
import { compactNumber, unitKind } from "../../../io/format.js";
import { kpiLabel as kpiName, t, unitWord, type Lang } from "../../../i18n/index.js";
import type { SweepAnalysis } from "../analyse.js";
import { parameterLabel } from "../../parameter-text.js";

/** "Sweep NAME · full grid · 25 points × 4 replications · base seed 1 · 120 days". */
export function sweepNote(a: SweepAnalysis, lang: Lang = "en"): string {
  const spec = a.plan.spec;
  const reps = spec.adaptive
    ? t(lang, "sweep.chartNote.adaptive", { min: spec.reps, max: spec.adaptive.maxReps })
    : t(lang, spec.reps === 1 ? "reps.one" : "reps.many", { n: spec.reps });
  const days = spec.days ? t(lang, "sweep.chartNote.days", { n: spec.days }) : "";
  const design = spec.design.type === "csv" ? t(lang, "design.file") : describeDesign(spec.design, lang);
  return t(lang, "sweep.chartNote", { name: spec.name, design, points: a.points.length, reps, seed: spec.seed, days });
}

export function kpiLabel(key: string, lang: Lang = "en"): string {
  const label = ANALYSIS_KPIS.find((k) => k.key === key)?.label ?? key;
  return kpiName(key, label, lang);
}

export function kpiUnit(key: string): string {
  return ANALYSIS_KPIS.find((k) => k.key === key)?.unit ?? "";
}

/** A quantitative axis (or legend) for a KPI: shares as %, money and counts in k/M/B. */
export function kpiAxis(key: string, lang: Lang = "en") {
  const unit = kpiUnit(key);
  const word = unitKind(unit) === "ratio" && lang !== "en" ? "×" : unitWord(unit, lang);
  const titleText = `${kpiLabel(key, lang)}${unit && unitKind(unit) !== "share" ? ` [${word}]` : ""}`;
  return unitKind(unit) === "share" ? { title: titleText, format: "~%" } : { title: titleText, labelExpr: compactLabel(lang) };
}

/**
 * A KPI's value as cell labels and tooltips show it, computed here rather
 * than by a d3 format (whose SI prefixes print 0.372 as "372m" and a billion
 * as "1G"): shares as percentages, everything else as the tables write it
 * (three significant digits with k / M / B).
 */
export function kpiText(key: string, x: number | null, lang: Lang = "en"): string {
  if (x === null || !Number.isFinite(x)) return t(lang, "format.na");
  return unitKind(kpiUnit(key)) === "share" ? `${(x * 100).toFixed(1)}%` : compactNumber(x, lang);
}

/** Labels of a legend or an axis in a KPI's unit, as its axis has them (% for shares, k/M/B otherwise). */
export function kpiLegend(key: string, lang: Lang = "en") {
  return unitKind(kpiUnit(key)) === "share" ? { format: "~%" } : { labelExpr: compactLabel(lang) };
}

/** The tooltip line naming the parameter: titled by its field name in English ("parameter"), by the catalogue otherwise. */
/** The tooltip of a parameter: its label and, in English where the label is in words, its path. */
export function parameterTooltips(lang: Lang): object[] {
  return lang === "en" ? [{ field: "parameter" }, { field: "path", title: "Path" }] : [{ field: "parameter", title: t(lang, "sweep.tooltip.parameter") }];
}

/** The short label of each parameter of the sweep, distinct among them (report/parameter-text.ts parameterLabel). */
export function parameterLabeller(a: SweepAnalysis, lang: Lang): (path: string) => string {
  const paths = a.plan.spec.parameters.map((p) => p.path);
  // the labels are English words: a Chinese page names parameters by their path, as written
  return lang === "en" ? (path) => parameterLabel(path, paths) : (path) => path;
}

/** Field names in chart data must not hold dots (Vega reads them as nesting). */
export function field(path: string): string {
  return path.replace(/[^A-Za-z0-9_]/g, "_");
}

export function finite(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : null;
}
