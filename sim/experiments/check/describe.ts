/** Measures, bands and checks in words, the same on the terminal, the page and in check.json. */
import { compactNumber } from "../../io/format.js";
import type { Band, CheckSpec, Measure, SimpleMeasure, WindowDay } from "./spec.js";

function windowText(w: [WindowDay, WindowDay]): string {
  const day = (d: WindowDay) => (d === "end" ? "end" : String(d));
  return `days [${day(w[0])}, ${day(w[1])})`;
}

function simpleText(m: SimpleMeasure): string {
  if (m.kind === "kpi") return m.key;
  return `${m.aggregate}(${m.column}${m.window ? `, ${windowText(m.window)}` : ""})`;
}

export function measureText(m: Measure): string {
  return m.kind === "ratio" ? `${simpleText(m.numerator)} / ${simpleText(m.denominator)}` : simpleText(m);
}

/** "repurchase_rate of baseline", "repurchase_rate: trust-first − baseline (paired)", "sum(gmv_mall_search): grow-mall-search / baseline". */
export function checkText(c: Pick<CheckSpec, "measure" | "comparison" | "of" | "against">): string {
  const m = measureText(c.measure);
  const wrapped = c.measure.kind === "ratio" ? `(${m})` : m;
  if (c.comparison === "difference") return `${wrapped}: ${c.of} − ${c.against} (paired)`;
  if (c.comparison === "ratio") return `${wrapped}: ${c.of} / ${c.against} (per replication)`;
  return `${m} of ${c.of}`;
}

/** A number for a band or a value: three significant digits, k/M/B for large ones. */
export function num(x: number): string {
  return compactNumber(x);
}

/** "0.4..0.55", "> 0", ">= 3", "<= 0"; exclusive ends of a two-sided band as "(0.4..0.55]"-style brackets. */
export function bandText(b: Band): string {
  const hasMin = b.min !== undefined;
  const hasMax = b.max !== undefined;
  if (hasMin && hasMax) {
    if (!b.minExclusive && !b.maxExclusive) return `${num(b.min!)}..${num(b.max!)}`;
    return `${b.minExclusive ? "(" : "["}${num(b.min!)}, ${num(b.max!)}${b.maxExclusive ? ")" : "]"}`;
  }
  if (hasMin) return `${b.minExclusive ? ">" : ">="} ${num(b.min!)}`;
  if (hasMax) return `${b.maxExclusive ? "<" : "<="} ${num(b.max!)}`;
  return "any value";
}

export function inBand(x: number, b: Band): boolean {
  if (!Number.isFinite(x)) return false;
  if (b.min !== undefined && (b.minExclusive ? x <= b.min : x < b.min)) return false;
  if (b.max !== undefined && (b.maxExclusive ? x >= b.max : x > b.max)) return false;
  return true;
}

/**
 * The band widened for a run at small size (`--tolerance F`): each bounded
 * side moves out by the larger of F × the band's width (F × |bound| for a
 * one-sided band) and the measured 95% half-width.
 */
export function widenBand(b: Band, fraction: number, halfWidth: number): Band {
  const width = b.min !== undefined && b.max !== undefined ? b.max - b.min : Math.abs(b.min ?? b.max ?? 0);
  const by = Math.max(fraction * width, Number.isFinite(halfWidth) ? halfWidth : 0);
  return {
    ...b,
    ...(b.min !== undefined ? { min: b.min - by } : {}),
    ...(b.max !== undefined ? { max: b.max + by } : {}),
  };
}
