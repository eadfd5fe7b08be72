/**
 * Walking the zod scenario schema: what lies at a path, which keys a group
 * knows, and the list of leaf parameters with their descriptions and defaults.
 *
 * zod 4 keeps the structure in `schema.def`: wrappers (`default`, `prefault`,
 * `optional`, …) hold `innerType`, objects hold `shape`, arrays `element`,
 * records `valueType`. Descriptions may sit on a wrapper or on the inner type,
 * so unwrapping collects the outermost one.
 */
import type { z } from "zod";

/** A step in a path into a scenario: a key of a map or an index of a list. */
export type PathKey = string | number;

interface WalkDef {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  defaultValue?: unknown;
}

const WRAPPERS = new Set(["default", "prefault", "optional", "nullable", "readonly", "catch"]);

function defOf(schema: z.ZodType): WalkDef {
  return schema.def as unknown as WalkDef;
}

export interface Unwrapped {
  /** the schema under the wrappers: an object, array, number, string, … */
  schema: z.ZodType;
  /** the outermost description, if any */
  description?: string;
  hasDefault: boolean;
  defaultValue?: unknown;
}

/** Strip default/prefault/optional/… wrappers, keeping the description and default they carry. */
export function unwrap(schema: z.ZodType): Unwrapped {
  let current = schema;
  let description = current.description;
  let hasDefault = false;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(current);
    if (!WRAPPERS.has(def.type) || def.innerType === undefined) break;
    if (def.type === "default" && !hasDefault) {
      hasDefault = true;
      defaultValue = def.defaultValue;
    }
    current = def.innerType;
    description ??= current.description;
  }
  return { schema: current, description, hasDefault, defaultValue };
}

/** The kind of the unwrapped schema: "object", "array", "number", "string", "record", … */
export function kindOf(schema: z.ZodType): string {
  return defOf(unwrap(schema).schema).type;
}

/** The fields of an object schema (after unwrapping), or undefined for anything else. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(unwrap(schema).schema);
  return def.type === "object" ? def.shape : undefined;
}

/**
 * The schema found by following `path` from `root` (still wrapped, so its
 * default and description survive), or undefined if the path leaves the schema.
 */
export function schemaAt(root: z.ZodType, path: readonly PathKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const key of path) {
    if (current === undefined) return undefined;
    const def = defOf(unwrap(current).schema);
    if (def.type === "object" && typeof key === "string") {
      current = def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
    } else if (def.type === "array" && typeof key === "number") {
      current = def.element;
    } else if (def.type === "record") {
      current = def.valueType;
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * The keys allowed in the map at `path`, for "unknown key" messages. Where
 * the map is one of a discriminated union's shapes, `value` (the map found
 * there) picks the shape by its discriminator.
 */
export function knownKeysAt(root: z.ZodType, path: readonly PathKey[], value?: unknown): string[] {
  const schema = schemaAt(root, path);
  if (!schema) return [];
  const def = unwrap(schema).schema.def as unknown as { type: string; discriminator?: string; options?: z.ZodType[] };
  if (def.type === "union" && def.discriminator && def.options) {
    const tag = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[def.discriminator] : undefined;
    const option = def.options.find((o) => {
      const lit = shapeOf(o)?.[def.discriminator!];
      return lit !== undefined && ((lit.def as unknown as { values?: unknown[] }).values ?? []).includes(tag);
    });
    return option ? Object.keys(shapeOf(option) ?? {}) : [];
  }
  const shape = shapeOf(schema);
  return shape ? Object.keys(shape) : [];
}

export interface Leaf {
  /** dotted path, e.g. "levers.consumerSubsidy.rate" */
  path: string;
  /** the schema as declared, wrappers included */
  schema: z.ZodType;
  description: string;
  hasDefault: boolean;
  defaultValue?: unknown;
}

/**
 * Every leaf under `root`: fields that are not groups. A list (the category
 * table, campaigns) is one leaf, set as a whole. A leaf without a description
 * of its own (the `fan` of a per-segment triple) borrows its group's.
 */
export function leavesOf(root: z.ZodType, prefix = "", groupDescription = ""): Leaf[] {
  const shape = shapeOf(root);
  if (!shape) return [];
  const leaves: Leaf[] = [];
  for (const [key, child] of Object.entries(shape)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const info = unwrap(child);
    if (defOf(info.schema).type === "object") {
      leaves.push(...leavesOf(child, path, info.description ?? groupDescription));
      continue;
    }
    const description = info.description ?? (groupDescription ? `${groupDescription} (${key})` : "");
    leaves.push({ path, schema: child, description, hasDefault: info.hasDefault, defaultValue: info.defaultValue });
  }
  return leaves;
}

/** "interventions[0].set.levers.consumerSubsidy.rate": keys joined by dots, indexes in brackets. */
export function formatPath(path: readonly PathKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text ? `.${key}` : key;
  }
  return text;
}

interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  format?: string;
}

export interface NumberChecks {
  isInt: boolean;
  min?: { value: number; inclusive: boolean };
  max?: { value: number; inclusive: boolean };
}

/** The bounds and integrality of a number parameter, read from the schema's checks; undefined for a non-number. */
export function numberChecks(schema: z.ZodType): NumberChecks | undefined {
  const inner = unwrap(schema).schema;
  if (defOf(inner).type !== "number") return undefined;
  const checks = ((inner.def as unknown as { checks?: { _zod: { def: CheckDef } }[] }).checks ?? []).map((c) => c._zod.def);
  const bound = (c: CheckDef | undefined) => (c && c.value !== undefined ? { value: c.value, inclusive: c.inclusive === true } : undefined);
  return {
    isInt: checks.some((c) => c.check === "number_format" && /int/.test(c.format ?? "")),
    min: bound(checks.find((c) => c.check === "greater_than")),
    max: bound(checks.find((c) => c.check === "less_than")),
  };
}

/**
 * What a number parameter accepts, in words: "a whole number from 1 to 3650",
 * "a number > 0". Read from the schema's checks so a wrong type is answered
 * with the whole expectation, not just "a number".
 */
export function describeNumber(schema: z.ZodType): string | undefined {
  const checks = numberChecks(schema);
  if (!checks) return undefined;
  const { isInt, min: low, max: high } = checks;
  const noun = isInt ? "a whole number" : "a number";
  if (low?.inclusive && high?.inclusive) return `${noun} from ${low.value} to ${high.value}`;
  const bounds = [low && `${low.inclusive ? ">=" : ">"} ${low.value}`, high && `${high.inclusive ? "<=" : "<"} ${high.value}`].filter(Boolean);
  return bounds.length > 0 ? `${noun} ${bounds.join(" and ")}` : noun;
}
