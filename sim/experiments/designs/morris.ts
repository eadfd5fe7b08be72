/**
 * Morris elementary-effects design (Morris 1991; Campolongo et al. 2007 for
 * mu*): r trajectories of k + 1 points on a p-level grid of [0, 1]^k. Along a
 * trajectory one parameter at a time moves by delta = p / (2 (p - 1)), so each
 * step gives one elementary effect of one parameter.
 */
import type { Rng } from "../../engine/rng.js";
import { permutation } from "./lhs.js";
import { valueAtUnit, type DesignPoint, type ParameterSpec } from "./types.js";

export interface MorrisOptions {
  trajectories: number;
  /** grid levels p, even (4 is the usual choice) */
  levels: number;
}

/** The step between the two points of an elementary effect, on [0, 1]. */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/**
 * The design: trajectory t is points t*(k+1) … t*(k+1)+k. Each point carries
 * its unit coordinates (what the effects are computed on) and its trajectory.
 */
export function morrisDesign(params: readonly ParameterSpec[], opts: MorrisOptions, rng: Rng): DesignPoint[] {
  const k = params.length;
  const p = opts.levels;
  const stepLevels = p / 2; // delta in grid steps
  const points: DesignPoint[] = [];
  for (let t = 0; t < opts.trajectories; t++) {
    // each parameter moves between a level in the lower half and the one delta above it; which end it starts at is random
    const low = params.map(() => Math.floor(rng() * stepLevels) / (p - 1));
    const startsHigh = params.map(() => rng() < 0.5);
    const x = low.map((l, j) => (startsHigh[j] ? l + morrisDelta(p) : l));
    points.push(pointAt(params, x, t));
    for (const j of permutation(k, rng)) {
      x[j] = startsHigh[j] ? low[j] : low[j] + morrisDelta(p);
      points.push(pointAt(params, x, t));
    }
  }
  return points;
}

function pointAt(params: readonly ParameterSpec[], unit: number[], trajectory: number): DesignPoint {
  const snapped = unit.map((u) => Number(u.toPrecision(12)));
  return {
    values: Object.fromEntries(params.map((p, j) => [p.path, valueAtUnit(p, morrisUnitToQuantile(p, snapped[j]))])),
    unit: snapped,
    trajectory,
  };
}

/**
 * A level on [0, 1] as the position valueAtUnit expects. A list of n values is
 * read at its n points (level 0 → the first value, level 1 → the last), not in
 * equal-width bins, so the extremes of the list are the extremes of the design.
 */
function morrisUnitToQuantile(param: ParameterSpec, u: number): number {
  if (param.kind !== "values") return u;
  const n = param.values.length;
  const index = Math.round(u * (n - 1));
  return (index + 0.5) / n;
}
