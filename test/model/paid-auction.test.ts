/**
 * The paid auction (feed.ts buildMerchantTables, settleImpressions): a
 * merchant's share of a category's paid impressions is in proportion to
 * bid^auctionBidExponent x quality score (a Tullock contest), and the
 * impressions are sold at a clearing price, the bidders' budgets over the
 * paid impressions, never below the reserve CPM. With a bid exponent below 1
 * a large category's paid traffic is spread over several merchants (the top
 * one's share is about half in this test); at exponent 1 (share in
 * proportion to budget) budgets that pay keep buying share, and one merchant
 * per category ends with nearly all of it: the spread comes from the
 * mechanism, not from the sample.
 */
import { describe, expect, it } from "vitest";
import { dayStreams, simulateDay } from "../../sim/model/day.js";
import { initWorld } from "../../sim/model/init.js";
import { createWorld } from "../../sim/model/world.js";
import type { World } from "../../sim/model/world.js";
import { FIRST_DAY } from "../../sim/engine/world.js";
import { InterventionLog } from "../../sim/scenario/intervention-log.js";
import { scenario } from "../helpers/sim.js";

const DAYS = 200;

/** The baseline's world after DAYS days (no warm-up), with `set` overrides. */
function runWorld(set: string[]): World {
  const s = scenario("baseline", { users: 20_000, days: DAYS, set: ["warmupDays=0", ...set] });
  const world = createWorld(structuredClone(s), 7);
  world.today.internalDay = FIRST_DAY;
  initWorld(world);
  const rng = dayStreams(world);
  const log = new InterventionLog(world.params.interventions);
  for (let d = 0; d < DAYS; d++) {
    world.today.internalDay = FIRST_DAY + d;
    world.today.reportDay = d;
    simulateDay(world, rng, log);
  }
  return world;
}

/** The largest bidder's share of the paid table in each of the `count` categories with the most bidders. */
function topShares(world: World, count: number): number[] {
  const t = world.tables;
  const categories = Array.from({ length: world.cats.count }, (_, k) => k).sort((a, b) => t.paid.size[b] - t.paid.size[a]).slice(0, count);
  return categories.map((k) => {
    let top = 0;
    for (let i = t.paid.start[k]; i < t.paid.start[k] + t.paid.size[k]; i++) top = Math.max(top, t.paidWeight[i]);
    return top / t.paid.total[k];
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("the paid auction", () => {
  it("spreads a large category's paid traffic over more merchants than a share in proportion to budget, where one merchant takes it", () => {
    const tullock = runWorld([]);
    const proportional = runWorld(["behaviour.feed.auctionBidExponent=1"]);
    const spread = topShares(tullock, 4);
    const concentrated = topShares(proportional, 4);
    const message = `top bidder's share in the four largest categories: exponent 0.5 ${spread.map((x) => x.toFixed(2))}, exponent 1 ${concentrated.map((x) => x.toFixed(2))}`;
    console.info(message);
    expect(mean(concentrated), message).toBeGreaterThan(0.75);
    expect(mean(spread), message).toBeLessThan(mean(concentrated) - 0.25);
  });
});
