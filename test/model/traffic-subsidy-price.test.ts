/**
 * The traffic subsidy priced in RMB (levers.trafficSubsidy.cpmRmb) is a
 * measurement: on a day, subsidy_traffic_rmb is the subsidised impressions /
 * 1,000 x the price, both at platform scale, and the price changes no other
 * column for the same seed. A small run of scenarios/creator-cold-start.yaml
 * (3,000 users, 60 days), whose traffic subsidy acts from day 0.
 */
import { describe, expect, it } from "vitest";
import { COLUMNS, M } from "../../sim/model/metrics.js";
import { runReplication } from "../../sim/model/simulate.js";
import { at, scenario, sumDays } from "../helpers/sim.js";

const DAYS = 60;
const run = (cpm: number) => runReplication(scenario("creator-cold-start", { users: 3000, days: DAYS, set: [`levers.trafficSubsidy.cpmRmb=${cpm}`] }), 0, 7);

describe("the traffic subsidy priced at cpmRmb", () => {
  const cheap = run(56);
  const dear = run(140);

  it("is the subsidised impressions / 1,000 x cpmRmb, day by day, at platform scale", () => {
    expect(sumDays(cheap, M.subsidy_traffic_impressions)).toBeGreaterThan(0);
    for (let d = 0; d < DAYS; d++) {
      const impressions = at(cheap, M.subsidy_traffic_impressions, d);
      expect(at(cheap, M.subsidy_traffic_rmb, d)).toBeCloseTo((impressions / 1000) * 56, 3);
      expect(at(dear, M.subsidy_traffic_rmb, d)).toBeCloseTo((impressions / 1000) * 140, 3);
    }
  });

  it("changes no other column: the same seed gives the same run whatever the price", () => {
    for (let c = 0; c < COLUMNS.length; c++) {
      if (c === M.subsidy_traffic_rmb) continue;
      for (let d = 0; d < DAYS; d++) expect(at(dear, c, d), `${COLUMNS[c][0]} on day ${d}`).toBe(at(cheap, c, d));
    }
    expect(dear.byCategory).toEqual(cheap.byCategory);
    expect(dear.tierGmv).toEqual(cheap.tierGmv);
  });
});
