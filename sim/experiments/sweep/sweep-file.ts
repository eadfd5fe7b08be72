/**
 * Loading a sweep file, checked with the same care as a scenario file: every
 * problem found in one pass, each with file, line, column, field path and
 * what was expected (ScenarioErrors; the CLI exits 2).
 *
 *   parse YAML → check the fields → check each parameter against the schema
 *   → check the design, KPIs and adaptive rule → normalise to a SweepSpec
 *
 * The base scenario is loaded afterwards by the plan; its own errors point
 * into its own file.
 */
import { basename, dirname, extname, resolve } from "node:path";
import { z } from "zod";
import { ScenarioError, ScenarioErrors } from "../../scenario/errors.js";
import { checkParameterPath, isPlainObject } from "../../scenario/interventions.js";
import { describeValue, findingsFromIssues, type Finding } from "../../scenario/issues.js";
import { leafSchemaAt } from "../../scenario/interventions.js";
import { formatPath, type PathKey } from "../../scenario/schema-walk.js";
import { closestMatch } from "../../scenario/suggest.js";
import { parseSource, positionOf, readText, shownPath, type SourceFile } from "../../scenario/yaml-source.js";
import { commandLineErrors, type CommandLineFields } from "./option-errors.js";
import { csvDesign } from "../designs/csv.js";
import { gridSize } from "../designs/grid.js";
import type { ParameterSpec, ParamValue } from "../designs/types.js";
import { parseParameter } from "./parameters.js";
import { DEFAULT_MORRIS_LEVELS, DEFAULT_REPS, DEFAULT_SEED, DEFAULT_SWEEP_KPIS, setEntry, type AdaptiveSpec, type DesignSpec, type SweepSpec } from "./spec.js";
import { ANALYSIS_KPI_KEYS, SWEEP_KPI_KEYS } from "./sweep-kpis.js";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const MAX_POINTS = 100_000;

const whole = (min: number, max: number) => z.int().min(min).max(max);

/** The designs, one shape each, told apart by `type` (a bare name such as `grid` stands for {type: grid}). */
const DesignSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("grid") }),
  z.strictObject({ type: z.literal("lhs"), samples: whole(1, MAX_POINTS).describe("points of the Latin hypercube") }),
  z.strictObject({
    type: z.literal("morris"),
    trajectories: whole(2, MAX_POINTS).describe("Morris trajectories r; points = r × (parameters + 1)"),
    levels: whole(2, 1000).multipleOf(2).optional().describe("grid levels p, even (4 is usual)"),
  }),
  z.strictObject({ type: z.literal("sobol"), samples: whole(2, MAX_POINTS).describe("base samples N; points = N × (parameters + 2)") }),
  z.strictObject({ type: z.literal("csv"), file: z.string().min(1).describe("a CSV of points: parameter paths as header, relative to the sweep file") }),
]);
export const DESIGN_TYPES = ["grid", "lhs", "morris", "sobol", "csv"] as const;

/**
 * A sweep, as a sweep file holds it and as the command line is turned into
 * (command-line.ts): both are checked by this one schema, then by the checks
 * that need the scenario schema (parameters, set, reference) and the KPIs.
 */
export const SweepFileSchema = z.strictObject({
  base: z.string().min(1).describe("the base scenario file, relative to the sweep file"),
  name: z.string().regex(NAME, "letters, digits, '.', '_' or '-', starting with a letter or digit").optional(),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  set: z.record(z.string(), z.unknown()).optional(),
  design: DesignSchema.optional(),
  reps: z.int().min(1).max(100_000).optional(),
  seed: z.int().min(0).max(4_294_967_295).optional(),
  kpis: z.array(z.string()).min(1).optional(),
  days: z.int().min(1).max(3650).optional(),
  users: z.int().min(1).optional(),
  adaptive: z.strictObject({ kpi: z.string(), halfWidth: z.union([z.number(), z.string()]), maxReps: z.int().min(1).max(100_000) }).optional(),
  keepSeries: z.boolean().optional(),
  reference: z.record(z.string(), z.unknown()).optional(),
});

/** Points of a Sobol (Saltelli) design: N rows of A, of B and of each AB_i. */
export function sobolSize(samples: number, parameters: number): number {
  return samples * (parameters + 2);
}

/** Whether a YAML file is a sweep file (it has `base:`) rather than a scenario. */
export function looksLikeSweepFile(file: string): boolean {
  const read = readText(resolve(file));
  if ("problem" in read) return false;
  return /^base\s*:/m.test(read.text);
}

