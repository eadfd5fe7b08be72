/**
 * One day, in the order of MODEL.md 1.3: platform, supply, users, orders
 * (inside the users' day), accounts and growth, metrics.
 */
import { KeyedStream, type Rng } from "../engine/rng.js";
import { enterCreators, settleCreators } from "./creators.js";
import { buildAttachmentTables, closeCreatorDay, markCreatorDay } from "./creator-growth.js";
import { closeDelivery } from "./delivery.js";
import { buildFeedTables, buildMerchantTables, settleImpressions } from "./feed.js";
import { measureFeedValue } from "./feed-value.js";
import { assignProgrammes, enterMerchants, settleMerchants } from "./merchants.js";
import { measureMerchants, reviewStrategies } from "./merchant-strategy.js";
import { M } from "./metrics.js";
import type { InterventionLog } from "../scenario/intervention-log.js";
import { startDay } from "./platform.js";
import { serveMerchants } from "./service-providers.js";
import { runSessions } from "./sessions.js";
import { supplyCreators, supplyMerchants } from "./supply.js";
import { measureTrustAndNps } from "./trust.js";
import { churnUsers, driftInterests } from "./users.js";
import { arriveUsers } from "./word-of-mouth.js";
import { loseInterests, measureContent } from "./discovery.js";
import { gmvSlot, type World } from "./world.js";

/** The named streams of the model's processes: one each, so processes do not shift each other's draws. */
export interface DayStreams {
  supply: Rng;
  users: Rng;
  userDays: KeyedStream;
  /** follows from content (creator-growth.ts), keyed by user and day like the users' days */
  contentFollows: KeyedStream;
  merchants: Rng;
  strategy: Rng;
  entry: Rng;
  churn: Rng;
  arrival: Rng;
  drift: Rng;
  interests: Rng;
  providers: Rng;
}

export function dayStreams(world: World): DayStreams {
  const s = world.streams;
  return {
    supply: s.get("supply"),
    users: s.get("users"),
    userDays: new KeyedStream(s.seed, "user-days"),
    contentFollows: new KeyedStream(s.seed, "content-follows"),
    merchants: s.get("merchants"),
    strategy: s.get("strategy"),
    entry: s.get("entry"),
    churn: s.get("churn"),
    arrival: s.get("arrival"),
    drift: s.get("drift"),
    interests: s.get("interests"),
    providers: s.get("providers"),
  };
}

/** The steps of the day as `npm run bench` times them (orders are placed inside the users' sessions). */
export const DAY_STEPS = ["platform", "supply", "sessions", "settlement", "entry", "metrics"] as const;

/** Told when each step of the day ends (DAY_STEPS index), for the benchmark; a run without one pays nothing. */
export interface StepClock {
  lap(step: number): void;
}

export function simulateDay(world: World, rng: DayStreams, log: InterventionLog, clock?: StepClock): void {
  // 1. platform
  startDay(world, log);
  markCreatorDay(world);
  assignProgrammes(world);
  serveMerchants(world, rng.providers);
  buildMerchantTables(world);
  clock?.lap(0);
  // 2. supply
  supplyCreators(world, rng.supply);
  supplyMerchants(world, rng.supply);
  buildFeedTables(world);
  buildAttachmentTables(world);
  measureFeedValue(world);
  measureContent(world);
  clock?.lap(1);
  // 3-4. users' sessions and their orders
  runSessions(world, rng.users, rng.userDays, rng.contentFollows);
  clock?.lap(2);
  settleImpressions(world);
  // 5. accounts and growth
  settleMerchants(world, rng.merchants);
  reviewStrategies(world, rng.strategy);
  settleCreators(world);
  clock?.lap(3);
  enterMerchants(world, rng.entry);
  enterCreators(world, rng.entry);
  churnUsers(world, rng.churn);
  arriveUsers(world, rng.arrival);
  driftInterests(world, rng.drift);
  loseInterests(world, rng.interests);
  clock?.lap(4);
  // 6. metrics
  closeDay(world);
  clock?.lap(5);
}

function closeDay(world: World): void {
  const row = world.metrics.today;
  const mer = world.merchants;
  row[M.users_total] = world.users.alive;
  row[M.merchants_active] = mer.active;
  measureMerchants(world);
  // merchants_over_mark and merchants_self_broadcasting were counted by merchants.ts's last pass
  row[M.creators_active] = world.creators.active;
  row[M.content_pull] = world.content.meanPull;
  closeCreatorDay(world);
  measureTrustAndNps(world);
  closeDelivery(world);
  world.platform.gmvRing[gmvSlot(world.platform, world.today.internalDay)] = row[M.gmv];
  world.metrics.closeDay(world.today.reportDay);
}
