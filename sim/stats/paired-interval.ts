import { meanInterval, type MeanInterval } from "./mean-interval.js";

/**
 * Mean of the paired differences `x[i] - y[i]` and its two-sided 95% t interval.
 * Pairing (replication r of one scenario with replication r of another, on the
 * same seed) removes the noise the two share, so the interval is usually much
 * narrower than the unpaired (Welch) one; see welch-interval.ts.
 *
 * Example: pairedInterval([3, 5, 4], [1, 2, 2]) → differences [2, 3, 2],
 * mean 2.333, sd 0.577, ci95 2.333 ± 4.303·0.577/√3 = [0.899, 3.768].
 * Throws when the lengths differ (pairs must match rep for rep); none gives NaN.
 */
export function pairedInterval(x: readonly number[], y: readonly number[]): MeanInterval {
  if (x.length !== y.length) throw new RangeError(`paired values need equal lengths, got ${x.length} and ${y.length}`);
  return meanInterval(x.map((xi, i) => xi - y[i]));
}
