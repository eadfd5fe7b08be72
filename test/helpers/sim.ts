/**
 * Shared helpers of the model, CLI and behaviour tests: scenario files by
 * name, column sums over a replication's platform-scale series, and the
 * replication runner of the built package (worker threads load compiled
 * JavaScript, so runs on more than one thread need `npx tsc -p tsconfig.json`).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { COLUMNS } from "../../sim/model/metrics.js";
import type { ReplicationResult } from "../../sim/model/simulate.js";
import { loadScenarioSync, type Overrides } from "../../sim/scenario/load.js";
import type { Scenario } from "../../sim/scenario/schema.js";
import type { RunOptions, ScenarioRun } from "../../sim/experiments/run.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = `${ROOT}dist/cli/main.js`;

/** Path of scenarios/<name>.yaml. */
export function scenarioFile(name: string): string {
  return `${ROOT}scenarios/${name}.yaml`;
}

/** Scenario `name` from scenarios/, with command-line style overrides. */
export function scenario(name: string, overrides: Overrides = {}): Scenario {
  return loadScenarioSync(scenarioFile(name), overrides).scenario;
}

const cols = COLUMNS.length;

/** Value of column `col` on report day `day`. */
export function at(r: ReplicationResult, col: number, day: number): number {
  return r.series[day * cols + col];
}

/** Sum of column `col` over report days from..to, both included (clipped to the run). */
export function sumDays(r: ReplicationResult, col: number, from = 0, to = r.days - 1): number {
  let s = 0;
  for (let d = Math.max(0, from); d <= Math.min(r.days - 1, to); d++) s += at(r, col, d);
  return s;
}

/** Fail with a clear message when the package has not been built. */
export function requireBuild(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first with npx tsc -p tsconfig.json`);
}

/** runScenarios of the built package, whose worker threads can load dist/experiments/worker.js. */
export async function runBuilt(scenarios: Scenario[], opts: RunOptions): Promise<ScenarioRun[]> {
  requireBuild();
  const built = (await import(`${ROOT}dist/experiments/run.js`)) as typeof import("../../sim/experiments/run.js");
  return built.runScenarios(scenarios, opts);
}
