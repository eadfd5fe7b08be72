/** `sim report DIR`: rebuild a report folder's charts and index.html from its tables alone. */
import { resolve } from "node:path";
import type { CommandModule } from "yargs";
import { writeReportPages } from "../report/build-report.js";
import { assertReportFolder, NotAReportError } from "../report/read-report.js";
import { isSweepFolder, NotASweepError } from "../experiments/sweep/folder.js";
import { writeSweepReport } from "../report/sweep/build.js";
import { UsageError } from "./fail.js";
import { LANG_OPTION, type LangArgs } from "./lang-option.js";

interface ReportArgs extends LangArgs {
  dir: string;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: "report <dir>",
  describe: "Rebuild a report folder's (or a sweep folder's) charts and index.html from its tables",
  builder: (y) =>
    y
      .positional("dir", { type: "string", demandOption: true, describe: "a report folder written by 'sim run' (<out>/<scenario>/), or a sweep folder written by 'sim sweep'" })
      .option("lang", { ...LANG_OPTION, defaultDescription: "the language the folder was written in (manifest.json), else en" })
      .example("$0 report reports/baseline", "redraw reports/baseline/charts/ and index.html from its CSV and JSON tables")
      .example("$0 report reports/baseline --lang zh-CN", "the same page and charts in Chinese")
      .epilogue("The tables (timeseries.csv, summary.json, ...) are not touched. The new charts/ and index.html replace the old ones only once they are complete."),
  handler: async (args) => {
    const dir = resolve(args.dir);
    try {
      if (isSweepFolder(dir)) {
        // a sweep folder: points.csv, effects.csv, charts and index.html from sweep.json and runs.csv
        await writeSweepReport(dir, { onWarning: (m) => process.stderr.write(`sim: warning: ${m}\n`), lang: args.lang });
        process.stdout.write(`${dir}/index.html\n`);
        return;
      }
      assertReportFolder(dir);
      await writeReportPages(dir, { onWarning: (m) => process.stderr.write(`sim: warning: ${m}\n`), lang: args.lang });
    } catch (err) {
      if (err instanceof NotAReportError || err instanceof NotASweepError) throw new UsageError(err.message);
      throw err;
    }
    process.stdout.write(`${dir}/index.html\n`);
  },
};
