/**
 * Targets as data: what a targets file (targets/*.yaml) says once it has been
 * read and checked. A target names the scenarios it needs and lists checks;
 * each check is a measure of one scenario (a value), of one scenario minus
 * another on the same seeds (a paired difference), or of one over another
 * (a ratio per replication), and the band the mean must lie in.
 */
import type { ColumnName } from "../../model/metrics.js";
import { t } from "../../i18n/index.js";

/** The rule a check is judged by, in words (the page and check.json state it). */
export const MET_RULE = t("en", "check.rule");

export type Aggregate = "sum" | "mean";

/** One end of a day window as written: a day from the start (>= 0), a day counted back from the end (< 0), or the end. */
export type WindowDay = number | "end";

export type SimpleMeasure =
  | { kind: "kpi"; key: string }
  | { kind: "column"; column: ColumnName; window?: [WindowDay, WindowDay]; aggregate: Aggregate };

export type Measure = SimpleMeasure | { kind: "ratio"; numerator: SimpleMeasure; denominator: SimpleMeasure };

/** A band: either end may be open (undefined); an end may exclude its bound ("> 0"). */
export interface Band {
  min?: number;
  max?: number;
  minExclusive: boolean;
  maxExclusive: boolean;
}

export type Comparison = "value" | "difference" | "ratio";

export interface CheckSpec {
  /** the check in words: given in the file, or made from its measure and scenarios */
  label: string;
  measure: Measure;
  comparison: Comparison;
  /** the scenario measured (a key of the target's scenarios) */
  of: string;
  /** the scenario subtracted (difference) or divided by (ratio) */
  against?: string;
  band: Band;
  /** where the check is in its file, for errors found after loading (a window outside the horizon) */
  path: (string | number)[];
}

export interface ScenarioRef {
  /** the file, absolute */
  file: string;
  /** the file as written in the targets file */
  written: string;
  /** parameter overrides, path → value */
  set: Record<string, unknown>;
}

export interface TargetSpec {
  id: string;
  title: string;
  source: string;
  /** the targets file, as shown in messages */
  file: string;
  /** absolute path of the targets file */
  absFile: string;
  /** index in the file's list of targets */
  index: number;
  scenarios: Record<string, ScenarioRef>;
  horizonDays?: number;
  checks: CheckSpec[];
  expectMiss: boolean;
  reason?: string;
}

export interface TargetsFile {
  file: string;
  absFile: string;
  description: string;
  targets: TargetSpec[];
}
