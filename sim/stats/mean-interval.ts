import { mean, sampleStandardDeviation } from "simple-statistics";
import { tQuantile975 } from "./t-quantile.js";

export interface MeanInterval {
  mean: number;
  sd: number;
  ci95: [number, number];
  n: number;
}

/**
 * Mean, sample standard deviation and two-sided 95% t interval of `values`.
 * One value gives sd 0 and an interval collapsed on the value; none gives NaN.
 */
export function meanInterval(values: readonly number[]): MeanInterval {
  const n = values.length;
  if (n === 0) return { mean: NaN, sd: NaN, ci95: [NaN, NaN], n };
  const m = mean(values as number[]);
  if (n === 1) return { mean: m, sd: 0, ci95: [m, m], n };
  const sd = sampleStandardDeviation(values as number[]);
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { mean: m, sd, ci95: [m - half, m + half], n };
}
