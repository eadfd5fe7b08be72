/**
 * The KPIs a sweep logs for every run: all of experiments/kpis.ts, and ratios
 * that only make sense across points (computed per run, so each point has an
 * interval like any other KPI).
 */
import { KPIS } from "../kpis.js";
import type { ReplicationResult } from "../../model/simulate.js";

export interface SweepKpi {
  key: string;
  label: string;
  unit: string;
}

interface DerivedKpi extends SweepKpi {
  /** from the run's other KPI values, by key */
  value: (kpis: Record<string, number>) => number;
}

const DERIVED: DerivedKpi[] = [
  {
    key: "gmv_per_subsidy_rmb", label: "GMV per RMB of money subsidies", unit: "x",
    // no subsidy, no ratio: empty rather than infinite, so means skip it instead of exploding
    value: (k) => (k.subsidy_total > 0 ? k.gmv_total / k.subsidy_total : NaN),
  },
];

/**
 * KPIs of a point against its reference point (sweep `reference:`), paired
 * replication by replication on the same seed: what the lever bought.
 * They exist only in the analysis (points.csv, the page), not per run.
 */
export const PAIRED_KPIS: SweepKpi[] = [
  { key: "gmv_gain_vs_reference", label: "GMV gained over the reference point", unit: "RMB" },
  { key: "subsidy_extra_vs_reference", label: "Money subsidy spent beyond the reference point", unit: "RMB" },
  { key: "incremental_gmv_per_subsidy_rmb", label: "Extra GMV per extra RMB of subsidy, against the reference point", unit: "x" },
];

export const SWEEP_KPIS: SweepKpi[] = [...KPIS.map(({ key, label, unit }) => ({ key, label, unit })), ...DERIVED.map(({ key, label, unit }) => ({ key, label, unit }))];

export const SWEEP_KPI_KEYS = SWEEP_KPIS.map((k) => k.key);

/** Every KPI a sweep's analysis reports: the per-run ones and the paired ones. */
export const ANALYSIS_KPIS: SweepKpi[] = [...SWEEP_KPIS, ...PAIRED_KPIS];
export const ANALYSIS_KPI_KEYS = ANALYSIS_KPIS.map((k) => k.key);

/** Every sweep KPI of one run, in SWEEP_KPIS order. */
export function sweepKpiValues(r: ReplicationResult): number[] {
  const base: Record<string, number> = {};
  for (const k of KPIS) base[k.key] = k.value(r);
  return [...KPIS.map((k) => base[k.key]), ...DERIVED.map((d) => d.value(base))];
}
