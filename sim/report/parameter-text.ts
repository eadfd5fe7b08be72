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