/**
 * A sweep file, with fields the command line gives instead (`--reps`,
 * `--kpi`, … as `commandLine.fields`, checked with the file's; problems there
 * are reported against the option) and `--set` overrides appended to the
 * file's `set` (checked when the plan resolves the points, like `sim run --set`).
 */
export function loadSweepFile(file: string, commandLine: CommandLineFields = { fields: {} }, set: readonly string[] = []): SweepSpec {
  const path = resolve(file);
  const read = readText(path);
  if ("problem" in read) throw new ScenarioErrors([new ScenarioError(shownPath(path), undefined, undefined, "", "a readable YAML sweep file", `cannot read the sweep file: ${read.problem}`)]);
  const source = parseSource(path, read.text);
  if (Array.isArray(source)) throw new ScenarioErrors(source);
  const raw = { ...source.value, ...commandLine.fields };
  const { spec, findings } = checkSweepObject(raw, { dir: dirname(path), defaultName: basename(path, extname(path)) });
  if (findings.length > 0) {
    const fromCommandLine = findings.filter((f) => typeof f.path[0] === "string" && f.path[0] in commandLine.fields);
    throw new ScenarioErrors([...commandLineErrors(fromCommandLine, raw, commandLine), ...locate(source, findings.filter((f) => !fromCommandLine.includes(f)))]);
  }
  return { ...spec!, set: [...spec!.set, ...set] };
}

/** Where a sweep object's relative paths start, and its name when it gives none. */
export interface SweepContext {
  dir: string;
  defaultName: string;
}

/**
 * Check a sweep object (a sweep file's content, or the command line turned
 * into one) in one pass: the schema, then each parameter, set and reference
 * value against the scenario schema, the design against the parameters, the
 * KPIs, the adaptive rule, days and users, and that the base file reads.
 * Findings carry the object's paths; the caller gives them positions.
 */
