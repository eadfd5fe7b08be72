/**
 * The statistics behind a comparison's columns: the t distribution's tail (for
 * p-values), the Holm–Bonferroni correction over many KPIs, and the
 * replications needed for a given power.
 */
import { describe, expect, it } from "vitest";
import { holmBonferroni } from "../../sim/stats/holm.js";
import { replicationsForPower } from "../../sim/stats/power.js";
import { regularizedIncompleteBeta, tTwoSidedP } from "../../sim/stats/t-distribution.js";
import { tQuantile975 } from "../../sim/stats/t-quantile.js";

describe("tTwoSidedP", () => {
  it("matches the closed forms on 1 and 2 degrees of freedom", () => {
    // 1 df: Cauchy, P(|T| ≥ t) = 1 − 2 atan(t) / π; 2 df: 1 − t / sqrt(t² + 2)
    for (const t of [0.1, 0.5, 1, 2.5, 7, 40]) {
      expect(tTwoSidedP(t, 1)).toBeCloseTo(1 - (2 * Math.atan(t)) / Math.PI, 12);
      expect(tTwoSidedP(-t, 2)).toBeCloseTo(1 - t / Math.sqrt(t * t + 2), 12);
    }
  });

  it("gives 0.05 at the 95% quantiles the intervals use, so an interval excludes 0 when p < 0.05", () => {
    for (const df of [1, 2, 3, 4, 9, 29, 30, 60, 200]) expect(tTwoSidedP(tQuantile975(df), df), `df ${df}`).toBeCloseTo(0.05, 4);
  });

  it("takes fractional df (Welch's) between the whole ones, and edge cases", () => {
    const p = tTwoSidedP(2.5, 3.5);
    expect(p).toBeGreaterThan(tTwoSidedP(2.5, 4));
    expect(p).toBeLessThan(tTwoSidedP(2.5, 3));
    expect(tTwoSidedP(0, 5)).toBe(1);
    expect(tTwoSidedP(Infinity, 5)).toBe(0);
    expect(tTwoSidedP(NaN, 5)).toBeNaN();
    expect(tTwoSidedP(1, 0)).toBeNaN();
  });

  it("rests on the regularized incomplete beta function (I_x(1, 1) = x, I_x(a, b) = 1 − I_(1−x)(b, a))", () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedIncompleteBeta(0.2, 2.5, 0.5)).toBeCloseTo(1 - regularizedIncompleteBeta(0.8, 0.5, 2.5), 12);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe("holmBonferroni", () => {
  it("works the documented example: only the smallest of 0.01, 0.04, 0.03 survives at 0.05", () => {
    const r = holmBonferroni([0.01, 0.04, 0.03]);
    expect(r.adjusted[0]).toBeCloseTo(0.03, 12);
    expect(r.adjusted[1]).toBeCloseTo(0.06, 12);
    expect(r.adjusted[2]).toBeCloseTo(0.06, 12);
    expect(r.survives).toEqual([true, false, false]);
    expect(r.m).toBe(3);
  });

  it("keeps the order of the raw p-values, caps at 1, and is Bonferroni for the smallest", () => {
    const p = [0.2, 0.001, 0.5, 0.008, 0.9, 0.03]; // 0.008 × 5 = 0.04 survives, 0.03 × 4 = 0.12 does not
    const r = holmBonferroni(p);
    expect(r.adjusted[1]).toBeCloseTo(6 * 0.001, 12);
    const byRaw = p.map((x, i) => [x, r.adjusted[i]]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < byRaw.length; i++) expect(byRaw[i][1]).toBeGreaterThanOrEqual(byRaw[i - 1][1]);
    for (let i = 0; i < p.length; i++) expect(r.adjusted[i]).toBeGreaterThanOrEqual(p[i]);
    expect(Math.max(...r.adjusted)).toBeLessThanOrEqual(1);
    expect(r.survives).toEqual([false, true, false, true, false, false]);
  });

  it("leaves NaN p-values out of the family, and takes another alpha", () => {
    const r = holmBonferroni([NaN, 0.02, 0.5], 0.05);
    expect(r.m).toBe(2);
    expect(r.adjusted[0]).toBeNaN();
    expect(r.adjusted[1]).toBeCloseTo(0.04, 12);
    expect(r.survives).toEqual([false, true, false]);
    expect(holmBonferroni([0.02, 0.5], 0.01).survives).toEqual([false, false]);
    expect(holmBonferroni([])).toEqual({ adjusted: [], survives: [], m: 0 });
  });
});

describe("replicationsForPower", () => {
  it("is ((z_0.975 + z_0.8) sd / |difference|)², rounded up, at least 2", () => {
    const z = 1.959964 + 0.841621;
    expect(replicationsForPower(10, 5)).toBe(Math.ceil((z * 2) ** 2)); // 31.4 → 32
    expect(replicationsForPower(10, -5)).toBe(32);
    expect(replicationsForPower(1, 100)).toBe(2);
    expect(replicationsForPower(0, 3)).toBe(2);
  });

  it("is NaN when there is no difference to detect", () => {
    expect(replicationsForPower(1, 0)).toBeNaN();
    expect(replicationsForPower(NaN, 1)).toBeNaN();
  });

  it("asks for more replications at a stricter level or higher power", () => {
    expect(replicationsForPower(10, 5, 0.01)).toBeGreaterThan(replicationsForPower(10, 5));
    expect(replicationsForPower(10, 5, 0.05, 0.9)).toBeGreaterThan(replicationsForPower(10, 5));
  });
});
