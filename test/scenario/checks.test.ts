/**
 * Checks of meaning (scenario/checks.ts), through loadScenarioSync: a
 * programme switched on that cannot act, an impossible window and a sample
 * that cannot stand for the platform are ScenarioErrors with file, line,
 * column, field path and expectation, in the scenario's levers and in the
 * state the interventions leave; what can act loads.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { leverTimeline } from "../../sim/scenario/checks.js";
import { errorsOf, fixtureDir, only, writeIn } from "../helpers/scenario-files.js";
import { ScenarioError, ScenarioErrors } from "../../sim/scenario/errors.js";
import { loadScenarioSync } from "../../sim/scenario/load.js";

let dir: string;
beforeEach(() => {
  dir = fixtureDir("checks");
});

const write = (name: string, ...lines: string[]): string => writeIn(dir, name, ...lines);


/** line, column and field path of an error */
const where = (e: ScenarioError) => [e.line, e.column, e.fieldPath];

describe("a programme switched on needs the means to act", () => {
  it("a consumer subsidy rate without a total budget, at the rate", () => {
    const error = only(errorsOf(write("bad.yaml", "levers:", "  consumerSubsidy: {rate: 0.1, startDay: 60, endDay: 150}")));
    expect(where(error)).toEqual([2, 27, "levers.consumerSubsidy.rate"]);
    expect(error.expected).toBe("levers.consumerSubsidy.totalBudgetRmb > 0 (platform RMB) when rate > 0");
    expect(error.problem).toContain("no budget");
    expect(error.message).toContain("bad.yaml:2:27:");
  });

  it("coupons without a budget, at the value", () => {
    const error = only(errorsOf(write("bad.yaml", "levers:", "  coupons:", "    valueRmb: 10")));
    expect(where(error)).toEqual([3, 15, "levers.coupons.valueRmb"]);
    expect(error.expected).toBe("levers.coupons.totalBudgetRmb > 0 (platform RMB) when valueRmb > 0");
  });

  it("a traffic boost without impressions, at the first boost", () => {
    const error = only(errorsOf(write("bad.yaml", "levers:", "  trafficSubsidy:", "    newDays: 30", "    selfBroadcastBoost: 0.5", "    beltBoost: 1")));
    expect(where(error)).toEqual([4, 25, "levers.trafficSubsidy.selfBroadcastBoost"]);
    expect(error.problem).toContain("selfBroadcastBoost 0.5, beltBoost 1");
    expect(error.expected).toBe("levers.trafficSubsidy.budgetImpressions > 0 (platform impressions) when a boost > 0");
  });

  it("a fee relief below the take rate for no days, at its take rate", () => {
    const error = only(errorsOf(write("bad.yaml", "levers:", "  feeRelief:", "    takeRate: 0.01")));
    expect(where(error)).toEqual([3, 15, "levers.feeRelief.takeRate"]);
    expect(error.expected).toBe("levers.feeRelief.newMerchantDays > 0 when feeRelief.takeRate < takeRate");
  });

  it("points into the file that holds the rate when the budget was taken away by a child", () => {
    write("parent.yaml", "levers:", "  consumerSubsidy:", "    rate: 0.1", "    totalBudgetRmb: 1000000000");
    const error = only(errorsOf(write("child.yaml", "extends: parent.yaml", "levers:", "  consumerSubsidy: {totalBudgetRmb: 0}")));
    expect(error.file).toContain("parent.yaml");
    expect(where(error)).toEqual([3, 11, "levers.consumerSubsidy.rate"]);
  });

  it("a --set that switches a programme on without a budget is the command line's", () => {
    const error = only(errorsOf(write("plan.yaml", "horizonDays: 100"), { set: ["levers.consumerSubsidy.rate=0.1"] }));
    expect([error.file, error.line, error.fieldPath]).toEqual(["command line", undefined, "levers.consumerSubsidy.rate"]);
  });

  it("accepts programmes with their budgets, and a raised take rate with the relief left off", () => {
    const file = write(
      "good.yaml",
      "levers:",
      "  takeRate: 0.08",
      "  consumerSubsidy: {rate: 0.1, totalBudgetRmb: 1e9, startDay: 60, endDay: 500}",
      "  coupons: {valueRmb: 10, totalBudgetRmb: 1e8}",
      "  trafficSubsidy: {newMerchantBoost: 1, budgetImpressions: 1e9}",
      "  feeRelief: {takeRate: 0.05, newMerchantDays: 0}",
    );
    expect(loadScenarioSync(file).scenario.levers.consumerSubsidy.endDay).toBe(500);
  });
});

