/**
 * Levers set to act that never acted (experiments/idle-levers.ts): decided
 * from the daily columns on the days each programme was on, across the
 * replications; first on hand-made results (one column at a time), then on a
 * tiny run of the model (2,000 users, 40 days, one replication).
 */
import { describe, expect, it } from "vitest";
import { leversThatNeverActed } from "../../sim/experiments/idle-levers.js";
import { COLUMNS, M } from "../../sim/model/metrics.js";
import { runReplication, type ReplicationResult } from "../../sim/model/simulate.js";
import { scenario } from "../helpers/sim.js";

const DAYS = 40;
const small = (...set: string[]) => scenario("baseline", { users: 2000, days: DAYS, set });

/** A replication whose every column is 0 except `column` on `days`. */
function result(values: [column: number, days: number[]][] = [], rep = 0): ReplicationResult {
  const series = new Float64Array(DAYS * COLUMNS.length);
  for (const [column, days] of values) for (const d of days) series[d * COLUMNS.length + column] = 1;
  return { rep, seed: rep, days: DAYS, series } as unknown as ReplicationResult;
}

describe("levers that never acted, from the columns", () => {
  it("says nothing when no programme is on, whatever the columns", () => {
    expect(leversThatNeverActed(small(), [result()])).toEqual([]);
  });

  it("a consumer subsidy with no subsidy_consumer on the days of its window", () => {
    const s = small("levers.consumerSubsidy.rate=0.1", "levers.consumerSubsidy.totalBudgetRmb=1e9", "levers.consumerSubsidy.startDay=10", "levers.consumerSubsidy.endDay=19");
    const [warning, ...rest] = leversThatNeverActed(s, [result([[M.subsidy_consumer, [5, 25]]])]);
    expect(rest).toEqual([]);
    expect(warning).toMatch(/^levers\.consumerSubsidy \(rate 0\.1\) was set to act on days 10-19 but never acted: subsidy_consumer is 0 on those days in all 1 replication; /);
    expect(leversThatNeverActed(s, [result([[M.subsidy_consumer, [15]]])])).toEqual([]);
  });

  it("acting in one replication is acting", () => {
    const s = small("levers.trustGuarantee.coverage=0.5");
    expect(leversThatNeverActed(s, [result([], 0), result([[M.guarantee_cost, [3]]], 1)])).toEqual([]);
    expect(leversThatNeverActed(s, [result([], 0), result([], 1)])).toEqual([
      "levers.trustGuarantee (coverage 0.5) was set to act on days 0-39 but never acted: guarantee_cost is 0 on those days in all 2 replications; no bad purchase was covered",
    ]);
  });

  it("coupons switched on by an intervention: only its days count", () => {
    const s = small("levers.coupons.totalBudgetRmb=1e9", "interventions=[{at: 20, until: 30, set: {levers.coupons.valueRmb: 10}}]");
    expect(leversThatNeverActed(s, [result([[M.subsidy_coupon, [5, 35]]])])).toEqual([expect.stringMatching(/^levers\.coupons \(valueRmb 10\) was set to act on days 20-29 but never acted/)]);
    expect(leversThatNeverActed(s, [result([[M.subsidy_coupon, [29]]])])).toEqual([]);
  });

  it("a programme switched on only outside its window", () => {
    const s = small("levers.consumerSubsidy.totalBudgetRmb=1e9", "levers.consumerSubsidy.endDay=9", "interventions=[{at: 20, set: {levers.consumerSubsidy.rate: 0.1}}]");
    expect(leversThatNeverActed(s, [result()])).toEqual([
      "levers.consumerSubsidy (rate 0.1) was switched on for days 20-39 but never acted: its window (days 0-9) falls outside those days",
    ]);
  });

  it("a traffic subsidy, a fee relief and an industry belt, each by its own column", () => {
    const s = small(
      "levers.trafficSubsidy.newMerchantBoost=1", "levers.trafficSubsidy.budgetImpressions=1e9",
      "levers.feeRelief.takeRate=0.01", "levers.feeRelief.newMerchantDays=30",
      "levers.industryBelt.merchants=30000", "levers.industryBelt.day=12",
    );
    const warnings = leversThatNeverActed(s, [result([[M.merchants_new, [11, 13]]])]);
    expect(warnings.map((w) => w.split(" ")[0])).toEqual(["levers.trafficSubsidy", "levers.feeRelief", "levers.industryBelt"]);
    expect(warnings[2]).toContain("merchants_new is 0 on that day");
    expect(leversThatNeverActed(s, [result([[M.subsidy_traffic_impressions, [0]], [M.subsidy_fee, [39]], [M.merchants_new, [12]]])])).toEqual([]);
  });

  it("service providers by providers_clients", () => {
    const s = small("levers.serviceProviders.providers=5000");
    expect(leversThatNeverActed(s, [result([[M.providers_clients, [39]]])])).toEqual([]);
    const [warning, ...rest] = leversThatNeverActed(s, [result([[M.providers_capacity, [0, 1]]])]);
    expect(rest).toEqual([]);
    expect(warning).toMatch(/^levers\.serviceProviders \(5,000 providers x 20 clients\) was set to act on days 0-39 but never acted: providers_clients is 0 on those days in all 1 replication; one simulated merchant stands for /);
  });

  it("campaigns one by one, on their own days", () => {
    const s = small("levers.campaigns=[{name: spring, startDay: 5, days: 3}, {name: summer, startDay: 20, days: 5}, {name: push-only, startDay: 30, days: 2, discount: 0}]");
    const warnings = leversThatNeverActed(s, [result([[M.subsidy_campaign, [6]]])]);
    expect(warnings).toEqual([expect.stringMatching(/^levers\.campaigns\[1\] 'summer' \(discount 0\.1\) was set to act on days 20-24 but never acted: subsidy_campaign is 0/)]);
  });
});

describe("levers that never acted, in a tiny run", () => {
  it("finds the budgets too small for one simulated order, and not the programmes that acted", () => {
    const s = small(
      // 1,000 platform RMB: one simulated order stands for 150,000 orders, so no order's subsidy fits
      "levers.consumerSubsidy.rate=0.1", "levers.consumerSubsidy.totalBudgetRmb=1000",
      "levers.campaigns=[{name: tiny, startDay: 10, days: 5, discount: 0.1, budgetRmb: 1000}]",
      "levers.trustGuarantee.coverage=0.9",
      // 10 providers x 20 clients: 200 merchants, a fraction of one simulated merchant (37,500 at 2,000 users)
      "levers.serviceProviders.providers=10",
    );
    const run = runReplication(s, 0, 7);
    const warnings = leversThatNeverActed(s, [run]);
    expect(warnings.map((w) => w.split(" ")[0])).toEqual(["levers.consumerSubsidy", "levers.campaigns[0]", "levers.serviceProviders"]);
    expect(warnings[0]).toContain("a simulated order stands for 150,000 orders");
    expect(warnings[2]).toContain("one simulated merchant stands for 37,500 merchants, so the providers have 0.00533 simulated slots");
    // the guarantee was on and acted
    expect(run.series.filter((_, i) => i % COLUMNS.length === M.guarantee_cost).some((v) => v > 0)).toBe(true);
  });
});
