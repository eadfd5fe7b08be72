/**
 * The world's state as struct-of-arrays typed arrays, indexed by agent id.
 * Everything is allocated once, at the capacity the scenario allows, so the
 * daily loop allocates nothing. Each array has one owning submodel (named
 * beside it); others only read it.
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

export const SEGMENT = { fan: 0, value: 1, casual: 2 } as const;
export const STAGE = { new: 0, growing: 1, established: 2 } as const;
/** Kinds of feed entry, and the four sales channels. */
export const ENTRY = { creatorLive: 0, merchantLive: 1, creatorVideo: 2, merchantVideo: 3 } as const;
export const CHANNEL = { creatorLive: 0, selfBroadcast: 1, shortVideo: 2, mallSearch: 3 } as const;

export class Users {
  readonly segment: Uint8Array; // init
  readonly hasChurned: Uint8Array; // users.ts (1 also for free slots)
  readonly activity: Float32Array; // init
  readonly priceSensitivity: Float32Array; // init
  readonly propensity: Float32Array; // init: the user's own utility shift (heavy and light shoppers)
  readonly trust: Float32Array; // trust.ts: (good + 1) / (good + bad + 2), kept for the hot loop
  readonly trustGood: Float32Array; // trust.ts: evidence of good purchases (decayed)
  readonly trustBad: Float32Array; // trust.ts: evidence of bad purchases (decayed)
  readonly adFatigue: Float32Array; // ad-fatigue.ts: unwanted paid items a day remembered (-1: not yet exposed, an incumbent)
  readonly satisfaction: Float32Array; // trust.ts
  readonly interestCat: Uint8Array; // users.ts (drift)
  readonly interestWeight: Float32Array; // users.ts
  readonly needDay: Uint16Array; // orders.ts
  readonly lastMerchant: Int32Array; // orders.ts (-1: none)
  readonly lastSatisfied: Uint8Array; // orders.ts
  readonly isDiscovered: Uint8Array; // discovery.ts: the slot's interest came from content and has not been bought yet
  /** per interest slot: the price the user expects in the category, relative to its reference price (1: none learnt yet) */
  readonly refPrice: Float32Array; // reference-price.ts
  /** per interest slot: ln refPrice, kept beside it so that the choice and its bound read no log */
  readonly refLogPrice: Float32Array; // reference-price.ts
  readonly follows: Int32Array; // follows.ts (0 empty, c+1 creator, -(m+1) store)
  readonly joinedDay: Uint16Array; // users.ts
  readonly lastOrderDay: Uint16Array; // orders.ts
  readonly ordersInWindow: Uint16Array; // orders.ts
  readonly location: Uint8Array; // users.ts: where the user lives, uniform 0..255 (shocks.ts hits a region of it)
  /** highest id in use + 1 */
  count = 0;
  /** users not churned */
  alive = 0;
  readonly freeIds: Int32Array;
  freeCount = 0;

  constructor(readonly capacity: number) {
    this.segment = new Uint8Array(capacity);
    this.hasChurned = new Uint8Array(capacity).fill(1);
    this.activity = new Float32Array(capacity);
    this.priceSensitivity = new Float32Array(capacity);
    this.propensity = new Float32Array(capacity);
    this.trust = new Float32Array(capacity);
    this.trustGood = new Float32Array(capacity);
    this.trustBad = new Float32Array(capacity);
    this.adFatigue = new Float32Array(capacity);
    this.satisfaction = new Float32Array(capacity);
    this.interestCat = new Uint8Array(capacity * INTEREST_SLOTS);
    this.interestWeight = new Float32Array(capacity * INTEREST_SLOTS);
    this.needDay = new Uint16Array(capacity * INTEREST_SLOTS);
    this.lastMerchant = new Int32Array(capacity * INTEREST_SLOTS).fill(-1);
    this.lastSatisfied = new Uint8Array(capacity * INTEREST_SLOTS);
    this.isDiscovered = new Uint8Array(capacity * INTEREST_SLOTS);
    this.refPrice = new Float32Array(capacity * INTEREST_SLOTS).fill(1);
    this.refLogPrice = new Float32Array(capacity * INTEREST_SLOTS);
    this.follows = new Int32Array(capacity * FOLLOW_SLOTS);
    this.joinedDay = new Uint16Array(capacity);
    this.lastOrderDay = new Uint16Array(capacity).fill(NEVER);
    this.ordersInWindow = new Uint16Array(capacity);
    this.location = new Uint8Array(capacity);
    this.freeIds = new Int32Array(capacity);
  }
}

