/**
 * One platform at two sample sizes: every headline KPI of the baseline must
 * agree, up to noise, whether 90,000 or 120,000 simulated users stand for the
 * platform's 300 million (experiments/resolution.ts: the Welch interval of
 * the gap holds 0, or the gap is within the KPI's tolerance: totals 7%,
 * rates and shares 0.02, NPS 3 points). The full check at three sizes and
 * with lever scenarios is `npm run resolution`. Below about 70,000 users
 * levels are biased low (a category then has few simulated merchants and
 * creators: docs/MODEL.md, Known limits; measured GMV -8% at 40,000 against
 * 120,000, -1% at 70,000; and with creators that grow, GMV shares by creator
 * tier 2 points apart at 70,000 against 120,000), so the test stays above it.
 */
import { describe, expect, it } from "vitest";
import { compareSizes } from "../../sim/experiments/resolution.js";
import { kpiValues } from "../../sim/experiments/kpis.js";
import { runBuilt, scenario } from "../helpers/sim.js";

const SIZES = [90_000, 120_000];
const REPS = [4, 4];

describe("resolution", () => {
  it("gives the same headline KPIs at 90,000 and 120,000 simulated users", async () => {
    const baseline = scenario("baseline");
    const perSize = [];
    for (let i = 0; i < SIZES.length; i++) {
      const [run] = await runBuilt([scenario("baseline", { users: SIZES[i] })], { reps: REPS[i], seed: 11, threads: 2 });
      perSize.push([run.results.map(kpiValues)]);
    }
    const rows = compareSizes({ baseline, scenarios: [], sizes: SIZES, reps: REPS }, perSize);
    const table = rows.map((r) => `${r.key}: ${r.cells.map((c) => `${c.value.mean.toPrecision(4)} [${c.value.ci95.map((x) => x.toPrecision(4)).join(", ")}]`).join("  vs  ")}${r.agrees[0] ? "" : "  DISAGREES"}`);
    console.info(table.join("\n"));
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => !r.agrees[0]).map((r) => r.key), table.join("\n")).toEqual([]);
  });
});
