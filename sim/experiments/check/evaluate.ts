/**
 * Judging targets against runs: each check's per-replication values, their
 * mean and 95% interval (a t interval; paired for a difference), and whether
 * the mean lies in the band (see MET_RULE). A target is met when all its
 * checks are; a target marked `expect: miss` that is missed is an expected
 * miss, and one that is met is "unexpectedly met".
 */
import { meanInterval } from "../../stats/mean-interval.js";
import { pairedInterval } from "../../stats/paired-interval.js";
import { bandText, inBand, measureText, widenBand } from "./describe.js";
import { measureValues, type LoggedRun, type RunData } from "./measures.js";
import type { Band, Comparison, TargetSpec } from "./spec.js";

export type TargetStatus = "met" | "missed" | "expected miss" | "unexpectedly met";

export interface CheckResult {
  label: string;
  measure: string;
  comparison: Comparison;
  of: string;
  against?: string;
  /** run ids (folders under runs/) of `of` and `against` */
  runs: string[];
  band: Band;
  bandText: string;
  /** the band the mean was judged against: the band, or the band widened by --tolerance */
  judgedBand: Band;
  judgedBandText: string;
  mean: number;
  ci95: [number, number];
  halfWidth: number;
  sd: number;
  n: number;
  /** per replication: the value, the paired difference or the ratio */
  values: number[];
  met: boolean;
}

export interface TargetResult {
  id: string;
  title: string;
  source: string;
  file: string;
  expect: "met" | "miss";
  reason?: string;
  status: TargetStatus;
  checks: CheckResult[];
}

/** A target's status from whether its checks are all met and whether it was expected to miss. */
export function targetStatus(allMet: boolean, expectMiss: boolean): TargetStatus {
  if (expectMiss) return allMet ? "unexpectedly met" : "expected miss";
  return allMet ? "met" : "missed";
}

/**
 * Evaluate targets. `runOf` maps a target's scenario names to run ids; `data`
 * holds each run's values. With `tolerance` (a fraction), each band is widened
 * as widenBand says before the mean is judged.
 */
export function evaluateTargets(
  targets: readonly TargetSpec[],
  runOf: ReadonlyMap<string, ReadonlyMap<string, string>>,
  data: ReadonlyMap<string, RunData | LoggedRun>,
  tolerance?: number,
): TargetResult[] {
  return targets.map((t) => {
    const names = runOf.get(t.id)!;
    const checks = t.checks.map((c): CheckResult => {
      const runIds = [names.get(c.of)!, ...(c.against !== undefined ? [names.get(c.against)!] : [])];
      const a = measureValues(c.measure, data.get(runIds[0])!);
      const b = runIds[1] !== undefined ? measureValues(c.measure, data.get(runIds[1])!) : undefined;
      let values: number[];
      let interval;
      if (c.comparison === "difference") {
        interval = pairedInterval(a, b!);
        values = a.map((x, r) => x - b![r]);
      } else {
        values = c.comparison === "ratio" ? a.map((x, r) => (b![r] !== 0 ? x / b![r] : NaN)) : a;
        interval = meanInterval(values);
      }
      const halfWidth = (interval.ci95[1] - interval.ci95[0]) / 2;
      const judgedBand = tolerance === undefined ? c.band : widenBand(c.band, tolerance, halfWidth);
      return {
        label: c.label, measure: measureText(c.measure), comparison: c.comparison, of: c.of,
        ...(c.against !== undefined ? { against: c.against } : {}), runs: runIds,
        band: c.band, bandText: bandText(c.band), judgedBand, judgedBandText: bandText(judgedBand),
        mean: interval.mean, ci95: interval.ci95, halfWidth, sd: interval.sd, n: interval.n, values,
        met: inBand(interval.mean, judgedBand),
      };
    });
    return {
      id: t.id, title: t.title, source: t.source, file: t.file, expect: t.expectMiss ? "miss" : "met",
      ...(t.reason !== undefined ? { reason: t.reason } : {}),
      status: targetStatus(checks.every((c) => c.met), t.expectMiss), checks,
    };
  });
}
