/**
 * Service providers (model/service-providers.ts): client slots stated at
 * platform scale bind; what served merchants do differs from the same
 * merchants without providers, and not at all when the mechanism is off; and
 * the fee is paid by whoever the scenario says. 20,000 users, paired
 * replications on shared seeds.
 */
import { capacityUpkeep } from "../../sim/model/merchant-strategy.js";
import { describe, expect, it } from "vitest";
import { COLUMNS, M } from "../../sim/model/metrics.js";
import { settleMerchants } from "../../sim/model/merchants.js";
import { runReplication, type ReplicationResult } from "../../sim/model/simulate.js";
import type { World } from "../../sim/model/world.js";
import { pairedInterval } from "../../sim/stats/paired-interval.js";
import { resolutionOf } from "../../sim/scenario/resolution.js";
import { at, scenario } from "../helpers/sim.js";
import { runVariants } from "../helpers/variants.js";

const USERS = 20_000;
const SEED = 2026;
const cols = COLUMNS.length;
/** A KPI's mean over the last 91 days: one day's platform count is too noisy to pair at 20,000 users. */
const lastQuarter = (r: ReplicationResult, col: number) => mean(Array.from({ length: 91 }, (_, i) => at(r, col, r.days - 91 + i)));
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe("service providers' capacity", () => {
  // 2,000 and 6,000 providers x 20 clients: 40,000 and 120,000 slots, far below the 750,000 merchants who want one
  const DAYS = 120;
  const variants = { low: ["levers.serviceProviders.providers=2000"], high: ["levers.serviceProviders.providers=6000"] };

  it("binds: clients fill the slots (within one simulated merchant), others wait; more providers, more clients", async () => {
    const runs = await runVariants("service-providers", variants, { users: USERS, days: DAYS, reps: 4, seed: SEED });
    const slot = resolutionOf(scenario("service-providers", { users: USERS })).merchantScale;
    for (const [label, providers] of [["low", 2000], ["high", 6000]] as const) {
      for (const r of runs[label]) {
        for (let d = 0; d < r.days; d++) {
          const capacity = at(r, M.providers_capacity, d);
          expect(capacity).toBeCloseTo(providers * 20, 6);
          expect(Math.abs(at(r, M.providers_clients, d) - capacity), `${label} day ${d}`).toBeLessThan(slot);
          expect(at(r, M.providers_waiting, d)).toBeGreaterThan(0);
        }
      }
    }
    const clients = (r: ReplicationResult) => mean(Array.from({ length: r.days }, (_, d) => at(r, M.providers_clients, d)));
    const d = pairedInterval(runs.high.map(clients), runs.low.map(clients));
    console.info(`clients, 6,000 against 2,000 providers: +${d.mean.toPrecision(4)} (95% CI [${d.ci95[0].toPrecision(4)}, ${d.ci95[1].toPrecision(4)}])`);
    expect(d.ci95[0]).toBeGreaterThan(60_000);
  }, 300_000);

  it("slots follow the platform, not the sample: the same clients at platform scale at 10,000 and 20,000 users", () => {
    const set = ["levers.serviceProviders.providers=3000"];
    for (const users of [10_000, USERS]) {
      const s = scenario("service-providers", { users, days: 10, set });
      const r = runReplication(s, 0, SEED);
      const slot = resolutionOf(s).merchantScale;
      for (let d = 0; d < r.days; d++) expect(Math.abs(at(r, M.providers_clients, d) - 60_000)).toBeLessThan(slot);
    }
  });
});

/** Incumbents (the same merchants on every variant of a seed): whether a provider ever served them, their skill at the end, and their days self-broadcasting. */
interface Incumbents {
  served: Uint8Array;
  skill: Float64Array;
  broadcastDays: Float64Array;
}

