/**
 * "Did you mean …?" for misspelt keys and parameter paths.
 *
 * Returns the candidate closest to `word` by edit distance (case-insensitive),
 * or undefined when none is close enough to be a plausible typo: a wrong
 * suggestion is worse than none. For dotted paths whose last part is right but
 * whose group is wrong (`levers.subsidy.rate`), a unique candidate with the same
 * last part is suggested too.
 *
 * @example closestMatch("shar", ["share", "qualityWeight"]) // "share"
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // a third of the word may be wrong (transpositions count as two edits, hence the floor of 2)
  if (bestDistance <= Math.max(2, Math.floor(word.length / 3))) return best;

  const last = lower.slice(lower.lastIndexOf(".") + 1);
  const sameLast = candidates.filter((c) => c.includes(".") && c.toLowerCase().endsWith(`.${last}`));
  return word.includes(".") && sameLast.length === 1 ? sameLast[0] : undefined;
}

/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}
