/**
 * The resolution check: the same platform simulated at several sample sizes
 * must give the same answers, up to noise. For each size it runs the
 * baseline and the lever scenarios on common seeds, and for every headline
 * KPI (and every paired scenario-minus-baseline difference) compares each
 * size with the largest: they agree when the Welch interval of the gap
 * between the two sizes holds 0, or when the gap is within the KPI's
 * tolerance (platform totals 7%, rates and shares 0.02, NPS 3 points).
 *
 *   plan sizes → run each size (baseline + scenarios, common seeds)
 *     → KPI values per replication → compare with the largest size
 */
import { meanInterval, type MeanInterval } from "../stats/mean-interval.js";
import { welchInterval } from "../stats/welch-interval.js";
import type { Scenario } from "../scenario/schema.js";
import { KPIS, kpiValues, type KpiDefinition } from "./kpis.js";
import { runScenarios, type RunOptions } from "./run.js";

/** How close two sizes must be when their gap is not explained by noise. */
export interface Tolerance {
  kind: "relative" | "absolute";
  value: number;
}

/** The tolerance of a KPI by its unit: shares and trust absolute 0.02, NPS 3 points, totals 7%. */
export function toleranceOf(kpi: KpiDefinition): Tolerance {
  if (kpi.unit === "share" || kpi.unit === "0..1") return { kind: "absolute", value: 0.02 };
  if (kpi.unit === "points") return { kind: "absolute", value: 3 };
  return { kind: "relative", value: 0.07 };
}

export interface SizeCell {
  users: number;
  reps: number;
  value: MeanInterval;
}

export interface ResolutionRow {
  /** "gmv_total" for a level, "gmv_total: trust-first - baseline" for a paired difference */
  key: string;
  kpi: string;
  scenario: string;
  /** "level" for the scenario's own value, "difference" for scenario minus baseline on common seeds */
  measure: "level" | "difference";
  cells: SizeCell[];
  /** per size: whether it agrees with the largest size (the largest agrees with itself) */
  agrees: boolean[];
}

export interface ResolutionPlan {
  baseline: Scenario;
  scenarios: Scenario[];
  sizes: number[];
  reps: number[];
  seed: number;
  threads: number;
  days?: number;
}

/** Run every size and compare. `onSize` reports progress (size index, replications done, total). */
export async function resolutionCheck(plan: ResolutionPlan, onProgress?: RunOptions["onReplicationDone"]): Promise<ResolutionRow[]> {
  const perSize: Record<string, number>[][][] = [];
  for (let i = 0; i < plan.sizes.length; i++) {
    const sized = [plan.baseline, ...plan.scenarios].map((s) => atSize(s, plan.sizes[i], plan.days));
    const runs = await runScenarios(sized, { reps: plan.reps[i], seed: plan.seed, threads: plan.threads, onReplicationDone: onProgress });
    perSize.push(runs.map((run) => run.results.map(kpiValues)));
  }
  return compareSizes(plan, perSize);
}

/** The scenario at another sample size (and horizon): the platform it states is unchanged. */
function atSize(s: Scenario, users: number, days?: number): Scenario {
  const copy = structuredClone(s);
  copy.population.users = users;
  if (days !== undefined) copy.horizonDays = days;
  return copy;
}

/** perSize[size][scenario][rep] → rows; scenario 0 is the baseline. */
export function compareSizes(plan: Pick<ResolutionPlan, "baseline" | "scenarios" | "sizes" | "reps">, perSize: Record<string, number>[][][]): ResolutionRow[] {
  const names = [plan.baseline.name, ...plan.scenarios.map((s) => s.name)];
  const rows: ResolutionRow[] = [];
  for (const kpi of KPIS) {
    names.forEach((name, s) => {
      const levels = perSize.map((runs) => runs[s].map((v) => v[kpi.key]));
      rows.push(row(kpi, name, "level", levels, plan, levels[levels.length - 1]));
      if (s === 0) return;
      const diffs = perSize.map((runs) => runs[s].map((v, r) => v[kpi.key] - runs[0][r][kpi.key]));
      // a difference is judged against the larger of the two levels it separates (a subsidy is 0 in the baseline)
      const largest = perSize[perSize.length - 1];
      const reference = largest[0].map((v, r) => Math.max(Math.abs(v[kpi.key]), Math.abs(largest[s][r][kpi.key])));
      rows.push(row(kpi, name, "difference", diffs, plan, reference));
    });
  }
  return rows;
}

function row(
  kpi: KpiDefinition, scenario: string, measure: ResolutionRow["measure"], values: number[][],
  plan: Pick<ResolutionPlan, "sizes" | "reps">, levelForTolerance: number[],
): ResolutionRow {
  const largest = values[values.length - 1];
  const tol = toleranceOf(kpi);
  const scaleOfLevel = Math.abs(meanInterval(levelForTolerance).mean);
  const allowed = tol.kind === "absolute" ? tol.value : tol.value * scaleOfLevel;
  const agrees = values.map((v) => {
    const gap = welchInterval(v, largest);
    const holdsZero = gap.ci95[0] <= 0 && gap.ci95[1] >= 0;
    return Number.isNaN(gap.mean) || holdsZero || Math.abs(gap.mean) <= allowed;
  });
  return {
    key: measure === "level" ? `${kpi.key} [${scenario}]` : `${kpi.key} [${scenario} - baseline]`,
    kpi: kpi.key, scenario, measure,
    // a difference's values are already paired per replication: its t interval is the paired interval
    cells: values.map((v, i) => ({ users: plan.sizes[i], reps: plan.reps[i], value: meanInterval(v) })),
    agrees,
  };
}
