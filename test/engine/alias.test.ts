import { describe, expect, it } from "vitest";
import { AliasTables } from "../../sim/engine/alias.js";
import { Streams } from "../../sim/engine/rng.js";

/** Pearson's chi-square statistic of observed counts against expected probabilities. */
function chiSquare(counts: readonly number[], probs: readonly number[], n: number): number {
  let x2 = 0;
  for (let i = 0; i < counts.length; i++) {
    if (probs[i] === 0) continue;
    const e = probs[i] * n;
    x2 += (counts[i] - e) ** 2 / e;
  }
  return x2;
}

// upper 0.1% points of the chi-square distribution, by degrees of freedom
const CHI2_999: Record<number, number> = { 3: 16.27, 4: 18.47, 5: 20.52, 6: 22.46, 7: 24.32 };

describe("AliasTables", () => {
  it("draws each index with frequency proportional to its weight", () => {
    const weights = Float64Array.from([5, 1, 0.5, 2.5, 10, 1]);
    const tables = new AliasTables(1, weights.length);
    tables.build(0, weights, 0, weights.length);
    const total = weights.reduce((s, w) => s + w, 0);
    const probs = Array.from(weights, (w) => w / total);
    const rng = new Streams(5).get("alias");
    const n = 300_000;
    const counts = new Array(weights.length).fill(0);
    for (let i = 0; i < n; i++) counts[tables.draw(0, rng)]++;
    expect(chiSquare(counts, probs, n)).toBeLessThan(CHI2_999[weights.length - 1]);
    for (let i = 0; i < weights.length; i++) expect(Math.abs(counts[i] / n - probs[i])).toBeLessThan(0.005);
  });

  it("never draws a zero weight, and draws absolute indices within a table's slice", () => {
    // two tables sharing the arrays: table 1 over weights[4 .. 12)
    const weights = Float64Array.from([9, 9, 9, 9, 0, 3, 0, 1, 1, 0, 2, 1]);
    const tables = new AliasTables(2, weights.length);
    tables.build(0, weights, 0, 4);
    tables.build(1, weights, 4, 8);
    const rng = new Streams(6).get("alias");
    const n = 200_000;
    const counts = new Array(weights.length).fill(0);
    for (let i = 0; i < n; i++) counts[tables.draw(1, rng)]++;
    for (let i = 0; i < 4; i++) expect(counts[i]).toBe(0);
    for (const i of [4, 6, 9]) expect(counts[i]).toBe(0);
    const slice = Array.from(weights.slice(4));
    const total = slice.reduce((s, w) => s + w, 0);
    const nonZero = slice.filter((w) => w > 0).length;
    expect(chiSquare(counts.slice(4), slice.map((w) => w / total), n)).toBeLessThan(CHI2_999[nonZero - 1]);
    // building table 1 left table 0 intact: uniform over its four equal weights
    const counts0 = new Array(4).fill(0);
    for (let i = 0; i < 100_000; i++) counts0[tables.draw(0, rng)]++;
    expect(chiSquare(counts0, [0.25, 0.25, 0.25, 0.25], 100_000)).toBeLessThan(CHI2_999[3]);
  });

  it("handles very skewed weights", () => {
    const weights = new Float64Array(8).fill(1e-3);
    weights[3] = 1000;
    const tables = new AliasTables(1, 8);
    tables.build(0, weights, 0, 8);
    const total = weights.reduce((s, w) => s + w, 0);
    const rng = new Streams(8).get("alias");
    const n = 1_000_000;
    let hits = 0;
    let rare = 0;
    for (let i = 0; i < n; i++) {
      const k = tables.draw(0, rng);
      if (k === 3) hits++;
      else rare++;
    }
    // about 7 rare draws are expected (7e-3 / 1000 of a million); a table that mixed up
    // prob and alias would give the rare indices far more
    const expectedRare = ((7 * 1e-3) / total) * n;
    expect(rare).toBeLessThan(expectedRare + 5 * Math.sqrt(expectedRare) + 5);
    expect(hits).toBeGreaterThan(n - 30);
  });

  it("leaves a table of zero weights empty: draw returns -1", () => {
    const weights = new Float64Array(5);
    const tables = new AliasTables(1, 5);
    tables.build(0, weights, 0, 5);
    expect(tables.size[0]).toBe(0);
    expect(tables.draw(0, new Streams(1).get("alias"))).toBe(-1);
  });

  it("is deterministic for a seeded stream", () => {
    const weights = Float64Array.from([1, 2, 3, 4]);
    const tables = new AliasTables(1, 4);
    tables.build(0, weights, 0, 4);
    const a = new Streams(9).get("alias");
    const b = new Streams(9).get("alias");
    const seqA = Array.from({ length: 200 }, () => tables.draw(0, a));
    const seqB = Array.from({ length: 200 }, () => tables.draw(0, b));
    expect(seqA).toEqual(seqB);
  });
});
