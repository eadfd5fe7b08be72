/**
 * Loading a targets file (targets/*.yaml), checked with the same care as a
 * scenario or sweep file: every problem found in one pass, each with file,
 * line, column, field path and what was expected (ScenarioErrors; the CLI
 * exits 2). The scenarios a target names are only checked to be readable
 * here; their content is checked when they are loaded for the runs, and their
 * errors point into their own files.
 *
 *   parse YAML → the fields (zod) → scenarios, measures, bands, references
 *   → TargetsFile
 */
import { readCheckedYaml } from "../../scenario/yaml-file.js";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { COLUMN_NAMES, type ColumnName } from "../../model/metrics.js";
import { ScenarioError, ScenarioErrors } from "../../scenario/errors.js";
import { checkParameterPath, isPlainObject } from "../../scenario/interventions.js";
import { describeValue, findingsFromIssues, type Finding } from "../../scenario/issues.js";
import { formatPath, type PathKey } from "../../scenario/schema-walk.js";
import { closestMatch } from "../../scenario/suggest.js";
import { parseSource, positionOf, readText, shownPath, type SourceFile } from "../../scenario/yaml-source.js";
import { KPIS } from "../kpis.js";
import { checkText } from "./describe.js";
import type { Aggregate, Band, CheckSpec, Comparison, Measure, ScenarioRef, SimpleMeasure, TargetSpec, TargetsFile, WindowDay } from "./spec.js";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NAME_RULE = "letters, digits, '.', '_' or '-', starting with a letter or digit";

const CheckSchema = z.strictObject({
  label: z.string().min(1).optional(),
  measure: z.unknown(),
  of: z.string().min(1),
  minus: z.string().min(1).optional(),
  over: z.string().min(1).optional(),
  band: z.unknown(),
});

const TargetSchema = z.strictObject({
  id: z.string().regex(NAME, NAME_RULE),
  title: z.string().min(1),
  source: z.string().min(1),
  scenarios: z.record(z.string().regex(NAME, NAME_RULE), z.unknown()),
  horizonDays: z.int().min(1).max(3650).optional(),
  checks: z.array(CheckSchema).min(1),
  expect: z.enum(["met", "miss"]).optional(),
  reason: z.string().min(1).optional(),
});

const TargetsFileSchema = z.strictObject({
  description: z.string().optional(),
  targets: z.array(TargetSchema).min(1),
});

export const KPI_KEYS = KPIS.map((k) => k.key);
const MEASURE_FORMS = "a KPI key, {kpi: KEY}, {column: NAME, window: [fromDay, toDay], aggregate: sum|mean} or {ratio: [MEASURE, MEASURE]}";
const BAND_FORMS = "a band: [min, max] with null for an open end, or a condition such as '> 0', '>= 1.3', '< 0', '0.4..0.55'";
const WINDOW_FORM = "[fromDay, toDay]: toDay not included; a negative day counts back from the end of the run, 'end' is the end";

/**
 * Read and check one targets file. Throws ScenarioErrors with every problem
 * found (positions in this file).
 */
export function loadTargetsFile(file: string): TargetsFile {
  const absFile = resolve(file);
  const { source, raw, findings } = readCheckedYaml(absFile, "targets", TargetsFileSchema);

  const targets: TargetSpec[] = [];
  const ids = new Map<string, number>();
  const list = Array.isArray(raw.targets) ? raw.targets : [];
  list.forEach((t: unknown, i) => {
    if (!isPlainObject(t)) return; // the schema said so
    const target = checkTarget(t, i, source, findings);
    if (typeof t.id === "string") {
      if (ids.has(t.id)) findings.push({ path: ["targets", i, "id"], problem: `the id '${t.id}' is used twice (also targets[${ids.get(t.id)}])`, expected: "a different id for each target" });
      else ids.set(t.id, i);
    }
    if (target) targets.push(target);
  });

  if (findings.length > 0) throw new ScenarioErrors(locate(source, findings));
  return { file: source.shown, absFile, description: typeof raw.description === "string" ? raw.description : "", targets };
}

