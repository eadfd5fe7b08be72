/**
 * Sobol sensitivity indices from a Saltelli design's outputs: f(A), f(B) and
 * f(AB_i) on the same N base rows (AB_i is A with column i from B).
 *
 *   V    = variance of f(A) and f(B) pooled (2N values, divided by 2N)
 *   S1_i = mean(f(B) · (f(AB_i) − f(A))) / V          Saltelli et al. 2010, table 2 (b)
 *   ST_i = mean((f(A) − f(AB_i))²) / 2 / V           Jansen 1999 (Saltelli et al. 2010, table 2 (f))
 *
 * S1_i is the share of the output's variance that parameter i explains on its
 * own; ST_i the share it has a hand in, interactions included (ST_i ≥ S1_i up
 * to sampling error; ST_i − S1_i is what it does only together with others).
 *
 * The outputs are centred on the mean of f(A) and f(B) first (as SALib
 * does): the S1 estimator's expectation is unchanged, and its variance no
 * longer grows with the square of the output's level over its spread (a KPI
 * in billions that moves by millions would otherwise give S1 in the tens).
 *
 * 95% intervals by bootstrap: the N base rows are resampled with replacement
 * (a row keeps its A, B and AB_i outputs together), the indices recomputed,
 * and the 2.5% and 97.5% percentiles taken. The resampling draws from a
 * seeded generator, so the same outputs always give the same intervals.
 *
 * Example: f = x0 on two parameters gives S1 = ST = (1, 0).
 */
import seedrandom from "seedrandom";
import { quantileSorted } from "simple-statistics";

export interface SobolOutputs {
  /** f(A_j), j = 0 … N-1 */
  a: readonly number[];
  /** f(B_j) */
  b: readonly number[];
  /** ab[i][j] = f(AB_i row j) */
  ab: readonly (readonly number[])[];
}

export interface SobolIndex {
  s1: number;
  s1Low: number;
  s1High: number;
  st: number;
  stLow: number;
  stHigh: number;
}

export interface SobolResult {
  /** one per parameter; all NaN when the output does not vary (V = 0) or there are fewer than 2 rows */
  indices: SobolIndex[];
  /** the pooled variance V */
  variance: number;
  /** base rows used */
  n: number;
}

export interface SobolOptions {
  /** bootstrap resamples (0: no intervals) */
  resamples?: number;
  /** seed of the resampling */
  seed?: number;
}

export const DEFAULT_BOOTSTRAP_RESAMPLES = 1000;

/** The indices and their bootstrap intervals. Rows must be complete: the caller drops rows with a missing output. */
export function sobolIndices(outputs: SobolOutputs, options: SobolOptions = {}): SobolResult {
  let out = outputs;
  const n = out.a.length;
  const k = out.ab.length;
  if (out.b.length !== n || out.ab.some((col) => col.length !== n)) throw new RangeError("f(A), f(B) and every f(AB_i) need the same number of rows");
  const all = Array.from({ length: n }, (_, j) => j);
  const variance = pooledVariance(out, all);
  out = centred(out);
  const point = estimate(out, all);
  const empty = (): SobolIndex => ({ s1: NaN, s1Low: NaN, s1High: NaN, st: NaN, stLow: NaN, stHigh: NaN });
  if (n < 2 || !(variance > 0)) return { indices: Array.from({ length: k }, empty), variance, n };

  const resamples = options.resamples ?? DEFAULT_BOOTSTRAP_RESAMPLES;
  const rng = seedrandom.xor128(`sobol-bootstrap:${options.seed ?? 1}`) as unknown as () => number;
  const s1s: number[][] = Array.from({ length: k }, () => []);
  const sts: number[][] = Array.from({ length: k }, () => []);
  const rows = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let j = 0; j < n; j++) rows[j] = Math.floor(rng() * n);
    const e = estimate(out, rows);
    if (!e) continue; // a resample whose outputs are all equal has no indices
    for (let i = 0; i < k; i++) {
      s1s[i].push(e.s1[i]);
      sts[i].push(e.st[i]);
    }
  }
  const indices = Array.from({ length: k }, (_, i): SobolIndex => {
    const s1 = percentiles(s1s[i]);
    const st = percentiles(sts[i]);
    return { s1: point!.s1[i], s1Low: s1[0], s1High: s1[1], st: point!.st[i], stLow: st[0], stHigh: st[1] };
  });
  return { indices, variance, n };
}

/** The outputs less the mean of f(A) and f(B): the estimates no longer depend on the output's level (a KPI in billions). */
function centred(out: SobolOutputs): SobolOutputs {
  const n = out.a.length;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += out.a[j] + out.b[j];
  const mean = n > 0 ? sum / (2 * n) : 0;
  const less = (xs: readonly number[]) => xs.map((x) => x - mean);
  return { a: less(out.a), b: less(out.b), ab: out.ab.map(less) };
}

/** S1 and ST of every parameter on the base rows `rows` (repeats allowed); undefined when V = 0. */
function estimate(out: SobolOutputs, rows: readonly number[]): { s1: number[]; st: number[] } | undefined {
  const v = pooledVariance(out, rows);
  if (!(v > 0)) return undefined;
  const m = rows.length;
  const s1: number[] = [];
  const st: number[] = [];
  for (const col of out.ab) {
    let first = 0;
    let total = 0;
    for (const j of rows) {
      const fa = out.a[j];
      const fab = col[j];
      first += out.b[j] * (fab - fa);
      total += (fa - fab) ** 2;
    }
    s1.push(first / m / v);
    st.push(total / m / 2 / v);
  }
  return { s1, st };
}

/** Variance (divided by the count) of f(A) and f(B) on the rows, pooled; centred first for accuracy; 0 when they are all equal. */
function pooledVariance(out: SobolOutputs, rows: readonly number[]): number {
  if (rows.length === 0) return NaN;
  let sum = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (const j of rows) {
    sum += out.a[j] + out.b[j];
    lowest = Math.min(lowest, out.a[j], out.b[j]);
    highest = Math.max(highest, out.a[j], out.b[j]);
  }
  if (lowest === highest) return 0; // exactly, not a rounding error's worth
  const mean = sum / (2 * rows.length);
  let ss = 0;
  for (const j of rows) ss += (out.a[j] - mean) ** 2 + (out.b[j] - mean) ** 2;
  return ss / (2 * rows.length);
}

/** The 2.5% and 97.5% percentiles; NaN when empty. */
function percentiles(xs: number[]): [number, number] {
  if (xs.length === 0) return [NaN, NaN];
  const sorted = [...xs].sort((p, q) => p - q);
  return [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)];
}
