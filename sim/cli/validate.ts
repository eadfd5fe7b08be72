/**
 * `sim validate FILE...`: load each scenario (extends chain, overrides) or
 * sweep file (recognised by its `base:` key; every point is resolved) or
 * calibration file (`base:` and `targets:`; every target's runs resolved) and
 * say which are good; problems go to stderr with file:line:column. Exit 0 when
 * all are good, 2 when any is not.
 */
import type { Argv, CommandModule } from "yargs";
import { ScenarioError, ScenarioErrors } from "../scenario/errors.js";
import { packageVersion } from "../experiments/package-info.js";
import { buildPlan } from "../experiments/sweep/plan.js";
import { loadSweepFile, looksLikeSweepFile } from "../experiments/sweep/sweep-file.js";
import { commandLineFields } from "../experiments/sweep/command-line.js";
import { loadScenario } from "../scenario/load.js";
import { loadCalibrationFile, looksLikeCalibrationFile } from "../experiments/calibrate/calibration-file.js";
import { EXIT } from "./fail.js";

interface ValidateArgs {
  files: string[];
  set?: string[];
  days?: number;
  users?: number;
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: "validate <files..>",
  describe: "Check scenario, sweep and calibration files without running them",
  builder: (yargs: Argv<object>) =>
    yargs
      .positional("files", { type: "string", array: true, default: undefined, describe: "scenario, sweep or calibration YAML files" })
      .option("set", { type: "string", array: true, requiresArg: true, describe: "override a parameter, path=value (repeatable); checked like the file" })
      .option("days", { type: "number", requiresArg: true, describe: "override horizonDays [days]" })
      .option("users", { type: "number", requiresArg: true, describe: "override population.users [users]" })
      .example("$0 validate scenarios/*.yaml", "check every scenario")
      .example("$0 validate my.yaml --set levers.takeRate=0.03", "check it with an override") as Argv<ValidateArgs>,
  handler: async (argv) => {
    let isAllGood = true;
    for (const file of argv.files) {
      try {
        if (looksLikeCalibrationFile(file)) {
          // a calibration file: its fields, its parameters against the base scenario, its targets in their files
          loadCalibrationFile(file, { users: argv.users, days: argv.days });
        } else if (looksLikeSweepFile(file)) {
          // a sweep file: its own checks, then every point resolved against its base scenario
          buildPlan(loadSweepFile(file, commandLineFields({ days: argv.days, users: argv.users }), argv.set ?? []), packageVersion());
        } else {
          await loadScenario(file, { set: argv.set, days: argv.days, users: argv.users });
        }
        process.stdout.write(`ok  ${file}\n`);
      } catch (err) {
        // a bad file is reported and the next one checked; anything else is a bug and goes to fail()
        if (!(err instanceof ScenarioError || err instanceof ScenarioErrors)) throw err;
        isAllGood = false;
        process.stderr.write(`${err.message.split("\n").map((line) => `sim: ${line}`).join("\n")}\n`);
      }
    }
    if (!isAllGood) process.exitCode = EXIT.badInput;
  },
};
