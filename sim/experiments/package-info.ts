/** Where the package lives: the built-in scenarios and the version, found from the installed files. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** scenarios/ of the package (dist/experiments → ../../scenarios). */
export const SCENARIOS_DIR = fileURLToPath(new URL("../../scenarios/", import.meta.url));
export const BASELINE_FILE = fileURLToPath(new URL("../../scenarios/baseline.yaml", import.meta.url));

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8")) as { version: string };
  return pkg.version;
}

let fingerprint: string | undefined;

/**
 * A hash of the code that computes a run (the model, the engine, the scenario
 * schema with its defaults), read from the installed files: two installs with
 * the same fingerprint give the same results for the same task. Workers of a
 * queued sweep must match the coordinator's.
 */
export function modelFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash("sha256");
  for (const part of ["model", "engine", "scenario"]) {
    const dir = fileURLToPath(new URL(`../${part}/`, import.meta.url));
    for (const file of listFiles(dir)) {
      hash.update(`${part}/${relative(dir, file)}\0`);
      hash.update(readFileSync(file));
    }
  }
  fingerprint = hash.digest("hex");
  return fingerprint;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}
