/**
 * From a sweep spec to the runs it stands for:
 *
 *   designPoints → resolvePoint (base + fixed overrides + point, checked like `sim run --set`)
 *   → pointHash (resolved scenario + point) → runKey (point hash + seed + model version)
 *
 * A run's key names what it computes, not where or when it ran, so a run log
 * can be resumed, sharded and merged by key alone.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Streams, replicationSeed } from "../../engine/rng.js";
import { ScenarioError, ScenarioErrors } from "../../scenario/errors.js";
import { loadScenarioSync } from "../../scenario/load.js";
import type { Scenario } from "../../scenario/schema.js";
import { shownPath } from "../../scenario/yaml-source.js";
import { csvDesign } from "../designs/csv.js";
import { gridDesign } from "../designs/grid.js";
import { lhsDesign } from "../designs/lhs.js";
import { morrisDesign } from "../designs/morris.js";
import { sobolDesign } from "../designs/sobol.js";
import type { DesignPoint, ParamValue } from "../designs/types.js";
import { setEntry, type SweepSpec } from "./spec.js";

export interface PlanPoint extends DesignPoint {
  /** "p0001": the point's place in the design */
  id: string;
  /** hash of the resolved scenario and the point's values */
  hash: string;
  /** a reference point (spec.reference), run only to pair the design points against */
  isReference?: boolean;
  /** the id of this design point's reference point, when the sweep has one */
  referenceId?: string;
}

export interface SweepPlan {
  spec: SweepSpec;
  /** package version: part of every run key */
  version: string;
  points: PlanPoint[];
  /** the same for every sweep with the same points, seed and version (reps and KPIs may differ) */
  planId: string;
}

/** The design's points, drawn from the sweep's seed (a stream of its own, so designs never shift run seeds). */
export function designPoints(spec: SweepSpec): DesignPoint[] {
  const rng = new Streams(spec.seed).get(`design:${spec.design.type}`);
  switch (spec.design.type) {
    case "grid": return gridDesign(spec.parameters);
    case "lhs": return lhsDesign(spec.parameters, spec.design.samples, rng);
    case "morris": return morrisDesign(spec.parameters, spec.design, rng);
    case "sobol": return sobolDesign(spec.parameters, spec.design.samples);
    case "csv": return csvDesign(readFileSync(spec.design.file, "utf8"), shownPath(spec.design.file)).points;
  }
}

/** The overrides that make a point's scenario: the sweep's fixed ones, then the point's values. */
export function pointOverrides(spec: SweepSpec, values: Record<string, ParamValue>): { set: string[]; days?: number; users?: number } {
  return { set: [...spec.set, ...Object.entries(values).map(([path, v]) => setEntry(path, v))], days: spec.days, users: spec.users };
}

/** The scenario a point runs: the base file with the overrides, validated as `sim run --set` would. */
export function resolvePoint(spec: SweepSpec, values: Record<string, ParamValue>): Scenario {
  return loadScenarioSync(spec.base, pointOverrides(spec, values)).scenario;
}

export function pointHash(scenario: Scenario, values: Record<string, ParamValue>): string {
  return sha256(canonicalJson({ scenario, point: values }));
}

/** The key of replication seed `seed` at a point: 20 hex digits (80 bits), unique in any sweep one could run. */
export function runKey(hash: string, seed: number, version: string): string {
  return sha256(`${hash}|${seed}|${version}`).slice(0, 20);
}

export function buildPlan(spec: SweepSpec, version: string): SweepPlan {
  const design = designPoints(spec);
  const width = Math.max(4, String(design.length).length);
  const errors: ScenarioError[] = [];
  const points: PlanPoint[] = [];
  design.forEach((point, i) => {
    const id = `p${String(i + 1).padStart(width, "0")}`;
    try {
      const scenario = resolvePoint(spec, point.values);
      points.push({ id, ...point, hash: pointHash(scenario, point.values) });
    } catch (err) {
      if (!(err instanceof ScenarioErrors)) throw err;
      // the values passed their parameters' own checks: what is left is how they meet the base scenario
      const shown = Object.entries(point.values).map(([p, v]) => `${p}=${JSON.stringify(v)}`).join(", ");
      for (const e of err.errors) errors.push(new ScenarioError(e.file, e.line, e.column, e.fieldPath, e.expected, `point ${id} (${shown}): ${e.problem}`));
    }
  });
  if (errors.length > 0) throw new ScenarioErrors(errors.slice(0, 20));
  if (spec.reference) points.push(...referencePoints(spec, points));
  const planId = sha256(`${version}|${spec.seed}|${points.map((p) => p.hash).sort().join(",")}`).slice(0, 20);
  return { spec, version, points, planId };
}

/**
 * The reference of every design point: the point with spec.reference's values
 * (say, the subsidy off), one per distinct resolved scenario ("r0001", ...).
 * A point that already is its own reference gets none.
 */
function referencePoints(spec: SweepSpec, points: PlanPoint[]): PlanPoint[] {
  const refs = new Map<string, PlanPoint>();
  for (const point of points) {
    const values = { ...point.values, ...spec.reference };
    const hash = pointHash(resolvePoint(spec, values), values);
    if (hash === point.hash) continue;
    let ref = refs.get(hash);
    if (!ref) {
      ref = { id: `r${String(refs.size + 1).padStart(4, "0")}`, values, hash, isReference: true };
      refs.set(hash, ref);
    }
    point.referenceId = ref.id;
  }
  return [...refs.values()];
}

/** One run of the plan: a replication at a point. */
export interface PlannedRun {
  point: PlanPoint;
  rep: number;
  seed: number;
  key: string;
}

export function plannedRun(plan: SweepPlan, point: PlanPoint, rep: number): PlannedRun {
  const seed = replicationSeed(plan.spec.seed, rep);
  return { point, rep, seed, key: runKey(point.hash, seed, plan.version) };
}

/** Replications 0..reps-1 of every point; points with the same scenario (Morris revisits) share their runs. */
export function plannedRuns(plan: SweepPlan, reps = plan.spec.reps): PlannedRun[] {
  const seen = new Set<string>();
  const runs: PlannedRun[] = [];
  for (const point of plan.points) {
    for (let rep = 0; rep < reps; rep++) {
      const run = plannedRun(plan, point, rep);
      if (seen.has(run.key)) continue;
      seen.add(run.key);
      runs.push(run);
    }
  }
  return runs;
}

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

/** "2/3" → {index: 2, count: 3}; undefined when the text is not i/N with 1 <= i <= N. */
export function parseShard(text: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * Whether shard `shard` owns the item of rank `rank` among `keys` sorted: the
 * sorted keys are dealt round-robin, so every shard gets within one of 1/N of
 * them, whatever order the design lists them in.
 */
export function shardFilter<T>(items: readonly T[], keyOf: (item: T) => string, shard: Shard | undefined): T[] {
  if (!shard || shard.count === 1) return [...items];
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}

/** JSON with keys sorted at every level: the same data always gives the same text (and hash). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
  });
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
