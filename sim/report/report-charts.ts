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
export function reportCharts(report: ReportData): ChartEntry[] {
  const series = dailySeries(report.timeseries, report.meta.horizonDays);
  const meta = report.meta;
  const charts: ChartEntry[] = [
    { name: "gmv-daily", caption: "Gross merchandise value per day, platform scale.", spec: gmvDaily(series, meta) },
    { name: "gmv-by-channel", caption: "Where GMV is sold: creators' live rooms, merchants' own live rooms, short videos, and the mall and search shelf.", spec: gmvByChannel(series, meta) },
  ];
  const has = (columns: readonly string[]) => hasColumns(report.timeseries, columns);
  if (has(ORDER_SOURCE_COLUMNS)) {
    charts.push({
      name: "demand-sources",
      caption: "Where orders come from: the first purchase of an interest that content created, a restock of something a user needs again, or an impulse buy (neither); below, interests that content created and interests that faded each day.",
      spec: demandSources(series, meta, has(INTEREST_COLUMNS)),
    });
  }
  if (has(NEW_USER_COLUMNS)) {
    charts.push({
      name: "new-users",
      caption: "New users each day by what brought them: the market at large or word of mouth from users already on the platform; users who left (churned) are drawn below zero for contrast.",
      spec: newUsers(series, meta, has(["users_churned"])),
    });
  }
  charts.push({ name: "merchant-growth", caption: "Active merchants, merchants entering and leaving, and merchants whose cumulative sales passed the sales mark.", spec: merchantGrowth(series, meta) });
  if (has(MERCHANT_BAND_COLUMNS)) {
    charts.push({
      name: "merchant-sizes",
      caption: "Merchant sizes: active merchants by annual sales (run rate, log scale), the share of sales the top 1% of merchants hold, merchants leaving by cause, and the merchants' mean price, quality, commission, brand, capacity and paid traffic.",
      spec: merchantSizes(series, meta),
    });
  }
  if (hadProviders(series)) {
    charts.push({
      name: "service-providers",
      caption: "Service providers (agencies): their client slots, the merchants they serve and the merchants waiting for one, and the fees paid to them each day, by merchants or by the platform's programme.",
      spec: serviceProviders(series, meta),
    });
  }
  charts.push({ name: "repurchase", caption: "Repeat orders as a share of all orders, and the share of repeat orders that came through followed accounts (private domain).", spec: repurchase(series, meta, report.summary.kpis.repurchase_rate) });
  if (report.byTier?.length) {
    charts.push({ name: "tier-share", caption: "Share of creator-driven GMV sold by each tier of creators, by follower count.", spec: tierShare(report.byTier, meta) });
  }
  if (has(CREATOR_TIER_COLUMNS)) {
    charts.push({
      name: "creator-tiers",
      caption: "Creator tiers over time: active creators by their followers (platform scale), creators entering and leaving, and the followers each tier gained a day.",
      spec: creatorTiers(series, meta, has(CREATOR_FLOW_COLUMNS), has(FOLLOWER_GAIN_COLUMNS)),
    });
  }
  charts.push({ name: "trust-nps", caption: "Users' mean trust in the platform (0–1) and the net promoter score.", spec: trustNps(series, meta) });
  if (EXPERIENCE_COLUMNS.some((c) => has([c]))) {
    charts.push({
      name: "user-experience",
      caption: "What users live through: their trust in the platform, how many unwanted paid items they remember (ad fatigue), how long orders take to arrive, how strongly content draws them in, and the share of the list price they have come to expect to pay.",
      spec: userExperience(series, meta),
    });
  }
  if (has(PAID_TRAFFIC_COLUMNS)) {
    charts.push({ name: "paid-traffic", caption: "Paid items users saw each day and the ad revenue they brought the platform.", spec: paidTraffic(series, meta) });
  }
  if (has(PLATFORM_NET_COLUMNS)) {
    charts.push({
      name: "platform-economics",
      caption: "What the platform earns and keeps: its revenue (commission and ads) and ad revenue per day, and its cumulative net, revenue less the subsidies it pays out and the cost of guarantee claims, with the day from which the net stays at or above zero.",
      spec: platformEconomics(series, meta),
    });
  }
  charts.push({ name: "subsidy-vs-gmv", caption: "Money the platform spends on each subsidy lever, against GMV in the same weeks.", spec: subsidyVsGmv(series, meta) });
  if (report.followers && report.followers.rep.length > 0) {
    charts.push({ name: "follower-ccdf", caption: "How concentrated followers are: the share of creators with at least x followers, at the start and at the end.", spec: followerCcdf(report.followers, meta) });
  }
  return markProgramme(charts, report);
}

/** Every time chart with the run's programme windows shaded and its intervention days ruled (charts/programme.ts). */
function markProgramme(charts: ChartEntry[], report: ReportData): ChartEntry[] {
  const schedule = programmeSchedule(report.manifest.scenario, report.meta.horizonDays);
  return charts.map((c) => ({ ...c, spec: withProgramme(c.spec, schedule) }));
}
