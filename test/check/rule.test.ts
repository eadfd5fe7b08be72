/** The rule a check is judged by: the mean in the band, open and exclusive ends, the tolerance, the status. */
import { describe, expect, it } from "vitest";
import { bandText, inBand, widenBand } from "../../sim/experiments/check/describe.js";
import { targetStatus } from "../../sim/experiments/check/evaluate.js";
import { resolveWindow } from "../../sim/experiments/check/measures.js";

describe("bands", () => {
  it("holds its ends unless they are exclusive, and leaves an open end open", () => {
    const closed = { min: 0.4, max: 0.55, minExclusive: false, maxExclusive: false };
    expect([0.4, 0.5, 0.55].map((x) => inBand(x, closed))).toEqual([true, true, true]);
    expect([0.39, 0.56, NaN].map((x) => inBand(x, closed))).toEqual([false, false, false]);
    const positive = { min: 0, minExclusive: true, maxExclusive: false };
    expect([0, 1e-9, 1e30].map((x) => inBand(x, positive))).toEqual([false, true, true]);
    expect(bandText(closed)).toBe("0.4..0.55");
    expect(bandText(positive)).toBe("> 0");
    expect(bandText({ max: 0, minExclusive: false, maxExclusive: false })).toBe("<= 0");
  });

  it("widens each bounded side by the larger of the fraction of its width and the half-width", () => {
    const b = { min: 10, max: 20, minExclusive: false, maxExclusive: false };
    expect(widenBand(b, 0.1, 0.5)).toMatchObject({ min: 9, max: 21 });
    expect(widenBand(b, 0.1, 3)).toMatchObject({ min: 7, max: 23 });
    // one-sided: the fraction of |bound|; at 0 only the half-width counts
    expect(widenBand({ min: 3, minExclusive: false, maxExclusive: false }, 0.1, 0.1)).toEqual({ min: 2.7, minExclusive: false, maxExclusive: false });
    expect(widenBand({ min: 0, minExclusive: true, maxExclusive: false }, 0.1, 2)).toEqual({ min: -2, minExclusive: true, maxExclusive: false });
  });
});

describe("windows", () => {
  it("counts negative days back from the end and 'end' as the end", () => {
    expect(resolveWindow([0, 90], 730)).toEqual([0, 90]);
    expect(resolveWindow([-90, "end"], 730)).toEqual([640, 730]);
    expect(resolveWindow([-90, -30], 365)).toEqual([275, 335]);
    expect(resolveWindow(undefined, 40)).toEqual([0, 40]);
    expect(resolveWindow([0, 500], 40)).toBeUndefined();
    expect(resolveWindow([-50, "end"], 40)).toBeUndefined();
  });
});

describe("target status", () => {
  it("is met or missed, and an expected miss that is met says so", () => {
    expect(targetStatus(true, false)).toBe("met");
    expect(targetStatus(false, false)).toBe("missed");
    expect(targetStatus(false, true)).toBe("expected miss");
    expect(targetStatus(true, true)).toBe("unexpectedly met");
  });
});
