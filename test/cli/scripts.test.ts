/**
 * The npm scripts that are not `sim` commands (npm run bench, bench:queue,
 * bench:serve), run as npm runs them (the built files): --help lists the
 * options with their defaults and exits 0; an unknown option or a bad value
 * exits 2 with one line that names it and where help is, no stack trace.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const DIST = resolve(import.meta.dirname, "../..", process.env.SIM_DIST ?? "dist");
const SCRIPTS = [
  { script: "bench", file: "experiments/bench.js", options: ["--users", "--days", "--threads", "--seed", "--out"] },
  { script: "bench:queue", file: "experiments/queue/bench.js", options: ["redis", "--runs", "--tiny"] },
  { script: "bench:serve", file: "serve/bench.js", options: ["--users", "--reps", "--threads"] },
];

function run(file: string, args: string[]) {
  const path = resolve(DIST, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: build first (npm run build; npm test does it)`);
  return spawnSync(process.execPath, [path, ...args], { encoding: "utf8", timeout: 60_000 });
}

describe.each(SCRIPTS)("npm run $script", ({ script, file, options }) => {
  it("--help shows every option with its default and exits 0", () => {
    const r = run(file, ["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`npm run ${script} --`);
    for (const o of options) expect(r.stdout).toContain(o);
    expect(r.stdout).toContain("[default:");
    expect(r.stderr).toBe("");
  });

  it("refuses an unknown option with exit 2, a suggestion and where help is", () => {
    const r = run(file, [...(options.includes("redis") ? ["redis://127.0.0.1:1/0"] : []), "--thread", "2"]);
    expect(r.status).toBe(2);
    const first = r.stderr.split("\n")[0];
    expect(first.startsWith(`${script}: Unknown argument: thread`)).toBe(true);
    if (options.includes("--threads")) expect(first).toContain("(did you mean --threads?)");
    expect(r.stderr).toContain(`Run "npm run ${script} -- --help" for usage.`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("bad values", () => {
  it.each([
    ["experiments/bench.js", ["--users", "0"], "bench: --users must be a whole number of at least 1, not 0"],
    ["experiments/bench.js", ["--days", "a year"], "bench: --days must be a whole number of at least 1, not NaN"],
    ["serve/bench.js", ["--users", "20000,100000"], "bench:serve: --users must be a whole number of at least 1, not NaN"],
    ["experiments/queue/bench.js", ["http://localhost:6379"], "bench:queue: http://localhost:6379: expected a redis:// or rediss:// address, not http://"],
    ["experiments/queue/bench.js", [], "bench:queue: Not enough non-option arguments: got 0, need at least 1"],
  ])("%s %j exits 2 and says what was expected", (file, args, message) => {
    const r = run(file, args);
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(message);
    expect(r.stdout).toBe("");
  });
});
