/**
 * The runs a set of targets needs: each scenario a target names, resolved
 * with the target's overrides and horizon and the command line's users and
 * days, once per distinct resolved scenario. Every run has the same
 * replication seeds (common random numbers), so any two pair by replication.
 *
 * A run lives in `<out>/runs/<scenario name>-<hash>/`, a report folder as
 * `sim run` writes it; the hash is of the resolved scenario, the seeds and the
 * version. A later check reuses the folder when its manifest says the same
 * scenario, seeds and version, its summary has the KPIs the checks read, and
 * the model's code is the one that made it (check-run.json holds a hash of the
 * code; the version alone does not change while the model is being worked on).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ScenarioErrors, type ScenarioError } from "../../scenario/errors.js";
import { loadScenario } from "../../scenario/load.js";
import type { Scenario } from "../../scenario/schema.js";
import { canonicalJson } from "../sweep/plan.js";
import { createHash } from "node:crypto";
import { kpisOf, resolveWindow, windowsOf } from "./measures.js";
import type { TargetsFile, TargetSpec } from "./spec.js";
import { errorAt } from "./targets-file.js";
import { setEntry } from "../sweep/spec.js";

export interface CheckSize {
  users?: number;
  days?: number;
  reps: number;
  seeds: number[];
  version: string;
  /** codeFingerprint() of the running code */
  code: string;
}

/** The file beside a run's tables that says which code made it. */
export const CHECK_RUN_FILE = "check-run.json";

/**
 * A hash of the code a run's numbers depend on: the model, the engine, the
 * scenario loading and resolution, the KPIs and the table writer (the files
 * of the running build, read from beside this module).
 */
export function codeFingerprint(): string {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const hash = createHash("sha256");
  const add = (rel: string): void => {
    const path = join(root, rel);
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (/\.(js|ts)$/.test(entry) && !entry.endsWith(".d.ts")) add(join(rel, entry));
      return;
    }
    hash.update(rel).update("\0").update(readFileSync(path)).update("\0");
  };
  for (const rel of ["model", "engine", "scenario", "experiments/kpis", "experiments/run", "experiments/worker", "report/tables"]) {
    add(existsSync(join(root, rel)) ? rel : `${rel}${existsSync(join(root, `${rel}.js`)) ? ".js" : ".ts"}`);
  }
  return hash.digest("hex").slice(0, 16);
}

export interface PlannedRun {
  /** `<scenario name>-<hash>`: the folder name under runs/ */
  id: string;
  scenario: Scenario;
  /** the scenario file (absolute) and the overrides that made it */
  file: string;
  set: Record<string, unknown>;
  /** KPI keys the checks read from this run's summary */
  kpis: Set<string>;
}

export interface CheckPlan {
  runs: PlannedRun[];
  /** target id → scenario name (of that target) → run id */
  runOf: Map<string, Map<string, string>>;
}

/** The run id of a resolved scenario on the given seeds and version. */
export function runId(scenario: Scenario, seeds: readonly number[], version: string): string {
  const hash = createHash("sha256").update(canonicalJson({ scenario, seeds, version })).digest("hex").slice(0, 12);
  return `${scenario.name}-${hash}`;
}

/**
 * Load every scenario the targets name (their own errors point into their
 * files) and check each window against its run's horizon (errors point into
 * the targets file). Throws ScenarioErrors with every problem found.
 */
export async function planRuns(files: TargetsFile[], size: CheckSize): Promise<CheckPlan> {
  const runs = new Map<string, PlannedRun>();
  const runOf = new Map<string, Map<string, string>>();
  const errors = [];
  const loaded = new Map<string, Scenario>();
  const failed = new Set<string>();
  for (const f of files) {
    for (const t of f.targets) {
      const names = new Map<string, string>();
      for (const [name, ref] of Object.entries(t.scenarios)) {
        const days = size.days ?? t.horizonDays;
        const overrides = { set: Object.entries(ref.set).map(([p, v]) => setEntry(p, v)), days, users: size.users };
        const key = canonicalJson({ file: ref.file, overrides });
        if (failed.has(key)) continue;
        let scenario = loaded.get(key);
        if (!scenario) {
          try {
            scenario = (await loadScenario(ref.file, overrides)).scenario;
          } catch (err) {
            if (err instanceof ScenarioErrors) {
              failed.add(key);
              errors.push(...err.errors);
              continue;
            }
            throw err;
          }
          loaded.set(key, scenario);
        }
        const id = runId(scenario, size.seeds, size.version);
        if (!runs.has(id)) runs.set(id, { id, scenario, file: ref.file, set: ref.set, kpis: new Set() });
        names.set(name, id);
      }
      runOf.set(t.id, names);
      errors.push(...windowErrors(t, names, runs));
      for (const c of t.checks) {
        for (const name of [c.of, c.against]) {
          const id = name === undefined ? undefined : names.get(name);
          if (id) for (const k of kpisOf(c.measure)) runs.get(id)!.kpis.add(k);
        }
      }
    }
  }
  if (errors.length > 0) throw new ScenarioErrors(errors);
  return { runs: [...runs.values()], runOf };
}

function windowErrors(t: TargetSpec, names: Map<string, string>, runs: Map<string, PlannedRun>) {
  return targetWindowErrors(t, (name) => {
    const id = names.get(name);
    return id ? runs.get(id)!.scenario.horizonDays : undefined;
  });
}

/** Errors (pointing into the targets file) for each window of the target's checks that does not fit in its run's horizon. */
export function targetWindowErrors(t: TargetSpec, horizonOf: (scenarioName: string) => number | undefined): ScenarioError[] {
  const errors: ScenarioError[] = [];
  for (const c of t.checks) {
    for (const name of [c.of, c.against]) {
      const days = name === undefined ? undefined : horizonOf(name);
      if (days === undefined) continue;
      for (const w of windowsOf(c.measure)) {
        if (resolveWindow(w.window, days)) continue;
        errors.push(errorAt(t.absFile, [...c.path, "measure", ...w.path], `the window [${w.window.join(", ")}) does not fit in the ${days}-day run of '${name}'`, `days from 0 to ${days} (negative: counted back from the end), fromDay before toDay`));
      }
    }
  }
  return errors;
}

/** Why a run folder cannot be reused, or undefined when it can. */
export function reuseProblem(dir: string, run: PlannedRun, size: CheckSize): string | undefined {
  if (!existsSync(join(dir, "manifest.json"))) return "no manifest.json";
  let code: unknown;
  try {
    code = (JSON.parse(readFileSync(join(dir, CHECK_RUN_FILE), "utf8")) as { code?: unknown }).code;
  } catch {
    code = undefined;
  }
  if (code !== size.code) return "made by other code (or not by sim check)";
  if (!existsSync(join(dir, "summary.json")) || !existsSync(join(dir, "timeseries.csv"))) return "missing summary.json or timeseries.csv";
  let manifest: { scenario?: unknown; seeds?: unknown; version?: unknown };
  let summary: { kpis?: Record<string, { values?: unknown }> };
  try {
    manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
  } catch {
    return "unreadable manifest.json or summary.json";
  }
  if (manifest.version !== size.version) return `made by version ${String(manifest.version)}`;
  if (canonicalJson(manifest.seeds) !== canonicalJson(size.seeds)) return "other seeds";
  if (canonicalJson(manifest.scenario) !== canonicalJson(JSON.parse(JSON.stringify(run.scenario)))) return "another scenario";
  for (const k of run.kpis) {
    const v = summary.kpis?.[k]?.values;
    if (!Array.isArray(v) || v.length !== size.reps) return `no values of KPI ${k}`;
  }
  return undefined;
}
