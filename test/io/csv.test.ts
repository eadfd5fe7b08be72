/** The project's one CSV codec: what it writes it reads back, and it knows where each cell was. */
import { describe, expect, it } from "vitest";
import { csvField, csvLine, csvTable, fullPrecision, parseCsv, parseCsvRows, toNumber } from "../../sim/io/csv.js";

describe("the CSV codec", () => {
  it("quotes only fields that need it, and reads back what it wrote", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(csvField(NaN)).toBe("");
    expect(csvField(1 / 3, (x) => x.toFixed(2))).toBe("0.33");
    const rows = [["a,b", 'q"uote', 1.5, true], ["line\r\nbreak", "", -2, false]];
    const text = csvTable(["x", "y", "n", "flag"], rows);
    expect(parseCsv(text)).toEqual([
      { x: "a,b", y: 'q"uote', n: "1.5", flag: "true" },
      { x: "line\r\nbreak", y: "", n: "-2", flag: "false" },
    ]);
    expect(csvLine(["a", 1])).toBe("a,1\n");
  });

  it("gives each row its line and each cell its column, across quoted line breaks, CRLF, blank lines and a BOM", () => {
    const text = '\ufeffa,bb,c\r\n\r\n"x\ny",22,"3"\nlast,,\n';
    const rows = parseCsvRows(text);
    expect(rows.map((r) => r.line)).toEqual([1, 3, 5]);
    expect(rows[0].columns).toEqual([1, 3, 6]);
    expect(rows[1].cells).toEqual(["x\ny", "22", "3"]);
    expect(rows[1].columns[0]).toBe(1);
    expect(rows[2].cells).toEqual(["last", "", ""]);
    expect(rows[2].columns).toEqual([1, 6, 7]);
  });

  it("reads numbers without turning gaps into zeros", () => {
    expect(toNumber("")).toBeNaN();
    expect(toNumber(undefined)).toBeNaN();
    expect(toNumber("2.5e3")).toBe(2500);
    expect(fullPrecision(Infinity)).toBe("");
  });
});
