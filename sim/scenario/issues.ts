/**
 * zod issues translated into what a strategist reads: what is wrong with the
 * value found, and what was expected ("a number <= 1", "one of the known
 * keys: …"). A Finding still carries its path; scenario/load.ts turns the path
 * into a file, line and column.
 */
import type { z } from "zod";
import { describeNumber, knownKeysAt, schemaAt, type PathKey } from "./schema-walk.js";
import { closestMatch } from "./suggest.js";

/** One problem found in a scenario object, before it is given a position. */
export interface Finding {
  /** where in the object, e.g. ["levers", "paidTraffic", "share"] */
  path: PathKey[];
  problem: string;
  expected: string;
  /** point at the key rather than the value (unknown keys, unknown parameter paths) */
  atKey?: boolean;
}

/**
 * Findings for the issues of `schema.safeParse(input)`; `basePath` is
 * prepended when `input` sits inside a larger object (an intervention's value).
 */
export function findingsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  schema: z.ZodType,
  basePath: readonly PathKey[] = [],
): Finding[] {
  const findings: Finding[] = [];
  for (const issue of issues) {
    const issuePath = issue.path.filter((k): k is PathKey => typeof k !== "symbol");
    const path = [...basePath, ...issuePath];
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(schema, issuePath, valueAt(input, issuePath));
      for (const key of issue.keys) findings.push(unknownKey([...path, key], key, known));
      continue;
    }
    const value = valueAt(input, issuePath);
    findings.push({ path, ...explain(issue, value, schemaAt(schema, issuePath)) });
  }
  return mergeMissing(findings);
}

/** A row with several required fields left out reads better as one message than as one per field. */
function mergeMissing(findings: Finding[]): Finding[] {
  const isMissing = (f: Finding) => f.problem === MISSING && f.path.length > 0;
  const parentKey = (f: Finding) => JSON.stringify(f.path.slice(0, -1));
  const groups = new Map<string, Finding[]>();
  for (const f of findings.filter(isMissing)) groups.set(parentKey(f), [...(groups.get(parentKey(f)) ?? []), f]);

  const merged: Finding[] = [];
  for (const f of findings) {
    const group = isMissing(f) ? groups.get(parentKey(f)) : undefined;
    if (!group || group.length === 1) {
      merged.push(f);
    } else if (group[0] === f) {
      const name = (g: Finding) => String(g.path[g.path.length - 1]);
      merged.push({
        path: f.path.slice(0, -1),
        problem: `missing values for ${group.map(name).join(", ")}`,
        expected: group.map((g) => `${name(g)}: ${g.expected}`).join("; "),
      });
    }
  }
  return merged;
}

/** An unknown key: the allowed keys, and a suggestion when the key looks like a typo. */
export function unknownKey(path: PathKey[], key: string, known: readonly string[]): Finding {
  const suggestion = closestMatch(key, known);
  return {
    path,
    atKey: true,
    problem: `unknown key '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`,
    expected: known.length > 0 ? `one of the known keys: ${known.join(", ")}` : "no keys here",
  };
}

const MISSING = "missing value";

function explain(issue: z.core.$ZodIssue, value: unknown, target: z.ZodType | undefined): { problem: string; expected: string } {
  switch (issue.code) {
    case "invalid_type": {
      const expected = (target && describeNumber(target)) ?? typeName(issue.expected);
      if (value === undefined) return { problem: MISSING, expected };
      if (issue.expected === "int" && typeof value === "number") return { problem: `${value} is not a whole number`, expected };
      return { problem: `wrong type: got ${describeValue(value)}${numberHint(value, issue.expected)}`, expected };
    }
    case "too_big":
      return { problem: `${describeValue(value)} is too big`, expected: bound(issue.origin, issue.inclusive ?? true, issue.maximum, "<=", "<", "at most") };
    case "too_small":
      return { problem: `${describeValue(value)} is too small`, expected: bound(issue.origin, issue.inclusive ?? true, issue.minimum, ">=", ">", "at least") };
    case "invalid_value":
      return { problem: `${describeValue(value)} is not allowed`, expected: `one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}` };
    case "invalid_format":
      // the schema's own message is the readable expectation (e.g. the name's allowed characters)
      return { problem: `${describeValue(value)} is not in the expected form`, expected: issue.message || `${issue.format}` };
    case "not_multiple_of":
      return { problem: `${describeValue(value)} is not allowed`, expected: `a multiple of ${String(issue.divisor)}` };
    case "invalid_union": {
      // a discriminated union's tag that names none of its shapes: `design: {type: grd}`
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options) && options.length > 0) {
        const names = options.map(String);
        const suggestion = typeof value === "string" ? closestMatch(value, names) : undefined;
        return { problem: `${describeValue(value)} is not allowed${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`, expected: `one of: ${names.join(", ")}` };
      }
      return { problem: issue.message, expected: "" };
    }
    default:
      return { problem: issue.message, expected: "" };
  }
}

/** How a number was probably meant, where the text looks like one written another way: 10% for a share, 0.1-0.3 for a range. */
function numberHint(value: unknown, expected: string): string {
  if (typeof value !== "string" || (expected !== "number" && expected !== "int")) return "";
  const percent = /^\s*(-?\d*\.?\d+)\s*%\s*$/.exec(value);
  if (percent) return ` (a share is written as a decimal: ${percent[1]}% is ${Number(percent[1]) / 100})`;
  const range = /^\s*(\d*\.?\d+)\s*-\s*(\d*\.?\d+)\s*$/.exec(value);
  if (range) return ` (one value here; to sweep a range, sim sweep takes --param path=${range[1]}:${range[2]}:STEP or path=uniform:${range[1]}:${range[2]})`;
  return "";
}

function bound(origin: string, inclusive: boolean, limit: number | bigint, incl: string, excl: string, words: string): string {
  const n = String(limit);
  if (origin === "array" || origin === "set") return `a list with ${words} ${n} item${n === "1" ? "" : "s"}`;
  if (origin === "string") return `a text with ${words} ${n} character${n === "1" ? "" : "s"}`;
  return `a number ${inclusive ? incl : excl} ${n}`;
}

const TYPE_NAMES: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a text",
  boolean: "true or false",
  array: "a list",
  object: "a map of keys",
  record: "a map of keys",
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? `a value of type ${expected}`;
}

/** A short, quoted description of a value as the user wrote it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return `the text '${value.length > 40 ? `${value.slice(0, 37)}...` : value}'`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") return "a map of keys";
  return String(value);
}

/** The value at `path` in a plain object tree, or undefined. */
export function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PathKey, unknown>)[key];
  }
  return node;
}
