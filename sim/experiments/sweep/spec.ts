/**
 * A sweep, as the sweep file or the command line states it, normalised: the
 * base scenario, fixed overrides, the parameters to vary, the design, the
 * replications per point, the KPIs of interest and the seed. Everything a
 * sweep computes follows from this object and the model version.
 */
import { t, type Lang } from "../../i18n/index.js";
import type { ParameterSpec, ParamValue } from "../designs/types.js";

export type DesignSpec =
  | { type: "grid" }
  | { type: "lhs"; samples: number }
  | { type: "morris"; trajectories: number; levels: number }
  /** Saltelli sampling on a Sobol sequence: `samples` base rows, samples × (parameters + 2) points */
  | { type: "sobol"; samples: number }
  | { type: "csv"; file: string };

export interface AdaptiveSpec {
  /** the KPI whose interval must narrow */
  kpi: string;
  /** the 95% half-width to reach: in the KPI's unit, or a share of |mean| when isRelative */
  halfWidth: number;
  isRelative: boolean;
  /** replications per point at most */
  maxReps: number;
}

export interface SweepSpec {
  name: string;
  description: string;
  /** absolute path of the base scenario file */
  base: string;
  /** fixed overrides for every point, as `path=value` (value in YAML/JSON) */
  set: string[];
  days?: number;
  users?: number;
  parameters: ParameterSpec[];
  design: DesignSpec;
  /** replications per point (the first round, with adaptive) */
  reps: number;
  seed: number;
  kpis: string[];
  adaptive?: AdaptiveSpec;
  /** keep each run's per-day series in series/<key>.csv */
  keepSeries: boolean;
  /**
   * The counterfactual of every point: the same point with these values (e.g.
   * the subsidy off). Its runs are planned too, and each point's gains over it
   * are paired by replication (incremental GMV per RMB of subsidy).
   */
  reference?: Record<string, ParamValue>;
}

/** KPIs shown when the sweep names none: what a strategy review starts from. */
export const DEFAULT_SWEEP_KPIS = ["gmv_total", "gmv_per_subsidy_rmb", "merchant_growth", "repurchase_rate", "platform_net"];

export const DEFAULT_REPS = 5;
export const DEFAULT_SEED = 1;
export const DEFAULT_MORRIS_LEVELS = 4;

/** `levers.consumerSubsidy.rate=0.1` for the loader's --set, from a path and a value. */
export function setEntry(path: string, value: unknown): string {
  return `${path}=${JSON.stringify(value)}`;
}

/** Design in words, for pages and progress: "grid", "Latin hypercube, 50 samples", … */
export function describeDesign(design: DesignSpec, lang: Lang = "en"): string {
  switch (design.type) {
    case "grid": return t(lang, "design.grid");
    case "lhs": return t(lang, "design.lhs", { samples: design.samples });
    case "morris": return t(lang, "design.morris", { trajectories: design.trajectories, levels: design.levels });
    case "sobol": return t(lang, "design.sobol", { samples: design.samples });
    case "csv": return t(lang, "design.csv", { file: design.file });
  }
}

/** "gmv_total:2%:20" style text of an adaptive rule, as the CLI takes it. */
export function describeAdaptive(a: AdaptiveSpec): string {
  return `${a.kpi}:${a.isRelative ? `${a.halfWidth * 100}%` : a.halfWidth}:${a.maxReps}`;
}
