/**
 * A calibration, from its spec to its result:
 *
 *   lock the folder → open runs.csv (the runs already logged) → evaluate the
 *   start point → CMA-ES generations (ask → evaluate → tell) until the budget
 *   is spent, the search converges or stalls → the held-out targets at the
 *   start and the best point → the uncertainty of each parameter
 *
 * The optimizer's draws come from the calibration's seed and every loss from
 * logged runs, so a calibration that was interrupted replays what it did from
 * the log, without running again what it ran, and goes on: the result is the
 * same as if it had never stopped.
 */
import { hostname } from "node:os";
import { resolve } from "node:path";
import { queueName } from "../queue/address.js";
import { mkdirSync } from "node:fs";
import { Streams } from "../../engine/rng.js";
import { CmaEs } from "../../stats/cmaes.js";
import { lockSweepFolder } from "../sweep/folder.js";
import { RunLog } from "../sweep/run-log.js";
import { calibrationLogHeader, checksLoss, Evaluator, type EvaluatorProgress } from "./evaluator.js";
import type { CalibrationParameter, CalibrationResult, CalibrationSpec, CheckFit, Evaluation, ParameterUncertainty, StopReason } from "./spec.js";

/** A rise of the loss over the best that is within noise: the 95% point of chi-square with one degree of freedom. */
export const WITHIN_NOISE = 3.84;
/** Generations without a better best before the search counts as stalled. */
export const STALL_GENERATIONS = 8;
/** The search has converged when every coordinate's spread is below this share of its range. */
export const CONVERGED_SPREAD = 1e-3;

/** A parameter's value at a point of the unit box (rounded to 4 significant digits, or a whole number, inside its range). */
export function decodeParameter(p: CalibrationParameter, u: number): number {
  const raw = rawValue(p, u);
  const rounded = p.isInteger ? Math.round(raw) : Number(raw.toPrecision(4));
  return Math.min(p.max, Math.max(p.min, rounded));
}

/** A parameter's value as a point of the unit box. */
export function encodeParameter(p: CalibrationParameter, v: number): number {
  if (p.max === p.min) return 0.5;
  return p.scale === "log" ? (Math.log(v) - Math.log(p.min)) / (Math.log(p.max) - Math.log(p.min)) : (v - p.min) / (p.max - p.min);
}

/** The priors' part of the loss: Σ ((x − mean) / sd)², x on the search scale. */
export function priorLoss(parameters: readonly CalibrationParameter[], values: Record<string, number>): number {
  let s = 0;
  for (const p of parameters) {
    if (!p.prior) continue;
    const x = p.scale === "log" ? Math.log(values[p.path]) : values[p.path];
    s += ((x - p.prior.mean) / p.prior.sd) ** 2;
  }
  return s;
}

export interface CalibrationProgress {
  generation: number;
  evaluations: number;
  budget: number;
  bestLoss: number;
  runs: EvaluatorProgress;
}

export interface CalibrationOptions {
  threads: number;
  /** run through this Redis queue (redis://host:port/db) on `sim worker` processes */
  queueUrl?: string;
  version: string;
  onStart?: (info: { alreadyLogged: number; droppedTornBytes: number }) => void;
  onProgress?: (p: CalibrationProgress) => void;
  /** after each generation (and the start point), with the evaluations so far */
  onGeneration?: (evaluations: readonly Evaluation[]) => void;
}

export async function calibrate(spec: CalibrationSpec, dir: string, opts: CalibrationOptions): Promise<CalibrationResult> {
  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  const unlock = lockSweepFolder(dir);
  try {
    const { log, rows, droppedTornBytes } = RunLog.open(dir, calibrationLogHeader(spec));
    try {
      const queue = opts.queueUrl
        ? { url: opts.queueUrl, name: queueName("calibrate", spec.name, opts.version, JSON.stringify(spec), hostname(), resolve(dir)), what: `calibration ${spec.name}` }
        : undefined;
      const evaluator = new Evaluator(spec, opts.version, log, rows, opts.threads, queue);
      opts.onStart?.({ alreadyLogged: evaluator.logged, droppedTornBytes });
      return await search(spec, evaluator, opts, started);
    } finally {
      log.close();
    }
  } finally {
    unlock();
  }
}

