/**
 * runs.csv, the sweep's run log: one line per finished run, appended and
 * flushed to disk (fsync) as soon as the run finishes, so a kill at any moment
 * loses only the runs in flight. A last line without its newline was cut by a
 * kill in the middle of a write: it is dropped (and cut off the file) when the
 * log is opened again. Lines are in completion order; the key says which run
 * a line is.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { csvLine, parseCsv, type CsvRecord } from "../../io/csv.js";
import { SWEEP_KPI_KEYS } from "./sweep-kpis.js";

export const RUNS_FILE = "runs.csv";

/** key, point, rep, seed, the parameters, every sweep KPI, wall time. */
export function runLogHeader(paramPaths: readonly string[]): string[] {
  return ["key", "point", "rep", "seed", ...paramPaths, ...SWEEP_KPI_KEYS, "wall_sec"];
}

export interface RunLogText {
  /** the complete lines' text (header included), or "" for no file */
  text: string;
  /** bytes of a torn last line (0 when the file ends with a newline) */
  tornBytes: number;
}

/** The log's complete lines; a torn last line is left out. */
export function readRunLogText(file: string): RunLogText {
  if (!existsSync(file)) return { text: "", tornBytes: 0 };
  const raw = readFileSync(file, "utf8");
  const end = raw.lastIndexOf("\n") + 1;
  return { text: raw.slice(0, end), tornBytes: Buffer.byteLength(raw.slice(end)) };
}

/** The rows of a run log (a torn last line dropped), and its header. */
export function readRunLog(file: string): { header: string[]; rows: CsvRecord[]; tornBytes: number } {
  const { text, tornBytes } = readRunLogText(file);
  const firstLine = text.slice(0, text.indexOf("\n"));
  const header = firstLine === "" ? [] : firstLine.split(",");
  return { header, rows: text === "" ? [] : parseCsv(text), tornBytes };
}

export class HeaderMismatchError extends Error {}

/** An open run log that appends one durable line per run. */
export class RunLog {
  private constructor(
    readonly file: string,
    private readonly fd: number,
  ) {}

  /**
   * Open (or create) `dir/runs.csv` for appending. A torn last line is cut
   * off; a file with another header (other parameters, another version's
   * KPIs) is refused with HeaderMismatchError, never mixed.
   */
  static open(dir: string, header: readonly string[]): { log: RunLog; rows: CsvRecord[]; droppedTornBytes: number } {
    const file = join(dir, RUNS_FILE);
    const { text, tornBytes } = readRunLogText(file);
    const { header: found, rows } = readRunLog(file);
    if (found.length > 0 && found.join(",") !== header.join(",")) {
      throw new HeaderMismatchError(`${file} has other columns than this sweep writes (${describeDifference(found, header)})`);
    }
    if (found.length === 0) writeFileSync(file, "");
    else if (tornBytes > 0) truncateSync(file, Buffer.byteLength(text));
    const log = new RunLog(file, openSync(file, "a"));
    if (found.length === 0) log.append(header);
    return { log, rows, droppedTornBytes: tornBytes };
  }

  /** Append one run's fields as a line, then fsync: when this returns, the run survives a kill. */
  append(fields: readonly (string | number | boolean)[]): void {
    const bytes = Buffer.from(csvLine(fields));
    // one write call per line (O_APPEND): a kill leaves the line whole or torn at the end, never interleaved
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

function describeDifference(found: readonly string[], wanted: readonly string[]): string {
  const missing = wanted.filter((c) => !found.includes(c));
  const extra = found.filter((c) => !wanted.includes(c));
  const parts = [missing.length ? `missing ${missing.slice(0, 4).join(", ")}${missing.length > 4 ? ", …" : ""}` : "", extra.length ? `not expected ${extra.slice(0, 4).join(", ")}${extra.length > 4 ? ", …" : ""}` : ""];
  return parts.filter(Boolean).join("; ") || "the same columns in another order";
}
