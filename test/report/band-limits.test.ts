/**
 * Bands stay inside what the quantity can be: GMV and revenue at or above 0,
 * trust and content pull in 0..1, counts at or above 0; a comparison's overlays
 * alike. Two replications far apart make a t interval reach far past the bounds.
 */
import { describe, expect, it } from "vitest";
import { compareOverlay, OVERLAYS } from "../../sim/report/charts/compare-overlay.js";
import { gmvDaily } from "../../sim/report/charts/gmv-daily.js";
import { trustNps } from "../../sim/report/charts/trust-nps.js";
import { userExperience } from "../../sim/report/charts/user-experience.js";
import type { RunMeta, TimeseriesRow } from "../../sim/report/read-report.js";
import { bands, meanOf, type BandPoint } from "../../sim/report/series.js";

const meta: RunMeta = {
  scenario: "spread", description: "", reps: 2, seeds: [1, 2], horizonDays: 3, scaleFactor: 1, resolution: null,
  platform: { users: NaN, creators: NaN, merchants: NaN },
};

/** Two replications, one near the bottom of each quantity's range and one near the top. */
const rows: TimeseriesRow[] = [0, 1].flatMap((rep) =>
  [0, 1, 2].map((day) => ({
    rep, day, seed: rep + 1,
    gmv: rep === 0 ? 0 : 1e6, trust_mean: rep === 0 ? 0.02 : 0.98, nps: rep === 0 ? -95 : 95,
    ad_fatigue_mean: rep === 0 ? 0 : 2, content_pull: rep === 0 ? 0.01 : 0.99, orders: 10, repeat_orders: 5, merchants_active: rep === 0 ? 0 : 50,
  })),
);
const series = { rows, binDays: 1 };

/** Every [lo, hi] pair inlined in a spec, at any depth. */
function intervals(spec: unknown): BandPoint[] {
  const out: BandPoint[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") {
      const o = n as Record<string, unknown>;
      if (typeof o.lo === "number" && typeof o.hi === "number") out.push(o as unknown as BandPoint);
      Object.values(o).forEach(walk);
    }
  };
  walk(spec);
  return out;
}

describe("band limits", () => {
  it("the unclipped t interval of these data does leave the range (the test data can fail)", () => {
    expect(bands(rows, 1, meanOf("gmv"))[0].lo).toBeLessThan(0);
    expect(bands(rows, 1, meanOf("trust_mean"))[0].hi).toBeGreaterThan(1);
  });

  it("GMV per day: the band stays at or above 0", () => {
    const ps = intervals(gmvDaily(series, meta));
    expect(ps.length).toBe(3);
    for (const p of ps) expect(p.lo).toBe(0);
  });

  it("trust stays in 0..1 and NPS in −100..100", () => {
    const [trust, nps] = (trustNps(series, meta) as unknown as { vconcat: object[] }).vconcat.map(intervals);
    expect(trust.length).toBe(3);
    for (const p of trust) expect([p.lo, p.hi]).toEqual([0, 1]);
    for (const p of nps) expect([p.lo, p.hi]).toEqual([-100, 100]);
  });

  it("users' experience: trust and content pull in 0..1, ad fatigue at or above 0", () => {
    for (const p of intervals(userExperience(series, meta))) {
      expect(p.lo).toBeGreaterThanOrEqual(0);
      if (p.mean < 1) expect(p.hi).toBeLessThanOrEqual(1);
    }
  });

  it("the comparison's GMV and merchant overlays stay at or above 0", () => {
    const runs = [{ meta, series }];
    for (const metric of [OVERLAYS.gmv, OVERLAYS.merchants]) for (const p of intervals(compareOverlay(runs, metric, true))) expect(p.lo).toBeGreaterThanOrEqual(0);
  });
});