async function search(spec: CalibrationSpec, evaluator: Evaluator, opts: CalibrationOptions, started: number): Promise<CalibrationResult> {
  const fitted = spec.targets.filter((t) => !t.holdout);
  const heldOut = spec.targets.filter((t) => t.holdout);
  const evaluations: Evaluation[] = [];
  let generation = 0;
  const bestLoss = (): number => Math.min(...evaluations.map((e) => e.loss));
  const evaluate = async (sets: Record<string, number>[]): Promise<CheckFit[][]> =>
    evaluator.evaluate(sets, fitted, (runs) => opts.onProgress?.({ generation, evaluations: evaluations.length, budget: spec.budget, bestLoss: evaluations.length ? bestLoss() : NaN, runs }));
  let phase: Evaluation["phase"] = "start";
  const record = (values: Record<string, number>, checks: CheckFit[]): void => {
    evaluations.push({ index: evaluations.length, generation, phase, values, checks, loss: checksLoss(checks, fitted) + priorLoss(spec.parameters, values) });
  };

  const startValues = Object.fromEntries(spec.parameters.map((p) => [p.path, p.start]));
  record(startValues, (await evaluate([startValues]))[0]);
  opts.onGeneration?.(evaluations);

  const cma = new CmaEs({
    mean: spec.parameters.map((p) => encodeParameter(p, p.start)),
    sigma: spec.sigma,
    lambda: spec.population,
    random: new Streams(spec.seed).get("calibrate:cma-es"),
  });
  let stopReason: StopReason = "budget";
  phase = "search";
  let sinceBetter = 0;
  while (evaluations.length + cma.lambda <= spec.budget) {
    generation++;
    const before = bestLoss();
    const candidates = cma.ask();
    const sets = candidates.map((u) => Object.fromEntries(spec.parameters.map((p, i) => [p.path, decodeParameter(p, u[i])])));
    const results = await evaluate(sets);
    sets.forEach((values, i) => record(values, results[i]));
    cma.tell(candidates, evaluations.slice(-candidates.length).map((e) => e.loss));
    opts.onGeneration?.(evaluations);
    sinceBetter = bestLoss() < before ? 0 : sinceBetter + 1;
    if (Math.max(...cma.stdDevs()) < CONVERGED_SPREAD) {
      stopReason = "converged";
      break;
    }
    if (sinceBetter >= STALL_GENERATIONS) {
      stopReason = "stalled";
      break;
    }
  }

  // the profile through the best point of the search: the loss along each parameter, the others held
  const searchBest = lowest(spec, evaluations);
  const slices = profileSets(spec, searchBest.values);
  if (slices.length > 0) {
    generation++;
    phase = "profile";
    const results = await evaluate(slices);
    slices.forEach((values, i) => record(values, results[i]));
    opts.onGeneration?.(evaluations);
  }
  const best = lowest(spec, evaluations);
  // held-out targets: judged at the start and the best point only, never fitted
  const held = heldOut.length > 0 ? await evaluator.evaluate([startValues, best.values], heldOut) : [[], []];
  return {
    format: "livecommerce-sim calibration 1",
    version: opts.version,
    spec,
    seeds: evaluator.seeds,
    evaluations,
    best: best.index,
    before: [...evaluations[0].checks, ...held[0]],
    after: [...best.checks, ...held[1]],
    threshold: WITHIN_NOISE,
    uncertainty: uncertainty(spec, evaluations, best, searchBest),
    stopReason,
    isImproved: best.index !== 0,
    runs: { total: evaluator.logged, ranNow: evaluator.ranNow },
    wallSec: (performance.now() - started) / 1000,
  };
}

