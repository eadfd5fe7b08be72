/**
 * Accounting identities and budgets on small worlds: what the books must
 * satisfy whatever the parameters. Counts and money are read at platform
 * scale, as written to the report tables.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CATEGORY_COLUMNS, CHANNEL_GMV, COLUMN_NAMES, COLUMN_SCALE, M } from "../../sim/model/metrics.js";
import { runReplication, type ReplicationResult } from "../../sim/model/simulate.js";
import { at, scenario, sumDays } from "../helpers/sim.js";

const SMALL = { users: 4000, days: 120 };
const SEED = 20250;

// budgets small enough to bind within the run on the baseline's platform (300M users; spend
// unbounded is about 35M RMB a day of consumer subsidy, 7.5M of coupons, and 750M subsidised
// impressions over the 120 days with the calibrated merchant entry), and large against one
// simulated order (a user stands for 75,000 at 4,000 users)
const CONSUMER_DAILY_RMB = 25_000_000;
const CONSUMER_TOTAL_RMB = 1_500_000_000;
const COUPON_TOTAL_RMB = 250_000_000;
const TRAFFIC_IMPRESSIONS = 600_000_000;

const BINDING_BUDGETS = [
  "levers.consumerSubsidy.rate=0.3",
  `levers.consumerSubsidy.dailyBudgetRmb=${CONSUMER_DAILY_RMB}`,
  `levers.consumerSubsidy.totalBudgetRmb=${CONSUMER_TOTAL_RMB}`,
  "levers.coupons.valueRmb=20",
  `levers.coupons.totalBudgetRmb=${COUPON_TOTAL_RMB}`,
  "levers.trafficSubsidy.selfBroadcastBoost=1",
  "levers.trafficSubsidy.newMerchantBoost=1",
  `levers.trafficSubsidy.budgetImpressions=${TRAFFIC_IMPRESSIONS}`,
];

const EVERY_LEVER_ON = [
  "levers.consumerSubsidy.rate=0.1",
  "levers.consumerSubsidy.totalBudgetRmb=1e12",
  "levers.coupons.valueRmb=10",
  "levers.coupons.totalBudgetRmb=1e12",
  "levers.trafficSubsidy.newMerchantBoost=1",
  "levers.trafficSubsidy.newCreatorBoost=1",
  "levers.trafficSubsidy.budgetImpressions=1e15",
  "levers.feeRelief.takeRate=0.01",
  "levers.feeRelief.newMerchantDays=90",
  "levers.trustGuarantee.coverage=0.9",
  "levers.serviceProviders.providers=10000",
  "levers.serviceProviders.platformFunded=true",
  "levers.campaigns=[{name: festival, startDay: 40, days: 5, discount: 0.1}]",
  "levers.industryBelt.merchants=15000",
  "levers.industryBelt.day=10",
];

const EVERY_LEVER_OFF = [
  "levers.consumerSubsidy.rate=0",
  "levers.coupons.valueRmb=0",
  "levers.trafficSubsidy.newMerchantBoost=0",
  "levers.trafficSubsidy.newCreatorBoost=0",
  "levers.trafficSubsidy.selfBroadcastBoost=0",
  "levers.trafficSubsidy.beltBoost=0",
  "levers.feeRelief.newMerchantDays=0",
  "levers.trustGuarantee.coverage=0",
  "levers.serviceProviders.providers=0",
  "levers.campaigns=[]",
  "levers.industryBelt.merchants=0",
];

const SPEND_COLUMNS = [
  M.subsidy_consumer, M.subsidy_coupon, M.subsidy_fee, M.subsidy_campaign, M.subsidy_service,
  M.subsidy_traffic_impressions, M.guarantee_cost,
];

const runs: Record<string, ReplicationResult> = {};

beforeAll(() => {
  runs.baseline = runReplication(scenario("baseline", SMALL), 0, SEED);
  runs.bindingBudgets = runReplication(scenario("baseline", { ...SMALL, set: BINDING_BUDGETS }), 0, SEED);
  runs.everyLeverOn = runReplication(scenario("baseline", { ...SMALL, set: EVERY_LEVER_ON }), 0, SEED);
  runs.everyLeverOff = runReplication(scenario("baseline", { ...SMALL, set: EVERY_LEVER_OFF }), 0, SEED);
});

const closeTo = (a: number, b: number, rel: number): boolean => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe.each(["baseline", "bindingBudgets", "everyLeverOn", "everyLeverOff"])("books of %s", (name) => {
  it("sells something every day", () => {
    const r = runs[name];
    expect(r.days).toBe(SMALL.days);
    for (let d = 0; d < r.days; d++) expect(at(r, M.orders, d)).toBeGreaterThan(0);
  });

  it("splits each day's GMV exactly over the four channels", () => {
    const r = runs[name];
    const bad: string[] = [];
    for (let d = 0; d < r.days; d++) {
      const channels = CHANNEL_GMV.reduce((s, c) => s + at(r, c, d), 0);
      if (!closeTo(channels, at(r, M.gmv, d), 1e-9)) bad.push(`day ${d}: channels ${channels}, gmv ${at(r, M.gmv, d)}`);
    }
    expect(bad).toEqual([]);
  });

  it("splits total GMV and orders exactly over the categories", () => {
    const r = runs[name];
    const width = CATEGORY_COLUMNS.length;
    const gmvCol = CATEGORY_COLUMNS.indexOf("gmv");
    const ordersCol = CATEGORY_COLUMNS.indexOf("orders");
    let gmv = 0;
    let orders = 0;
    let channels = 0;
    for (let k = 0; k < r.categories.length; k++) {
      gmv += r.byCategory[k * width + gmvCol];
      orders += r.byCategory[k * width + ordersCol];
      for (const c of ["gmv_creator_live", "gmv_self_broadcast", "gmv_short_video", "gmv_mall_search"] as const) {
        channels += r.byCategory[k * width + CATEGORY_COLUMNS.indexOf(c)];
      }
    }
    expect(r.byCategory.length).toBe(r.categories.length * width);
    expect(closeTo(gmv, sumDays(r, M.gmv), 1e-9)).toBe(true);
    expect(closeTo(orders, sumDays(r, M.orders), 1e-9)).toBe(true);
    expect(closeTo(channels, gmv, 1e-9)).toBe(true);
  });

  it("never has a negative count or amount, and keeps shares in range", () => {
    const r = runs[name];
    const bad: string[] = [];
    for (let d = 0; d < r.days; d++) {
      COLUMN_NAMES.forEach((col, c) => {
        if (COLUMN_SCALE[c] !== "none" && !(at(r, c, d) >= 0)) bad.push(`day ${d}: ${col} = ${at(r, c, d)}`);
      });
      const trust = at(r, M.trust_mean, d);
      const nps = at(r, M.nps, d);
      if (!(trust >= 0 && trust <= 1)) bad.push(`day ${d}: trust_mean = ${trust}`);
      if (!(nps >= -100 && nps <= 100)) bad.push(`day ${d}: nps = ${nps}`);
    }
    expect(bad).toEqual([]);
    for (let i = 0; i < r.byCategory.length; i++) expect(r.byCategory[i]).toBeGreaterThanOrEqual(0);
  });

  it("counts no more buyers than active users or orders, and no more repeats than orders", () => {
    const r = runs[name];
    const bad: string[] = [];
    for (let d = 0; d < r.days; d++) {
      const [dau, buyers, orders] = [at(r, M.dau, d), at(r, M.buyers, d), at(r, M.orders, d)];
      const [repeats, privateRepeats] = [at(r, M.repeat_orders, d), at(r, M.repeat_orders_private, d)];
      if (buyers > dau || buyers > orders) bad.push(`day ${d}: buyers ${buyers}, dau ${dau}, orders ${orders}`);
      if (repeats > orders || privateRepeats > repeats) bad.push(`day ${d}: orders ${orders}, repeats ${repeats}, private ${privateRepeats}`);
    }
    expect(bad).toEqual([]);
  });
});

describe("budgets", () => {
  it("consumer subsidy stays within its daily budget every day", () => {
    const r = runs.bindingBudgets;
    let maxDay = 0;
    for (let d = 0; d < r.days; d++) {
      expect(at(r, M.subsidy_consumer, d)).toBeLessThanOrEqual(CONSUMER_DAILY_RMB * (1 + 1e-9));
      maxDay = Math.max(maxDay, at(r, M.subsidy_consumer, d));
    }
    // the daily cap binds: otherwise this test shows nothing
    expect(maxDay).toBeGreaterThan(0.8 * CONSUMER_DAILY_RMB);
  });

  it("consumer subsidy stays within its total budget, cumulatively", () => {
    const r = runs.bindingBudgets;
    let spent = 0;
    for (let d = 0; d < r.days; d++) {
      spent += at(r, M.subsidy_consumer, d);
      expect(spent).toBeLessThanOrEqual(CONSUMER_TOTAL_RMB * (1 + 1e-9));
    }
    expect(spent).toBeGreaterThan(0.9 * CONSUMER_TOTAL_RMB);
    // once the budget is spent, the subsidy stops: the last days spend nothing
    expect(at(r, M.subsidy_consumer, r.days - 1)).toBe(0);
  });

  it("coupons stay within their total budget, cumulatively", () => {
    const r = runs.bindingBudgets;
    let spent = 0;
    for (let d = 0; d < r.days; d++) {
      spent += at(r, M.subsidy_coupon, d);
      expect(spent).toBeLessThanOrEqual(COUPON_TOTAL_RMB * (1 + 1e-9));
    }
    expect(spent).toBeGreaterThan(0.9 * COUPON_TOTAL_RMB);
    expect(at(r, M.subsidy_coupon, r.days - 1)).toBe(0);
  });

  it("traffic subsidy stays within its budget of impressions, cumulatively", () => {
    const r = runs.bindingBudgets;
    let spent = 0;
    for (let d = 0; d < r.days; d++) {
      spent += at(r, M.subsidy_traffic_impressions, d);
      expect(spent).toBeLessThanOrEqual(TRAFFIC_IMPRESSIONS * (1 + 1e-9));
    }
    expect(spent).toBeGreaterThan(0.9 * TRAFFIC_IMPRESSIONS);
    expect(at(r, M.subsidy_traffic_impressions, r.days - 1)).toBe(0);
  });
});

describe("levers and their spending columns", () => {
  it("with every lever off, nothing is spent on subsidies or guarantees", () => {
    const r = runs.everyLeverOff;
    for (const c of SPEND_COLUMNS) expect({ column: COLUMN_NAMES[c], total: sumDays(r, c) }).toEqual({ column: COLUMN_NAMES[c], total: 0 });
  });

  it("with every lever on, every spending column is positive", () => {
    const r = runs.everyLeverOn;
    for (const c of SPEND_COLUMNS) expect({ column: COLUMN_NAMES[c], isPositive: sumDays(r, c) > 0 }).toEqual({ column: COLUMN_NAMES[c], isPositive: true });
  });
});
