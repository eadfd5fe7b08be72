/** Time charts end at the horizon: a trailing bin of a day or two is left out (it drew as a spike), and day axes are not rounded up past the run. */
import { describe, expect, it } from "vitest";
import { bandsOf, byRepAndBin, SHARE_BAND, type TimeseriesRow } from "../../sim/report/series.js";
import { dayScale } from "../../sim/report/charts/common.js";

const rows = (days: number): TimeseriesRow[] => Array.from({ length: days }, (_, day) => ({ rep: 0, day, gmv: day }) as unknown as TimeseriesRow);

describe("time bins", () => {
  it("leave out a last bin of less than half a bin, and keep one of half or more", () => {
    const year = byRepAndBin(rows(365), 7).get(0)!;
    expect([...year.keys()].at(-1)).toBe(357); // day 364 alone would have been bin 364
    expect(year.get(357)!.map((r) => r.day)).toEqual([357, 358, 359, 360, 361, 362, 363]);
    const withFour = byRepAndBin(rows(368), 7).get(0)!; // days 364..367: four of seven
    expect([...withFour.keys()].at(-1)).toBe(364);
    expect(byRepAndBin(rows(365), 1).get(0)!.size).toBe(365);
  });

  it("run the day axis from 0 to the horizon exactly", () => {
    expect(dayScale(365)).toEqual({ domain: [0, 365], nice: false });
  });
});

describe("bands", () => {
  it("stay within the bounds of a share, and leave out bins that fewer than two replications reach", () => {
    const perRep = new Map([
      [0, new Map([[0, 0.9], [1, 0.02], [2, 0.5]])],
      [1, new Map([[0, NaN], [1, 0.4], [2, 0.52]])],
    ]);
    const free = bandsOf(perRep);
    expect(free.map((b) => b.day)).toEqual([0, 1, 2]);
    expect(free[1].lo).toBeLessThan(0); // a t interval on two values spreads far past 0
    const share = bandsOf(perRep, SHARE_BAND);
    expect(share.map((b) => b.day)).toEqual([1, 2]);
    for (const b of share) {
      expect(b.lo).toBeGreaterThanOrEqual(0);
      expect(b.hi).toBeLessThanOrEqual(1);
    }
    expect(share[1].mean).toBeCloseTo(0.51, 10);
  });

  it("draw the line of a run of one replication (it has no interval, and nothing to leave out)", () => {
    const one = new Map([[0, new Map([[0, 0.3], [1, 0.4]])]]);
    expect(bandsOf(one, SHARE_BAND)).toEqual([{ day: 0, mean: 0.3, lo: 0.3, hi: 0.3 }, { day: 1, mean: 0.4, lo: 0.4, hi: 0.4 }]);
  });
});
