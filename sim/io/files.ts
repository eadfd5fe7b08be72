import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Replacing a folder or a file so that an interrupted write leaves the old one
 * whole: the new one is written into a temporary sibling and renamed into place
 * (a rename within one folder is atomic; the old one is moved aside first and
 * removed only once the new one is in place).
 */

/** The temporary sibling `replaceFolder(dir, name, …)` fills, e.g. to remove it on Ctrl-C. */
export function tempFolderFor(dir: string, name: string): string {
  return join(dir, `.${name}.tmp-${process.pid}`);
}

function oldFolderFor(dir: string, name: string): string {
  return join(dir, `.${name}.old-${process.pid}`);
}

/** Replace `<dir>/<name>/` with a folder that `fill` writes. */
export function replaceFolder(dir: string, name: string, fill: (tmpDir: string) => void): void {
  const tmp = prepare(dir, name);
  try {
    fill(tmp);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  swapIn(dir, name, tmp);
}

/** replaceFolder with an asynchronous `fill`. */
export async function replaceFolderAsync(dir: string, name: string, fill: (tmpDir: string) => Promise<void>): Promise<void> {
  const tmp = prepare(dir, name);
  try {
    await fill(tmp);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  swapIn(dir, name, tmp);
}

/** Write a file by writing a temporary sibling and renaming it over the target. */
export function replaceFile(path: string, content: string | Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

function prepare(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  removeLeftovers(dir, name);
  const tmp = tempFolderFor(dir, name);
  mkdirSync(tmp, { recursive: true });
  return tmp;
}

function swapIn(dir: string, name: string, tmp: string): void {
  const target = join(dir, name);
  const old = oldFolderFor(dir, name);
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  renameSync(tmp, target);
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

/** Temporary siblings an earlier, interrupted write left behind. */
function removeLeftovers(dir: string, name: string): void {
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(`.${name}.tmp-`) || entry.startsWith(`.${name}.old-`)) {
      rmSync(join(dir, entry), { recursive: true, force: true });
    }
  }
}
