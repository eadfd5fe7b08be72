import { describe, expect, it } from "vitest";
import { pairedRatioInterval, welchRatioInterval } from "../../sim/stats/ratio-interval.js";

describe("pairedRatioInterval", () => {
  it("is the ratio of mean differences with a delta-method t interval on n-1 df", () => {
    const r = pairedRatioInterval([3, 4, 8], [1, 2, 3]);
    expect(r.ratio).toBeCloseTo(2.5, 12);
    expect(r.se).toBeCloseTo(0.25, 12);
    expect(r.ci95[0]).toBeCloseTo(2.5 - 4.303 * 0.25, 12);
    expect(r.ci95[1]).toBeCloseTo(2.5 + 4.303 * 0.25, 12);
  });

  it("collapses on the ratio when every pair has it", () => {
    expect(pairedRatioInterval([2, 4, 6], [1, 2, 3]).ci95).toEqual([2, 2]);
  });

  it("has no interval for one pair or a zero mean denominator, and refuses unequal lengths", () => {
    expect(pairedRatioInterval([1], [2]).ci95.every(Number.isNaN)).toBe(true);
    expect(pairedRatioInterval([1, 2], [1, -1]).ci95.every(Number.isNaN)).toBe(true);
    expect(() => pairedRatioInterval([1, 2], [1])).toThrow(RangeError);
  });

  it("covers the true ratio about 95% of the time on simulated pairs", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const normal = () => Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
    let covered = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const dy = Array.from({ length: 10 }, () => 100 + 10 * normal());
      const dx = dy.map((y) => 3 * y + 20 * normal());
      const r = pairedRatioInterval(dx, dy);
      if (r.ci95[0] <= 3 && 3 <= r.ci95[1]) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.92);
    expect(covered / trials).toBeLessThan(0.98);
  });
});

describe("welchRatioInterval", () => {
  it("is the ratio of the differences of means", () => {
    const r = welchRatioInterval([10, 12], [4, 6], [2, 2], [1, 1]);
    expect(r.ratio).toBeCloseTo(2.25, 12);
    expect(r.ci95[0]).toBeLessThan(2.25);
    expect(r.ci95[1]).toBeGreaterThan(2.25);
  });
});
