/**
 * Latin hypercube sample (McKay, Beckman & Conover 1979): N points such that,
 * for each parameter, exactly one point falls in each of the N equal-probability
 * strata of its range. Each stratum is a random permutation per parameter, and
 * the position inside a stratum is uniform.
 */
import type { Rng } from "../../engine/rng.js";
import { valueAtUnit, type DesignPoint, type ParameterSpec } from "./types.js";

export function lhsDesign(params: readonly ParameterSpec[], samples: number, rng: Rng): DesignPoint[] {
  if (samples < 1) return [];
  const columns = params.map(() => {
    const strata = permutation(samples, rng);
    return strata.map((s) => (s + rng()) / samples);
  });
  return Array.from({ length: samples }, (_, i) => ({
    values: Object.fromEntries(params.map((p, j) => [p.path, valueAtUnit(p, columns[j][i])])),
  }));
}

/** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
export function permutation(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
