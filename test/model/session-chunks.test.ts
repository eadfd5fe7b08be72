/**
 * The users' sessions in chunks (model/session-effects.ts): every chunk sees
 * the shared state as the sessions began, and the chunks' effects are
 * applied in chunk order after them, so the order the chunks run in (and so
 * the thread each runs on) cannot change a table. Run last to first, the
 * same replication gives the same results, bit for bit.
 */
import { describe, expect, it } from "vitest";
import { runReplication, type ReplicationResult } from "../../sim/model/simulate.js";
import { scenario } from "../helpers/sim.js";

function run(name: string, reverse: boolean): ReplicationResult {
  const s = scenario(name, { users: 3000, days: 120 });
  // from the first day on (the warm-up included): set before the world's second day
  return runReplication(s, 0, 11, (world) => {
    world.sessionEffects.reverse = reverse;
  });
}

describe("the users' sessions in chunks", () => {
  for (const name of ["baseline", "more-consumer-subsidies", "trust-first"]) {
    it(`${name}: the chunks run last to first give the same tables`, () => {
      const forward = run(name, false);
      const reversed = run(name, true);
      expect(forward.thinning.accepted).toBeGreaterThan(0);
      expect(Array.from(reversed.series)).toEqual(Array.from(forward.series));
      expect(Array.from(reversed.byCategory)).toEqual(Array.from(forward.byCategory));
      expect(Array.from(reversed.tierGmv)).toEqual(Array.from(forward.tierGmv));
      expect(Array.from(reversed.followersEnd)).toEqual(Array.from(forward.followersEnd));
      expect(reversed.thinning).toEqual(forward.thinning);
    });
  }
});
