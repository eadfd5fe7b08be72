/**
 * Loading a scenario: read the file and its `extends` chain, check each file
 * on its own (so an error points into the file that holds the bad value),
 * merge child over parent, apply command-line overrides, check the result.
 *
 *   readChain → checkEachFile → mergeChain → applyOverrides → checkMerged
 *
 * checkMerged ends with the checks of meaning (scenario/checks.ts): no
 * programme switched on that cannot act, no window outside the run, a sample
 * that can stand for the platform.
 *
 * Every problem is a ScenarioError with file, line, column, field path and
 * expectation; all problems found in one pass are thrown together as
 * ScenarioErrors. No raw exception (ENOENT, YAML parser errors) escapes.
 */
import { basename, dirname, extname, resolve } from "node:path";
import { checkMeaning } from "./checks.js";
import { ScenarioError, ScenarioErrors } from "./errors.js";
import { checkInterventions, isPlainObject, withParsedInterventionValues } from "./interventions.js";
import { findingsFromIssues, type Finding } from "./issues.js";
import { applyOverrides, COMMAND_LINE, type Overrides } from "./overrides.js";
import { ScenarioSchema, type Scenario } from "./schema.js";
import { formatPath } from "./schema-walk.js";
import { parseSource, positionOf, readText, shownPath, type SourceFile } from "./yaml-source.js";

export type { Overrides } from "./overrides.js";

export interface LoadedScenario {
  /** the validated scenario, defaults filled in */
  scenario: Scenario;
  /** the extends chain, child first, absolute paths */
  files: string[];
  /** the merged raw object before defaults (overrides applied, `extends` dropped, `name` set) */
  raw: Record<string, unknown>;
}

/**
 * Load, merge and validate a scenario file. Throws ScenarioErrors (every
 * problem found, each with its position) when the scenario is not valid.
 */
export async function loadScenario(file: string, overrides: Overrides = {}): Promise<LoadedScenario> {
  // scenario files are a few kilobytes: reading them synchronously costs nothing, and one
  // implementation serves both the CLI and worker threads (which call loadScenarioSync)
  return loadScenarioSync(file, overrides);
}

/** The synchronous loadScenario, for worker threads and other synchronous callers. */
export function loadScenarioSync(file: string, overrides: Overrides = {}): LoadedScenario {
  const { chain, errors } = readChain(resolve(file));
  for (const source of chain) errors.push(...checkFile(source));
  if (errors.length > 0) throw new ScenarioErrors(errors);

  const { raw, isNameFromFile } = mergeChain(chain);
  const overridden = applyOverrides(raw, overrides);
  const scenario = checkMerged(raw, chain, overridden, isNameFromFile);
  return { scenario, files: chain.map((source) => source.file), raw };
}

/** The file and its ancestors, child first; stops at the first link that cannot be followed. */
function readChain(file: string): { chain: SourceFile[]; errors: ScenarioError[] } {
  const chain: SourceFile[] = [];
  const read = readText(file);
  if ("problem" in read) {
    return { chain, errors: [new ScenarioError(shownPath(file), undefined, undefined, "", "a readable YAML scenario file", `cannot read the scenario: ${read.problem}`)] };
  }
  let parsed = parseSource(file, read.text);
  for (;;) {
    if (Array.isArray(parsed)) return { chain, errors: parsed };
    const source = parsed;
    chain.push(source);
    const parent = source.value.extends;
    if (typeof parent !== "string") return { chain, errors: [] }; // a non-text extends is reported by the schema
    const parentFile = resolve(dirname(source.file), parent);
    const at = positionOf(source, ["extends"]);
    const where = (problem: string, expected: string) => new ScenarioError(source.shown, at.line, at.column, "extends", expected, problem);
    if (chain.some((s) => s.file === parentFile)) {
      const cycle = [...chain.map((s) => s.shown), shownPath(parentFile)].join(" -> ");
      return { chain, errors: [where(`extends makes a cycle: ${cycle}`, "a chain of files that ends in a file without extends")] };
    }
    const parentRead = readText(parentFile);
    if ("problem" in parentRead) {
      return { chain, errors: [where(`cannot read '${parent}' (${shownPath(parentFile)}): ${parentRead.problem}`, "a path to a scenario file, relative to this file")] };
    }
    parsed = parseSource(parentFile, parentRead.text);
  }
}