export class Creators {
  readonly isActive: Uint8Array; // creators.ts
  readonly mainCat: Uint8Array;
  readonly verticality: Float32Array; // 1: niche expert, 0: generalist
  readonly quality: Float32Array; // content quality
  readonly skill: Float32Array; // selling skill
  readonly credibility: Float32Array; // trust.ts
  readonly followers: Int32Array; // follows.ts (simulated count)
  readonly followersStart: Int32Array; // init (0 for entrants)
  readonly startTier: Uint8Array; // init (255 for entrants)
  readonly entryDay: Uint16Array;
  readonly lastEarningDay: Uint16Array; // creators.ts
  readonly stage: Uint8Array; // creators.ts
  readonly isLive: Uint8Array; // supply.ts
  readonly hasVideo: Uint8Array; // supply.ts
  readonly productCount: Uint8Array; // supply.ts
  readonly products: Int32Array; // supply.ts: merchant ids carried today
  readonly commissionToday: Float64Array; // orders.ts
  readonly commissionTotal: Float64Array; // orders.ts
  readonly earningsRecent: Float32Array; // creator-growth.ts: running mean of commission per real creator (RMB a day)
  readonly lowEarningDays: Uint16Array; // creator-growth.ts: days in a row with earningsRecent under the reservation earning
  readonly followersDayStart: Int32Array; // creator-growth.ts: followers at the start of the day (daily follower growth by tier)
  count = 0;
  active = 0;

  constructor(readonly capacity: number) {
    this.isActive = new Uint8Array(capacity);
    this.mainCat = new Uint8Array(capacity);
    this.verticality = new Float32Array(capacity);
    this.quality = new Float32Array(capacity);
    this.skill = new Float32Array(capacity);
    this.credibility = new Float32Array(capacity);
    this.followers = new Int32Array(capacity);
    this.followersStart = new Int32Array(capacity);
    this.startTier = new Uint8Array(capacity).fill(255);
    this.entryDay = new Uint16Array(capacity);
    this.lastEarningDay = new Uint16Array(capacity);
    this.stage = new Uint8Array(capacity);
    this.isLive = new Uint8Array(capacity);
    this.hasVideo = new Uint8Array(capacity);
    this.productCount = new Uint8Array(capacity);
    this.products = new Int32Array(capacity * PRODUCT_SLOTS);
    this.commissionToday = new Float64Array(capacity);
    this.commissionTotal = new Float64Array(capacity);
    this.earningsRecent = new Float32Array(capacity);
    this.lowEarningDays = new Uint16Array(capacity);
    this.followersDayStart = new Int32Array(capacity);
  }
}

