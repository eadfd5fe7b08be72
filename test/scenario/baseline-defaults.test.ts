import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ScenarioSchema } from "../../sim/scenario/schema.js";

/** Leaf values the file states that differ from the schema's defaults. */
function differences(stated: unknown, defaults: unknown, path = ""): string[] {
  if (stated !== null && typeof stated === "object" && !Array.isArray(stated)) {
    return Object.entries(stated).flatMap(([k, v]) => differences(v, (defaults as Record<string, unknown>)?.[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(stated) === JSON.stringify(defaults) ? [] : [`${path}: file ${JSON.stringify(stated)}, schema ${JSON.stringify(defaults)}`];
}

describe("scenarios/baseline.yaml", () => {
  it("restates the schema's defaults exactly (the schema is the one source of truth)", () => {
    const stated = parse(readFileSync(new URL("../../scenarios/baseline.yaml", import.meta.url), "utf8")) as Record<string, unknown>;
    const defaults = ScenarioSchema.parse({});
    const { name: _n, description: _d, ...rest } = stated;
    expect(differences(rest, defaults)).toEqual([]);
  });
});
