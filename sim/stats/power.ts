import { probit } from "simple-statistics";

/**
 * Roughly how many replications a comparison needs to detect a true difference
 * `difference` with probability `power` in a two-sided test at level `alpha`,
 * when one replication's difference has standard deviation `sdPerReplication`
 * (for paired runs the sd of the paired differences; for unpaired runs
 * sqrt(sd_a² + sd_b²), and the count is then per scenario):
 *
 *   n ≈ ((z_{1−alpha/2} + z_{power}) · sd / |difference|)²
 *
 * the normal approximation, rounded up and at least 2 (the fewest replications
 * that give an interval at all). With a handful of replications the t
 * distribution asks for one or two more; the figure is for planning a rerun,
 * not evidence. simple-statistics' probit is good to about 3 digits, far finer
 * than that.
 *
 * Example: sd 10, difference 5, alpha 0.05, power 0.8 → ((1.96 + 0.84) · 2)² = 31.4 → 32.
 * NaN when the difference is 0 (no size to detect) or either input is not finite.
 */
export function replicationsForPower(sdPerReplication: number, difference: number, alpha = 0.05, power = 0.8): number {
  if (!Number.isFinite(sdPerReplication) || !Number.isFinite(difference) || difference === 0) return NaN;
  const z = probit(1 - alpha / 2) + probit(power);
  return Math.max(2, Math.ceil(((z * sdPerReplication) / Math.abs(difference)) ** 2));
}
