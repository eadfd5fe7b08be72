/**
 * The world's state as struct-of-arrays typed arrays, indexed by agent id.
 * The agents' arrays start at about the day-0 need and grow geometrically
 * (reserve) when an entry or arrival needs an id beyond them, up to the
 * capacity the scenario allows: the capacity is a limit, not an allocation,
 * so a large run does not hold (or commit, through the fill values) arrays
 * for agents that never come. Growth copies every array, so nothing keeps a
 * reference to an agent array across the entry and arrival steps and init
 * (the only places that grow); the users' sessions never grow anything, and
 * the daily loop allocates nothing except on growth. Each array has one
 * owning submodel (named beside it); others only read it.
 */
import { AliasTables } from "./alias.js";

/** Interest slots kept per user: users are interested in 1 to 3 categories. */
export const INTEREST_SLOTS = 3;
/** Follow slots per user (creators and stores together). */
export const FOLLOW_SLOTS = 8;
/** Products a creator carries at most in one live session. */
export const PRODUCT_SLOTS = 8;
/** Grid points of price sensitivity for the thinning envelope. */
export const PS_GRID = 9;
/**
 * Internal day numbers start at FIRST_DAY, so that incumbents, who joined on
 * internal day 0, are long established (not "new") when the run starts.
 */
export const FIRST_DAY = 1000;
/** Locations users are spread over, uniformly (users.location is a Uint8Array); a shock hits a region of them. */
export const LOCATIONS = 256;
/** How many locations, from 0, a region of this share of users holds (model/shocks.ts). */
export function regionLocations(regionShare: number): number {
  return Math.round(regionShare * LOCATIONS);
}
/** Marks a day that never happened (a user who never ordered). */
export const NEVER = 0xffff;

/**
 * How much an agent array grows when it is full: geometric, so that copying
 * costs O(1) per agent over a run, and at most a quarter of an allocation
 * idles (users' arrays are ~140 bytes a slot: a larger step would spend more
 * on room than on users).
 */
export const GROWTH = 1.25;

type AgentArray = Uint8Array | Uint16Array | Int32Array | Float32Array | Float64Array;

/** `a` copied into a new array of `length` elements, the new part at `empty` (a fresh typed array is zero, so 0 writes nothing). */
export function grown<T extends AgentArray>(a: T, length: number, empty = 0): T {
  // shared memory stays shared: the threads of one replication's sessions work on the same agents (model/session-threads.ts)
  const Ctor = a.constructor as (new (length: number) => T) & (new (buffer: SharedArrayBuffer) => T) & { BYTES_PER_ELEMENT: number };
  const b = a.buffer instanceof SharedArrayBuffer ? new Ctor(new SharedArrayBuffer(length * Ctor.BYTES_PER_ELEMENT)) : new Ctor(length);
  b.set(a);
  if (empty !== 0) b.fill(empty, a.length);
  return b;
}

/**
 * Every typed array of `o` (and of the objects it holds) copied into shared
 * memory, which `grown` keeps shared: for a replication whose users'
 * sessions run on several threads (model/session-threads.ts). Single-thread
 * runs keep ordinary memory, which the garbage collector frees sooner after
 * a growth.
 */
export function shareArrays(o: object): void {
  const record = o as Record<string, unknown>;
  for (const [key, v] of Object.entries(o)) {
    if (ArrayBuffer.isView(v) && !(v.buffer instanceof SharedArrayBuffer)) {
      const a = v as AgentArray;
      const Ctor = a.constructor as (new (buffer: SharedArrayBuffer) => AgentArray) & { BYTES_PER_ELEMENT: number };
      const b = new Ctor(new SharedArrayBuffer(a.length * Ctor.BYTES_PER_ELEMENT));
      b.set(a);
      record[key] = b;
    } else if (v !== null && typeof v === "object" && !Array.isArray(v) && !ArrayBuffer.isView(v)) shareArrays(v);
  }
}

/** The allocation after growth: room for `needed` agents, at least GROWTH times the current one, never more than `capacity`. */
export function nextAllocation(allocated: number, needed: number, capacity: number): number {
  return Math.min(capacity, Math.max(needed, Math.ceil(allocated * GROWTH)));
}

