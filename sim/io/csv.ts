/**
 * Every CSV the project reads or writes goes through here: one RFC 4180
 * codec (quoted fields, doubled quotes, CRLF or LF, a BOM from spreadsheet
 * tools tolerated).
 *
 * Synchronous on purpose, which is why it is ours and not a streaming
 * library's: the run log appends a line and flushes it to disk before the
 * next run is reported; a points file's problems name the line and column of
 * the cell; a report is read once, whole, before its charts aggregate it.
 *
 * Writing: a field is quoted when it holds a comma, a quote or a line break.
 * Numbers are written by a formatter the caller chooses: full precision (the
 * shortest text that reads back as the same double) by default, 12
 * significant digits for the report tables; NaN and infinities as empty.
 */

export type CsvRecord = Record<string, string>;
export type CsvValue = string | number | boolean;

/** Full precision: the shortest text that reads back as the same double; NaN and infinities as empty. */
export function fullPrecision(x: number): string {
  return Number.isFinite(x) ? String(x) : "";
}

/** One field as written to a CSV line. */
export function csvField(value: CsvValue, formatNumber: (x: number) => string = fullPrecision): string {
  const text = typeof value === "number" ? formatNumber(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, with its newline. */
export function csvLine(fields: readonly CsvValue[], formatNumber?: (x: number) => string): string {
  return `${fields.map((f) => csvField(f, formatNumber)).join(",")}\n`;
}

/** A whole table: the header, then one line per row. */
export function csvTable(header: readonly string[], rows: Iterable<readonly CsvValue[]>, formatNumber?: (x: number) => string): string {
  const parts = [csvLine(header)];
  for (const row of rows) parts.push(csvLine(row, formatNumber));
  return parts.join("");
}

/** One parsed line: its cells, its 1-based line number and the 1-based column where each cell starts. */
export interface CsvRow {
  line: number;
  cells: string[];
  columns: number[];
}

/**
 * The rows of a CSV text with positions. A blank line gives no row; a quoted
 * field may span lines (the row's line is where it starts).
 */
export function parseCsvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let columns: number[] = [];
  let field = "";
  let line = 1;
  let rowLine = 1;
  let lineStart = 0;
  let fieldStart = 1;
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i === 1) lineStart = 1;
  const endRow = (): void => {
    cells.push(field);
    columns.push(fieldStart);
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: rowLine, cells, columns });
    cells = [];
    columns = [];
    field = "";
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else inQuotes = false;
      } else {
        if (ch === "\n") { line++; lineStart = i + 1; }
        field += ch;
      }
    } else if (ch === '"') inQuotes = true;
    else if (ch === ",") {
      cells.push(field);
      columns.push(fieldStart);
      field = "";
      fieldStart = i + 2 - lineStart;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      lineStart = i + 1;
      rowLine = line;
      fieldStart = 1;
    } else field += ch;
  }
  if (field !== "" || cells.length > 0) endRow();
  return rows;
}

/** The records of a CSV text with a header line: column name → field ("" where a row is short). */
export function parseCsv(text: string): CsvRecord[] {
  const rows = parseCsvRows(text);
  if (rows.length === 0) return [];
  const header = rows[0].cells;
  const records: CsvRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r].cells;
    const rec: CsvRecord = {};
    for (let c = 0; c < header.length; c++) rec[header[c]] = row[c] ?? "";
    records.push(rec);
  }
  return records;
}

/** Numeric value of a CSV field; empty or unparsable gives NaN (never 0, which would hide a gap). */
export function toNumber(field: string | undefined): number {
  if (field === undefined || field.trim() === "") return NaN;
  return Number(field);
}
