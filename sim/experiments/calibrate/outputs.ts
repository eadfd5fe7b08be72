/**
 * What a calibration leaves in its folder beside runs.csv:
 *
 *   calibration.csv             every evaluation: parameters, loss, each fitted check's mean and z
 *   calibration.json            the whole result (the page is drawn from it)
 *   <name>-calibrated.yaml      the calibrated scenario: extends the base, lists the fixed
 *                               overrides and the fitted values, with the fit in comments
 */
import { join, relative } from "node:path";
import { Document } from "yaml";
import { num } from "../check/describe.js";
import { replaceFile } from "../../io/files.js";
import { csvTable } from "../../io/csv.js";
import type { CalibrationResult, CalibrationSpec, CheckFit, Evaluation, ParameterUncertainty } from "./spec.js";

export const CALIBRATION_CSV = "calibration.csv";
export const CALIBRATION_JSON = "calibration.json";

export function calibratedFileName(spec: CalibrationSpec): string {
  return `${spec.name}-calibrated.yaml`;
}

/** A check's column stem: the target id, with the check's number when the target has several ("shelf-expansion.2"). */
function checkColumn(c: CheckFit, checks: readonly CheckFit[]): string {
  const same = checks.filter((x) => x.targetId === c.targetId);
  return same.length > 1 ? `${c.targetId}.${same.indexOf(c) + 1}` : c.targetId;
}

/** calibration.csv: one row per evaluation, in the order evaluated. */
export function calibrationCsv(spec: CalibrationSpec, evaluations: readonly Evaluation[]): string {
  const first = evaluations[0]?.checks ?? [];
  const stems = first.map((c) => checkColumn(c, first));
  const header = ["evaluation", "generation", "phase", ...spec.parameters.map((p) => p.path), "loss", ...stems.flatMap((s) => [`${s}_mean`, `${s}_z`])];
  return csvTable(header, evaluations.map((e) => [e.index, e.generation, e.phase, ...spec.parameters.map((p) => e.values[p.path]), e.loss, ...e.checks.flatMap((c) => [c.mean, c.z])]));
}

/** The calibrated scenario: `extends` the base (relative to the folder it is written in), the fixed overrides, the fitted values. */
export function calibratedYaml(result: CalibrationResult, dir: string): string {
  const { spec } = result;
  const best = result.evaluations[result.best];
  const start = result.evaluations[0];
  const tree: Record<string, unknown> = {
    name: `${spec.name}-calibrated`,
    description: `${spec.description ? `${spec.description.trim()} ` : ""}Fitted by sim calibrate (${spec.file}).`,
    extends: relative(dir, spec.base).split("\\").join("/"),
  };
  for (const entry of spec.set) {
    const at = entry.indexOf("=");
    setNested(tree, entry.slice(0, at), JSON.parse(entry.slice(at + 1)) as unknown);
  }
  for (const p of spec.parameters) setNested(tree, p.path, best.values[p.path]);
  const doc = new Document(tree);
  const met = (checks: readonly CheckFit[]) => `${checks.filter((c) => c.met).length} of ${checks.length}`;
  doc.commentBefore = [
    ` The calibrated scenario: ${spec.base.split("/").pop()} with the values fitted by \`sim calibrate ${spec.file}\``,
    ` (livecommerce-sim ${result.version}; ${spec.users !== undefined ? `${spec.users} users` : "the scenarios' users"}, ${spec.reps} replications, seed ${spec.seed}).`,
    ` Loss ${num(best.loss)} at evaluation ${best.index} of ${result.evaluations.length} (start: ${num(start.loss)}); fitted checks met: ${met(best.checks)} (start: ${met(start.checks)}).`,
    ...(result.isImproved ? [] : [" The optimizer found no point better than the start: these are the start values."]),
    ...(spec.set.length > 0 ? [` Fixed during the fit: ${spec.set.join(", ")}.`] : []),
    " Each fitted value's comment gives its start and its range within noise of the best (<= or >=: the loss stayed within noise as far as the search looked).",
  ].join("\n");
  for (const u of result.uncertainty) {
    const node = doc.getIn(u.path.split("."), true) as { comment?: string } | undefined;
    if (node) node.comment = ` fitted (start ${short(u.start)}; within noise: ${rangeText(u)})`;
  }
  return doc.toString({ lineWidth: 100 });
}

/** Write calibration.csv (and, with a result, calibration.json and the calibrated scenario); each file replaced whole. */
export function writeCalibrationTables(dir: string, spec: CalibrationSpec, evaluations: readonly Evaluation[], result?: CalibrationResult): void {
  replaceFile(join(dir, CALIBRATION_CSV), calibrationCsv(spec, evaluations));
  if (!result) return;
  replaceFile(join(dir, CALIBRATION_JSON), `${JSON.stringify(result, null, 1)}\n`);
  replaceFile(join(dir, calibratedFileName(spec)), calibratedYaml(result, dir));
}

/** Set `a.b.c` in a tree of plain objects, making the groups on the way. */
function setNested(tree: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

/** "0.41 to 0.47", with "≤"/"≥" where the profile did not reach the edge of the range within noise. */
export function rangeText(u: ParameterUncertainty): string {
  return `${u.lowOpen ? "<= " : ""}${short(u.low)} to ${u.highOpen ? ">= " : ""}${short(u.high)}`;
}

/** Four significant digits, as the fitted values are evaluated. */
function short(x: number): string {
  return String(Number(x.toPrecision(4)));
}
