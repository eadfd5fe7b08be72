/**
 * One replication's world: the agents' typed arrays, the category table, the
 * day's sampling tables, the platform's accounts and today's derived
 * constants. `params` is the replication's own copy of the scenario, which
 * interventions change in place (model/platform.ts).
 */
import { Creators, Merchants, Tables, Users } from "../engine/world.js";
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
  readonly metrics: Metrics;
  /** what one simulated agent stands for */
  readonly res: Resolution;
  /** working arrays of the submodels, one set per world (no module-level state) */
  /** the choice model's coefficients of the day and its last evaluated offer */
  readonly choice: ChoiceState;
  /** the day's content pull and what follows from it (discovery.ts) */
  readonly content: ContentState;
  readonly scratch: { readonly merchants: MerchantScratch; readonly strategy: StrategyScratch; readonly users: UserScratch; readonly sessions: SessionScratch };
}

export function createWorld(params: Scenario, seed: number): World {
  const pop = params.population;
  const res = resolutionOf(params);
  const userCapacity = Math.ceil(pop.users * pop.userSaturation * 1.05) + 64;
  const creatorCapacity = Math.ceil(res.creators * pop.capacityFactor) + 16;
  const merchantCapacity = Math.ceil(res.merchants * pop.capacityFactor) + simulatedMerchants(params, params.levers.industryBelt.merchants) + 16;
  const cats = new CategoryTable(params.categories);
  return {
    params,
    streams: new Streams(seed),
    cats,
    users: new Users(userCapacity),
    creators: new Creators(creatorCapacity),
    merchants: new Merchants(merchantCapacity),
    tables: new Tables(cats.count, creatorCapacity, merchantCapacity),
    platform: new Platform(),
    today: new Today(),
    shocks: new ShockState(),
    providers: new ProviderPool(merchantCapacity),
    metrics: new Metrics(params.horizonDays, cats.count),
    res,
    choice: new ChoiceState(),
    content: new ContentState(cats.count),
    scratch: { merchants: new MerchantScratch(cats.count), strategy: new StrategyScratch(merchantCapacity, cats.count), users: new UserScratch(), sessions: new SessionScratch() },
  };
}

/** The slot of internal day `day` in the platform's GMV ring. */
export function gmvSlot(platform: Platform, day: number): number {
  const n = platform.gmvRing.length;
  return ((day % n) + n) % n;
}
