/** "Unknown argument: rep" → "Unknown argument: rep (did you mean --reps?)", from the command's own options. */
import { closestMatch } from "../scenario/suggest.js";

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