/** Bytes held by the typed arrays of an agent class, Tables or a scratch object (and of the objects it holds), for the benchmark. */
export function arrayBytes(o: object): number {
  let bytes = 0;
  for (const v of Object.values(o)) {
    if (ArrayBuffer.isView(v)) bytes += v.byteLength;
    else if (v !== null && typeof v === "object") bytes += arrayBytes(v as object);
  }
  return bytes;
}

export const SEGMENT = { fan: 0, value: 1, casual: 2 } as const;
export const STAGE = { new: 0, growing: 1, established: 2 } as const;
/** Kinds of feed entry, and the four sales channels. */
export const ENTRY = { creatorLive: 0, merchantLive: 1, creatorVideo: 2, merchantVideo: 3 } as const;
export const CHANNEL = { creatorLive: 0, selfBroadcast: 1, shortVideo: 2, mallSearch: 3 } as const;

/**
 * What the agent classes share: a capacity (the most agents there can be;
 * entry is refused beyond it) and an allocation that grows toward it.
 * `reserve` makes room; each class's `grow` replaces its arrays. A subclass
 * calls `reserve(initial)` at the end of its constructor, after its fields
 * exist.
 */
abstract class AgentArrays {
  /** agents the arrays hold now (reserve grows it, up to capacity) */
  allocated = 0;

  constructor(readonly capacity: number) {}

  /** Room for ids below `needed` (at most capacity): every array grows to the next allocation, its new part empty. */
  reserve(needed: number): void {
    if (needed <= this.allocated) return;
    const n = this.allocated === 0 ? Math.min(this.capacity, needed) : nextAllocation(this.allocated, needed, this.capacity);
    this.grow(n);
    this.allocated = n;
  }

  /** Replace every array by one of `n` agents (grown). */
  protected abstract grow(n: number): void;
}

export class Users extends AgentArrays {
  segment = new Uint8Array(0); // init
  hasChurned = new Uint8Array(0); // users.ts (1 also for free slots)
  activity = new Float32Array(0); // init
  priceSensitivity = new Float32Array(0); // init
  propensity = new Float32Array(0); // init: the user's own utility shift (heavy and light shoppers)
  trust = new Float32Array(0); // trust.ts: (good + 1) / (good + bad + 2), kept for the hot loop
  trustGood = new Float32Array(0); // trust.ts: evidence of good purchases (decayed)
  trustBad = new Float32Array(0); // trust.ts: evidence of bad purchases (decayed)
  adFatigue = new Float32Array(0); // ad-fatigue.ts: unwanted paid items a day remembered (-1: not yet exposed, an incumbent)
  satisfaction = new Float32Array(0); // trust.ts
  interestCat = new Uint8Array(0); // users.ts (drift)
  interestWeight = new Float32Array(0); // users.ts
  needDay = new Uint16Array(0); // orders.ts
  lastMerchant = new Int32Array(0); // orders.ts (-1: none)
  lastSatisfied = new Uint8Array(0); // orders.ts
  isDiscovered = new Uint8Array(0); // discovery.ts: the slot's interest came from content and has not been bought yet
  /** per interest slot: the price the user expects in the category, relative to its reference price (1: none learnt yet) */
  refPrice = new Float32Array(0); // reference-price.ts
  /** per interest slot: ln refPrice, kept beside it so that the choice and its bound read no log */
  refLogPrice = new Float32Array(0); // reference-price.ts
  follows = new Int32Array(0); // follows.ts (0 empty, c+1 creator, -(m+1) store)
  joinedDay = new Uint16Array(0); // users.ts
  lastOrderDay = new Uint16Array(0); // orders.ts
  ordersInWindow = new Uint16Array(0); // orders.ts
  location = new Uint8Array(0); // users.ts: where the user lives, uniform 0..255 (shocks.ts hits a region of it)
  /** highest id in use + 1 */
  count = 0;
  /** users not churned */
  alive = 0;
  freeIds = new Int32Array(0);
  freeCount = 0;

  /** `capacity`: the most agents there can be (entry is refused beyond it); `initial`: the first allocation. */
  constructor(capacity: number, initial = capacity) {
    super(capacity);
    this.reserve(initial);
  }

