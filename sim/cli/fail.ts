import { ScenarioError, ScenarioErrors } from "../scenario/errors.js";

/** Exit codes that mean something: see README ("Exit codes"). */
export const EXIT = { ok: 0, failure: 1, badInput: 2, interrupted: 130 } as const;

/** A user mistake found by the CLI itself (a missing file, a bad option value). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Turn any error into a message on stderr and an exit code; never a stack trace for bad input. */
export function fail(err: unknown): never {
  if (err instanceof ScenarioError || err instanceof ScenarioErrors || err instanceof UsageError) {
    process.stderr.write(`sim: ${err.message.split("\n").join("\nsim: ")}\n`);
    process.exit(EXIT.badInput);
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`sim: failed: ${message}\n`);
  if (process.env.SIM_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(EXIT.failure);
}