/** One target; undefined when it has a problem (the findings say which). */
function checkTarget(t: Record<string, unknown>, i: number, source: SourceFile, findings: Finding[]): TargetSpec | undefined {
  const before = findings.length;
  const base: PathKey[] = ["targets", i];

  const scenarios: Record<string, ScenarioRef> = {};
  if (isPlainObject(t.scenarios)) {
    for (const [name, entry] of Object.entries(t.scenarios)) {
      const ref = checkScenarioEntry(entry, [...base, "scenarios", name], dirname(source.file), findings);
      if (ref) scenarios[name] = ref;
    }
    if (Object.keys(t.scenarios).length === 0) findings.push({ path: [...base, "scenarios"], problem: "no scenario", expected: "a map of names to scenario files, e.g. baseline: ../scenarios/baseline.yaml" });
  }
  const names = isPlainObject(t.scenarios) ? Object.keys(t.scenarios) : [];

  const checks: CheckSpec[] = [];
  const rawChecks = Array.isArray(t.checks) ? t.checks : [];
  rawChecks.forEach((c: unknown, j) => {
    if (!isPlainObject(c)) return;
    const check = checkCheck(c, [...base, "checks", j], names, findings);
    if (check) checks.push(check);
  });

  if (t.expect === "miss" && t.reason === undefined) findings.push({ path: [...base, "expect"], problem: "an expected miss without a reason", expected: "reason: why the present model misses this target" });
  if (t.reason !== undefined && t.expect !== "miss") findings.push({ path: [...base, "reason"], atKey: true, problem: "a reason is only for a target marked 'expect: miss'", expected: "expect: miss, or no reason" });

  if (findings.length > before || typeof t.id !== "string" || typeof t.title !== "string" || typeof t.source !== "string") return undefined;
  return {
    id: t.id, title: t.title, source: t.source.trim(), file: source.shown, absFile: source.file, index: i, scenarios,
    ...(typeof t.horizonDays === "number" ? { horizonDays: t.horizonDays } : {}),
    checks, expectMiss: t.expect === "miss", ...(typeof t.reason === "string" ? { reason: t.reason.trim() } : {}),
  };
}

/** `name: path.yaml` or `name: {file: path.yaml, set: {parameter.path: value}}`. */
function checkScenarioEntry(entry: unknown, path: PathKey[], dir: string, findings: Finding[]): ScenarioRef | undefined {
  const expected = "a scenario file relative to this file, or {file: FILE, set: {parameter.path: value}}";
  let written: unknown;
  let set: Record<string, unknown> = {};
  if (typeof entry === "string") {
    written = entry;
  } else if (isPlainObject(entry)) {
    for (const key of Object.keys(entry)) {
      if (key !== "file" && key !== "set") findings.push(unknownKeyFinding([...path, key], key, ["file", "set"]));
    }
    written = entry.file;
    if (written === undefined) findings.push({ path, problem: "no scenario file", expected: "file: a scenario file relative to this file" });
    else if (typeof written !== "string" || written === "") findings.push({ path: [...path, "file"], problem: `${describeValue(written)} is not a file name`, expected: "a scenario file relative to this file" });
    if (entry.set !== undefined) {
      if (!isPlainObject(entry.set)) findings.push({ path: [...path, "set"], problem: `${describeValue(entry.set)} is not a map of overrides`, expected: "a map of parameter paths to values, e.g. {population.userGrowthPerDay: 0}" });
      else set = checkedValues(entry.set, [...path, "set"], findings);
    }
  } else {
    findings.push({ path, problem: `${describeValue(entry)} is not a scenario`, expected });
    return undefined;
  }
  if (typeof written !== "string" || written === "") return undefined;
  const file = resolve(dir, written);
  const read = readText(file);
  if ("problem" in read) {
    findings.push({ path: typeof entry === "string" ? path : [...path, "file"], problem: `cannot read '${written}' (${shownPath(file)}): ${read.problem}`, expected: "a path to a scenario file, relative to this file" });
    return undefined;
  }
  return { file, written, set };
}

/** The entries of a `path: value` map whose paths are parameters and whose values they accept; problems go to findings. */
function checkedValues(map: Record<string, unknown>, at: PathKey[], findings: Finding[]): Record<string, unknown> {
  const ok: Record<string, unknown> = {};
  for (const [p, value] of Object.entries(map)) {
    const check = checkParameterPath(p, "set");
    if (!check.ok) {
      findings.push({ path: [...at, p], atKey: true, problem: check.problem, expected: check.expected });
      continue;
    }
    const r = check.schema.safeParse(value);
    if (!r.success) findings.push(...findingsFromIssues(r.error.issues, value, check.schema, [...at, p]));
    else ok[p] = value;
  }
  return ok;
}

