/**
 * CMA-ES, the covariance matrix adaptation evolution strategy, in its standard
 * (mu/mu_w, lambda) form with positive recombination weights, cumulative
 * step-size adaptation and rank-one plus rank-mu covariance updates, following
 * N. Hansen, "The CMA Evolution Strategy: A Tutorial", arXiv:1604.00772 (2016);
 * the default parameters are those of its Table 1 (positive weights only).
 * It minimises a noisy, derivative-free loss over the unit box [0, 1]^n, for
 * tuning a few parameters of an expensive simulation one generation at a time:
 *
 *   const es = new CmaEs({ mean: [0.5, 0.5], sigma: 0.3, random: seedrandom("x") });
 *   for (let g = 0; g < 100; g++) {
 *     const xs = es.ask();
 *     es.tell(xs, xs.map(loss));
 *   }
 *   es.mean; // the estimate of the minimiser
 *
 * Bounds: a sampled coordinate outside [0, 1] is mirrored back at the wall it
 * crossed (x < 0 → −x, x > 1 → 2 − x), repeatedly if it overshoots the far wall
 * too, then clamped for safety. The update then uses these repaired, in-box
 * candidates (y_i = (x_i − m) / σ), so the mean, a convex combination of
 * in-box points, never leaves the box, and an optimum on a wall is approached
 * as if the loss were mirrored there.
 *
 * Why hand-written: we found no maintained CMA-ES package on the npm registry,
 * and the algorithm is short. The covariance is eigendecomposed every
 * generation by the cyclic Jacobi method, which is exact enough and simple for
 * the few (up to ~20) dimensions this is meant for; nothing here is tuned for
 * speed, since each generation costs far more in simulation than in algebra.
 *
 * Determinism: every draw comes from the caller's seeded generator (Gaussians
 * by Box–Muller), and losses are ranked by a stable order (ties by index,
 * non-finite losses last), so the same seed and losses give the same run.
 */

export interface CmaEsOptions {
  /** starting mean, each coordinate in [0, 1] */
  mean: readonly number[];
  /** starting step size, in units of the box (0.3 is usual) */
  sigma: number;
  /** population size; default 4 + floor(3 ln n) */
  lambda?: number;
  /** a seeded uniform generator on [0, 1): every draw comes from it */
  random: () => number;
}

/** A step size above the box's width only samples walls; below this, the search has stopped. */
const SIGMA_MAX = 1;
const SIGMA_MIN = 1e-12;
/** Eigenvalues of C are floored at this fraction of the largest, so C^{-1/2} stays finite. */
const MIN_EIGEN_RATIO = 1e-14;

/** The strategy's constants, fixed by n and lambda (Hansen 2016, Table 1). */
interface Params {
  mu: number;
  /** positive recombination weights, decreasing, summing to 1 */
  weights: number[];
  muEff: number;
  cSigma: number;
  dSigma: number;
  cC: number;
  c1: number;
  cMu: number;
  /** E||N(0, I)||, the length a random path would have */
  chiN: number;
}

function strategyParams(n: number, lambda: number): Params {
  const mu = Math.floor(lambda / 2);
  const raw = Array.from({ length: mu }, (_, i) => Math.log((lambda + 1) / 2) - Math.log(i + 1));
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => w / total);
  const muEff = 1 / weights.reduce((a, w) => a + w * w, 0);
  const cSigma = (muEff + 2) / (n + muEff + 5);
  const dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
  const cC = (4 + muEff / n) / (n + 4 + (2 * muEff) / n);
  const c1 = 2 / ((n + 1.3) ** 2 + muEff);
  const cMu = Math.min(1 - c1, (2 * (muEff - 2 + 1 / muEff)) / ((n + 2) ** 2 + muEff));
  const chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
  return { mu, weights, muEff, cSigma, dSigma, cC, c1, cMu, chiN };
}

/** n standard normal draws by Box–Muller, two per pair of uniforms (the spare of an odd n is dropped). */
function gaussians(n: number, random: () => number): number[] {
  const z: number[] = [];
  while (z.length < n) {
    // 1 − u is in (0, 1], so the log is finite
    const r = Math.sqrt(-2 * Math.log(1 - random()));
    const theta = 2 * Math.PI * random();
    z.push(r * Math.cos(theta));
    if (z.length < n) z.push(r * Math.sin(theta));
  }
  return z;
}

