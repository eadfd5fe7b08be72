/**
 * A parameter's value as a strategist reads it on a page: interventions as
 * "day 100: levers.paidTraffic.share = 0.06 (half the paid share)", lists and
 * groups in YAML's flow style rather than JSON, and the schema's "no end"
 * sentinel for a lever's last day as words.
 */
import { stringify } from "yaml";

/** endDay at the schema's maximum means the lever runs to the end of any run. */
const NO_END_DAY = 100_000;

export function parameterValueText(path: string, value: unknown): string {
  if (value === undefined) return "(not set)";
  if (typeof value === "string") return value;
  if (typeof value === "number" && /(^|\.)endDay$/.test(path) && value >= NO_END_DAY) return "no end";
  if (path === "interventions" && Array.isArray(value)) return value.length === 0 ? "none" : value.map(interventionText).join("; ");
  if (value !== null && typeof value === "object") return stringify(value, { collectionStyle: "flow", lineWidth: 0 }).trim();
  return String(value);
}

function interventionText(step: unknown): string {
  if (step === null || typeof step !== "object") return String(step);
  const { at, set, note } = step as { at?: unknown; set?: Record<string, unknown>; note?: unknown };
  const changes = Object.entries(set ?? {}).map(([p, v]) => `${p} = ${parameterValueText(p, v)}`).join(", ");
  return `day ${String(at)}: ${changes}${typeof note === "string" && note !== "" ? ` (${note})` : ""}`;
}
