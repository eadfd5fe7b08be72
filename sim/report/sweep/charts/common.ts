/** What the sweep charts share: the run note under each title and axis formats chosen from a KPI's unit. */
import { describeDesign } from "../../../experiments/sweep/spec.js";
import { ANALYSIS_KPIS } from "../../../experiments/sweep/sweep-kpis.js";
import { COMPACT_LABEL } from "../../charts/common.js";
import { compactNumber, unitKind } from "../../../io/format.js";
import type { SweepAnalysis } from "../analyse.js";
import { parameterLabel } from "../../parameter-text.js";

/** "Sweep NAME · full grid · 25 points × 4 replications · base seed 1 · 120 days". */
export function sweepNote(a: SweepAnalysis): string {
  const reps = a.plan.spec.adaptive ? `${a.plan.spec.reps}–${a.plan.spec.adaptive.maxReps} replications (adaptive)` : `${a.plan.spec.reps} replication${a.plan.spec.reps === 1 ? "" : "s"}`;
  const days = a.plan.spec.days ? ` · ${a.plan.spec.days} days` : "";
  return `Sweep ${a.plan.spec.name} · ${describeDesign(a.plan.spec.design).replace(/^points from .*/, "points from a file")} · ${a.points.length} points × ${reps} · base seed ${a.plan.spec.seed}${days}`;
}

export function kpiLabel(key: string): string {
  return ANALYSIS_KPIS.find((k) => k.key === key)?.label ?? key;
}

export function kpiUnit(key: string): string {
  return ANALYSIS_KPIS.find((k) => k.key === key)?.unit ?? "";
}

/** A quantitative axis (or legend) for a KPI: shares as %, money and counts in k/M/B. */
export function kpiAxis(key: string) {
  const unit = kpiUnit(key);
  const titleText = `${kpiLabel(key)}${unit && unitKind(unit) !== "share" ? ` [${unit}]` : ""}`;
  return unitKind(unit) === "share" ? { title: titleText, format: "~%" } : { title: titleText, labelExpr: COMPACT_LABEL };
}

/**
 * A KPI's value as cell labels and tooltips show it, computed here rather
 * than by a d3 format (whose SI prefixes print 0.372 as "372m" and a billion
 * as "1G"): shares as percentages, everything else as the tables write it
 * (three significant digits with k / M / B).
 */
export function kpiText(key: string, x: number | null): string {
  if (x === null || !Number.isFinite(x)) return "n/a";
  return unitKind(kpiUnit(key)) === "share" ? `${(x * 100).toFixed(1)}%` : compactNumber(x);
}

/** Labels of a legend or an axis in a KPI's unit, as its axis has them (% for shares, k/M/B otherwise). */
export function kpiLegend(key: string) {
  return unitKind(kpiUnit(key)) === "share" ? { format: "~%" } : { labelExpr: COMPACT_LABEL };
}

/** The short label of each parameter of the sweep, distinct among them (report/parameter-text.ts parameterLabel). */
export function parameterLabeller(a: SweepAnalysis): (path: string) => string {
  const paths = a.plan.spec.parameters.map((p) => p.path);
  return (path) => parameterLabel(path, paths);
}

/** Field names in chart data must not hold dots (Vega reads them as nesting). */
export function field(path: string): string {
  return path.replace(/[^A-Za-z0-9_]/g, "_");
}

export function finite(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : null;
}
