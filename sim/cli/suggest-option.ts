/** "Unknown argument: rep" → "Unknown argument: rep (did you mean --reps?)", from the command's own options. */
import { closestMatch } from "../scenario/suggest.js";
import { EXIT } from "./fail.js";

export function withSuggestions(message: string, options: readonly string[]): string {
  const m = /^Unknown arguments?: (.+)$/.exec(message);
  if (!m) return message;
  const flags = options.filter((o) => o.length > 1 && !/[A-Z]/.test(o) && o !== "$0" && o !== "_");
  const parts = m[1].split(", ").map((name) => {
    const guess = closestMatch(name, flags);
    return guess ? `${name} (did you mean --${guess}?)` : name;
  });
  return `${message.slice(0, message.indexOf(":") + 1)} ${parts.join(", ")}`;
}

/**
 * A usage mistake yargs found (unknown option, missing argument, failed
 * check): `prefix: message (did you mean --x?)`, where help is, and exit 2.
 * `usage` is the third argument of yargs' fail callback (not in the typings):
 * its descriptions are the failed command's options.
 */
export function usageMistake(prefix: string, message: string, usage: unknown, helpCommand: string): never {
  const known = (usage as { getDescriptions?: () => Record<string, unknown> } | undefined)?.getDescriptions?.() ?? {};
  process.stderr.write(`${prefix}: ${withSuggestions(message, Object.keys(known))}\nRun "${helpCommand} --help" for usage.\n`);
  process.exit(EXIT.badInput);
}
