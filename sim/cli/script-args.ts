/**
 * Options of the npm scripts that are not `sim` commands (`npm run bench`,
 * `bench:queue`, `bench:serve`), parsed as `sim`'s are: `--help` with the
 * defaults shown, an unknown option or a bad value refused with a suggestion
 * and exit code 2, never a stack trace.
 */
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { fail } from "./fail.js";
import { usageMistake } from "./suggest-option.js";

/** A yargs parser for `npm run <script> -- [options]`; add the options, then parseSync(). */
export function scriptArgs(script: string, description: string, positionals = ""): Argv {
  const name = `npm run ${script} --`;
  return yargs(hideBin(process.argv))
    .scriptName(name)
    .usage(`${name} ${positionals ? `${positionals} ` : ""}[options]\n\n${description}`)
    .strict()
    .help()
    .alias("h", "help")
    .version(false)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((msg, err, y) => {
      // a check's message comes as err too, a string (wholeNumbers); an Error is a failure of the program
      if (err instanceof Error) fail(err);
      usageMistake(script, msg, y, name);
    });
}

/**
 * A check for .check(): each named option's values are whole numbers of at
 * least `min`. (A check returns its message, not throws it: a thrown error is
 * a failure of the program, a returned message bad input.)
 */
export function wholeNumbers(names: readonly string[], min = 1): (argv: Record<string, unknown>) => true | string {
  return (argv) => {
    for (const name of names) {
      for (const v of ([] as unknown[]).concat(argv[name] ?? [])) {
        if (typeof v !== "number" || !Number.isInteger(v) || v < min) return `--${name} must be a whole number of at least ${min}, not ${String(v)}`;
      }
    }
    return true;
  };
}
