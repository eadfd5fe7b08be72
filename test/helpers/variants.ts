/**
 * Several variants of one scenario run once on shared seeds (common random
 * numbers), so a behaviour test can read many paired differences from one
 * set of runs: the mechanism on and off, at two rates, and so on.
 */
import type { ReplicationResult } from "../../sim/model/simulate.js";
import type { MeanInterval } from "../../sim/stats/mean-interval.js";
import { pairedInterval } from "../../sim/stats/paired-interval.js";
import { runBuilt, scenario } from "./sim.js";

export interface VariantOptions {
  users: number;
  days: number;
  reps: number;
  seed: number;
  threads?: number;
}

/** Run `variants` (label → --set overrides) of scenarios/<name>.yaml; each label gets its replications in seed order. */
export async function runVariants(name: string, variants: Record<string, string[]>, opts: VariantOptions): Promise<Record<string, ReplicationResult[]>> {
  const labels = Object.keys(variants);
  const scenarios = labels.map((label) => scenario(name, { users: opts.users, days: opts.days, set: variants[label] }));
  const runs = await runBuilt(scenarios, { reps: opts.reps, seed: opts.seed, threads: opts.threads ?? 2 });
  const seeds = runs[0].seeds.join();
  if (runs.some((r) => r.seeds.join() !== seeds)) throw new Error("the variants did not share their seeds");
  return Object.fromEntries(labels.map((label, i) => [label, runs[i].results]));
}

/** `b` minus `a` of `metric`, replication by replication, with its 95% t interval. */
export function pairedDifference(b: ReplicationResult[], a: ReplicationResult[], metric: (r: ReplicationResult) => number): MeanInterval {
  return pairedInterval(b.map(metric), a.map(metric));
}

/** One line for the test log and failure messages. */
export function describeDifference(label: string, d: MeanInterval): string {
  const g = (x: number): string => x.toPrecision(4);
  return `${label}: ${g(d.mean)} (sd ${g(d.sd)}, 95% CI [${g(d.ci95[0])}, ${g(d.ci95[1])}], n ${d.n})`;
}
