/**
 * Creators that grow (model/creator-growth.ts, follows.ts, feed.ts
 * creatorFit, creators.ts entry and exit), each mechanism against its switch,
 * on shared seeds (common random numbers), 20,000 users over a year:
 *  (a) content quality rises with practice and investment; with the rates at
 *      0 the mean stays where it was;
 *  (b) the top creators (over a million followers at day 0) keep their
 *      followers: with the least valued follow replaced and follows from
 *      content they end the year with at least what they had; with random
 *      replacement and no follows from content they shrink;
 *  (c) fit as a match: a niche creator sells to its own audience (buyers whose
 *      strongest interest is its category) more, relative to others, than a
 *      generalist does, more so than with fit the same for every viewer;
 *  (d) entry follows expected earnings: a higher reservation earning lowers
 *      creator entries, and without the earnings terms it changes nothing.
 */
import { describe, expect, it, vi } from "vitest";
import { M } from "../../sim/model/metrics.js";
import type { ReplicationResult } from "../../sim/model/simulate.js";
import { describeDifference, pairedDifference, runVariants } from "../helpers/variants.js";
import { at, scenario, sumDays } from "../helpers/sim.js";
import { dayStreams, simulateDay } from "../../sim/model/day.js";
import { initWorld } from "../../sim/model/init.js";
import { createWorld, type World } from "../../sim/model/world.js";
import { FIRST_DAY, INTEREST_SLOTS } from "../../sim/engine/world.js";
import { InterventionLog } from "../../sim/scenario/intervention-log.js";

/**
 * (c) reads the model's own orders: placeOrder is wrapped to count the feed's
 * orders through creators by the creator's kind (niche: verticality >= 0.7,
 * generalist: <= 0.4) and the buyer (own audience: its strongest interest is
 * the creator's category). The feed shows a category's creators to the same
 * viewers, those interested in it, so the own share of a creator's buyers
 * differs between kinds only by how well each converts whom.
 */
const tally = vi.hoisted(() => ({ counts: new Float64Array(4) }));
vi.mock("../../sim/model/orders.js", async (importOriginal) => {
  const orders = await importOriginal<typeof import("../../sim/model/orders.js")>();
  const placeOrder: typeof orders.placeOrder = (world, rng, user, m, slotIndex, channel, creator, route) => {
    if (creator >= 0 && route === orders.ROUTE.feed) {
      const v = world.creators.verticality[creator];
      const kind = v >= 0.7 ? 1 : v <= 0.4 ? 0 : -1;
      if (kind >= 0) {
        let best = 0;
        for (let s = 1; s < INTEREST_SLOTS; s++) if (world.users.interestWeight[user * INTEREST_SLOTS + s] > world.users.interestWeight[user * INTEREST_SLOTS + best]) best = s;
        const own = world.users.interestCat[user * INTEREST_SLOTS + best] === world.creators.mainCat[creator] ? 1 : 0;
        tally.counts[kind * 2 + own]++;
      }
    }
    orders.placeOrder(world, rng, user, m, slotIndex, channel, creator, route);
  };
  return { ...orders, placeOrder };
});

/** The baseline's world over `days` days without warm-up, with `set` overrides; returns the feed orders through creators by kind and buyer. */
function creatorOrders(set: string[], seed: number, days: number): Float64Array {
  const s = scenario("baseline", { users: 20_000, days, set: ["warmupDays=0", ...set] });
  const world: World = createWorld(structuredClone(s), seed);
  world.today.internalDay = FIRST_DAY;
  initWorld(world);
  const rng = dayStreams(world);
  const log = new InterventionLog(world.params.interventions);
  tally.counts.fill(0);
  for (let d = 0; d < days; d++) {
    world.today.internalDay = FIRST_DAY + d;
    world.today.reportDay = d;
    simulateDay(world, rng, log);
  }
  return tally.counts.slice();
}
/** How much more a niche creator's feed buyers are its own audience than a generalist's: (own / other) niche over (own / other) generalist. */
const ownAudienceLift = (c: Float64Array) => (c[3] / c[2]) / (c[1] / c[0]);

const RUN = { users: 20_000, days: 365, reps: 4, seed: 11 };
const QUALITY_OFF = ["behaviour.creators.qualityPracticeGain=0", "behaviour.creators.qualityInvestmentMaxGain=0", "behaviour.creators.qualityDecayPerDay=0"];
const EARNINGS_OFF = ["behaviour.entry.creatorEarningsWeight=0", "creators.exitBelowReservationDays=0"];

