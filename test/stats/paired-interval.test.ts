import { describe, expect, it } from "vitest";
import { pairedInterval } from "../../sim/stats/paired-interval.js";
import { welchInterval } from "../../sim/stats/welch-interval.js";

describe("pairedInterval", () => {
  it("is the mean of the differences with a t interval on n-1 df", () => {
    // differences 2, 3, 2: mean 7/3, sd 1/sqrt(3), half-width 4.303 * sd / sqrt(3) = 4.303 / 3
    const r = pairedInterval([3, 5, 4], [1, 2, 2]);
    expect(r.mean).toBeCloseTo(7 / 3, 12);
    expect(r.sd).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(r.ci95[0]).toBeCloseTo(7 / 3 - 4.303 / 3, 12);
    expect(r.ci95[1]).toBeCloseTo(7 / 3 + 4.303 / 3, 12);
    expect(r.n).toBe(3);
  });

  it("collapses on zero when both sides are the same", () => {
    const r = pairedInterval([1.5, 2.5, 9], [1.5, 2.5, 9]);
    expect(r.mean).toBe(0);
    expect(r.ci95).toEqual([0, 0]);
  });

  it("refuses pairs of different lengths", () => {
    expect(() => pairedInterval([1, 2], [1])).toThrow(RangeError);
  });
});

describe("welchInterval", () => {
  it("uses the Welch–Satterthwaite df, rounded down, for the t quantile", () => {
    // var x = 1, var y = 1/3; se^2 = 1/3 + 1/9 = 4/9; df = (4/9)^2 / ((1/3)^2/2 + (1/9)^2/2) = 3.2 → t(3) = 3.182
    const r = welchInterval([3, 5, 4], [1, 2, 2]);
    expect(r.mean).toBeCloseTo(7 / 3, 12);
    expect(r.se).toBeCloseTo(2 / 3, 12);
    expect(r.df).toBeCloseTo(3.2, 12);
    expect(r.ci95[0]).toBeCloseTo(7 / 3 - 3.182 * (2 / 3), 12);
    expect(r.ci95[1]).toBeCloseTo(7 / 3 + 3.182 * (2 / 3), 12);
  });

  it("is wider than the paired interval when the pairs share their noise", () => {
    const base = [100, 140, 90, 160];
    const scen = base.map((x, i) => x + 5 + (i % 2 ? 1 : -1));
    const p = pairedInterval(scen, base);
    const w = welchInterval(scen, base);
    expect(p.ci95[1] - p.ci95[0]).toBeLessThan((w.ci95[1] - w.ci95[0]) / 10);
  });

  it("gives a NaN interval with fewer than two values on a side", () => {
    expect(welchInterval([1], [1, 2]).ci95.every(Number.isNaN)).toBe(true);
  });
});
