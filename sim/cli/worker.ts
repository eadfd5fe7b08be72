/**
 * `sim worker REDIS_URL`: do the runs of queued sweeps and calibrations
 * (`sim sweep … --queue REDIS_URL`, `sim calibrate … --queue REDIS_URL`) on
 * this machine, until stopped. Ctrl-C or SIGTERM: finish the runs in hand,
 * then exit 0 (a second signal exits at once; those runs go back to the queue
 * when their locks expire). Exit 2 on a bad address or a refused --queue,
 * 1 when Redis cannot be reached.
 */
import { cpus } from "node:os";
import type { Argv, CommandModule } from "yargs";
import { parseRedisUrl } from "../experiments/queue/address.js";
import { EXIT, UsageError } from "./fail.js";

interface WorkerArgs {
  redis: string;
  threads: number;
  queue?: string;
  lockSec: number;
  quiet: boolean;
}

export const workerCommand: CommandModule<object, WorkerArgs> = {
  command: "worker <redis>",
  describe: "Do the runs of queued sweeps and calibrations (sim sweep --queue) on this machine",
  builder: (y: Argv<object>) =>
    y
      .positional("redis", { type: "string", demandOption: true, describe: "the Redis address the sweeps were queued on: redis://host:port/db" })
      .option("threads", { type: "number", default: Math.max(1, cpus().length), describe: "runs at once (worker threads)" })
      .option("queue", { type: "string", describe: "take runs from this queue only (its name is printed by the coordinator)", defaultDescription: "every sweep and calibration queued on that Redis" })
      .option("lock-sec", { type: "number", default: 15, describe: "seconds a run's lock lasts unless renewed: the runs of a worker that died go back to the queue after about this long" })
      .option("quiet", { type: "boolean", default: false, alias: "q", describe: "no messages on stderr" })
      .example("$0 worker redis://10.0.0.5:6379/0 --threads 8", "work for every sweep queued on that Redis")
      .epilogue("Workers can join or leave at any time. A worker refuses a sweep planned with another package version or model build. Exit codes: 0 stopped by Ctrl-C/SIGTERM after finishing its runs, 1 Redis unreachable or failure, 2 bad input or refused queue, 130 stopped by a second signal.")
      .check((argv) => {
        const a = argv as unknown as WorkerArgs;
        const parsed = parseRedisUrl(a.redis);
        if ("error" in parsed) throw new UsageError(parsed.error);
        if (!Number.isInteger(a.threads) || a.threads < 1) throw new UsageError("--threads must be a whole number of at least 1");
        if (!(a.lockSec >= 1)) throw new UsageError("--lock-sec must be a number of seconds >= 1");
        return true;
      }) as unknown as Argv<WorkerArgs>,
  handler: async (args) => {
    const say = (text: string): void => {
      if (!args.quiet) process.stderr.write(`sim worker: ${text}\n`);
    };
    // the queue's client libraries are loaded only by this command
    const { QueueRefusedError, serveQueues } = await import("../experiments/queue/serve.js");
    let runs = 0;
    const handle = await serveQueues({
      url: args.redis, threads: args.threads, queue: args.queue, lockMs: Math.round(args.lockSec * 1000),
      onMessage: say,
      onRun: (queue, key, wallSec) => {
        runs++;
        if (process.stderr.isTTY) say(`${queue}: run ${key} in ${wallSec.toFixed(1)} s (${runs} so far)`);
      },
    });
    say(`waiting for runs on ${args.redis} with ${args.threads} thread${args.threads === 1 ? "" : "s"}${args.queue ? ` (queue ${args.queue})` : ""}; Ctrl-C to stop`);
    let stopping = false;
    const stop = (): void => {
      if (stopping) {
        process.stderr.write("sim worker: stopped at once; its runs in hand go back to the queue\n");
        process.exit(EXIT.interrupted);
      }
      stopping = true;
      say("finishing the runs in hand, then stopping (signal again to stop at once)");
      void handle.close();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    try {
      await handle.done;
    } catch (err) {
      if (err instanceof QueueRefusedError) throw new UsageError(err.message);
      throw err;
    }
    say(`stopped after ${runs} run${runs === 1 ? "" : "s"}`);
  },
};
