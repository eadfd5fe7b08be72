/**
 * One parameter to vary, from how a sweep file or --param writes it, checked
 * against the scenario schema: the path must name a leaf parameter and every
 * value (or bound) must be one that parameter accepts.
 *
 *   [0, 0.05, 0.1]                                a list of values
 *   {from: 0.2, to: 0.6, step: 0.1}                a range (both ends included)
 *   {distribution: uniform, min: 0.2, max: 0.6}    bounds, for lhs, morris and sobol (also loguniform)
 *   0.1                                            one value (the parameter is held there)
 */
import type { z } from "zod";
import { describeNumber, kindOf, type PathKey } from "../../scenario/schema-walk.js";
import { findingsFromIssues, describeValue, type Finding } from "../../scenario/issues.js";
import { checkParameterPath, isPlainObject } from "../../scenario/interventions.js";
import { expandRange, tidy, type ParameterSpec, type ParamValue } from "../designs/types.js";
import { readCell } from "../designs/csv.js";

const FORMS = "a list of values, {from, to, step}, or {distribution: uniform | loguniform, min, max}";
/** A grid of millions of points is a typo, not a plan. */
const MAX_VALUES = 10_000;

export interface ParameterResult {
  spec?: ParameterSpec;
  /** paths relative to the parameter's value node ([] is the value itself; atKey on [] means the path) */
  findings: Finding[];
}

/** Check `path` and its value as written in a sweep file (or translated from --param). */
export function parseParameter(path: string, raw: unknown): ParameterResult {
  const check = checkParameterPath(path, "set");
  if (!check.ok) return { findings: [{ path: [], atKey: true, problem: check.problem, expected: check.expected }] };
  const schema = check.schema;
  const isNumeric = kindOf(schema) === "number";
  const isInteger = isNumeric && (describeNumber(schema) ?? "").startsWith("a whole number");
  const bad = (at: PathKey[], problem: string, expected = FORMS): ParameterResult => ({ findings: [{ path: at, problem, expected }] });

  if (Array.isArray(raw) || !isPlainObject(raw)) {
    const values = Array.isArray(raw) ? raw : [raw];
    if (values.length === 0) return bad([], "the list of values is empty", "at least one value");
    if (values.length > MAX_VALUES) return bad([], `${values.length} values is too many`, `at most ${MAX_VALUES}`);
    const findings: Finding[] = [];
    values.forEach((v, i) => {
      const at = Array.isArray(raw) ? [i] : [];
      if (!isScalar(v)) findings.push({ path: at, problem: `${describeValue(v)} cannot be a point's value`, expected: "a number, a text or true/false" });
      else findings.push(...valueFindings(schema, v, at));
    });
    if (findings.length > 0) return { findings };
    const written = values.map((v) => String(v)).join(", ");
    return { spec: { path, kind: "values", values: values as ParamValue[], written }, findings };
  }

  if ("from" in raw || "to" in raw || "step" in raw) {
    const extra = Object.keys(raw).filter((k) => !["from", "to", "step"].includes(k));
    if (extra.length > 0) return bad([extra[0]], `unknown key '${extra[0]}' in a range`, "from, to and step");
    const findings: Finding[] = [];
    for (const key of ["from", "to", "step"] as const) {
      if (typeof raw[key] !== "number") findings.push({ path: key in raw ? [key] : [], problem: key in raw ? `${key} is ${describeValue(raw[key])}` : `the range has no '${key}'`, expected: "from, to and step, each a number" });
    }
    if (findings.length > 0) return { findings };
    const { from, to, step } = raw as { from: number; to: number; step: number };
    if (!isNumeric) return bad([], `'${path}' is not a number, so it has no range`, "a list of values");
    if (step <= 0) return bad(["step"], `step ${step} is not positive`, "a step > 0");
    if (to < from) return bad(["to"], `to (${to}) is below from (${from})`, `a number >= ${from}`);
    const values = expandRange(from, to, step);
    if (values.length > MAX_VALUES) return bad(["step"], `the range has ${values.length} values`, `at most ${MAX_VALUES}: a larger step`);
    const valueFindings_ = [...valueFindings(schema, from, ["from"]), ...valueFindings(schema, values[values.length - 1], ["to"])];
    if (isInteger && values.some((v) => !Number.isInteger(v))) valueFindings_.push({ path: ["step"], problem: `'${path}' takes whole numbers and the range has fractions`, expected: "whole numbers for from and step" });
    if (valueFindings_.length > 0) return { findings: valueFindings_ };
    return { spec: { path, kind: "values", values, written: `${from} to ${to} by ${step}` }, findings: [] };
  }

  if ("distribution" in raw || "min" in raw || "max" in raw) {
    const extra = Object.keys(raw).filter((k) => !["distribution", "min", "max"].includes(k));
    if (extra.length > 0) return bad([extra[0]], `unknown key '${extra[0]}' in a distribution`, "distribution, min and max");
    const distribution = raw.distribution ?? "uniform";
    if (distribution !== "uniform" && distribution !== "loguniform") {
      return bad(["distribution"], `${describeValue(distribution)} is not a distribution this sweep knows`, "uniform or loguniform");
    }
    const findings: Finding[] = [];
    for (const key of ["min", "max"] as const) {
      if (typeof raw[key] !== "number") findings.push({ path: key in raw ? [key] : [], problem: key in raw ? `${key} is ${describeValue(raw[key])}` : `the distribution has no '${key}'`, expected: "min and max, each a number" });
    }
    if (findings.length > 0) return { findings };
    const { min, max } = raw as { min: number; max: number };
    if (!isNumeric) return bad([], `'${path}' is not a number, so it has no distribution`, "a list of values");
    if (!(max > min)) return bad(["max"], `max (${max}) is not above min (${min})`, `a number > ${min}`);
    if (distribution === "loguniform" && min <= 0) return bad(["min"], `a loguniform distribution needs min > 0, got ${min}`, "a number > 0");
    const bounds = [...valueFindings(schema, min, ["min"]), ...valueFindings(schema, max, ["max"])];
    if (bounds.length > 0) return { findings: bounds };
    return { spec: { path, kind: "distribution", distribution, min: tidy(min), max: tidy(max), isInteger, written: `${distribution} ${min} to ${max}` }, findings: [] };
  }

  return bad([], `${describeValue(raw)} is not a way to vary a parameter`);
}

function valueFindings(schema: z.ZodType, value: unknown, at: PathKey[]): Finding[] {
  const result = schema.safeParse(value);
  return result.success ? [] : findingsFromIssues(result.error.issues, value, schema, at);
}

function isScalar(v: unknown): v is ParamValue {
  return typeof v === "number" || typeof v === "string" || typeof v === "boolean";
}

/**
 * `--param PATH=TEXT` as the value a sweep file would hold:
 *   0,0.05,0.1 → [0, 0.05, 0.1];  0.2:0.6:0.1 → {from, to, step};
 *   uniform:0.2:0.6 / loguniform:0.001:0.1 → {distribution, min, max};  0.1 → 0.1
 */
export function parameterFromText(text: string): unknown {
  const t = text.trim();
  const dist = /^(uniform|loguniform):([^:]+):([^:]+)$/.exec(t);
  if (dist) return { distribution: dist[1], min: readCell(dist[2]), max: readCell(dist[3]) };
  const range = /^([^:,]+):([^:,]+):([^:,]+)$/.exec(t);
  if (range) return { from: readCell(range[1]), to: readCell(range[2]), step: readCell(range[3]) };
  if (t.includes(",")) return t.split(",").map(readCell);
  return readCell(t);
}
