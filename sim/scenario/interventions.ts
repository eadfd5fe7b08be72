/**
 * Parameter paths: which dotted paths name a parameter (for interventions and
 * --set), what may be changed during a run, and the checks on a scenario's
 * schedule of interventions.
 *
 * The schema is the only list of parameters; everything here is read from it,
 * so a new lever in scenario/schema.ts is schedulable without a change here.
 */
import type { z } from "zod";
import { BEHAVIOUR_FIXED_AT_START } from "./behaviour-schema.js";
import { ScenarioSchema, type Scenario } from "./schema.js";
import { findingsFromIssues, type Finding } from "./issues.js";
import { kindOf, leavesOf, schemaAt, shapeOf, unwrap, type Leaf } from "./schema-walk.js";
import { closestMatch } from "./suggest.js";

/**
 * Parameters fixed when the run starts: the run's own settings, and what the
 * world is built from at day 0 (population sizes, scale, the category table),
 * which a change in mid-run could not reach.
 */
const FIXED_AT_START = new Set([
  "name",
  "description",
  "extends",
  "horizonDays",
  "warmupDays",
  "interventions",
  "population.users",
  "population.platformUsers",
  "population.platformCreators",
  "population.platformMerchants",
  "population.merchantResolution",
  "population.followerScale",
  "population.creatorResolution",
  // the agent arrays are sized from these once, at the start
  "population.userSaturation",
  "population.capacityFactor",
  "levers.industryBelt.merchants",
  "categories",
  // the day-0 world (model/init.ts) and the entry window of the day-0 GMV reference
  ...BEHAVIOUR_FIXED_AT_START,
]);

let leafCache: Map<string, Leaf> | undefined;

function leaves(): Map<string, Leaf> {
  leafCache ??= new Map(leavesOf(ScenarioSchema).map((leaf) => [leaf.path, leaf]));
  return leafCache;
}

/**
 * The schema of the leaf parameter at a dotted path, without its default (so
 * a value is checked as given), or undefined when the path is not a leaf.
 */
export function leafSchemaAt(path: string): z.ZodType | undefined {
  const leaf = leaves().get(path);
  return leaf && unwrap(leaf.schema).schema;
}

/** Every leaf parameter path, in schema order. */
export function listLeafPaths(): string[] {
  return [...leaves().keys()];
}

export interface ParameterInfo {
  path: string;
  description: string;
  default: unknown;
  /** whether an intervention may change it during a run */
  isSchedulable: boolean;
}

/** All leaf parameters with description and default, for docs and `sim schema`-style listings. */
export function describeParameters(): ParameterInfo[] {
  return [...leaves().values()].map((leaf) => ({
    path: leaf.path,
    description: leaf.description,
    default: leaf.defaultValue,
    isSchedulable: isSchedulable(leaf.path),
  }));
}

/** Whether an intervention may change the parameter at `path` during a run. */
export function isSchedulable(path: string): boolean {
  return leaves().has(path) && !FIXED_AT_START.has(path);
}

export type PathCheck = { ok: true; schema: z.ZodType } | { ok: false; problem: string; expected: string };

/**
 * Check that `path` names one leaf parameter (and, for an intervention, one
 * that can change mid-run); otherwise say why and what would be valid.
 */