function checkCheck(c: Record<string, unknown>, path: PathKey[], names: string[], findings: Finding[]): CheckSpec | undefined {
  const before = findings.length;
  const measure = c.measure === undefined
    ? (findings.push({ path, problem: "a check without a measure", expected: `measure: ${MEASURE_FORMS}` }), undefined)
    : parseMeasure(c.measure, [...path, "measure"], findings, true);
  const band = c.band === undefined
    ? (findings.push({ path, problem: "a check without a band", expected: `band: ${BAND_FORMS}` }), undefined)
    : parseBand(c.band, [...path, "band"], findings);

  for (const key of ["of", "minus", "over"] as const) {
    const name = c[key];
    if (typeof name === "string" && names.length > 0 && !names.includes(name)) {
      const suggestion = closestMatch(name, names);
      findings.push({ path: [...path, key], problem: `'${name}' is not one of this target's scenarios${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`, expected: `one of: ${names.join(", ")}` });
    }
  }
  if (c.minus !== undefined && c.over !== undefined) findings.push({ path: [...path, "over"], atKey: true, problem: "a check has both 'minus' and 'over'", expected: "minus (a paired difference) or over (a ratio), not both" });
  const against = (c.minus ?? c.over) as string | undefined;
  if (against !== undefined && against === c.of) findings.push({ path: [...path, c.minus !== undefined ? "minus" : "over"], problem: `'${against}' is compared with itself`, expected: "a scenario other than 'of'" });

  if (findings.length > before || !measure || !band || typeof c.of !== "string") return undefined;
  const comparison: Comparison = c.minus !== undefined ? "difference" : c.over !== undefined ? "ratio" : "value";
  const spec = { measure, comparison, of: c.of, ...(against !== undefined ? { against } : {}) };
  return { ...spec, label: typeof c.label === "string" ? c.label : checkText(spec), band, path };
}

/** A measure as written; `allowRatio` is false inside a ratio (one level only). */
function parseMeasure(value: unknown, path: PathKey[], findings: Finding[], allowRatio: boolean): Measure | undefined {
  if (typeof value === "string") return kpiMeasure(value, path, findings);
  if (!isPlainObject(value)) {
    findings.push({ path, problem: `${describeValue(value)} is not a measure`, expected: allowRatio ? MEASURE_FORMS : "a KPI key, {kpi: KEY} or {column: NAME, window: [fromDay, toDay], aggregate: sum|mean}" });
    return undefined;
  }
  if ("ratio" in value) {
    if (!allowRatio) {
      findings.push({ path: [...path, "ratio"], atKey: true, problem: "a ratio inside a ratio", expected: "a KPI key or a column measure" });
      return undefined;
    }
    extraKeys(value, ["ratio"], path, findings);
    const r = value.ratio;
    if (!Array.isArray(r) || r.length !== 2) {
      findings.push({ path: [...path, "ratio"], problem: `${describeValue(r)} is not a ratio`, expected: "[NUMERATOR, DENOMINATOR]: two measures (KPI keys or column measures)" });
      return undefined;
    }
    const numerator = parseMeasure(r[0], [...path, "ratio", 0], findings, false) as SimpleMeasure | undefined;
    const denominator = parseMeasure(r[1], [...path, "ratio", 1], findings, false) as SimpleMeasure | undefined;
    return numerator && denominator ? { kind: "ratio", numerator, denominator } : undefined;
  }
  if ("kpi" in value) {
    extraKeys(value, ["kpi"], path, findings);
    if (typeof value.kpi !== "string") {
      findings.push({ path: [...path, "kpi"], problem: `${describeValue(value.kpi)} is not a KPI key`, expected: `one of: ${KPI_KEYS.join(", ")}` });
      return undefined;
    }
    return kpiMeasure(value.kpi, [...path, "kpi"], findings);
  }
  if ("column" in value) {
    const before = findings.length;
    extraKeys(value, ["column", "window", "aggregate"], path, findings);
    const column = value.column;
    if (typeof column !== "string" || !(COLUMN_NAMES as readonly string[]).includes(column)) {
      const suggestion = typeof column === "string" ? closestMatch(column, COLUMN_NAMES) : undefined;
      findings.push({ path: [...path, "column"], problem: `${typeof column === "string" ? `unknown column '${column}'` : `${describeValue(column)} is not a column`}${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`, expected: `a column of timeseries.csv: ${COLUMN_NAMES.join(", ")}` });
    }
    const aggregate = value.aggregate ?? "sum";
    if (aggregate !== "sum" && aggregate !== "mean") findings.push({ path: [...path, "aggregate"], problem: `${describeValue(aggregate)} is not allowed`, expected: 'one of: "sum", "mean"' });
    const window = value.window === undefined ? undefined : parseWindow(value.window, [...path, "window"], findings);
    if (findings.length > before) return undefined;
    return { kind: "column", column: column as ColumnName, aggregate: aggregate as Aggregate, ...(window ? { window } : {}) };
  }
  findings.push({ path, problem: "a measure without 'kpi', 'column' or 'ratio'", expected: MEASURE_FORMS });
  return undefined;
}

function kpiMeasure(key: string, path: PathKey[], findings: Finding[]): Measure | undefined {
  if (KPI_KEYS.includes(key)) return { kind: "kpi", key };
  const suggestion = closestMatch(key, KPI_KEYS);
  const isColumn = (COLUMN_NAMES as readonly string[]).includes(key);
  findings.push({
    path,
    problem: `unknown KPI '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : isColumn ? ` ('${key}' is a column: write {column: ${key}, window: [fromDay, toDay]})` : ""}`,
    expected: `one of: ${KPI_KEYS.join(", ")}`,
  });
  return undefined;
}