export function checkSweepObject(rawInput: unknown, ctx: SweepContext): { spec?: SweepSpec; findings: Finding[] } {
  const raw: Record<string, unknown> = isPlainObject(rawInput) ? { ...rawInput } : {};
  // `design: grid` is short for {type: grid}
  if (typeof raw.design === "string") raw.design = { type: raw.design };
  const findings: Finding[] = [];
  const checked = SweepFileSchema.safeParse(raw);
  if (!checked.success) findings.push(...findingsFromIssues(checked.error.issues, raw, SweepFileSchema));
  const at = (...p: PathKey[]) => (f: Finding): Finding => ({ ...f, path: [...p, ...f.path] });

  // parameters
  const parameters: ParameterSpec[] = [];
  if (isPlainObject(raw.parameters)) {
    for (const [p, value] of Object.entries(raw.parameters)) {
      const r = parseParameter(p, value);
      findings.push(...r.findings.map(at("parameters", p)));
      if (r.spec) parameters.push(r.spec);
    }
  }
  // fixed overrides, and the reference point: parameter paths with values each parameter accepts
  const fixed = checkedValues(raw.set, "set", findings);
  const set = Object.entries(fixed).map(([p, value]) => setEntry(p, value));
  for (const p of Object.keys(isPlainObject(raw.set) ? raw.set : {})) {
    if (isPlainObject(raw.parameters) && p in raw.parameters) findings.push({ path: ["set", p], atKey: true, problem: `'${p}' is both varied (parameters) and fixed (set)`, expected: "each parameter in one of the two" });
  }
  const reference = isPlainObject(raw.reference) ? (checkedValues(raw.reference, "reference", findings) as Record<string, ParamValue>) : undefined;
  // design
  const design = designOf(raw.design, ctx.dir, findings);
  if (design?.type === "csv") {
    if (isPlainObject(raw.parameters) && Object.keys(raw.parameters).length > 0) {
      findings.push({ path: ["parameters"], problem: "a csv design takes its parameters from the points file's header", expected: "no 'parameters' with design type csv" });
    }
  } else if (parameters.length === 0 && !findings.some((f) => f.path[0] === "parameters") && !(isPlainObject(raw.design) && raw.design.type === "csv")) {
    findings.push({ path: raw.parameters === undefined ? [] : ["parameters"], problem: "the sweep varies no parameter", expected: "parameters: a map of parameter paths to values, ranges or distributions" });
  }
  if (design?.type === "grid") {
    for (const p of parameters) {
      if (p.kind === "distribution") findings.push({ path: ["parameters", p.path], problem: `a grid needs values; '${p.path}' has a distribution`, expected: "a list of values or {from, to, step} (distributions are for lhs, morris and sobol)" });
    }
    const size = gridSize(parameters);
    if (size > MAX_POINTS) findings.push({ path: ["parameters"], problem: `the grid has ${size} points`, expected: `at most ${MAX_POINTS} points` });
  }
  // a sobol design (even one whose samples are wrong: every problem in one pass) takes distributions only
  if (raw.design === "sobol" || (isPlainObject(raw.design) && raw.design.type === "sobol")) {
    for (const p of parameters) {
      if (p.kind === "values") findings.push({ path: ["parameters", p.path], problem: `a sobol design needs a distribution; '${p.path}' has values`, expected: "{distribution: uniform | loguniform, min, max} (Sobol indices are shares of variance over a continuous range)" });
    }
  }
  if (design?.type === "sobol") {
    const size = sobolSize(design.samples, parameters.length);
    if (size > MAX_POINTS) findings.push({ path: ["design", "samples"], problem: `${design.samples} samples × (${parameters.length} parameters + 2) is ${size} points`, expected: `at most ${MAX_POINTS} points` });
  }
  // KPIs and adaptive rule
  const kpis = (Array.isArray(raw.kpis) ? raw.kpis : []).filter((k): k is string => typeof k === "string");
  kpis.forEach((k, i) => {
    if (!ANALYSIS_KPI_KEYS.includes(k)) findings.push(unknownKpi(k, ["kpis", i]));
  });
  let adaptive: AdaptiveSpec | undefined;
  if (isPlainObject(raw.adaptive)) {
    const a = raw.adaptive;
    if (typeof a.kpi === "string" && !SWEEP_KPI_KEYS.includes(a.kpi)) findings.push(unknownKpi(a.kpi, ["adaptive", "kpi"]));
    const half = parseHalfWidth(a.halfWidth);
    if (!half) findings.push({ path: ["adaptive", "halfWidth"], problem: a.halfWidth === undefined ? "missing value" : `${describeValue(a.halfWidth)} is not a half-width`, expected: "a number > 0 in the KPI's unit, or a share of the mean such as '2%'" });
    const reps = typeof raw.reps === "number" ? raw.reps : DEFAULT_REPS;
    if (typeof a.maxReps === "number" && a.maxReps < reps) findings.push({ path: ["adaptive", "maxReps"], problem: `maxReps ${a.maxReps} is below reps (${reps})`, expected: `a whole number >= ${reps}` });
    if (half && typeof a.kpi === "string" && typeof a.maxReps === "number") adaptive = { kpi: a.kpi, ...half, maxReps: a.maxReps };
  }
  // days and users: the scenario's own bounds
  for (const [key, leaf] of [["days", "horizonDays"], ["users", "population.users"]] as const) {
    const schema = leafSchemaAt(leaf);
    if (raw[key] !== undefined && schema) {
      const r = schema.safeParse(raw[key]);
      if (!r.success) findings.push(...findingsFromIssues(r.error.issues, raw[key], schema, [key]));
    }
  }
  // the base file: readable (its content is checked when the plan loads it)
  const base = typeof raw.base === "string" ? resolve(ctx.dir, raw.base) : "";
  if (base) {
    const b = readText(base);
    if ("problem" in b) findings.push({ path: ["base"], problem: `cannot read '${String(raw.base)}' (${shownPath(base)}): ${b.problem}`, expected: "a path to a scenario file, relative to this file" });
  }

  if (findings.length > 0 || !design) return { findings };

  const csvParameters = design.type === "csv" ? parametersOfCsv(design.file) : undefined;
  return {
    findings,
    spec: {
      name: typeof raw.name === "string" ? raw.name : ctx.defaultName,
      description: typeof raw.description === "string" ? raw.description : "",
      base,
      set,
      days: raw.days as number | undefined,
      users: raw.users as number | undefined,
      parameters: csvParameters ?? parameters,
      design,
      reps: (raw.reps as number | undefined) ?? DEFAULT_REPS,
      seed: (raw.seed as number | undefined) ?? DEFAULT_SEED,
      kpis: kpis.length > 0 ? kpis : DEFAULT_SWEEP_KPIS,
      adaptive,
      keepSeries: (raw.keepSeries as boolean | undefined) ?? false,
      reference,
    },
  };
}

