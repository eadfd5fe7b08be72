/**
 * Loading a calibration file, checked like a scenario or sweep file: every
 * problem found in one pass, each with file, line, column, field path and
 * what was expected (ScenarioErrors; the CLI exits 2).
 *
 *   parse YAML → the fields (zod) → each parameter against the schema (a
 *   bounded range; its start inside it) → each target found in its targets
 *   file → the runs the targets need, resolved once (their windows checked
 *   against their horizons) → a CalibrationSpec
 *
 * The format is documented by `sim schema --calibration` (FORMAT below).
 */
import { basename, dirname, extname, resolve } from "node:path";
import { z } from "zod";
import { ScenarioError, ScenarioErrors } from "../../scenario/errors.js";
import { checkParameterPath, isPlainObject, leafSchemaAt } from "../../scenario/interventions.js";
import { describeValue, findingsFromIssues, type Finding } from "../../scenario/issues.js";
import { loadScenarioSync } from "../../scenario/load.js";
import { getPath } from "../../scenario/paths.js";
import { closestMatch } from "../../scenario/suggest.js";
import { readCheckedYaml } from "../../scenario/yaml-file.js";
import { readText, shownPath } from "../../scenario/yaml-source.js";
import type { TargetsFile } from "../check/spec.js";
import { loadTargetsFile, locate } from "../check/targets-file.js";
import { targetWindowErrors } from "../check/runs.js";
import { checkedValues } from "../sweep/sweep-file.js";
import { parseParameter } from "../sweep/parameters.js";
import { setEntry } from "../sweep/spec.js";
import type { CalibrationParameter, CalibrationSpec, CalibrationTarget } from "./spec.js";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const DEFAULT_CALIBRATION_REPS = 4;
export const DEFAULT_BUDGET = 60;
export const DEFAULT_SIGMA = 0.3;
export const DEFAULT_PROFILE = { steps: 2, span: 0.2 };

/** The calibration file's format, in words (`sim schema --calibration` prints it). */
export const CALIBRATION_FORMAT = `A calibration file (YAML) fits free parameters of a base scenario to targets.

  name: baseline                      # optional; the file's name without .yaml
  description: ...                    # optional
  base: ../scenarios/baseline.yaml    # the scenario the calibrated scenario extends
  set:                                # optional fixed overrides of every run
    warmupDays: 180                   #   (a longer burn-in, say)
  parameters:                         # the free parameters: leaf paths of the scenario schema
    choice.intercept.fan: {min: -13.5, max: -11.5}            # searched on [min, max]
    demand.marketArrivalPerDay:
      {distribution: loguniform, min: 0.0002, max: 0.005,     # searched on log(value)
       start: 0.001,                                          # optional; else the base scenario's value
       prior: {mean: 0.001, sd: 0.0005}}                      # optional normal prior (on the search scale)
  targets:                            # targets of targets files (see targets/platform.yaml)
    - {file: ../targets/platform.yaml, id: growth-phase-gmv, weight: 1}
    - {file: ../targets/platform.yaml, id: new-merchants-per-year, holdout: true}
  users: 20000                        # optional: simulated users of every run
  days: 365                           # optional: every run's horizon (else each target's)
  reps: ${DEFAULT_CALIBRATION_REPS}                             # replications of every evaluation (>= 2), on the same seeds
  seed: 1                             # base seed of the replications and of the optimizer
  budget: ${DEFAULT_BUDGET}                          # evaluations of the search at most, the start point included
  population: 8                       # optional: candidates per generation (default 4 + 3 ln n)
  sigma: ${DEFAULT_SIGMA}                          # optional: starting step, share of each range
  profile: {steps: 2, span: 0.2}      # optional: after the search, the loss along each parameter
                                      #   through the best (2 x steps x parameters evaluations more)

Every run of a target's scenarios gets the fixed overrides, then the
candidate's parameter values, then the target's own overrides (they win).
The loss is the sum over fitted targets of weight × Σ z², where z is the
distance of a check's replicated mean from its band in standard errors (0
inside the band), plus each prior's ((x − mean) / sd)².`;

