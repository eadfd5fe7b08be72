/**
 * Calibration files for the tests, written into a temporary folder: a targets
 * file on the baseline at a tiny size (2,000 users, 60 days), whose bands are
 * filled in by the test, and a calibration of two parameters that the
 * targets identify (the chance of opening the app sets the daily active
 * users; the base churn rate sets the users churned).
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const BASELINE = join(ROOT, "scenarios/baseline.yaml");

/** The known values the recovery test generates its targets from. */
export const TRUTH = { activityMean: 0.45, churnBasePerDay: 0.002 };

export function writeTargets(dir: string, name: string, bands: { dau: string; churn: string }): string {
  const file = join(dir, name);
  writeFileSync(file, `description: generated from the baseline with known parameter values
targets:
  - id: daily-users
    title: Daily active users
    source: the baseline at known values
    scenarios: {base: ${JSON.stringify(BASELINE)}}
    checks:
      - measure: {column: dau, aggregate: mean}
        of: base
        band: ${bands.dau}
  - id: churn
    title: Users churned
    source: the baseline at known values
    scenarios: {base: ${JSON.stringify(BASELINE)}}
    checks:
      - measure: churn_total
        of: base
        band: ${bands.churn}
`);
  return file;
}

export interface CalibrationFileOptions {
  targets: string;
  start: { activityMean: number; churnBasePerDay: number };
  budget: number;
  extra?: string;
}

export function writeCalibration(dir: string, name: string, o: CalibrationFileOptions): string {
  const file = join(dir, name);
  writeFileSync(file, `description: a test calibration
base: ${JSON.stringify(BASELINE)}
parameters:
  users.activityMean: {min: 0.2, max: 0.8, start: ${o.start.activityMean}}
  users.churnBasePerDay: {distribution: loguniform, min: 0.0005, max: 0.005, start: ${o.start.churnBasePerDay}}
targets:
  - {file: ${o.targets}, id: daily-users}
  - {file: ${o.targets}, id: churn}
users: 2000
days: 60
reps: 2
budget: ${o.budget}
population: 6
${o.extra ?? ""}`);
  return file;
}
