/**
 * The programme of a run as the time charts mark it: the days each platform
 * programme was on (a lever with a window while it has a setting and a budget,
 * a campaign; a budget spent before the end of the window stops the spending,
 * which the subsidy columns show, not the window) and the days an
 * intervention applied or ended. Read from the resolved scenario that
 * manifest.json records, stepped through the interventions as the model steps
 * them (scenario/checks.ts leverTimeline), so a programme an intervention
 * switches on shows on the days it was on.
 *
 * Example: levers.consumerSubsidy { rate: 0.12, totalBudgetRmb: 4e9,
 * startDay: 60, endDay: 240 } in a 300-day run gives
 * { label: "consumer subsidy", from: 60, to: 241 }.
 */
import { t, type Lang, type PlainKey } from "../i18n/index.js";
import { leverTimeline } from "../scenario/checks.js";
import { ScenarioSchema, type Levers, type Scenario } from "../scenario/schema.js";

/** Days from..to-1 on which a programme acted, clipped to the run. */
export interface ProgrammeWindow {
  /** the lever's short name ("consumer subsidy") or the campaign's name */
  label: string;
  from: number;
  /** the day after the last one */
  to: number;
}

/** An intervention (the n-th of the scenario, from 1) applying or ending, and what it sets (its note, or its paths). */
export interface InterventionNote {
  n: number;
  ends: boolean;
  what: string;
}

/** A day on which interventions applied or ended, with their notes. */
export interface InterventionMark {
  day: number;
  notes: InterventionNote[];
}

export interface ProgrammeSchedule {
  windows: ProgrammeWindow[];
  interventions: InterventionMark[];
}

export const NO_PROGRAMME: ProgrammeSchedule = { windows: [], interventions: [] };

type WindowGroup = "consumerSubsidy" | "coupons" | "trafficSubsidy" | "feeRelief";

/**
 * The levers with a window (startDay..endDay) and when each acts: a setting
 * that does something and a budget to pay for it (the model's conditions in
 * model/platform.ts startDay; every boost counts, growingMerchantBoost too).
 */
const WINDOWED: readonly { group: WindowGroup; key: PlainKey; acts: (lv: Levers) => boolean }[] = [
  { group: "consumerSubsidy", key: "programme.consumerSubsidy", acts: (lv) => lv.consumerSubsidy.rate > 0 && lv.consumerSubsidy.totalBudgetRmb > 0 },
  { group: "coupons", key: "programme.coupons", acts: (lv) => lv.coupons.valueRmb > 0 && lv.coupons.totalBudgetRmb > 0 },
  {
    group: "trafficSubsidy",
    key: "programme.trafficSubsidy",
    acts: (lv) => {
      const ts = lv.trafficSubsidy;
      const boosts = [ts.newMerchantBoost, ts.newCreatorBoost, ts.selfBroadcastBoost, ts.beltBoost, ts.growingMerchantBoost];
      return ts.budgetImpressions > 0 && boosts.some((b) => b > 0);
    },
  },
  { group: "feeRelief", key: "programme.feeRelief", acts: (lv) => lv.feeRelief.newMerchantDays > 0 && lv.feeRelief.takeRate < lv.takeRate },
];

/**
 * The programme of a resolved scenario over `horizonDays` days; NO_PROGRAMME
 * when the manifest has no scenario or one this version cannot read (an older
 * folder): its charts are drawn without marks rather than not at all.
 */
export function programmeSchedule(resolvedScenario: unknown, horizonDays: number): ProgrammeSchedule {
  if (resolvedScenario === undefined || resolvedScenario === null) return NO_PROGRAMME;
  const parsed = ScenarioSchema.safeParse(resolvedScenario);
  if (!parsed.success) return NO_PROGRAMME;
  return scheduleOf({ ...parsed.data, horizonDays });
}

