/**
 * Outputs (MODEL.md 3.5): every output column is a named reporter. The day's
 * row is a preallocated Float64Array that submodels accumulate into; at the
 * end of the day `closeDay` fills the state reporters and stores the row.
 * Counts and money are kept at simulated scale and multiplied, when written,
 * by the scale of what they count (scenario/resolution.ts): users' counts and
 * money by the user scale, merchants by the merchant scale, creators by the
 * creator scale; trust and NPS are not scaled.
 */
export const COLUMNS = [
  ["dau", "users"],
  ["users_total", "users"],
  ["buyers", "users"],
  ["orders", "users"],
  ["gmv", "users"],
  ["gmv_creator_live", "users"],
  ["gmv_self_broadcast", "users"],
  ["gmv_short_video", "users"],
  ["gmv_mall_search", "users"],
  ["repeat_orders", "users"],
  ["repeat_orders_private", "users"],
  ["returns", "users"],
  ["trust_mean", "none"],
  ["nps", "none"],
  ["merchants_active", "merchants"],
  ["merchants_new", "merchants"],
  ["merchants_exited", "merchants"],
  ["merchants_over_mark", "merchants"],
  ["merchants_self_broadcasting", "merchants"],
  ["merchants_exited_losses", "merchants"],
  ["merchants_exited_governance", "merchants"],
  ["merchants_exited_idle", "merchants"],
  ["merchants_band_lt100k", "merchants"],
  ["merchants_band_100k_1m", "merchants"],
  ["merchants_band_1m_10m", "merchants"],
  ["merchants_band_gt10m", "merchants"],
  ["merchants_top1_share", "none"],
  ["merchant_price_index", "none"],
  ["merchant_quality_mean", "none"],
  ["merchant_commission_mean", "none"],
  ["merchant_brand_mean", "none"],
  ["merchant_capacity_mean", "none"],
  ["merchant_ad_budget_mean", "none"],
  ["providers_clients", "merchants"],
  ["providers_capacity", "merchants"],
  ["providers_waiting", "merchants"],
  ["providers_fees", "users"],
  ["creators_active", "creators"],
  ["users_churned", "users"],
  ["subsidy_consumer", "users"],
  ["subsidy_coupon", "users"],
  ["subsidy_fee", "users"],
  ["subsidy_campaign", "users"],
  ["subsidy_service", "users"],
  ["subsidy_traffic_impressions", "users"],
  // the subsidised impressions priced at levers.trafficSubsidy.cpmRmb: revenue forgone, not paid out
  ["subsidy_traffic_rmb", "users"],
  ["guarantee_cost", "users"],
  ["platform_revenue", "users"],
  ["ad_revenue", "users"],
  ["searches", "users"],
  ["store_visits", "users"],
  ["users_new_market", "users"],
  ["users_new_wom", "users"],
  ["interests_discovered", "users"],
  ["interests_lost", "users"],
  ["orders_discovered", "users"],
  ["orders_restock", "users"],
  ["orders_impulse", "users"],
  ["paid_impressions", "users"],
  ["ad_fatigue_mean", "none"],
  ["content_pull", "none"],
  ["delivery_days", "none"],
  ["reference_price_index", "none"],
  ["creators_new", "creators"],
  ["creators_exited", "creators"],
  ["creator_quality_mean", "none"],
  // active creators by tier of platform-scale followers (TIER_KEYS), at the end of the day
  ["creators_tier_lt10k", "creators"],
  ["creators_tier_10k_100k", "creators"],
  ["creators_tier_100k_1m", "creators"],
  ["creators_tier_1m_5m", "creators"],
  ["creators_tier_5m_10m", "creators"],
  ["creators_tier_gt10m", "creators"],
  // net platform followers gained in the day by the creators of each tier (tier at the start of the day):
  // a balance that can be negative, so written at platform scale already (scale "none")
  ["followers_gained_tier_lt10k", "none"],
  ["followers_gained_tier_10k_100k", "none"],
  ["followers_gained_tier_100k_1m", "none"],
  ["followers_gained_tier_1m_5m", "none"],
  ["followers_gained_tier_5m_10m", "none"],
  ["followers_gained_tier_gt10m", "none"],
] as const;