export class Merchants {
  readonly isActive: Uint8Array; // merchants.ts
  readonly cat: Uint8Array;
  readonly priceRmb: Float32Array; // list price of an order
  readonly quality: Float32Array; // latent product quality 0..1
  readonly brand: Float32Array; // 0..1
  readonly service: Float32Array; // logistics and after-sales 0..1
  readonly credibility: Float32Array; // trust.ts
  readonly complaintRate: Float32Array; // trust.ts (running average of bad purchases)
  readonly claims: Float32Array; // merchants.ts: how far listing and live claims overstate quality
  readonly commission: Float32Array; // share of price offered to creators
  readonly isSelfBroadcaster: Uint8Array; // merchants.ts
  readonly isLive: Uint8Array; // supply.ts
  readonly liveSkill: Float32Array; // supply.ts (learning by broadcasting)
  readonly liveLossDays: Uint16Array; // merchants.ts
  readonly followers: Int32Array; // follows.ts
  readonly paidBudgetRmb: Float32Array; // merchants.ts (per day)
  readonly paidSpendRmb: Float64Array; // feed.ts settleImpressions: today's paid spend (sample RMB)
  readonly paidReturnRecent: Float32Array; // merchants.ts: running mean of paid traffic's margin (sample RMB a day)
  readonly paidSpendRecent: Float32Array; // merchants.ts: running mean of paid spend (sample RMB a day)
  readonly paidGmvToday: Float64Array; // orders.ts
  readonly liveGmvToday: Float64Array; // orders.ts
  readonly salesToday: Float64Array; // orders.ts (list price of orders)
  readonly ordersToday: Int32Array; // orders.ts
  readonly commissionToday: Float64Array; // orders.ts
  readonly returnsToday: Float64Array; // orders.ts (value returned)
  readonly cashRmb: Float64Array; // merchants.ts
  readonly distressDays: Uint16Array; // merchants.ts
  readonly entryDay: Uint16Array;
  readonly isServed: Uint8Array; // service-providers.ts: a provider's client today
  readonly providerUntil: Int32Array; // service-providers.ts: internal day the client's contract ends
  readonly isQueued: Uint8Array; // service-providers.ts: in the queue for a provider
  readonly isFulfilled: Uint8Array; // merchants.ts: in the cloud warehouse today
  readonly programmeDraw: Float32Array; // init: a fixed uniform that decides joining the warehouse programme
  readonly isBelt: Uint8Array; // industry-belt cohort
  // strategy and growth (merchant-strategy.ts)
  readonly unitCostRmb: Float32Array; // cost of goods of one order (rises with quality)
  readonly capacityUnits: Float32Array; // assortment, stock and staff: 1 at entry, grows with reinvestment
  readonly priceStep: Float32Array; // the last trial step of each learned lever (signed)
  readonly qualityStep: Float32Array;
  readonly commissionStep: Float32Array;
  readonly profitPeriod: Float64Array; // profit per real merchant since the last review [RMB]
  readonly profitRate: Float64Array; // profit per day of the last review period [RMB/day]
  readonly cashMark: Float64Array; // cash after yesterday's books: today's profit is the change since
  readonly salesRunRate: Float64Array; // running mean of daily net sales per real merchant [RMB/day]
  readonly idleDays: Uint16Array; // days in a row whose run rate promises less than one order in idleExitDays
  readonly removalDays: Uint16Array; // days with the complaint rate above governance's removal rate
  count = 0;
  active = 0;

