/**
 * `sim validate` as a user runs it (the built CLI, node dist/cli/main.js):
 * every kind of bad input exits with code 2 and a message that names the
 * file, line and column, the parameter and what was expected, without a
 * stack trace; good files print `ok  FILE` and exit 0.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const CLI = resolve(import.meta.dirname, "../..", process.env.SIM_CLI ?? "dist/cli/main.js");

let dir: string;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run build; npm test does it)`);
  dir = mkdtempSync(join(tmpdir(), "sim-bad-input-"));
  const files: Record<string, string[]> = {
    "good.yaml": ["horizonDays: 60", "levers:", "  takeRate: 0.04"],
    "syntax.yaml": ["horizonDays: 30", "levers:", "  takeRate: [0.1,", "users: 3"],
    "unknown-key.yaml": ["levers:", "  paidTraffic:", "    shar: 0.2"],
    "wrong-type.yaml": ["horizonDays: a year"],
    "bad.yaml": ["description: paid traffic everywhere", "levers:", "  paidTraffic:", "    share: 1.5"],
    "cycle-a.yaml": ["extends: cycle-b.yaml"],
    "cycle-b.yaml": ["extends: cycle-a.yaml"],
    "missing-parent.yaml": ["extends: no-such-base.yaml"],
    "unknown-lever.yaml": ["interventions:", "  - at: 30", "    set:", "      levers.subsidy.rate: 0.1"],
    "late.yaml": ["horizonDays: 90", "interventions:", "  - at: 120", "    set: { levers.takeRate: 0.02 }"],
  };
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), `${lines.join("\n")}\n`);
});

/** Run `sim validate ...` from the fixture folder, as a user in that folder would. */
function validate(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "validate", ...args], { cwd: dir, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The common bar for bad input: exit 2, the given fragments on stderr, no stack trace. */
function expectRejected(result: ReturnType<typeof validate>, ...fragments: string[]) {
  expect(result.status, result.stderr).toBe(2);
  for (const fragment of fragments) expect(result.stderr).toContain(fragment);
  expect(result.stderr).toMatch(/^sim: /);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).toBe("");
}

describe("sim validate", () => {
  it("prints ok for a good file and exits 0", () => {
    const r = validate("good.yaml");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("ok  good.yaml\n");
    expect(r.stderr).toBe("");
  });

  it("rejects a YAML syntax error", () => {
    expectRejected(validate("syntax.yaml"), "syntax.yaml:4:1: YAML syntax error");
  });

  it("rejects an unknown key, listing the known ones", () => {
    expectRejected(validate("unknown-key.yaml"), "unknown-key.yaml:3:5", "'levers.paidTraffic.shar'", "did you mean 'share'?", "one of the known keys: share, qualityWeight");
  });

  it("rejects a wrong type", () => {
    expectRejected(validate("wrong-type.yaml"), "wrong-type.yaml:1:14", "'horizonDays'", "expected a whole number from 1 to 3650");
  });

  it("rejects an out-of-range value", () => {
    expectRejected(validate("bad.yaml"), "bad.yaml:4:12: 1.5 is too big at 'levers.paidTraffic.share' (expected a number <= 1)");
  });

  it("rejects a cycle in extends, naming the chain", () => {
    expectRejected(validate("cycle-a.yaml"), "cycle-b.yaml:1:10", "'extends'", "cycle-a.yaml -> cycle-b.yaml -> cycle-a.yaml", "expected a chain of files");
  });

  it("rejects a missing extends file", () => {
    expectRejected(validate("missing-parent.yaml"), "missing-parent.yaml:1:10", "'extends'", "no-such-base.yaml", "file not found", "expected a path to a scenario file");
  });

  it("rejects an intervention on an unknown parameter", () => {
    expectRejected(
      validate("unknown-lever.yaml"),
      "unknown-lever.yaml:4:7",
      "'interventions[0].set.levers.subsidy.rate'",
      "did you mean 'levers.consumerSubsidy.rate'?",
      "expected a parameter of 'levers'",
    );
  });

  it("rejects an intervention after the horizon", () => {
    expectRejected(validate("late.yaml"), "late.yaml:3:9", "'interventions[0].at'", "past the end of the run", "expected a day < 90");
  });

  it("rejects a bad --set", () => {
    expectRejected(validate("good.yaml", "--set", "levers.takeRate=2"), "command line: --set levers.takeRate=2", "'levers.takeRate'", "expected a number <= 1");
    expectRejected(validate("good.yaml", "--set", "levers.takerate=0.1"), "did you mean 'levers.takeRate'?");
  });

  it("rejects a missing file without a raw error", () => {
    const r = validate("nowhere.yaml");
    expectRejected(r, "nowhere.yaml: cannot read the scenario: file not found");
    expect(r.stderr).not.toContain("ENOENT");
  });

  it("checks every file, says ok for the good ones and exits 2 if any is bad", () => {
    const r = validate("good.yaml", "bad.yaml", "late.yaml");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("ok  good.yaml\n");
    expect(r.stderr.split("\n").filter(Boolean).map((line) => line.split(":")[1].trim())).toEqual(["bad.yaml", "late.yaml"]);
  });
});