describe("interventions that switch a programme on without the means", () => {
  it("an intervention turning on a subsidy with no budget anywhere, at its value", () => {
    const file = write("bad.yaml", "horizonDays: 200", "interventions:", "  - at: 42", "    until: 100", "    set:", "      levers.consumerSubsidy.rate: 0.1");
    const error = only(errorsOf(file));
    expect(where(error)).toEqual([6, 36, "interventions[0].set.levers.consumerSubsidy.rate"]);
    expect(error.problem).toMatch(/^from day 42 on, the consumer subsidy has rate 0.1 but no budget/);
    expect(error.expected).toBe("levers.consumerSubsidy.totalBudgetRmb > 0 (platform RMB) when rate > 0");
  });

  it("accepts an intervention switching coupons on against a budget in the levers (the resumption plan's way)", () => {
    const file = write("good.yaml", "levers:", "  coupons: {totalBudgetRmb: 1e9}", "interventions:", "  - at: 42", "    until: 133", "    set: { levers.coupons.valueRmb: 10 }");
    expect(loadScenarioSync(file).scenario.interventions).toHaveLength(1);
  });

  it("an intervention taking the budget away from a running programme, at the budget it sets", () => {
    const file = write("bad.yaml", "levers:", "  coupons: {valueRmb: 5, totalBudgetRmb: 1e9}", "interventions:", "  - at: 40", "    set: { levers.coupons.totalBudgetRmb: 0 }");
    const error = only(errorsOf(file));
    expect(where(error)).toEqual([5, 43, "interventions[0].set.levers.coupons.totalBudgetRmb"]);
  });

  it("the end of an intervention that gave the budget, at its until", () => {
    const file = write(
      "bad.yaml",
      "interventions:",
      "  - at: 10",
      "    set: { levers.trafficSubsidy.newCreatorBoost: 1 }",
      "  - at: 5",
      "    until: 20",
      "    set: { levers.trafficSubsidy.budgetImpressions: 1e9 }",
    );
    const error = only(errorsOf(file));
    expect(where(error)).toEqual([5, 12, "interventions[1].until"]);
    expect(error.problem).toMatch(/^from day 20 on, when this intervention ends/);
  });

  it("an intervention that starts a programme before its budget arrives", () => {
    const file = write(
      "bad.yaml",
      "interventions:",
      "  - at: 10",
      "    set: { levers.consumerSubsidy.rate: 0.1 }",
      "  - at: 30",
      "    set: { levers.consumerSubsidy.totalBudgetRmb: 1e9 }",
    );
    expect(where(only(errorsOf(file)))).toEqual([3, 41, "interventions[0].set.levers.consumerSubsidy.rate"]);
  });

  it("a problem of the levers is reported once, at the levers, not again at each intervention", () => {
    const file = write("bad.yaml", "levers:", "  consumerSubsidy: {rate: 0.1}", "interventions:", "  - at: 10", "    set: { levers.consumerSubsidy.minBrand: 0 }");
    expect(where(only(errorsOf(file)))).toEqual([2, 27, "levers.consumerSubsidy.rate"]);
  });
});

