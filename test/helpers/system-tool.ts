/**
 * Tests that need a program of the system (Debian's chromium, redis-server):
 * where it is missing they say so on stderr and skip, unless the environment
 * variable that CI sets requires them (.ci/run installs the programs), in
 * which case a missing program fails the test file instead of hiding it.
 */
export function systemToolAvailable(o: { what: string; present: boolean; install: string; requiredBy: string }): boolean {
  if (o.present) return true;
  if (process.env[o.requiredBy]) throw new Error(`${o.what} is not installed, and ${o.requiredBy} is set: ${o.install}`);
  process.stderr.write(`${o.what} tests skipped: it is not installed (${o.install})\n`);
  return false;
}
