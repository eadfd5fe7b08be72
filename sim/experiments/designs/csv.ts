/**
 * Points read from a CSV file: a header of parameter paths, one row per point.
 * Cells are read as numbers, true/false, or text. Problems come back with the
 * line and column of the cell, like every other input file.
 */
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
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  const rows: { line: number; cells: string[]; columns: number[] }[] = [];
  lines.forEach((content, i) => {
    if (content.trim() === "" || content.trimStart().startsWith("#")) return;
    const { cells, columns } = splitLine(content);
    rows.push({ line: i + 1, cells, columns });
  });
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

/** Cells of one line (quotes allowed, as spreadsheets write them) and the 1-based column where each starts. */
function splitLine(line: string): { cells: string[]; columns: number[] } {
  const cells: string[] = [];
  const columns: number[] = [];
  let field = "";
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ",") { cells.push(field); columns.push(start + 1); field = ""; start = i + 1; }
    else field += ch;
  }
  cells.push(field);
  columns.push(start + 1);
  return { cells, columns };
}