/** Mirror a coordinate into [0, 1] at the walls, as often as it takes, then clamp (for infinities). */
export function mirrorIntoUnit(x: number): number {
  let v = x;
  for (let k = 0; k < 64 && (v < 0 || v > 1); k++) v = v < 0 ? -v : 2 - v;
  return Math.min(1, Math.max(0, v));
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations:
 * a = B diag(values) B^T, the eigenvectors in the columns of B. Each rotation
 * zeroes one off-diagonal pair; sweeps repeat until the off-diagonal part is
 * negligible against the diagonal.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v = identity(n);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += a[i][i] * a[i][i];
      for (let j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        rotate(a, v, p, q);
      }
    }
  }
  return { values: a.map((row, i) => row[i]), vectors: v };
}

/** One Jacobi rotation in the (p, q) plane that zeroes a[p][q]: a ← J^T a J, v ← v J. */
function rotate(a: number[][], v: number[][], p: number, q: number): void {
  const n = a.length;
  // cot 2φ = theta; t = tan φ is the smaller root of t² + 2 t theta − 1 = 0, for stability
  const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const akp = a[k][p];
    const akq = a[k][q];
    a[k][p] = c * akp - s * akq;
    a[k][q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p][k];
    const aqk = a[q][k];
    a[p][k] = c * apk - s * aqk;
    a[q][k] = s * apk + c * aqk;
  }
  a[p][q] = 0;
  a[q][p] = 0;
  for (let k = 0; k < n; k++) {
    const vkp = v[k][p];
    const vkq = v[k][q];
    v[k][p] = c * vkp - s * vkq;
    v[k][q] = s * vkp + c * vkq;
  }
}

/** Indices of the losses from best to worst: finite losses ascending, then non-finite ones, ties by index. */
export function rankLosses(losses: readonly number[]): number[] {
  const key = (i: number) => (Number.isFinite(losses[i]) ? losses[i] : Infinity);
  const finite = (i: number) => Number.isFinite(losses[i]);
  return losses
    .map((_, i) => i)
    .sort((i, j) => {
      if (finite(i) !== finite(j)) return finite(i) ? -1 : 1;
      return key(i) - key(j) || i - j;
    });
}

export class CmaEs {
  readonly dim: number;
  readonly lambda: number;
  private readonly random: () => number;
  private readonly params: Params;
  private m: number[];
  private step: number;
  private c: number[][];
  /** eigenvectors of C, in columns */
  private b: number[][];
  /** square roots of the eigenvalues of C */
  private d: number[];
  private pSigma: number[];
  private pC: number[];
  private told = 0;
  /** the candidates of the last ask(), awaiting their losses */
  private pending: number[][] | null = null;

  constructor(opts: CmaEsOptions) {
    const n = opts.mean.length;
    if (n < 1) throw new RangeError("CmaEs: the mean needs at least one coordinate");
    if (!opts.mean.every((x) => Number.isFinite(x) && x >= 0 && x <= 1)) {
      throw new RangeError("CmaEs: every coordinate of the mean must be in [0, 1]");
    }
    if (!(Number.isFinite(opts.sigma) && opts.sigma > 0)) throw new RangeError("CmaEs: sigma must be positive");
    const lambda = opts.lambda ?? 4 + Math.floor(3 * Math.log(n));
    if (!Number.isInteger(lambda) || lambda < 2) throw new RangeError("CmaEs: lambda must be an integer of at least 2");
    if (typeof opts.random !== "function") throw new TypeError("CmaEs: random must be a function");
    this.dim = n;
    this.lambda = lambda;
    this.random = opts.random;
    this.params = strategyParams(n, lambda);
    this.m = [...opts.mean];
    this.step = clampSigma(opts.sigma);
    this.c = identity(n);
    this.b = identity(n);
    this.d = new Array<number>(n).fill(1);
    this.pSigma = new Array<number>(n).fill(0);
    this.pC = new Array<number>(n).fill(0);
  }

  /** generations told so far */
  get generation(): number {
    return this.told;
  }

  get mean(): number[] {
    return [...this.m];
  }

  get sigma(): number {
    return this.step;
  }

  /** per-coordinate standard deviation of the search distribution: sigma * sqrt(C_ii) */
  stdDevs(): number[] {
    return this.c.map((row, i) => this.step * Math.sqrt(row[i]));
  }

  /**
   * lambda candidates, each inside [0,1]^n: x = m + σ B D z with z ~ N(0, I),
   * each coordinate mirrored into the box. A second ask() before tell()
   * replaces the first batch.
   */
  ask(): number[][] {
    const n = this.dim;
    const out: number[][] = [];
    for (let k = 0; k < this.lambda; k++) {
      const z = gaussians(n, this.random);
      const dz = z.map((zi, i) => this.d[i] * zi);
      const x = this.m.map((mi, i) => mirrorIntoUnit(mi + this.step * dot(this.b[i], dz)));
      out.push(x);
    }
    this.pending = out.map((x) => [...x]);
    return out;
  }

