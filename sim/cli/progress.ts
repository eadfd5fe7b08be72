/** Progress on stderr (only when it is a terminal) and clean interrupts. */
import { rmSync } from "node:fs";
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
