/** A real `sim serve` for the sandbox tests: the built CLI on a free port, with its address read from its first line. */
import { spawn, type ChildProcess } from "node:child_process";
import { CLI, ROOT } from "../report/helpers.js";

export interface Served {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /Sandbox at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`sim serve exited ${code}: ${stderr}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url, process: child, stop };
}

export async function post(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}
