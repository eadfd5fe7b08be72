/**
 * Merchants that adapt and grow (sim/model/merchant-strategy.ts): each
 * mechanism moves its KPI when it acts, and the effect goes away when it is
 * switched off. Paired replications on shared seeds (common random numbers).
 */
import { describe, expect, it } from "vitest";
import { M } from "../../sim/model/metrics.js";
import type { ReplicationResult } from "../../sim/model/simulate.js";
import { sumDays } from "../helpers/sim.js";
import { runReplication } from "../../sim/model/simulate.js";
import type { World } from "../../sim/model/world.js";
import { pairedInterval } from "../../sim/stats/paired-interval.js";
import { scenario } from "../helpers/sim.js";
import { describeDifference, pairedDifference, runVariants } from "../helpers/variants.js";

const DAYS = 365;
/** Mean of column `col` over the last 30 days. */
const late = (col: number) => (r: ReplicationResult) => sumDays(r, col, r.days - 30) / 30;
/** Mean of column `col` over the first 30 days. */
const early = (col: number) => (r: ReplicationResult) => sumDays(r, col, 0, 29) / 30;

describe("merchants that grow", () => {
  it("heavy-tailed sizes emerge from reinvestment: the top 1% of merchants come to hold a large share of sales, and without reinvestment they do not", async () => {
    const runs = await runVariants("baseline", { on: [], off: ["behaviour.merchantStrategy.reinvestShare=0"] }, { users: 20_000, days: DAYS, reps: 6, seed: 77 });
    const rise = (r: ReplicationResult) => late(M.merchants_top1_share)(r) - early(M.merchants_top1_share)(r);
    const d = pairedDifference(runs.on, runs.off, late(M.merchants_top1_share));
    const riseOn = runs.on.map(rise);
    const riseOff = runs.off.map(rise);
    const line = `${describeDifference("top-1% share of sales in the last 30 days, reinvestment on minus off", d)}; ` +
      `rise over the year on ${riseOn.map((x) => x.toFixed(3)).join(", ")}, off ${riseOff.map((x) => x.toFixed(3)).join(", ")}`;
    console.info(line);
    // the top 1% hold a fifth of sales or more with reinvestment (1% would be no concentration at all)
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(runs.on.map(late(M.merchants_top1_share))), line).toBeGreaterThan(0.2);
    expect(d.ci95[0], line).toBeGreaterThan(0);
    // the concentration builds up over the year with reinvestment, far more than without
    expect(mean(riseOn), line).toBeGreaterThan(2 * Math.max(0, mean(riseOff)));
  }, 600_000);
});

