/**
 * The users' sessions in chunks (MODEL.md 1.3 steps 3-4). The users of a
 * day are split into chunks by id (one per USERS_PER_CHUNK users, at most
 * SESSION_CHUNKS, whatever the number of threads); a chunk's users change
 * only their own state at once. What they do to state they share (the
 * merchants' and creators' books and credibility, follower counts, the
 * platform's subsidy accounts, the day's metric row and impressions) is held
 * per chunk and applied after the sessions, chunk by chunk in chunk order;
 * the day's subsidy budgets are shared out over the chunks by their users.
 * So every chunk sees the shared state as the sessions began, whatever
 * chunk ran before it: the day's result does not depend on the order the
 * chunks ran in, or on how many threads ran them (tests run them in reverse).
 */
import { Metrics } from "./metrics.js";
import { sellerExperience } from "./trust.js";
import type { World } from "./world.js";

/** Chunks of a day's users: fixed, so results never depend on the number of threads. */
export const SESSION_CHUNKS = 16;

/** An effect's record in a chunk's log. */
const KIND = { order: 0, follow: 1 } as const;
const RECORD = 16;
/** Fields of an order's record. */
const F = {
  kind: 0, merchant: 1, creator: 2, price: 3, selfBroadcast: 4, paid: 5, commission: 6,
  consumerSubsidy: 7, campaign: 8, campaignId: 9, coupon: 10, chargeBack: 11, returned: 12, fulfilCost: 13, experience: 14, bad: 15,
} as const;

/** One chunk's effects on shared state, in the order they happened. */
class ChunkLog {
  records = new Float64Array(RECORD * 64);
  size = 0;
  /** the chunk's metric row and run totals (today, byCategory, byTier) */
  readonly metrics: Metrics;
  /** the chunk's commerce impressions by category */
  readonly impressions: Float64Array;
  /** the chunk's share of the day's budgets, and what is left of it */
  consumerLeft = 0;
  campaignLeft = 0;
  couponLeft = 0;

  constructor(categories: number) {
    this.metrics = new Metrics(0, categories);
    this.impressions = new Float64Array(categories);
  }

  /** A new record's offset (the log grows by doubling: a day's orders are a few per hundred users). */
  next(): number {
    if (this.size + RECORD > this.records.length) {
      const grown = new Float64Array(2 * this.records.length);
      grown.set(this.records);
      this.records = grown;
    }
    const r = this.size;
    this.size += RECORD;
    return r;
  }
}

export class SessionEffects {
  /** while the sessions run, shared effects go to the current chunk's log */
  active = false;
  chunk = 0;
  readonly logs: ChunkLog[];
  /** the day's metrics while no chunk runs */
  dayMetrics: Metrics | undefined;
  /** for tests: run the chunks last to first (the result must not change) */
  reverse = false;

  constructor(categories: number) {
    this.logs = Array.from({ length: SESSION_CHUNKS }, () => new ChunkLog(categories));
  }

  /** Chunk `k` as another thread ran it (session-threads.ts): its log, metrics, impressions and budgets. */
  receive(c: ChunkResult): void {
    const log = this.logs[c.k];
    if (log.records.length < c.records.length) log.records = new Float64Array(c.records.length);
    log.records.set(c.records);
    log.size = c.records.length;
    log.metrics.today.set(c.today);
    log.metrics.byCategory.set(c.byCategory);
    log.metrics.byTier.set(c.byTier);
    log.impressions.set(c.impressions);
    log.consumerLeft = c.consumerLeft;
    log.campaignLeft = c.campaignLeft;
    log.couponLeft = c.couponLeft;
  }

  /** Chunk `k` as this thread ran it, to send (copies). */
  result(k: number): ChunkResult {
    const log = this.logs[k];
    return {
      k,
      records: log.records.slice(0, log.size),
      today: log.metrics.today.slice(),
      byCategory: log.metrics.byCategory.slice(),
      byTier: log.metrics.byTier.slice(),
      impressions: log.impressions.slice(),
      consumerLeft: log.consumerLeft,
      campaignLeft: log.campaignLeft,
      couponLeft: log.couponLeft,
    };
  }
}

