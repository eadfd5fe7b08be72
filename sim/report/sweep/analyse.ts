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
import { toNumber } from "../../io/csv.js";

export interface PointSummary {
  point: PlanPoint;
  /** replications logged */
  n: number;
  kpis: Record<string, MeanInterval>;
  /** per KPI, the logged values by replication (for pairing with the reference point) */
  byRep: Map<number, Record<string, number>>;
}

export interface SweepAnalysis {
  manifest: SweepManifest;
  plan: SweepPlan;
  /** the design's points (reference points excluded) */
  points: PointSummary[];
  /** reference points (sweep `reference:`), run to pair the design points against */
  references: PointSummary[];
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
  const summaries = plan.points.map((point) => {
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
    const kpis: Record<string, MeanInterval> = Object.fromEntries(SWEEP_KPIS.map((k) => [k.key, meanInterval(found.map((r) => toNumber(byKey.get(r.key)![k.key])).filter(Number.isFinite))]));
    const byRep = new Map(found.map((r) => [r.rep, Object.fromEntries(SWEEP_KPIS.map((k) => [k.key, toNumber(byKey.get(r.key)![k.key])]))]));
    return { point, n: found.length, kpis, byRep };
  });
  const references = summaries.filter((s) => s.point.isReference);
  const points = summaries.filter((s) => !s.point.isReference);
  for (const s of points) pairWithReference(s, references.find((r) => r.point.id === s.point.referenceId));
  return {
    manifest, plan, points, references, missing,
    foreignRuns: rows.filter((r) => !used.has(r.key)).length,
    loggedRuns: rows.length, tornBytes,
    runSeconds: rows.reduce((s, r) => s + (toNumber(r.wall_sec) || 0), 0),
  };
}

/**
 * What a point bought against its reference point, replication by
 * replication on the same seed (common random numbers): the GMV gained, the
 * extra subsidy, and their ratio. Empty intervals without a reference.
 */
function pairWithReference(s: PointSummary, ref: PointSummary | undefined): void {
  const gain: number[] = [];
  const extra: number[] = [];
  const ratio: number[] = [];
  if (ref) {
    for (const [rep, v] of s.byRep) {
      const r = ref.byRep.get(rep);
      if (!r) continue;
      const g = v.gmv_total - r.gmv_total;
      const x = v.subsidy_total - r.subsidy_total;
      gain.push(g);
      extra.push(x);
      if (x > 0) ratio.push(g / x);
    }
  }
  s.kpis.gmv_gain_vs_reference = meanInterval(gain);
  s.kpis.subsidy_extra_vs_reference = meanInterval(extra);
  s.kpis.incremental_gmv_per_subsidy_rmb = meanInterval(ratio);
}

/** Every run the plan asks for with fixed replications (used by merge to name missing runs). */
export function expectedRuns(plan: SweepPlan): PlannedRun[] {
  return plannedRuns(plan);
}
