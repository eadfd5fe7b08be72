/**
 * A real Redis for the queue tests: Debian's redis-server on a free port,
 * persistence off, in a temporary folder; stopped after the tests. Where
 * redis-server is not installed the tests say so and skip, unless
 * SIM_REQUIRE_REDIS is set (CI sets it: there they must run).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { systemToolAvailable } from "../helpers/system-tool.js";

export const REDIS_SERVER = "redis-server";

export function hasRedisServer(): boolean {
  return spawnSync(REDIS_SERVER, ["--version"], { stdio: "ignore" }).status === 0;
}

/** Skip (with the reason on stderr) or, where SIM_REQUIRE_REDIS is set, fail when redis-server is missing. */
export function redisAvailable(): boolean {
  return systemToolAvailable({ what: "redis-server (queue)", present: hasRedisServer(), install: "apt-get install redis-server; .ci/run installs it", requiredBy: "SIM_REQUIRE_REDIS" });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startRedis(dir: string): Promise<RedisServer> {
  const port = await freePort();
  const proc: ChildProcess = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  proc.stdout?.on("data", (b: Buffer) => (output += b.toString()));
  proc.stderr?.on("data", (b: Buffer) => (output += b.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port}:\n${output}`)), 10_000);
    const check = (): void => {
      if (/Ready to accept connections/i.test(output)) {
        clearTimeout(timer);
        resolve();
      } else if (proc.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${proc.exitCode}):\n${output}`));
      } else setTimeout(check, 50);
    };
    check();
  });
  return {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
      }),
  };
}
