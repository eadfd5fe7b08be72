/**
 * Morris screening measures from a trajectory design: for each parameter, the
 * mean of its elementary effects (mu), the mean of their absolute values (mu*,
 * Campolongo et al. 2007: an effect's size, even when signs cancel), and their
 * standard deviation (sigma: non-linearity or interaction). An elementary
 * effect is the output change over a step divided by the step on [0, 1].
 *
 * Example: y = 3 x0 on two points (0 → 0.5 in x0) gives mu = mu* = 3, sigma = 0.
 */
export interface MorrisPointOutput {
  /** coordinates on [0, 1], one per parameter */
  unit: readonly number[];
  trajectory: number;
  /** the output (NaN: not available, the step is skipped) */
  y: number;
}

export interface MorrisIndex {
  mu: number;
  muStar: number;
  sigma: number;
  /** how many elementary effects went in */
  n: number;
}

/** One index per parameter (k of them), from points in design order. */
export function elementaryEffects(points: readonly MorrisPointOutput[], k: number): MorrisIndex[] {
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a.trajectory !== b.trajectory || !Number.isFinite(a.y) || !Number.isFinite(b.y)) continue;
    for (let j = 0; j < k; j++) {
      const step = b.unit[j] - a.unit[j];
      if (Math.abs(step) > 1e-12) effects[j].push((b.y - a.y) / step);
    }
  }
  return effects.map((e) => {
    const n = e.length;
    if (n === 0) return { mu: NaN, muStar: NaN, sigma: NaN, n };
    const mu = e.reduce((s, x) => s + x, 0) / n;
    const muStar = e.reduce((s, x) => s + Math.abs(x), 0) / n;
    const sigma = n > 1 ? Math.sqrt(e.reduce((s, x) => s + (x - mu) ** 2, 0) / (n - 1)) : 0;
    return { mu, muStar, sigma, n };
  });
}
