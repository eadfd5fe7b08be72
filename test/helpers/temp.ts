/** Temporary folders of a test file, removed together after it (afterAll(removeTempDirs)). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

/** A new folder under the system's temporary folder, named sim-<prefix>-XXXXXX. */
export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `sim-${prefix}-`));
  made.push(d);
  return d;
}

export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}
