/**
 * `sim serve`: the strategy sandbox in the browser. Binds to 127.0.0.1 unless
 * told otherwise; reads and writes scenarios only in --dir.
 */
import { existsSync, statSync } from "node:fs";
import { cpus } from "node:os";
import { resolve } from "node:path";
import type { CommandModule } from "yargs";
import { UsageError } from "./fail.js";
import { LANG_OPTION, type LangArgs } from "./lang-option.js";

interface ServeArgs extends LangArgs {
  port: number;
  host: string;
  dir: string;
  threads: number;
  "max-runs": number;
  "max-users": number;
}

export const serveCommand: CommandModule<object, ServeArgs> = {
  command: "serve",
  describe: "Open the strategy sandbox: move levers, run, and watch the charts in the browser",
  builder: (y) =>
    y
      .option("port", { type: "number", default: 8080, describe: "port to listen on (0: any free port)" })
      .option("host", { type: "string", default: "127.0.0.1", describe: "address to bind; 0.0.0.0 opens the sandbox to the network" })
      .option("dir", { type: "string", default: ".", describe: "folder of your scenario files; saved scenarios and reports go here, nowhere else" })
      .option("threads", { type: "number", default: Math.max(1, Math.min(2, cpus().length)), describe: "worker threads shared by all runs" })
      .option("max-runs", { type: "number", default: 4, describe: "runs at once over all tabs; more are refused until one ends" })
      .option("lang", { ...LANG_OPTION, describe: "language the page opens in (its switch changes it); the browser's own language when not given" })
      .option("max-users", { type: "number", default: 1_000_000, describe: "most simulated users a run may ask for" })
      .example("$0 serve", "the sandbox at http://127.0.0.1:8080/")
      .example("$0 serve --dir my-scenarios --port 9000", "your own scenarios, saved into my-scenarios/")
      .check((a) => {
        if (!Number.isInteger(a.port) || a.port < 0 || a.port > 65535) throw new UsageError("--port must be a whole number from 0 to 65535");
        if (!Number.isInteger(a.threads) || a.threads < 1) throw new UsageError("--threads must be a whole number of at least 1");
        if (!Number.isInteger(a["max-runs"]) || a["max-runs"] < 1) throw new UsageError("--max-runs must be a whole number of at least 1");
        if (!Number.isInteger(a["max-users"]) || a["max-users"] < 100) throw new UsageError("--max-users must be a whole number of at least 100");
        if (!existsSync(a.dir) || !statSync(a.dir).isDirectory()) throw new UsageError(`--dir ${a.dir}: no such folder`);
        return true;
      }),
  handler: async (args) => {
    // fastify loads only for this command
    const { buildServer } = await import("../serve/server.js");
    const { app } = buildServer({ dir: args.dir, threads: args.threads, maxRuns: args["max-runs"], maxUsers: args["max-users"], lang: args.lang });
    let address: string;
    try {
      address = await app.listen({ port: args.port, host: args.host });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") throw new UsageError(`port ${args.port} is in use; choose another with --port (0: any free port)`);
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new UsageError(`--host ${args.host}: not an address of this machine`);
      throw err;
    }
    process.stdout.write(`Sandbox at ${address.replace("[::1]", "localhost")}/ (scenarios from ${resolve(args.dir)}); Ctrl-C to stop\n`);
    const stop = () => {
      void app.close().then(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  },
};
