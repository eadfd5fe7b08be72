/**
 * The parameter table of docs/MODEL.md, generated from the scenario schema so
 * that the documentation cannot drift from the code: every leaf parameter with
 * its dotted path, meaning, unit (the trailing "[unit]" of its description),
 * default, and whether an intervention may change it during a run. Lists (the
 * category table, campaigns) get one row for the list and one per field of a
 * row; the default category table follows as a second table.
 *
 * test/docs/param-table.test.ts checks that docs/MODEL.md contains this output
 * verbatim. To refresh the docs after a schema change:
 *   npx tsx -e 'import("./sim/scenario/param-table.ts").then(m => console.log(m.parameterTable()))'
 */
import type { z } from "zod";
import { isSchedulable } from "./interventions.js";
import { ScenarioSchema } from "./schema.js";
import { unwrap } from "./schema-walk.js";

interface Row {
  path: string;
  meaning: string;
  unit: string;
  defaultText: string;
  schedulable: string;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => schema.def as unknown as Def;

/** "mean commission offered to creators [share of price]" -> meaning and unit. */
export function splitUnit(description: string): { meaning: string; unit: string } {
  const match = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(description);
  return match ? { meaning: match[1], unit: match[2] } : { meaning: description, unit: "" };
}

/** Whether a field may be left out without taking a default (an `optional` wrapper and no `default`). */
function isOptional(schema: z.ZodType): boolean {
  for (let current: z.ZodType | undefined = schema; current; ) {
    const def = current.def as unknown as { type: string; innerType?: z.ZodType };
    if (def.type === "optional") return true;
    if (def.type === "default" || def.type === "prefault") return false;
    current = def.innerType;
  }
  return false;
}

function formatValue(value: unknown): string {
  if (value === undefined) return "(required)";
  if (typeof value === "string") return value === "" ? '""' : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "[] (none)" : `${value.length} rows (see below)`;
  return JSON.stringify(value);
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function collect(schema: z.ZodType, prefix: string, groupDescription: string, rows: Row[], isInList: boolean): void {
  const shape = defOf(unwrap(schema).schema).shape ?? {};
  for (const [key, child] of Object.entries(shape)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const info = unwrap(child);
    const def = defOf(info.schema);
    if (def.type === "object") {
      collect(child, path, info.description ?? groupDescription, rows, isInList);
      continue;
    }
    // a field without a description of its own (the fan/value/casual of a per-segment triple) borrows its group's
    const parts = splitUnit(info.description ?? groupDescription);
    const meaning = info.description ? parts.meaning : parts.meaning ? `${parts.meaning}: ${key}` : key;
    rows.push({
      path,
      meaning,
      unit: parts.unit,
      defaultText: info.hasDefault ? formatValue(info.defaultValue) : isOptional(child) ? "(optional)" : "(required)",
      schedulable: isInList ? "" : isSchedulable(path) ? "yes" : "no",
    });
    if (def.type === "array" && def.element && defOf(unwrap(def.element).schema).type === "object") {
      collect(def.element, `${path}[]`, unwrap(def.element).description ?? "", rows, true);
    }
  }
}

/** Every parameter of the schema as rows, in schema order. */
export function parameterRows(): Row[] {
  const rows: Row[] = [];
  collect(ScenarioSchema, "", "", rows, false);
  return rows;
}

function categoryTable(): string {
  const field = ScenarioSchema.shape.categories;
  const info = unwrap(field);
  const rows = (info.defaultValue ?? []) as Record<string, unknown>[];
  const element = defOf(info.schema).element;
  const columns = element ? Object.keys(defOf(unwrap(element).schema).shape ?? {}) : [];
  if (rows.length === 0 || columns.length === 0) return "";
  const lines = [`| ${columns.join(" | ")} |`, `|${columns.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${columns.map((c) => escapeCell(formatValue(row[c]))).join(" | ")} |`);
  return lines.join("\n");
}

/**
 * The parameter table as markdown: one row per parameter (path, meaning,
 * unit, default, schedulable), then the default category table.
 */
export function parameterTable(): string {
  const lines = [
    "| Parameter | Meaning | Unit | Default | Schedulable |",
    "|---|---|---|---|---|",
    ...parameterRows().map(
      (r) => `| \`${r.path}\` | ${escapeCell(r.meaning)} | ${escapeCell(r.unit)} | ${escapeCell(r.defaultText)} | ${r.schedulable} |`,
    ),
  ];
  const categories = categoryTable();
  if (categories) lines.push("", "Default category table (`categories`):", "", categories);
  return `${lines.join("\n")}\n`;
}
