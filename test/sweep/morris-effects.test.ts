/**
 * Morris screening on a function whose effects are known: the design and the
 * elementary-effects measures rank the parameters by the size of their
 * effect, find the one that does nothing, and flag the interacting pair by
 * sigma. Also the helpers the tornado uses (a linear fit).
 */
import { describe, expect, it } from "vitest";
import { Streams } from "../../sim/engine/rng.js";
import { morrisDesign } from "../../sim/experiments/designs/morris.js";
import type { ParameterSpec } from "../../sim/experiments/designs/types.js";
import { elementaryEffects } from "../../sim/stats/elementary-effects.js";
import { leastSquares } from "../../sim/stats/least-squares.js";

const param = (path: string, min = 0, max = 1): ParameterSpec => ({ path, kind: "distribution", distribution: "uniform", min, max, isInteger: false, written: "" });

describe("Morris elementary effects", () => {
  it("rank a function's parameters by effect size and flag the interaction", () => {
    // y = 10 a - 5 b + 2 c d + 0 e (+ a little curvature in a) on [0, 1]^5, except b on [0, 2]
    const params = [param("a"), param("b", 0, 2), param("c"), param("d"), param("e")];
    const f = (v: Record<string, number>) => 10 * v.a + 0.5 * v.a * v.a - 2.5 * v.b + 2 * v.c * v.d + 0 * v.e;
    const points = morrisDesign(params, { trajectories: 30, levels: 4 }, new Streams(11).get("design:morris"));
    const outputs = points.map((p) => ({ unit: p.unit!, trajectory: p.trajectory!, y: f(p.values as Record<string, number>) }));
    const idx = elementaryEffects(outputs, params.length);
    const byMuStar = params.map((p, j) => [p.path, idx[j].muStar] as const).sort((x, y) => y[1] - x[1]).map(([p]) => p);
    expect(byMuStar.slice(0, 2)).toEqual(["a", "b"]);
    expect(byMuStar[4]).toBe("e");
    // a's effect per unit range is 10 + a bit of curvature; b's is -2.5 per unit × a range of 2 = -5
    expect(idx[0].muStar).toBeGreaterThan(10);
    expect(idx[0].muStar).toBeLessThan(11);
    expect(idx[1].mu).toBeCloseTo(-5, 8);
    expect(idx[1].sigma).toBeCloseTo(0, 8);
    // e does nothing; c and d interact, so their effects vary (sigma > 0), a's only slightly (curvature)
    expect(idx[4].muStar).toBe(0);
    expect(idx[2].sigma).toBeGreaterThan(0.3);
    expect(idx[3].sigma).toBeGreaterThan(0.3);
    expect(idx[0].n).toBe(30);
  });

  it("skip steps whose output is missing", () => {
    const idx = elementaryEffects([{ unit: [0], trajectory: 0, y: 1 }, { unit: [0.5], trajectory: 0, y: NaN }], 1);
    expect(idx[0].n).toBe(0);
    expect(idx[0].muStar).toBeNaN();
  });
});

describe("leastSquares", () => {
  it("recovers an exact linear relation", () => {
    const rows = [[0, 0], [1, 0], [0, 1], [1, 1], [0.5, 0.2]];
    const coef = leastSquares(rows, rows.map(([x, z]) => 1 + 2 * x - 3 * z));
    expect(coef[0]).toBeCloseTo(1, 9);
    expect(coef[1]).toBeCloseTo(2, 9);
    expect(coef[2]).toBeCloseTo(-3, 9);
  });

  it("gives NaN with too few rows", () => {
    expect(leastSquares([[1]], [2]).every(Number.isNaN)).toBe(true);
  });
});
