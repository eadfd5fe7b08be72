/** Measures, bands and checks in words, the same on the terminal, the page and in check.json. */
import { compactNumber } from "../../io/format.js";
import { t, type Lang } from "../../i18n/index.js";
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
  return checkWords({ measure: measureText(c.measure), comparison: c.comparison, of: c.of, against: c.against }, "en");
}

/**
 * The same from a check's measure already in words (as check.json keeps it),
 * in `lang`; `wrap` writes the measure (escaped and in a <code>, say, for a page).
 */
export function checkWords(
  c: { measure: string; comparison: CheckSpec["comparison"]; of: string; against?: string },
  lang: Lang,
  wrap: (measure: string) => string = (m) => m,
): string {
  // a ratio measure ("a / b") is bracketed before it is compared with another run
  const measure = wrap(c.comparison !== "value" && c.measure.includes(" / ") ? `(${c.measure})` : c.measure);
  if (c.comparison === "difference") return t(lang, "check.difference", { measure, of: c.of, against: c.against ?? "" });
  if (c.comparison === "ratio") return t(lang, "check.ratio", { measure, of: c.of, against: c.against ?? "" });
  return t(lang, "check.of", { measure, of: c.of });
}

/** A number for a band or a value: three significant digits, k/M/B for large ones. */
export function num(x: number, lang: Lang = "en"): string {
  return compactNumber(x, lang);
}

/** "0.4..0.55", "> 0", ">= 3", "<= 0"; exclusive ends of a two-sided band as "(0.4..0.55]"-style brackets. */
export function bandText(b: Band, lang: Lang = "en"): string {
  const hasMin = b.min !== undefined;
  const hasMax = b.max !== undefined;
  const n = (x: number) => num(x, lang);
  if (hasMin && hasMax) {
    if (!b.minExclusive && !b.maxExclusive) return `${n(b.min!)}..${n(b.max!)}`;
    return `${b.minExclusive ? "(" : "["}${n(b.min!)}, ${n(b.max!)}${b.maxExclusive ? ")" : "]"}`;
  }
  if (hasMin) return `${b.minExclusive ? ">" : ">="} ${n(b.min!)}`;
  if (hasMax) return `${b.maxExclusive ? "<" : "<="} ${n(b.max!)}`;
  return t(lang, "check.anyValue");
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
