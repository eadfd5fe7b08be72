/**
 * What a sweep folder's runs say, from sweep.json and runs.csv alone:
 *
 *   read the plan → match logged runs to points by key → per point, each KPI's
 *   mean and 95% interval → the runs the plan still misses
 *
 * Runs in the log that the plan does not name (an earlier version of the
 * sweep in the same folder) are counted and left out.
 */
import { join } from "node:path";
import { adaptiveReps } from "../../experiments/sweep/adaptive.js";
import { planOf, readSweepManifest, type SweepManifest } from "../../experiments/sweep/folder.js";
import { plannedRun, plannedRuns, type PlannedRun, type PlanPoint, type SweepPlan } from "../../experiments/sweep/plan.js";
import { readRunLog, RUNS_FILE } from "../../experiments/sweep/run-log.js";
import { SWEEP_KPIS } from "../../experiments/sweep/sweep-kpis.js";
import { meanInterval, type MeanInterval } from "../../stats/mean-interval.js";
import { toNumber } from "../csv.js";

export interface PointSummary {
  point: PlanPoint;
  /** replications logged */
  n: number;
  kpis: Record<string, MeanInterval>;
}

export interface SweepAnalysis {
  manifest: SweepManifest;
  plan: SweepPlan;
  points: PointSummary[];
  /** runs the plan asks for that are not in the log */
  missing: PlannedRun[];
  /** rows of the log the plan does not name */
  foreignRuns: number;
  loggedRuns: number;
  tornBytes: number;
  /** total wall time of the logged runs, seconds */
  runSeconds: number;
}

export function analyseSweep(dir: string): SweepAnalysis {
  const manifest = readSweepManifest(dir);
  const plan = planOf(manifest);
  const { rows, tornBytes } = readRunLog(join(dir, RUNS_FILE));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const used = new Set<string>();
  const missing: PlannedRun[] = [];
  const missingKeys = new Set<string>();
  const adaptive = plan.spec.adaptive;
  const points = plan.points.map((point) => {
    const runs: PlannedRun[] = [];
    if (adaptive) {
      const valueOf = (rep: number): number | undefined => {
        const row = byKey.get(plannedRun(plan, point, rep).key);
        return row ? toNumber(row[adaptive.kpi]) : undefined;
      };
      const { needed } = adaptiveReps(plan.spec.reps, adaptive, valueOf);
      for (let rep = 0; rep < needed; rep++) runs.push(plannedRun(plan, point, rep));
    } else {
      for (let rep = 0; rep < plan.spec.reps; rep++) runs.push(plannedRun(plan, point, rep));
    }
    const found = runs.filter((r) => byKey.has(r.key));
    for (const r of runs) {
      if (byKey.has(r.key) || missingKeys.has(r.key)) continue;
      missingKeys.add(r.key);
      missing.push(r);
    }
    for (const r of found) used.add(r.key);
    const kpis = Object.fromEntries(SWEEP_KPIS.map((k) => [k.key, meanInterval(found.map((r) => toNumber(byKey.get(r.key)![k.key])).filter(Number.isFinite))]));
    return { point, n: found.length, kpis };
  });
  return {
    manifest, plan, points, missing,
    foreignRuns: rows.filter((r) => !used.has(r.key)).length,
    loggedRuns: rows.length, tornBytes,
    runSeconds: rows.reduce((s, r) => s + (toNumber(r.wall_sec) || 0), 0),
  };
}

/** Every run the plan asks for with fixed replications (used by merge to name missing runs). */
export function expectedRuns(plan: SweepPlan): PlannedRun[] {
  return plannedRuns(plan);
}
