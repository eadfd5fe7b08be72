import { describe, expect, it } from "vitest";
import { kpiValues } from "../../sim/experiments/kpis.js";
import { compareWithBaseline, describeComparison } from "../helpers/paired.js";

describe("trust first", () => {
  it("trust first gives a higher repurchase rate than the baseline after a year", async () => {
    const c = await compareWithBaseline("trust-first", (r) => kpiValues(r).repurchase_rate, {
      users: 10_000, days: 365, reps: 8, seed: 2024,
    });
    const line = describeComparison("repurchase rate after a year", c);
    console.info(line);
    expect(c.difference.ci95[0], line).toBeGreaterThan(0);
  });
});
