/**
 * Checks of meaning: what the schema accepts value by value but a run could
 * not do, so that no setting is a silent no-op.
 *
 * - A programme switched on can act: a consumer subsidy or coupons have a
 *   total budget, a traffic subsidy with a boost has impressions to spend, a
 *   fee relief below the take rate reaches some merchants (a budget of 0 means
 *   "off" in model/platform.ts, whatever the rate).
 * - Windows are possible: startDay not after endDay, not before day 0, and, for
 *   a programme that is on (and every campaign, and an industry-belt cohort),
 *   inside the run: the same rule and wording as an intervention's `at`.
 * - Shocks can act: they start inside the run, change something, and a
 *   delay or demand drop hits a region that holds users.
 * - The sample can stand for the platform: no more simulated users than the
 *   platform has, a simulated merchant in every category at day 0 (the day-0
 *   merchants are shared out with at least one per category when there are as
 *   many as categories: model/world.ts Categories.allocate), and on average at
 *   least one simulated creator in the smallest category (creators draw their
 *   category by its share).
 *
 * The levers are checked as the scenario states them, then as the
 * interventions leave them on every day one applies or ends (leverTimeline
 * steps the same InterventionLog the model does); a problem an intervention brings
 * in is reported at that intervention.
 */
import { pastTheEnd } from "./interventions.js";
import { valueAt, type Finding } from "./issues.js";
import { InterventionLog } from "./intervention-log.js";
import { resolutionOf, type Resolution } from "./resolution.js";
import { ScenarioSchema, type Scenario } from "./schema.js";
import { LOCATIONS, regionLocations } from "../engine/world.js";
import type { PathKey } from "./schema-walk.js";

/** The parameters as they stand on the days from..to-1 of the run. */
export interface LeverState {
  /** first report day the state holds */
  from: number;
  /** the day after the last one (the next state's `from`, or horizonDays) */
  to: number;
  /** the scenario's parameters on those days, interventions applied */
  params: Scenario;
  /** interventions (indices) applied on `from`, and those whose `until` restored values on it */
  applied: number[];
  restored: number[];
}

/**
 * The scenario's parameters over the run: as stated (from day 0), then after
 * every day inside the run on which an intervention applies or ends, stepped
 * by the model's own InterventionLog (scenario/intervention-log.ts).
 */
export function leverTimeline(scenario: Scenario): LeverState[] {
  const list = scenario.interventions;
  const horizon = scenario.horizonDays;
  const eventDays = new Set<number>();
  for (const iv of list) {
    eventDays.add(iv.at);
    if (iv.until !== undefined) eventDays.add(iv.until);
  }
  const days = [...eventDays].filter((d) => d >= 0 && d < horizon).sort((a, b) => a - b);
  const params = structuredClone(scenario);
  const log = new InterventionLog(list);
  const states: LeverState[] = [{ from: 0, to: horizon, params: structuredClone(scenario), applied: [], restored: [] }];
  for (const day of days) {
    const { applied, restored } = log.step(params, day);
    states[states.length - 1].to = day;
    states.push({ from: day, to: horizon, params: structuredClone(params), applied, restored });
  }
  return states;
}

/** The programmes with a window (startDay..endDay), and when each is switched on. */
export const WINDOWED_PROGRAMMES = [
  { group: "consumerSubsidy", label: "the consumer subsidy", isOn: (lv: Scenario["levers"]) => lv.consumerSubsidy.rate > 0 },
  { group: "coupons", label: "the coupons", isOn: (lv: Scenario["levers"]) => lv.coupons.valueRmb > 0 },
  { group: "trafficSubsidy", label: "the traffic subsidy", isOn: (lv: Scenario["levers"]) => TRAFFIC_BOOSTS.some((b) => lv.trafficSubsidy[b] > 0) },
  { group: "feeRelief", label: "the fee relief", isOn: (lv: Scenario["levers"]) => lv.feeRelief.newMerchantDays > 0 && lv.feeRelief.takeRate < lv.takeRate },
] as const;

export const TRAFFIC_BOOSTS = ["newMerchantBoost", "newCreatorBoost", "selfBroadcastBoost", "beltBoost", "growingMerchantBoost"] as const;

/** One problem of a set of parameters, before it is given a place in the files. */
interface Problem {
  /** the same problem in two states has the same key */
  key: string;
  /** the parameters to point at, the first one stated in the files wins */
  paths: PathKey[][];
  problem: string;
  expected: string;
  /** dotted parameter paths whose change can bring the problem in or cure it */
  causes: string[];
}

