/**
 * One replication's world: the agents' typed arrays, the category table, the
 * day's sampling tables, the platform's accounts and today's derived
 * constants. `params` is the replication's own copy of the scenario, which
 * interventions change in place (model/platform.ts).
 */
import { SessionEffects } from "./session-effects.js";
import type { SessionThreads } from "./session-threads.js";
import { arrayBytes, Creators, Merchants, shareArrays, Tables, Users } from "../engine/world.js";
import type { Rng } from "../engine/rng.js";
import { Streams } from "../engine/rng.js";
import { ChoiceState } from "./choice.js";
import { ContentState } from "./discovery.js";
import { SessionScratch } from "./sessions.js";
import { MAX_ENTRY_WINDOW_DAYS } from "../scenario/behaviour-schema.js";
import { resolutionOf, simulatedMerchants, type Resolution } from "../scenario/resolution.js";
import type { Scenario } from "../scenario/schema.js";
import { Metrics } from "./metrics.js";
import { MerchantScratch } from "./merchants.js";
import { StrategyScratch } from "./merchant-strategy.js";
import { ProviderPool } from "./service-providers.js";
import { ShockState } from "./shocks.js";
import { UserScratch } from "./users.js";

export class CategoryTable {
  readonly count: number;
  readonly names: string[];
  readonly share: Float64Array;
  readonly refPriceRmb: Float64Array;
  readonly priceSpread: Float64Array;
  readonly replenishDays: Float64Array;
  readonly returnRate: Float64Array;
  readonly grossMargin: Float64Array;
  readonly liveDemo: Float64Array;
  /** cumulative shares, for drawing a category */
  readonly cumulative: Float64Array;