  protected grow(n: number): void {
    this.segment = grown(this.segment, n);
    this.hasChurned = grown(this.hasChurned, n, 1);
    this.activity = grown(this.activity, n);
    this.priceSensitivity = grown(this.priceSensitivity, n);
    this.propensity = grown(this.propensity, n);
    this.trust = grown(this.trust, n);
    this.trustGood = grown(this.trustGood, n);
    this.trustBad = grown(this.trustBad, n);
    this.adFatigue = grown(this.adFatigue, n);
    this.satisfaction = grown(this.satisfaction, n);
    this.interestCat = grown(this.interestCat, n * INTEREST_SLOTS);
    this.interestWeight = grown(this.interestWeight, n * INTEREST_SLOTS);
    this.needDay = grown(this.needDay, n * INTEREST_SLOTS);
    this.lastMerchant = grown(this.lastMerchant, n * INTEREST_SLOTS, -1);
    this.lastSatisfied = grown(this.lastSatisfied, n * INTEREST_SLOTS);
    this.isDiscovered = grown(this.isDiscovered, n * INTEREST_SLOTS);
    this.refPrice = grown(this.refPrice, n * INTEREST_SLOTS, 1);
    this.refLogPrice = grown(this.refLogPrice, n * INTEREST_SLOTS);
    this.follows = grown(this.follows, n * FOLLOW_SLOTS);
    this.joinedDay = grown(this.joinedDay, n);
    this.lastOrderDay = grown(this.lastOrderDay, n, NEVER);
    this.ordersInWindow = grown(this.ordersInWindow, n);
    this.location = grown(this.location, n);
    this.freeIds = grown(this.freeIds, n);
  }
}

export class Creators extends AgentArrays {
  isActive = new Uint8Array(0); // creators.ts
  mainCat = new Uint8Array(0);
  verticality = new Float32Array(0); // 1: niche expert, 0: generalist
  quality = new Float32Array(0); // content quality
  skill = new Float32Array(0); // selling skill
  credibility = new Float32Array(0); // trust.ts
  followers = new Int32Array(0); // follows.ts (simulated count)
  followersStart = new Int32Array(0); // init (0 for entrants)
  startTier = new Uint8Array(0); // init (255 for entrants)
  entryDay = new Uint16Array(0);
  lastEarningDay = new Uint16Array(0); // creators.ts
  stage = new Uint8Array(0); // creators.ts
  isLive = new Uint8Array(0); // supply.ts
  hasVideo = new Uint8Array(0); // supply.ts
  productCount = new Uint8Array(0); // supply.ts
  products = new Int32Array(0); // supply.ts: merchant ids carried today
  commissionToday = new Float64Array(0); // orders.ts
  commissionTotal = new Float64Array(0); // orders.ts
  earningsRecent = new Float32Array(0); // creator-growth.ts: running mean of commission per real creator (RMB a day)
  lowEarningDays = new Uint16Array(0); // creator-growth.ts: days in a row with earningsRecent under the reservation earning
  followersDayStart = new Int32Array(0); // creator-growth.ts: followers at the start of the day (daily follower growth by tier)
  count = 0;
  active = 0;

  /** `capacity`: the most agents there can be (entry is refused beyond it); `initial`: the first allocation. */
  constructor(capacity: number, initial = capacity) {
    super(capacity);
    this.reserve(initial);
  }

  protected grow(n: number): void {
    this.isActive = grown(this.isActive, n);
    this.mainCat = grown(this.mainCat, n);
    this.verticality = grown(this.verticality, n);
    this.quality = grown(this.quality, n);
    this.skill = grown(this.skill, n);
    this.credibility = grown(this.credibility, n);
    this.followers = grown(this.followers, n);
    this.followersStart = grown(this.followersStart, n);
    this.startTier = grown(this.startTier, n, 255);
    this.entryDay = grown(this.entryDay, n);
    this.lastEarningDay = grown(this.lastEarningDay, n);
    this.stage = grown(this.stage, n);
    this.isLive = grown(this.isLive, n);
    this.hasVideo = grown(this.hasVideo, n);
    this.productCount = grown(this.productCount, n);
    this.products = grown(this.products, n * PRODUCT_SLOTS);
    this.commissionToday = grown(this.commissionToday, n);
    this.commissionTotal = grown(this.commissionTotal, n);
    this.earningsRecent = grown(this.earningsRecent, n);
    this.lowEarningDays = grown(this.lowEarningDays, n);
    this.followersDayStart = grown(this.followersDayStart, n);
  }
}

