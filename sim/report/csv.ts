/**
 * A small RFC 4180 reader for the report tables: quoted fields, doubled quotes,
 * CRLF or LF. Synchronous on purpose: a report is read once, whole, and the
 * charts need every row before they can aggregate.
 */
export type CsvRecord = Record<string, string>;

export function parseCsv(text: string): CsvRecord[] {
  const rows = parseRows(text);
  if (rows.length === 0) return [];
  const header = rows[0];
  const records: CsvRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.length === 1 && row[0] === "") continue; // blank line
    const rec: CsvRecord = {};
    for (let c = 0; c < header.length; c++) rec[header[c]] = row[c] ?? "";
    records.push(rec);
  }
  return records;
}

function parseRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // tolerate a BOM from spreadsheet tools
  let inQuotes = false;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** Numeric value of a CSV field; empty or unparsable gives NaN (never 0, which would hide a gap). */
export function toNumber(field: string | undefined): number {
  if (field === undefined || field.trim() === "") return NaN;
  return Number(field);
}
