/**
 * The designs: a grid has every combination and nothing else; a Latin
 * hypercube has one point per stratum of every parameter, inside the bounds;
 * Morris trajectories move one parameter at a time by delta; all are seeded.
 */
import { describe, expect, it } from "vitest";
import { Streams } from "../../sim/engine/rng.js";
import { gridDesign, gridSize } from "../../sim/experiments/designs/grid.js";
import { lhsDesign } from "../../sim/experiments/designs/lhs.js";
import { morrisDelta, morrisDesign } from "../../sim/experiments/designs/morris.js";
import { csvDesign } from "../../sim/experiments/designs/csv.js";
import { expandRange, type ParameterSpec } from "../../sim/experiments/designs/types.js";
import { ScenarioError } from "../../sim/scenario/errors.js";

const values = (path: string, v: number[]): ParameterSpec => ({ path, kind: "values", values: v, written: "" });
const uniform = (path: string, min: number, max: number, isInteger = false): ParameterSpec => ({ path, kind: "distribution", distribution: "uniform", min, max, isInteger, written: "" });

describe("grid design", () => {
  it("has every combination of the stated values, first parameter slowest", () => {
    const points = gridDesign([values("a", [0, 0.05, 0.1]), values("b", expandRange(0.2, 0.6, 0.1))]);
    expect(points).toHaveLength(15);
    expect(gridSize([values("a", [0, 0.05, 0.1]), values("b", expandRange(0.2, 0.6, 0.1))])).toBe(15);
    expect(points[0].values).toEqual({ a: 0, b: 0.2 });
    expect(points[4].values).toEqual({ a: 0, b: 0.6 });
    expect(points[5].values).toEqual({ a: 0.05, b: 0.2 });
    const pairs = new Set(points.map((p) => `${p.values.a}|${p.values.b}`));
    expect(pairs.size).toBe(15);
  });

  it("expands from/to/step without floating-point drift, both ends included", () => {
    expect(expandRange(0.2, 0.6, 0.1)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6]);
    expect(expandRange(0, 1, 0.25)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(expandRange(0, 0.95, 0.1)).toHaveLength(10);
  });
});

describe("Latin hypercube design", () => {
  const params = [uniform("a", 0.2, 0.6), uniform("b", 10, 20, true), { path: "c", kind: "distribution", distribution: "loguniform", min: 0.001, max: 0.1, isInteger: false, written: "" } as ParameterSpec];

  it("has N points, each parameter within its bounds and once in each of N strata", () => {
    const n = 40;
    const points = lhsDesign(params, n, new Streams(7).get("design:lhs"));
    expect(points).toHaveLength(n);
    const strata = (xs: number[], toUnit: (x: number) => number) => new Set(xs.map((x) => Math.min(n - 1, Math.floor(toUnit(x) * n))));
    const a = points.map((p) => p.values.a as number);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...a)).toBeLessThanOrEqual(0.6);
    expect(strata(a, (x) => (x - 0.2) / 0.4).size).toBe(n);
    const c = points.map((p) => p.values.c as number);
    expect(Math.min(...c)).toBeGreaterThanOrEqual(0.001);
    expect(Math.max(...c)).toBeLessThanOrEqual(0.1);
    expect(strata(c, (x) => Math.log(x / 0.001) / Math.log(100)).size).toBe(n);
    const b = points.map((p) => p.values.b as number);
    expect(b.every((x) => Number.isInteger(x) && x >= 10 && x <= 20)).toBe(true);
  });

  it("is the same for the same seed and differs for another", () => {
    const one = lhsDesign(params, 10, new Streams(1).get("design:lhs"));
    expect(lhsDesign(params, 10, new Streams(1).get("design:lhs"))).toEqual(one);
    expect(lhsDesign(params, 10, new Streams(2).get("design:lhs"))).not.toEqual(one);
  });

  it("stratifies a list of values too: each value equally often", () => {
    const points = lhsDesign([values("v", [1, 2, 3, 4])], 8, new Streams(3).get("design:lhs"));
    const counts = [1, 2, 3, 4].map((v) => points.filter((p) => p.values.v === v).length);
    expect(counts).toEqual([2, 2, 2, 2]);
  });
});

describe("Morris design", () => {
  it("has r trajectories of k + 1 points, each step moving one parameter by delta", () => {
    const params = [uniform("a", 0, 1), uniform("b", 0, 10), values("c", [1, 2, 3, 4])];
    const r = 6;
    const points = morrisDesign(params, { trajectories: r, levels: 4 }, new Streams(5).get("design:morris"));
    expect(points).toHaveLength(r * (params.length + 1));
    const delta = morrisDelta(4);
    for (let t = 0; t < r; t++) {
      const traj = points.slice(t * 4, t * 4 + 4);
      const moved = new Set<number>();
      for (let i = 1; i < traj.length; i++) {
        const changes = traj[i].unit!.map((u, j) => [j, u - traj[i - 1].unit![j]] as const).filter(([, d]) => Math.abs(d) > 1e-12);
        expect(changes).toHaveLength(1);
        expect(Math.abs(changes[0][1])).toBeCloseTo(delta, 10);
        moved.add(changes[0][0]);
      }
      expect(moved.size).toBe(3);
      for (const p of traj) expect(p.unit!.every((u) => u >= 0 && u <= 1)).toBe(true);
    }
    for (const p of points) {
      expect(p.values.a as number).toBeGreaterThanOrEqual(0);
      expect(p.values.b as number).toBeLessThanOrEqual(10);
      expect([1, 2, 3, 4]).toContain(p.values.c);
    }
  });
});

describe("csv design", () => {
  it("reads a header of paths and rows of values", () => {
    const d = csvDesign("a,b\n0.1,true\n0.2,false\n", "points.csv");
    expect(d.paths).toEqual(["a", "b"]);
    expect(d.points.map((p) => p.values)).toEqual([{ a: 0.1, b: true }, { a: 0.2, b: false }]);
  });

  it("names the line of a short row", () => {
    try {
      csvDesign("a,b\n0.1,1\n0.2\n", "points.csv");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ScenarioError);
      expect((err as ScenarioError).message).toMatch(/^points\.csv:3:1: the row has 1 value/);
    }
  });
});