/** One file checked on its own: schema and interventions (the horizon waits for the merge). */
function checkFile(source: SourceFile): ScenarioError[] {
  const result = ScenarioSchema.safeParse(source.value);
  const findings = result.success ? [] : findingsFromIssues(result.error.issues, source.value, ScenarioSchema);
  findings.push(...checkInterventions(source.value));
  return findings.map((finding) => locateIn(source, finding)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Child over parent: maps merge key by key, lists and values replace; `name` is never inherited. */
function mergeChain(chain: SourceFile[]): { raw: Record<string, unknown>; isNameFromFile: boolean } {
  let raw: Record<string, unknown> = {};
  for (let i = chain.length - 1; i >= 0; i--) {
    const { name: _ignored, ...rest } = chain[i].value;
    raw = deepMerge(raw, i === 0 ? chain[i].value : rest);
  }
  delete raw.extends;
  const isNameFromFile = raw.name === undefined;
  if (isNameFromFile) raw.name = basename(chain[0].file, extname(chain[0].file));
  return { raw, isNameFromFile };
}

/** A new object: `over` merged onto `base`; plain maps recursively, everything else replaced. */
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key];
    merged[key] = isPlainObject(below) && isPlainObject(value) ? deepMerge(below, value) : value;
  }
  return merged;
}

/** The merged scenario checked as a whole: what only shows once files and overrides meet. */
function checkMerged(raw: Record<string, unknown>, chain: SourceFile[], overridden: string[], isNameFromFile: boolean): Scenario {
  const result = ScenarioSchema.safeParse(raw);
  const findings = result.success ? [] : findingsFromIssues(result.error.issues, raw, ScenarioSchema);
  const horizon = ScenarioSchema.shape.horizonDays.safeParse(raw.horizonDays);
  if (horizon.success) findings.push(...checkInterventions(raw, horizon.data));
  if (result.success && findings.length === 0) {
    // what every value allows but the run could not do: programmes that cannot act, a sample that cannot stand for the platform
    const scenario = withParsedInterventionValues(result.data);
    findings.push(...checkMeaning(scenario, raw));
    if (findings.length === 0) return scenario;
  }

  const errors = findings.map((finding) => {
    const fieldPath = formatPath(finding.path);
    if (overridden.some((path) => fieldPath === path || fieldPath.startsWith(`${path}.`) || fieldPath.startsWith(`${path}[`))) {
      return new ScenarioError(COMMAND_LINE, undefined, undefined, fieldPath, finding.expected, finding.problem);
    }
    if (isNameFromFile && finding.path[0] === "name") {
      const problem = `the scenario name '${String(raw.name)}' comes from the file name and ${finding.problem}; set 'name:' in the file`;
      return new ScenarioError(chain[0].shown, undefined, undefined, "name", finding.expected, problem);
    }
    // the file that holds most of the path holds the value; the child wins a tie
    let best = chain[0];
    let bestDepth = -1;
    for (const source of chain) {
      const depth = positionOf(source, finding.path).depth;
      if (depth > bestDepth) [best, bestDepth] = [source, depth];
    }
    return locateIn(best, finding);
  });
  throw new ScenarioErrors(errors);
}

function locateIn(source: SourceFile, finding: Finding): ScenarioError {
  const at = positionOf(source, finding.path, finding.atKey);
  return new ScenarioError(source.shown, at.line, at.column, formatPath(finding.path), finding.expected, finding.problem);
}
