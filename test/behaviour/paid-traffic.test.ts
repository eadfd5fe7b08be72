/**
 * Paid traffic everywhere: its harms come from what users see. A paid slot
 * reaches someone interested in the advertised category only as often as
 * the ad system's targeting manages (levers.paidTraffic.targeting); a
 * mistargeted item is worth little to its viewer (feed-value.ts) and is not
 * bought from. So NPS falls through the feed's felt value, and GMV through
 * lost feed purchases; each harm vanishes when its mechanism is switched off.
 */
import { describe, expect, it } from "vitest";
import { kpiValues } from "../../sim/experiments/kpis.js";
import { compareWithBaseline, describeComparison } from "../helpers/paired.js";

const RUN = { users: 10_000, days: 365, reps: 8, seed: 2024 };
const nps = (r: Parameters<typeof kpiValues>[0]) => kpiValues(r).nps_end;
const gmv = (r: Parameters<typeof kpiValues>[0]) => kpiValues(r).gmv_total;
const holdsZero = (ci: [number, number]) => ci[0] <= 0 && ci[1] >= 0;

describe("paid traffic everywhere", () => {
  it("gives a lower NPS than the baseline, and none once the feed's felt value no longer moves satisfaction", async () => {
    const on = await compareWithBaseline("paid-traffic-everywhere", nps, RUN);
    const off = await compareWithBaseline("paid-traffic-everywhere", nps, { ...RUN, set: ["users.feedSatisfactionLearning=0"] });
    const lines = [describeComparison("NPS at the end, feed experience on", on), describeComparison("NPS at the end, feed experience off", off)];
    console.info(lines.join("\n"));
    expect(on.difference.ci95[1], lines[0]).toBeLessThan(0);
    expect(holdsZero(off.difference.ci95), lines[1]).toBe(true);
  });

  it("sells less than the baseline through mistargeted slots, and not less with perfect targeting", async () => {
    const on = await compareWithBaseline("paid-traffic-everywhere", gmv, RUN);
    const off = await compareWithBaseline("paid-traffic-everywhere", gmv, { ...RUN, set: ["levers.paidTraffic.targeting=1"] });
    const lines = [describeComparison("GMV over a year, targeting 0.6", on), describeComparison("GMV over a year, targeting 1", off)];
    console.info(lines.join("\n"));
    expect(on.difference.ci95[1], lines[0]).toBeLessThan(0);
    expect(off.difference.ci95[1], lines[1]).toBeGreaterThan(0);
  });
});
