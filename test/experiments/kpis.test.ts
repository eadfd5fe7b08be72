/**
 * KPIs of experiments/kpis.ts on hand-made replications: each new KPI against
 * the daily columns it reads, the break-even day's edge cases (never, from
 * day 0, a dip and a recovery), window KPIs as sums of the columns over the
 * window's days, and the KPIs that existed before them, unchanged in key,
 * order and value.
 */
import { describe, expect, it } from "vitest";
import { breakEvenDay, cumulativePlatformNet, kpiDefinitions, KPIS, kpiValues, kpiValuesOf, windowKpis } from "../../sim/experiments/kpis.js";
import { COLUMNS, M } from "../../sim/model/metrics.js";
import type { ReplicationResult } from "../../sim/model/simulate.js";

const DAYS = 20;
const cols = COLUMNS.length;

/** A replication of DAYS days whose columns are 0 except those given, day by day. */
function result(columns: [column: number, daily: (day: number) => number][] = []): ReplicationResult {
  const series = new Float64Array(DAYS * cols);
  for (const [column, daily] of columns) for (let d = 0; d < DAYS; d++) series[d * cols + column] = daily(d);
  return {
    rep: 0, seed: 1, days: DAYS, series, byCategory: new Float64Array(0),
    tierOrders: new Float64Array(6), tierGmv: new Float64Array(6), tierCreatorsStart: new Float64Array(6), tierCreatorsEnd: new Float64Array(6),
    tierFollowerGrowth: new Float64Array(6), followersStart: new Float64Array(0), followersEnd: new Float64Array(0),
    windowBuyers: 0, windowRepeaters: 0, categories: [], entriesRefusedFull: 0,
    thinning: { candidates: 0, evaluated: 0, accepted: 0, violations: 0 },
  };
}

const value = (key: string, r: ReplicationResult): number => kpiValues(r)[key];
const sumOf = (daily: (d: number) => number, from: number, to: number): number => {
  let s = 0;
  for (let d = from; d <= to; d++) s += daily(d);
  return s;
};

describe("revenue, creators and merchant exits", () => {
  it("platform and ad revenue are the columns' totals", () => {
    const r = result([[M.platform_revenue, (d) => 100 + d], [M.ad_revenue, (d) => 10 * d]]);
    expect(value("platform_revenue_total", r)).toBe(sumOf((d) => 100 + d, 0, DAYS - 1));
    expect(value("ad_revenue_total", r)).toBe(sumOf((d) => 10 * d, 0, DAYS - 1));
  });

  it("creators at the end, and growth as end over day 0 (0 with none at the start)", () => {
    const r = result([[M.creators_active, (d) => 1000 + 50 * d]]);
    expect(value("creators_active_end", r)).toBe(1000 + 50 * (DAYS - 1));
    expect(value("creator_growth", r)).toBeCloseTo((1000 + 50 * (DAYS - 1)) / 1000, 12);
    expect(value("creator_growth", result([[M.creators_active, (d) => (d === 0 ? 0 : 5)]]))).toBe(0);
  });

  it("merchant exits by cause, each the total of its column", () => {
    const r = result([[M.merchants_exited_losses, () => 3], [M.merchants_exited_governance, (d) => (d === 7 ? 11 : 0)], [M.merchants_exited_idle, (d) => d % 2]]);
    expect(value("merchants_exited_losses_total", r)).toBe(3 * DAYS);
    expect(value("merchants_exited_governance_total", r)).toBe(11);
    expect(value("merchants_exited_idle_total", r)).toBe(DAYS / 2);
  });
});