describe("windows", () => {
  it("refuses a window that starts after it ends, at its start", () => {
    const error = only(errorsOf(write("bad.yaml", "levers:", "  consumerSubsidy:", "    rate: 0.1", "    totalBudgetRmb: 1e9", "    startDay: 150", "    endDay: 60")));
    expect(where(error)).toEqual([5, 15, "levers.consumerSubsidy.startDay"]);
    expect(error.expected).toBe("levers.consumerSubsidy.startDay <= endDay (60)");
    expect(error.problem).toContain("never act");
  });

  it("points at the end when only the end is stated", () => {
    const error = only(errorsOf(write("bad.yaml", "levers:", "  feeRelief:", "    endDay: -1")));
    expect(where(error)).toEqual([3, 13, "levers.feeRelief.endDay"]);
  });

  it("refuses a start on or past the horizon, in the words of a late intervention", () => {
    const error = only(errorsOf(write("bad.yaml", "horizonDays: 100", "levers:", "  coupons: {valueRmb: 5, totalBudgetRmb: 1e9, startDay: 100}")));
    expect(where(error)).toEqual([3, 57, "levers.coupons.startDay"]);
    expect(error.problem).toBe("day 100 is past the end of the run (horizonDays is 100, so the last day is 99), so the coupons would never act");
    expect(error.expected).toBe("a day < 100");
  });

  it("finds the start a shorter --days leaves past the horizon", () => {
    const file = write("plan.yaml", "levers:", "  consumerSubsidy: {rate: 0.1, totalBudgetRmb: 1e9, startDay: 60, endDay: 240}");
    const error = only(errorsOf(file, { days: 50 }));
    expect([error.line, error.fieldPath, error.expected]).toEqual([2, "levers.consumerSubsidy.startDay", "a day < 50"]);
  });

  it("refuses a campaign that starts past the horizon", () => {
    const error = only(errorsOf(write("bad.yaml", "horizonDays: 200", "levers:", "  campaigns:", "    - { name: early, startDay: 10, days: 3 }", "    - { name: year-end, startDay: 300, days: 12 }")));
    expect(where(error)).toEqual([5, 35, "levers.campaigns[1].startDay"]);
    expect(error.problem).toContain("campaign 'year-end' would never run");
    expect(error.expected).toBe("a day < 200");
  });

  it("refuses a campaign an intervention schedules past the horizon, inside the list it sets", () => {
    const file = write("bad.yaml", "horizonDays: 100", "interventions:", "  - at: 20", "    set:", "      levers.campaigns: [{ startDay: 30, days: 2 }, { startDay: 150, days: 2 }]");
    expect(where(only(errorsOf(file)))).toEqual([5, 65, "interventions[0].set.levers.campaigns[1].startDay"]);
  });

  it("refuses a shock that starts past the horizon, or changes nothing, and loads one that can act", () => {
    const late = only(errorsOf(write("late.yaml", "horizonDays: 200", "shocks:", "  - { startDay: 250, days: 10, demandDrop: 0.2, note: lockdown }")));
    expect(where(late)).toEqual([3, 17, "shocks[0].startDay"]);
    expect(late.problem).toContain("shock 0 ('lockdown') would never happen");
    expect(late.expected).toBe("a day < 200");
    const idle = only(errorsOf(write("idle.yaml", "shocks:", "  - { startDay: 20, days: 10, regionShare: 0.3 }")));
    expect(idle.fieldPath).toBe("shocks[0].startDay");
    expect(idle.problem).toContain("changes nothing");
    const empty = only(errorsOf(write("empty.yaml", "shocks:", "  - { startDay: 20, days: 10, regionShare: 0.001, deliveryDelayDays: 2 }")));
    expect(empty.fieldPath).toBe("shocks[0].regionShare");
    expect(loadScenarioSync(write("ok.yaml", "shocks:", "  - { startDay: 20, days: 10, merchantClosureShare: 0.05 }")).scenario.shocks[0].regionShare).toBe(1);
  });

  it("refuses a negative start, which is not the default", () => {
    const error = only(errorsOf(write("bad.yaml", "levers:", "  trafficSubsidy: { startDay: -3 }")));
    expect(where(error)).toEqual([2, 31, "levers.trafficSubsidy.startDay"]);
    expect(error.expected).toBe("a day >= 0");
  });

  it("refuses an industry-belt cohort past the horizon or in an unknown category", () => {
    const errors = errorsOf(write("bad.yaml", "horizonDays: 20", "levers:", "  industryBelt: { merchants: 1000, day: 30, category: fresh-fruit }"));
    expect(errors.map((e) => e.fieldPath).sort()).toEqual(["levers.industryBelt.category", "levers.industryBelt.day"]);
  });

  it("accepts an end past the horizon (to the end of the run), and a late window of a programme that is off", () => {
    const file = write("good.yaml", "horizonDays: 100", "levers:", "  consumerSubsidy: {rate: 0.1, totalBudgetRmb: 1e9, startDay: 10, endDay: 100000}", "  coupons: {startDay: 200}");
    expect(loadScenarioSync(file).scenario.horizonDays).toBe(100);
  });
});