  constructor(readonly capacity: number) {
    this.isActive = new Uint8Array(capacity);
    this.cat = new Uint8Array(capacity);
    this.priceRmb = new Float32Array(capacity);
    this.quality = new Float32Array(capacity);
    this.brand = new Float32Array(capacity);
    this.service = new Float32Array(capacity);
    this.credibility = new Float32Array(capacity);
    this.claims = new Float32Array(capacity);
    this.complaintRate = new Float32Array(capacity);
    this.commission = new Float32Array(capacity);
    this.isSelfBroadcaster = new Uint8Array(capacity);
    this.isLive = new Uint8Array(capacity);
    this.liveSkill = new Float32Array(capacity);
    this.liveLossDays = new Uint16Array(capacity);
    this.followers = new Int32Array(capacity);
    this.paidBudgetRmb = new Float32Array(capacity);
    this.paidSpendRmb = new Float64Array(capacity);
    this.paidReturnRecent = new Float32Array(capacity);
    this.paidSpendRecent = new Float32Array(capacity);
    this.paidGmvToday = new Float64Array(capacity);
    this.liveGmvToday = new Float64Array(capacity);
    this.salesToday = new Float64Array(capacity);
    this.ordersToday = new Int32Array(capacity);
    this.commissionToday = new Float64Array(capacity);
    this.returnsToday = new Float64Array(capacity);
    this.cashRmb = new Float64Array(capacity);
    this.distressDays = new Uint16Array(capacity);
    this.entryDay = new Uint16Array(capacity);
    this.isServed = new Uint8Array(capacity);
    this.providerUntil = new Int32Array(capacity);
    this.isQueued = new Uint8Array(capacity);
    this.isFulfilled = new Uint8Array(capacity);
    this.programmeDraw = new Float32Array(capacity);
    this.isBelt = new Uint8Array(capacity);
    this.unitCostRmb = new Float32Array(capacity);
    this.capacityUnits = new Float32Array(capacity);
    this.priceStep = new Float32Array(capacity);
    this.qualityStep = new Float32Array(capacity);
    this.commissionStep = new Float32Array(capacity);
    this.profitPeriod = new Float64Array(capacity);
    this.profitRate = new Float64Array(capacity);
    this.cashMark = new Float64Array(capacity);
    this.salesRunRate = new Float64Array(capacity);
    this.idleDays = new Uint16Array(capacity);
    this.removalDays = new Uint16Array(capacity);
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
  readonly feedWeight: Float64Array;
  readonly feedKind: Uint8Array;
  readonly feedSource: Int32Array; // creator or merchant id
  readonly feedBoostShare: Float32Array; // share of the weight that is subsidy boost
  /**
   * Per organic entry, a thinning bound of its own (bounds.ts), in one record
   * of ENTRY_BOUND numbers (one cache line for a random entry): the largest
   * offer utility part of its products (live rooms with the live bound), the
   * lowest log relative price among them, and the interest coefficient x fit.
   */
  readonly entryBound: Float64Array;
  readonly paid: AliasTables;
  readonly search: AliasTables;
  readonly selection: AliasTables;
  readonly merchantWeight: Float64Array; // scratch for the search and selection tables
  readonly paidWeight: Float64Array; // kept: impressions are settled from it after the day
  readonly merchantOrder: Int32Array; // active merchants grouped by category (feed.ts)
  readonly merchantStart: Int32Array; // categories + 1 offsets into merchantOrder
  readonly creatorOrder: Int32Array; // active creators grouped by main category (feed.ts)
  readonly creatorStart: Int32Array; // categories + 1 offsets into creatorOrder
  readonly groupFill: Int32Array; // scratch of the grouping
  /**
   * Follows from content (creator-growth.ts): per category, today's posting
   * creators (positions in creatorOrder) weighted by fitness x
   * (1 + followers / unit)^attachmentExponent
   */
  readonly attach: AliasTables;
  readonly attachWeight: Float64Array;
  /** per position in merchantOrder, a record of ENTRY_BOUND numbers: the offer utility part, the live bound when live (else 0), the lowest log relative price (bounds.ts) */
  readonly merchantBound: Float64Array;
  /** per position in merchantOrder: the merchant's standing in search, selection and the feed today (merchant-strategy.ts): capacity and price competitiveness */
  readonly standing: Float64Array;
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

  constructor(categories: number, creatorCapacity: number, merchantCapacity: number) {
    const feedCapacity = 2 * creatorCapacity + 2 * merchantCapacity;
    this.feed = new AliasTables(categories, feedCapacity);
    this.feedWeight = new Float64Array(feedCapacity);
    this.feedKind = new Uint8Array(feedCapacity);
    this.feedSource = new Int32Array(feedCapacity);
    this.feedBoostShare = new Float32Array(feedCapacity);
    this.entryBound = new Float64Array(ENTRY_BOUND * feedCapacity);
    this.paid = new AliasTables(categories, merchantCapacity);
    this.search = new AliasTables(categories, merchantCapacity);
    this.selection = new AliasTables(categories, merchantCapacity);
    this.merchantWeight = new Float64Array(merchantCapacity);
    this.paidWeight = new Float64Array(merchantCapacity);
    this.merchantOrder = new Int32Array(merchantCapacity);
    this.merchantStart = new Int32Array(categories + 1);
    this.creatorOrder = new Int32Array(creatorCapacity);
    this.creatorStart = new Int32Array(categories + 1);
    this.groupFill = new Int32Array(categories);
    this.attach = new AliasTables(categories, creatorCapacity);
    this.attachWeight = new Float64Array(creatorCapacity);
    this.merchantBound = new Float64Array(ENTRY_BOUND * merchantCapacity);
    this.standing = new Float64Array(merchantCapacity);
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
  }
}