let defaultsCache: Scenario | undefined;
function defaults(): Scenario {
  defaultsCache ??= ScenarioSchema.parse({});
  return defaultsCache;
}

/**
 * Every problem of meaning in a valid scenario (schema and interventions
 * already checked), as findings to place in the files; `raw` is the merged
 * scenario as written, to point at a parameter where it is stated.
 */
export function checkMeaning(scenario: Scenario, raw: Record<string, unknown>): Finding[] {
  const findings = checkPopulation(scenario, raw);
  const states = leverTimeline(scenario);
  const first = leverProblems(states[0].params);
  const reported = new Set(first.map((p) => p.key));
  for (const p of first) findings.push({ path: firstStated(raw, p.paths), problem: p.problem, expected: p.expected });

  let previous = reported;
  const seen = new Set<string>();
  for (const state of states.slice(1)) {
    const problems = leverProblems(state.params);
    for (const p of problems) {
      // a problem of the scenario's own levers is reported there, once
      if (previous.has(p.key) || reported.has(p.key)) continue;
      const finding = blame(scenario, state, p);
      const id = finding && JSON.stringify([finding.path, finding.problem]);
      if (finding && id && !seen.has(id)) {
        seen.add(id);
        findings.push(finding);
      }
    }
    previous = new Set(problems.map((p) => p.key));
  }
  return findings;
}

/** The problems of one set of levers: programmes that cannot act, impossible windows. */
function leverProblems(params: Scenario): Problem[] {
  const lv = params.levers;
  const horizon = params.horizonDays;
  const problems: Problem[] = [];
  const L = (...keys: PathKey[]): PathKey[] => ["levers", ...keys];

  const cs = lv.consumerSubsidy;
  if (cs.rate > 0 && cs.totalBudgetRmb <= 0) {
    problems.push({
      key: "consumerSubsidy:budget",
      paths: [L("consumerSubsidy", "rate")],
      problem: `the consumer subsidy has rate ${cs.rate} but no budget (totalBudgetRmb is 0, which means off), so it would pay nothing`,
      expected: "levers.consumerSubsidy.totalBudgetRmb > 0 (platform RMB) when rate > 0",
      causes: ["levers.consumerSubsidy.rate", "levers.consumerSubsidy.totalBudgetRmb"],
    });
  }
  const cp = lv.coupons;
  if (cp.valueRmb > 0 && cp.totalBudgetRmb <= 0) {
    problems.push({
      key: "coupons:budget",
      paths: [L("coupons", "valueRmb")],
      problem: `coupons of ${cp.valueRmb} RMB have no budget (totalBudgetRmb is 0, which means off), so none would be given`,
      expected: "levers.coupons.totalBudgetRmb > 0 (platform RMB) when valueRmb > 0",
      causes: ["levers.coupons.valueRmb", "levers.coupons.totalBudgetRmb"],
    });
  }
  const ts = lv.trafficSubsidy;
  const boosts = TRAFFIC_BOOSTS.filter((b) => ts[b] > 0);
  if (boosts.length > 0 && ts.budgetImpressions <= 0) {
    problems.push({
      key: "trafficSubsidy:budget",
      paths: [L("trafficSubsidy", boosts[0])],
      problem: `the traffic subsidy boosts ${boosts.map((b) => `${b} ${ts[b]}`).join(", ")} but has no budget (budgetImpressions is 0, which means off), so no impression would be subsidised`,
      expected: "levers.trafficSubsidy.budgetImpressions > 0 (platform impressions) when a boost > 0",
      causes: [...TRAFFIC_BOOSTS.map((b) => `levers.trafficSubsidy.${b}`), "levers.trafficSubsidy.budgetImpressions"],
    });
  }
  const fr = lv.feeRelief;
  // the default relief rate with no days is the baseline's "off"; a relief rate of one's own with no days is a no-op
  if (fr.newMerchantDays === 0 && fr.takeRate < lv.takeRate && fr.takeRate !== defaults().levers.feeRelief.takeRate) {
    problems.push({
      key: "feeRelief:days",
      paths: [L("feeRelief", "takeRate")],
      problem: `the fee relief take rate ${fr.takeRate} (below levers.takeRate ${lv.takeRate}) reaches no merchant: newMerchantDays is 0`,
      expected: "levers.feeRelief.newMerchantDays > 0 when feeRelief.takeRate < takeRate",
      causes: ["levers.feeRelief.takeRate", "levers.feeRelief.newMerchantDays", "levers.takeRate"],
    });
  }

  for (const programme of WINDOWED_PROGRAMMES) {
    const { group, label } = programme;
    const w = lv[group];
    const start = L(group, "startDay");
    const end = L(group, "endDay");
    const causes = [`levers.${group}`, ...(group === "feeRelief" ? ["levers.takeRate"] : [])];
    if (w.startDay > w.endDay) {
      problems.push({
        key: `${group}:window`,
        paths: [start, end],
        problem: `the window starts on day ${w.startDay}, after it ends on day ${w.endDay}, so ${label} would never act`,
        expected: `levers.${group}.startDay <= endDay (${w.endDay})`,
        causes,
      });
    } else if (w.startDay < 0 && w.startDay !== defaults().levers[group].startDay) {
      problems.push({
        key: `${group}:before`,
        paths: [start],
        problem: `day ${w.startDay} is before the run's first day (day 0; the warm-up runs under the default levers)`,
        expected: "a day >= 0",
        causes,
      });
    }
    if (programme.isOn(lv) && w.startDay >= horizon && w.startDay <= w.endDay) {
      const late = pastTheEnd(w.startDay, horizon);
      problems.push({ key: `${group}:late`, paths: [start], problem: `${late.problem}, so ${label} would never act`, expected: late.expected, causes });
    }
  }

  lv.campaigns.forEach((c, i) => {
    if (c.startDay < horizon) return;
    const late = pastTheEnd(c.startDay, horizon);
    problems.push({
      key: `campaigns[${i}]:late`,
      paths: [L("campaigns", i, "startDay")],
      problem: `campaign '${c.name}' would never run: its start, ${late.problem}`,
      expected: late.expected,
      causes: ["levers.campaigns"],
    });
  });

  const belt = lv.industryBelt;
  if (belt.merchants > 0) {
    if (belt.day >= horizon) {
      const late = pastTheEnd(belt.day, horizon);
      problems.push({ key: "industryBelt:late", paths: [L("industryBelt", "day")], problem: `the industry-belt cohort would never arrive: it comes on ${late.problem}`, expected: late.expected, causes: ["levers.industryBelt"] });
    }
    const names = params.categories.map((c) => c.name);
    if (!names.includes(belt.category)) {
      problems.push({
        key: "industryBelt:category",
        paths: [L("industryBelt", "category"), L("industryBelt", "merchants")],
        problem: `the industry-belt cohort's category '${belt.category}' is not in the category table`,
        expected: `one of the categories: ${names.join(", ")}`,
        causes: ["levers.industryBelt", "categories"],
      });
    }
  }
  problems.push(...shockProblems(params));
  return problems;
}

