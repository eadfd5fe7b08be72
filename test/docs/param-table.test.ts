/**
 * The documentation stays true to the schema: docs/MODEL.md must contain the
 * generated parameter table verbatim, and scenarios/baseline.yaml must restate
 * the schema's defaults exactly (calibration happens in the schema only).
 * To refresh the table in docs/MODEL.md after a schema change, paste the output of
 *   npx tsx -e 'import("./sim/scenario/param-table.ts").then(m => console.log(m.parameterTable()))'
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parameterRows, parameterTable, splitUnit } from "../../sim/scenario/param-table.js";
import { listLeafPaths } from "../../sim/scenario/interventions.js";
import { ScenarioSchema } from "../../sim/scenario/schema.js";

const root = join(import.meta.dirname, "..", "..");

describe("parameter table", () => {
  it("is in docs/MODEL.md verbatim", () => {
    const doc = readFileSync(join(root, "docs", "MODEL.md"), "utf8");
    const table = parameterTable();
    // a failure here means the schema changed: regenerate the table (see the header of this file)
    expect(doc.includes(table), "docs/MODEL.md does not contain the current parameterTable() output").toBe(true);
  });

  it("has a row for every leaf parameter of the schema", () => {
    const paths = new Set(parameterRows().map((r) => r.path));
    for (const path of listLeafPaths()) expect(paths.has(path), path).toBe(true);
  });

  it("splits the trailing unit off a description", () => {
    expect(splitUnit("mean commission offered to creators [share of price]")).toEqual({ meaning: "mean commission offered to creators", unit: "share of price" });
    expect(splitUnit("category of the cohort")).toEqual({ meaning: "category of the cohort", unit: "" });
  });

  it("gives every numeric parameter a unit", () => {
    const defaults = ScenarioSchema.parse({});
    for (const row of parameterRows()) {
      if (row.path.includes("[]") || row.path.startsWith("interventions")) continue;
      const value = row.path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], defaults);
      if (typeof value === "number") expect(row.unit, row.path).not.toBe("");
    }
  });
});

describe("scenarios/baseline.yaml", () => {
  const raw = parse(readFileSync(join(root, "scenarios", "baseline.yaml"), "utf8")) as Record<string, unknown>;
  const defaults = ScenarioSchema.parse({}) as unknown as Record<string, unknown>;

  it("restates the schema's defaults exactly", () => {
    const mismatches: string[] = [];
    const walk = (node: unknown, base: unknown, path: string): void => {
      if (node !== null && typeof node === "object" && !Array.isArray(node)) {
        for (const [key, value] of Object.entries(node)) walk(value, (base as Record<string, unknown>)?.[key], path ? `${path}.${key}` : key);
        return;
      }
      if (JSON.stringify(node) !== JSON.stringify(base)) mismatches.push(`${path}: file ${JSON.stringify(node)}, schema default ${JSON.stringify(base)}`);
    };
    const { name: _n, description: _d, ...rest } = raw;
    walk(rest, defaults, "");
    expect(mismatches).toEqual([]);
  });

  it("is a valid scenario named baseline", () => {
    const result = ScenarioSchema.safeParse(raw);
    expect(result.success).toBe(true);
    expect(raw.name).toBe("baseline");
  });
});
