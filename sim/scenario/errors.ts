/**
 * A problem with a scenario (or sweep) file or a command-line override:
 * where it is and what was expected. Library code throws it; only the CLI
 * turns it into a message and exit code 2.
 */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly fieldPath: string,
    readonly expected: string,
    readonly problem: string,
  ) {
    super(ScenarioError.format(file, line, column, fieldPath, expected, problem));
    this.name = "ScenarioError";
  }

  static format(file: string, line: number | undefined, column: number | undefined, fieldPath: string, expected: string, problem: string): string {
    const where = line === undefined ? file : `${file}:${line}:${column ?? 1}`;
    const field = fieldPath ? ` at '${fieldPath}'` : "";
    const exp = expected ? ` (expected ${expected})` : "";
    return `${where}: ${problem}${field}${exp}`;
  }
}

/** Several scenario errors found in one pass, reported together. */
export class ScenarioErrors extends Error {
  constructor(readonly errors: ScenarioError[]) {
    super(errors.map((e) => e.message).join("\n"));
    this.name = "ScenarioErrors";
  }
}
