/**
 * Problems found in sweep fields that came from the command line, reported
 * against the option as the user typed it (`--param rate=0,2: 2 is too big`,
 * `--design lhs needs --samples`) instead of a file's line and column.
 */
import { isPlainObject } from "../../scenario/interventions.js";
import { valueAt, type Finding } from "../../scenario/issues.js";
import { COMMAND_LINE } from "../../scenario/overrides.js";
import { ScenarioError } from "../../scenario/errors.js";
import { formatPath } from "../../scenario/schema-walk.js";

/** Sweep-file fields stated on the command line, and how the user wrote the options (for messages). */
export interface CommandLineFields {
  fields: Record<string, unknown>;
  /** `--param path=text` as given, by parameter path */
  paramText?: Record<string, string>;
  /** an option's text as typed, by field, where the field's value differs from it (adaptive) */
  written?: Record<string, string>;
}

const OPTION_OF_FIELD: Record<string, string> = { reps: "--reps", seed: "--seed", days: "--days", users: "--users", kpis: "--kpi", adaptive: "--adaptive", keepSeries: "--keep-series", reference: "--reference", name: "--name" };
const OPTION_OF_DESIGN_KEY: Record<string, string> = { type: "--design", samples: "--samples", trajectories: "--trajectories", levels: "--levels", file: "--points" };

/** Findings on fields that came from the command line, as errors naming the option as the user typed it. */
export function commandLineErrors(findings: readonly Finding[], raw: Record<string, unknown>, cl: CommandLineFields): ScenarioError[] {
  return findings.map((f) => {
    const [top, ...rest] = f.path;
    let flag = "";
    let fieldPath = "";
    let problem = f.problem;
    let expected = f.expected;
    if (top === "parameters" && rest.length === 0) {
      expected = "--param path=values (repeatable)";
    } else if (top === "parameters" && typeof rest[0] === "string") {
      const inner = formatPath(rest.slice(1));
      fieldPath = inner ? `${rest[0]}${inner.startsWith("[") ? "" : "."}${inner}` : rest[0];
      flag = `--param ${cl.paramText?.[rest[0]] ?? rest[0]}`;
    } else if (top === "design") {
      const key = typeof rest[0] === "string" && rest[0] in OPTION_OF_DESIGN_KEY ? rest[0] : "type";
      const type = isPlainObject(raw.design) ? String(raw.design.type) : "";
      if (f.problem.startsWith("missing value") && key !== "type") {
        problem = `--design ${type} needs ${OPTION_OF_DESIGN_KEY[key]}`;
        expected = key === "file" ? "--points FILE.csv, parameter paths as header" : `${OPTION_OF_DESIGN_KEY[key]} N, a whole number`;
      }
      else flag = `${OPTION_OF_DESIGN_KEY[key]} ${String(valueAt(raw, ["design", key]) ?? "")}`.trim();
    } else if (top === "kpis") {
      flag = `--kpi ${String(valueAt(raw, f.path))}`;
    } else if (top === "reference" && typeof rest[0] === "string") {
      fieldPath = rest[0];
      flag = `--reference ${rest[0]}=${JSON.stringify(valueAt(raw, ["reference", rest[0]]))}`;
    } else if (typeof top === "string" && top in OPTION_OF_FIELD) {
      flag = `${OPTION_OF_FIELD[top]} ${cl.written?.[top] ?? String(valueAt(raw, [top]))}`;
    } else {
      fieldPath = formatPath(f.path);
    }
    return new ScenarioError(COMMAND_LINE, undefined, undefined, fieldPath, expected, flag ? `${flag}: ${problem}` : problem);
  });
}