export function checkParameterPath(path: string, purpose: "set" | "intervention"): PathCheck {
  if (path === "extends") {
    return { ok: false, problem: "'extends' only has a meaning inside a scenario file", expected: "a parameter, e.g. levers.consumerSubsidy.rate" };
  }
  const schema = leafSchemaAt(path);
  if (schema && (purpose === "set" || isSchedulable(path))) return { ok: true, schema };
  if (schema) {
    return {
      ok: false,
      problem: `'${path}' is fixed when the run starts and cannot be changed by an intervention`,
      expected: "a lever or behaviour parameter, e.g. levers.consumerSubsidy.rate or users.churnBasePerDay",
    };
  }

  const keys = path.split(".");
  const group = schemaAt(ScenarioSchema, keys);
  if (group && shapeOf(group)) {
    const children = Object.keys(shapeOf(group) ?? {}).map((k) => `${path}.${k}`);
    return { ok: false, problem: `'${path}' is a group of parameters, not one parameter`, expected: `one of: ${children.join(", ")}` };
  }

  // the longest prefix that exists tells whether the user went past a leaf or strayed from a group
  let depth = keys.length - 1;
  while (depth > 0 && schemaAt(ScenarioSchema, keys.slice(0, depth)) === undefined) depth--;
  const prefix = keys.slice(0, depth).join(".");
  const prefixSchema = depth > 0 ? schemaAt(ScenarioSchema, keys.slice(0, depth)) : ScenarioSchema;
  if (prefixSchema && !shapeOf(prefixSchema)) {
    const what = kindOf(prefixSchema) === "array" ? "a list" : "a single value";
    return { ok: false, problem: `'${prefix}' is ${what} and has no parts`, expected: `'${prefix}' set as a whole` };
  }
  const suggestion = closestMatch(path, listLeafPaths());
  const known = Object.keys((prefixSchema && shapeOf(prefixSchema)) ?? {});
  return {
    ok: false,
    problem: `unknown parameter '${path}'${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`,
    expected: prefix ? `a parameter of '${prefix}': ${known.join(", ")}` : `a path starting with one of: ${known.join(", ")}`,
  };
}

/**
 * Problems in the `interventions` list of a scenario object: unknown or fixed
 * parameters, values their parameter would reject, `until` not after `at`,
 * and (when `horizonDays` is known, i.e. after merging) `at` past the horizon.
 * Shapes and types of `at`/`until`/`set` are the schema's job, not repeated here.
 */
export function checkInterventions(scenario: unknown, horizonDays?: number): Finding[] {
  const list = (scenario as { interventions?: unknown } | null)?.interventions;
  if (!Array.isArray(list)) return [];
  const findings: Finding[] = [];
  list.forEach((entry: unknown, index) => {
    if (!isPlainObject(entry)) return;
    const base = ["interventions", index];
    const { at, until, set } = entry;
    if (isPlainObject(set)) findings.push(...checkSet(set, [...base, "set"]));
    if (typeof at === "number" && typeof until === "number" && until <= at) {
      findings.push({ path: [...base, "until"], problem: `until day ${until} is not after day ${at} (at)`, expected: `a day > ${at}` });
    }
    if (typeof at === "number" && horizonDays !== undefined && at >= horizonDays) {
      findings.push({ path: [...base, "at"], ...pastTheEnd(at, horizonDays) });
    }
  });
  return findings;
}

/** What is wrong with a day at or past the horizon, and what was expected: one wording for interventions and windows. */
export function pastTheEnd(day: number, horizonDays: number): { problem: string; expected: string } {
  return {
    problem: `day ${day} is past the end of the run (horizonDays is ${horizonDays}, so the last day is ${horizonDays - 1})`,
    expected: `a day < ${horizonDays}`,
  };
}

function checkSet(set: Record<string, unknown>, base: (string | number)[]): Finding[] {
  const entries = Object.entries(set);
  if (entries.length === 0) return [{ path: base, problem: "the intervention changes nothing", expected: "at least one 'parameter.path: value' under set" }];
  const findings: Finding[] = [];
  for (const [path, value] of entries) {
    const check = checkParameterPath(path, "intervention");
    if (!check.ok) {
      findings.push({ path: [...base, path], atKey: true, problem: check.problem, expected: check.expected });
      continue;
    }
    const result = check.schema.safeParse(value);
    if (!result.success) findings.push(...findingsFromIssues(result.error.issues, value, check.schema, [...base, path]));
  }
  return findings;
}

/**
 * The interventions with each value parsed by its parameter's schema, so a
 * scheduled list (campaigns) carries its defaults like the scenario's own.
 * Call only on a scenario whose interventions passed checkInterventions.
 */
export function withParsedInterventionValues(scenario: Scenario): Scenario {
  const interventions = scenario.interventions.map((intervention) => ({
    ...intervention,
    set: Object.fromEntries(Object.entries(intervention.set).map(([path, value]) => [path, leafSchemaAt(path)?.parse(value) ?? value])),
  }));
  return { ...scenario, interventions };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
