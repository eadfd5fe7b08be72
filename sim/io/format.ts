/**
 * Numbers as a strategist reads them: money and counts in k/M/B (in Chinese,
 * 万 and 亿), shares as percentages, ratios with a ×. The unit string comes
 * from summary.json, so the rules match on it loosely and fall back to a plain
 * number with the unit after it. Every function takes the page's language,
 * English by default.
 */
import { t, unitWord, type Lang } from "../i18n/index.js";

type UnitKind = "money" | "share" | "percent" | "ratio" | "score" | "index" | "count";

export function unitKind(unit: string): UnitKind {
  const u = unit.trim().toLowerCase();
  if (/\brmb\b|yuan|cny|¥/.test(u)) return "money";
  if (/^(share|fraction|proportion|rate|probability)\b/.test(u)) return "share";
  if (u === "%" || u === "percent" || u === "pct") return "percent";
  if (/^(ratio|x|×|times|multiple)\b/.test(u)) return "ratio";
  if (/points|nps|score/.test(u)) return "score";
  if (/^0\s*(\.\.|-|–)\s*1$|index/.test(u)) return "index";
  return "count";
}

/** Three significant digits with k / M / B; in Chinese with 万 (10^4), 亿 (10^8) and 万亿 (10^12). */
export function compactNumber(x: number, lang: Lang = "en"): string {
  if (!Number.isFinite(x)) return t(lang, "format.na");
  const a = Math.abs(x);
  if (lang === "zh-CN") {
    // the unit is chosen after rounding, so 9,999 reads 1万 rather than 10000
    const r = Math.abs(Number(x.toPrecision(3)));
    if (r >= 1e12) return `${trim(x / 1e12)}万亿`;
    if (r >= 1e8) return `${trim(x / 1e8)}亿`;
    if (r >= 1e4) return `${trim(x / 1e4)}万`;
    return trim(x);
  }
  if (a >= 1e9) return `${trim(x / 1e9)}B`;
  if (a >= 1e6) return `${trim(x / 1e6)}M`;
  if (a >= 1e3) return `${trim(x / 1e3)}k`;
  return trim(x);
}

function trim(x: number): string {
  if (x === 0) return "0";
  return String(Number(x.toPrecision(3)));
}

/** A number followed by its unit word: "3.44B RMB" in English, "3.44亿元" in Chinese (no space before a Chinese unit). */
function withUnit(number: string, unit: string, lang: Lang): string {
  const word = unitWord(unit, lang);
  if (!word) return number;
  return lang === "zh-CN" && /^[\u3400-\u9fff]/.test(word) ? `${number}${word}` : `${number} ${word}`;
}

/** A KPI value with its unit, e.g. "3.44B RMB", "45.1%", "2.31×", "56.1k merchants" (zh-CN: "3.44亿元", "5.61万家"). */
export function formatValue(value: number, unit: string, lang: Lang = "en"): string {
  if (!Number.isFinite(value)) return t(lang, "format.na");
  switch (unitKind(unit)) {
    case "money": return withUnit(compactNumber(value, lang), unit, lang);
    case "share": return `${(value * 100).toFixed(Math.abs(value) < 0.1 ? 2 : 1)}%`;
    case "percent": return `${value.toFixed(1)}%`;
    case "ratio": return `${value.toFixed(Math.abs(value) < 10 ? 3 : 1)}×`;
    case "score": return withUnit(value.toFixed(1), unit, lang);
    case "index": return value.toFixed(3);
    default: return withUnit(compactNumber(value, lang), unit, lang);
  }
}

/** The same value without the unit word, for the second number of an interval. */
export function formatBare(value: number, unit: string, lang: Lang = "en"): string {
  if (!Number.isFinite(value)) return t(lang, "format.na");
  const kind = unitKind(unit);
  if (kind === "money" || kind === "count") return compactNumber(value, lang);
  if (kind === "score") return value.toFixed(1);
  return formatValue(value, unit, lang);
}

/**
 * A 95% interval. A t interval on a value that cannot leave a range (a share
 * in 0..1, a count above 0) can cross its bound when replications
 * are few: it is clipped there, and the text says so.
 */
export function formatInterval(ci: readonly [number, number], unit: string, lang: Lang = "en"): string {
  const [min, max] = unitBounds(unit);
  const lo = Math.max(min, ci[0]);
  const hi = Math.min(max, ci[1]);
  const clipped = [lo !== ci[0] && Number.isFinite(ci[0]) ? formatBare(min, unit, lang) : "", hi !== ci[1] && Number.isFinite(ci[1]) ? formatBare(max, unit, lang) : ""].filter(Boolean);
  const range = t(lang, "format.range", { lo: formatBare(lo, unit, lang), hi: formatBare(hi, unit, lang) });
  return `${range}${clipped.length ? t(lang, "format.clipped", { bounds: clipped.join(t(lang, "format.and")) }) : ""}`;
}

/** The range a value of this unit can take: shares and indices 0..1, percentages 0..100, counts from 0; money, scores and ratios (an incremental return can be negative) unbounded. */
export function unitBounds(unit: string): [number, number] {
  switch (unitKind(unit)) {
    case "share":
    case "index": return [0, 1];
    case "percent": return [0, 100];
    case "count": return [0, Infinity];
    default: return [-Infinity, Infinity];
  }
}

/**
 * A difference (scenario minus baseline) with its sign. Shares differ in
 * percentage points, not percent, and say so.
 */
export function formatDifference(value: number, unit: string, lang: Lang = "en"): string {
  if (!Number.isFinite(value)) return t(lang, "format.na");
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  const a = Math.abs(value);
  switch (unitKind(unit)) {
    case "share": return t(lang, "format.pp", { value: `${sign}${(a * 100).toFixed(a < 0.1 ? 2 : 1)}` });
    case "percent": return t(lang, "format.pp", { value: `${sign}${a.toFixed(1)}` });
    default: return `${sign}${formatValue(a, unit, lang)}`;
  }
}

/** An interval of differences; money and counts without the unit word, which the difference beside it already says. */
export function formatDifferenceInterval(ci: readonly [number, number], unit: string, lang: Lang = "en"): string {
  const kind = unitKind(unit);
  const bare = kind === "money" || kind === "count" || kind === "score";
  const one = (x: number) => {
    if (!bare || !Number.isFinite(x)) return formatDifference(x, unit, lang);
    const sign = x > 0 ? "+" : x < 0 ? "−" : "±";
    return `${sign}${kind === "score" ? Math.abs(x).toFixed(1) : compactNumber(Math.abs(x), lang)}`;
  };
  return t(lang, "format.range", { lo: one(ci[0]), hi: one(ci[1]) });
}

/**
 * Whether "relative change" means anything for a unit: not for a signed score
 * such as NPS, where a baseline near 0 turns a small change into thousands of percent.
 */
export function hasRatioScale(unit: string): boolean {
  return unitKind(unit) !== "score";
}

export function formatPercentChange(x: number, lang: Lang = "en"): string {
  if (!Number.isFinite(x)) return t(lang, "format.na");
  const sign = x > 0 ? "+" : x < 0 ? "−" : "±";
  return `${sign}${(Math.abs(x) * 100).toFixed(Math.abs(x) < 0.1 ? 2 : 1)}%`;
}

/** A p-value as a reader scans it: "<0.001", else three decimals. */
export function formatP(p: number, lang: Lang = "en"): string {
  if (!Number.isFinite(p)) return t(lang, "format.na");
  return p < 0.001 ? "<0.001" : p.toFixed(3);
}