/** The programme of a parsed scenario over its horizonDays. */
export function scheduleOf(scenario: Scenario): ProgrammeSchedule {
  const horizon = scenario.horizonDays;
  const windows: ProgrammeWindow[] = [];
  const add = (label: string, from: number, to: number) => {
    const f = Math.max(0, from), t = Math.min(horizon, to);
    if (f < t) windows.push({ label, from: f, to: t });
  };
  for (const state of leverTimeline(scenario)) {
    const lv = state.params.levers;
    for (const w of WINDOWED) {
      if (!w.acts(lv)) continue;
      // endDay is the last day the lever applies; the default 100000 means no end and is clipped here
      add(t("en", w.key), Math.max(state.from, lv[w.group].startDay), Math.min(state.to, lv[w.group].endDay + 1));
    }
    for (const c of lv.campaigns) {
      if (c.discount <= 0 && c.trafficPush <= 0) continue;
      add(c.name, Math.max(state.from, c.startDay), Math.min(state.to, c.startDay + c.days));
    }
  }
  return { windows: merged(windows), interventions: interventionMarks(scenario) };
}

/** Windows of one label that touch or overlap become one (a programme left on across an intervention). */
function merged(windows: readonly ProgrammeWindow[]): ProgrammeWindow[] {
  const out: ProgrammeWindow[] = [];
  for (const w of [...windows].sort((a, b) => a.label.localeCompare(b.label) || a.from - b.from)) {
    const last = out[out.length - 1];
    if (last && last.label === w.label && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else out.push({ ...w });
  }
  return out.sort((a, b) => a.from - b.from || a.label.localeCompare(b.label));
}

/** The days inside the run on which an intervention applies (`at`) or gives the previous values back (`until`). */
function interventionMarks(scenario: Scenario): InterventionMark[] {
  const byDay = new Map<number, InterventionNote[]>();
  const mark = (day: number, note: InterventionNote) => {
    if (day < 0 || day >= scenario.horizonDays) return;
    (byDay.get(day) ?? byDay.set(day, []).get(day)!).push(note);
  };
  scenario.interventions.forEach((iv, i) => {
    const what = iv.note ?? Object.keys(iv.set).join(", ");
    mark(iv.at, { n: i + 1, ends: false, what });
    if (iv.until !== undefined) mark(iv.until, { n: i + 1, ends: true, what });
  });
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, notes]) => ({ day, notes }));
}

/** The union of several runs' programmes (a comparison draws every scenario's windows on its shared axes). */
export function unionSchedule(schedules: readonly ProgrammeSchedule[]): ProgrammeSchedule {
  const seen = new Set<string>();
  const windows: ProgrammeWindow[] = [];
  for (const w of schedules.flatMap((s) => s.windows)) {
    const key = `${w.label}|${w.from}|${w.to}`;
    if (!seen.has(key)) { seen.add(key); windows.push(w); }
  }
  const days = new Map<number, InterventionNote[]>();
  for (const m of schedules.flatMap((s) => s.interventions)) {
    const notes = days.get(m.day) ?? days.set(m.day, []).get(m.day)!;
    for (const n of m.notes) if (!notes.some((o) => o.n === n.n && o.ends === n.ends && o.what === n.what)) notes.push(n);
  }
  return {
    windows: windows.sort((a, b) => a.from - b.from || a.label.localeCompare(b.label)),
    interventions: [...days.entries()].sort((a, b) => a[0] - b[0]).map(([day, notes]) => ({ day, notes })),
  };
}

/** A window's name in `lang`: a lever's from the catalogue, a campaign's as the scenario names it. */
export function windowLabel(label: string, lang: Lang): string {
  const lever = WINDOWED.find((w) => t("en", w.key) === label);
  return lever ? t(lang, lever.key) : label;
}

/** A window's days: "days 60–240", or "day 60". */
export function windowDays(w: ProgrammeWindow, lang: Lang): string {
  return w.to - w.from === 1 ? t(lang, "programme.day", { day: w.from }) : t(lang, "programme.days", { from: w.from, to: w.to - 1 });
}

/** "intervention 2: half the paid share", "intervention 2 ends: ...". */
export function interventionText(note: InterventionNote, lang: Lang): string {
  return t(lang, note.ends ? "programme.interventionEnds" : "programme.intervention", { n: note.n, what: note.what });
}

/** "consumer subsidy days 60–240; coupons days 70–160": the windows as a phrase. */
export function scheduleText(schedule: ProgrammeSchedule, lang: Lang = "en"): string {
  return schedule.windows.map((w) => t(lang, "programme.window", { label: windowLabel(w.label, lang), days: windowDays(w, lang) })).join(t(lang, "programme.separator"));
}