function runIncumbents(set: string[], seed: number): { result: ReplicationResult; incumbents: Incumbents } {
  const s = scenario("service-providers", { users: USERS, days: 365, set });
  const n = resolutionOf(s).merchants;
  const incumbents: Incumbents = { served: new Uint8Array(n), skill: new Float64Array(n), broadcastDays: new Float64Array(n) };
  const result = runReplication(s, 0, seed, (world: World, day: number) => {
    if (day < 0) return;
    const mer = world.merchants;
    for (let m = 0; m < n; m++) {
      if (mer.isActive[m] && mer.isSelfBroadcaster[m]) incumbents.broadcastDays[m]++;
      if (mer.isServed[m]) incumbents.served[m] = 1;
      incumbents.skill[m] = mer.liveSkill[m];
    }
  });
  return { result, incumbents };
}

describe("what providers do to the merchants they serve", () => {
  const SEEDS = [11, 12, 13, 14];
  const OFF = ["levers.serviceProviders.providers=0"];
  const NO_EFFECT = ["levers.serviceProviders.learningBoost=0", "levers.serviceProviders.serviceBoost=0", "levers.serviceProviders.adoptionBoost=0"];

  it("served merchants gain live skill and broadcast more than the same merchants without providers", () => {
    const skillGain: number[] = [];
    const broadcastGain: number[] = [];
    const kpiGain: number[] = [];
    for (const seed of SEEDS) {
      const on = runIncumbents([], seed);
      const off = runIncumbents(OFF, seed);
      const served = on.incumbents.served;
      let count = 0;
      let skill = 0;
      let broadcast = 0;
      for (let m = 0; m < served.length; m++) {
        if (!served[m]) continue;
        count++;
        skill += on.incumbents.skill[m] - off.incumbents.skill[m];
        broadcast += on.incumbents.broadcastDays[m] - off.incumbents.broadcastDays[m];
      }
      expect(count).toBeGreaterThan(50);
      skillGain.push(skill / count);
      broadcastGain.push(broadcast / count);
      kpiGain.push(lastQuarter(on.result, M.merchants_self_broadcasting) - lastQuarter(off.result, M.merchants_self_broadcasting));
    }
    const skill = pairedInterval(skillGain, skillGain.map(() => 0));
    const broadcast = pairedInterval(broadcastGain, broadcastGain.map(() => 0));
    const kpi = pairedInterval(kpiGain, kpiGain.map(() => 0));
    console.info(`served incumbents, providers on minus off: live skill ${skill.mean.toPrecision(3)} [${skill.ci95.map((x) => x.toPrecision(3)).join(", ")}], ` +
      `days self-broadcasting ${broadcast.mean.toPrecision(3)} [${broadcast.ci95.map((x) => x.toPrecision(3)).join(", ")}]; ` +
      `merchants_self_broadcasting over days 274-364 ${kpi.mean.toPrecision(4)} [${kpi.ci95.map((x) => x.toPrecision(4)).join(", ")}]`);
    expect(skill.ci95[0]).toBeGreaterThan(0);
    expect(broadcast.ci95[0]).toBeGreaterThan(0);
    expect(kpi.ci95[0]).toBeGreaterThan(0);
  }, 300_000);

  it("the effect vanishes with the mechanism off: boosts at 0 leave merchants exactly as without providers", () => {
    const seed = SEEDS[0];
    const on = runIncumbents(NO_EFFECT, seed);
    const off = runIncumbents(OFF, seed);
    // providers were there and served (the platform paid them), yet no merchant did anything differently
    expect(on.result.series[M.providers_clients]).toBeGreaterThan(0);
    expect(Array.from(on.incumbents.skill)).toEqual(Array.from(off.incumbents.skill));
    for (const col of [M.merchants_self_broadcasting, M.merchants_active, M.gmv, M.gmv_self_broadcast, M.orders]) {
      const series = (r: ReplicationResult) => Array.from({ length: r.days }, (_, d) => r.series[d * cols + col]);
      expect(series(on.result), COLUMNS[col][0]).toEqual(series(off.result));
    }
  }, 300_000);

  it("with no providers (and no warehouse) the scenario is the baseline, byte for byte", () => {
    const days = 120;
    const base = runReplication(scenario("baseline", { users: USERS, days }), 0, SEED);
    const none = runReplication(scenario("service-providers", { users: USERS, days, set: [...OFF, "levers.fulfilment.share=0"] }), 0, SEED);
    expect(Buffer.from(none.series.buffer).equals(Buffer.from(base.series.buffer))).toBe(true);
  }, 120_000);
});

