/**
 * Adaptive replications: how many replications a point needs before its KPI's
 * 95% interval is narrow enough. A pure function of the values of the point's
 * replications in rep order, so a resumed, sharded or merged sweep asks for
 * exactly the same runs as one that ran in one go.
 */
import { meanInterval } from "../../stats/mean-interval.js";
import type { AdaptiveSpec } from "./spec.js";

export interface AdaptiveState {
  /** replications 0..needed-1 are asked for so far */
  needed: number;
  /** no more will be asked for: the interval is narrow enough, or the cap is reached */
  isSettled: boolean;
}

/**
 * Rounds: the first has `reps` replications; after each, if the half-width is
 * above the target and the cap allows, the next round grows n toward
 * n (half-width / target)^2 (at most doubling, at least one more).
 * `valueOf(rep)` is undefined for a replication not run yet.
 */
export function adaptiveReps(reps: number, rule: AdaptiveSpec, valueOf: (rep: number) => number | undefined): AdaptiveState {
  let n = Math.min(reps, rule.maxReps);
  for (;;) {
    const values: number[] = [];
    for (let r = 0; r < n; r++) {
      const v = valueOf(r);
      if (v === undefined) return { needed: n, isSettled: false };
      if (Number.isFinite(v)) values.push(v);
    }
    if (n >= rule.maxReps) return { needed: n, isSettled: true };
    const s = meanInterval(values);
    const half = (s.ci95[1] - s.ci95[0]) / 2;
    const target = rule.isRelative ? rule.halfWidth * Math.abs(s.mean) : rule.halfWidth;
    // fewer than two finite values: no interval yet, so one more round
    if (values.length >= 2 && Number.isFinite(half) && half <= target) return { needed: n, isSettled: true };
    const wanted = values.length >= 2 && target > 0 ? Math.ceil(n * (half / target) ** 2) : n + 1;
    n = Math.min(rule.maxReps, Math.max(n + 1, Math.min(2 * n, wanted)));
  }
}
