/**
 * Command-line overrides (`--set path=value`, `--days`, `--users`), applied to
 * the merged scenario before its final validation. A bad override is reported
 * against "command line" with the parameter path, since it has no file position.
 */
import { parse as parseYaml } from "yaml";
import { ScenarioError, ScenarioErrors } from "./errors.js";
import { checkParameterPath, isPlainObject } from "./interventions.js";
import { findingsFromIssues } from "./issues.js";
import { formatPath, kindOf } from "./schema-walk.js";

/** Where errors about overrides are said to be. */
export const COMMAND_LINE = "command line";

export interface Overrides {
  /** `path=value` entries; the value is read as YAML: `0.1`, `true`, `[]`, `[{startDay: 300, days: 3}]` */
  set?: string[];
  /** overrides horizonDays */
  days?: number;
  /** overrides population.users */
  users?: number;
}

interface Override {
  /** how the user wrote it, for messages: "--set levers.x=1", "--days" */
  flag: string;
  path: string;
  value: unknown;
}

/**
 * Check every override against its parameter and write the good ones into
 * `raw` (creating the groups a partial scenario leaves out). Returns the
 * parameter paths set, so later errors on them point at the command line.
 * Throws ScenarioErrors listing every bad override.
 */
export function applyOverrides(raw: Record<string, unknown>, overrides: Overrides): string[] {
  const errors: ScenarioError[] = [];
  const parsed: Override[] = [];
  for (const entry of overrides.set ?? []) {
    const result = parseSetEntry(entry);
    if (result instanceof ScenarioError) errors.push(result);
    else parsed.push(result);
  }
  // the dedicated flags come last so that they win over a --set of the same parameter
  if (overrides.days !== undefined) parsed.push({ flag: "--days", path: "horizonDays", value: overrides.days });
  if (overrides.users !== undefined) parsed.push({ flag: "--users", path: "population.users", value: overrides.users });

  const applied: string[] = [];
  for (const override of parsed) {
    const problems = checkOverride(override);
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    setCreating(raw, override.path.split("."), override.value);
    applied.push(override.path);
  }
  if (errors.length > 0) throw new ScenarioErrors(errors);
  return applied;
}

function parseSetEntry(entry: string): Override | ScenarioError {
  const flag = `--set ${entry}`;
  const eq = entry.indexOf("=");
  if (eq <= 0) {
    return new ScenarioError(COMMAND_LINE, undefined, undefined, "", "path=value, e.g. levers.consumerSubsidy.rate=0.1", `${flag}: no parameter path before '='`);
  }
  const path = entry.slice(0, eq).trim();
  const text = entry.slice(eq + 1).trim();
  let value: unknown;
  try {
    value = parseYaml(text, { prettyErrors: false });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return new ScenarioError(COMMAND_LINE, undefined, undefined, path, "a YAML value: 0.1, true, text, [] or {key: value}", `${flag}: the value cannot be read (${reason})`);
  }
  // `--set name=2025` or `--set description=plan: B` mean that text: a text parameter
  // takes the text as written unless YAML already read it as text (quoted, plain)
  const check = checkParameterPath(path, "set");
  if (check.ok && kindOf(check.schema) === "string" && typeof value !== "string") value = text;
  return { flag, path, value };
}

function checkOverride({ flag, path, value }: Override): ScenarioError[] {
  const check = checkParameterPath(path, "set");
  if (!check.ok) return [new ScenarioError(COMMAND_LINE, undefined, undefined, path, check.expected, `${flag}: ${check.problem}`)];
  const result = check.schema.safeParse(value);
  if (result.success) return [];
  return findingsFromIssues(result.error.issues, value, check.schema).map((finding) => {
    const inner = formatPath(finding.path);
    const fieldPath = inner ? `${path}${inner.startsWith("[") ? "" : "."}${inner}` : path;
    return new ScenarioError(COMMAND_LINE, undefined, undefined, fieldPath, finding.expected, `${flag}: ${finding.problem}`);
  });
}

/** Like paths.setPath, but creates the groups a partial scenario file leaves out. */
function setCreating(root: Record<string, unknown>, keys: string[], value: unknown): void {
  let node = root;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}
