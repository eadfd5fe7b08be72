/**
 * Delivery time and shocks act through what buyers experience. The cloud
 * warehouse delivers sooner than buyers expect, which lifts the experience of
 * its purchases and so satisfaction and NPS; with the warehouse's service and
 * return effects switched off, all of that comes through delivery time, and
 * it must vanish when delivery time does not matter (delivery.weight 0). A
 * regional shock (scenarios/shock.yaml) lowers GMV while it lasts, GMV comes
 * back toward the baseline after it, and deliveries take longer during it.
 * The shock runs at 50,000 users: how fast the gap closes needs a platform
 * whose sample of merchants and creators is near the size where levels
 * settle (docs/MODEL.md, small samples); at 20,000 it closed half as fast.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { M } from "../../sim/model/metrics.js";
import type { ReplicationResult } from "../../sim/model/simulate.js";
import { pairedInterval } from "../../sim/stats/paired-interval.js";
import { meanInterval } from "../../sim/stats/mean-interval.js";
import { compareVariants, describeComparison, type PairedComparison } from "../helpers/paired.js";
import { runBuilt, scenario, sumDays } from "../helpers/sim.js";

const RUN = { users: 10_000, days: 200, reps: 8, seed: 2024 };
const SHOCK_RUN = { users: 50_000, days: 300, reps: 8, seed: 2024, threads: 2 };
/** the warehouse's other effects off, so that it acts only through delivery time */
const DELIVERY_ONLY = ["levers.fulfilment.serviceBoost=0", "levers.fulfilment.returnReduction=0"];
const WAREHOUSE = ["levers.fulfilment.share=0.5"];
/** scenarios/shock.yaml: from day 60 for 56 days */
const SHOCK = { from: 60, to: 115 };
const AFTER = { from: 181, to: 299 };

const meanOver = (r: ReplicationResult, col: number, from: number, to: number): number => sumDays(r, col, from, to) / (to - from + 1);
const meanNps = (r: ReplicationResult): number => meanOver(r, M.nps, 0, r.days - 1);

describe("delivery time", () => {
  it("a cloud warehouse raises NPS through shorter deliveries, and the rise vanishes when delivery time does not matter", async () => {
    const on = await compareVariants("baseline", [], WAREHOUSE, meanNps, { ...RUN, common: DELIVERY_ONLY });
    const off = await compareVariants("baseline", [], WAREHOUSE, meanNps, { ...RUN, common: [...DELIVERY_ONLY, "delivery.weight=0"] });
    const lines = [
      describeComparison("mean NPS over the run, warehouse for half the merchants minus none (service and returns effects off)", on),
      describeComparison("the same with delivery.weight 0", off),
    ];
    console.info(lines.join("\n"));
    expect(on.difference.ci95[0], lines[0]).toBeGreaterThan(0);
    expect(Math.abs(off.difference.mean), lines.join("\n")).toBeLessThan(0.25 * on.difference.mean);
  });
});

describe("a regional shock", () => {
  // scenarios/shock.yaml and the baseline on shared seeds, run once for both tests
  let base: ReplicationResult[];
  let shock: ReplicationResult[];
  beforeAll(async () => {
    const [b, s] = await runBuilt([scenario("baseline", { users: SHOCK_RUN.users, days: SHOCK_RUN.days }), scenario("shock", { users: SHOCK_RUN.users, days: SHOCK_RUN.days })], SHOCK_RUN);
    if (b.seeds.join() !== s.seeds.join()) throw new Error("the two scenarios did not share their seeds");
    base = b.results;
    shock = s.results;
  }, 600_000);

  it("lowers GMV during the shock against the baseline, and GMV comes back toward the baseline afterwards", () => {
    const window = (w: { from: number; to: number }): PairedComparison => {
      const strategy = shock.map((r) => sumDays(r, M.gmv, w.from, w.to));
      const baseline = base.map((r) => sumDays(r, M.gmv, w.from, w.to));
      return { strategy, baseline, difference: pairedInterval(strategy, baseline) };
    };
    const during = window(SHOCK);
    const after = window(AFTER);
    // the gap relative to the baseline's GMV of the same window and seed
    const relative = (c: PairedComparison) => meanInterval(c.strategy.map((s, i) => s / c.baseline[i] - 1));
    const gapDuring = relative(during);
    const gapAfter = relative(after);
    // the recovery: how much of the relative gap has closed, replication by replication
    const recovery = meanInterval(after.strategy.map((s, i) => s / after.baseline[i] - during.strategy[i] / during.baseline[i]));
    const g = (x: number) => (100 * x).toFixed(2);
    const lines = [
      describeComparison(`GMV days ${SHOCK.from}-${SHOCK.to} (the shock), shock minus baseline`, during),
      describeComparison(`GMV days ${AFTER.from}-${AFTER.to} (after it), shock minus baseline`, after),
      `relative gap: during ${g(gapDuring.mean)}% [${g(gapDuring.ci95[0])}, ${g(gapDuring.ci95[1])}], after ${g(gapAfter.mean)}% [${g(gapAfter.ci95[0])}, ${g(gapAfter.ci95[1])}], ` +
        `closed ${g(recovery.mean)} points [${g(recovery.ci95[0])}, ${g(recovery.ci95[1])}]`,
    ];
    console.info(lines.join("\n"));
    expect(during.difference.ci95[1], lines[0]).toBeLessThan(0);
    expect(recovery.ci95[0], lines.join("\n")).toBeGreaterThan(0);
  });

  it("makes deliveries take longer during the shock than before it", () => {
    const before = shock.map((r) => meanOver(r, M.delivery_days, 0, SHOCK.from - 1));
    const during = shock.map((r) => meanOver(r, M.delivery_days, SHOCK.from, SHOCK.to));
    const d = pairedInterval(during, before);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const line = `delivery days: before the shock ${mean(before).toFixed(3)}, during ${mean(during).toFixed(3)}, difference ${d.mean.toFixed(3)} (95% CI [${d.ci95[0].toFixed(3)}, ${d.ci95[1].toFixed(3)}], n ${d.n})`;
    console.info(line);
    expect(d.ci95[0], line).toBeGreaterThan(0);
  });
});
