/**
 * KPIs of one replication: named reporters over its platform-scale outputs.
 * Each is a function of the ReplicationResult alone, so sweeps and runs share
 * them. Window KPIs (windowKpis) are built for a window of days given with
 * the run (`sim run --window START:END`): the window is an argument, never
 * state, so every summary of one run reads the same days.
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
const moneySubsidies = (r: ReplicationResult, from = 0, to = r.days): number => MONEY_SUBSIDIES.reduce((s, c) => s + sum(r, c, from, to), 0);
/** Money subsidies and the traffic subsidy priced at levers.trafficSubsidy.cpmRmb. */
const allSubsidies = (r: ReplicationResult, from = 0, to = r.days): number => moneySubsidies(r, from, to) + sum(r, M.subsidy_traffic_rmb, from, to);

/**
 * Platform net over days from..to-1: revenue (take and ads) less the
 * subsidies paid out and guarantee claims. Fee relief is not subtracted: it
 * is already revenue the platform did not take; nor is the priced traffic
 * subsidy, impressions given away rather than cash paid out.
 */
export function platformNet(r: ReplicationResult, from = 0, to = r.days): number {
  return sum(r, M.platform_revenue, from, to) - PAID_OUT.reduce((s, c) => s + sum(r, c, from, to), 0) - sum(r, M.guarantee_cost, from, to);
}

/** Cumulative platform net at the end of each day (days 0..days-1). */
export function cumulativePlatformNet(r: ReplicationResult): Float64Array {
  const out = new Float64Array(r.days);
  let total = 0;
  for (let d = 0; d < r.days; d++) {
    total += platformNet(r, d, d + 1);
    out[d] = total;
  }
  return out;
}

/**
 * First day from which the cumulative platform net stays at or above 0 to
 * the end of the run: 0 when it never falls below 0; the day after the last
 * day below 0 when it dips and recovers (a later dip moves it on). A run that
 * ends below 0 never broke even within the run and gets `days` (the first day
 * after the horizon), a censored value: a mean over replications is then a
 * lower bound, and the label says so. Not NaN, which would blank the mean and
 * interval of every replication.
 */
export function breakEvenDay(cumulative: ArrayLike<number>): number {
  let day = 0;
  for (let d = 0; d < cumulative.length; d++) if (cumulative[d] < 0) day = d + 1;
  return day;
}

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
  { key: "subsidy_total", label: "Money subsidies (consumer, coupon, fee, campaign, service)", unit: "RMB", value: (r) => moneySubsidies(r) },
  { key: "subsidy_traffic_impressions", label: "Subsidised impressions", unit: "impressions", value: (r) => sum(r, M.subsidy_traffic_impressions) },
  {
    key: "platform_net", label: "Platform revenue less subsidies and guarantee claims", unit: "RMB",
    // fee relief is not subtracted: it is already revenue the platform did not take
    value: (r) => platformNet(r),
  },
  { key: "platform_revenue_total", label: "Platform revenue (take and ads)", unit: "RMB", value: (r) => sum(r, M.platform_revenue) },
  { key: "ad_revenue_total", label: "Ad revenue (paid traffic)", unit: "RMB", value: (r) => sum(r, M.ad_revenue) },
  {
    key: "platform_net_break_even_day", label: "Break-even day of cumulative platform net: first day from which it stays at or above 0 (if it ends below 0, the horizon: the mean is then a lower bound)", unit: "day",
    value: (r) => breakEvenDay(cumulativePlatformNet(r)),
  },
  { key: "platform_net_cumulative_low", label: "Lowest cumulative platform net (0 if never below 0)", unit: "RMB", value: (r) => Math.min(0, ...cumulativePlatformNet(r)) },
  { key: "subsidy_traffic_rmb_total", label: "Traffic subsidy priced at levers.trafficSubsidy.cpmRmb (revenue forgone, not in platform net)", unit: "RMB", value: (r) => sum(r, M.subsidy_traffic_rmb) },
  { key: "subsidy_all_rmb_total", label: "All subsidies: money subsidies and priced traffic subsidy", unit: "RMB", value: (r) => allSubsidies(r) },
  { key: "creators_active_end", label: "Active creators at the end", unit: "creators", value: (r) => at(r, M.creators_active, r.days - 1) },
  { key: "creator_growth", label: "Active creators, end / start", unit: "x", value: (r) => ratio(at(r, M.creators_active, r.days - 1), at(r, M.creators_active, 0)) },
  { key: "merchants_exited_losses_total", label: "Merchants leaving after losses", unit: "merchants", value: (r) => sum(r, M.merchants_exited_losses) },
  { key: "merchants_exited_governance_total", label: "Merchants removed by governance", unit: "merchants", value: (r) => sum(r, M.merchants_exited_governance) },
  { key: "merchants_exited_idle_total", label: "Merchants leaving idle (no sales)", unit: "merchants", value: (r) => sum(r, M.merchants_exited_idle) },
  ...CHANNEL_NAMES.map((name, i) => ({
    key: `share_${name}`, label: `GMV share: ${name.replace("_", " ")}`, unit: "share",
    value: (r: ReplicationResult) => ratio(sum(r, CHANNEL_COLUMNS[i]), sum(r, M.gmv)),
  })),
  ...TIER_KEYS.map((key, t) => ({
    key: `share_tier_${key}`, label: `Share of creator GMV: tier ${key}`, unit: "share",
    value: (r: ReplicationResult) => ratio(r.tierGmv[t], r.tierGmv.reduce((a, b) => a + b, 0)),
  })),
];

