/**
 * The parameters' effects on a KPI, for the tornado chart and effects.csv:
 * how far the KPI's mean moves when a parameter goes from its lowest to its
 * highest value. On a grid that is the difference of the marginal means at
 * the two extreme levels (averaged over the other parameters); for sampled
 * designs it is a linear fit over the point means, coefficient × range.
 */
import { elementaryEffects, type MorrisIndex } from "../../stats/elementary-effects.js";
import { leastSquares } from "../../stats/least-squares.js";
import type { SweepAnalysis } from "./analyse.js";

export interface ParameterEffect {
  path: string;
  /** the KPI's mean at the parameter's low and high end (others averaged, or at their centre for a fit) */
  low: number;
  high: number;
  /** the parameter's lowest and highest value */
  lowValue: number;
  highValue: number;
  method: "marginal means" | "linear fit";
}

/** Numeric parameters only (a text-valued parameter has no low and high). */
export function parameterEffects(a: SweepAnalysis, kpi: string): ParameterEffect[] {
  const params = a.plan.spec.parameters.filter((p) => a.points.every((s) => typeof s.point.values[p.path] === "number"));
  const usable = a.points.filter((s) => Number.isFinite(s.kpis[kpi]?.mean));
  if (usable.length < 2 || params.length === 0) return [];
  const ranges = params.map((p) => {
    const xs = usable.map((s) => s.point.values[p.path] as number);
    return { lo: Math.min(...xs), hi: Math.max(...xs) };
  });
  if (a.plan.spec.design.type === "grid") {
    return params.flatMap((p, j) => {
      const { lo, hi } = ranges[j];
      if (lo === hi) return [];
      const meanAt = (v: number) => average(usable.filter((s) => s.point.values[p.path] === v).map((s) => s.kpis[kpi].mean));
      return [{ path: p.path, low: meanAt(lo), high: meanAt(hi), lowValue: lo, highValue: hi, method: "marginal means" as const }];
    });
  }
  const varying = params.map((_, j) => j).filter((j) => ranges[j].hi > ranges[j].lo);
  const rows = usable.map((s) => varying.map((j) => ((s.point.values[params[j].path] as number) - ranges[j].lo) / (ranges[j].hi - ranges[j].lo)));
  const coef = leastSquares(rows, usable.map((s) => s.kpis[kpi].mean));
  const centre = average(usable.map((s) => s.kpis[kpi].mean));
  return varying.flatMap((j, i) => {
    const b = coef[i + 1];
    if (!Number.isFinite(b)) return [];
    return [{ path: params[j].path, low: centre - b / 2, high: centre + b / 2, lowValue: ranges[j].lo, highValue: ranges[j].hi, method: "linear fit" as const }];
  });
}

export interface MorrisRow extends MorrisIndex {
  path: string;
}

/** Morris indices of each parameter for a KPI (point means as the output); [] for other designs. */
export function morrisIndices(a: SweepAnalysis, kpi: string): MorrisRow[] {
  if (a.plan.spec.design.type !== "morris") return [];
  const outputs = a.points.map((s) => ({ unit: s.point.unit ?? [], trajectory: s.point.trajectory ?? 0, y: s.kpis[kpi]?.mean ?? NaN }));
  return elementaryEffects(outputs, a.plan.spec.parameters.length).map((m, j) => ({ path: a.plan.spec.parameters[j].path, ...m }));
}

function average(xs: readonly number[]): number {
  const f = xs.filter(Number.isFinite);
  return f.length ? f.reduce((s, x) => s + x, 0) / f.length : NaN;
}
