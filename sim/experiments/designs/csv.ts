/**
 * Points read from a CSV file: a header of parameter paths, one row per point.
 * Cells are read as numbers, true/false, or text. Problems come back with the
 * line and column of the cell, like every other input file.
 */
import { parseCsvRows } from "../../io/csv.js";
import { ScenarioError } from "../../scenario/errors.js";
import type { DesignPoint, ParamValue } from "./types.js";

export interface CsvDesign {
  paths: string[];
  points: DesignPoint[];
  /** the line and column of each header cell and of each row's cells, for later checks */
  headerColumns: number[];
  rowLines: number[];
  rowColumns: number[][];
}

/** Parse the points file's text; `shown` names the file in messages. Throws a ScenarioError. */
export function csvDesign(text: string, shown: string): CsvDesign {
  // comment lines are blanked, not removed, so every cell keeps its line number
  const uncommented = text.split("\n").map((l) => (l.replace(/^\ufeff/, "").trimStart().startsWith("#") ? "" : l)).join("\n");
  const rows = parseCsvRows(uncommented).filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (rows.length === 0) throw new ScenarioError(shown, 1, 1, "", "a header of parameter paths, then one row per point", "the points file is empty");
  const [header, ...body] = rows;
  const paths = header.cells.map((c) => c.trim());
  const seen = new Set<string>();
  paths.forEach((p, i) => {
    if (p === "") throw new ScenarioError(shown, header.line, header.columns[i], "", "a parameter path, e.g. levers.consumerSubsidy.rate", "empty column name in the header");
    if (seen.has(p)) throw new ScenarioError(shown, header.line, header.columns[i], p, "each parameter once", `'${p}' appears twice in the header`);
    seen.add(p);
  });
  if (body.length === 0) throw new ScenarioError(shown, header.line, 1, "", "at least one row of values under the header", "the points file has a header but no points");
  const points = body.map((row) => {
    if (row.cells.length !== paths.length) {
      throw new ScenarioError(shown, row.line, 1, "", `${paths.length} values (one per header column)`, `the row has ${row.cells.length} value${row.cells.length === 1 ? "" : "s"}`);
    }
    return { values: Object.fromEntries(paths.map((p, i) => [p, readCell(row.cells[i])])) };
  });
  return { paths, points, headerColumns: header.columns, rowLines: body.map((r) => r.line), rowColumns: body.map((r) => r.columns) };
}

/** A cell as the YAML of a scenario would read it: a number, true/false, or text. */
export function readCell(cell: string): ParamValue {
  const t = cell.trim();
  if (t === "true") return true;
  if (t === "false") return false;
  if (t !== "" && Number.isFinite(Number(t))) return Number(t);
  return t;
}
