import { describe, expect, it } from "vitest";
import { FIRST_DAY } from "../../sim/engine/world.js";
import { dayStreams, simulateDay } from "../../sim/model/day.js";
import { initWorld } from "../../sim/model/init.js";
import { createWorld, type World } from "../../sim/model/world.js";
import { InterventionLog } from "../../sim/scenario/intervention-log.js";
import { loadScenarioSync } from "../../sim/scenario/load.js";
import type { Scenario } from "../../sim/scenario/schema.js";

const BASELINE = new URL("../../scenarios/baseline.yaml", import.meta.url).pathname;

/**
 * Users, creators and merchants arrive fast (market arrivals, entry rates far
 * above the baseline's) and creators and merchants have little room
 * (capacityFactor 3), so that every kind of agent outgrows its first
 * allocation several times and entries are refused at the capacity.
 */
const scenario = loadScenarioSync(BASELINE, {
  users: 3000,
  days: 90,
  set: ["demand.marketArrivalPerDay=0.02", "creators.entryPerDayPerThousand=30", "merchants.entryPerDayPerThousand=30", "population.capacityFactor=3"],
}).scenario;

interface Allocations {
  users: number[];
  creators: number[];
  merchants: number[];
}

/** The model's days as simulate.ts runs them (without the warm-up), noting each allocation the agents' arrays pass through. */
function run(params: Scenario, allocateFull: boolean): { world: World; allocations: Allocations } {
  const world = createWorld(structuredClone(params), 5, { allocateFull });
  const allocations: Allocations = { users: [world.users.allocated], creators: [world.creators.allocated], merchants: [world.merchants.allocated] };
  const note = () => {
    for (const kind of ["users", "creators", "merchants"] as const) {
      const list = allocations[kind];
      if (world[kind].allocated !== list[list.length - 1]) list.push(world[kind].allocated);
    }
  };
  world.today.internalDay = FIRST_DAY;
  initWorld(world);
  note();
  const rng = dayStreams(world);
  const log = new InterventionLog(world.params.interventions);
  for (let d = 0; d < params.horizonDays; d++) {
    world.today.internalDay = FIRST_DAY + d;
    world.today.reportDay = d;
    simulateDay(world, rng, log);
    note();
  }
  return { world, allocations };
}

describe("agent arrays that grow", () => {
  it("give the same series as arrays allocated at full capacity, and refuse entries at the same capacity", () => {
    const grown = run(scenario, false);
    const full = run(scenario, true);
    expect(grown.world.metrics.series).toEqual(full.world.metrics.series);
    expect(grown.world.metrics.byCategory).toEqual(full.world.metrics.byCategory);
    expect(grown.world.metrics.byTier).toEqual(full.world.metrics.byTier);
    expect(grown.world.users.alive).toBe(full.world.users.alive);
    expect(grown.world.platform.entriesRefusedFull).toBe(full.world.platform.entriesRefusedFull);
    // each kind grew past its first allocation several times (creators and merchants up to the capacity, where entries were refused)
    for (const kind of ["users", "creators", "merchants"] as const) {
      expect(grown.allocations[kind].length, kind).toBeGreaterThanOrEqual(4);
      expect(full.allocations[kind]).toEqual([full.world[kind].capacity]);
      expect(grown.world[kind].capacity).toBe(full.world[kind].capacity);
      expect(grown.world[kind].count).toBe(full.world[kind].count);
    }
    expect(grown.world.creators.count).toBe(grown.world.creators.capacity);
    expect(grown.world.merchants.count).toBe(grown.world.merchants.capacity);
    expect(grown.world.platform.entriesRefusedFull).toBeGreaterThan(0);
  });

  it("allocates about the day-0 agents at first, well under the capacities", () => {
    const params = loadScenarioSync(BASELINE, { users: 20000 }).scenario;
    const world = createWorld(params, 1);
    expect(world.users.allocated).toBeLessThan(0.5 * world.users.capacity);
    expect(world.creators.allocated).toBeLessThan(0.1 * world.creators.capacity);
    expect(world.merchants.allocated).toBeLessThan(0.1 * world.merchants.capacity);
    expect(world.tables.feedWeight.length).toBe(2 * world.creators.allocated + 2 * world.merchants.allocated);
    expect(world.providers.queue.length).toBe(world.merchants.allocated);
    const full = createWorld(params, 1, { allocateFull: true });
    expect(full.users.allocated).toBe(full.users.capacity);
    expect(full.users.hasChurned.length).toBe(full.users.capacity);
  });
});