/**
 * The best evaluation: the lowest loss; among equal losses (a plateau where
 * every fitted check is inside its band, loss 0), the one nearest the start
 * in units of each parameter's range, the smallest change that fits as well;
 * then the earliest.
 */
export function lowest(spec: CalibrationSpec, evaluations: readonly Evaluation[]): Evaluation {
  const start = evaluations[0];
  const distance = (e: Evaluation): number => Math.hypot(...spec.parameters.map((p) => encodeParameter(p, e.values[p.path]) - encodeParameter(p, start.values[p.path])));
  return evaluations.reduce((b, e) => (e.loss < b.loss || (e.loss === b.loss && distance(e) < distance(b)) ? e : b), evaluations[0]);
}

/**
 * The profile's parameter sets: for each parameter, `steps` points on each
 * side of the best, evenly out to `span` of its range (on its scale), inside
 * the range; the others at their best values. Points that round to the best
 * value or to one already listed are left out.
 */
export function profileSets(spec: CalibrationSpec, best: Record<string, number>): Record<string, number>[] {
  const { steps, span } = spec.profile;
  const sets: Record<string, number>[] = [];
  for (const p of spec.parameters) {
    const u0 = encodeParameter(p, best[p.path]);
    const seen = new Set([best[p.path]]);
    for (let k = -steps; k <= steps; k++) {
      if (k === 0) continue;
      const u = u0 + (k / steps) * span;
      if (u < 0 || u > 1) continue;
      const v = decodeParameter(p, u);
      if (seen.has(v)) continue;
      seen.add(v);
      sets.push({ ...best, [p.path]: v });
    }
  }
  return sets;
}

/**
 * Each parameter's range within noise of the best. Along the profile when
 * there is one (the profile's points of that parameter and the point it went
 * through; where the loss crosses best + WITHIN_NOISE, linearly between
 * points), else over all evaluations within noise.
 */
export function uncertainty(spec: CalibrationSpec, evaluations: readonly Evaluation[], best: Evaluation, through: Evaluation): ParameterUncertainty[] {
  const limit = best.loss + WITHIN_NOISE;
  const within = evaluations.filter((e) => e.loss <= limit);
  return spec.parameters.map((p) => {
    const base = { path: p.path, best: best.values[p.path], start: p.start, within: within.length };
    const line = evaluations
      .filter((e) => e.phase === "profile" && spec.parameters.every((q) => q.path === p.path || e.values[q.path] === through.values[q.path]) && e.values[p.path] !== through.values[p.path])
      .concat([through])
      .map((e) => ({ u: encodeParameter(p, e.values[p.path]), loss: e.loss }))
      .sort((a, b) => a.u - b.u);
    if (line.length < 2) {
      const values = within.map((e) => e.values[p.path]);
      return { ...base, method: "evaluated" as const, low: Math.min(...values), high: Math.max(...values), lowOpen: false, highOpen: false };
    }
    const centre = line.findIndex((x) => x.u === encodeParameter(p, through.values[p.path]));
    const side = (dir: 1 | -1): { u: number; open: boolean } => {
      let i = centre;
      while (i + dir >= 0 && i + dir < line.length) {
        const a = line[i];
        const b = line[i + dir];
        if (b.loss > limit) return { u: a.loss > limit ? a.u : a.u + ((limit - a.loss) / (b.loss - a.loss)) * (b.u - a.u), open: false };
        i += dir;
      }
      return { u: line[i].u, open: true };
    };
    const lo = side(-1);
    const hi = side(1);
    return { ...base, method: "profile" as const, low: rawValue(p, lo.u), high: rawValue(p, hi.u), lowOpen: lo.open, highOpen: hi.open };
  });
}

/** A parameter's value at a point of the unit box, unrounded. */
function rawValue(p: CalibrationParameter, u: number): number {
  return p.scale === "log" ? Math.exp(Math.log(p.min) + u * (Math.log(p.max) - Math.log(p.min))) : p.min + u * (p.max - p.min);
}
