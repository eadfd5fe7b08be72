/**
 * One replication: build the world, warm up, run the horizon, and return the
 * outputs at platform scale (each count multiplied by the scale of what it
 * counts: scenario/resolution.ts).
 */
import { ScenarioSchema, type Scenario } from "../scenario/schema.js";
import { dayStreams, simulateDay, type StepClock } from "./day.js";
import { initWorld } from "./init.js";
import { COLUMN_SCALE, COLUMNS, TIER_LABELS, tierOf } from "./metrics.js";
import { InterventionLog } from "../scenario/intervention-log.js";
import { createWorld, gmvSlot, type World } from "./world.js";
import { SessionThreads } from "./session-threads.js";
import { FIRST_DAY } from "../engine/world.js";

export interface ReplicationResult {
  rep: number;
  seed: number;
  days: number;
  /** days x COLUMNS, platform scale */
  series: Float64Array;
  /** categories x CATEGORY_COLUMNS, platform scale */
  byCategory: Float64Array;
  /** per tier: orders, gmv (platform scale), creators at start and end, mean relative follower growth */
  tierOrders: Float64Array;
  tierGmv: Float64Array;
  tierCreatorsStart: Float64Array;
  tierCreatorsEnd: Float64Array;
  tierFollowerGrowth: Float64Array;
  /** platform-scale followers of creators alive at the end (start is 0 for entrants) */
  followersStart: Float64Array;
  followersEnd: Float64Array;
  /** buyers in the repurchase window, and those with two or more orders */
  windowBuyers: number;
  windowRepeaters: number;
  categories: string[];
  /** merchant and creator entries refused because population.capacityFactor was reached */
  entriesRefusedFull: number;
  /**
   * purchase candidates drawn under the thinning bound, those evaluated (not
   * rejected by their offer's own bound first), accepted, and bound
   * violations (must be 0)
   */
  thinning: { candidates: number; evaluated: number; accepted: number; violations: number };
}

/**
 * The warm-up runs under the default levers (those of scenarios/baseline.yaml,
 * which restates the defaults), and the scenario's own levers apply from day
 * 0: every scenario then starts day 0 from the same kind of state, and on the
 * same seed from the same state whenever their populations and behaviour
 * agree, so paired comparisons measure the policy from its first day.
 */
const WARMUP_LEVERS = ScenarioSchema.parse({}).levers;

/**
 * One replication; `observe`, for tests, sees the world after each day (report
 * day, negative in the warm-up); `clock`, for the benchmark, is told when each
 * step of each day ends; `sessionThreads` threads run the users' sessions.
 */
export function runReplication(
  params: Scenario, rep: number, seed: number, observe?: (world: World, reportDay: number) => void, clock?: StepClock, sessionThreads = 1,
): ReplicationResult {
  const world = createWorld(structuredClone(params), seed, { sharedMemory: sessionThreads > 1 });
  if (params.warmupDays > 0) world.params.levers = structuredClone(WARMUP_LEVERS);
  // the users' sessions on several threads give the same tables as on one (session-threads.ts)
  if (sessionThreads > 1) world.sessionThreads = new SessionThreads(world.params, seed, sessionThreads);
  try {
    world.today.internalDay = FIRST_DAY;
    initWorld(world);
    const rng = dayStreams(world);
    const log = new InterventionLog(world.params.interventions);
    const warmup = params.warmupDays;
    const total = warmup + params.horizonDays;
    for (let d = 0; d < total; d++) {
      world.today.internalDay = FIRST_DAY + d;
      world.today.reportDay = d - warmup;
      if (d === warmup) {
        world.params.levers = structuredClone(params.levers);
        startReporting(world);
      }
      simulateDay(world, rng, log, clock);
      observe?.(world, d - warmup);
    }
    return collect(world, rep, seed);
  } finally {
    world.sessionThreads?.close();
  }
}