describe("the priced traffic subsidy", () => {
  const money = (d: number) => (d < 5 ? 40 : 0);
  const r = result([
    [M.subsidy_consumer, money], [M.subsidy_fee, () => 2], [M.subsidy_traffic_impressions, () => 1e6], [M.subsidy_traffic_rmb, () => 56_000],
    [M.platform_revenue, () => 1000],
  ]);

  it("is the total of subsidy_traffic_rmb, and adds to the money subsidies in subsidy_all_rmb_total", () => {
    expect(value("subsidy_traffic_rmb_total", r)).toBe(56_000 * DAYS);
    expect(value("subsidy_total", r)).toBe(sumOf(money, 0, DAYS - 1) + 2 * DAYS);
    expect(value("subsidy_all_rmb_total", r)).toBe(value("subsidy_total", r) + 56_000 * DAYS);
  });

  it("is revenue forgone, not paid out: platform_net does not subtract it (nor fee relief)", () => {
    expect(value("platform_net", r)).toBe(1000 * DAYS - sumOf(money, 0, DAYS - 1));
    const without = result([[M.subsidy_consumer, money], [M.subsidy_fee, () => 2], [M.platform_revenue, () => 1000]]);
    expect(value("platform_net", without)).toBe(value("platform_net", r));
  });
});

describe("break-even day of cumulative platform net", () => {
  it("is 0 when the cumulative net never falls below 0", () => {
    expect(breakEvenDay([0, 5, 3, 10])).toBe(0);
    expect(value("platform_net_break_even_day", result([[M.platform_revenue, () => 10]]))).toBe(0);
  });

  it("is the day after the last day below 0 when it dips and recovers, and a later dip moves it on", () => {
    expect(breakEvenDay([-5, -2, 1, 4])).toBe(2);
    expect(breakEvenDay([3, -1, 2, -4, 0, 6])).toBe(4);
  });

  it("is the horizon (days, one past the last day) when the run ends below 0: a censored value, not NaN", () => {
    expect(breakEvenDay([5, 2, -1])).toBe(3);
    const r = result([[M.platform_revenue, () => 10], [M.subsidy_consumer, () => 11]]);
    expect(value("platform_net_break_even_day", r)).toBe(DAYS);
    expect(KPIS.find((k) => k.key === "platform_net_break_even_day")!.label).toMatch(/lower bound/);
  });

  it("follows the daily net: revenue less subsidies paid out and guarantee claims", () => {
    // an upfront programme of 100 a day for 5 days, paid back by 30 a day of revenue from day 0
    const r = result([[M.platform_revenue, () => 30], [M.subsidy_campaign, (d) => (d < 5 ? 100 : 0)], [M.guarantee_cost, () => 1]]);
    const cumulative = cumulativePlatformNet(r);
    expect(cumulative[0]).toBe(-71);
    // -71 x 5 = -355 by day 4, then +29 a day: >= 0 from day 4 + ceil(355 / 29) = 17
    expect(value("platform_net_break_even_day", r)).toBe(17);
    expect(value("platform_net_cumulative_low", r)).toBe(-355);
    expect(cumulative[DAYS - 1]).toBeCloseTo(value("platform_net", r), 9);
    expect(value("platform_net_cumulative_low", result([[M.platform_revenue, () => 1]]))).toBe(0);
  });
});

