/**
 * The sweep's analysis tables: points.csv (per point, each KPI's mean and 95%
 * interval), effects.csv (each parameter's effect on each KPI of interest),
 * morris.csv (mu, mu*, sigma per parameter and KPI, Morris designs only),
 * sobol.csv (first-order and total Sobol indices with bootstrap intervals per
 * parameter and KPI, Sobol designs only; empty where the KPI does not vary) and
 * missing.csv (runs the plan asks for that the log lacks).
 */
import { csvLine } from "../../io/csv.js";
import { ANALYSIS_KPIS } from "../../experiments/sweep/sweep-kpis.js";
import type { SweepAnalysis } from "./analyse.js";
import { morrisIndices, parameterEffects, sobolAnalysis } from "./effects.js";

const line = (fields: (string | number | boolean)[]): string => csvLine(fields);

export function pointsCsv(a: SweepAnalysis): string {
  const paths = a.plan.spec.parameters.map((p) => p.path);
  const header = ["point", ...paths, "reference_point", "reps", ...ANALYSIS_KPIS.flatMap((k) => [`${k.key}_mean`, `${k.key}_lo95`, `${k.key}_hi95`])];
  let text = line(header);
  // design points first, then the reference points they are paired against (reference_point "self")
  for (const s of [...a.points, ...a.references]) {
    const reference = s.point.isReference ? "self" : (s.point.referenceId ?? "");
    text += line([s.point.id, ...paths.map((p) => s.point.values[p]), reference, s.n, ...ANALYSIS_KPIS.flatMap((k) => {
      const m = s.kpis[k.key] ?? { mean: NaN, ci95: [NaN, NaN] };
      return [m.mean, m.ci95[0], m.ci95[1]];
    })]);
  }
  return text;
}

export function effectsCsv(a: SweepAnalysis): string {
  let text = line(["kpi", "parameter", "method", "low_value", "high_value", "kpi_at_low", "kpi_at_high", "effect"]);
  for (const kpi of a.plan.spec.kpis) {
    for (const e of parameterEffects(a, kpi)) text += line([kpi, e.path, e.method, e.lowValue, e.highValue, e.low, e.high, e.high - e.low]);
  }
  return text;
}

export function morrisCsv(a: SweepAnalysis): string {
  let text = line(["kpi", "parameter", "mu", "mu_star", "sigma", "effects"]);
  for (const kpi of a.plan.spec.kpis) for (const m of morrisIndices(a, kpi)) text += line([kpi, m.path, m.mu, m.muStar, m.sigma, m.n]);
  return text;
}

export function sobolCsv(a: SweepAnalysis): string {
  let text = line(["kpi", "parameter", "s1", "s1_low", "s1_high", "st", "st_low", "st_high", "n"]);
  for (const kpi of a.plan.spec.kpis) {
    const s = sobolAnalysis(a, kpi);
    for (const x of s?.rows ?? []) text += line([kpi, x.path, x.s1, x.s1Low, x.s1High, x.st, x.stLow, x.stHigh, s!.n]);
  }
  return text;
}

export function missingCsv(a: SweepAnalysis): string {
  const paths = a.plan.spec.parameters.map((p) => p.path);
  let text = line(["key", "point", "rep", "seed", ...paths]);
  for (const r of a.missing) text += line([r.key, r.point.id, r.rep, r.seed, ...paths.map((p) => r.point.values[p])]);
  return text;
}
