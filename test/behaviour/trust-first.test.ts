/**
 * The trust guarantee acts through what it changes for a buyer after a bad
 * purchase (trust lost, refund, no return hassle), not through a bonus on
 * every purchase. Its effect on users' trust comes from the smaller trust
 * loss of a covered bad purchase and from returns no longer refused, so it
 * must mostly vanish when a covered bad purchase costs as much trust as an
 * uncovered one and a refused return costs nothing extra.
 */
import { describe, expect, it } from "vitest";
import { kpiValues } from "../../sim/experiments/kpis.js";
import { compareVariants, describeComparison } from "../helpers/paired.js";

const RUN = { users: 10_000, days: 365, reps: 8, seed: 2024 };
const GUARANTEE = ["levers.trustGuarantee.coverage=0.9"];
const trustEnd = (r: Parameters<typeof kpiValues>[0]) => kpiValues(r).trust_end;

describe("trust guarantee", () => {
  it("raises users' trust, and most of the rise goes when covered and refused bad purchases cost the same trust as others", async () => {
    const on = await compareVariants("baseline", [], GUARANTEE, trustEnd, RUN);
    const off = await compareVariants("baseline", [], GUARANTEE, trustEnd, { ...RUN, common: ["trust.coveredLossShare=1", "trust.refusedReturnEvidence=0"] });
    const lines = [describeComparison("trust at the end, guarantee minus none", on), describeComparison("trust at the end, guarantee minus none, trust mechanisms of the guarantee off", off)];
    console.info(lines.join("\n"));
    expect(on.difference.ci95[0], lines[0]).toBeGreaterThan(0);
    // what is left with those two mechanisms off comes through sellers: a covered claim still refunds the buyer, and
    // merchants who learn and leave on their results serve buyers better over the year (about a third of the rise)
    expect(Math.abs(off.difference.mean), lines.join("\n")).toBeLessThan(0.5 * on.difference.mean);
  });
});
