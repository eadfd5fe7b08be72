import { describe, expect, it } from "vitest";
import { runReplication } from "../../sim/model/simulate.js";
import { loadScenarioSync } from "../../sim/scenario/load.js";

const scenario = (file: string) => loadScenarioSync(new URL(`../../scenarios/${file}`, import.meta.url).pathname, { users: 3000, days: 20 }).scenario;

describe("warm-up", () => {
  it("runs under the default levers, so scenarios that differ only in levers start day 0 from the same state", () => {
    const base = runReplication(scenario("baseline.yaml"), 0, 11);
    const paid = runReplication(scenario("paid-traffic-everywhere.yaml"), 0, 11);
    const trust = runReplication(scenario("trust-first.yaml"), 0, 11);
    // the creators' follower tiers are taken at the start of day 0
    expect(Array.from(paid.tierCreatorsStart)).toEqual(Array.from(base.tierCreatorsStart));
    expect(Array.from(trust.tierCreatorsStart)).toEqual(Array.from(base.tierCreatorsStart));
    // and the policies act from day 0 on
    expect(Array.from(paid.series)).not.toEqual(Array.from(base.series));
  });
});