describe("merchants that learn", () => {
  it("merchants learn prices from their own profit: they raise prices more where the allocation does not favour competitive prices, and without learning prices stay put", () => {
    const seeds = [101, 102, 103, 104];
    /** Mean change of log price, day 0 to the last day, of the merchants active on day 0 that are still active. */
    const drift = (set: string[], seed: number): number => {
      let start = new Float64Array(0);
      let result = 0;
      runReplication(scenario("baseline", { users: 10_000, days: DAYS, set }), 0, seed, (world: World, day: number) => {
        const mer = world.merchants;
        if (day === 0) {
          start = new Float64Array(mer.count).fill(NaN);
          for (let m = 0; m < mer.count; m++) if (mer.isActive[m]) start[m] = Math.log(mer.priceRmb[m]);
        }
        if (day !== DAYS - 1) return;
        let sum = 0;
        let n = 0;
        for (let m = 0; m < start.length; m++) {
          if (!mer.isActive[m] || Number.isNaN(start[m])) continue;
          sum += Math.log(mer.priceRmb[m]) - start[m];
          n++;
        }
        result = sum / n;
      });
      return result;
    };
    const noTilt = ["behaviour.feed.priceRankExponent=0"];
    const frozen = ["behaviour.merchantStrategy.priceStep=0", "behaviour.merchantStrategy.imitationProb=0"];
    const free = seeds.map((seed) => drift(noTilt, seed));
    const tilted = seeds.map((seed) => drift([], seed));
    const d = pairedInterval(free, tilted);
    const line = `${describeDifference("incumbents' log price change over the year, no price tilt minus tilt", d)}; no tilt ${free.map((x) => x.toFixed(3)).join(", ")}, tilt ${tilted.map((x) => x.toFixed(3)).join(", ")}`;
    console.info(line);
    expect(d.ci95[0], line).toBeGreaterThan(0);
    for (const x of free) expect(x, line).toBeGreaterThan(0);
    // without learning an incumbent's price never moves, whatever the allocation
    expect(drift([...noTilt, ...frozen], seeds[0])).toBe(0);
    expect(drift(frozen, seeds[0])).toBe(0);
  }, 600_000);

  it("charging guarantee claims back to sellers raises product quality (poor sellers lose money and learn or leave), and changes nothing where no claim is covered", async () => {
    const cover = ["levers.trustGuarantee.coverage=1", "levers.trustGuarantee.costPerClaimRmb=40"];
    const runs = await runVariants(
      "baseline",
      {
        platformPays: cover,
        sellerPays: [...cover, "levers.trustGuarantee.merchantShare=1"],
        noCover: [],
        noCoverShare: ["levers.trustGuarantee.merchantShare=1"],
      },
      { users: 20_000, days: DAYS, reps: 4, seed: 78 },
    );
    const quality = pairedDifference(runs.sellerPays, runs.platformPays, late(M.merchant_quality_mean));
    const losses = pairedDifference(runs.sellerPays, runs.platformPays, (r) => sumDays(r, M.merchants_exited_losses));
    const line = `${describeDifference("mean merchant quality, charge-back minus none", quality)}; ${describeDifference("exits for losses", losses)}`;
    console.info(line);
    expect(quality.ci95[0], line).toBeGreaterThan(0);
    for (let i = 0; i < runs.noCover.length; i++) expect(Buffer.from(runs.noCoverShare[i].series.buffer).equals(Buffer.from(runs.noCover[i].series.buffer))).toBe(true);
  }, 600_000);

  it("governance removes sellers whose complaints stay high, counted as governance exits, and removes nobody when switched off", async () => {
    const runs = await runVariants(
      "baseline",
      { off: [], on: ["levers.governance.removalComplaintRate=0.15", "levers.governance.removalAfterDays=30"] },
      { users: 10_000, days: 180, reps: 2, seed: 79 },
    );
    for (const r of runs.off) expect(sumDays(r, M.merchants_exited_governance)).toBe(0);
    for (const r of [...runs.off, ...runs.on]) {
      // every exit has its cause, except a shock's closures (no shock here)
      const causes = sumDays(r, M.merchants_exited_losses) + sumDays(r, M.merchants_exited_governance) + sumDays(r, M.merchants_exited_idle);
      expect(causes).toBeCloseTo(sumDays(r, M.merchants_exited), 6);
    }
    const removed = runs.on.map((r) => sumDays(r, M.merchants_exited_governance));
    console.info(`governance exits in 180 days: ${removed.join(", ")}`);
    for (const n of removed) expect(n).toBeGreaterThan(0);
  }, 300_000);
});

describe("merchant incubation (the public target merchant-incubation)", () => {
  it("traffic packs for merchants on their way to 1M RMB a year raise the number past the mark", async () => {
    // 50,000 users: some 500 simulated merchants, so that the count past the mark is not a handful of them.
    // 12 replications: with the calibrated (lower) merchant entry, 6 gave +3,911 [-1,738, 9,561]; 12 give
    // +6,422 [2,007, 10,840] (paired sd about 7,000). The users' sessions in chunks (shared effects after the
    // sessions) gave +5,021 [-94, 10,140] with 12 and +5,239 [1,872, 8,607] with 20 (sd about 7,200)
    const opts = { users: 50_000, days: DAYS, reps: 20, seed: 80 };
    const base = await runVariants("baseline", { base: [] }, opts);
    const plan = await runVariants("merchant-support", { on: [] }, opts);
    const d = pairedDifference(plan.on, base.base, (r) => sumDays(r, M.merchants_over_mark, r.days - 90) / 90);
    const line = describeDifference("merchants past 1M RMB a year (mean of the last 90 days), merchant-support minus baseline", d);
    console.info(line);
    expect(d.ci95[0], line).toBeGreaterThan(0);
  }, 900_000);

  it("with the incubation boost at 0 the plan is the baseline, byte for byte", async () => {
    const opts = { users: 10_000, days: 150, reps: 2, seed: 81 };
    const base = await runVariants("baseline", { base: [] }, opts);
    const plan = await runVariants("merchant-support", { off: ["levers.trafficSubsidy.growingMerchantBoost=0"] }, opts);
    for (let i = 0; i < opts.reps; i++) expect(Buffer.from(plan.off[i].series.buffer).equals(Buffer.from(base.base[i].series.buffer))).toBe(true);
  }, 300_000);
});