  constructor(rows: Scenario["categories"]) {
    this.count = rows.length;
    this.names = rows.map((r) => r.name);
    const col = (f: (r: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
    const total = rows.reduce((s, r) => s + r.share, 0);
    this.share = col((r) => r.share / total);
    this.refPriceRmb = col((r) => r.refPriceRmb);
    this.priceSpread = col((r) => r.priceSpread);
    this.replenishDays = col((r) => r.replenishDays);
    this.returnRate = col((r) => r.returnRate);
    this.grossMargin = col((r) => r.grossMargin);
    this.liveDemo = col((r) => r.liveDemo);
    this.cumulative = new Float64Array(this.count);
    let acc = 0;
    for (let k = 0; k < this.count; k++) this.cumulative[k] = acc += this.share[k];
  }

  /**
   * `total` items shared out by the categories' shares (largest remainder),
   * each category getting at least one when there are enough: the day-0
   * merchants, so that no category starts without sellers by chance.
   */
  allocate(total: number): Int32Array {
    const counts = new Int32Array(this.count);
    const floor = total >= this.count ? 1 : 0;
    const rest = total - floor * this.count;
    const remainders: number[] = [];
    let given = 0;
    for (let k = 0; k < this.count; k++) {
      const exact = rest * this.share[k];
      counts[k] = floor + Math.floor(exact);
      given += counts[k];
      remainders.push(k);
    }
    remainders.sort((a, b) => (rest * this.share[b]) % 1 - (rest * this.share[a]) % 1 || a - b);
    for (let i = 0; given < total; i++, given++) counts[remainders[i % this.count]]++;
    return counts;
  }

  draw(rng: Rng): number {
    const u = rng();
    for (let k = 0; k < this.count - 1; k++) if (u < this.cumulative[k]) return k;
    return this.count - 1;
  }
}

/** The platform's money and budgets (sample RMB: see scenario/resolution.ts). */
export class Platform {
  consumerSubsidySpent = 0;
  couponSpent = 0;
  trafficImpressionsSpent = 0;
  /** spend of each campaign, by its index in levers.campaigns */
  campaignSpent: number[] = [];
  /** GMV of recent days, for entry decisions: a ring of two entry windows (gmvOn) */
  readonly gmvRing = new Float64Array(2 * MAX_ENTRY_WINDOW_DAYS);
  gmvReferencePerMerchant = 0;
  /** yesterday's expected shares of promoters and detractors among users (trust.ts), for word of mouth */
  promoterShare = 0;
  detractorShare = 0;
  /** entries refused because the id space (population.capacityFactor) was full */
  entriesRefusedFull = 0;
}

/** Constants derived once a day from params (platform.ts writes them). */
export class Today {
  internalDay = 0;
  reportDay = 0;
  /** first report day of the repurchase window */
  windowStartDay = 0;
  commerceImpressions = 0; // per active user
  activityMultiplier = 1;
  /** share of the day's feed items that are commerce */
  commerceShare = 0.2;
  /** what the day's entertainment items add to the feed's felt value: (1 - commerceShare) x entertainmentValue */
  entertainmentFelt = 0.5;
  feedLearning = 0.01;
  /** weight of one simulated order in a merchant's (creator's) credibility (trust.ts sellerExperience) */
  merchantLearning = 0.02;
  creatorLearning = 0.02;
  consumerSubsidyRate = 0;
  consumerSubsidyLeft = 0; // simulated RMB left today
  couponValue = 0;
  couponLeft = 0;
  campaignDiscount = 0;
  campaignLeft = 0;
  activeCampaign = -1;
  isTrafficSubsidyOn = false;
  trafficImpressionsLeft = 0;
  isFeeReliefOn = false;
  paidShare = 0;
}

export interface World {
  readonly params: Scenario;
  readonly streams: Streams;
  readonly cats: CategoryTable;
  readonly users: Users;
  readonly creators: Creators;
  readonly merchants: Merchants;
  readonly tables: Tables;
  readonly platform: Platform;
  readonly today: Today;
  /** today's effect of the scenario's shocks, by location (shocks.ts) */
  readonly shocks: ShockState;
  /** the service providers' pool and queue (service-providers.ts) */
  readonly providers: ProviderPool;
  /** the day's metrics (a chunk's own while the users' sessions run: session-effects.ts) */
  metrics: Metrics;
  /** what one simulated agent stands for */
  readonly res: Resolution;
  /** working arrays of the submodels, one set per world (no module-level state) */
  /** the choice model's coefficients of the day and its last evaluated offer */
  readonly choice: ChoiceState;
  /** the day's content pull and what follows from it (discovery.ts) */
  readonly content: ContentState;
  /** the users' sessions' effects on shared state, per chunk of users (session-effects.ts) */
  readonly sessionEffects: SessionEffects;
  /** the other threads of the users' sessions, if the replication has more than one (session-threads.ts) */
  sessionThreads?: SessionThreads;
  readonly scratch: { readonly merchants: MerchantScratch; readonly strategy: StrategyScratch; readonly users: UserScratch; readonly sessions: SessionScratch };
}

/** How createWorld allocates the agents' arrays. */
export interface WorldOptions {
  /**
   * Allocate every agent array at its capacity up front, as before growth
   * existed: for the test that growth changes no result (test/model/growth.test.ts).
   */
  allocateFull?: boolean;
  /** No agent arrays: a session thread's shell, whose arrays are the replication's shared ones (session-threads.ts). */
  shell?: boolean;
  /** The agents' arrays and the tables in shared memory, for session threads (session-threads.ts). */
  sharedMemory?: boolean;
}

/**
 * The world of one replication. Capacities are limits: users up to the
 * potential market (population.userSaturation x day 0) and 5% more, creators
 * and merchants up to population.capacityFactor x day 0 (and the industry
 * belt's cohort), beyond which entries are refused (entriesRefusedFull). The
 * arrays start at the day-0 agents and a little room and grow when entries
 * need more (reserveCreators, reserveMerchants, Users.reserve), so a large
 * run holds arrays for the agents it has rather than for those it might have.
 */
export function createWorld(params: Scenario, seed: number, options: WorldOptions = {}): World {
  const pop = params.population;
  const res = resolutionOf(params);
  const userCapacity = Math.ceil(pop.users * pop.userSaturation * 1.05) + 64;
  const creatorCapacity = Math.ceil(res.creators * pop.capacityFactor) + 16;
  const merchantCapacity = Math.ceil(res.merchants * pop.capacityFactor) + simulatedMerchants(params, params.levers.industryBelt.merchants) + 16;
  // the first allocation: day 0's agents and a sixteenth more (the warm-up's arrivals and entries), then growth
  const first = (day0: number, capacity: number) => (options.shell ? 0 : options.allocateFull ? capacity : Math.min(capacity, day0 + Math.ceil(day0 / 16) + 16));
  const users = new Users(userCapacity, first(pop.users, userCapacity));
  const creators = new Creators(creatorCapacity, first(res.creators, creatorCapacity));
  const merchants = new Merchants(merchantCapacity, first(res.merchants, merchantCapacity));
  const cats = new CategoryTable(params.categories);
  const world: World = {
    params,
    streams: new Streams(seed),
    cats,
    users,
    creators,
    merchants,
    tables: new Tables(cats.count, creators.allocated, merchants.allocated),
    platform: new Platform(),
    today: new Today(),
    shocks: new ShockState(),
    providers: new ProviderPool(merchants.allocated),
    metrics: new Metrics(params.horizonDays, cats.count),
    res,
    choice: new ChoiceState(),
    content: new ContentState(cats.count),
    sessionEffects: new SessionEffects(cats.count),
    scratch: { merchants: new MerchantScratch(cats.count), strategy: new StrategyScratch(merchants.allocated, cats.count), users: new UserScratch(), sessions: new SessionScratch() },
  };
  if (options.sharedMemory) for (const o of [users, creators, merchants, world.tables]) shareArrays(o);
  return world;
}

/**
 * Room for creator ids below `needed` (at most the capacity): the creators'
 * arrays grow, and the day's tables over them with them (copied: tables
 * built this morning stay valid for an entrant's day).
 */
export function reserveCreators(world: World, needed: number): void {
  world.creators.reserve(needed);
  world.tables.resize(world.creators.allocated, world.merchants.allocated);
}

/** Room for merchant ids below `needed` (at most the capacity): the merchants' arrays, the tables, the providers' queue and the strategy scratch grow together. */
export function reserveMerchants(world: World, needed: number): void {
  world.merchants.reserve(needed);
  const n = world.merchants.allocated;
  world.tables.resize(world.creators.allocated, n);
  world.providers.resize(n);
  world.scratch.strategy.resize(n);
}

/** Bytes of the agents' typed arrays as allocated now: users, creators, merchants, the tables, the providers' queue and the scratch (for `npm run bench`). */
export function agentStateBytes(world: World): number {
  return arrayBytes(world.users) + arrayBytes(world.creators) + arrayBytes(world.merchants) + arrayBytes(world.tables) + arrayBytes(world.providers) + arrayBytes(world.scratch);
}

/** The slot of internal day `day` in the platform's GMV ring. */
export function gmvSlot(platform: Platform, day: number): number {
  const n = platform.gmvRing.length;
  return ((day % n) + n) % n;
}
