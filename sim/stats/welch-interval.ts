import { mean, sampleVariance } from "simple-statistics";
import { tQuantile975 } from "./t-quantile.js";

export interface DifferenceInterval {
  /** Difference of the means, mean(x) - mean(y). */
  mean: number;
  /** Standard error of that difference. */
  se: number;
  /** Welch–Satterthwaite degrees of freedom (may be fractional). */
  df: number;
  ci95: [number, number];
}

/**
 * Unpaired (Welch) difference of means `mean(x) - mean(y)` with a two-sided 95%
 * t interval that does not assume equal variances
 * (https://en.wikipedia.org/wiki/Welch%27s_t-test).
 * The t quantile is taken at the fractional df rounded down, which widens the
 * interval slightly: conservative, and our t table is by whole df.
 * Fewer than two values on a side gives a NaN interval; two constant samples
 * give an interval collapsed on the difference.
 *
 * Example: welchInterval([3, 5, 4], [1, 2, 2]) → mean 2.333, se 0.667,
 * df 3.2, ci95 2.333 ± 3.182·0.667 = [0.212, 4.455].
 */
export function welchInterval(x: readonly number[], y: readonly number[]): DifferenceInterval {
  if (x.length < 2 || y.length < 2) {
    const d = x.length && y.length ? mean(x as number[]) - mean(y as number[]) : NaN;
    return { mean: d, se: NaN, df: NaN, ci95: [NaN, NaN] };
  }
  const d = mean(x as number[]) - mean(y as number[]);
  const vx = sampleVariance(x as number[]) / x.length;
  const vy = sampleVariance(y as number[]) / y.length;
  const se = Math.sqrt(vx + vy);
  if (se === 0) return { mean: d, se: 0, df: NaN, ci95: [d, d] };
  const df = (vx + vy) ** 2 / (vx ** 2 / (x.length - 1) + vy ** 2 / (y.length - 1));
  const half = tQuantile975(df) * se;
  return { mean: d, se, df, ci95: [d - half, d + half] };
}
