/**
 * A sweep stated on the command line (`sim sweep BASE.yaml --param …`, or
 * options given with a sweep file) is turned into the fields of a sweep file
 * and checked by the same schema and checks (sweep-file.ts); problems are
 * reported against "command line" with the option that caused them.
 */
import { basename, extname, resolve } from "node:path";
import { ScenarioError, ScenarioErrors } from "../../scenario/errors.js";
import { COMMAND_LINE } from "../../scenario/overrides.js";
import type { ParamValue } from "../designs/types.js";
import { parameterFromText } from "./parameters.js";
import type { AdaptiveSpec, SweepSpec } from "./spec.js";
import { commandLineErrors, type CommandLineFields } from "./option-errors.js";
import { checkSweepObject, parseHalfWidth } from "./sweep-file.js";

/** Options that a sweep file could also state; given with a sweep file, they win over its fields. */
export interface SweepOptions {
  reps?: number;
  seed?: number;
  days?: number;
  users?: number;
  kpis?: string[];
  /** KPI:halfwidth:maxreps, as typed */
  adaptive?: string;
  keepSeries?: boolean;
  reference?: Record<string, ParamValue>;
}

export interface SweepCommandLine extends SweepOptions {
  base: string;
  params: string[];
  design?: string;
  samples?: number;
  trajectories?: number;
  levels?: number;
  points?: string;
  /** `path=value` overrides of every point, checked when the plan resolves the points (as `sim run --set`) */
  set?: string[];
  name?: string;
}

/** The options as sweep-file fields (options not given are left out). */
export function commandLineFields(o: SweepOptions): CommandLineFields {
  const fields: Record<string, unknown> = {};
  if (o.reps !== undefined) fields.reps = o.reps;
  if (o.seed !== undefined) fields.seed = o.seed;
  if (o.days !== undefined) fields.days = o.days;
  if (o.users !== undefined) fields.users = o.users;
  if (o.kpis !== undefined && o.kpis.length > 0) fields.kpis = o.kpis;
  if (o.adaptive !== undefined) fields.adaptive = adaptiveFields(o.adaptive) ?? o.adaptive;
  if (o.keepSeries !== undefined) fields.keepSeries = o.keepSeries;
  if (o.reference !== undefined) fields.reference = o.reference;
  return { fields, written: o.adaptive !== undefined ? { adaptive: o.adaptive } : {} };
}

/** The sweep a command line states, checked like a sweep file; throws ScenarioErrors naming the options. */
export function specFromCommandLine(o: SweepCommandLine): SweepSpec {
  const errors: ScenarioError[] = [];
  const base = resolve(o.base);
  const parameters: Record<string, unknown> = {};
  const paramText: Record<string, string> = {};
  for (const entry of o.params) {
    const eq = entry.indexOf("=");
    if (eq <= 0) {
      errors.push(new ScenarioError(COMMAND_LINE, undefined, undefined, "", "path=values: 0,0.05,0.1 or from:to:step or uniform:min:max", `--param ${entry}: no parameter path before '='`));
      continue;
    }
    const path = entry.slice(0, eq).trim();
    if (path in parameters) errors.push(new ScenarioError(COMMAND_LINE, undefined, undefined, path, "each parameter once", `--param ${entry}: '${path}' is given twice`));
    parameters[path] = parameterFromText(entry.slice(eq + 1));
    paramText[path] = entry;
  }
  const type = o.design ?? (o.points ? "csv" : "grid");
  const design = Object.fromEntries(Object.entries({ type, samples: o.samples, trajectories: o.trajectories, levels: o.levels, file: o.points }).filter(([, v]) => v !== undefined));
  const cl = commandLineFields(o);
  cl.paramText = paramText;
  const raw: Record<string, unknown> = { base, ...(o.name !== undefined ? { name: o.name } : {}), ...(type === "csv" && o.params.length === 0 ? {} : { parameters }), design, ...cl.fields };
  const { spec, findings } = checkSweepObject(raw, { dir: process.cwd(), defaultName: `${basename(base, extname(base))}-${type}` });
  errors.push(...commandLineErrors(findings, raw, cl));
  if (errors.length > 0 || !spec) throw new ScenarioErrors(errors);
  return { ...spec, set: o.set ?? [] };
}

/** `KPI:halfwidth:maxreps` as the `adaptive` field of a sweep file, or undefined when it is not of that form. */
export function adaptiveFields(text: string): { kpi: string; halfWidth: number | string; maxReps: number } | undefined {
  const m = /^([^:]+):([^:]+):(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const half = m[2].trim();
  return { kpi: m[1].trim(), halfWidth: half.endsWith("%") || !Number.isFinite(Number(half)) ? half : Number(half), maxReps: Number(m[3]) };
}

/** `--adaptive KPI:halfwidth:maxreps` as the rule itself (halfwidth in the KPI's unit, or "2%" of the mean); undefined when malformed. */
export function adaptiveSpec(text: string): AdaptiveSpec | undefined {
  const f = adaptiveFields(text);
  const half = f ? parseHalfWidth(f.halfWidth) : undefined;
  return f && half && f.maxReps >= 1 ? { kpi: f.kpi, ...half, maxReps: f.maxReps } : undefined;
}
