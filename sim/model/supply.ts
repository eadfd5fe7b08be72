/**
 * Supply (MODEL.md 1.3 step 2): creators decide whether to go live and which
 * products to carry (drawn from the selection table: commission and fit);
 * merchants who self-broadcast go live and learn by broadcasting (faster with
 * an agency). Owns creators.isLive, hasVideo, products and merchants.isLive,
 * liveSkill. Runs before the tables are rebuilt for the day.
 */
import type { Rng } from "../engine/rng.js";
import { PRODUCT_SLOTS, STAGE } from "../engine/world.js";
import type { World } from "./world.js";

export function supplyCreators(world: World, rng: Rng): void {
  const cr = world.creators;
  const p = world.params.creators;
  const sel = world.tables.selection;
  const b = world.params.behaviour.creators;
  // chance of going live by stage (STAGE.new, growing, established): small rooms go live less often
  const liveFactor = [0, 0, 0];
  liveFactor[STAGE.new] = b.liveFactorNew;
  liveFactor[STAGE.growing] = b.liveFactorGrowing;
  liveFactor[STAGE.established] = b.liveFactorEstablished;
  for (let c = 0; c < cr.count; c++) {
    cr.isLive[c] = 0;
    cr.hasVideo[c] = 0;
    cr.productCount[c] = 0;
    if (!cr.isActive[c]) continue;
    const isLive = rng() < p.liveProbPerDay * liveFactor[cr.stage[c]];
    const hasVideo = rng() < p.videoProbPerDay;
    if (!isLive && !hasVideo) continue;
    const k = cr.mainCat[c];
    const want = isLive ? Math.min(PRODUCT_SLOTS, p.productsPerLive) : 1;
    let n = 0;
    for (let j = 0; j < want; j++) {
      const i = sel.draw(k, rng);
      if (i < 0) break;
      cr.products[c * PRODUCT_SLOTS + n++] = world.tables.merchantOrder[i];
    }
    cr.productCount[c] = n;
    if (n === 0) continue;
    cr.isLive[c] = isLive ? 1 : 0;
    cr.hasVideo[c] = hasVideo ? 1 : 0;
  }
}

export function supplyMerchants(world: World, rng: Rng): void {
  const mer = world.merchants;
  const p = world.params.merchants;
  const boost = world.params.levers.serviceProviders.learningBoost;
  for (let m = 0; m < mer.count; m++) {
    mer.isLive[m] = 0;
    if (!mer.isActive[m] || !mer.isSelfBroadcaster[m]) continue;
    if (rng() >= p.selfBroadcastLiveProb) continue;
    mer.isLive[m] = 1;
    const rate = p.selfBroadcastLearningPerDay * (mer.isServed[m] ? 1 + boost : 1);
    mer.liveSkill[m] += rate * (1 - mer.liveSkill[m]);
  }
}
