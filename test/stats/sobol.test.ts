/**
 * Sobol indices where they are known: the Ishigami function (a = 7, b = 0.1,
 * x uniform on [-pi, pi]^3) has S1 = (0.3139, 0.4424, 0) and
 * ST = (0.5576, 0.4424, 0.2437). The Saltelli/Jansen estimators on 4,096
 * Sobol base rows land within 0.03 of them, the bootstrap intervals hold
 * them and narrow as N grows. Also the Sobol sequence itself against its
 * published first points (Joe–Kuo new-joe-kuo-6.21201, as scipy's
 * unscrambled qmc.Sobol gives them), and the degenerate cases.
 */
import { describe, expect, it } from "vitest";
import { sobolPoints } from "../../sim/experiments/designs/sobol.js";
import { sobolIndices, type SobolOutputs } from "../../sim/stats/sobol.js";

const TRUE_S1 = [0.3139, 0.4424, 0];
const TRUE_ST = [0.5576, 0.4424, 0.2437];

function ishigami(x: readonly number[]): number {
  return Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
}

/** f(A), f(B), f(AB_i) of a function of k inputs on [-pi, pi]^k, from N Sobol rows. */
function saltelliOutputs(f: (x: readonly number[]) => number, k: number, n: number): SobolOutputs {
  const rows = sobolPoints(2 * k, n).map((p) => p.map((u) => -Math.PI + 2 * Math.PI * u));
  const a = rows.map((r) => r.slice(0, k));
  const b = rows.map((r) => r.slice(k));
  return {
    a: a.map(f),
    b: b.map(f),
    ab: Array.from({ length: k }, (_, i) => a.map((row, j) => f(row.map((u, c) => (c === i ? b[j][i] : u))))),
  };
}

describe("Sobol sequence", () => {
  it("gives the published first points (Joe–Kuo direction numbers), the origin skipped", () => {
    const x = sobolPoints(40, 15);
    const dims = [0, 1, 2, 3, 20, 39];
    const expected = [
      [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25, 0.25, 0.25],
      [0.25, 0.75, 0.75, 0.75, 0.75, 0.75],
      [0.375, 0.375, 0.625, 0.875, 0.125, 0.875],
      [0.875, 0.875, 0.125, 0.375, 0.625, 0.375],
      [0.625, 0.125, 0.875, 0.625, 0.375, 0.625],
      [0.125, 0.625, 0.375, 0.125, 0.875, 0.125],
      [0.1875, 0.3125, 0.9375, 0.4375, 0.1875, 0.5625],
    ];
    expected.forEach((row, i) => expect(dims.map((d) => x[i][d])).toEqual(row));
    expect(dims.map((d) => x[14][d])).toEqual([0.0625, 0.9375, 0.5625, 0.3125, 0.8125, 0.6875]);
    // the first 2^m points put one point in each of the 2^m equal intervals of every dimension
    const first16 = [[0, 0, 0, 0, 0], ...sobolPoints(40, 15).map((p) => [p[0], p[7], p[19], p[30], p[39]])];
    for (let d = 0; d < 5; d++) expect(new Set(first16.map((p) => Math.floor(p[d] * 16))).size).toBe(16);
  });

  it("refuses more points than it computes exactly", () => {
    expect(() => sobolPoints(4, 2 ** 20)).toThrow(RangeError);
    expect(() => sobolPoints(0, 4)).toThrow(RangeError);
  });
});

describe("Sobol indices (Saltelli 2010 first order, Jansen total)", () => {
  it("recover the Ishigami function's indices with 4,096 Sobol rows", () => {
    const r = sobolIndices(saltelliOutputs(ishigami, 3, 4096));
    expect(r.n).toBe(4096);
    r.indices.forEach((x, i) => {
      expect(Math.abs(x.s1 - TRUE_S1[i])).toBeLessThan(0.03);
      expect(Math.abs(x.st - TRUE_ST[i])).toBeLessThan(0.03);
      // the bootstrap 95% intervals hold the true values and the estimate
      expect(x.s1Low).toBeLessThanOrEqual(TRUE_S1[i]);
      expect(x.s1High).toBeGreaterThanOrEqual(TRUE_S1[i]);
      expect(x.stLow).toBeLessThanOrEqual(TRUE_ST[i]);
      expect(x.stHigh).toBeGreaterThanOrEqual(TRUE_ST[i]);
      expect(x.s1Low).toBeLessThanOrEqual(x.s1);
      expect(x.stHigh).toBeGreaterThanOrEqual(x.st);
    });
  });

  it("give narrower intervals with more rows, and the same intervals for the same seed", () => {
    const small = sobolIndices(saltelliOutputs(ishigami, 3, 512));
    const large = sobolIndices(saltelliOutputs(ishigami, 3, 4096));
    for (let i = 0; i < 3; i++) {
      expect(large.indices[i].s1High - large.indices[i].s1Low).toBeLessThan(small.indices[i].s1High - small.indices[i].s1Low);
      expect(large.indices[i].stHigh - large.indices[i].stLow).toBeLessThan(small.indices[i].stHigh - small.indices[i].stLow);
    }
    expect(sobolIndices(saltelliOutputs(ishigami, 3, 512), { seed: 1 })).toEqual(small);
    expect(sobolIndices(saltelliOutputs(ishigami, 3, 512), { seed: 2 }).indices[0].s1Low).not.toBe(small.indices[0].s1Low);
  });

  it("give exactly 0 to an input the output ignores, and about 1 to the one it follows", () => {
    const r = sobolIndices(saltelliOutputs((x) => 3 * x[0] + 1, 2, 256), { resamples: 50 });
    expect(r.indices[1].s1).toBe(0);
    expect(r.indices[1].st).toBe(0);
    expect(r.indices[1].stHigh).toBe(0);
    expect(Math.abs(r.indices[0].s1 - 1)).toBeLessThan(0.05);
    expect(Math.abs(r.indices[0].st - 1)).toBeLessThan(0.05);
  });

  it("give no indices (NaN, not Infinity) for an output that does not vary", () => {
    const r = sobolIndices(saltelliOutputs(() => 0.1 + 0.2, 2, 32));
    expect(r.variance).toBe(0);
    for (const x of r.indices) for (const v of Object.values(x)) expect(v).toBeNaN();
    expect(sobolIndices({ a: [1], b: [2], ab: [[1]] }).indices[0].s1).toBeNaN();
  });
});
