/**
 * Shared helpers of the sweep tests: the built CLI in a child process, small
 * worlds (2,000 users, 40 days) so each run takes a fraction of a second, and
 * runs.csv read as a set of rows keyed by run key, without the wall time.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir as makeTempDir } from "../helpers/temp.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const CLI = join(ROOT, "dist/cli/main.js");
export const BASELINE = join(ROOT, "scenarios/baseline.yaml");
export const SMALL = ["--users", "2000", "--days", "40"];

export function isBuilt(): boolean {
  return existsSync(CLI);
}

export { removeTempDirs } from "../helpers/temp.js";
/** A temporary folder for this test file (removed by removeTempDirs). */
export const tempDir = (prefix: string): string => makeTempDir(`sweep-${prefix}`);

export function sim(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function simAsync(args: string[], cwd = ROOT): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
}

/** runs.csv as key → the row's text without the wall time (the only field that may differ between runs). */
export function runRows(dir: string): Map<string, string> {
  const text = readFileSync(join(dir, "runs.csv"), "utf8");
  const [header, ...lines] = text.split("\n").filter((l) => l !== "");
  const wall = header.split(",").indexOf("wall_sec");
  const rows = new Map<string, string>();
  for (const line of lines) {
    const fields = line.split(",");
    fields.splice(wall, 1);
    if (rows.has(fields[0])) throw new Error(`run ${fields[0]} is logged twice in ${dir}`);
    rows.set(fields[0], fields.join(","));
  }
  return rows;
}

/** Complete data lines of runs.csv (header excluded). */
export function loggedLines(dir: string): number {
  const file = join(dir, "runs.csv");
  if (!existsSync(file)) return 0;
  return Math.max(0, readFileSync(file, "utf8").split("\n").length - 2);
}

export function sorted(rows: Map<string, string>): string[] {
  return [...rows.values()].sort();
}
