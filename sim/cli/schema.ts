/**
 * `sim schema [--calibration] [--out FILE]`: the JSON Schema of scenario files
 * (or of calibration files), for editors (YAML language servers complete and
 * check keys with it).
 */
import { writeFileSync } from "node:fs";
import type { Argv, CommandModule } from "yargs";
import { z } from "zod";
import { CalibrationFileSchema } from "../experiments/calibrate/calibration-file.js";
import { scenarioJsonSchema } from "../scenario/schema.js";
import { UsageError } from "./fail.js";

interface SchemaArgs {
  out?: string;
  calibration: boolean;
}

export const schemaCommand: CommandModule<object, SchemaArgs> = {
  command: "schema",
  describe: "Print the JSON Schema of scenario files (or of calibration files)",
  builder: (yargs: Argv<object>) =>
    yargs
      .option("out", { type: "string", requiresArg: true, describe: "write the schema to this file instead of stdout" })
      .option("calibration", { type: "boolean", default: false, describe: "the schema of calibration files (sim calibrate) instead" })
      .example("$0 schema --calibration", "the calibration file's fields, each with its meaning")
      .example("$0 schema --out scenario.schema.json", "then add '# yaml-language-server: $schema=scenario.schema.json' to a scenario") as Argv<SchemaArgs>,
  handler: (argv) => {
    const schema = argv.calibration ? z.toJSONSchema(CalibrationFileSchema, { io: "input" }) : scenarioJsonSchema();
    const json = `${JSON.stringify(schema, null, 2)}\n`;
    if (argv.out === undefined) {
      process.stdout.write(json);
      return;
    }
    try {
      writeFileSync(argv.out, json);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const reason = code === "ENOENT" ? "its folder does not exist" : code === "EISDIR" ? "it is a folder" : code === "EACCES" ? "permission denied" : (err as Error).message;
      throw new UsageError(`cannot write the schema to ${argv.out}: ${reason}`);
    }
    process.stdout.write(`wrote ${argv.out}\n`);
  },
};
