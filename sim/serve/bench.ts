/**
 * `npm run bench:serve`: how long the sandbox makes a strategist wait. Starts
 * the sandbox's server on a free port, asks for a run of the baseline with a
 * lever moved (compared with the baseline, 2 replications each) at 20,000
 * and 100,000 users, and times, from the request, the first chart with days
 * in it and the end of the run, as the page receives them.
 *
 *   npm run bench:serve -- [--users 20000 --users 100000] [--reps 2] [--threads 2]
 */
import { cpus } from "node:os";
import { buildServer } from "./server.js";
import { scriptArgs, wholeNumbers } from "../cli/script-args.js";

interface Timing {
  users: number;
  firstChartMs: number;
  finishedMs: number;
}

async function timeRun(url: string, users: number, reps: number): Promise<Timing> {
  const started = performance.now();
  const res = await fetch(`${url}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenario: "shipped/baseline.yaml", set: ["levers.takeRate=0.06"], users, reps }),
  });
  if (res.status !== 201) throw new Error(`the run was refused: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const events = await fetch(`${url}/api/runs/${id}/events`);
  const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let firstChartMs = NaN;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error("the event stream ended before the run");
    buffer += value;
    let cut: number;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? "null";
      if (event === "progress" && Number.isNaN(firstChartMs) && (JSON.parse(data) as { daysDone: number }).daysDone > 0) firstChartMs = -1;
      // the first charts that follow days done: the page draws them now
      if (event === "charts" && firstChartMs === -1) firstChartMs = performance.now() - started;
      if (event === "end") {
        const end = JSON.parse(data) as { status: string; error?: string };
        if (end.status !== "done") throw new Error(`the run ended ${end.status}: ${end.error ?? ""}`);
        return { users, firstChartMs, finishedMs: performance.now() - started };
      }
    }
  }
}

const values = scriptArgs("bench:serve", "How long the sandbox makes a strategist wait: from the request to the first chart with days in it, and to the end of the run (a lever moved, compared with the baseline, 365 days).")
  .option("users", { type: "number", array: true, default: [20_000, 100_000], describe: "users of the run (repeatable: each size is timed)" })
  .option("reps", { type: "number", default: 2, describe: "replications of the scenario and of the baseline" })
  .option("threads", { type: "number", default: Math.max(1, Math.min(2, cpus().length)), describe: "the sandbox's threads" })
  .check(wholeNumbers(["users", "reps", "threads"]))
  .parseSync();
const threads = values.threads;
const { app } = buildServer({ dir: process.cwd(), threads, maxRuns: 1, maxUsers: 10_000_000 });
const url = (await app.listen({ port: 0, host: "127.0.0.1" })).replace(/\/$/, "");
process.stderr.write(`sandbox on ${url}, ${threads} threads, ${values.reps} replications of the scenario and of the baseline, 365 days\n`);
try {
  const rows: Timing[] = [];
  for (const users of values.users) rows.push(await timeRun(url, users, values.reps));
  process.stdout.write("| users | first chart | finished run |\n| ---: | ---: | ---: |\n");
  for (const r of rows) process.stdout.write(`| ${r.users.toLocaleString("en")} | ${(r.firstChartMs / 1000).toFixed(2)} s | ${(r.finishedMs / 1000).toFixed(1)} s |\n`);
} finally {
  await app.close();
}
