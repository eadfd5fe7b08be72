/** Progress on stderr (only when it is a terminal) and clean interrupts. */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { EXIT } from "./fail.js";

/** Rewrite one status line on stderr; `end` clears it. */
export function progressLine(text: string, end = false): void {
  process.stderr.write(end ? "\r\x1b[2K" : `\r\x1b[2K${text}`);
}

/**
 * On Ctrl-C or SIGTERM: remove the temporary folders a run was writing (the
 * previous reports stay as they were) and exit 130.
 */
export function onInterrupt(tempFolders: () => string[]): void {
  const stop = (): void => {
    for (const dir of tempFolders()) rmSync(dir, { recursive: true, force: true });
    process.stderr.write("\nsim: interrupted; earlier reports are unchanged\n");
    process.exit(EXIT.interrupted);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/**
 * On Ctrl-C or SIGTERM during work that logs runs to `<out>/runs.csv` (a
 * sweep, a calibration): the runs logged so far are on disk; remove only this
 * process's lock, say how to go on, and exit 130.
 */
export function onRunLogInterrupt(out: string, goOn: string, before: () => void): void {
  const stop = (): void => {
    before();
    rmSync(join(out, ".sweep.lock"), { force: true });
    process.stderr.write(`\nsim: interrupted; the finished runs are in ${join(out, "runs.csv")}: run the same command again to ${goOn}\n`);
    process.exit(EXIT.interrupted);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
