/**
 * What the designs share: a parameter to vary (a list of values, or a
 * distribution with bounds) and a design point. Designs are pure functions of
 * their parameters and a seeded uniform source: the same sweep file always
 * gives the same points.
 */
/** A value a sweep gives a parameter: what a scenario file could hold for a leaf. */
export type ParamValue = number | string | boolean;

export type ParameterSpec =
  | {
      path: string;
      kind: "values";
      /** the values, in the order given (a from/to/step range is expanded here) */
      values: ParamValue[];
      /** how the user wrote it, for pages: "0:0.1:0.02" or "0, 0.05, 0.1" */
      written: string;
    }
  | {
      path: string;
      kind: "distribution";
      distribution: "uniform" | "loguniform";
      min: number;
      max: number;
      /** the parameter takes whole numbers: draws are rounded */
      isInteger: boolean;
      written: string;
    };

/** Which matrix of a Saltelli (Sobol) design a point is a row of: A, B, or AB_i (A with column i from B). */
export interface SobolRole {
  matrix: "A" | "B" | "AB";
  /** base row j, 0 … N-1 */
  row: number;
  /** for AB_i: the parameter i whose column comes from B (0-based, in the order of the parameters) */
  column?: number;
}

export interface DesignPoint {
  /** parameter path → value, in the order of the parameters */
  values: Record<string, ParamValue>;
  /** Morris and Sobol: the point's coordinates on [0, 1] per parameter */
  unit?: number[];
  /** Morris only: the point's trajectory */
  trajectory?: number;
  /** Sobol only: the Saltelli matrix (A, B or AB_i) and base row the point belongs to */
  sobol?: SobolRole;
}

/** The value of a parameter at a position u in [0, 1] of its range (a quantile for distributions). */
export function valueAtUnit(param: ParameterSpec, u: number): ParamValue {
  const x = Math.min(1, Math.max(0, u));
  if (param.kind === "values") {
    // equal-width bins over the list: u in [i/n, (i+1)/n) picks values[i]
    return param.values[Math.min(param.values.length - 1, Math.floor(x * param.values.length))];
  }
  const raw = param.distribution === "uniform"
    ? param.min + x * (param.max - param.min)
    : Math.exp(Math.log(param.min) + x * (Math.log(param.max) - Math.log(param.min)));
  const clipped = Math.min(param.max, Math.max(param.min, raw));
  return param.isInteger ? Math.round(clipped) : tidy(clipped);
}

/** 12 significant digits: a value written to a CSV and read back is the same number, and 0.1 + 0.2 reads as 0.3. */
export function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/** The values of `from, from + step, …` up to `to` (both ends included when on the step), tidied against drift. */
export function expandRange(from: number, to: number, step: number): number[] {
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => tidy(from + i * step));
}
