import { mean, sampleVariance } from "simple-statistics";
import { tQuantile975 } from "./t-quantile.js";

export interface RatioInterval {
  /** The ratio of the mean differences, mean(Δnumerator) / mean(Δdenominator). */
  ratio: number;
  /** Its standard error by the delta method (first-order Taylor expansion). */
  se: number;
  ci95: [number, number];
}

/**
 * The ratio of two paired mean differences, R = mean(dx) / mean(dy), with a
 * two-sided 95% interval by the delta method
 * (https://en.wikipedia.org/wiki/Delta_method): the residuals
 * z_i = dx_i − R·dy_i carry the ratio's noise, se(R) = sd(z) / (√n·|mean(dy)|),
 * and the interval is R ± t(n−1)·se. The ratio of means, not the mean of
 * per-pair ratios: a pair whose denominator is near 0 would make its own ratio
 * explode. Fewer than two pairs, or a zero mean denominator, gives NaN bounds.
 *
 * Example: dx = [3, 4, 8], dy = [1, 2, 3] → R = 5/2 = 2.5, z = [0.5, −1, 0.5],
 * sd(z) = 0.866, se = 0.866 / (√3·2) = 0.25, ci95 2.5 ± 4.303·0.25 = [1.424, 3.576].
 */
export function pairedRatioInterval(dx: readonly number[], dy: readonly number[]): RatioInterval {
  if (dx.length !== dy.length) throw new RangeError(`pairedRatioInterval needs pairs: ${dx.length} numerators, ${dy.length} denominators`);
  const n = dx.length;
  if (n === 0) return { ratio: NaN, se: NaN, ci95: [NaN, NaN] };
  const my = mean(dy as number[]);
  const ratio = mean(dx as number[]) / my;
  if (n < 2 || my === 0) return { ratio, se: NaN, ci95: [NaN, NaN] };
  const z = dx.map((x, i) => x - ratio * dy[i]);
  const se = Math.sqrt(sampleVariance(z) / n) / Math.abs(my);
  const half = tQuantile975(n - 1) * se;
  return { ratio, se, ci95: [ratio - half, ratio + half] };
}

/**
 * The same for unpaired runs: R = (mean(xa) − mean(xb)) / (mean(ya) − mean(yb))
 * over replications of a scenario (a) and a baseline (b), each replication
 * giving a numerator x and a denominator y. Residuals z = x − R·y on each side,
 * se(R) = √(var(za)/na + var(zb)/nb) / |mean(ya) − mean(yb)|, and the t quantile
 * at the Welch–Satterthwaite df of the residuals, rounded down (as welch-interval.ts).
 *
 * Example: xa = [10, 12], ya = [4, 6], xb = [2, 2], yb = [1, 1] → R = 9/4 = 2.25.
 */
export function welchRatioInterval(xa: readonly number[], ya: readonly number[], xb: readonly number[], yb: readonly number[]): RatioInterval {
  if (xa.length !== ya.length || xb.length !== yb.length) throw new RangeError("welchRatioInterval needs a denominator for each numerator");
  if (xa.length === 0 || xb.length === 0) return { ratio: NaN, se: NaN, ci95: [NaN, NaN] };
  const dy = mean(ya as number[]) - mean(yb as number[]);
  const ratio = (mean(xa as number[]) - mean(xb as number[])) / dy;
  if (xa.length < 2 || xb.length < 2 || dy === 0) return { ratio, se: NaN, ci95: [NaN, NaN] };
  const va = sampleVariance(xa.map((x, i) => x - ratio * ya[i])) / xa.length;
  const vb = sampleVariance(xb.map((x, i) => x - ratio * yb[i])) / xb.length;
  const se = Math.sqrt(va + vb) / Math.abs(dy);
  if (se === 0) return { ratio, se: 0, ci95: [ratio, ratio] };
  const df = (va + vb) ** 2 / (va ** 2 / (xa.length - 1) + vb ** 2 / (xb.length - 1));
  const half = tQuantile975(df) * se;
  return { ratio, se, ci95: [ratio - half, ratio + half] };
}
