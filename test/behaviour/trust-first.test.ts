/**
 * Trust first: the guarantee acts through what it changes for a buyer after
 * a bad purchase (trust lost, refund, no return hassle), not through a bonus
 * on every purchase. Its effect on trust comes from the smaller trust loss
 * of a covered bad purchase, so it must shrink to what governance alone does
 * when a covered bad purchase costs as much trust as an uncovered one.
 */
import { describe, expect, it } from "vitest";
import { kpiValues } from "../../sim/experiments/kpis.js";
import { compareWithBaseline, describeComparison } from "../helpers/paired.js";

const RUN = { users: 10_000, days: 365, reps: 8, seed: 2024 };
const trustEnd = (r: Parameters<typeof kpiValues>[0]) => kpiValues(r).trust_end;

describe("trust first", () => {
  it("raises users' trust, and most of the rise goes when a covered bad purchase costs the full trust loss", async () => {
    const on = await compareWithBaseline("trust-first", trustEnd, RUN);
    const off = await compareWithBaseline("trust-first", trustEnd, { ...RUN, set: ["trust.coveredLossShare=1"] });
    const lines = [describeComparison("trust at the end, guarantee on", on), describeComparison("trust at the end, covered loss = full loss", off)];
    console.info(lines.join("\n"));
    expect(on.difference.ci95[0], lines[0]).toBeGreaterThan(0);
    // what stays is governance (fewer bad sellers): well under the guarantee's own part
    expect(off.difference.mean, lines.join("\n")).toBeLessThan(0.6 * on.difference.mean);
  });
});