/** Report days startDay..endDay, both included (days before 0 are warm-up and never reported). */
export interface DayWindow {
  startDay: number;
  endDay: number;
}

/**
 * "START:END" (or "START:", to the last day) as a window of report days, both
 * included, inside the horizon of every scenario of the run, so the reports
 * of one run share the window and compare pair by pair. A text that is not
 * one comes back as the problem, in words, starting with the text.
 */
export function dayWindowOf(text: string, scenarios: readonly { name: string; horizonDays: number }[]): DayWindow | string {
  const m = /^\s*(\d+)\s*:\s*(\d*)\s*$/.exec(text);
  if (!m) return `${text}: expected START:END in report days (e.g. 60:240), or START: for to the end of the run`;
  const horizon = Math.min(...scenarios.map((s) => s.horizonDays));
  const startDay = Number(m[1]);
  const endDay = m[2] === "" ? horizon - 1 : Number(m[2]);
  if (endDay < startDay) return `${text}: the last day (${endDay}) is before the first (${startDay})`;
  const short = scenarios.find((s) => endDay >= s.horizonDays);
  if (short) return `${text}: ends after the run of '${short.name}' (horizonDays ${short.horizonDays}: report days 0-${short.horizonDays - 1})`;
  return { startDay, endDay };
}

const days = (from: number, to: number): string => (from === to ? `day ${from}` : `days ${from}-${to}`);

/**
 * KPIs during a window and after it (to the end of the run), for a run of
 * `horizonDays`: totals and per-day means of the daily columns over the
 * window's days, labelled with the days. The window is clipped to the run;
 * with no day after it, the after-window KPIs are left out (a mean over no
 * days has no value).
 */
export function windowKpis(window: DayWindow, horizonDays: number): KpiDefinition[] {
  const from = Math.max(0, window.startDay);
  const to = Math.min(horizonDays, window.endDay + 1);
  if (to <= from) return [];
  const spans = [{ suffix: "window", what: `during ${days(from, to - 1)}`, from, to }];
  if (to < horizonDays) spans.push({ suffix: "after_window", what: `after the window, ${days(to, horizonDays - 1)}`, from: to, to: horizonDays });
  return spans.flatMap(({ suffix, what, from: a, to: b }) => {
    const n = b - a;
    return [
      { key: `gmv_${suffix}`, label: `GMV ${what}`, unit: "RMB", value: (r: ReplicationResult) => sum(r, M.gmv, a, b) },
      { key: `gmv_per_day_${suffix}`, label: `GMV per day ${what}`, unit: "RMB/day", value: (r: ReplicationResult) => sum(r, M.gmv, a, b) / n },
      { key: `orders_per_day_${suffix}`, label: `Orders per day ${what}`, unit: "orders/day", value: (r: ReplicationResult) => sum(r, M.orders, a, b) / n },
      { key: `platform_net_${suffix}`, label: `Platform net ${what}`, unit: "RMB", value: (r: ReplicationResult) => platformNet(r, a, b) },
      { key: `subsidy_all_rmb_${suffix}`, label: `All subsidies (money and priced traffic) ${what}`, unit: "RMB", value: (r: ReplicationResult) => allSubsidies(r, a, b) },
    ];
  });
}

/** The KPIs of a run: all of KPIS, and those of its window when it has one. */
export function kpiDefinitions(window?: DayWindow, horizonDays?: number): KpiDefinition[] {
  return window && horizonDays !== undefined ? [...KPIS, ...windowKpis(window, horizonDays)] : KPIS;
}

export function kpiValues(r: ReplicationResult): Record<string, number> {
  return kpiValuesOf(KPIS, r);
}

/** Values of `definitions` (kpiDefinitions of a run) for one replication, by key. */
export function kpiValuesOf(definitions: readonly KpiDefinition[], r: ReplicationResult): Record<string, number> {
  return Object.fromEntries(definitions.map((k) => [k.key, k.value(r)]));
}
