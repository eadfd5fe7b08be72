/**
 * PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), as EMA
 * Workbench runs it for scenario discovery. Pure: points and outcomes in,
 * boxes out.
 *
 *   peel:  from the box holding every point, try removing the alpha share of
 *          the box's points at each numeric parameter's low end and high end
 *          (at the alpha quantile, moved to the midpoint between two distinct
 *          values so ties go together), and each single value of each
 *          categorical parameter; keep the candidate with the best density
 *          gain per point removed (EMA's "lenient1" objective); repeat while
 *          the box's mass stays at or above minMass → the peeling trajectory
 *   pick:  of the boxes whose density reaches the threshold, the one with
 *          the highest coverage (the densest of those that tie); if no box
 *          reaches it, the densest box
 *   paste: widen the picked box again, one bound or one value at a time, while
 *          that raises its density (pasting lets a bound peeled too far
 *          come back)
 */
import { fullBox, inLimit, pointsIn, restrictedDims, statsOf, type BoxStats, type Dataset, type Limit } from "./box.js";

export interface PrimOptions {
  /** share of the box's points one peel removes */
  alpha?: number;
  /** share of the box's points one paste adds (defaults to alpha) */
  pasteAlpha?: number;
  /** peeling stops before the box holds less than this share of all points */
  minMass?: number;
  /** the density the picked box must reach */
  threshold?: number;
}

export const PRIM_DEFAULTS = { alpha: 0.05, minMass: 0.05, threshold: 0.8 } as const;

export interface PrimBox extends BoxStats {
  /** position on the peeling trajectory, 0 = every point */
  index: number;
  limits: Limit[];
  /** parameter indices the box restricts */
  restricted: number[];
}

export interface PrimResult {
  /** the box holding every point */
  full: Limit[];
  trajectory: PrimBox[];
  /** index on the trajectory of the picked box */
  pickedIndex: number;
  /** how it was picked: it reached the threshold, or none did and it is the densest */
  rule: "threshold" | "densest";
  /** the picked box after pasting (index: pickedIndex) */
  chosen: PrimBox;
  /** pastes that widened the picked box */
  pastes: number;
}

interface Candidate {
  limits: Limit[];
  indices: number[];
  score: number;
}

export function prim(data: Dataset, options: PrimOptions = {}): PrimResult {
  const alpha = options.alpha ?? PRIM_DEFAULTS.alpha;
  const pasteAlpha = options.pasteAlpha ?? alpha;
  const minMass = options.minMass ?? PRIM_DEFAULTS.minMass;
  const threshold = options.threshold ?? PRIM_DEFAULTS.threshold;
  const n = data.y.length;
  const full = fullBox(data);
  const boxOf = (index: number, limits: Limit[], indices: number[]): PrimBox => ({ index, limits, restricted: restrictedDims(limits, full), ...statsOf(data, indices) });

  let limits = full;
  let indices = pointsIn(data, full);
  const trajectory: PrimBox[] = [boxOf(0, limits, indices)];
  for (;;) {
    const best = bestOf(peels(data, limits, indices, alpha));
    if (!best || best.indices.length >= indices.length || best.indices.length / n < minMass) break;
    limits = best.limits;
    indices = best.indices;
    trajectory.push(boxOf(trajectory.length, limits, indices));
  }

  const pickedIndex = pick(trajectory, threshold);
  const rule = trajectory[pickedIndex].density >= threshold ? "threshold" : "densest";

  const picked = trajectory[pickedIndex];
  limits = picked.limits;
  indices = pointsIn(data, limits);
  let pastes = 0;
  for (;;) {
    const best = bestOf(pasteCandidates(data, limits, indices, full, pasteAlpha));
    if (!best || best.indices.length <= indices.length) break;
    const meanOld = statsOf(data, indices).density;
    const meanNew = statsOf(data, best.indices).density;
    if (!(meanNew > meanOld)) break;
    limits = best.limits;
    indices = best.indices;
    pastes++;
  }
  return { full, trajectory, pickedIndex, rule, chosen: boxOf(pickedIndex, limits, indices), pastes };
}

