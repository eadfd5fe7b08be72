#!/usr/bin/env node
import yargs, { type CommandModule } from "yargs";
import { hideBin } from "yargs/helpers";
import { fail } from "./fail.js";
import { usageMistake } from "./suggest-option.js";
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

// each command has its own argument type; the list only needs them as yargs commands
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const commands: CommandModule<object, any>[] = [
  runCommand, validateCommand, reportCommand, compareCommand, sweepCommand, mergeCommand, discoverCommand,
  (await import("./check.js")).checkCommand, (await import("./calibrate.js")).calibrateCommand, (await import("./worker.js")).workerCommand,
  (await import("./serve.js")).serveCommand,
  resolutionCommand, schemaCommand,
];
const commandNames = commands.map((c) => String(c.command).split(" ")[0]);

try {
  let cli = yargs(hideBin(process.argv))
    .scriptName("sim")
    .usage("$0 <command> [options]\n\nAgent-based simulation of a live-commerce platform.");
  for (const c of commands) cli = cli.command(c);
  await cli
    .demandCommand(1, "Name a command; see sim --help.")
    .strict()
    .recommendCommands()
    .help()
    .alias("h", "help")
    .version()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((msg, err, y) => {
      if (err) fail(err);
      const command = process.argv.slice(2).find((a) => !a.startsWith("-"));
      usageMistake("sim", msg, y, command && commandNames.includes(command) ? `sim ${command}` : "sim");
    })
    .parseAsync();
} catch (err) {
  fail(err);
}