  /**
   * The losses of the candidates of the last ask(), in the same order; updates
   * mean, paths, covariance and sigma (Hansen 2016, eqs. 41–47 with positive
   * weights). Non-finite losses rank last.
   */
  tell(candidates: readonly number[][], losses: readonly number[]): void {
    const pending = this.pending;
    if (pending === null) throw new Error("CmaEs.tell: no ask() is awaiting losses");
    if (candidates.length !== pending.length || !candidates.every((x, k) => sameVector(x, pending[k]))) {
      throw new Error("CmaEs.tell: the candidates are not those of the last ask()");
    }
    if (losses.length !== pending.length) {
      throw new RangeError(`CmaEs.tell: ${losses.length} losses for ${pending.length} candidates`);
    }
    this.pending = null;
    const { mu, weights, muEff, cSigma, dSigma, cC, c1, cMu, chiN } = this.params;
    const n = this.dim;
    const order = rankLosses(losses);
    // steps of the selected, repaired candidates, best first, in units of σ
    const ys = order.slice(0, mu).map((k) => pending[k].map((xi, i) => (xi - this.m[i]) / this.step));
    const yw = new Array<number>(n).fill(0);
    ys.forEach((y, r) => y.forEach((yi, i) => (yw[i] += weights[r] * yi)));

    this.m = this.m.map((mi, i) => mi + this.step * yw[i]);

    // step-size path: C^{-1/2} yw is isotropic under random selection, so its length
    // against E||N(0, I)|| says whether steps are too short (paths align) or too long
    const invSqrtYw = this.invSqrtC(yw);
    const sigmaRate = Math.sqrt(cSigma * (2 - cSigma) * muEff);
    this.pSigma = this.pSigma.map((p, i) => (1 - cSigma) * p + sigmaRate * invSqrtYw[i]);
    const pSigmaNorm = Math.sqrt(dot(this.pSigma, this.pSigma));

    // h_σ stalls the rank-one path while ‖p_σ‖ is large, so C does not grow too fast when σ is too small
    const g = this.told + 1;
    const hSigma = pSigmaNorm / Math.sqrt(1 - (1 - cSigma) ** (2 * g)) < (1.4 + 2 / (n + 1)) * chiN ? 1 : 0;
    const cRate = Math.sqrt(cC * (2 - cC) * muEff);
    this.pC = this.pC.map((p, i) => (1 - cC) * p + hSigma * cRate * yw[i]);

    // covariance: keep the old, add the rank-one path and the rank-mu spread of the selected steps
    const deltaH = (1 - hSigma) * cC * (2 - cC);
    const keep = 1 + c1 * deltaH - c1 - cMu; // the weights sum to 1
    const c = this.c.map((row, i) =>
      row.map((cij, j) => {
        let rankMu = 0;
        ys.forEach((y, r) => (rankMu += weights[r] * y[i] * y[j]));
        return keep * cij + c1 * this.pC[i] * this.pC[j] + cMu * rankMu;
      }),
    );
    this.c = symmetrised(c);

    this.step = clampSigma(this.step * Math.exp((cSigma / dSigma) * (pSigmaNorm / chiN - 1)));
    this.told = g;
    this.decompose();
  }

  /** C^{-1/2} v = B D^{-1} B^T v */
  private invSqrtC(v: readonly number[]): number[] {
    const n = this.dim;
    const coords = Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += this.b[i][j] * v[i];
      return s / this.d[j];
    });
    return this.b.map((row) => dot(row, coords));
  }

  /** B and D from C; tiny or negative eigenvalues (rounding) are floored so D stays invertible. */
  private decompose(): void {
    const { values, vectors } = symmetricEigen(this.c);
    const largest = Math.max(...values);
    const floor = Math.max(largest * MIN_EIGEN_RATIO, Number.MIN_VALUE);
    this.b = vectors;
    this.d = values.map((v) => Math.sqrt(Math.max(v, floor)));
  }
}

function clampSigma(s: number): number {
  return Math.min(SIGMA_MAX, Math.max(SIGMA_MIN, s));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function sameVector(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function symmetrised(a: number[][]): number[][] {
  return a.map((row, i) => row.map((aij, j) => (i === j ? aij : (aij + a[j][i]) / 2)));
}