/** Day 0: forget warm-up totals; the creators' tiers at start are taken now. */
function startReporting(world: World): void {
  world.metrics.resetTotals();
  // entry compares GMV per merchant with its level at day 0 (the warm-up's last four weeks)
  // (with a warm-up shorter than the entry window, over the days there are; with none, the level term stays 1)
  const days = Math.min(world.params.behaviour.entry.gmvWindowDays, world.params.warmupDays);
  let recent = 0;
  for (let i = 1; i <= days; i++) recent += world.platform.gmvRing[gmvSlot(world.platform, world.today.internalDay - i)];
  world.platform.gmvReferencePerMerchant = days > 0 ? recent / days / Math.max(1, world.merchants.active) : 0;
  world.platform.entriesRefusedFull = 0;
  const cr = world.creators;
  for (let c = 0; c < cr.count; c++) {
    if (!cr.isActive[c]) continue;
    cr.followersStart[c] = cr.followers[c];
    cr.startTier[c] = tierOf(cr.followers[c] * world.res.creatorFollowerScale);
  }
}

/** Per output column, the factor from simulated to platform scale: the scale of what the column counts. */
export function columnFactors(world: World): Float64Array {
  const { userScale, merchantScale, creatorScale } = world.res;
  const columnScale = { users: userScale, merchants: merchantScale, creators: creatorScale, none: 1 };
  return Float64Array.from(COLUMN_SCALE, (kind) => columnScale[kind]);
}

function collect(world: World, rep: number, seed: number): ReplicationResult {
  const { userScale: scale, creatorFollowerScale: followerScale, creatorScale } = world.res;
  const { metrics, creators: cr, users: u } = world;
  const cols = COLUMNS.length;
  const series = metrics.series.slice();
  const factor = columnFactors(world);
  for (let i = 0; i < series.length; i++) series[i] *= factor[i % cols];
  const byCategory = metrics.byCategory.map((x) => x * scale);
  const tiers = TIER_LABELS.length;
  const tierOrders = new Float64Array(tiers);
  const tierGmv = new Float64Array(tiers);
  for (let t = 0; t < tiers; t++) {
    tierOrders[t] = metrics.byTier[2 * t] * scale;
    tierGmv[t] = metrics.byTier[2 * t + 1] * scale;
  }
  const tierCreatorsStart = new Float64Array(tiers);
  const tierCreatorsEnd = new Float64Array(tiers);
  const tierFollowerGrowth = new Float64Array(tiers);
  const alive: number[] = [];
  for (let c = 0; c < cr.count; c++) {
    if (cr.startTier[c] !== 255) {
      const t = cr.startTier[c];
      tierCreatorsStart[t]++;
      tierFollowerGrowth[t] += (cr.followers[c] - cr.followersStart[c]) / Math.max(1, cr.followersStart[c]);
    }
    if (cr.isActive[c]) {
      tierCreatorsEnd[tierOf(cr.followers[c] * followerScale)]++;
      alive.push(c);
    }
  }
  for (let t = 0; t < tiers; t++) if (tierCreatorsStart[t] > 0) tierFollowerGrowth[t] /= tierCreatorsStart[t];
  // platform scale: each simulated creator stands for `creatorScale` creators with the same audience
  for (let t = 0; t < tiers; t++) {
    tierCreatorsStart[t] *= creatorScale;
    tierCreatorsEnd[t] *= creatorScale;
  }
  const followersStart = Float64Array.from(alive, (c) => cr.followersStart[c] * followerScale);
  const followersEnd = Float64Array.from(alive, (c) => cr.followers[c] * followerScale);
  let buyers = metrics.churnedBuyers;
  let repeaters = metrics.churnedRepeaters;
  for (let id = 0; id < u.count; id++) {
    if (u.hasChurned[id] || u.ordersInWindow[id] === 0) continue;
    buyers++;
    if (u.ordersInWindow[id] >= 2) repeaters++;
  }
  return {
    rep, seed, days: world.params.horizonDays, series, byCategory,
    tierOrders, tierGmv, tierCreatorsStart, tierCreatorsEnd, tierFollowerGrowth,
    followersStart, followersEnd,
    windowBuyers: buyers * scale, windowRepeaters: repeaters * scale,
    categories: world.cats.names,
    entriesRefusedFull: world.platform.entriesRefusedFull,
    thinning: { ...world.scratch.sessions.thinning },
  };
}