export class Merchants extends AgentArrays {
  isActive = new Uint8Array(0); // merchants.ts
  cat = new Uint8Array(0);
  priceRmb = new Float32Array(0); // list price of an order
  quality = new Float32Array(0); // latent product quality 0..1
  brand = new Float32Array(0); // 0..1
  service = new Float32Array(0); // logistics and after-sales 0..1
  credibility = new Float32Array(0); // trust.ts
  complaintRate = new Float32Array(0); // trust.ts (running average of bad purchases)
  claims = new Float32Array(0); // merchants.ts: how far listing and live claims overstate quality
  commission = new Float32Array(0); // share of price offered to creators
  isSelfBroadcaster = new Uint8Array(0); // merchants.ts
  isLive = new Uint8Array(0); // supply.ts
  liveSkill = new Float32Array(0); // supply.ts (learning by broadcasting)
  liveLossDays = new Uint16Array(0); // merchants.ts
  followers = new Int32Array(0); // follows.ts
  paidBudgetRmb = new Float32Array(0); // merchants.ts (per day)
  paidSpendRmb = new Float64Array(0); // feed.ts settleImpressions: today's paid spend (sample RMB)
  paidReturnRecent = new Float32Array(0); // merchants.ts: running mean of paid traffic's margin (sample RMB a day)
  paidSpendRecent = new Float32Array(0); // merchants.ts: running mean of paid spend (sample RMB a day)
  paidGmvToday = new Float64Array(0); // orders.ts
  liveGmvToday = new Float64Array(0); // orders.ts
  salesToday = new Float64Array(0); // orders.ts (list price of orders)
  ordersToday = new Int32Array(0); // orders.ts
  commissionToday = new Float64Array(0); // orders.ts
  returnsToday = new Float64Array(0); // orders.ts (value returned)
  cashRmb = new Float64Array(0); // merchants.ts
  distressDays = new Uint16Array(0); // merchants.ts
  entryDay = new Uint16Array(0);
  isServed = new Uint8Array(0); // service-providers.ts: a provider's client today
  providerUntil = new Int32Array(0); // service-providers.ts: internal day the client's contract ends
  isQueued = new Uint8Array(0); // service-providers.ts: in the queue for a provider
  isFulfilled = new Uint8Array(0); // merchants.ts: in the cloud warehouse today
  programmeDraw = new Float32Array(0); // init: a fixed uniform that decides joining the warehouse programme
  isBelt = new Uint8Array(0); // industry-belt cohort
  // strategy and growth (merchant-strategy.ts)
  unitCostRmb = new Float32Array(0); // cost of goods of one order (rises with quality)
  capacityUnits = new Float32Array(0); // assortment, stock and staff: 1 at entry, grows with reinvestment
  priceStep = new Float32Array(0); // the last trial step of each learned lever (signed)
  qualityStep = new Float32Array(0);
  commissionStep = new Float32Array(0);
  profitPeriod = new Float64Array(0); // profit per real merchant since the last review [RMB]
  profitRate = new Float64Array(0); // profit per day of the last review period [RMB/day]
  cashMark = new Float64Array(0); // cash after yesterday's books: today's profit is the change since
  salesRunRate = new Float64Array(0); // running mean of daily net sales per real merchant [RMB/day]
  idleDays = new Uint16Array(0); // days in a row whose run rate promises less than one order in idleExitDays
  removalDays = new Uint16Array(0); // days with the complaint rate above governance's removal rate
  count = 0;
  active = 0;

  /** `capacity`: the most agents there can be (entry is refused beyond it); `initial`: the first allocation. */
  constructor(capacity: number, initial = capacity) {
    super(capacity);
    this.reserve(initial);
  }

