import { describe, expect, it } from "vitest";
import { kpiValues } from "../../sim/experiments/kpis.js";
import { compareWithBaseline, describeComparison } from "../helpers/paired.js";

describe("merchant self-broadcast", () => {
  it("more self-broadcast raises the self-broadcast share of GMV", async () => {
    const c = await compareWithBaseline("more-self-broadcast", (r) => kpiValues(r).share_self_broadcast, {
      users: 10_000, days: 365, reps: 8, seed: 2024,
    });
    const line = describeComparison("self-broadcast share of GMV over a year", c);
    console.info(line);
    expect(c.difference.ci95[0], line).toBeGreaterThan(0);
  });
});