/** Shocks that could not act: starting after the run, changing nothing, or hitting no user with what only users feel. */
function shockProblems(params: Scenario): Problem[] {
  const horizon = params.horizonDays;
  const problems: Problem[] = [];
  params.shocks.forEach((s, i) => {
    const label = s.note ? `shock ${i} ('${s.note}')` : `shock ${i}`;
    const at = (key: string): PathKey[] => ["shocks", i, key];
    if (s.startDay >= horizon) {
      const late = pastTheEnd(s.startDay, horizon);
      problems.push({ key: `shocks[${i}]:late`, paths: [at("startDay")], problem: `${label} would never happen: its start, ${late.problem}`, expected: late.expected, causes: ["shocks"] });
    }
    if (s.deliveryDelayDays === 0 && s.merchantClosureShare === 0 && s.demandDrop === 0) {
      problems.push({
        key: `shocks[${i}]:none`,
        paths: [at("deliveryDelayDays"), at("startDay")],
        problem: `${label} changes nothing: deliveryDelayDays, merchantClosureShare and demandDrop are all 0`,
        expected: "deliveryDelayDays > 0, merchantClosureShare > 0 or demandDrop > 0",
        causes: ["shocks"],
      });
    } else if ((s.deliveryDelayDays > 0 || s.demandDrop > 0) && regionLocations(s.regionShare) === 0) {
      problems.push({
        key: `shocks[${i}]:region`,
        paths: [at("regionShare")],
        problem: `${label} delays deliveries or lowers demand in a region of share ${s.regionShare}, which holds no user (users live in ${LOCATIONS} locations, so a region is a multiple of 1/${LOCATIONS})`,
        expected: `regionShare >= ${(0.5 / LOCATIONS).toPrecision(2)}`,
        causes: ["shocks"],
      });
    }
  });
  return problems;
}

