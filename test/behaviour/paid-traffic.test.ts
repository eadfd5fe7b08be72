import { describe, expect, it } from "vitest";
import { kpiValues } from "../../sim/experiments/kpis.js";
import { compareWithBaseline, describeComparison } from "../helpers/paired.js";

describe("paid traffic everywhere", () => {
  it("paid traffic everywhere gives a lower NPS than the baseline", async () => {
    const c = await compareWithBaseline("paid-traffic-everywhere", (r) => kpiValues(r).nps_end, {
      users: 10_000, days: 365, reps: 8, seed: 2024,
    });
    const line = describeComparison("NPS at the end of a year", c);
    console.info(line);
    expect(c.difference.ci95[1], line).toBeLessThan(0);
  });
});
