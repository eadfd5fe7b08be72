/**
 * Paired comparisons of a strategy with the baseline: both run on the same
 * replication seeds (common random numbers), and the sign of an effect is
 * read from the 95% t interval of the per-replication differences.
 */
import type { ReplicationResult } from "../../sim/model/simulate.js";
import type { Overrides } from "../../sim/scenario/load.js";
import type { MeanInterval } from "../../sim/stats/mean-interval.js";
import { pairedInterval } from "../../sim/stats/paired-interval.js";
import { runBuilt, scenario } from "./sim.js";

export interface PairedComparison {
  strategy: number[];
  baseline: number[];
  /** strategy minus baseline, replication by replication */
  difference: MeanInterval;
}

export interface PairedOptions extends Overrides {
  reps: number;
  seed: number;
  threads?: number;
}

/** Run `strategy` and the baseline on shared seeds and compare `metric` pair by pair. */
export async function compareWithBaseline(strategy: string, metric: (r: ReplicationResult) => number, opts: PairedOptions): Promise<PairedComparison> {
  const { reps, seed, threads = 2, ...overrides } = opts;
  const [base, strat] = await runBuilt([scenario("baseline", overrides), scenario(strategy, overrides)], { reps, seed, threads });
  if (base.seeds.join() !== strat.seeds.join()) throw new Error("the two scenarios did not share their seeds");
  const baseline = base.results.map(metric);
  const strategyValues = strat.results.map(metric);
  return { strategy: strategyValues, baseline, difference: pairedInterval(strategyValues, baseline) };
}

/** One line for the test log and for failure messages. */
export function describeComparison(label: string, c: PairedComparison): string {
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const g = (x: number): string => x.toPrecision(4);
  const d = c.difference;
  return `${label}: strategy ${g(mean(c.strategy))}, baseline ${g(mean(c.baseline))}, ` +
    `difference ${g(d.mean)} (sd ${g(d.sd)}, 95% CI [${g(d.ci95[0])}, ${g(d.ci95[1])}], n ${d.n})`;
}

/**
 * Two variants of one scenario on shared seeds: `b` minus `a`, pair by pair.
 * For a mechanism's effect and its vanishing: the same comparison with the
 * mechanism switched off in both variants (`common`).
 */
export async function compareVariants(
  name: string, a: string[], b: string[], metric: (r: ReplicationResult) => number, opts: PairedOptions & { common?: string[] },
): Promise<PairedComparison> {
  const { reps, seed, threads = 2, common = [], ...overrides } = opts;
  const variant = (set: string[]) => scenario(name, { ...overrides, set: [...common, ...set] });
  const [runA, runB] = await runBuilt([variant(a), variant(b)], { reps, seed, threads });
  const baseline = runA.results.map(metric);
  const strategy = runB.results.map(metric);
  return { strategy, baseline, difference: pairedInterval(strategy, baseline) };
}