/** A chunk's effects as one thread hands them to another. */
export interface ChunkResult {
  k: number;
  records: Float64Array;
  today: Float64Array;
  byCategory: Float64Array;
  byTier: Float64Array;
  impressions: Float64Array;
  consumerLeft: number;
  campaignLeft: number;
  couponLeft: number;
}

/** Whether chunk `k` runs on thread `thread` of `threads` (thread 0: the replication's own; session-threads.ts). */
export function ownsChunk(k: number, thread: number, threads: number): boolean {
  return k % threads === thread;
}

/** The chunk of `k` of the day's users: ids [start, end) of `count` ids. */
export function chunkStart(count: number, k: number): number {
  const chunks = chunksFor(count);
  return k >= chunks ? count : Math.floor((count * k) / chunks);
}

/**
 * Users a chunk holds at least. A chunk spends from its share of the day's
 * budgets, and a share must hold many orders' worth of subsidy (a budget
 * of 25 million RMB a day on a 300-million-user platform is about 800 RMB a
 * day for 10,000 simulated users; 25,000 hold about 2,000): so small samples
 * have fewer chunks, down to one below 50,000 users.
 */
export const USERS_PER_CHUNK = 25_000;

/** Chunks of a day of `count` user ids: one per USERS_PER_CHUNK, from 1 to SESSION_CHUNKS; the rest are empty. */
export function chunksFor(count: number): number {
  return Math.max(1, Math.min(SESSION_CHUNKS, Math.floor(count / USERS_PER_CHUNK)));
}

/** Before the first chunk: every chunk's share of the day's budgets, in proportion to its ids. */
export function beginSessions(world: World): void {
  const fx = world.sessionEffects;
  const today = world.today;
  const n = world.users.count;
  for (let k = 0; k < SESSION_CHUNKS; k++) {
    const log = fx.logs[k];
    const share = n > 0 ? (chunkStart(n, k + 1) - chunkStart(n, k)) / n : 0;
    log.size = 0;
    log.metrics.today.fill(0);
    log.metrics.byCategory.fill(0);
    log.metrics.byTier.fill(0);
    log.impressions.fill(0);
    log.consumerLeft = today.consumerSubsidyLeft * share;
    log.campaignLeft = today.campaignLeft * share;
    log.couponLeft = today.couponLeft * share;
  }
  fx.active = true;
}

/** Chunk `k` starts: its metrics, impressions and budgets stand in for the day's. */
export function enterChunk(world: World, k: number): void {
  const fx = world.sessionEffects;
  const log = fx.logs[k];
  fx.chunk = k;
  if (fx.dayMetrics === undefined) fx.dayMetrics = world.metrics;
  world.metrics = log.metrics;
  world.scratch.sessions.impressions = log.impressions;
  world.today.consumerSubsidyLeft = log.consumerLeft;
  world.today.campaignLeft = log.campaignLeft;
  world.today.couponLeft = log.couponLeft;
}

/** Chunk `k` ends: what is left of its budgets is kept. */
export function leaveChunk(world: World, k: number): void {
  const log = world.sessionEffects.logs[k];
  log.consumerLeft = world.today.consumerSubsidyLeft;
  log.campaignLeft = world.today.campaignLeft;
  log.couponLeft = world.today.couponLeft;
}

/** After the last chunk: the chunks' effects, in chunk order, on the shared state. */
export function finishSessions(world: World): void {
  const fx = world.sessionEffects;
  fx.active = false;
  const day = fx.dayMetrics ?? world.metrics;
  world.metrics = day;
  fx.dayMetrics = undefined;
  world.scratch.sessions.impressions = world.tables.impressions;
  const today = world.today;
  let consumer = 0;
  let campaign = 0;
  let coupon = 0;
  for (let k = 0; k < SESSION_CHUNKS; k++) {
    const log = fx.logs[k];
    replay(world, log);
    add(day.today, log.metrics.today);
    add(day.byCategory, log.metrics.byCategory);
    add(day.byTier, log.metrics.byTier);
    add(world.tables.impressions, log.impressions);
    consumer += log.consumerLeft;
    campaign += log.campaignLeft;
    coupon += log.couponLeft;
  }
  today.consumerSubsidyLeft = consumer;
  today.campaignLeft = campaign;
  today.couponLeft = coupon;
}