describe("the sample against the platform", () => {
  it("refuses a sample larger than the platform, at population.users", () => {
    const error = only(errorsOf(write("bad.yaml", "population:", "  platformUsers: 1000", "  users: 2000")));
    expect(where(error)).toEqual([3, 10, "population.users"]);
    expect(error.expected).toBe("population.users <= population.platformUsers (1000)");
  });

  it("refuses a sample with fewer simulated merchants than categories, naming the --users needed", () => {
    const errors = errorsOf(write("bad.yaml", "population:", "  users: 500"));
    const merchants = errors.find((e) => e.problem.includes("merchant"))!;
    expect(where(merchants)).toEqual([2, 10, "population.users"]);
    expect(merchants.problem).toBe("500 simulated users give 5 simulated merchants for 10 categories: fewer than one per category, so some category would start without a seller");
    expect(merchants.expected).toBe("population.users >= 950 (--users 950) for at least one simulated merchant per category");
  });

  it("refuses fewer than one simulated creator on average in the smallest category, naming the --users needed", () => {
    const error = only(errorsOf(write("plan.yaml", "horizonDays: 30"), { users: 1000 }));
    expect([error.file, error.fieldPath]).toEqual(["command line", "population.users"]);
    expect(error.problem).toContain("smallest category 'books' (share 3.0%)");
    expect(error.expected).toBe("population.users >= 1675 (--users 1675) for at least one simulated creator per category");
  });

  it("normalises the category shares", () => {
    const row = (name: string, share: number) => `  - { name: ${name}, share: ${share}, refPriceRmb: 50, priceSpread: 0.3, replenishDays: 30, returnRate: 0.05, grossMargin: 0.3, liveDemo: 0.5 }`;
    // shares 1 and 9: the small category has 10% of 2000 x 6M/300M = 40 creators, 4 of them
    expect(loadScenarioSync(write("good.yaml", "population: { users: 2000 }", "categories:", row("a", 1), row("b", 9))).scenario.categories).toHaveLength(2);
  });

  it("accepts the sample sizes the tests use", () => {
    for (const users of [2000, 3000]) expect(loadScenarioSync(write("small.yaml", "horizonDays: 40"), { users }).scenario.population.users).toBe(users);
  });
});

describe("leverTimeline", () => {
  it("replays the interventions as the model does: undo before apply, values saved per intervention", () => {
    const file = write(
      "plan.yaml",
      "horizonDays: 100",
      "interventions:",
      "  - { at: 10, until: 50, set: { levers.takeRate: 0.03 } }",
      "  - { at: 20, until: 40, set: { levers.takeRate: 0.02 } }",
      "  - { at: 50, set: { levers.commercialLoad: 0.3 } }",
    );
    const states = leverTimeline(loadScenarioSync(file).scenario);
    expect(states.map((s) => [s.from, s.to, s.params.levers.takeRate, s.params.levers.commercialLoad, s.applied, s.restored])).toEqual([
      [0, 10, 0.05, 0.2, [], []],
      [10, 20, 0.03, 0.2, [0], []],
      [20, 40, 0.02, 0.2, [1], []],
      [40, 50, 0.03, 0.2, [], [1]],
      [50, 100, 0.05, 0.3, [2], [0]],
    ]);
  });
});
