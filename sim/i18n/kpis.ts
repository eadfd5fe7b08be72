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
};

/** A KPI's name in `lang`: the English label it came with, or its Chinese name by key (falling back to the English label). */
export function kpiLabel(key: string, englishLabel: string, lang: Lang): string {
  return lang === "en" ? englishLabel : (KPI_LABELS_ZH[key] ?? englishLabel);
}
