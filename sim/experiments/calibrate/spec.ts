/**
 * A calibration, as its file states it once read and checked, and what a
 * calibration produces. Everything it computes follows from the spec, the
 * model version and the code: the optimizer's draws come from the seed, and
 * every evaluation runs on the same replication seeds (common random
 * numbers), so two parameter sets are compared on the same luck.
 */
import type { CheckResult } from "../check/evaluate.js";
import type { Band, TargetSpec } from "../check/spec.js";

export interface CalibrationParameter {
  /** a leaf parameter path of the scenario schema */
  path: string;
  min: number;
  max: number;
  /** log: searched (and its prior stated) on log(value) */
  scale: "linear" | "log";
  isInteger: boolean;
  /** where the search starts: the file's `start`, else the base scenario's value */
  start: number;
  /** an optional normal prior, on the parameter's scale: adds ((x − mean) / sd)² to the loss */
  prior?: { mean: number; sd: number };
}

export interface CalibrationTarget {
  target: TargetSpec;
  /** multiplies the target's squared distances in the loss */
  weight: number;
  /** not fitted: reported before and after the fit, as what the fit predicts */
  holdout: boolean;
}

export interface CalibrationSpec {
  name: string;
  description: string;
  /** the calibration file as shown in messages, and absolute */
  file: string;
  absFile: string;
  /** the base scenario (absolute): the calibrated scenario extends it */
  base: string;
  /** fixed overrides of every run, `path=value` (a longer warm-up, say) */
  set: string[];
  parameters: CalibrationParameter[];
  targets: CalibrationTarget[];
  users?: number;
  /** every run's horizon, over each target's horizonDays */
  days?: number;
  reps: number;
  seed: number;
  /** evaluations at most (the start point counts as one) */
  budget: number;
  /** the optimizer's population per generation */
  population: number;
  /** the optimizer's starting step, in units of each parameter's range (on its scale) */
  sigma: number;
  /**
   * After the search, the loss along each parameter through the best point:
   * `steps` points each side, `span` apart in all (a share of the range on
   * its scale), the other parameters held at their best. 0 steps: none.
   */
  profile: { steps: number; span: number };
}

/** One check of one target at one evaluation, with its distance from the band. */
export interface CheckFit extends CheckResult {
  targetId: string;
  /** distance of the mean from the band in standard errors (0 inside the band) */
  z: number;
}

export interface Evaluation {
  /** 0 is the start point; then in the order the optimizer asked */
  index: number;
  /** 0 for the start point, then the optimizer's generation (1, 2, …); the profile's points have the last generation + 1 */
  generation: number;
  /** the start point, a candidate of the search, or a point of the profile through the best */
  phase: "start" | "search" | "profile";
  /** parameter path → value */
  values: Record<string, number>;
  /** the fitted targets' checks */
  checks: CheckFit[];
  /** Σ weight × z² over the fitted checks, plus the priors' terms */
  loss: number;
}

/**
 * One fitted parameter's uncertainty: the values whose loss is within noise
 * of the best (loss ≤ best + threshold). With a profile, where the loss along
 * the parameter through the best point crosses the threshold (linear between
 * the profile's points); an end that the profile did not reach is open (the
 * range is at least that wide). Without one, the lowest and highest value
 * among all evaluations within noise.
 */
export interface ParameterUncertainty {
  path: string;
  best: number;
  start: number;
  method: "profile" | "evaluated";
  low: number;
  high: number;
  /** the loss stayed within noise up to the profile's (or the range's) end on that side */
  lowOpen: boolean;
  highOpen: boolean;
  /** evaluations within noise of the best (all of them, not only the profile's) */
  within: number;
}

export type StopReason = "budget" | "converged" | "stalled";

export interface CalibrationResult {
  format: "livecommerce-sim calibration 1";
  version: string;
  spec: CalibrationSpec;
  seeds: number[];
  evaluations: Evaluation[];
  /** index of the best evaluation (lowest loss; of equal losses, the nearest the start) */
  best: number;
  /** the start point's and the best point's checks, holdout targets included */
  before: CheckFit[];
  after: CheckFit[];
  /** the loss threshold over the best that counts as "within noise" (3.84: a 95% profile interval for one parameter) */
  threshold: number;
  uncertainty: ParameterUncertainty[];
  stopReason: StopReason;
  /** the optimizer found nothing better than the start point */
  isImproved: boolean;
  runs: { total: number; ranNow: number };
  wallSec: number;
}

export type { Band };
