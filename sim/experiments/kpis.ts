/**
 * KPIs of one replication: named reporters over its platform-scale outputs.
 * Each is a function of the ReplicationResult alone, so sweeps and runs share them.
 */
import { CHANNEL_NAMES, COLUMNS, M, TIER_KEYS } from "../model/metrics.js";
import type { ReplicationResult } from "../model/simulate.js";

export interface KpiDefinition {
  key: string;
  label: string;
  unit: string;
  value: (r: ReplicationResult) => number;
}

const cols = COLUMNS.length;
const sum = (r: ReplicationResult, col: number, from = 0, to = r.days): number => {
  let s = 0;
  for (let d = Math.max(0, from); d < Math.min(r.days, to); d++) s += r.series[d * cols + col];
  return s;
};
const at = (r: ReplicationResult, col: number, day: number): number => r.series[Math.max(0, Math.min(r.days - 1, day)) * cols + col];
const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
const MONEY_SUBSIDIES = [M.subsidy_consumer, M.subsidy_coupon, M.subsidy_fee, M.subsidy_campaign, M.subsidy_service];
/** Subsidies the platform pays out (fee relief is revenue foregone instead); the report's platform-net chart takes the same list. */
export const PAID_OUT_COLUMNS = ["subsidy_consumer", "subsidy_coupon", "subsidy_campaign", "subsidy_service"] as const;
const PAID_OUT = PAID_OUT_COLUMNS.map((c) => M[c]);
const CHANNEL_COLUMNS = [M.gmv_creator_live, M.gmv_self_broadcast, M.gmv_short_video, M.gmv_mall_search];
/** Growth is last 30 days over first 30 (shorter runs: halves). */
const growthWindow = (r: ReplicationResult): number => Math.min(30, Math.floor(r.days / 2));

export const KPIS: KpiDefinition[] = [
  { key: "gmv_total", label: "GMV over the run", unit: "RMB", value: (r) => sum(r, M.gmv) },
  { key: "gmv_growth", label: "GMV growth (last 30 days / first 30)", unit: "x", value: (r) => ratio(sum(r, M.gmv, r.days - growthWindow(r)), sum(r, M.gmv, 0, growthWindow(r))) },
  { key: "repurchase_rate", label: "Repurchase rate (buyers with 2+ orders, last 365 days)", unit: "share", value: (r) => ratio(r.windowRepeaters, r.windowBuyers) },
  { key: "merchant_repeat_share", label: "Orders repeating the last merchant", unit: "share", value: (r) => ratio(sum(r, M.repeat_orders), sum(r, M.orders)) },
  { key: "private_domain_repeat_share", label: "Repeat orders through followed accounts", unit: "share", value: (r) => ratio(sum(r, M.repeat_orders_private), sum(r, M.repeat_orders)) },
  { key: "merchants_active_end", label: "Active merchants at the end", unit: "merchants", value: (r) => at(r, M.merchants_active, r.days - 1) },
  { key: "merchant_growth", label: "Active merchants, end / start", unit: "x", value: (r) => ratio(at(r, M.merchants_active, r.days - 1), at(r, M.merchants_active, 0)) },
  { key: "merchants_over_mark", label: "Merchants selling over 1M RMB a year", unit: "merchants", value: (r) => at(r, M.merchants_over_mark, r.days - 1) },
  { key: "merchants_new_total", label: "Merchants entering over the run", unit: "merchants", value: (r) => sum(r, M.merchants_new) },
  { key: "nps_end", label: "NPS at the end", unit: "points", value: (r) => at(r, M.nps, r.days - 1) },
  { key: "trust_end", label: "Mean user trust at the end", unit: "0..1", value: (r) => at(r, M.trust_mean, r.days - 1) },
  { key: "churn_total", label: "Users churned over the run", unit: "users", value: (r) => sum(r, M.users_churned) },
  { key: "subsidy_total", label: "Money subsidies (consumer, coupon, fee, campaign, service)", unit: "RMB", value: (r) => MONEY_SUBSIDIES.reduce((s, c) => s + sum(r, c), 0) },
  { key: "subsidy_traffic_impressions", label: "Subsidised impressions", unit: "impressions", value: (r) => sum(r, M.subsidy_traffic_impressions) },
  {
    key: "platform_net", label: "Platform revenue less subsidies and guarantee claims", unit: "RMB",
    // fee relief is not subtracted: it is already revenue the platform did not take
    value: (r) => sum(r, M.platform_revenue) - PAID_OUT.reduce((s, c) => s + sum(r, c), 0) - sum(r, M.guarantee_cost),
  },
  ...CHANNEL_NAMES.map((name, i) => ({
    key: `share_${name}`, label: `GMV share: ${name.replace("_", " ")}`, unit: "share",
    value: (r: ReplicationResult) => ratio(sum(r, CHANNEL_COLUMNS[i]), sum(r, M.gmv)),
  })),
  ...TIER_KEYS.map((key, t) => ({
    key: `share_tier_${key}`, label: `Share of creator GMV: tier ${key}`, unit: "share",
    value: (r: ReplicationResult) => ratio(r.tierGmv[t], r.tierGmv.reduce((a, b) => a + b, 0)),
  })),
];

export function kpiValues(r: ReplicationResult): Record<string, number> {
  return Object.fromEntries(KPIS.map((k) => [k.key, k.value(r)]));
}