export const CalibrationFileSchema = z.strictObject({
  name: z.string().regex(NAME, "letters, digits, '.', '_' or '-', starting with a letter or digit").optional().describe("the calibration's name (folder and file names); the file's name without .yaml"),
  description: z.string().optional().describe("what is fitted, and why"),
  base: z.string().min(1).describe("the base scenario file, relative to the calibration file: the calibrated scenario extends it"),
  set: z.record(z.string(), z.unknown()).optional().describe("fixed overrides of every run, parameter path → value (a longer warm-up, say)"),
  parameters: z.record(z.string(), z.unknown()).describe("the free parameters: leaf path → {min, max} or {distribution: loguniform, min, max}, each with an optional start and prior: {mean, sd}"),
  targets: z.array(z.strictObject({
    file: z.string().min(1).describe("a targets file, relative to the calibration file"),
    id: z.string().min(1).describe("the id of a target in it"),
    weight: z.number().min(0).optional().describe("multiplies the target's squared distances in the loss (default 1)"),
    holdout: z.boolean().optional().describe("not fitted: reported before and after the fit (default false)"),
  })).min(1).describe("the targets to fit, and those held out"),
  users: z.int().min(1).optional().describe("simulated users of every run (else each scenario's)"),
  days: z.int().min(1).max(3650).optional().describe("every run's horizon (else each target's horizonDays)"),
  reps: z.int().min(2).max(1000).optional().describe(`replications of every evaluation, on the same seeds (default ${DEFAULT_CALIBRATION_REPS})`),
  seed: z.int().min(0).max(4_294_967_295).optional().describe("base seed of the replications and of the optimizer (default 1)"),
  budget: z.int().min(1).max(100_000).optional().describe(`evaluations at most, the start point included (default ${DEFAULT_BUDGET})`),
  population: z.int().min(2).max(1000).optional().describe("candidates per generation (default 4 + floor(3 ln n) for n parameters)"),
  sigma: z.number().gt(0).max(1).optional().describe(`the optimizer's starting step, as a share of each parameter's range on its scale (default ${DEFAULT_SIGMA})`),
  profile: z.strictObject({
    steps: z.int().min(0).max(20).describe("points on each side of the best (0: no profile)"),
    span: z.number().gt(0).max(1).describe("how far the outermost points are from the best, as a share of the range on its scale"),
  }).optional().describe(`after the search, the loss along each parameter through the best point, the others held there: its uncertainty (default {steps: ${DEFAULT_PROFILE.steps}, span: ${DEFAULT_PROFILE.span}}, 2 × steps × parameters more evaluations)`),
});

/** Whether a YAML file is a calibration file (it has `base:` and `targets:`), not a sweep or a scenario. */
export function looksLikeCalibrationFile(file: string): boolean {
  const read = readText(resolve(file));
  if ("problem" in read) return false;
  return /^base\s*:/m.test(read.text) && /^targets\s*:/m.test(read.text);
}

/** Settings from the command line that win over the file's. */
export interface CalibrationOverrides {
  budget?: number;
  users?: number;
  reps?: number;
  days?: number;
  seed?: number;
}