/** Highest coverage among the boxes dense enough, ties to the densest; with none dense enough, the densest (ties to the most coverage). */
function pick(trajectory: readonly PrimBox[], threshold: number): number {
  const dense = trajectory.filter((b) => b.density >= threshold);
  const pool = dense.length > 0 ? dense : trajectory;
  const better = dense.length > 0
    ? (a: PrimBox, b: PrimBox): boolean => a.coverage > b.coverage || (a.coverage === b.coverage && a.density > b.density)
    : (a: PrimBox, b: PrimBox): boolean => a.density > b.density || (a.density === b.density && a.coverage > b.coverage);
  return pool.reduce((best, b) => (better(b, best) ? b : best)).index;
}

/** EMA Workbench's default objective: the change in density per point removed (or added). */
function lenient1(data: Dataset, before: readonly number[], after: readonly number[]): number {
  const meanOf = (ix: readonly number[]): number => (ix.length > 0 ? ix.filter((i) => data.y[i]).length / ix.length : 0);
  const mOld = meanOf(before);
  const mNew = meanOf(after);
  if (mOld === mNew || before.length === after.length) return 0;
  return (mNew - mOld) / Math.abs(before.length - after.length);
}

/** The best candidate: highest score, then the larger box, then the first found. */
function bestOf(candidates: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!best || c.score > best.score || (c.score === best.score && c.indices.length > best.indices.length)) best = c;
  }
  return best;
}

function withLimit(limits: readonly Limit[], j: number, limit: Limit): Limit[] {
  return limits.map((l, k) => (k === j ? limit : l));
}

function peels(data: Dataset, limits: Limit[], indices: number[], alpha: number): Candidate[] {
  const out: Candidate[] = [];
  const add = (next: Limit[], j: number): void => {
    const kept = indices.filter((i) => inLimit(next[j], data.x[i][j]));
    if (kept.length === 0 || kept.length === indices.length) return;
    out.push({ limits: next, indices: kept, score: lenient1(data, indices, kept) });
  };
  limits.forEach((l, j) => {
    if (l.kind === "numeric") {
      const values = indices.map((i) => data.x[i][j] as number).sort((a, b) => a - b);
      add(withLimit(limits, j, { kind: "numeric", low: quantile(values, alpha), high: l.high }), j);
      add(withLimit(limits, j, { kind: "numeric", low: l.low, high: quantile(values, 1 - alpha) }), j);
    } else if (l.values.length > 1) {
      for (const v of l.values) add(withLimit(limits, j, { kind: "categorical", values: l.values.filter((w) => w !== v) }), j);
    }
  });
  return out;
}

/**
 * EMA Workbench's get_quantile: the value at `q` of sorted `values`, moved
 * outwards past ties to the midpoint between two distinct values, so that a
 * peel at it removes whole groups of equal values and never none.
 */
export function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  let lo = Math.floor(at);
  let hi = Math.ceil(at);
  if (q > 0.5) {
    while (sorted[lo] === sorted[hi] && lo > 0) lo--;
  } else {
    while (sorted[lo] === sorted[hi] && hi < sorted.length - 1) hi++;
  }
  return (sorted[lo] + sorted[hi]) / 2;
}

function pasteCandidates(data: Dataset, limits: Limit[], indices: number[], full: Limit[], alpha: number): Candidate[] {
  const out: Candidate[] = [];
  const take = Math.max(1, Math.ceil(alpha * indices.length));
  const add = (next: Limit[]): void => {
    const grown = pointsIn(data, next);
    if (grown.length <= indices.length) return;
    out.push({ limits: next, indices: grown, score: lenient1(data, indices, grown) });
  };
  for (const j of restrictedDims(limits, full)) {
    const l = limits[j];
    const f = full[j];
    // points inside the box on every other parameter: the ones a paste on j could take in
    const others = data.x.filter((row) => limits.every((lk, k) => k === j || inLimit(lk, row[k])));
    if (l.kind === "numeric" && f.kind === "numeric") {
      const below = others.map((row) => row[j] as number).filter((v) => v < l.low).sort((a, b) => b - a);
      if (below.length > 0) add(withLimit(limits, j, { kind: "numeric", low: take >= below.length ? f.low : below[take - 1], high: l.high }));
      const above = others.map((row) => row[j] as number).filter((v) => v > l.high).sort((a, b) => a - b);
      if (above.length > 0) add(withLimit(limits, j, { kind: "numeric", low: l.low, high: take >= above.length ? f.high : above[take - 1] }));
    } else if (l.kind === "categorical" && f.kind === "categorical") {
      for (const v of f.values) if (!l.values.includes(v)) add(withLimit(limits, j, { kind: "categorical", values: f.values.filter((w) => w === v || l.values.includes(w)) }));
    }
  }
  return out;
}
