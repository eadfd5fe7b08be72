import { describe, expect, it } from "vitest";
import { poisson, replicationSeed, Streams } from "../../sim/engine/rng.js";

const draws = (rng: () => number, n: number): number[] => Array.from({ length: n }, () => rng());

describe("Streams", () => {
  it("gives the same sequence for the same name and seed", () => {
    const a = new Streams(42).get("choice");
    const b = new Streams(42).get("choice");
    expect(draws(a, 1000)).toEqual(draws(b, 1000));
  });

  it("returns the one generator of a name, not a fresh copy", () => {
    const streams = new Streams(42);
    const first = streams.get("choice")();
    const second = streams.get("choice")();
    expect(second).not.toBe(first);
    expect([first, second]).toEqual(draws(new Streams(42).get("choice"), 2));
  });

  it("gives different sequences for different names on one seed", () => {
    const streams = new Streams(42);
    const a = draws(streams.get("choice"), 100);
    const b = draws(streams.get("orders"), 100);
    expect(a).not.toEqual(b);
    // not merely shifted copies of each other
    const shared = a.filter((x) => b.includes(x)).length;
    expect(shared).toBe(0);
  });

  it("gives different sequences for different seeds", () => {
    expect(draws(new Streams(1).get("choice"), 100)).not.toEqual(draws(new Streams(2).get("choice"), 100));
  });

  it("does not shift a stream's draws when another stream is added or drawn from", () => {
    const alone = new Streams(7);
    const expected = draws(alone.get("feed"), 500);

    const crowded = new Streams(7);
    const other = crowded.get("newcomer"); // made before, and drawn between
    draws(other, 123);
    const feed = crowded.get("feed");
    const got: number[] = [];
    for (let i = 0; i < 500; i++) {
      got.push(feed());
      other();
      crowded.get(`extra-${i % 5}`)();
    }
    expect(got).toEqual(expected);
  });

  it("draws uniformly on [0, 1)", () => {
    const xs = draws(new Streams(3).get("uniform"), 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    // sd of the mean: sqrt(1/12 / 1e5) ≈ 0.0009
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
  });
});

describe("replicationSeed", () => {
  it("is a function of base seed and replication, distinct across replications", () => {
    expect(replicationSeed(7, 3)).toBe(replicationSeed(7, 3));
    const seeds = new Set(Array.from({ length: 1000 }, (_, r) => replicationSeed(7, r)));
    expect(seeds.size).toBe(1000);
    expect(replicationSeed(7, 0)).not.toBe(replicationSeed(8, 0));
  });
});

describe("poisson", () => {
  // the inversion branch (small means) and the normal branch (means above 30)
  for (const mean of [0.05, 0.7, 3, 12, 29, 45, 400]) {
    it(`has mean and variance ≈ ${mean}`, () => {
      const rng = new Streams(11).get(`poisson-${mean}`);
      const n = 200_000;
      let sum = 0;
      let sumSq = 0;
      let isCount = true;
      for (let i = 0; i < n; i++) {
        const k = poisson(rng, mean);
        if (!Number.isInteger(k) || k < 0) isCount = false;
        sum += k;
        sumSq += k * k;
      }
      expect(isCount).toBe(true);
      const m = sum / n;
      const v = sumSq / n - m * m;
      // 5 standard errors of the mean (sd of the mean = sqrt(mean / n))
      expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(mean / n));
      expect(Math.abs(v / mean - 1)).toBeLessThan(0.05);
    });
  }

  it("returns 0 for a mean of 0 or less", () => {
    const rng = new Streams(1).get("p");
    expect(poisson(rng, 0)).toBe(0);
    expect(poisson(rng, -2)).toBe(0);
  });
});
