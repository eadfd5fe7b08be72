/**
 * The profile through the best point and the range within noise it gives,
 * on a loss whose answer is known: loss = ((x − 0.5) / 0.05)² on a parameter
 * searched on [0, 1]. Within noise (a rise of 3.84) is |x − 0.5| ≤ 0.05 ×
 * √3.84 = 0.098; with profile points 0.05 apart the linear interpolation
 * lands within a point's spacing of it.
 */
import { describe, expect, it } from "vitest";
import { lowest, profileSets, uncertainty, WITHIN_NOISE } from "../../sim/experiments/calibrate/calibrate.js";
import type { CalibrationSpec, Evaluation } from "../../sim/experiments/calibrate/spec.js";

const P = { path: "users.activityMean", min: 0, max: 1, scale: "linear" as const, isInteger: false, start: 0.2 };
const Q = { path: "users.churnBasePerDay", min: 0.001, max: 0.01, scale: "log" as const, isInteger: false, start: 0.002 };

function spec(steps: number, span: number): CalibrationSpec {
  return {
    name: "t", description: "", file: "t.yaml", absFile: "/t.yaml", base: "/b.yaml", set: [], parameters: [P, Q], targets: [],
    reps: 2, seed: 1, budget: 10, population: 4, sigma: 0.3, profile: { steps, span },
  };
}

const loss = (v: Record<string, number>) => ((v[P.path] - 0.5) / 0.05) ** 2;

function evaluation(index: number, values: Record<string, number>, phase: Evaluation["phase"]): Evaluation {
  return { index, generation: phase === "profile" ? 2 : 1, phase, values, checks: [], loss: loss(values) };
}

describe("the profile through the best", () => {
  it("lists points each side of the best along one parameter at a time, inside the range", () => {
    const best = { [P.path]: 0.5, [Q.path]: 0.002 };
    const sets = profileSets(spec(2, 0.2), best);
    const alongP = sets.filter((s) => s[Q.path] === 0.002).map((s) => s[P.path]);
    expect(alongP).toEqual([0.3, 0.4, 0.6, 0.7]);
    // along the log parameter, the steps are even on the log scale: 0.1 and 0.2 of log(10) each side
    const alongQ = sets.filter((s) => s[P.path] === 0.5).map((s) => s[Q.path]);
    expect(alongQ.map((q) => Math.log10(q / 0.002)).map((x) => Number(x.toFixed(2)))).toEqual([-0.2, -0.1, 0.1, 0.2]);
    // near an end of the range, points outside it are left out
    expect(profileSets(spec(2, 0.2), { [P.path]: 0.05, [Q.path]: 0.002 }).filter((s) => s[Q.path] === 0.002).map((s) => s[P.path])).toEqual([0.15, 0.25]);
  });

  it("gives the range where the loss stays within noise of the best, and says which ends it did not reach", () => {
    const s = spec(6, 0.3);
    const best = { [P.path]: 0.5, [Q.path]: 0.002 };
    const evaluations = [evaluation(0, best, "search"), ...profileSets(s, best).map((v, i) => evaluation(i + 1, v, "profile"))];
    const [u, flat] = uncertainty(s, evaluations, evaluations[0], evaluations[0]);
    const half = 0.05 * Math.sqrt(WITHIN_NOISE);
    expect(u.method).toBe("profile");
    expect(Math.abs(u.low - (0.5 - half))).toBeLessThan(0.05);
    expect(Math.abs(u.high - (0.5 + half))).toBeLessThan(0.05);
    expect(u.lowOpen || u.highOpen).toBe(false);
    // the loss does not depend on the second parameter: within noise all along, open at both ends
    expect(flat.lowOpen && flat.highOpen).toBe(true);
    expect(flat.low).toBeLessThan(0.002);
    expect(flat.high).toBeGreaterThan(0.002);
  });

  it("without a profile, takes the range of all evaluations within noise", () => {
    const s = spec(0, 0.2);
    const evaluations = [0.3, 0.45, 0.5, 0.52, 0.7].map((x, i) => evaluation(i, { [P.path]: x, [Q.path]: 0.002 }, "search"));
    const [u] = uncertainty(s, evaluations, evaluations[2], evaluations[2]);
    expect(u.method).toBe("evaluated");
    expect([u.low, u.high]).toEqual([0.45, 0.52]);
  });
});

describe("the best point", () => {
  it("is the lowest loss, and of equal losses the nearest the start", () => {
    const s = spec(0, 0.2);
    const at = (i: number, x: number, l: number): Evaluation => ({ index: i, generation: 1, phase: i === 0 ? "start" : "search", values: { [P.path]: x, [Q.path]: 0.002 }, checks: [], loss: l });
    // the start at 0.2; two points fit (loss 0): 0.9 found first, 0.35 nearer the start
    expect(lowest(s, [at(0, 0.2, 5), at(1, 0.9, 0), at(2, 0.6, 1), at(3, 0.35, 0)]).index).toBe(3);
    // a lower loss wins whatever its distance
    expect(lowest(s, [at(0, 0.2, 5), at(1, 0.9, 0), at(2, 0.21, 0.5)]).index).toBe(1);
  });
});