export type ColumnName = (typeof COLUMNS)[number][0];
export const COLUMN_NAMES: readonly ColumnName[] = COLUMNS.map((c) => c[0]);
/** What a column counts, for its platform-scale factor. */
export type ColumnScale = "users" | "merchants" | "creators" | "none";
export const COLUMN_SCALE: readonly ColumnScale[] = COLUMNS.map((c) => c[1]);
/** Column index by name: M.gmv, M.orders, ... */
export const M = Object.fromEntries(COLUMNS.map((c, i) => [c[0], i])) as { readonly [K in ColumnName]: number };
/** GMV column of each channel, indexed by CHANNEL. */
export const CHANNEL_GMV = [M.gmv_creator_live, M.gmv_self_broadcast, M.gmv_short_video, M.gmv_mall_search] as const;
export const CHANNEL_NAMES = ["creator_live", "self_broadcast", "short_video", "mall_search"] as const;

/** Creator tiers by platform-scale followers. */
export const TIER_LABELS = ["<10k", "10k-100k", "100k-1M", "1M-5M", "5M-10M", ">10M"] as const;
export const TIER_KEYS = ["lt10k", "10k_100k", "100k_1m", "1m_5m", "5m_10m", "gt10m"] as const;
const TIER_BOUNDS = [10_000, 100_000, 1_000_000, 5_000_000, 10_000_000];

export function tierOf(followersPlatform: number): number {
  let t = 0;
  while (t < TIER_BOUNDS.length && followersPlatform >= TIER_BOUNDS[t]) t++;
  return t;
}

/** Per-category run totals: columns of by_category.csv. */
export const CATEGORY_COLUMNS = ["orders", "gmv", "gmv_creator_live", "gmv_self_broadcast", "gmv_short_video", "gmv_mall_search", "returns"] as const;
export const CAT = { orders: 0, gmv: 1, channel0: 2, returns: 6 } as const;
/** Per-tier run totals (orders and GMV that came through creators of the tier). */
export const TIER_ACC = { orders: 0, gmv: 1 } as const;

/** The metric accumulators of one replication. */
export class Metrics {
  readonly today: Float64Array;
  readonly series: Float64Array;
  readonly byCategory: Float64Array;
  readonly byTier: Float64Array;
  /** repurchase window: buyers with one or more, and with two or more orders, among users who churned */
  churnedBuyers = 0;
  churnedRepeaters = 0;

  constructor(readonly days: number, readonly categories: number) {
    this.today = new Float64Array(COLUMNS.length);
    this.series = new Float64Array(days * COLUMNS.length);
    this.byCategory = new Float64Array(categories * CATEGORY_COLUMNS.length);
    this.byTier = new Float64Array(TIER_LABELS.length * 2);
  }

  /** Record an order's GMV in the day's row and the run's category and tier totals. */
  addOrder(channel: number, cat: number, tier: number, gmv: number): void {
    const t = this.today;
    t[M.orders] += 1;
    t[M.gmv] += gmv;
    t[CHANNEL_GMV[channel]] += gmv;
    const base = cat * CATEGORY_COLUMNS.length;
    this.byCategory[base + CAT.orders] += 1;
    this.byCategory[base + CAT.gmv] += gmv;
    this.byCategory[base + CAT.channel0 + channel] += gmv;
    if (tier >= 0) {
      this.byTier[tier * 2 + TIER_ACC.orders] += 1;
      this.byTier[tier * 2 + TIER_ACC.gmv] += gmv;
    }
  }

  addReturn(cat: number): void {
    this.today[M.returns] += 1;
    this.byCategory[cat * CATEGORY_COLUMNS.length + CAT.returns] += 1;
  }

  /** Store today's row at `reportDay` (days before 0 are warm-up and are dropped) and clear it. */
  closeDay(reportDay: number): void {
    if (reportDay >= 0 && reportDay < this.days) this.series.set(this.today, reportDay * COLUMNS.length);
    this.today.fill(0);
  }

  /** Warm-up is not reported: forget the run totals gathered before day 0. */
  resetTotals(): void {
    this.byCategory.fill(0);
    this.byTier.fill(0);
    this.churnedBuyers = 0;
    this.churnedRepeaters = 0;
  }

  value(day: number, column: number): number {
    return this.series[day * COLUMNS.length + column];
  }
}