export function loadCalibrationFile(file: string, overrides: CalibrationOverrides = {}): CalibrationSpec {
  const absFile = resolve(file);
  const { source, raw, findings } = readCheckedYaml(absFile, "calibration", CalibrationFileSchema);
  const dir = dirname(absFile);

  // the base scenario, with the fixed overrides: the parameters' starts come from it
  const set = Object.entries(checkedValues(raw.set, "set", findings)).map(([p, v]) => setEntry(p, v));
  const base = typeof raw.base === "string" ? resolve(dir, raw.base) : "";
  let baseScenario: unknown;
  if (base) {
    const b = readText(base);
    if ("problem" in b) findings.push({ path: ["base"], problem: `cannot read '${String(raw.base)}' (${shownPath(base)}): ${b.problem}`, expected: "a path to a scenario file, relative to this file" });
    else {
      try {
        baseScenario = loadScenarioSync(base, { set }).scenario;
      } catch (err) {
        if (!(err instanceof ScenarioErrors)) throw err;
        throw new ScenarioErrors([...locate(source, findings), ...err.errors]);
      }
    }
  }

  const parameters: CalibrationParameter[] = [];
  if (isPlainObject(raw.parameters)) {
    if (Object.keys(raw.parameters).length === 0) findings.push({ path: ["parameters"], problem: "no free parameter", expected: "a map of parameter paths to {min, max} or {distribution: loguniform, min, max}" });
    for (const [p, value] of Object.entries(raw.parameters)) {
      if (isPlainObject(raw.set) && p in raw.set) findings.push({ path: ["parameters", p], atKey: true, problem: `'${p}' is both fitted (parameters) and fixed (set)`, expected: "each parameter in one of the two" });
      const parameter = checkParameter(p, value, baseScenario, findings);
      if (parameter) parameters.push(parameter);
    }
  }

  // targets: found in their files (a targets file's own problems point into it)
  const targets: CalibrationTarget[] = [];
  const files = new Map<string, TargetsFile>();
  const fileErrors: ScenarioError[] = [];
  (Array.isArray(raw.targets) ? raw.targets : []).forEach((t: unknown, i) => {
    if (!isPlainObject(t) || typeof t.file !== "string" || typeof t.id !== "string") return;
    const path = resolve(dir, t.file);
    let targetsFile = files.get(path);
    if (!targetsFile) {
      const read = readText(path);
      if ("problem" in read) {
        findings.push({ path: ["targets", i, "file"], problem: `cannot read '${t.file}' (${shownPath(path)}): ${read.problem}`, expected: "a targets file, relative to this file" });
        return;
      }
      try {
        targetsFile = loadTargetsFile(path);
      } catch (err) {
        if (!(err instanceof ScenarioErrors)) throw err;
        fileErrors.push(...err.errors);
        return;
      }
      files.set(path, targetsFile);
    }
    const target = targetsFile.targets.find((x) => x.id === t.id);
    if (!target) {
      const ids = targetsFile.targets.map((x) => x.id);
      const suggestion = closestMatch(t.id, ids);
      findings.push({ path: ["targets", i, "id"], problem: `no target '${t.id}' in ${targetsFile.file}${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`, expected: `one of: ${ids.join(", ")}` });
      return;
    }
    if (targets.some((x) => x.target.absFile === target.absFile && x.target.id === target.id)) {
      findings.push({ path: ["targets", i, "id"], problem: `the target '${t.id}' is listed twice`, expected: "each target once" });
      return;
    }
    targets.push({ target, weight: typeof t.weight === "number" ? t.weight : 1, holdout: t.holdout === true });
  });
  if (Array.isArray(raw.targets) && targets.length > 0 && targets.every((t) => t.holdout || t.weight === 0)) {
    findings.push({ path: ["targets"], problem: "every target is held out or weighs 0: there is nothing to fit", expected: "at least one target with holdout false and weight > 0" });
  }

  // days and users: the scenario's own bounds
  for (const [key, leaf] of [["days", "horizonDays"], ["users", "population.users"]] as const) {
    const schema = leafSchemaAt(leaf);
    if (raw[key] !== undefined && schema) {
      const r = schema.safeParse(raw[key]);
      if (!r.success) findings.push(...findingsFromIssues(r.error.issues, raw[key], schema, [key]));
    }
  }

  if (findings.length > 0 || fileErrors.length > 0) throw new ScenarioErrors([...locate(source, findings), ...fileErrors]);
  const reps = overrides.reps ?? (raw.reps as number | undefined) ?? DEFAULT_CALIBRATION_REPS;
  if (reps < 2) throw new ScenarioErrors([new ScenarioError(source.shown, undefined, undefined, "reps", "reps >= 2", `${reps} replication gives no standard error`)]);
  const n = parameters.length;
  const spec: CalibrationSpec = {
    name: typeof raw.name === "string" ? raw.name : basename(absFile, extname(absFile)),
    description: typeof raw.description === "string" ? raw.description : "",
    file: source.shown,
    absFile,
    base,
    set,
    parameters,
    targets,
    users: overrides.users ?? (raw.users as number | undefined),
    days: overrides.days ?? (raw.days as number | undefined),
    reps,
    seed: overrides.seed ?? (raw.seed as number | undefined) ?? 1,
    budget: overrides.budget ?? (raw.budget as number | undefined) ?? DEFAULT_BUDGET,
    population: (raw.population as number | undefined) ?? 4 + Math.floor(3 * Math.log(Math.max(1, n))),
    sigma: (raw.sigma as number | undefined) ?? DEFAULT_SIGMA,
    profile: (raw.profile as CalibrationSpec["profile"] | undefined) ?? DEFAULT_PROFILE,
  };
  checkTargetRuns(spec);
  return spec;
}

