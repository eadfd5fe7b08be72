import tCdf from "@stdlib/stats-base-dists-t-cdf";

/**
 * Two-sided tail probability of Student's t distribution, P(|T| ≥ |t|) with
 * `df` degrees of freedom (df may be fractional, as Welch's is): the p-value of
 * a t test. simple-statistics has t statistics but no t distribution; the CDF
 * is stdlib's (@stdlib/stats-base-dists-t-cdf), read in the lower tail so that
 * small p-values keep their precision.
 *
 * Example: tTwoSidedP(12.706, 1) ≈ 0.05 (the 95% quantile of t on 1 df);
 * on 1 df T is Cauchy, so tTwoSidedP(1, 1) = 1 − 2·atan(1)/π = 0.5 exactly.
 * NaN for a NaN t or df ≤ 0; 0 for an infinite t.
 */
export function tTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}
