/**
 * Loading scenarios: extends chains merge child over parent, overrides apply,
 * and every kind of bad input comes back as ScenarioErrors that name the file,
 * line, column, field path and expectation, never as a raw exception.
 */
import { mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { errorsOf, fixtureDir, only, writeIn } from "../helpers/scenario-files.js";
import { ScenarioErrors } from "../../sim/scenario/errors.js";
import { loadScenario, loadScenarioSync } from "../../sim/scenario/load.js";

let dir: string;
beforeEach(() => {
  dir = fixtureDir("load");
});

const write = (name: string, ...lines: string[]): string => writeIn(dir, name, ...lines);


describe("loading a good scenario", () => {
  it("fills defaults and takes the name from the file", async () => {
    const file = write("my-plan.yaml", "horizonDays: 90", "levers:", "  takeRate: 0.03");
    const loaded = await loadScenario(file);
    expect(loaded.scenario.name).toBe("my-plan");
    expect(loaded.scenario.horizonDays).toBe(90);
    expect(loaded.scenario.levers.takeRate).toBe(0.03);
    expect(loaded.scenario.levers.paidTraffic.share).toBe(0.12);
    expect(loaded.files).toEqual([resolve(file)]);
    expect(loaded.raw).toEqual({ horizonDays: 90, levers: { takeRate: 0.03 }, name: "my-plan" });
  });

  it("accepts an empty file as the baseline", () => {
    expect(loadScenarioSync(write("empty.yaml", "")).scenario.horizonDays).toBe(365);
  });

  it("merges an extends chain child over parent: maps deeply, lists whole, name not inherited", () => {
    mkdirSync(join(dir, "base"));
    write("base/root.yaml", "name: root", "horizonDays: 200", "levers:", "  paidTraffic: { share: 0.3, qualityWeight: 0.9 }", "  campaigns:", "    - { startDay: 10, days: 3 }", "    - { startDay: 50, days: 3 }");
    write("mid.yaml", "extends: base/root.yaml", "description: middle", "levers:", "  campaigns: [{ startDay: 20, days: 5 }]");
    const child = write("child.yaml", "extends: mid.yaml", "levers:", "  paidTraffic: { share: 0.5 }");
    const { scenario, files, raw } = loadScenarioSync(child);
    expect(files).toEqual([child, join(dir, "mid.yaml"), join(dir, "base/root.yaml")]);
    expect(scenario.name).toBe("child");
    expect(scenario.description).toBe("middle");
    expect(scenario.horizonDays).toBe(200);
    expect(scenario.levers.paidTraffic).toEqual({ share: 0.5, qualityWeight: 0.9, targeting: 0.6 });
    expect(scenario.levers.campaigns.map((c) => c.startDay)).toEqual([20]);
    expect(raw).not.toHaveProperty("extends");
  });

  it("accepts interventions on leaf parameters, whole lists included", () => {
    const file = write(
      "plan.yaml",
      "levers:",
      "  consumerSubsidy: { totalBudgetRmb: 1000000000 }",
      "interventions:",
      "  - at: 30",
      "    until: 60",
      "    set:",
      "      levers.consumerSubsidy.rate: 0.1",
      "      users.churnBasePerDay: 0.002",
      "      levers.campaigns: [{ startDay: 40, days: 2 }]",
    );
    const { set } = loadScenarioSync(file).scenario.interventions[0];
    expect(set["levers.consumerSubsidy.rate"]).toBe(0.1);
    // scheduled values get their defaults filled like the scenario's own
    expect(set["levers.campaigns"]).toEqual([{ name: "campaign", startDay: 40, days: 2, discount: 0.1, trafficPush: 0.5, budgetRmb: 0 }]);
  });

  it("applies --set, --days and --users after merging", () => {
    const file = write("base.yaml", "levers:", "  campaigns: [{ startDay: 5, days: 2 }]");
    const { scenario, raw } = loadScenarioSync(file, {
      set: ["levers.consumerSubsidy.rate=0.1", "levers.consumerSubsidy.totalBudgetRmb=1e9", "levers.campaigns=[]", "name=2025", "description=plan: B"],
      days: 120,
      users: 5000,
    });
    expect(scenario.levers.consumerSubsidy.rate).toBe(0.1);
    expect(scenario.levers.campaigns).toEqual([]);
    expect(scenario.name).toBe("2025"); // a text parameter takes the text as written
    expect(scenario.description).toBe("plan: B");
    expect(scenario.horizonDays).toBe(120);
    expect(scenario.population.users).toBe(5000);
    expect(raw.population).toEqual({ users: 5000 });
  });
});

describe("bad scenario files", () => {
  it("reports a YAML syntax error with its position", () => {
    const file = write("bad.yaml", "horizonDays: 30", "levers:", "  takeRate: [0.1,", "users: 3");
    const error = errorsOf(file)[0];
    expect(error.file).toContain("bad.yaml");
    expect(error.line).toBe(4);
    expect(error.column).toBe(1);
    expect(error.problem).toMatch(/^YAML syntax error: /);
  });

  it("names the known keys and the likely one for an unknown key, at the key", () => {
    const error = only(errorsOf(write("bad.yaml", "levers:", "  paidTraffic:", "    shar: 0.2")));
    expect([error.line, error.column, error.fieldPath]).toEqual([3, 5, "levers.paidTraffic.shar"]);
    expect(error.problem).toContain("did you mean 'share'?");
    expect(error.expected).toBe("one of the known keys: share, qualityWeight, targeting");
  });

  it("reports a wrong type with what the parameter accepts", () => {
    const error = only(errorsOf(write("bad.yaml", "horizonDays: a year")));
    expect([error.line, error.column, error.fieldPath]).toEqual([1, 14, "horizonDays"]);
    expect(error.problem).toBe("wrong type: got the text 'a year'");
    expect(error.expected).toBe("a whole number from 1 to 3650");
  });

  it("reports an out-of-range value at the value", () => {
    const error = only(errorsOf(write("bad.yaml", "levers:", "  paidTraffic:", "    share: 1.5")));
    expect([error.line, error.column, error.fieldPath, error.expected]).toEqual([3, 12, "levers.paidTraffic.share", "a number <= 0.9"]);
    expect(error.message).toBe(`${error.file}:3:12: 1.5 is too big at 'levers.paidTraffic.share' (expected a number <= 0.9)`);
  });

  it("reports a name with characters a folder name should not have", () => {
    const error = only(errorsOf(write("bad.yaml", "name: my plan/2")));
    expect([error.line, error.column, error.fieldPath]).toEqual([1, 7, "name"]);
    expect(error.expected).toContain("letters, digits");
  });

  it("reports a bad name taken from the file name, asking for name:", () => {
    const error = only(errorsOf(write("my plan.yaml", "horizonDays: 30")));
    expect(error.line).toBeUndefined();
    expect(error.problem).toContain("set 'name:' in the file");
  });

  it("collects every error of a file, in line order", () => {
    const errors = errorsOf(write("bad.yaml", "horizonDays: 0", "warmupDays: -1", "levers:", "  takeRate: 2", "  colour: red"));
    expect(errors.map((e) => e.line)).toEqual([1, 2, 4, 5]);
  });

  it("lists the missing fields of a table row once", () => {
    const error = only(errorsOf(write("bad.yaml", "categories:", "  - { name: a, share: 1, refPriceRmb: 10, priceSpread: 0.3, replenishDays: 9, returnRate: 0.1, grossMargin: 0.3, liveDemo: 0.5 }", "  - { name: b }")));
    expect([error.line, error.fieldPath]).toEqual([3, "categories[1]"]);
    expect(error.problem).toBe("missing values for share, refPriceRmb, priceSpread, replenishDays, returnRate, grossMargin, liveDemo");
  });

  it("points into the parent file when the bad value is there", () => {
    write("parent.yaml", "levers:", "  takeRate: -0.1");
    const error = only(errorsOf(write("child.yaml", "extends: parent.yaml")));
    expect(error.file).toContain("parent.yaml");
    expect([error.line, error.column, error.fieldPath]).toEqual([2, 13, "levers.takeRate"]);
  });

  it("reports a cycle in extends, naming the chain, at the extends line", () => {
    write("a.yaml", "extends: b.yaml");
    write("b.yaml", "description: b", "extends: a.yaml");
    const error = only(errorsOf(join(dir, "a.yaml")));
    expect(error.file).toContain("b.yaml");
    expect([error.line, error.column, error.fieldPath]).toEqual([2, 10, "extends"]);
    expect(error.problem).toMatch(/cycle: .*a\.yaml -> .*b\.yaml -> .*a\.yaml$/);
  });

  it("reports a missing extends file at the extends line", () => {
    const error = only(errorsOf(write("child.yaml", "# a comment", "extends: ../nowhere/base.yaml")));
    expect([error.line, error.column, error.fieldPath]).toEqual([2, 10, "extends"]);
    expect(error.problem).toContain("file not found");
  });

  it("reports a missing scenario file without a raw ENOENT", () => {
    const error = only(errorsOf(join(dir, "nope.yaml")));
    expect(error.line).toBeUndefined();
    expect(error.message).toContain("nope.yaml: cannot read the scenario: file not found");
    expect(error.message).not.toContain("ENOENT");
  });

  it("reports a file that is not a map of parameters", () => {
    const error = only(errorsOf(write("list.yaml", "- horizonDays: 30")));
    expect(error.problem).toBe("the file is not a map of parameters");
  });

  it("reports an alias without an anchor", () => {
    const error = only(errorsOf(write("alias.yaml", "horizonDays: 30", "warmupDays: *days")));
    expect([error.line, error.column]).toEqual([2, 13]);
  });
});

describe("bad interventions", () => {
  const plan = (...set: string[]) => ["horizonDays: 100", "interventions:", "  - at: 10", "    set:", ...set.map((s) => `      ${s}`)];

  it("reports an unknown parameter at its key, with a suggestion", () => {
    const error = only(errorsOf(write("bad.yaml", ...plan("levers.subsidy.rate: 0.1"))));
    expect([error.line, error.column, error.fieldPath]).toEqual([5, 7, "interventions[0].set.levers.subsidy.rate"]);
    expect(error.problem).toBe("unknown parameter 'levers.subsidy.rate' (did you mean 'levers.consumerSubsidy.rate'?)");
    expect(error.expected).toMatch(/^a parameter of 'levers': takeRate, /);
  });

  it("refuses a group, listing its parameters", () => {
    const error = only(errorsOf(write("bad.yaml", ...plan("levers.paidTraffic: 0.3"))));
    expect(error.expected).toBe("one of: levers.paidTraffic.share, levers.paidTraffic.qualityWeight, levers.paidTraffic.targeting");
  });

  it("refuses a parameter fixed at the start of the run", () => {
    expect(only(errorsOf(write("bad.yaml", ...plan("population.users: 10")))).problem).toContain("fixed when the run starts");
  });

  it("checks the value against the parameter, at the value", () => {
    const error = only(errorsOf(write("bad.yaml", ...plan("levers.consumerSubsidy.rate: 1.2"))));
    expect([error.line, error.column, error.fieldPath, error.expected]).toEqual([5, 36, "interventions[0].set.levers.consumerSubsidy.rate", "a number <= 1"]);
  });

  it("refuses an intervention after the horizon, even when the horizon comes from the parent", () => {
    write("short.yaml", "horizonDays: 60");
    const error = only(errorsOf(write("late.yaml", "extends: short.yaml", "interventions:", "  - at: 90", "    set: { levers.takeRate: 0.02 }")));
    expect(error.file).toContain("late.yaml");
    expect([error.line, error.column, error.fieldPath, error.expected]).toEqual([3, 9, "interventions[0].at", "a day < 60"]);
  });

  it("refuses until not after at", () => {
    const error = only(errorsOf(write("bad.yaml", "interventions:", "  - at: 10", "    until: 10", "    set: { levers.takeRate: 0.02 }")));
    expect([error.line, error.fieldPath, error.expected]).toEqual([3, "interventions[0].until", "a day > 10"]);
  });

  it("refuses an intervention that sets nothing", () => {
    expect(only(errorsOf(write("bad.yaml", "interventions:", "  - { at: 10, set: {} }"))).problem).toBe("the intervention changes nothing");
  });
});

describe("bad overrides", () => {
  const base = () => write("base.yaml", "horizonDays: 100");

  it("reports an unknown --set path against the command line", () => {
    const error = only(errorsOf(base(), { set: ["levers.paidTraffic.shares=0.2"] }));
    expect([error.file, error.line, error.fieldPath]).toEqual(["command line", undefined, "levers.paidTraffic.shares"]);
    expect(error.problem).toBe("--set levers.paidTraffic.shares=0.2: unknown parameter 'levers.paidTraffic.shares' (did you mean 'levers.paidTraffic.share'?)");
  });

  it("reports a --set value out of range, a missing '=' and unreadable YAML, all at once", () => {
    const errors = errorsOf(base(), { set: ["levers.takeRate=1.5", "levers.takeRate", "levers.campaigns=[{"] });
    expect(errors.map((e) => e.fieldPath)).toEqual(["", "levers.campaigns", "levers.takeRate"]);
    expect(errors[2].expected).toBe("a number <= 1");
  });

  it("reports --days and --users out of range", () => {
    const errors = errorsOf(base(), { days: 0, users: 10 });
    expect(errors.map((e) => `${e.fieldPath}: ${e.problem}`)).toEqual(["horizonDays: --days: 0 is too small", "population.users: --users: 10 is too small"]);
  });

  it("finds interventions the shorter --days leaves past the horizon", () => {
    const file = write("plan.yaml", "interventions:", "  - { at: 200, set: { levers.takeRate: 0.02 } }");
    const error = only(errorsOf(file, { days: 100 }));
    expect([error.line, error.fieldPath, error.expected]).toEqual([2, "interventions[0].at", "a day < 100"]);
  });
});

describe("the scenarios shipped in scenarios/", () => {
  const folder = resolve(import.meta.dirname, "../../scenarios");
  const files = readdirSync(folder).filter((f) => f.endsWith(".yaml"));

  it.skipIf(files.length === 0).each(files)("%s validates", async (name) => {
    const loaded = await loadScenario(join(folder, name));
    expect(loaded.scenario.name.length).toBeGreaterThan(0);
  });
});
