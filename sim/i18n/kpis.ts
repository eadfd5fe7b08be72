/**
 * KPI names in Chinese, by KPI key. The English name is the KPI's own label
 * in experiments/kpis.ts or experiments/sweep/sweep-kpis.ts (and in
 * summary.json), so it is written once, there;
 * a test fails when a KPI in KPIS has no Chinese name here, or a name here
 * has no KPI. A KPI without one (a folder from a newer version) shows its English label.
 */
import type { Lang } from "./core.js";

export const KPI_LABELS_ZH: Readonly<Record<string, string>> = {
  gmv_total: "运行期间成交额（GMV）",
  gmv_growth: "GMV 增长（最后 30 天 / 最初 30 天）",
  repurchase_rate: "复购率（近 365 天下单 2 次及以上的买家占比）",
  merchant_repeat_share: "回头单占比（再次购买上一家商家）",
  private_domain_repeat_share: "私域复购占比（经关注账号的回头单）",
  merchants_active_end: "期末活跃商家数",
  merchant_growth: "活跃商家数，期末 / 期初",
  merchants_over_mark: "年销售额超 100 万元的商家数",
  merchants_new_total: "运行期间新入驻商家数",
  nps_end: "期末净推荐值（NPS）",
  trust_end: "期末用户平均信任度",
  churn_total: "运行期间流失用户数",
  subsidy_total: "资金补贴（消费者、优惠券、佣金减免、大促、服务商）",
  subsidy_traffic_impressions: "流量补贴曝光次数",
  platform_net: "平台净收入（扣除补贴与保障赔付）",
  share_creator_live: "GMV 占比：达人直播",
  share_self_broadcast: "GMV 占比：商家自播",
  share_short_video: "GMV 占比：短视频",
  share_mall_search: "GMV 占比：商城与搜索",
  share_tier_lt10k: "达人 GMV 占比：粉丝 1 万以下",
  share_tier_10k_100k: "达人 GMV 占比：粉丝 1万–10万",
  share_tier_100k_1m: "达人 GMV 占比：粉丝 10万–100万",
  share_tier_1m_5m: "达人 GMV 占比：粉丝 100万–500万",
  share_tier_5m_10m: "达人 GMV 占比：粉丝 500万–1000万",
  share_tier_gt10m: "达人 GMV 占比：粉丝 1000 万以上",
  // the sweep's own KPIs (experiments/sweep/sweep-kpis.ts)
  gmv_per_subsidy_rmb: "每元资金补贴带来的 GMV",
  gmv_gain_vs_reference: "相对参照点增加的 GMV",
  subsidy_extra_vs_reference: "相对参照点多花的资金补贴",
  incremental_gmv_per_subsidy_rmb: "相对参照点每多补贴 1 元带来的额外 GMV",
  platform_revenue_total: "平台收入（佣金与广告）",
  ad_revenue_total: "广告收入（付费流量）",
  platform_net_break_even_day: "平台累计净收入回本日：此后累计净收入不再低于 0 的首日（期末仍为负则记为运行天数，均值为下限）",
  platform_net_cumulative_low: "平台累计净收入最低点（从未为负则为 0）",
  subsidy_traffic_rmb_total: "按千次曝光价格折算的流量补贴（放弃的收入，不计入平台净收入）",
  subsidy_all_rmb_total: "全部补贴：资金补贴与折价流量补贴",
  creators_active_end: "期末活跃达人数",
  creator_growth: "活跃达人数，期末 / 期初",
  merchants_exited_losses_total: "因亏损退出的商家数",
  merchants_exited_governance_total: "被治理清退的商家数",
  merchants_exited_idle_total: "因无销售退出的商家数",
};

/**
 * The KPIs of a window (sim run --window, experiments/kpis.ts windowKpis): their
 * names carry the window's days, so the Chinese name is made from the days the
 * English one gives ("during days 60-240", "after the window, day 300").
 */
const WINDOW_LABELS_ZH: Readonly<Record<string, string>> = {
  gmv: "GMV",
  gmv_per_day: "日均 GMV",
  orders_per_day: "日均订单数",
  platform_net: "平台净收入",
  subsidy_all_rmb: "全部补贴（资金与折价流量）",
};

function windowLabelZh(key: string, englishLabel: string): string | undefined {
  const m = /^(.*)_(after_window|window)$/.exec(key);
  const what = m ? WINDOW_LABELS_ZH[m[1]] : undefined;
  const days = /days? (\d+)(?:-(\d+))?\s*$/.exec(englishLabel);
  if (!m || !what || !days) return undefined;
  const span = days[2] === undefined ? `第 ${days[1]} 天` : `第 ${days[1]}–${days[2]} 天`;
  return m[2] === "window" ? `窗口期内${what}（${span}）` : `窗口期后${what}（${span}）`;
}

/** A KPI's name in `lang`: the English label it came with, or its Chinese name by key (falling back to the English label). */
export function kpiLabel(key: string, englishLabel: string, lang: Lang): string {
  return lang === "en" ? englishLabel : (KPI_LABELS_ZH[key] ?? windowLabelZh(key, englishLabel) ?? englishLabel);
}
