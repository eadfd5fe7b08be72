/**
 * Users joining (MODEL.md, Word of mouth): the Bass (1969) diffusion of the
 * platform through its potential market (population.userSaturation x the
 * day-0 users). Each day a potential user not yet on the platform joins
 *  - from the market (advertising, media: the exogenous part) with
 *    probability marketArrivalPerDay, less as far as detractors keep people
 *    away (detractorDeterrence x the detractor share of users), and
 *  - by word of mouth with probability wordOfMouthPerDay x promoters / potential
 *    market (Bass's imitation, carried by promoters rather than by all users:
 *    Reichheld 2003).
 * Promoters and detractors are yesterday's expected answers of the users on
 * the platform (trust.ts measureTrustAndNps), so what users experience today
 * shows in tomorrow's arrivals. The two sources are drawn and counted apart.
 */
import { poisson, type Rng } from "../engine/rng.js";
import { M } from "./metrics.js";
import { addUser } from "./users.js";
import type { World } from "./world.js";

export function arriveUsers(world: World, rng: Rng): void {
  const pop = world.params.population;
  const d = world.params.demand;
  const u = world.users;
  const pf = world.platform;
  const potential = pop.users * pop.userSaturation;
  const room = Math.max(0, potential - u.alive);
  const market = poisson(rng, room * d.marketArrivalPerDay * Math.max(0, 1 - d.detractorDeterrence * pf.detractorShare));
  const promotersOfPotential = (pf.promoterShare * u.alive) / potential;
  const wordOfMouth = poisson(rng, room * Math.min(1, d.wordOfMouthPerDay * promotersOfPotential));
  const row = world.metrics.today;
  const day = world.today.internalDay;
  for (let i = 0; i < market; i++) {
    if (addUser(world, rng, day) < 0) return;
    row[M.users_new_market]++;
  }
  for (let i = 0; i < wordOfMouth; i++) {
    if (addUser(world, rng, day) < 0) return;
    row[M.users_new_wom]++;
  }
}