/** The entries of a `path: value` map whose paths are parameters and whose values they accept; problems go to findings. */
export function checkedValues(map: unknown, key: string, findings: Finding[]): Record<string, unknown> {
  const ok: Record<string, unknown> = {};
  if (!isPlainObject(map)) return ok;
  for (const [p, value] of Object.entries(map)) {
    const check = checkParameterPath(p, "set");
    if (!check.ok) {
      findings.push({ path: [key, p], atKey: true, problem: check.problem, expected: check.expected });
      continue;
    }
    const r = check.schema.safeParse(value);
    if (!r.success) findings.push(...findingsFromIssues(r.error.issues, value, check.schema, [key, p]));
    else ok[p] = value;
  }
  return ok;
}

function locate(source: SourceFile, findings: Finding[]): ScenarioError[] {
  return findings
    .map((f) => {
      const pos = positionOf(source, f.path, f.atKey);
      return new ScenarioError(source.shown, pos.line, pos.column, formatPath(f.path), f.expected, f.problem);
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function unknownKpi(key: string, path: PathKey[]): Finding {
  const suggestion = closestMatch(key, ANALYSIS_KPI_KEYS);
  return { path, problem: `unknown KPI '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`, expected: `one of: ${ANALYSIS_KPI_KEYS.join(", ")}` };
}

/** 1e8 → absolute; "2%" → 0.02 of the mean. */
export function parseHalfWidth(value: unknown): { halfWidth: number; isRelative: boolean } | undefined {
  if (typeof value === "number") return value > 0 ? { halfWidth: value, isRelative: false } : undefined;
  if (typeof value !== "string") return undefined;
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[-+]?\d+)?)\s*(%?)\s*$/i.exec(value);
  if (!m) return undefined;
  const x = Number(m[1]);
  if (!(x > 0)) return undefined;
  return m[2] === "%" ? { halfWidth: x / 100, isRelative: true } : { halfWidth: x, isRelative: false };
}

/** The design as checked by the schema, normalised (morris levels, the csv file's absolute path, readable); undefined when it is not valid. */
function designOf(raw: unknown, dir: string, findings: Finding[]): DesignSpec | undefined {
  const parsed = DesignSchema.safeParse(raw ?? { type: "grid" });
  if (!parsed.success) return undefined; // the schema's findings say why
  const d = parsed.data;
  if (d.type === "morris") return { type: "morris", trajectories: d.trajectories, levels: d.levels ?? DEFAULT_MORRIS_LEVELS };
  if (d.type !== "csv") return d;
  const file = resolve(dir, d.file);
  const read = readText(file);
  if ("problem" in read) {
    findings.push({ path: ["design", "file"], problem: `cannot read '${d.file}' (${shownPath(file)}): ${read.problem}`, expected: "a CSV file with parameter paths as header, relative to this file" });
    return undefined;
  }
  return { type: "csv", file };
}

/**
 * A points file checked like the rest: each header cell a parameter, each
 * cell a value its parameter accepts (errors name the CSV's line and column).
 * Returns the parameters, each as the list of its distinct values.
 */
export function parametersOfCsv(file: string): ParameterSpec[] {
  const read = readText(file);
  const shown = shownPath(file);
  if ("problem" in read) throw new ScenarioErrors([new ScenarioError(shown, undefined, undefined, "", "a readable CSV file", `cannot read the points file: ${read.problem}`)]);
  let parsed;
  try {
    parsed = csvDesign(read.text, shown);
  } catch (err) {
    if (err instanceof ScenarioError) throw new ScenarioErrors([err]);
    throw err;
  }
  const errors: ScenarioError[] = [];
  const params = parsed.paths.map((p, j): ParameterSpec | undefined => {
    const check = checkParameterPath(p, "set");
    if (!check.ok) {
      errors.push(new ScenarioError(shown, headerLineOf(read.text), parsed.headerColumns[j], p, check.expected, check.problem));
      return undefined;
    }
    const values = parsed.points.map((pt) => pt.values[p]);
    values.forEach((v, i) => {
      const r = check.schema.safeParse(v);
      if (!r.success) {
        for (const f of findingsFromIssues(r.error.issues, v, check.schema)) errors.push(new ScenarioError(shown, parsed.rowLines[i], parsed.rowColumns[i][j], p, f.expected, f.problem));
      }
    });
    const distinct = [...new Set(values)];
    return { path: p, kind: "values" as const, values: distinct, written: `${distinct.length} value${distinct.length === 1 ? "" : "s"} from ${basename(file)}` };
  }).filter((p): p is ParameterSpec => p !== undefined);
  if (errors.length > 0) throw new ScenarioErrors(errors.slice(0, 50));
  return params;
}

function headerLineOf(text: string): number {
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  const i = lines.findIndex((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  return i + 1;
}