  protected grow(n: number): void {
    this.isActive = grown(this.isActive, n);
    this.cat = grown(this.cat, n);
    this.priceRmb = grown(this.priceRmb, n);
    this.quality = grown(this.quality, n);
    this.brand = grown(this.brand, n);
    this.service = grown(this.service, n);
    this.credibility = grown(this.credibility, n);
    this.claims = grown(this.claims, n);
    this.complaintRate = grown(this.complaintRate, n);
    this.commission = grown(this.commission, n);
    this.isSelfBroadcaster = grown(this.isSelfBroadcaster, n);
    this.isLive = grown(this.isLive, n);
    this.liveSkill = grown(this.liveSkill, n);
    this.liveLossDays = grown(this.liveLossDays, n);
    this.followers = grown(this.followers, n);
    this.paidBudgetRmb = grown(this.paidBudgetRmb, n);
    this.paidSpendRmb = grown(this.paidSpendRmb, n);
    this.paidReturnRecent = grown(this.paidReturnRecent, n);
    this.paidSpendRecent = grown(this.paidSpendRecent, n);
    this.paidGmvToday = grown(this.paidGmvToday, n);
    this.liveGmvToday = grown(this.liveGmvToday, n);
    this.salesToday = grown(this.salesToday, n);
    this.ordersToday = grown(this.ordersToday, n);
    this.commissionToday = grown(this.commissionToday, n);
    this.returnsToday = grown(this.returnsToday, n);
    this.cashRmb = grown(this.cashRmb, n);
    this.distressDays = grown(this.distressDays, n);
    this.entryDay = grown(this.entryDay, n);
    this.isServed = grown(this.isServed, n);
    this.providerUntil = grown(this.providerUntil, n);
    this.isQueued = grown(this.isQueued, n);
    this.isFulfilled = grown(this.isFulfilled, n);
    this.programmeDraw = grown(this.programmeDraw, n);
    this.isBelt = grown(this.isBelt, n);
    this.unitCostRmb = grown(this.unitCostRmb, n);
    this.capacityUnits = grown(this.capacityUnits, n);
    this.priceStep = grown(this.priceStep, n);
    this.qualityStep = grown(this.qualityStep, n);
    this.commissionStep = grown(this.commissionStep, n);
    this.profitPeriod = grown(this.profitPeriod, n);
    this.profitRate = grown(this.profitRate, n);
    this.cashMark = grown(this.cashMark, n);
    this.salesRunRate = grown(this.salesRunRate, n);
    this.idleDays = grown(this.idleDays, n);
    this.removalDays = grown(this.removalDays, n);
  }
}

/** Numbers in an offer's bound record (Tables.entryBound, merchantBound): utility part, live part or interest, log price. */
export const ENTRY_BOUND = 3;

/**
 * The day's sampling tables (feed.ts owns them). Organic feed entries are
 * creator live rooms, merchant live rooms and product short videos, grouped by
 * category; paid, search and product-selection tables range over merchants.
 */
export class Tables {
  readonly feed: AliasTables;
  feedWeight = new Float64Array(0);
  feedKind = new Uint8Array(0);
  feedSource = new Int32Array(0); // creator or merchant id
  feedBoostShare = new Float32Array(0); // share of the weight that is subsidy boost
  /**
   * Per organic entry, a thinning bound of its own (bounds.ts), in one record
   * of ENTRY_BOUND numbers (one cache line for a random entry): the largest
   * offer utility part of its products (live rooms with the live bound), the
   * lowest log relative price among them, and the interest coefficient x fit.
   */
  entryBound = new Float64Array(0);
  readonly paid: AliasTables;
  readonly search: AliasTables;
  readonly selection: AliasTables;
  merchantWeight = new Float64Array(0); // scratch for the search and selection tables
  paidWeight = new Float64Array(0); // kept: impressions are settled from it after the day
  merchantOrder = new Int32Array(0); // active merchants grouped by category (feed.ts)
  readonly merchantStart: Int32Array; // categories + 1 offsets into merchantOrder
  creatorOrder = new Int32Array(0); // active creators grouped by main category (feed.ts)
  readonly creatorStart: Int32Array; // categories + 1 offsets into creatorOrder
  readonly groupFill: Int32Array; // scratch of the grouping
  /**
   * Follows from content (creator-growth.ts): per category, today's posting
   * creators (positions in creatorOrder) weighted by fitness x
   * (1 + followers / unit)^attachmentExponent
   */
  readonly attach: AliasTables;
  attachWeight = new Float64Array(0);
  /** per position in merchantOrder, a record of ENTRY_BOUND numbers: the offer utility part, the live bound when live (else 0), the lowest log relative price (bounds.ts) */
  merchantBound = new Float64Array(0);
  /** per position in merchantOrder: the merchant's standing in search, selection and the feed today (merchant-strategy.ts): capacity and price competitiveness */
  standing = new Float64Array(0);
  /**
   * Thinning bounds (model/bounds.ts), per category: the upper envelope over
   * today's offers of (offer utility - price sensitivity x log relative price)
   * on a grid of price sensitivities, the highest seller credibility, and the
   * lowest log relative price; for the reference-price gain, the lowest share
   * of the list price an offer can cost today and the lowest list price
   * (while the offers are added), then the log of that share without and
   * with a coupon (the day's values, fixed when the category is complete).
   */
  readonly envelope: Float64Array;
  readonly maxCredibility: Float64Array;
  readonly minLogPrice: Float64Array;
  readonly minShare: Float64Array;
  readonly minListRmb: Float64Array;
  readonly minLogShare: Float64Array;
  readonly minLogShareCoupon: Float64Array;
  psGridMax = 1;
  /** per category: commerce impressions today (simulated, organic + paid) */
  readonly impressions: Float64Array;
  /** per category: what a commerce item of the category is worth to a viewer today (model/feed-value.ts) */
  readonly feedValue: Float64Array;
  /** per category: how unwanted a paid item shown to someone interested in it is, 0..1 (feed-value.ts) */
  readonly paidUnwanted: Float64Array;
  /** NPS answer probabilities by satisfaction bin (model/trust.ts) */
  readonly nps = { promoter: new Float64Array(64), detractor: new Float64Array(64) };

