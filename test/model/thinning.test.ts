/**
 * Thinning (sessions.ts): candidate purchase events are drawn under an upper
 * bound of the purchase probability and accepted with p / bound. The result
 * is exact only if p never exceeds its bound; the sessions count violations.
 */
import { describe, expect, it } from "vitest";
import { M } from "../../sim/model/metrics.js";
import { runReplication } from "../../sim/model/simulate.js";
import { at, scenario, sumDays } from "../helpers/sim.js";

describe("thinning", () => {
  it("never finds a purchase probability above its bound, with subsidies, coupons, a campaign and reference prices on", () => {
    const s = scenario("baseline", {
      users: 4000,
      days: 120,
      set: [
        // discounts raise the purchase probability: the bound must account for them
        "levers.consumerSubsidy.rate=0.3",
        "levers.consumerSubsidy.minBrand=0",
        "levers.consumerSubsidy.totalBudgetRmb=1e12",
        "levers.coupons.valueRmb=30",
        "levers.coupons.totalBudgetRmb=1e12",
        "levers.campaigns=[{startDay: 20, days: 10, discount: 0.3}]",
        // reference prices, strong: a discount deeper than the share of the list price the user has paid
        // before is a gain the bound must cover (the subsidy from day 0, the campaign on top, the coupon on
        // top of both), and shares learnt during the campaign make the subsidy alone a loss afterwards
        "prices.referenceWeight=1.5",
        "prices.lossAversion=2",
        "prices.smoothing=0.6",
        // paid slots: the auction's offers have bounds of their own
        "levers.paidTraffic.share=0.3",
      ],
    });
    const r = runReplication(s, 0, 99);
    const thinningStats = r.thinning;

    expect(thinningStats.violations).toBe(0);
    // the bound was exercised: many candidates, some accepted, not all
    expect(thinningStats.candidates).toBeGreaterThan(10_000);
    expect(thinningStats.accepted).toBeGreaterThan(0);
    expect(thinningStats.accepted).toBeLessThan(thinningStats.candidates);
    // the offers' own bounds (checked above too) reject most candidates before they are evaluated
    expect(thinningStats.evaluated).toBeLessThan(thinningStats.candidates / 2);
    expect(thinningStats.evaluated).toBeGreaterThanOrEqual(thinningStats.accepted);
    // and the discounts were in use while it ran
    expect(sumDays(r, M.subsidy_consumer)).toBeGreaterThan(0);
    expect(sumDays(r, M.subsidy_coupon)).toBeGreaterThan(0);
    expect(sumDays(r, M.subsidy_campaign)).toBeGreaterThan(0);
    // and the references moved: users learnt the discounted shares of the list price
    expect(at(r, M.reference_price_index, 119)).toBeLessThan(1);
  });
});
