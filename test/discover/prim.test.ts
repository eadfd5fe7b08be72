/**
 * PRIM and CART on a design where the region is known: 2,000 uniform points
 * in four dimensions, yes where x1 > 0.6 and x2 < 0.3 (12% of the points),
 * without noise and with 5% of the labels flipped (then about 90 of the
 * 320 yes points lie outside the region, so coverage is judged against the
 * region's own). The chosen PRIM box
 * restricts x1 and x2 only, with bounds within 0.05 of 0.6 and 0.3; CART's
 * densest yes leaf is the same region. A categorical parameter is peeled a
 * value at a time.
 */
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import type { Dataset, Limit } from "../../sim/experiments/discover/box.js";
import { cart } from "../../sim/experiments/discover/cart.js";
import { prim, quantile } from "../../sim/experiments/discover/prim.js";

const NAMES = ["x1", "x2", "x3", "x4"];

function synthetic(noise: number, seed = "prim"): Dataset {
  const rng = seedrandom(seed);
  const x: number[][] = [];
  const y: boolean[] = [];
  for (let i = 0; i < 2000; i++) {
    const row = NAMES.map(() => rng());
    const truth = row[0] > 0.6 && row[1] < 0.3;
    x.push(row);
    y.push(rng() < noise ? !truth : truth);
  }
  return { parameters: NAMES.map((name) => ({ name, kind: "numeric" as const })), x, y };
}

/** Coverage of the true region: with flipped labels, yes points outside it cap what any box can cover. */
function regionCoverage(d: Dataset): number {
  const inside = d.x.map((row) => (row[0] as number) > 0.6 && (row[1] as number) < 0.3);
  return d.y.filter((y, i) => y && inside[i]).length / d.y.filter(Boolean).length;
}

function numeric(l: Limit): { low: number; high: number } {
  if (l.kind !== "numeric") throw new Error("not numeric");
  return l;
}

describe("PRIM", () => {
  it("finds x1 > 0.6 and x2 < 0.3 without noise", () => {
    const r = prim(synthetic(0)); // the defaults: alpha 0.05, minimum mass 0.05, threshold 0.8
    expect(r.rule).toBe("threshold");
    const box = r.chosen;
    expect(box.restricted.map((j) => NAMES[j])).toEqual(["x1", "x2"]);
    expect(Math.abs(numeric(box.limits[0]).low - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(numeric(box.limits[1]).high - 0.3)).toBeLessThan(0.05);
    expect(box.density).toBeGreaterThanOrEqual(0.9);
    expect(box.coverage).toBeGreaterThanOrEqual(0.8);
    // the trajectory starts with every point and ends above the minimum mass, coverage never rising
    expect(r.trajectory[0].mass).toBe(1);
    expect(r.trajectory[0].restricted).toEqual([]);
    expect(r.trajectory.at(-1)!.mass).toBeGreaterThanOrEqual(0.05);
    for (let i = 1; i < r.trajectory.length; i++) expect(r.trajectory[i].coverage).toBeLessThanOrEqual(r.trajectory[i - 1].coverage);
  });

  it("finds it with 5% of the labels flipped", () => {
    const data = synthetic(0.05, "noisy");
    const r = prim(data);
    const box = r.chosen;
    expect(box.restricted.map((j) => NAMES[j])).toEqual(["x1", "x2"]);
    expect(Math.abs(numeric(box.limits[0]).low - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(numeric(box.limits[1]).high - 0.3)).toBeLessThan(0.05);
    expect(box.density).toBeGreaterThanOrEqual(0.85);
    expect(regionCoverage(data)).toBeLessThan(0.75); // ~90 of ~320 yes points are flipped ones outside the region
    expect(box.coverage).toBeGreaterThanOrEqual(0.9 * regionCoverage(data));
  });

  it("with a threshold no box reaches, picks the densest", () => {
    const r = prim(synthetic(0.05, "noisy"), { threshold: 1.01 });
    expect(r.rule).toBe("densest");
    expect(r.trajectory[r.pickedIndex].density).toBe(Math.max(...r.trajectory.map((b) => b.density)));
  });

  it("peels a categorical parameter one value at a time", () => {
    const rng = seedrandom("cat");
    const kinds = ["a", "b", "c", "d"];
    const x: (number | string)[][] = [];
    const y: boolean[] = [];
    for (let i = 0; i < 800; i++) {
      const row = [kinds[Math.floor(rng() * 4)], rng()];
      x.push(row);
      y.push(row[0] === "c" && (row[1] as number) > 0.5);
    }
    const r = prim({ parameters: [{ name: "kind", kind: "categorical", values: kinds }, { name: "u", kind: "numeric" }], x, y }, { threshold: 0.95 });
    expect(r.chosen.limits[0]).toEqual({ kind: "categorical", values: ["c"] });
    expect(Math.abs(numeric(r.chosen.limits[1]).low - 0.5)).toBeLessThan(0.05);
  });

  it("quantiles move past ties", () => {
    expect(quantile([1, 1, 1, 2, 3], 0.05)).toBe(1.5);
    expect(quantile([1, 2, 3, 3, 3], 0.95)).toBe(2.5);
  });
});

describe("CART", () => {
  it("finds the same region", () => {
    for (const noise of [0, 0.05]) {
      const data = synthetic(noise, noise ? "noisy" : "prim");
      const r = cart(data);
      expect(r.boxes.length).toBeGreaterThan(0);
      const box = r.boxes[0];
      expect(box.restricted.map((j) => NAMES[j])).toEqual(["x1", "x2"]);
      expect(Math.abs(numeric(box.limits[0]).low - 0.6)).toBeLessThan(0.05);
      expect(Math.abs(numeric(box.limits[1]).high - 0.3)).toBeLessThan(0.05);
      expect(box.density).toBeGreaterThanOrEqual(noise ? 0.85 : 0.95);
      expect(box.coverage).toBeGreaterThanOrEqual(0.9 * regionCoverage(data));
      if (!noise) expect(box.coverage).toBeGreaterThanOrEqual(0.8);
    }
  });
});
