/** The --queue option of sweep and calibrate: a Redis address, checked before anything runs. */
import { parseRedisUrl } from "../experiments/queue/address.js";
import { UsageError } from "./fail.js";

/** A --queue option's Redis address, refused with the accepted form. */
export function checkQueueOption(value: string | undefined): void {
  if (value === undefined) return;
  const parsed = parseRedisUrl(value);
  if ("error" in parsed) throw new UsageError(`--queue ${parsed.error}`);
}
