/**
 * A parameter's value as a strategist reads it on a page: interventions as
 * "day 100: levers.paidTraffic.share = 0.06 (half the paid share)", lists and
 * groups in YAML's flow style rather than JSON, and the schema's "no end"
 * sentinel for a lever's last day as words.
 */
import { stringify } from "yaml";
import { t, type Lang } from "../i18n/index.js";

/** endDay at the schema's maximum means the lever runs to the end of any run. */
const NO_END_DAY = 100_000;

export function parameterValueText(path: string, value: unknown, lang: Lang = "en"): string {
  if (value === undefined) return t(lang, "parameter.notSet");
  if (typeof value === "string") return value;
  if (typeof value === "number" && /(^|\.)endDay$/.test(path) && value >= NO_END_DAY) return t(lang, "parameter.noEnd");
  if (path === "interventions" && Array.isArray(value)) return value.length === 0 ? t(lang, "parameter.none") : value.map((step) => interventionText(step, lang)).join("; ");
  if (value !== null && typeof value === "object") return stringify(value, { collectionStyle: "flow", lineWidth: 0 }).trim();
  return String(value);
}

function interventionText(step: unknown, lang: Lang): string {
  if (step === null || typeof step !== "object") return String(step);
  const { at, set, note } = step as { at?: unknown; set?: Record<string, unknown>; note?: unknown };
  const changes = Object.entries(set ?? {}).map(([p, v]) => `${p} = ${parameterValueText(p, v, lang)}`).join(", ");
  const said = typeof note === "string" && note !== "" ? t(lang, "parameter.note", { note }) : "";
  return t(lang, "parameter.step", { day: String(at), changes }) + said;
}

/** Abbreviations written in capitals when a key is put in words. */
const ACRONYMS = new Set(["rmb", "nps", "kpi", "gmv", "sku", "id"]);

/** A key in words: "paidTraffic" → "paid traffic", "dailyBudgetRmb" → "daily budget RMB", "0" stays "0". */
function keyWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase()
    .split(" ")
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w))
    .join(" ");
}

/**
 * A parameter's short label for chart legends, axes and bars, where a dotted
 * path is cut to "levers.paidTraffic.…" and two parameters look alike: the
 * last two segments of the path in words, without the "levers" group every
 * lever shares ("levers.paidTraffic.share" → "paid traffic share",
 * "levers.takeRate" → "take rate"). With `among` (the paths shown together),
 * a label another path would also get takes more segments until it is the
 * only one ("levers.feeRelief.takeRate" and "merchants.feeRelief.takeRate"
 * both go back to their groups). The full path stays in tooltips and tables.
 */
export function parameterLabel(path: string, among: readonly string[] = []): string {
  const segments = (p: string) => p.split(".").filter((s, i, all) => !(i === 0 && s === "levers" && all.length > 1));
  const label = (p: string, n: number) => segments(p).slice(-n).map(keyWords).join(" ");
  const own = segments(path);
  for (let n = Math.min(2, own.length); n <= own.length; n++) {
    const text = label(path, n);
    if (!among.some((other) => other !== path && label(other, n) === text)) return text;
  }
  return path;
}
