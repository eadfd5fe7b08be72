/** Where the package lives: the built-in scenarios and the version, found from the installed files. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** scenarios/ of the package (dist/experiments → ../../scenarios). */
export const SCENARIOS_DIR = fileURLToPath(new URL("../../scenarios/", import.meta.url));
export const BASELINE_FILE = fileURLToPath(new URL("../../scenarios/baseline.yaml", import.meta.url));

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8")) as { version: string };
  return pkg.version;
}
