/** Redis addresses and queue names as users see them (kept apart from the Redis client, so the CLI checks them without loading it). */
import { createHash } from "node:crypto";

/** A Redis address as users write it: redis://[user:password@]host[:port][/db], or rediss:// for TLS. */
export function parseRedisUrl(text: string): { url: string } | { error: string } {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { error: `${text}: expected a Redis address such as redis://localhost:6379/0` };
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") return { error: `${text}: expected a redis:// or rediss:// address, not ${u.protocol}//` };
  if (u.hostname === "") return { error: `${text}: the address names no host` };
  const db = u.pathname.replace(/^\//, "");
  if (db !== "" && !/^\d+$/.test(db)) return { error: `${text}: the database after the host must be a number (redis://host:6379/0), not "${db}"` };
  return { url: text };
}

/**
 * A queue name BullMQ accepts (no colons): the kind, the sweep's or
 * calibration's name, and a hash of what makes the work this work (the plan,
 * the machine and the folder results go to). A coordinator started again on
 * the same folder finds its queue; two coordinators of the same plan writing
 * to different folders never share one.
 */
export function queueName(kind: "sweep" | "calibrate", name: string, ...identity: string[]): string {
  const id = createHash("sha256").update(identity.join("|")).digest("hex");
  return `${kind}-${name.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60)}-${id.slice(0, 10)}`;
}
