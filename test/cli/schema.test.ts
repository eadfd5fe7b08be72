/** `sim schema` as built: the JSON Schema of scenario files on stdout or in a file. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = resolve(import.meta.dirname, "../..", process.env.SIM_CLI ?? "dist/cli/main.js");

function sim(...args: string[]) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run build; npm test does it)`);
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
}

describe("sim schema", () => {
  it("prints a JSON Schema that knows the levers", () => {
    const r = sim("schema");
    expect(r.status, r.stderr).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.levers.properties.paidTraffic.properties.share.maximum).toBe(0.9);
  });

  it("writes it to --out, and refuses a folder that does not exist with exit 2", () => {
    const out = join(mkdtempSync(join(tmpdir(), "sim-schema-")), "scenario.schema.json");
    expect(sim("schema", "--out", out).status).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).type).toBe("object");
    const bad = sim("schema", "--out", join(out, "..", "missing", "x.json"));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("its folder does not exist");
    expect(bad.stderr).not.toMatch(/^\s+at /m);
  });
});
