#!/usr/bin/env node
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { fail } from "./fail.js";
import { runCommand } from "./run.js";
import { validateCommand } from "./validate.js";
import { schemaCommand } from "./schema.js";
import { reportCommand } from "./report.js";
import { compareCommand } from "./compare.js";
import { sweepCommand } from "./sweep.js";
import { mergeCommand } from "./merge.js";
import { discoverCommand } from "./discover.js";
import { resolutionCommand } from "./resolution.js";

// a reader that stops early (`sim validate *.yaml | head`) is not an error
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

try {
  await yargs(hideBin(process.argv))
    .scriptName("sim")
    .usage("$0 <command> [options]\n\nAgent-based simulation of a live-commerce platform.")
    .command(runCommand)
    .command(validateCommand)
    .command(reportCommand)
    .command(compareCommand)
    .command(sweepCommand)
    .command(mergeCommand)
    .command(discoverCommand)
    .command((await import("./check.js")).checkCommand)
    .command((await import("./calibrate.js")).calibrateCommand)
    .command((await import("./worker.js")).workerCommand)
    .command(resolutionCommand)
    .command(schemaCommand)
    .demandCommand(1, "Name a command; see sim --help.")
    .strict()
    .recommendCommands()
    .help()
    .alias("h", "help")
    .version()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((msg, err) => {
      if (err) fail(err);
      process.stderr.write(`sim: ${msg}\nRun "sim --help" for usage.\n`);
      process.exit(2);
    })
    .parseAsync();
} catch (err) {
  fail(err);
}
