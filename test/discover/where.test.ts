/**
 * The `--where` expression of `sim discover`: precedence (arithmetic over
 * comparisons over not over and over or), e-notation, parentheses; errors
 * name the 0-based column of an unknown name (with the nearest known one) and
 * of a syntax error.
 */
import { describe, expect, it } from "vitest";
import { caretLines, evaluate, parseWhere } from "../../sim/experiments/discover/where.js";

const KNOWN = ["gmv_total", "gmv_growth", "platform_net", "subsidy_total", "levers.consumerSubsidy.rate"];

function run(text: string, values: Record<string, number>): number | boolean {
  const r = parseWhere(text, KNOWN);
  if (!r.ok) throw new Error(r.error.message);
  return evaluate(r.ast, values);
}

describe("--where expressions", () => {
  it("evaluates with the usual precedence", () => {
    const v = { gmv_total: 10, gmv_growth: 2, platform_net: -1, subsidy_total: 4, "levers.consumerSubsidy.rate": 0.1 };
    expect(run("gmv_total - subsidy_total * 2 > 1", v)).toBe(true); // 10 - 8 = 2 > 1
    expect(run("(gmv_total - subsidy_total) * 2 > 13", v)).toBe(false); // 12 > 13
    expect(run("gmv_total / subsidy_total / 2 == 1.25", v)).toBe(true); // left-associative
    expect(run("gmv_total - 2 - 3 == 5", v)).toBe(true);
    expect(run("-platform_net == 1", v)).toBe(true);
    // and binds tighter than or; not tighter than and
    expect(run("gmv_total > 100 and gmv_growth > 1 or platform_net < 0", v)).toBe(true);
    expect(run("gmv_total > 100 and (gmv_growth > 1 or platform_net < 0)", v)).toBe(false);
    expect(run("not gmv_total > 100 and platform_net > 0", v)).toBe(false);
    expect(run("not (gmv_total > 100 and platform_net > 0)", v)).toBe(true);
    expect(run("gmv_total >= 1e1 and subsidy_total <= 4.0E0 and gmv_growth != 3", v)).toBe(true);
    expect(run("levers.consumerSubsidy.rate < .2", v)).toBe(true);
  });

  it("a comparison with a missing value is false", () => {
    expect(run("gmv_total > 0", { gmv_total: NaN })).toBe(false);
    expect(run("gmv_total != 0", { gmv_total: NaN })).toBe(false);
  });

  it("lists the names it uses", () => {
    const r = parseWhere("gmv_total > 2 * subsidy_total and gmv_total > 0", KNOWN);
    expect(r.ok && r.names).toEqual(["gmv_total", "subsidy_total"]);
  });

  it("an unknown name: its column and the nearest known name", () => {
    const r = parseWhere("gmv_growt > 0.1", KNOWN);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.column).toBe(0);
    expect(r.error.message).toBe("unknown KPI or parameter 'gmv_growt' at column 0; did you mean gmv_growth?");
    const later = parseWhere("gmv_total > 1 and platfrm_net > 0", KNOWN);
    expect(!later.ok && later.error.column).toBe(18);
    expect(!later.ok && later.error.message).toContain("did you mean platform_net?");
    expect(caretLines("gmv_total > 1 and platfrm_net > 0", 18)).toBe("gmv_total > 1 and platfrm_net > 0\n                  ^");
  });

  it("a syntax error: its column and what was expected", () => {
    const end = parseWhere("gmv_total >", KNOWN);
    expect(!end.ok && end.error.column).toBe(11);
    expect(!end.ok && end.error.message).toMatch(/the end of the expression at column 11; expected a KPI, a parameter, a number or '\('/);
    const twice = parseWhere("gmv_total > 3 and and", KNOWN);
    expect(!twice.ok && twice.error.column).toBe(18);
    expect(!twice.ok && twice.error.message).toContain("unexpected 'and' at column 18");
    const open = parseWhere("(gmv_total > 3", KNOWN);
    expect(!open.ok && open.error.message).toContain("expected ')' to close the '(' at column 0");
    const single = parseWhere("gmv_total = 3", KNOWN);
    expect(!single.ok && single.error.column).toBe(10);
    const bare = parseWhere("gmv_total + 1", KNOWN);
    expect(!bare.ok && bare.error.message).toContain("a number where a condition belongs at column 0");
    const chained = parseWhere("1 < gmv_total < 3", KNOWN);
    expect(!chained.ok && chained.error.column).toBe(14);
    expect(parseWhere("  ", KNOWN).ok).toBe(false);
  });
});