/** A problem that an intervention brought in, at that intervention; undefined when none of that day's changes touched it. */
function blame(scenario: Scenario, state: LeverState, p: Problem): Finding | undefined {
  const touches = (path: string) => p.causes.some((cause) => overlaps(path, cause));
  for (const i of [...state.applied].reverse()) {
    const keys = Object.keys(scenario.interventions[i].set).filter(touches);
    if (keys.length === 0) continue;
    // point at the problem's own parameter when the intervention sets it (deeper into a list it sets), else at the cause it sets
    let path: PathKey[] = ["interventions", i, "set", keys[0]];
    for (const problemPath of p.paths) {
      const own = keys.find((k) => isPrefix(k.split("."), problemPath));
      if (own) {
        path = ["interventions", i, "set", own, ...problemPath.slice(own.split(".").length)];
        break;
      }
    }
    return { path, problem: `from day ${state.from} on, ${p.problem}`, expected: p.expected };
  }
  for (const i of state.restored) {
    if (!Object.keys(scenario.interventions[i].set).some(touches)) continue;
    return { path: ["interventions", i, "until"], problem: `from day ${state.from} on, when this intervention ends and the values before it come back, ${p.problem}`, expected: p.expected };
  }
  return undefined;
}

function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

function isPrefix(prefix: readonly string[], path: readonly PathKey[]): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => key === String(path[i]));
}

/** The sample against the platform it stands for. */
function checkPopulation(scenario: Scenario, raw: Record<string, unknown>): Finding[] {
  const pop = scenario.population;
  const findings: Finding[] = [];
  const users: PathKey[] = ["population", "users"];
  if (pop.users > pop.platformUsers) {
    findings.push({
      path: firstStated(raw, [users, ["population", "platformUsers"]]),
      problem: `a sample of ${pop.users} simulated users is larger than the platform it stands for (population.platformUsers is ${pop.platformUsers}): one simulated user would stand for less than one user`,
      expected: `population.users <= population.platformUsers (${pop.platformUsers})`,
    });
  }

  const res = resolutionOf(scenario);
  const categories = scenario.categories;
  if (res.merchants < categories.length) {
    const need = smallestSample(scenario, (r) => r.merchants >= categories.length);
    findings.push({
      path: firstStated(raw, [users, ["population", "platformMerchants"], ["population", "merchantResolution"], ["categories"]]),
      problem: `${pop.users} simulated users give ${res.merchants} simulated merchant${res.merchants === 1 ? "" : "s"} for ${categories.length} categories: fewer than one per category, so some category would start without a seller`,
      expected: sampleNeeded(need, pop.platformUsers, "one simulated merchant per category", "population.platformMerchants or population.merchantResolution, or use fewer categories"),
    });
  }

  const total = categories.reduce((s, c) => s + c.share, 0);
  const smallest = categories.reduce((a, b) => (b.share < a.share ? b : a));
  const minShare = smallest.share / total;
  if (res.creators * minShare < 1) {
    const need = smallestSample(scenario, (r) => r.creators * minShare >= 1);
    findings.push({
      path: firstStated(raw, [users, ["population", "platformCreators"], ["categories"]]),
      problem:
        `${pop.users} simulated users give ${res.creators} simulated creator${res.creators === 1 ? "" : "s"}: ` +
        `${(res.creators * minShare).toFixed(2)} on average in the smallest category '${smallest.name}' (share ${(minShare * 100).toPrecision(2)}%), fewer than one`,
      expected: sampleNeeded(need, pop.platformUsers, "one simulated creator per category", "population.platformCreators, or give the smallest category a larger share"),
    });
  }
  return findings;
}

const MAX_SAMPLE = 50_000_000;

/** The smallest population.users (above the scenario's) whose resolution passes `ok`, or undefined if none up to the schema's maximum does. */
function smallestSample(scenario: Scenario, ok: (r: Resolution) => boolean): number | undefined {
  const at = (users: number) => resolutionOf({ ...scenario, population: { ...scenario.population, users } });
  let lo = scenario.population.users;
  let hi = MAX_SAMPLE;
  if (!ok(at(hi))) return undefined;
  // resolution counts grow with the sample: the first passing size by bisection
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(at(mid))) hi = mid;
    else lo = mid;
  }
  return hi;
}

function sampleNeeded(need: number | undefined, platformUsers: number, what: string, otherwise: string): string {
  if (need === undefined) return `${what}: no sample size gives it; raise ${otherwise}`;
  const beyond = need > platformUsers ? ` (more than the platform's ${platformUsers} users: raise ${otherwise})` : "";
  return `population.users >= ${need} (--users ${need}) for at least ${what}${beyond}`;
}

/** The first of `paths` stated in the merged scenario (a file or the command line), else the first. */
function firstStated(raw: Record<string, unknown>, paths: PathKey[][]): PathKey[] {
  return paths.find((path) => valueAt(raw, path) !== undefined) ?? paths[0];
}