describe("window KPIs", () => {
  const gmv = (d: number) => 1000 + 13 * d;
  const orders = (d: number) => 10 + (d % 3);
  const r = result([
    [M.gmv, gmv], [M.orders, orders], [M.platform_revenue, (d) => 0.05 * gmv(d)], [M.subsidy_consumer, (d) => (d >= 5 && d <= 9 ? 7 : 0)],
    [M.subsidy_traffic_rmb, (d) => (d === 6 ? 3 : 0)],
  ]);
  const of = (window: { startDay: number; endDay: number }) => kpiValuesOf(windowKpis(window, DAYS), r);

  it("are the sums of the daily columns over the window's days and over the days after it", () => {
    const v = of({ startDay: 5, endDay: 9 });
    expect(v.gmv_window).toBe(sumOf(gmv, 5, 9));
    expect(v.gmv_after_window).toBe(sumOf(gmv, 10, DAYS - 1));
    expect(v.gmv_per_day_window).toBe(sumOf(gmv, 5, 9) / 5);
    expect(v.gmv_per_day_after_window).toBe(sumOf(gmv, 10, DAYS - 1) / (DAYS - 10));
    expect(v.orders_per_day_window).toBe(sumOf(orders, 5, 9) / 5);
    expect(v.orders_per_day_after_window).toBe(sumOf(orders, 10, DAYS - 1) / (DAYS - 10));
    expect(v.platform_net_window).toBeCloseTo(sumOf((d) => 0.05 * gmv(d), 5, 9) - 35, 9);
    expect(v.platform_net_after_window).toBeCloseTo(sumOf((d) => 0.05 * gmv(d), 10, DAYS - 1), 9);
    expect(v.subsidy_all_rmb_window).toBe(38);
    expect(v.subsidy_all_rmb_after_window).toBe(0);
  });

  it("before, during and after add up to the run's totals", () => {
    const v = of({ startDay: 5, endDay: 9 });
    expect(sumOf(gmv, 0, 4) + v.gmv_window + v.gmv_after_window).toBe(value("gmv_total", r));
    expect(platformNetBefore(5) + v.platform_net_window + v.platform_net_after_window).toBeCloseTo(value("platform_net", r), 9);
  });

  it("name their days in the labels", () => {
    const labels = Object.fromEntries(windowKpis({ startDay: 5, endDay: 9 }, DAYS).map((k) => [k.key, k.label]));
    expect(labels.gmv_window).toBe("GMV during days 5-9");
    expect(labels.gmv_after_window).toBe(`GMV after the window, days 10-${DAYS - 1}`);
    expect(windowKpis({ startDay: 3, endDay: 3 }, DAYS)[0].label).toBe("GMV during day 3");
  });

  it("leave out the after-window KPIs when the window reaches the last day, and are clipped to the run", () => {
    const keys = windowKpis({ startDay: 12, endDay: DAYS - 1 }, DAYS).map((k) => k.key);
    expect(keys).toEqual(["gmv_window", "gmv_per_day_window", "orders_per_day_window", "platform_net_window", "subsidy_all_rmb_window"]);
    expect(of({ startDay: 12, endDay: 500 }).gmv_window).toBe(sumOf(gmv, 12, DAYS - 1));
    expect(windowKpis({ startDay: DAYS, endDay: DAYS + 5 }, DAYS)).toEqual([]);
  });

  it("come only with a window: kpiDefinitions adds them after KPIS", () => {
    expect(kpiDefinitions()).toBe(KPIS);
    const defs = kpiDefinitions({ startDay: 5, endDay: 9 }, DAYS);
    expect(defs.slice(0, KPIS.length)).toEqual(KPIS);
    expect(defs.length).toBe(KPIS.length + 10);
  });

  function platformNetBefore(day: number): number {
    return sumOf((d) => 0.05 * gmv(d), 0, day - 1);
  }
});

describe("KPI keys", () => {
  it("are unique and snake_case", () => {
    const keys = kpiDefinitions({ startDay: 1, endDay: 2 }, DAYS).map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it("keep those that existed before, in the same order, with the same values", () => {
    const before = [
      "gmv_total", "gmv_growth", "repurchase_rate", "merchant_repeat_share", "private_domain_repeat_share", "merchants_active_end", "merchant_growth",
      "merchants_over_mark", "merchants_new_total", "nps_end", "trust_end", "churn_total", "subsidy_total", "subsidy_traffic_impressions", "platform_net",
      "share_creator_live", "share_self_broadcast", "share_short_video", "share_mall_search",
      "share_tier_lt10k", "share_tier_10k_100k", "share_tier_100k_1m", "share_tier_1m_5m", "share_tier_5m_10m", "share_tier_gt10m",
    ];
    const keys = KPIS.map((k) => k.key);
    expect(keys.filter((k) => before.includes(k))).toEqual(before);
    // the money subsidies and platform net as they were written before the priced traffic subsidy
    const r = result([
      [M.platform_revenue, () => 500], [M.subsidy_consumer, () => 1], [M.subsidy_coupon, () => 2], [M.subsidy_fee, () => 4], [M.subsidy_campaign, () => 8],
      [M.subsidy_service, () => 16], [M.guarantee_cost, () => 32], [M.subsidy_traffic_rmb, () => 64],
    ]);
    expect(value("subsidy_total", r)).toBe((1 + 2 + 4 + 8 + 16) * DAYS);
    expect(value("platform_net", r)).toBe(500 * DAYS - (1 + 2 + 8 + 16) * DAYS - 32 * DAYS);
  });
});
