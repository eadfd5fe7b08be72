/**
 * The parameters' effects on a KPI, for the tornado chart and effects.csv:
 * how far the KPI's mean moves when a parameter goes from its lowest to its
 * highest value. On a grid that is the difference of the marginal means at
 * the two extreme levels (averaged over the other parameters); for sampled
 * designs it is a linear fit over the point means, coefficient × range.
 * Also the screening measures of the designs built for them: Morris mu, mu*
 * and sigma, and Sobol first-order and total indices.
 */
import { elementaryEffects, type MorrisIndex } from "../../stats/elementary-effects.js";
import { leastSquares } from "../../stats/least-squares.js";
import { sobolIndices, type SobolIndex } from "../../stats/sobol.js";
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

export interface SobolRow extends SobolIndex {
  path: string;
}

export interface SobolAnalysis {
  rows: SobolRow[];
  /** variance of the KPI's point means over A and B (0: it does not vary, and rows hold NaN) */
  variance: number;
  /** base rows with every output known (A, B and each AB_i) */
  n: number;
}

/**
 * Sobol indices of each parameter for a KPI, from the point means (the output
 * of a point is its KPI's mean over replications). Points find their place by
 * the role sweep.json keeps for them; base rows with a point missing or
 * without a value are left out. Undefined for other designs.
 */
export function sobolAnalysis(a: SweepAnalysis, kpi: string): SobolAnalysis | undefined {
  if (a.plan.spec.design.type !== "sobol") return undefined;
  const k = a.plan.spec.parameters.length;
  const rows = new Map<number, { a?: number; b?: number; ab: (number | undefined)[] }>();
  for (const s of a.points) {
    const role = s.point.sobol;
    if (!role) continue;
    const row = rows.get(role.row) ?? { ab: new Array<number | undefined>(k).fill(undefined) };
    const y = s.kpis[kpi]?.mean ?? NaN;
    if (role.matrix === "A") row.a = y;
    else if (role.matrix === "B") row.b = y;
    else if (role.column !== undefined && role.column < k) row.ab[role.column] = y;
    rows.set(role.row, row);
  }
  const complete = [...rows.entries()]
    .sort(([p], [q]) => p - q)
    .map(([, r]) => r)
    .filter((r) => [r.a, r.b, ...r.ab].every((y) => y !== undefined && Number.isFinite(y)));
  const result = sobolIndices({
    a: complete.map((r) => r.a!),
    b: complete.map((r) => r.b!),
    ab: Array.from({ length: k }, (_, i) => complete.map((r) => r.ab[i]!)),
  }, { seed: a.plan.spec.seed });
  return { rows: result.indices.map((x, j) => ({ path: a.plan.spec.parameters[j].path, ...x })), variance: result.variance, n: result.n };
}

/** Whether a KPI got indices at all (it varies, on at least 2 complete base rows). */
export function hasSobolIndices(s: SobolAnalysis | undefined): boolean {
  return s !== undefined && s.rows.some((x) => Number.isFinite(x.s1) && Number.isFinite(x.st));
}

function average(xs: readonly number[]): number {
  const f = xs.filter(Number.isFinite);
  return f.length ? f.reduce((s, x) => s + x, 0) / f.length : NaN;
}
