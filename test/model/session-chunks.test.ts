/**
 * The users' sessions in chunks (model/session-effects.ts): every chunk sees
 * the shared state as the sessions began, and the chunks' effects are
 * applied in chunk order after them, so the order the chunks run in (and so
 * the thread each runs on) cannot change a table. Run last to first, the
 * same replication gives the same results, bit for bit.
 */
import { describe, expect, it } from "vitest";
import { chunksFor } from "../../sim/model/session-effects.js";
import { runReplication, type ReplicationResult } from "../../sim/model/simulate.js";
import { scenario } from "../helpers/sim.js";

function run(name: string, reverse: boolean): ReplicationResult {
  // 75,000 users: three chunks (session-effects.ts USERS_PER_CHUNK)
  const s = scenario(name, { users: 75_000, days: 75 });
  // from the first day on (the warm-up included): set before the world's second day
  return runReplication(s, 0, 11, (world) => {
    world.sessionEffects.reverse = reverse;
  });
}

describe("the users' sessions in chunks", () => {
  for (const name of ["baseline", "more-consumer-subsidies"]) {
    it(`${name}: the chunks run last to first give the same tables`, () => {
      const forward = run(name, false);
      const reversed = run(name, true);
      expect(chunksFor(75_000)).toBe(3);
      expect(forward.thinning.accepted).toBeGreaterThan(0);
      expect(Array.from(reversed.series)).toEqual(Array.from(forward.series));
      expect(Array.from(reversed.byCategory)).toEqual(Array.from(forward.byCategory));
      expect(Array.from(reversed.tierGmv)).toEqual(Array.from(forward.tierGmv));
      expect(Array.from(reversed.followersEnd)).toEqual(Array.from(forward.followersEnd));
      expect(reversed.thinning).toEqual(forward.thinning);
    });
  }
});
