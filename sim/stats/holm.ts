/**
 * Holm–Bonferroni correction for testing many hypotheses at once (Holm 1979):
 * a comparison reads some twenty KPIs, and at the 5% level one of twenty true
 * "no difference" KPIs shows a difference by chance. Holm controls the chance
 * of any false difference among them (the family-wise error rate) at `alpha`,
 * under any dependence between the KPIs (ours are far from independent), and
 * is never less powerful than plain Bonferroni.
 *
 * Step-down: sort the m p-values ascending, multiply the i-th smallest
 * (i = 1..m) by m − i + 1, cap at 1, and carry the running maximum so the
 * adjusted values keep the order of the raw ones. A hypothesis survives when its
 * adjusted p-value is at most alpha.
 *
 * Example: p = [0.01, 0.04, 0.03] → sorted 0.01, 0.03, 0.04 times 3, 2, 1 =
 * 0.03, 0.06, 0.04 → running maximum 0.03, 0.06, 0.06 → adjusted
 * [0.03, 0.06, 0.06]: at alpha 0.05 only the first survives (uncorrected, all three would).
 *
 * A NaN p-value (a KPI that could not be tested, e.g. one replication) is left
 * out of the family: it does not count in m, its adjusted value is NaN and it does not survive.
 */
export interface HolmResult {
  /** Holm-adjusted p-values, in the order of the input. */
  adjusted: number[];
  /** adjusted ≤ alpha, in the order of the input. */
  survives: boolean[];
  /** How many p-values were in the family (the finite ones). */
  m: number;
}

export function holmBonferroni(pValues: readonly number[], alpha = 0.05): HolmResult {
  const order = pValues
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => !Number.isNaN(p))
    .sort((x, y) => x.p - y.p);
  const m = order.length;
  const adjusted = pValues.map(() => NaN);
  let runningMax = 0;
  order.forEach(({ p, i }, rank) => {
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * p));
    adjusted[i] = runningMax;
  });
  return { adjusted, survives: adjusted.map((p) => p <= alpha), m };
}
