/** Shared by the report tests: temporary folders, the built CLI, and small real runs. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

export const ROOT = resolve(import.meta.dirname, "../..");
/** The built CLI; SIM_CLI points elsewhere (e.g. a harness) when needed. */
export const CLI = resolve(ROOT, process.env.SIM_CLI ?? "dist/cli/main.js");

/** Fresh temporary folders, removed by removeTempDirs (call it in afterAll). */
export { removeTempDirs, tempDir } from "../helpers/temp.js";

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function sim(args: string[]): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function isBuilt(): boolean {
  return existsSync(CLI);
}

/**
 * A small real run (a few seconds): 3,000 users, 60 days, 3 replications on
 * the default seeds, so two such runs pair. Returns the report folder.
 */
export function realRun(out: string, name: string, set: string[] = []): string {
  const args = ["run", "scenarios/baseline.yaml", "--users", "3000", "--days", "60", "--reps", "3", "--out", out, "--quiet", "--set", `name=${name}`];
  for (const s of set) args.push("--set", s);
  const r = sim(args);
  if (r.status !== 0) throw new Error(`sim run failed (${r.status}): ${r.stderr}`);
  return join(out, name);
}

/** Compile a Vega-Lite spec and render it to SVG with loggers that record every warning and error. */
export async function renderStrictly(spec: TopLevelSpec): Promise<{ messages: string[]; svg: string }> {
  const messages: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (_m, level, args) => messages.push(`${level} ${args.join(" ")}`));
  const vg = compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(vg), { renderer: "none", logger });
  const svg = await view.toSVG();
  view.finalize();
  return { messages, svg };
}
