/**
 * A sweep stated on the command line (`sim sweep BASE.yaml --param …`), built
 * into the same SweepSpec as a sweep file and checked the same way; problems
 * are reported against "command line" with the option that caused them.
 */
import { basename, extname, resolve } from "node:path";
import { ScenarioError, ScenarioErrors } from "../../scenario/errors.js";
import { formatPath } from "../../scenario/schema-walk.js";
import { COMMAND_LINE } from "../../scenario/overrides.js";
import { closestMatch } from "../../scenario/suggest.js";
import { readText, shownPath } from "../../scenario/yaml-source.js";
import type { ParameterSpec } from "../designs/types.js";
import { parameterFromText, parseParameter } from "./parameters.js";
import { DEFAULT_MORRIS_LEVELS, DEFAULT_REPS, DEFAULT_SEED, DEFAULT_SWEEP_KPIS, type AdaptiveSpec, type DesignSpec, type SweepSpec } from "./spec.js";
import { MAX_POINTS, parametersOfCsv, parseHalfWidth, sobolSize } from "./sweep-file.js";
import { ANALYSIS_KPI_KEYS, SWEEP_KPI_KEYS } from "./sweep-kpis.js";
import { gridSize } from "../designs/grid.js";
import type { ParamValue } from "../designs/types.js";

export interface SweepCommandLine {
  base: string;
  params: string[];
  design?: string;
  samples?: number;
  trajectories?: number;
  levels?: number;
  points?: string;
  reps?: number;
  seed?: number;
  kpis?: string[];
  days?: number;
  users?: number;
  set?: string[];
  adaptive?: AdaptiveSpec;
  keepSeries?: boolean;
  reference?: Record<string, ParamValue>;
  name?: string;
}

const cmd = (fieldPath: string, expected: string, problem: string) => new ScenarioError(COMMAND_LINE, undefined, undefined, fieldPath, expected, problem);

