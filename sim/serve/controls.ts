/**
 * The sandbox's controls, generated from the scenario schema: every lever and
 * behaviour parameter, grouped as the schema groups them, with its meaning,
 * unit, range and default; the schedule of interventions as a list. A new
 * parameter in the schema is a new control with no code here.
 */
import { splitUnit } from "../scenario/param-table.js";
import { ScenarioSchema, type Scenario } from "../scenario/schema.js";
import { leavesOf, numberChecks, schemaAt, unwrap, type Leaf } from "../scenario/schema-walk.js";

export type ControlKind = "number" | "integer" | "boolean" | "choice" | "list" | "text";

export interface Control {
  /** dotted path, as `--set` takes it */
  path: string;
  /** the last key of the path */
  key: string;
  meaning: string;
  unit: string;
  kind: ControlKind;
  min?: number;
  max?: number;
  /** a slider fits: both bounds are given and finite */
  isSlider: boolean;
  choices?: string[];
  defaultValue?: unknown;
}

export interface ControlGroup {
  /** dotted path of the group, e.g. "levers.consumerSubsidy" */
  path: string;
  description: string;
  controls: Control[];
}

/** The top-level sections the sandbox offers, in page order. */
export const SANDBOX_SECTIONS = ["levers", "behaviour"] as const;

function kindOf(leaf: Leaf): Pick<Control, "kind" | "min" | "max" | "choices"> {
  const inner = unwrap(leaf.schema).schema;
  const def = inner.def as unknown as { type: string; entries?: Record<string, string> };
  const checks = numberChecks(leaf.schema);
  if (checks) return { kind: checks.isInt ? "integer" : "number", min: checks.min?.value, max: checks.max?.value };
  if (def.type === "boolean") return { kind: "boolean" };
  if (def.type === "enum") return { kind: "choice", choices: Object.values(def.entries ?? {}) };
  if (def.type === "array") return { kind: "list" };
  return { kind: "text" };
}

function controlOf(leaf: Leaf): Control {
  const { meaning, unit } = splitUnit(leaf.description);
  const kind = kindOf(leaf);
  const isSlider = (kind.kind === "number" || kind.kind === "integer") && Number.isFinite(kind.min) && Number.isFinite(kind.max) && kind.max! - kind.min! <= 1000;
  return { path: leaf.path, key: leaf.path.slice(leaf.path.lastIndexOf(".") + 1), meaning, unit, ...kind, isSlider, defaultValue: leaf.defaultValue };
}

function groupDescription(path: string): string {
  const schema = schemaAt(ScenarioSchema, path.split("."));
  return schema ? (unwrap(schema).description ?? "") : "";
}

/** The control groups: one per schema group of levers and behaviour, then the interventions. */
export function controlGroups(): ControlGroup[] {
  const groups = new Map<string, ControlGroup>();
  for (const section of SANDBOX_SECTIONS) {
    for (const leaf of leavesOf(ScenarioSchema.shape[section], section)) {
      const parent = leaf.path.slice(0, leaf.path.lastIndexOf("."));
      const group = groups.get(parent) ?? groups.set(parent, { path: parent, description: groupDescription(parent), controls: [] }).get(parent)!;
      group.controls.push(controlOf(leaf));
    }
  }
  const interventions = leavesOf(ScenarioSchema).find((l) => l.path === "interventions");
  if (interventions) groups.set("interventions", { path: "interventions", description: interventions.description, controls: [controlOf(interventions)] });
  return [...groups.values()];
}

/** The value of every control of `groups` in a resolved scenario. */
export function controlValues(scenario: Scenario, groups: readonly ControlGroup[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const g of groups) {
    for (const c of g.controls) {
      let v: unknown = scenario;
      for (const k of c.path.split(".")) v = (v as Record<string, unknown> | undefined)?.[k];
      out[c.path] = v;
    }
  }
  return out;
}
