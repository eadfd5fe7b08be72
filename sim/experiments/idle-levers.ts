/**
 * Levers set to act that never acted: after a run, each programme that the
 * scenario (or an intervention) switched on is looked up in the run's daily
 * columns on the days it was on, across every replication. A programme whose
 * column stayed at zero did nothing: a budget smaller than one simulated
 * order's subsidy (each stands for userScale orders), nobody eligible, a
 * window that missed the days it was on. `sim run` prints these as warnings
 * and writes them into the manifest.
 *
 * Load-time checks (scenario/checks.ts) refuse what cannot act whatever the
 * run; this is what did not act in this run.
 */
import { COLUMNS, M } from "../model/metrics.js";
import type { ReplicationResult } from "../model/simulate.js";
import { leverTimeline, TRAFFIC_BOOSTS, WINDOWED_PROGRAMMES, type LeverState } from "../scenario/checks.js";
import { resolutionOf } from "../scenario/resolution.js";
import type { Levers, Scenario } from "../scenario/schema.js";

/** Days from..to-1. */
type Span = [from: number, to: number];

/**
 * One sentence per lever that was set to act during the run but never did,
 * decided from the replications' daily columns; [] when every lever that was
 * on acted at least once (or nothing was on).
 */
export function leversThatNeverActed(scenario: Scenario, results: readonly ReplicationResult[]): string[] {
  if (results.length === 0) return [];
  const states = leverTimeline(scenario);
  const horizon = Math.min(scenario.horizonDays, ...results.map((r) => r.days));
  const scale = resolutionOf(scenario).userScale;
  const n = fmt(scale);
  const reps = `${results.length} replication${results.length === 1 ? "" : "s"}`;
  const total = (col: number, spans: Span[]) => sumOver(results, col, spans);
  const warnings: string[] = [];

  // the windowed programmes (on as scenario/checks.ts says): on in a state, inside the window, inside the run
  const windowed: { group: (typeof WINDOWED_PROGRAMMES)[number]["group"]; column: number; what: (lv: Levers) => string; hint: (lv: Levers) => string }[] = [
    {
      group: "consumerSubsidy", column: M.subsidy_consumer,
      what: (lv) => `rate ${lv.consumerSubsidy.rate}`,
      hint: (lv) => {
        const cs = lv.consumerSubsidy;
        const price = cheapest(scenario);
        return `no eligible order could be paid: a simulated order stands for ${n} orders, so the budget (totalBudgetRmb ${fmt(cs.totalBudgetRmb)}${cs.dailyBudgetRmb > 0 ? `, dailyBudgetRmb ${fmt(cs.dailyBudgetRmb)}` : ""}) must cover about ${fmt(cs.rate * price * scale)} platform RMB for one ${price}-RMB order; check it, minBrand (${cs.minBrand}) and the window`;
      },
    },
    {
      group: "coupons", column: M.subsidy_coupon,
      what: (lv) => `valueRmb ${lv.coupons.valueRmb}`,
      hint: (lv) => `no coupon was used: a simulated order stands for ${n} orders, so one coupon costs ${fmt(lv.coupons.valueRmb * scale)} platform RMB of the budget (totalBudgetRmb ${fmt(lv.coupons.totalBudgetRmb)}); check it, who is eligible (newUserDays ${lv.coupons.newUserDays}, lapsedDays ${lv.coupons.lapsedDays}) and the window`,
    },
    {
      group: "trafficSubsidy", column: M.subsidy_traffic_impressions,
      what: (lv) => TRAFFIC_BOOSTS.filter((b) => lv.trafficSubsidy[b] > 0).map((b) => `${b} ${lv.trafficSubsidy[b]}`).join(", "),
      hint: (lv) => `no impression was subsidised: check whether anyone it boosts was in the feed while it was on (new within newDays ${lv.trafficSubsidy.newDays} of entry, self-broadcasting, in the industry belt) and the window`,
    },
    {
      group: "feeRelief", column: M.subsidy_fee,
      what: (lv) => `takeRate ${lv.feeRelief.takeRate} for ${lv.feeRelief.newMerchantDays} days`,
      hint: (lv) => `no merchant within ${lv.feeRelief.newMerchantDays} days of entry sold while it was on; check newMerchantDays and the window`,
    },
  ];
  for (const p of windowed) {
    const isOn = WINDOWED_PROGRAMMES.find((w) => w.group === p.group)!.isOn;
    const on = states.filter((s) => isOn(s.params.levers));
    const onDays = on.flatMap((s) => clip(s, [0, horizon], horizon));
    const spans = on.flatMap((s) => clip(s, [s.params.levers[p.group].startDay, s.params.levers[p.group].endDay + 1], horizon));
    if (onDays.length === 0) continue;
    const lv = on[0].params.levers;
    if (spans.length === 0) {
      warnings.push(`levers.${p.group} (${p.what(lv)}) was switched on for ${daysText(onDays)} but never acted: its window (days ${lv[p.group].startDay}-${lv[p.group].endDay}) falls outside those days`);
      continue;
    }
    if (total(p.column, spans) !== 0) continue;
    warnings.push(`levers.${p.group} (${p.what(lv)}) was set to act on ${daysText(spans)} but never acted: ${COLUMNS[p.column][0]} is 0 on those days in all ${reps}; ${p.hint(lv)}`);
  }

  // campaigns with a discount: on their days, while they are in the list
  const campaigns = new Map<string, { text: string; spans: Span[]; budgetRmb: number; discount: number }>();
  for (const s of states) {
    s.params.levers.campaigns.forEach((c, i) => {
      if (c.discount <= 0) return;
      const id = JSON.stringify(c);
      const entry = campaigns.get(id) ?? { text: `levers.campaigns[${i}] '${c.name}'`, spans: [], budgetRmb: c.budgetRmb, discount: c.discount };
      entry.spans.push(...clip(s, [c.startDay, c.startDay + c.days], horizon));
      campaigns.set(id, entry);
    });
  }
  for (const c of campaigns.values()) {
    if (c.spans.length === 0 || total(M.subsidy_campaign, c.spans) !== 0) continue;
    const budget = c.budgetRmb > 0 ? `its budget (budgetRmb ${fmt(c.budgetRmb)}) must cover about ${fmt(c.discount * cheapest(scenario) * scale)} platform RMB for one ${cheapest(scenario)}-RMB order (a simulated order stands for ${n})` : "no order was bought during it";
    warnings.push(`${c.text} (discount ${c.discount}) was set to act on ${daysText(c.spans)} but never acted: subsidy_campaign is 0 on those days in all ${reps}; ${budget}`);
  }

  // the trust guarantee: a claim costs costPerClaimRmb, so a covered bad purchase shows in guarantee_cost
  const guaranteed = states.filter((s) => s.params.levers.trustGuarantee.coverage > 0 && s.params.levers.trustGuarantee.costPerClaimRmb > 0);
  const guaranteeSpans = guaranteed.flatMap((s) => clip(s, [0, horizon], horizon));
  if (guaranteeSpans.length > 0 && total(M.guarantee_cost, guaranteeSpans) === 0) {
    const tg = guaranteed[0].params.levers.trustGuarantee;
    warnings.push(`levers.trustGuarantee (coverage ${tg.coverage}) was set to act on ${daysText(guaranteeSpans)} but never acted: guarantee_cost is 0 on those days in all ${reps}; no bad purchase was covered`);
  }

  // service providers: a provider's client shows in providers_clients
  const withProviders = states.filter((s) => s.params.levers.serviceProviders.providers > 0);
  const providerSpans = withProviders.flatMap((s) => clip(s, [0, horizon], horizon));
  if (providerSpans.length > 0 && total(M.providers_clients, providerSpans) === 0) {
    const sp = withProviders[0].params.levers.serviceProviders;
    const merchantScale = resolutionOf(scenario).merchantScale;
    const slots = (sp.providers * sp.clientsPerProvider) / merchantScale;
    const who = sp.platformFunded
      ? "the platform's programme enrols merchants not past the sales mark"
      : `a merchant hires one while the fee (feePerDayRmb ${sp.feePerDayRmb}) is at most maxFeeShare ${sp.maxFeeShare} of its recent daily sales`;
    warnings.push(
      `levers.serviceProviders (${fmt(sp.providers)} providers x ${sp.clientsPerProvider} clients) was set to act on ${daysText(providerSpans)} but never acted: providers_clients is 0 on those days in all ${reps}; ` +
        `one simulated merchant stands for ${fmt(merchantScale)} merchants, so the providers have ${fmt(slots)} simulated slots (fewer than one rounds to none in some replications); check them and who wants one (${who})`,
    );
  }

  // the industry belt: its cohort arrives on levers.industryBelt.day as the levers stand that day
  const belt = scenario.levers.industryBelt;
  if (belt.merchants > 0) {
    const arrivals = states.flatMap((s) => {
      const day = s.params.levers.industryBelt.day;
      return day >= s.from && day < s.to && day < horizon ? [day] : [];
    });
    if (arrivals.length === 0) {
      warnings.push(`levers.industryBelt (${fmt(belt.merchants)} merchants) never acted: its day was never reached as the interventions left it`);
    } else if (total(M.merchants_new, arrivals.map((d): Span => [d, d + 1])) === 0) {
      warnings.push(`levers.industryBelt (${fmt(belt.merchants)} merchants on day ${arrivals.join(", ")}) never acted: merchants_new is 0 on that day in all ${reps}; the cohort did not arrive (is population.capacityFactor reached?)`);
    }
  }
  return warnings;
}

/** The days of `window` (from..to-1) that fall in the state's days and in the run. */
function clip(state: LeverState, window: Span, horizon: number): Span[] {
  const from = Math.max(state.from, window[0], 0);
  const to = Math.min(state.to, window[1], horizon);
  return from < to ? [[from, to]] : [];
}

function sumOver(results: readonly ReplicationResult[], column: number, spans: Span[]): number {
  const cols = COLUMNS.length;
  let sum = 0;
  for (const r of results) for (const [from, to] of spans) for (let d = from; d < Math.min(to, r.days); d++) sum += Math.abs(r.series[d * cols + column]);
  return sum;
}

function daysText(spans: Span[]): string {
  const merged: Span[] = [];
  for (const [from, to] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  const parts = merged.map(([from, to]) => (to - from === 1 ? `day ${from}` : `days ${from}-${to - 1}`));
  return parts.join(", ");
}

/** The reference price of the cheapest category: the smallest order a budget must cover. */
function cheapest(scenario: Scenario): number {
  return Math.min(...scenario.categories.map((c) => c.refPriceRmb));
}

function fmt(x: number): string {
  return x >= 1000 ? Math.round(x).toLocaleString("en-US") : String(Number(x.toPrecision(3)));
}
