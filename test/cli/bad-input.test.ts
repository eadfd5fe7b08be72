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
    "no-budget.yaml": ["levers:", "  consumerSubsidy: {rate: 0.1, startDay: 60, endDay: 150}"],
    "no-budgets.yaml": ["levers:", "  coupons: {valueRmb: 10}", "  trafficSubsidy: {newMerchantBoost: 1.5}", "  feeRelief: {takeRate: 0.01}"],
    "switch-on.yaml": ["horizonDays: 200", "interventions:", "  - at: 42", "    set:", "      levers.coupons.valueRmb: 10"],
    "window.yaml": ["levers:", "  consumerSubsidy:", "    rate: 0.1", "    totalBudgetRmb: 4000000000", "    startDay: 240", "    endDay: 60"],
    "late-window.yaml": ["horizonDays: 90", "levers:", "  trafficSubsidy: {newCreatorBoost: 3, budgetImpressions: 1e10, startDay: 90}", "  campaigns:", "    - {name: year-end, startDay: 300, days: 12}"],
    "big-sample.yaml": ["population:", "  platformUsers: 50000", "  users: 100000"],
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
    expectRejected(validate("bad.yaml"), "bad.yaml:4:12: 1.5 is too big at 'levers.paidTraffic.share' (expected a number <= 0.9)");
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

  it("rejects a programme switched on without a budget, at its rate", () => {
    expectRejected(
      validate("no-budget.yaml"),
      "no-budget.yaml:2:27: the consumer subsidy has rate 0.1 but no budget",
      "at 'levers.consumerSubsidy.rate' (expected levers.consumerSubsidy.totalBudgetRmb > 0 (platform RMB) when rate > 0)",
    );
  });

  it("rejects coupons, a traffic boost and a fee relief that cannot act, each at its line", () => {
    expectRejected(
      validate("no-budgets.yaml"),
      "no-budgets.yaml:2:23:", "'levers.coupons.valueRmb' (expected levers.coupons.totalBudgetRmb > 0 (platform RMB) when valueRmb > 0)",
      "no-budgets.yaml:3:38:", "'levers.trafficSubsidy.newMerchantBoost' (expected levers.trafficSubsidy.budgetImpressions > 0 (platform impressions) when a boost > 0)",
      "no-budgets.yaml:4:25:", "'levers.feeRelief.takeRate' (expected levers.feeRelief.newMerchantDays > 0 when feeRelief.takeRate < takeRate)",
    );
  });

  it("rejects an intervention that switches a programme on without a budget, at the intervention", () => {
    expectRejected(validate("switch-on.yaml"), "switch-on.yaml:5:32: from day 42 on, coupons of 10 RMB have no budget", "'interventions[0].set.levers.coupons.valueRmb'", "expected levers.coupons.totalBudgetRmb > 0");
  });

  it("rejects a window that starts after it ends", () => {
    expectRejected(validate("window.yaml"), "window.yaml:5:15", "'levers.consumerSubsidy.startDay'", "after it ends on day 60", "expected levers.consumerSubsidy.startDay <= endDay (60)");
  });

  it("rejects a window and a campaign that start after the horizon, like a late intervention", () => {
    expectRejected(
      validate("late-window.yaml"),
      "late-window.yaml:3:75: day 90 is past the end of the run (horizonDays is 90, so the last day is 89), so the traffic subsidy would never act at 'levers.trafficSubsidy.startDay' (expected a day < 90)",
      "late-window.yaml:5:34: campaign 'year-end' would never run: its start, day 300 is past the end of the run",
      "'levers.campaigns[0].startDay' (expected a day < 90)",
    );
  });

  it("rejects a sample larger than the platform", () => {
    expectRejected(validate("big-sample.yaml"), "big-sample.yaml:3:10", "'population.users'", "expected population.users <= population.platformUsers (50000)");
  });

  it("rejects a sample too small for a merchant and a creator in every category, naming the --users needed", () => {
    expectRejected(
      validate("good.yaml", "--users", "500"),
      "command line: 500 simulated users give 5 simulated merchants for 10 categories",
      "(expected population.users >= 950 (--users 950) for at least one simulated merchant per category)",
      "(expected population.users >= 1675 (--users 1675) for at least one simulated creator per category)",
    );
  });

  it("sim run refuses them too, before any work", () => {
    const r = spawnSync(process.execPath, [CLI, "run", "no-budget.yaml", "--out", join(dir, "out")], { cwd: dir, encoding: "utf8" });
    expectRejected({ status: r.status, stdout: r.stdout, stderr: r.stderr }, "no-budget.yaml:2:27", "'levers.consumerSubsidy.rate'");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("rejects a bad --set", () => {
    expectRejected(validate("good.yaml", "--set", "levers.takeRate=2"), "command line: --set levers.takeRate=2", "'levers.takeRate'", "expected a number <= 1");
    expectRejected(validate("good.yaml", "--set", "levers.takerate=0.1"), "did you mean 'levers.takeRate'?");
    expectRejected(validate("good.yaml", "--set", "levers.takeRate=5%"), "wrong type: got the text '5%' (a share is written as a decimal: 5% is 0.05)");
    expectRejected(validate("good.yaml", "--set", "levers.takeRate=0.02-0.08"), "to sweep a range, sim sweep takes --param path=0.02:0.08:STEP or path=uniform:0.02:0.08");
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

describe("a mistyped option", () => {
  it("is refused with the option it was probably meant to be and the command's --help", () => {
    const run = spawnSync(process.execPath, [CLI, "run", "--rep", "1"], { cwd: dir, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('sim: Unknown argument: rep (did you mean --reps?)\nRun "sim run --help" for usage.\n');
    const sweep = spawnSync(process.execPath, [CLI, "sweep", "x.yaml", "--thread", "2", "--zzz"], { cwd: dir, encoding: "utf8" });
    expect(sweep.status).toBe(2);
    expect(sweep.stderr).toContain("Unknown arguments: thread (did you mean --threads?), zzz\n");
  });
});
