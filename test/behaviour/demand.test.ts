/**
 * Demand that content creates (model/discovery.ts) and users who come by word
 * of mouth (model/word-of-mouth.ts). Each mechanism's KPI moves when its rate
 * moves and the effect is gone when the mechanism is switched off; the
 * baseline's GMV grows with the market's arrivals switched off (the public
 * target ecosystem-grows-the-pie); trust moves visibly within a year.
 * All comparisons are paired on common seeds (test/helpers/variants.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { kpiValues } from "../../sim/experiments/kpis.js";
import { M } from "../../sim/model/metrics.js";
import type { ReplicationResult } from "../../sim/model/simulate.js";
import { meanInterval } from "../../sim/stats/mean-interval.js";
import { at, sumDays } from "../helpers/sim.js";
import { describeDifference, pairedDifference, runVariants } from "../helpers/variants.js";

const RUN = { users: 10_000, days: 365, reps: 8, seed: 2024 };
const NO_MARKET = "demand.marketArrivalPerDay=0";
const CONTENT_OFF = ["demand.discoveryPerItem=0", "demand.activityContentElasticity=0", "demand.sessionContentElasticity=0"];

const gmv = (r: ReplicationResult) => sumDays(r, M.gmv);
const gmvLate = (r: ReplicationResult) => sumDays(r, M.gmv, r.days - 90);
const total = (col: number) => (r: ReplicationResult) => sumDays(r, col);

describe("content creates demand", () => {
  let runs: Record<string, ReplicationResult[]>;
  beforeAll(async () => {
    runs = await runVariants("baseline", { on: [], off: ["demand.discoveryPerItem=0"], more: ["demand.discoveryPerItem=0.01"] }, RUN);
  }, 600_000);

  it("discovers interests whose first needs are bought, more of them at a higher rate, and none when discovery is off", () => {
    const interests = pairedDifference(runs.more, runs.on, total(M.interests_discovered));
    const orders = pairedDifference(runs.more, runs.on, total(M.orders_discovered));
    const lines = [describeDifference("interests discovered, rate x2 minus baseline", interests), describeDifference("orders of discovered interests, rate x2 minus baseline", orders)];
    console.info(lines.join("\n"));
    expect(runs.on.every((r) => total(M.orders_discovered)(r) > 0)).toBe(true);
    expect(interests.ci95[0], lines[0]).toBeGreaterThan(0);
    expect(orders.ci95[0], lines[1]).toBeGreaterThan(0);
    for (const r of runs.off) {
      expect(total(M.interests_discovered)(r)).toBe(0);
      expect(total(M.orders_discovered)(r)).toBe(0);
    }
  });

  it("grows GMV: discovery on minus off is positive", () => {
    const d = pairedDifference(runs.on, runs.off, gmv);
    const line = describeDifference("GMV, discovery on minus off", d);
    console.info(line);
    expect(d.ci95[0], line).toBeGreaterThan(0);
  });
});

describe("the ecosystem grows the pie", () => {
  let runs: Record<string, ReplicationResult[]>;
  beforeAll(async () => {
    runs = await runVariants(
      "baseline",
      {
        noMarket: [NO_MARKET],
        noMarketMoreCreators: [NO_MARKET, "population.platformCreators=12000000"],
        noMarketContentOff: [NO_MARKET, ...CONTENT_OFF],
        noMarketContentOffMoreCreators: [NO_MARKET, ...CONTENT_OFF, "population.platformCreators=12000000"],
      },
      { ...RUN, users: 20_000 },
    );
  }, 600_000);

  it("GMV grows by at least 1.3x in a year with the market's arrivals switched off", () => {
    const growth = meanInterval(runs.noMarket.map((r) => kpiValues(r).gmv_growth));
    const line = `GMV growth, last 30 days over first 30, no market arrivals: ${growth.mean.toPrecision(4)} [${growth.ci95.map((x) => x.toPrecision(4)).join(", ")}]`;
    console.info(line);
    expect(growth.ci95[0], line).toBeGreaterThanOrEqual(1.3);
  });

  it("more creators sell more late in the year through content, and less of that gain is left without the content mechanisms", () => {
    const on = pairedDifference(runs.noMarketMoreCreators, runs.noMarket, gmvLate);
    const off = pairedDifference(runs.noMarketContentOffMoreCreators, runs.noMarketContentOff, gmvLate);
    const lines = [describeDifference("GMV of the last 90 days, 12M minus 6M creators", on), describeDifference("the same, content mechanisms off", off)];
    console.info(lines.join("\n"));
    expect(on.ci95[0], lines[0]).toBeGreaterThan(0);
    expect(off.mean, lines.join("\n")).toBeLessThan(on.mean);
  });
});

describe("word of mouth and trust", () => {
  let runs: Record<string, ReplicationResult[]>;
  beforeAll(async () => {
    const better = "users.entertainmentValue=0.72";
    runs = await runVariants(
      "baseline",
      { base: [], better: [better], womOff: ["demand.wordOfMouthPerDay=0"], betterWomOff: [better, "demand.wordOfMouthPerDay=0"] },
      RUN,
    );
  }, 600_000);

  it("a better experience makes more promoters, who bring more users; without word of mouth nobody comes that way", () => {
    const nps = pairedDifference(runs.better, runs.base, (r) => kpiValues(r).nps_end);
    const wom = pairedDifference(runs.better, runs.base, total(M.users_new_wom));
    const lines = [describeDifference("NPS at the end, better feed minus baseline", nps), describeDifference("users by word of mouth, better feed minus baseline", wom)];
    console.info(lines.join("\n"));
    expect(nps.ci95[0], lines[0]).toBeGreaterThan(0);
    expect(wom.ci95[0], lines[1]).toBeGreaterThan(0);
    for (const r of [...runs.womOff, ...runs.betterWomOff]) expect(total(M.users_new_wom)(r)).toBe(0);
  });

  it("trust moves visibly within a year", () => {
    const rise = meanInterval(runs.base.map((r) => at(r, M.trust_mean, r.days - 1) - at(r, M.trust_mean, 0)));
    const line = `mean trust, end minus day 0: ${rise.mean.toPrecision(4)} [${rise.ci95.map((x) => x.toPrecision(4)).join(", ")}]`;
    console.info(line);
    expect(rise.ci95[0], line).toBeGreaterThan(0.03);
  });
});
