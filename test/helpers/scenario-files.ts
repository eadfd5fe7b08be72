/**
 * Scenario files written for a test, and the errors loading them throws:
 * shared by the loading and checking tests (test/scenario).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { ScenarioError, ScenarioErrors } from "../../sim/scenario/errors.js";
import { loadScenarioSync, type Overrides } from "../../sim/scenario/load.js";

/** A fresh folder for a test's fixture files. */
export function fixtureDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `sim-${prefix}-`));
}

/** Write a fixture file (lines joined with newlines) in `dir` and return its path. */
export function writeIn(dir: string, name: string, ...lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** The errors a load throws; fails the test if it throws anything else or nothing. */
export function errorsOf(file: string, overrides?: Overrides): ScenarioError[] {
  try {
    loadScenarioSync(file, overrides);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioErrors);
    return (err as ScenarioErrors).errors;
  }
  throw new Error(`expected ${file} to be rejected`);
}

/** The one error of a list (fails the test when there are more or none). */
export function only(errors: ScenarioError[]): ScenarioError {
  expect(errors.map((e) => e.message)).toHaveLength(1);
  return errors[0];
}
