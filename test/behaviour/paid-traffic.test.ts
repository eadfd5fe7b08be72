/**
 * Paid traffic: its harms come from what users see. A paid slot reaches
 * someone interested in the advertised category only as often as the ad
 * system's targeting manages (levers.paidTraffic.targeting); a mistargeted
 * item is worth little to its viewer (feed-value.ts) and is not bought from.
 * Under paid traffic everywhere, worse targeting lowers NPS through the
 * feed's felt value and GMV through lost purchases; each effect vanishes
 * when its mechanism is switched off.
 */
import { describe, expect, it } from "vitest";
import { kpiValues } from "../../sim/experiments/kpis.js";
import { compareVariants, describeComparison } from "../helpers/paired.js";

const RUN = { users: 10_000, days: 365, reps: 8, seed: 2024 };
const TARGETED = ["levers.paidTraffic.targeting=1"];
const UNTARGETED = ["levers.paidTraffic.targeting=0"];
const nps = (r: Parameters<typeof kpiValues>[0]) => kpiValues(r).nps_end;
const gmv = (r: Parameters<typeof kpiValues>[0]) => kpiValues(r).gmv_total;

describe("paid traffic everywhere", () => {
  it("lowers NPS when its slots are mistargeted, and not once the feed's felt value no longer moves satisfaction", async () => {
    const on = await compareVariants("paid-traffic-everywhere", TARGETED, UNTARGETED, nps, RUN);
    const off = await compareVariants("paid-traffic-everywhere", TARGETED, UNTARGETED, nps, { ...RUN, common: ["users.feedSatisfactionLearning=0"] });
    const lines = [describeComparison("NPS, untargeted minus targeted, feed experience on", on), describeComparison("NPS, untargeted minus targeted, feed experience off", off)];
    console.info(lines.join("\n"));
    expect(on.difference.ci95[1], lines[0]).toBeLessThan(0);
    expect(Math.abs(off.difference.mean), lines.join("\n")).toBeLessThan(Math.abs(on.difference.mean) / 3);
  });

  it("sells less when its slots are mistargeted, and targeting changes nothing without paid slots", async () => {
    const on = await compareVariants("paid-traffic-everywhere", TARGETED, UNTARGETED, gmv, RUN);
    const off = await compareVariants("paid-traffic-everywhere", TARGETED, UNTARGETED, gmv, { ...RUN, common: ["levers.paidTraffic.share=0"] });
    const lines = [describeComparison("GMV, untargeted minus targeted", on), describeComparison("GMV, untargeted minus targeted, no paid slots", off)];
    console.info(lines.join("\n"));
    expect(on.difference.ci95[1], lines[0]).toBeLessThan(0);
    expect(off.strategy, lines[1]).toEqual(off.baseline);
  });
});