  /** creators and merchants the tables have room for (the agents' allocations: resize) */
  creatorsAllocated = 0;
  merchantsAllocated = 0;

  constructor(categories: number, creators: number, merchants: number) {
    this.feed = new AliasTables(categories, 0);
    this.paid = new AliasTables(categories, 0);
    this.search = new AliasTables(categories, 0);
    this.selection = new AliasTables(categories, 0);
    this.attach = new AliasTables(categories, 0);
    this.merchantStart = new Int32Array(categories + 1);
    this.creatorStart = new Int32Array(categories + 1);
    this.groupFill = new Int32Array(categories);
    this.envelope = new Float64Array(categories * PS_GRID);
    this.maxCredibility = new Float64Array(categories);
    this.minLogPrice = new Float64Array(categories);
    this.minShare = new Float64Array(categories);
    this.minListRmb = new Float64Array(categories);
    this.minLogShare = new Float64Array(categories);
    this.minLogShareCoupon = new Float64Array(categories);
    this.impressions = new Float64Array(categories);
    this.feedValue = new Float64Array(categories);
    this.paidUnwanted = new Float64Array(categories);
    this.resize(creators, merchants);
  }

  /**
   * Room for `creators` creators and `merchants` merchants, grown with the
   * agents' arrays (model/world.ts): copied, so that tables built this
   * morning stay valid when an agent enters later in the day.
   */
  resize(creators: number, merchants: number): void {
    if (creators > this.creatorsAllocated) {
      this.creatorOrder = grown(this.creatorOrder, creators);
      this.attach.resize(creators);
      this.attachWeight = grown(this.attachWeight, creators);
      this.creatorsAllocated = creators;
    }
    if (merchants > this.merchantsAllocated) {
      this.paid.resize(merchants);
      this.search.resize(merchants);
      this.selection.resize(merchants);
      this.merchantWeight = grown(this.merchantWeight, merchants);
      this.paidWeight = grown(this.paidWeight, merchants);
      this.merchantOrder = grown(this.merchantOrder, merchants);
      this.merchantBound = grown(this.merchantBound, ENTRY_BOUND * merchants);
      this.standing = grown(this.standing, merchants);
      this.merchantsAllocated = merchants;
    }
    // every creator and merchant has at most a live room and a video
    const entries = 2 * creators + 2 * merchants;
    if (entries > this.feedWeight.length) {
      this.feed.resize(entries);
      this.feedWeight = grown(this.feedWeight, entries);
      this.feedKind = grown(this.feedKind, entries);
      this.feedSource = grown(this.feedSource, entries);
      this.feedBoostShare = grown(this.feedBoostShare, entries);
      this.entryBound = grown(this.entryBound, ENTRY_BOUND * entries);
    }
  }
}
