/**
 * Service providers (MODEL.md 3.3, Service providers): agencies (服务商) that
 * run merchants' live rooms and stores, train their hosts and take a daily
 * fee, paid by the merchant or, under a platform programme, by the platform.
 * Providers are stated at platform scale (levers.serviceProviders.providers,
 * each serving clientsPerProvider merchants at once); their client slots in
 * simulated merchants are providers x clientsPerProvider / merchantScale,
 * fractional, resolved by one fixed uniform per replication u: whole slots
 * floor(slots + u), whose mean over replications is the exact slots.
 *
 * Merchants who want a provider queue for one; providers take the queue
 * first come, first served, up to their slots; a contract lasts contractDays
 * and ends early when the merchant exits or (paying its own fee) falls into
 * distress; a merchant who still wants a provider then queues again at the
 * back. Owns merchants.isServed, providerUntil, isQueued and
 * the pool (world.providers). Served merchants learn self-broadcast faster
 * (supply.ts), serve buyers better (orders.ts) and adopt self-broadcast more
 * readily (merchants.ts); the fee is booked by settleMerchants (merchants.ts).
 */
import type { Rng } from "../engine/rng.js";
import { grown } from "../engine/world.js";
import { M } from "./metrics.js";
import type { World } from "./world.js";

/** The providers' side: their number (platform scale, grown by demand) and the queue of merchants waiting for one. */
export class ProviderPool {
  /** providers added by growth since day 0 of the run (platform scale) */
  added = 0;
  /** the replication's fixed uniform that rounds fractional slots; < 0 until drawn */
  offset = -1;
  /** simulated merchants served now */
  clients = 0;
  /** merchant ids waiting for a provider, in the order they asked (first come, first served); as long as the merchants' arrays */
  queue: Int32Array;
  queued = 0;

  constructor(merchants: number) {
    this.queue = new Int32Array(merchants);
  }

  /** Room for `merchants` merchants in the queue, grown with the merchants' arrays (model/world.ts), the waiting kept. */
  resize(merchants: number): void {
    if (merchants > this.queue.length) this.queue = grown(this.queue, merchants);
  }
}

/**
 * Whether merchant `m` wants a provider today. A merchant paying its own fee
 * hires one while the fee is at most maxFeeShare of its daily sales run
 * rate per real merchant (merchant-strategy.ts) and it is not in distress (it can pay); the platform's
 * programme (platformFunded) enrols small merchants: those whose annual
 * sales run rate (merchant-strategy.ts) is below merchants.salesMarkRmbPlatform.
 */
function wantsProvider(world: World, m: number): boolean {
  const mer = world.merchants;
  if (!mer.isActive[m]) return false;
  const sp = world.params.levers.serviceProviders;
  if (sp.platformFunded) return 365 * mer.salesRunRate[m] < world.params.merchants.salesMarkRmbPlatform;
  return mer.cashRmb[m] >= world.params.merchants.cashFloorRmb && sp.feePerDayRmb <= sp.maxFeeShare * mer.salesRunRate[m];
}

/** Simulated client slots today, fractional: providers x clientsPerProvider / merchantScale. */
export function clientSlots(world: World): number {
  const sp = world.params.levers.serviceProviders;
  return ((sp.providers + world.providers.added) * sp.clientsPerProvider) / world.res.merchantScale;
}

/**
 * The day's contracts, before supply: contracts that ended are closed, new
 * demand joins the queue, and providers take merchants from its front while
 * they have slots. Writes providers_clients, providers_capacity,
 * providers_waiting and providers_fees.
 */
export function serveMerchants(world: World, rng: Rng): void {
  const mer = world.merchants;
  const pool = world.providers;
  const sp = world.params.levers.serviceProviders;
  const day = world.today.internalDay;
  const row = world.metrics.today;
  if (pool.offset < 0) pool.offset = rng();
  const slots = clientSlots(world);
  const whole = Math.floor(slots + pool.offset);
  const queue = pool.queue;
  // contracts end at their term, when the merchant exits, or when a merchant paying its own fee cannot pay
  for (let m = 0; m < mer.count; m++) {
    if (!mer.isServed[m]) continue;
    if (!mer.isActive[m] || day >= mer.providerUntil[m] || (!sp.platformFunded && mer.cashRmb[m] < world.params.merchants.cashFloorRmb)) {
      mer.isServed[m] = 0;
      pool.clients--;
    }
  }
  // the queue keeps those who still want a provider, in order; new demand joins at the back
  // (where the platform has no providers, nobody looks for one)
  let n = 0;
  for (let i = 0; i < pool.queued; i++) {
    const m = queue[i];
    if (wantsProvider(world, m)) queue[n++] = m;
    else mer.isQueued[m] = 0;
  }
  if (slots > 0) {
    for (let m = 0; m < mer.count; m++) {
      if (mer.isServed[m] || mer.isQueued[m] || !wantsProvider(world, m)) continue;
      mer.isQueued[m] = 1;
      queue[n++] = m;
    }
  }
  // providers take the front of the queue while they have slots
  const taken = Math.max(0, Math.min(n, whole - pool.clients));
  for (let i = 0; i < taken; i++) {
    const m = queue[i];
    mer.isQueued[m] = 0;
    mer.isServed[m] = 1;
    mer.providerUntil[m] = day + sp.contractDays;
  }
  pool.clients += taken;
  queue.copyWithin(0, taken, n);
  pool.queued = n - taken;
  // providers follow demand: on a day merchants wait, their number grows
  if (pool.queued > 0 && sp.capacityGrowthPerDay > 0) pool.added += sp.capacityGrowthPerDay * (sp.providers + pool.added);
  row[M.providers_clients] = pool.clients;
  row[M.providers_capacity] = slots;
  row[M.providers_waiting] = pool.queued;
  row[M.providers_fees] = (pool.clients * sp.feePerDayRmb) / world.res.perMerchant;
}