/**
 * Every run the targets need, resolved at the start values (a scenario's own
 * problems point into its file), and every window of every check inside its
 * run's horizon (problems point into the targets file).
 */
function checkTargetRuns(spec: CalibrationSpec): void {
  const errors: ScenarioError[] = [];
  const start = spec.parameters.map((p) => setEntry(p.path, p.start));
  for (const { target } of spec.targets) {
    const horizon = new Map<string, number>();
    for (const [name, ref] of Object.entries(target.scenarios)) {
      try {
        const set = [...spec.set, ...start, ...Object.entries(ref.set).map(([p, v]) => setEntry(p, v))];
        horizon.set(name, loadScenarioSync(ref.file, { set, days: spec.days ?? target.horizonDays, users: spec.users }).scenario.horizonDays);
      } catch (err) {
        if (!(err instanceof ScenarioErrors)) throw err;
        errors.push(...err.errors);
      }
    }
    errors.push(...targetWindowErrors(target, (name) => horizon.get(name)));
  }
  if (errors.length > 0) throw new ScenarioErrors(errors);
}

const PARAMETER_FORM = "{min, max} (searched on [min, max]) or {distribution: loguniform, min, max} (searched on log), with optional start and prior: {mean, sd}";

/** One free parameter: a numeric leaf, a bounded range the schema accepts, a start inside it. */
function checkParameter(path: string, value: unknown, baseScenario: unknown, findings: Finding[]): CalibrationParameter | undefined {
  const at = (f: Finding): Finding => ({ ...f, path: ["parameters", path, ...f.path] });
  if (!isPlainObject(value)) {
    const check = checkParameterPath(path, "set");
    if (!check.ok) findings.push(at({ path: [], atKey: true, problem: check.problem, expected: check.expected }));
    else findings.push(at({ path: [], problem: `${describeValue(value)} is not a range to search`, expected: PARAMETER_FORM }));
    return undefined;
  }
  const { start, prior, ...range } = value;
  if (!("min" in range) && !("max" in range) && !("distribution" in range)) {
    findings.push(at({ path: [], problem: "a free parameter needs a range", expected: PARAMETER_FORM }));
    return undefined;
  }
  const parsed = parseParameter(path, range);
  findings.push(...parsed.findings.map(at));
  if (!parsed.spec) return undefined;
  if (parsed.spec.kind !== "distribution") {
    findings.push(at({ path: [], problem: "a free parameter needs a range, not a list of values", expected: PARAMETER_FORM }));
    return undefined;
  }
  const { min, max, isInteger } = parsed.spec;
  const scale = parsed.spec.distribution === "loguniform" ? "log" : "linear";
  const before = findings.length;
  let startValue: number | undefined;
  if (start !== undefined) {
    if (typeof start !== "number" || !(start >= min && start <= max)) findings.push(at({ path: ["start"], problem: `start ${describeValue(start)} is not in the range`, expected: `a number from ${min} to ${max}` }));
    else startValue = start;
  } else if (baseScenario !== undefined) {
    const v = getPath(baseScenario, path);
    if (typeof v !== "number" || !(v >= min && v <= max)) findings.push(at({ path: [], atKey: true, problem: `the base scenario's value ${describeValue(v)} is outside the range ${min} to ${max}`, expected: "a range that holds the base scenario's value, or a start inside the range" }));
    else startValue = v;
  }
  let priorValue: CalibrationParameter["prior"];
  if (prior !== undefined) {
    if (!isPlainObject(prior) || typeof prior.mean !== "number" || typeof prior.sd !== "number" || !(prior.sd > 0) || Object.keys(prior).some((k) => k !== "mean" && k !== "sd")) {
      findings.push(at({ path: ["prior"], problem: `${describeValue(prior)} is not a prior`, expected: "{mean: number, sd: number > 0}, on the search scale (log of the value for loguniform)" }));
    } else priorValue = { mean: prior.mean, sd: prior.sd };
  }
  if (findings.length > before || startValue === undefined) return undefined;
  return { path, min, max, scale, isInteger, start: startValue, ...(priorValue ? { prior: priorValue } : {}) };
}