function extraKeys(value: Record<string, unknown>, allowed: string[], path: PathKey[], findings: Finding[]): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) findings.push(unknownKeyFinding([...path, key], key, allowed));
}

function unknownKeyFinding(path: PathKey[], key: string, known: string[]): Finding {
  const suggestion = closestMatch(key, known);
  return { path, atKey: true, problem: `unknown key '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`, expected: `one of the known keys: ${known.join(", ")}` };
}

function parseWindow(value: unknown, path: PathKey[], findings: Finding[]): [WindowDay, WindowDay] | undefined {
  if (!Array.isArray(value) || value.length !== 2) {
    findings.push({ path, problem: `${describeValue(value)} is not a day window`, expected: WINDOW_FORM });
    return undefined;
  }
  const days: WindowDay[] = [];
  for (let k = 0; k < 2; k++) {
    const d = value[k];
    if (d === "end" || (typeof d === "number" && Number.isInteger(d))) days.push(d);
    else findings.push({ path: [...path, k], problem: `${describeValue(d)} is not a day`, expected: "a whole number of days (negative: counted back from the end) or 'end'" });
  }
  if (days.length < 2) return undefined;
  const [from, to] = days;
  if (from === "end") {
    findings.push({ path: [...path, 0], problem: "a window cannot start at the end", expected: WINDOW_FORM });
    return undefined;
  }
  // both counted the same way: the order is known without the horizon
  if (typeof to === "number" && Math.sign(from) === Math.sign(to) && to <= from) {
    findings.push({ path, problem: `the window [${from}, ${to}) is empty`, expected: "toDay after fromDay" });
    return undefined;
  }
  return [from, to];
}

const NUMBER = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
const CONDITION = new RegExp(`^\\s*(>=|<=|>|<)\\s*(${NUMBER})\\s*$`);
const RANGE = new RegExp(`^\\s*(${NUMBER})\\s*\\.\\.\\s*(${NUMBER})\\s*$`);

function parseBand(value: unknown, path: PathKey[], findings: Finding[]): Band | undefined {
  const bad = (problem: string, at = path): undefined => {
    findings.push({ path: at, problem, expected: BAND_FORMS });
    return undefined;
  };
  let band: Band;
  if (Array.isArray(value)) {
    if (value.length !== 2) return bad(`a band of ${value.length} value${value.length === 1 ? "" : "s"}`);
    const ends: (number | undefined)[] = [];
    for (let k = 0; k < 2; k++) {
      const v = value[k];
      if (v === null || (k === 0 && v === -Infinity) || (k === 1 && v === Infinity)) ends.push(undefined);
      else if (typeof v === "number" && Number.isFinite(v)) ends.push(v);
      else return bad(`${describeValue(v)} is not a bound`, [...path, k]);
    }
    band = { min: ends[0], max: ends[1], minExclusive: false, maxExclusive: false };
  } else if (typeof value === "string") {
    const c = CONDITION.exec(value);
    const r = RANGE.exec(value);
    if (c) {
      const x = Number(c[2]);
      band = c[1].startsWith(">") ? { min: x, minExclusive: c[1] === ">", maxExclusive: false } : { max: x, maxExclusive: c[1] === "<", minExclusive: false };
    } else if (r) {
      band = { min: Number(r[1]), max: Number(r[2]), minExclusive: false, maxExclusive: false };
    } else {
      return bad(`${describeValue(value)} is not a band`);
    }
  } else {
    return bad(`${describeValue(value)} is not a band`);
  }
  if (band.min === undefined && band.max === undefined) return bad("a band with no bound says nothing");
  if (band.min !== undefined && band.max !== undefined && band.min > band.max) return bad(`the band's minimum ${band.min} is above its maximum ${band.max}`);
  if (band.min === undefined) delete band.min;
  if (band.max === undefined) delete band.max;
  return band;
}

/** Findings turned into positioned errors, in file order. */
export function locate(source: SourceFile, findings: Finding[]): ScenarioError[] {
  return findings
    .map((f) => {
      const pos = positionOf(source, f.path, f.atKey);
      return new ScenarioError(source.shown, pos.line, pos.column, formatPath(f.path), f.expected, f.problem);
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** A positioned error in a targets file found after loading (a window outside a run's horizon). */
export function errorAt(absFile: string, path: PathKey[], problem: string, expected: string): ScenarioError {
  const read = readText(absFile);
  const parsed = "text" in read ? parseSource(absFile, read.text) : [];
  if (Array.isArray(parsed)) return new ScenarioError(shownPath(absFile), undefined, undefined, formatPath(path), expected, problem);
  return locate(parsed, [{ path, problem, expected }])[0];
}
