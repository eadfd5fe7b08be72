/**
 * What the page shows of a live run, built from its state on the server with
 * the report's own pieces: the comparison overlays and the channel chart
 * (the project's Vega-Lite specs, on the days finished so far), and the paired
 * differences of the headline KPIs over the replications both sides finished.
 */
import type { TopLevelSpec } from "vega-lite";
import { kpiDefinitions, kpiValuesOf } from "../experiments/kpis.js";
import { formatDifference, formatDifferenceInterval, formatValue } from "../io/format.js";
import { kpiLabel, t, type Lang } from "../i18n/index.js";
import { COLUMN_NAMES } from "../model/metrics.js";
import { gmvByChannel } from "../report/charts/gmv-by-channel.js";
import { OVERLAYS, compareOverlayPanels } from "../report/charts/compare-overlay.js";
import type { RunMeta, TimeseriesRow } from "../report/read-report.js";
import { dailySeries } from "../report/series.js";
import { withProgramme } from "../report/charts/programme.js";
import { scheduleOf, unionSchedule } from "../report/programme-windows.js";
import { resolutionOf } from "../scenario/resolution.js";
import type { Scenario } from "../scenario/schema.js";
import { pairedInterval } from "../stats/paired-interval.js";
import { meanInterval } from "../stats/mean-interval.js";
import type { LiveRun, RepProgress, Side } from "./live-run.js";

/** The KPIs the sandbox compares, the ones a strategy review starts from; with a window, those of the window follow. */
export const SANDBOX_KPIS = ["gmv_total", "repurchase_rate", "merchant_growth", "merchants_active_end", "creators_active_end", "nps_end", "subsidy_all_rmb_total", "platform_net"] as const;
const WINDOW_KPIS = ["gmv_per_day_window", "gmv_per_day_after_window", "platform_net_window", "platform_net_after_window"];

export interface LiveChart {
  name: string;
  spec: TopLevelSpec;
}

export interface KpiDifferenceRow {
  key: string;
  label: string;
  scenario: string;
  compare: string;
  difference: string;
  interval: string;
  /** the interval excludes 0 */
  isClear: boolean;
}

export interface LiveKpis {
  pairs: number;
  rows: KpiDifferenceRow[];
}

/** The days finished so far of every replication of one side, as timeseries.csv rows. */
export function rowsOf(progress: readonly RepProgress[], seeds: readonly number[]): TimeseriesRow[] {
  const cols = COLUMN_NAMES.length;
  const out: TimeseriesRow[] = [];
  progress.forEach((p, rep) => {
    for (let d = 0; d < p.days; d++) {
      const row: TimeseriesRow = { rep, seed: seeds[rep], day: d };
      for (let c = 0; c < cols; c++) row[COLUMN_NAMES[c]] = p.rows[d * cols + c];
      out.push(row);
    }
  });
  return out;
}

/** What the charts say about a run, as the report folder would record it. */
export function metaOf(scenario: Scenario, run: LiveRun): RunMeta {
  const res = resolutionOf(scenario);
  return {
    scenario: scenario.name,
    description: scenario.description,
    reps: run.seeds.length,
    seeds: run.seeds,
    baseSeed: run.request.seed,
    horizonDays: scenario.horizonDays,
    scaleFactor: res.userScale,
    resolution: res,
    platform: { users: res.platformUsers, creators: scenario.population.platformCreators, merchants: scenario.population.platformMerchants },
  };
}

/** The compared scenario's name on the charts: its own, or "<name> (compared)" when the two share a name. */
function sideName(run: LiveRun, side: Side, lang: Lang): string {
  const { scenario, compare } = run.request;
  if (side === "scenario" || compare.name !== scenario.name) return run.request[side].name;
  return t(lang, "sandbox.comparedName", { name: compare.name });
}

export function liveCharts(run: LiveRun, lang: Lang = "en"): LiveChart[] {
  const side = (s: Side) => {
    const meta = { ...metaOf(run.request[s], run), scenario: sideName(run, s, lang) };
    return { meta, series: dailySeries(rowsOf(run.progress[s], run.seeds), meta.horizonDays) };
  };
  const scenario = side("scenario");
  const runs = run.isSameScenario ? [scenario] : [side("compare"), scenario];
  const title = t(lang, run.isSameScenario ? "sandbox.chartSame" : "sandbox.chartCompared");
  // both scenarios' programme windows and intervention days, as the comparison page marks them
  const schedule = unionSchedule([scheduleOf(run.request.scenario), ...(run.isSameScenario ? [] : [scheduleOf(run.request.compare)])]);
  return [
    { name: "overlay", spec: withProgramme(compareOverlayPanels(runs, [OVERLAYS.gmv, OVERLAYS.repurchase, OVERLAYS.merchants], title, true, lang), schedule, lang) },
    { name: "gmv-by-channel", spec: withProgramme(gmvByChannel(scenario.series, scenario.meta, lang), scheduleOf(run.request.scenario), lang) },
  ];
}

/** Paired differences (scenario − compared) of the sandbox KPIs over the replications finished on both sides. */
export function liveKpis(run: LiveRun, lang: Lang = "en"): LiveKpis {
  const reps = run.seeds.map((_, r) => r).filter((r) => run.progress.scenario[r].result && run.progress.compare[r].result);
  const definitions = kpiDefinitions(run.request.window, run.request.scenario.horizonDays);
  const values = (side: Side) => reps.map((r) => kpiValuesOf(definitions, run.progress[side][r].result!));
  const own = values("scenario");
  const other = values("compare");
  const shown = [...SANDBOX_KPIS, ...WINDOW_KPIS].flatMap((key) => definitions.filter((d) => d.key === key));
  const rows = shown.map((def) => {
    const x = own.map((v) => v[def.key]);
    const y = other.map((v) => v[def.key]);
    const d = pairedInterval(x, y);
    const isInterval = reps.length >= 2;
    return {
      key: def.key,
      label: kpiLabel(def.key, def.label, lang),
      scenario: formatValue(meanInterval(x).mean, def.unit, lang),
      compare: formatValue(meanInterval(y).mean, def.unit, lang),
      difference: formatDifference(d.mean, def.unit, lang),
      interval: isInterval ? formatDifferenceInterval(d.ci95, def.unit, lang) : t(lang, "sandbox.needsTwo"),
      isClear: isInterval && (d.ci95[0] > 0 || d.ci95[1] < 0),
    };
  });
  return { pairs: reps.length, rows };
}