/** Platform followers at day 365 over day 0 of the creators that had over a million at day 0 (those still active). */
function topKeep(r: ReplicationResult): number {
  let start = 0;
  let end = 0;
  for (let i = 0; i < r.followersStart.length; i++) {
    if (r.followersStart[i] < 1e6) continue;
    start += r.followersStart[i];
    end += r.followersEnd[i];
  }
  return end / start;
}
const qualityRise = (r: ReplicationResult) => at(r, M.creator_quality_mean, r.days - 1) - at(r, M.creator_quality_mean, 0);
const entries = (r: ReplicationResult) => sumDays(r, M.creators_new);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("creators that grow", () => {
  let runs: Record<string, ReplicationResult[]>;
  const variants = async () =>
    (runs ??= await runVariants("baseline", {
      on: [],
      qualityOff: QUALITY_OFF,
      randomReplacement: ["behaviour.creators.followReplaceLeastValued=0", "behaviour.creators.contentFollowPerUserDay=0"],
      reservationHigh: ["creators.reservationEarningRmb=8"],
      earningsOffLow: EARNINGS_OFF,
      earningsOffHigh: [...EARNINGS_OFF, "creators.reservationEarningRmb=8"],
    }, RUN));

  it("(a) content quality rises over a year with practice and investment, and stays put with the rates at 0", async () => {
    const r = await variants();
    const on = r.on.map(qualityRise);
    const off = r.qualityOff.map(qualityRise);
    const line = `mean content quality, day 364 - day 0: on ${on.map((x) => x.toFixed(3))}, rates 0 ${off.map((x) => x.toFixed(3))}`;
    console.info(line);
    // with the rates at 0 the mean still drifts a little as creators enter and leave (composition); practice and
    // investment add to that in every replication
    for (let i = 0; i < on.length; i++) expect(on[i], line).toBeGreaterThan(off[i]);
    expect(pairedDifference(r.on, r.qualityOff, qualityRise).ci95[0], line).toBeGreaterThan(0.005);
  }, 900_000);

  it("(b) the top creators keep their followers; with random replacement and no follows from content they shrink", async () => {
    const r = await variants();
    const keep = r.on.map(topKeep);
    const random = r.randomReplacement.map(topKeep);
    const d = pairedDifference(r.on, r.randomReplacement, topKeep);
    const line = `followers day 365 / day 0 of day-0 creators over 1M: least valued replaced + follows from content ${keep.map((x) => x.toFixed(3))}, random replacement, none from content ${random.map((x) => x.toFixed(3))}; ${describeDifference("difference", d)}`;
    console.info(line);
    // random replacement loses about a quarter of the top's followers in a year; the least-valued rule with follows
    // from content keeps most of them
    expect(mean(keep), line).toBeGreaterThan(0.9);
    expect(mean(random), line).toBeLessThan(0.85);
    expect(d.ci95[0], line).toBeGreaterThan(0.1);
  }, 900_000);

  it("(c) fit as a match: niche creators sell to their own audience more, relative to others, than generalists do, and more than with one fit for every viewer", () => {
    const lifts = [1, 2, 3, 4, 5, 6].map((seed) => ({ match: ownAudienceLift(creatorOrders([], seed, 120)), flat: ownAudienceLift(creatorOrders(["behaviour.feed.fitMatchWeight=0"], seed, 120)) }));
    const line = `own-audience lift of niche over generalist creators' feed buyers: fit as a match ${lifts.map((l) => l.match.toFixed(2))}, one fit for all ${lifts.map((l) => l.flat.toFixed(2))}`;
    console.info(line);
    // niche creators' buyers are their own audience far more than generalists' are, in every run; fit as a match adds
    // to that on average (a small effect next to the feed's own targeting: about +5% over six seeds, not significant alone)
    for (const l of lifts) expect(l.match, line).toBeGreaterThan(1.1);
    expect(mean(lifts.map((l) => l.match)), line).toBeGreaterThan(mean(lifts.map((l) => l.flat)));
  }, 900_000);

  it("(d) a higher reservation earning lowers creator entries; without the earnings terms it changes nothing", async () => {
    const r = await variants();
    const d = pairedDifference(r.reservationHigh, r.on, entries);
    const off = pairedDifference(r.earningsOffHigh, r.earningsOffLow, entries);
    const line = `${describeDifference("creator entries over a year, reservation 8 - 2 RMB a day", d)}; ${describeDifference("with the earnings terms off", off)}`;
    console.info(line);
    expect(d.ci95[1], line).toBeLessThan(0);
    expect(d.mean / mean(r.on.map(entries)), line).toBeLessThan(-0.1);
    expect(off.mean, line).toBe(0);
    expect(off.sd, line).toBe(0);
  }, 900_000);
});