function add(into: Float64Array, from: Float64Array): void {
  for (let i = 0; i < into.length; i++) into[i] += from[i];
}

/**
 * An order's effects on its seller and the platform (orders.ts placeOrder
 * decides them): the discounts the platform paid, the books, the claim
 * charged back and the fulfilment cost, the return, and what the sellers
 * learn from the buyer's experience.
 */
export function logOrder(
  world: World, m: number, creator: number, price: number, selfBroadcast: boolean, paid: boolean, commission: number,
  consumerSubsidy: number, campaign: number, campaignId: number, coupon: number, chargeBack: number, returned: boolean, fulfilCost: number,
  experience: number, bad: boolean,
): void {
  const log = world.sessionEffects.logs[world.sessionEffects.chunk];
  const r = log.next();
  const x = log.records;
  x[r + F.kind] = KIND.order;
  x[r + F.merchant] = m;
  x[r + F.creator] = creator;
  x[r + F.price] = price;
  x[r + F.selfBroadcast] = selfBroadcast ? 1 : 0;
  x[r + F.paid] = paid ? 1 : 0;
  x[r + F.commission] = commission;
  x[r + F.consumerSubsidy] = consumerSubsidy;
  x[r + F.campaign] = campaign;
  x[r + F.campaignId] = campaignId;
  x[r + F.coupon] = coupon;
  x[r + F.chargeBack] = chargeBack;
  x[r + F.returned] = returned ? 1 : 0;
  x[r + F.fulfilCost] = fulfilCost;
  x[r + F.experience] = experience;
  x[r + F.bad] = bad ? 1 : 0;
}

/** A change of `delta` in an account's follower count (follows.ts encoding). */
export function logFollow(world: World, account: number, delta: number): void {
  const log = world.sessionEffects.logs[world.sessionEffects.chunk];
  const r = log.next();
  log.records[r + F.kind] = KIND.follow;
  log.records[r + 1] = account;
  log.records[r + 2] = delta;
}

/** Apply a chunk's log to the shared state. */
function replay(world: World, log: ChunkLog): void {
  const { merchants: mer, creators: cr, platform } = world;
  const x = log.records;
  const perMerchant = world.res.perMerchant;
  for (let r = 0; r < log.size; r += RECORD) {
    if (x[r + F.kind] === KIND.follow) {
      const account = x[r + 1];
      if (account > 0) cr.followers[account - 1] += x[r + 2];
      else mer.followers[-account - 1] += x[r + 2];
      continue;
    }
    const m = x[r + F.merchant];
    const creator = x[r + F.creator];
    const price = x[r + F.price];
    platform.consumerSubsidySpent += x[r + F.consumerSubsidy];
    if (x[r + F.campaign] > 0) {
      const c = x[r + F.campaignId];
      platform.campaignSpent[c] = (platform.campaignSpent[c] ?? 0) + x[r + F.campaign];
    }
    platform.couponSpent += x[r + F.coupon];
    mer.salesToday[m] += price;
    mer.ordersToday[m]++;
    if (x[r + F.selfBroadcast] === 1) mer.liveGmvToday[m] += price;
    if (x[r + F.paid] === 1) mer.paidGmvToday[m] += price;
    if (creator >= 0) {
      mer.commissionToday[m] += x[r + F.commission];
      cr.commissionToday[creator] += x[r + F.commission];
    }
    if (x[r + F.chargeBack] > 0) mer.cashRmb[m] -= x[r + F.chargeBack] * perMerchant;
    if (x[r + F.returned] === 1) mer.returnsToday[m] += price;
    if (x[r + F.fulfilCost] > 0) mer.cashRmb[m] -= x[r + F.fulfilCost] * perMerchant;
    sellerExperience(world, m, creator, x[r + F.experience], x[r + F.bad] === 1);
  }
}