describe("who pays the providers", () => {
  const DAYS = 60;
  /** After the run, one more settlement on the world as it stands (no sales today): each merchant's change of cash and the day's subsidy_service. */
  function settleOnce(set: string[]) {
    const s = scenario("service-providers", { users: USERS, days: DAYS, set });
    let served = 0;
    let feeOnCash = 0;
    let otherCost = 0;
    let subsidy = 0;
    let perMerchant = 0;
    const result = runReplication(s, 0, SEED, (world: World, day: number) => {
      if (day !== DAYS - 1) return;
      const mer = world.merchants;
      const p = world.params.merchants;
      const before = Float64Array.from(mer.cashRmb.subarray(0, mer.count));
      const wasActive = Uint8Array.from(mer.isActive.subarray(0, mer.count));
      const upkeep = Float64Array.from({ length: mer.count }, (_, m) => capacityUpkeep(world, m));
      settleMerchants(world, world.streams.get("merchants"));
      for (let m = 0; m < mer.count; m++) {
        if (!wasActive[m]) continue;
        // what is not trading profit (there were no sales): the fixed cost, capacity's upkeep, the live room, and the provider's fee if any
        const unexplained = before[m] - mer.cashRmb[m] - p.fixedCostPerDayRmb - upkeep[m] - (mer.isLive[m] ? p.selfBroadcastCostPerDayRmb : 0);
        if (mer.isServed[m]) {
          served++;
          feeOnCash += unexplained;
        } else otherCost += Math.abs(unexplained);
      }
      subsidy = world.metrics.today[M.subsidy_service];
      perMerchant = world.res.perMerchant;
    });
    return { result, served, feeOnCash, otherCost, subsidy, perMerchant };
  }

  const closeTo = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

  it("platform-funded: subsidy_service is the fees of the clients served, day by day, and merchants' cash carries none", () => {
    const { result: r, served, feeOnCash, otherCost, subsidy, perMerchant } = settleOnce(["levers.serviceProviders.platformFunded=true"]);
    for (let d = 0; d < r.days; d++) {
      const fees = at(r, M.providers_clients, d) * 5;
      expect(fees).toBeGreaterThan(0);
      expect(closeTo(at(r, M.subsidy_service, d), fees), `day ${d}`).toBe(true);
      expect(closeTo(at(r, M.providers_fees, d), fees), `day ${d}`).toBe(true);
    }
    expect(served).toBeGreaterThan(0);
    expect(Math.abs(feeOnCash)).toBeLessThan(1e-6 * served);
    expect(otherCost).toBeLessThan(1e-6);
    expect(closeTo(subsidy, (served * 5) / perMerchant)).toBe(true);
  }, 120_000);

  it("merchant-paid: the platform pays nothing and each served merchant's cash carries the fee", () => {
    const { result: r, served, feeOnCash, otherCost, subsidy } = settleOnce(["levers.serviceProviders.platformFunded=false"]);
    let fees = 0;
    for (let d = 0; d < r.days; d++) {
      expect(at(r, M.subsidy_service, d)).toBe(0);
      expect(closeTo(at(r, M.providers_fees, d), at(r, M.providers_clients, d) * 5)).toBe(true);
      fees += at(r, M.providers_fees, d);
    }
    expect(fees).toBeGreaterThan(0);
    expect(served).toBeGreaterThan(0);
    expect(Math.abs(feeOnCash - served * 5)).toBeLessThan(1e-6 * served);
    expect(otherCost).toBeLessThan(1e-6);
    expect(subsidy).toBe(0);
  }, 120_000);
});