export function specFromCommandLine(o: SweepCommandLine): SweepSpec {
  const errors: ScenarioError[] = [];
  const base = resolve(o.base);
  const read = readText(base);
  if ("problem" in read) errors.push(new ScenarioError(shownPath(base), undefined, undefined, "", "a readable YAML scenario file", `cannot read the scenario: ${read.problem}`));

  const type = o.design ?? (o.points ? "csv" : "grid");
  let design: DesignSpec | undefined;
  if (type === "grid") design = { type };
  else if (type === "lhs") {
    if (!o.samples || !Number.isInteger(o.samples) || o.samples < 1 || o.samples > MAX_POINTS) errors.push(cmd("", `--samples N, a whole number from 1 to ${MAX_POINTS}`, "--design lhs needs --samples"));
    else design = { type, samples: o.samples };
  } else if (type === "morris") {
    const levels = o.levels ?? DEFAULT_MORRIS_LEVELS;
    if (!o.trajectories || !Number.isInteger(o.trajectories) || o.trajectories < 2) errors.push(cmd("", "--trajectories R, a whole number >= 2", "--design morris needs --trajectories"));
    else if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) errors.push(cmd("", "--levels: an even whole number (4 is usual)", `--levels ${levels} is not allowed`));
    else design = { type, trajectories: o.trajectories, levels };
  } else if (type === "sobol") {
    if (!o.samples || !Number.isInteger(o.samples) || o.samples < 2 || o.samples > MAX_POINTS) errors.push(cmd("", `--samples N, a whole number from 2 to ${MAX_POINTS} (base samples: the sweep has N × (parameters + 2) points)`, o.samples === undefined ? "--design sobol needs --samples" : `--samples ${o.samples} is not allowed with --design sobol`));
    else design = { type, samples: o.samples };
  } else if (type === "csv") {
    if (!o.points) errors.push(cmd("", "--points FILE.csv", "--design csv needs --points"));
    else design = { type, file: resolve(o.points) };
  } else {
    errors.push(cmd("", "grid, lhs, morris, sobol or csv", `--design ${type} is not a design`));
  }

  const parameters: ParameterSpec[] = [];
  const seen = new Set<string>();
  for (const entry of o.params) {
    const eq = entry.indexOf("=");
    if (eq <= 0) {
      errors.push(cmd("", "path=values: 0,0.05,0.1 or from:to:step or uniform:min:max", `--param ${entry}: no parameter path before '='`));
      continue;
    }
    const path = entry.slice(0, eq).trim();
    if (seen.has(path)) errors.push(cmd(path, "each parameter once", `--param ${entry}: '${path}' is given twice`));
    seen.add(path);
    const r = parseParameter(path, parameterFromText(entry.slice(eq + 1)));
    for (const f of r.findings) {
      const inner = formatPath(f.path);
      errors.push(cmd(inner ? `${path}${inner.startsWith("[") ? "" : "."}${inner}` : path, f.expected, `--param ${entry}: ${f.problem}`));
    }
    if (r.spec) parameters.push(r.spec);
  }
  if (design?.type === "csv" && parameters.length > 0) errors.push(cmd("", "either --param or --points", "a csv design takes its parameters from the points file's header"));
  if (design && design.type !== "csv" && o.params.length === 0) errors.push(cmd("", "--param path=values (repeatable)", "the sweep varies no parameter"));
  if (design?.type === "grid") {
    for (const p of parameters) if (p.kind === "distribution") errors.push(cmd(p.path, "a list of values or from:to:step (distributions are for lhs, morris and sobol)", `--param ${p.path}: a grid needs values`));
    if (gridSize(parameters) > MAX_POINTS) errors.push(cmd("", `at most ${MAX_POINTS} points`, `the grid has ${gridSize(parameters)} points`));
  }
  if (design?.type === "sobol") {
    for (const p of parameters) if (p.kind === "values") errors.push(cmd(p.path, "a distribution: uniform:min:max or loguniform:min:max (Sobol indices are shares of variance over a continuous range)", `--param ${p.path}: a sobol design needs a distribution, not values`));
    const size = sobolSize(design.samples, parameters.length);
    if (size > MAX_POINTS) errors.push(cmd("", `at most ${MAX_POINTS} points`, `--samples ${design.samples} × (${parameters.length} parameters + 2) is ${size} points`));
  }
  for (const k of [...(o.kpis ?? []), ...(o.adaptive ? [o.adaptive.kpi] : [])]) {
    if (!ANALYSIS_KPI_KEYS.includes(k)) {
      const s = closestMatch(k, ANALYSIS_KPI_KEYS);
      errors.push(cmd("", `one of: ${ANALYSIS_KPI_KEYS.join(", ")}`, `unknown KPI '${k}'${s ? ` (did you mean '${s}'?)` : ""}`));
    }
  }
  if (o.adaptive && !SWEEP_KPI_KEYS.includes(o.adaptive.kpi)) errors.push(cmd("", "a KPI of each run (not one against the reference point)", `--adaptive: '${o.adaptive.kpi}' is not measured per run`));
  if (errors.length > 0) throw new ScenarioErrors(errors);
  return {
    name: o.name ?? `${basename(base, extname(base))}-${design!.type}`,
    description: "",
    base,
    set: o.set ?? [],
    days: o.days,
    users: o.users,
    parameters: design!.type === "csv" ? parametersOfCsv(design!.file) : parameters,
    design: design!,
    reps: o.reps ?? DEFAULT_REPS,
    seed: o.seed ?? DEFAULT_SEED,
    kpis: o.kpis && o.kpis.length > 0 ? o.kpis : DEFAULT_SWEEP_KPIS,
    adaptive: o.adaptive,
    keepSeries: o.keepSeries ?? false,
    reference: o.reference,
  };
}

/** `--adaptive KPI:halfwidth:maxreps` (halfwidth in the KPI's unit, or "2%" of the mean). */
export function parseAdaptiveOption(text: string): AdaptiveSpec | undefined {
  const m = /^([^:]+):([^:]+):(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const half = parseHalfWidth(m[2]);
  const maxReps = Number(m[3]);
  if (!half || maxReps < 1) return undefined;
  return { kpi: m[1], ...half, maxReps };
}
