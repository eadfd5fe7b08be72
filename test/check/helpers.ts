/**
 * Shared helpers of the `sim check` tests: the built CLI in a child process,
 * temporary folders, and targets files written from lines.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir as makeTempDir } from "../helpers/temp.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const CLI = join(ROOT, process.env.SIM_CLI ?? "dist/cli/main.js");
export const SCENARIOS = join(ROOT, "scenarios");

export function requireBuild(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run build; npm test does it)`);
}

export { removeTempDirs } from "../helpers/temp.js";
/** A temporary folder for this test file (removed by removeTempDirs). */
export const tempDir = (prefix: string): string => makeTempDir(`check-${prefix}`);

export function writeLines(dir: string, name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

export function sim(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
