/**
 * Saltelli sampling for Sobol sensitivity indices (Saltelli 2002; Saltelli et
 * al. 2010): from a 2k-dimensional Sobol low-discrepancy sequence, base
 * matrices A (its first k columns) and B (its last k), N rows each, and for
 * every parameter i the matrix AB_i: A with column i taken from B. The
 * design is N × (k + 2) points; each records its matrix and row (its role),
 * which is all the estimator (stats/sobol.ts) needs to pair the outputs.
 *
 * The sequence is the `sobol` package (tornord/sobol, Joe–Kuo
 * new-joe-kuo-6.21201 direction numbers, the same points as scipy's
 * unscrambled qmc.Sobol). It computes in 32-bit integers with 20 bits of
 * resolution, so it is exact for the first 2^20 points and wrong after them:
 * sobolPoints refuses more (a sweep has at most 100,000 points anyway).
 *
 * The design is deterministic: the sequence is not scrambled, so the seed
 * plays no part in where the points are. Its first point after the origin is
 * 0.5 in every dimension, which would make A = B on a row whose k + 2 points
 * are then one scenario and add nothing but a downward bias of 1/N to every
 * index: it is skipped too, so row 0 is the sequence's second point.
 * Elsewhere AB_i equals A wherever B's column i happens to equal A's. Equal
 * points share their runs (as Morris revisits do), which is what the
 * estimator expects: the same scenario on the same seed, the same output.
 */
import { SobolSequenceGenerator } from "sobol";
import { valueAtUnit, type DesignPoint, type ParameterSpec, type SobolRole } from "./types.js";

export type { SobolRole };

/** Points of the sequence the package computes exactly (the origin, skipped, is the first). */
export const MAX_SOBOL_POINTS = 2 ** 20 - 1;

/**
 * The first n points of the `dimensions`-dimensional Sobol sequence after the
 * origin (which is all zeros, and would sit on every parameter's minimum).
 * Gray-code order, as Joe and Kuo's generator: 0.5…, then 0.75/0.25…, …
 */
export function sobolPoints(dimensions: number, n: number): number[][] {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 21201) throw new RangeError(`a Sobol sequence has 1 to 21201 dimensions, not ${dimensions}`);
  if (!Number.isInteger(n) || n < 0 || n > MAX_SOBOL_POINTS) throw new RangeError(`at most ${MAX_SOBOL_POINTS} Sobol points, not ${n}`);
  const generator = new SobolSequenceGenerator(dimensions);
  generator.nextVector(); // the origin
  return Array.from({ length: n }, () => generator.nextVector());
}

/**
 * The Saltelli design on `samples` base rows. Points are grouped by row: for
 * row j, A_j, AB_1j … AB_kj, B_j, so an unfinished sweep still has whole rows
 * for the estimator. Each point carries its unit coordinates and its role.
 */
export function sobolDesign(params: readonly ParameterSpec[], samples: number): DesignPoint[] {
  const k = params.length;
  if (k === 0 || samples < 1) return [];
  const points: DesignPoint[] = [];
  // the sequence's first point (0.5 in every dimension) would make A = B on row 0
  for (const [row, x] of sobolPoints(2 * k, samples + 1).slice(1).entries()) {
    const a = x.slice(0, k);
    const b = x.slice(k);
    points.push(pointAt(params, a, { matrix: "A", row }));
    for (let i = 0; i < k; i++) points.push(pointAt(params, a.map((u, j) => (j === i ? b[i] : u)), { matrix: "AB", row, column: i }));
    points.push(pointAt(params, b, { matrix: "B", row }));
  }
  return points;
}

function pointAt(params: readonly ParameterSpec[], unit: number[], role: SobolRole): DesignPoint {
  return { values: Object.fromEntries(params.map((p, j) => [p.path, valueAtUnit(p, unit[j])])), unit, sobol: role };
}

/** "A row 3", "B row 3", "AB_2 row 3" (1-based parameter, as pages count). */
export function describeSobolRole(role: SobolRole): string {
  return role.matrix === "AB" ? `AB_${(role.column ?? 0) + 1} row ${role.row}` : `${role.matrix} row ${role.row}`;
}
