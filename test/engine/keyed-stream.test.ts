import { describe, expect, it } from "vitest";
import { KeyedStream } from "../../sim/engine/rng.js";

const draws = (s: KeyedStream, key: number, day: number, n = 5): number[] => {
  s.rekey(key, day);
  return Array.from({ length: n }, () => s.next());
};

describe("KeyedStream (per user-day common random numbers)", () => {
  it("gives the same draws for the same seed, name, key and day, whatever was drawn before", () => {
    const a = new KeyedStream(7, "user-days");
    const b = new KeyedStream(7, "user-days");
    draws(b, 99, 3, 50); // other users' draws in between do not shift this user's
    expect(draws(a, 12, 40)).toEqual(draws(b, 12, 40));
  });

  it("gives different draws for another key, day, seed or name", () => {
    const base = draws(new KeyedStream(7, "user-days"), 12, 40);
    expect(draws(new KeyedStream(7, "user-days"), 13, 40)).not.toEqual(base);
    expect(draws(new KeyedStream(7, "user-days"), 12, 41)).not.toEqual(base);
    expect(draws(new KeyedStream(8, "user-days"), 12, 40)).not.toEqual(base);
    expect(draws(new KeyedStream(7, "other"), 12, 40)).not.toEqual(base);
  });

  it("draws uniformly on [0, 1)", () => {
    const s = new KeyedStream(1, "u");
    const bins = new Array(10).fill(0);
    let n = 0;
    for (let key = 0; key < 2000; key++) {
      s.rekey(key, key % 365);
      for (let i = 0; i < 50; i++) {
        const x = s.next();
        expect(x >= 0 && x < 1).toBe(true);
        bins[Math.floor(x * 10)]++;
        n++;
      }
    }
    for (const b of bins) expect(Math.abs(b / n - 0.1)).toBeLessThan(0.005);
  });
});
