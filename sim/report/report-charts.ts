import type { TopLevelSpec } from "vega-lite";
import { CREATOR_FLOW_COLUMNS, CREATOR_TIER_COLUMNS, FOLLOWER_GAIN_COLUMNS, creatorTiers } from "./charts/creator-tiers.js";
import { demandSources, INTEREST_COLUMNS, ORDER_SOURCE_COLUMNS } from "./charts/demand-sources.js";
import { followerCcdf } from "./charts/follower-ccdf.js";
import { gmvByChannel } from "./charts/gmv-by-channel.js";
import { gmvDaily } from "./charts/gmv-daily.js";
import { merchantGrowth } from "./charts/merchant-growth.js";
import { MERCHANT_BAND_COLUMNS, merchantSizes } from "./charts/merchant-sizes.js";
import { NEW_USER_COLUMNS, newUsers } from "./charts/new-users.js";
import { PAID_TRAFFIC_COLUMNS, paidTraffic } from "./charts/paid-traffic.js";
import { platformEconomics } from "./charts/platform-economics.js";
import { PLATFORM_NET_COLUMNS } from "./platform-net.js";
import { repurchase } from "./charts/repurchase.js";
import { hadProviders, serviceProviders } from "./charts/service-providers.js";
import { subsidyVsGmv } from "./charts/subsidy-vs-gmv.js";
import { tierShare } from "./charts/tier-share.js";
import { trustNps } from "./charts/trust-nps.js";
import { EXPERIENCE_COLUMNS, userExperience } from "./charts/user-experience.js";
import { withProgramme } from "./charts/programme.js";
import { programmeSchedule } from "./programme-windows.js";
import type { ReportData } from "./read-report.js";
import { dailySeries, hasColumns } from "./series.js";
import { t, type Lang } from "../i18n/index.js";

export interface ChartEntry {
  /** File stem under charts/ and the anchor on the page. */
  name: string;
  /** A sentence under the chart on the page: how to read it. */
  caption: string;
  spec: TopLevelSpec;
}

/**
 * The charts of one scenario's report, in page order; a chart whose table is
 * absent is left out, and so is one whose columns an older folder lacks
 * (written before the model reported them): `sim report` on it draws the rest.
 */
export function reportCharts(report: ReportData, lang: Lang = "en"): ChartEntry[] {
  const series = dailySeries(report.timeseries, report.meta.horizonDays);
  const meta = report.meta;
  const charts: ChartEntry[] = [
    { name: "gmv-daily", caption: t(lang, "caption.gmv-daily"), spec: gmvDaily(series, meta, lang) },
    { name: "gmv-by-channel", caption: t(lang, "caption.gmv-by-channel"), spec: gmvByChannel(series, meta, lang) },
  ];
  const has = (columns: readonly string[]) => hasColumns(report.timeseries, columns);
  if (has(ORDER_SOURCE_COLUMNS)) {
    charts.push({
      name: "demand-sources",
      caption: t(lang, "caption.demand-sources"),
      spec: demandSources(series, meta, has(INTEREST_COLUMNS), lang),
    });
  }
  if (has(NEW_USER_COLUMNS)) {
    charts.push({
      name: "new-users",
      caption: t(lang, "caption.new-users"),
      spec: newUsers(series, meta, has(["users_churned"]), lang),
    });
  }
  charts.push({ name: "merchant-growth", caption: t(lang, "caption.merchant-growth"), spec: merchantGrowth(series, meta, lang) });
  if (has(MERCHANT_BAND_COLUMNS)) {
    charts.push({
      name: "merchant-sizes",
      caption: t(lang, "caption.merchant-sizes"),
      spec: merchantSizes(series, meta, lang),
    });
  }
  if (hadProviders(series)) {
    charts.push({
      name: "service-providers",
      caption: t(lang, "caption.service-providers"),
      spec: serviceProviders(series, meta, lang),
    });
  }
  charts.push({ name: "repurchase", caption: t(lang, "caption.repurchase"), spec: repurchase(series, meta, report.summary.kpis.repurchase_rate, lang) });
  if (report.byTier?.length) {
    charts.push({ name: "tier-share", caption: t(lang, "caption.tier-share"), spec: tierShare(report.byTier, meta, lang) });
  }
  if (has(CREATOR_TIER_COLUMNS)) {
    charts.push({
      name: "creator-tiers",
      caption: t(lang, "caption.creator-tiers"),
      spec: creatorTiers(series, meta, has(CREATOR_FLOW_COLUMNS), has(FOLLOWER_GAIN_COLUMNS), lang),
    });
  }
  charts.push({ name: "trust-nps", caption: t(lang, "caption.trust-nps"), spec: trustNps(series, meta, lang) });
  if (EXPERIENCE_COLUMNS.some((c) => has([c]))) {
    charts.push({
      name: "user-experience",
      caption: t(lang, "caption.user-experience"),
      spec: userExperience(series, meta, lang),
    });
  }
  if (has(PAID_TRAFFIC_COLUMNS)) {
    charts.push({ name: "paid-traffic", caption: t(lang, "caption.paid-traffic"), spec: paidTraffic(series, meta, lang) });
  }
  if (has(PLATFORM_NET_COLUMNS)) {
    charts.push({ name: "platform-economics", caption: t(lang, "caption.platform-economics"), spec: platformEconomics(series, meta, lang) });
  }
  charts.push({ name: "subsidy-vs-gmv", caption: t(lang, "caption.subsidy-vs-gmv"), spec: subsidyVsGmv(series, meta, lang) });
  if (report.followers && report.followers.rep.length > 0) {
    charts.push({ name: "follower-ccdf", caption: t(lang, "caption.follower-ccdf"), spec: followerCcdf(report.followers, meta, lang) });
  }
  return markProgramme(charts, report, lang);
}

/** Every time chart with the run's programme windows shaded and its intervention days ruled (charts/programme.ts). */
function markProgramme(charts: ChartEntry[], report: ReportData, lang: Lang): ChartEntry[] {
  const schedule = programmeSchedule(report.manifest.scenario, report.meta.horizonDays);
  return charts.map((c) => ({ ...c, spec: withProgramme(c.spec, schedule, lang) }));
}
