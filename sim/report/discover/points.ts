/**
 * A sweep folder's points as scenario discovery needs them: each design
 * point's parameter values and KPI means, from points.csv (written by the
 * sweep's report), or, when the folder has runs.csv but no points.csv yet,
 * from the same analysis the sweep report runs (analyseSweep → pointsCsv),
 * without writing anything. Reference points (sweep `reference:`) are left
 * out: they are counterfactuals, not draws of the design.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv, toNumber } from "../../io/csv.js";
import { analyseSweep } from "../sweep/analyse.js";
import { pointsCsv } from "../sweep/tables.js";
import type { ParameterSpec } from "../../experiments/designs/types.js";
import { readSweepManifest, type SweepManifest } from "../../experiments/sweep/folder.js";
import { ANALYSIS_KPI_KEYS } from "../../experiments/sweep/sweep-kpis.js";
import type { Dataset, Parameter } from "../../experiments/discover/box.js";

export interface SweepPoint {
  id: string;
  /** numeric parameters as numbers, categorical ones as text */
  values: (number | string)[];
  /** KPI key → mean over the point's replications (NaN when it has none) */
  kpis: Record<string, number>;
}

export interface SweepPoints {
  manifest: SweepManifest;
  parameters: Parameter[];
  /** the KPI keys points.csv has means of */
  kpis: string[];
  points: SweepPoint[];
  /** where the means came from */
  source: "points.csv" | "runs.csv";
}

/** Numeric: a distribution or a list of numbers; anything else is a set of values. */
export function discoverParameter(spec: ParameterSpec): Parameter {
  if (spec.kind === "distribution" || spec.values.every((v) => typeof v === "number")) return { name: spec.path, kind: "numeric" };
  return { name: spec.path, kind: "categorical", values: spec.values.map(String) };
}

export function readSweepPoints(dir: string): SweepPoints {
  const manifest = readSweepManifest(dir);
  const file = join(dir, "points.csv");
  const hasPoints = existsSync(file);
  const text = hasPoints ? readFileSync(file, "utf8") : pointsCsv(analyseSweep(dir));
  const rows = parseCsv(text);
  const parameters = manifest.spec.parameters.map(discoverParameter);
  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  const kpis = ANALYSIS_KPI_KEYS.filter((k) => header.includes(`${k}_mean`));
  const points = rows
    .filter((r) => r.reference_point !== "self")
    .map((r): SweepPoint => ({
      id: r.point,
      values: parameters.map((p) => (p.kind === "numeric" ? toNumber(r[p.name]) : (r[p.name] ?? ""))),
      kpis: Object.fromEntries(kpis.map((k) => [k, toNumber(r[`${k}_mean`])])),
    }));
  return { manifest, parameters, kpis, points, source: hasPoints ? "points.csv" : "runs.csv" };
}

/** Names a --where expression may use: the KPIs, and the numeric parameters by path. */
export function whereNames(sp: SweepPoints): string[] {
  return [...sp.kpis, ...sp.parameters.filter((p) => p.kind === "numeric").map((p) => p.name)];
}

/** Each point's values by name, for evaluating a --where expression. */
export function whereValues(sp: SweepPoints, point: SweepPoint): Record<string, number> {
  const out: Record<string, number> = { ...point.kpis };
  sp.parameters.forEach((p, j) => { if (p.kind === "numeric") out[p.name] = point.values[j] as number; });
  return out;
}

/** The points and their outcomes as PRIM and CART take them (points with a missing parameter value are left out). */
export function datasetOf(sp: SweepPoints, y: readonly boolean[]): Dataset {
  const keep = sp.points.map((p) => p.values.every((v) => typeof v === "string" || Number.isFinite(v)));
  return {
    parameters: sp.parameters,
    x: sp.points.filter((_, i) => keep[i]).map((p) => p.values),
    y: y.filter((_, i) => keep[i]),
  };
}
