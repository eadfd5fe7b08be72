/**
 * The charts of a calibration's page, from its result alone: the loss of
 * every evaluation with the best so far, the targets before and after the fit
 * (fitted and held out), each parameter's trace over the search, and each
 * parameter's loss profile (every evaluation's loss against its value, with
 * the line a point must stay under to be "within noise" of the best).
 */
import type { TopLevelSpec } from "vega-lite";
import { compactLabel, configFor, repsText, SCHEMA, seedsText, WIDTH } from "../charts/common.js";
import type { CalibrationParameter, CalibrationResult, CheckFit, Evaluation } from "../../experiments/calibrate/spec.js";
import { bandText, num } from "../../experiments/check/describe.js";
import { t, type Lang } from "../../i18n/index.js";

export interface CalibrationChart {
  name: string;
  caption: string;
  spec: TopLevelSpec;
}

/** Every name a calibration page may draw, so a rebuild can remove charts it no longer draws. */
export const CALIBRATION_CHART_NAMES = ["loss", "targets", "holdout", "parameter-traces", "loss-profile"] as const;

/** The legends' entries in `lang`: the start, the other evaluations, the best; before and after; within noise of the best or above. */
function legendWords(lang: Lang) {
  const role = { start: t(lang, "calibration.role.start"), evaluation: t(lang, "calibration.role.evaluation"), best: t(lang, "calibration.role.best") };
  const phase = { before: t(lang, "calibration.phase.before"), after: t(lang, "calibration.phase.after") };
  const within = { best: t(lang, "calibration.within.best"), within: t(lang, "calibration.within.within"), above: t(lang, "calibration.within.above") };
  return {
    role, phase, within,
    roleColors: { domain: [role.start, role.evaluation, role.best], range: ["#333333", "#8fb3dc", "#e4572e"] },
    phaseColors: { domain: [phase.before, phase.after], range: ["#9aa3ad", "#e4572e"] },
    withinColors: { domain: [within.best, within.within, within.above], range: ["#e4572e", "#4c78a8", "#c4c9cf"] },
  };
}
type LegendWords = ReturnType<typeof legendWords>;
const LINE_COLOR = "#4c78a8";
const BAND_COLOR = "#54a24b";

/** Two panels a row on the trace and profile charts. */
const PANEL_COLUMNS = 2;
const PANEL_WIDTH = Math.floor((WIDTH - 50) / PANEL_COLUMNS);
const PANEL_HEIGHT = 150;

/** Losses above this many decades apart are drawn on a symmetric-log axis. */
const LOG_DECADES = 2;

export function calibrationCharts(r: CalibrationResult, lang: Lang = "en"): CalibrationChart[] {
  const charts: CalibrationChart[] = [];
  const threshold = num(r.threshold);
  const note = isSymlog(r.evaluations.map((e) => e.loss)) ? t(lang, "calibration.symlogNote") : "";
  charts.push({ name: "loss", caption: t(lang, "calibration.caption.loss", { threshold, note }), spec: lossChart(r, lang) });
  const pairs = checkPairs(r);
  const fitted = pairs.filter((p) => !p.holdout);
  const held = pairs.filter((p) => p.holdout);
  const common = t(lang, "calibration.caption.targetsCommon");
  if (fitted.length > 0) {
    charts.push({ name: "targets", caption: t(lang, "calibration.caption.targets", { common }), spec: targetsChart(r, fitted, t(lang, "calibration.targetsChart.fitted"), lang) });
  }
  if (held.length > 0) {
    charts.push({ name: "holdout", caption: t(lang, "calibration.caption.holdout", { common }), spec: targetsChart(r, held, t(lang, "calibration.targetsChart.holdout"), lang) });
  }
  if (r.spec.parameters.length > 0 && r.evaluations.length > 0) {
    charts.push({ name: "parameter-traces", caption: t(lang, "calibration.caption.traces"), spec: tracesChart(r, lang) });
    charts.push({ name: "loss-profile", caption: t(lang, "calibration.caption.profile", { threshold, note }), spec: profileChart(r, lang) });
  }
  return charts;
}

/** "Calibration NAME · 42 of 60 evaluations · 5,000 users × 4 replications · 90 days · base seed 1 (seeds 1–4)". */
export function calibrationNote(r: CalibrationResult, lang: Lang = "en"): string {
  const s = r.spec;
  const users = s.users !== undefined ? t(lang, "calibration.note.users", { n: s.users.toLocaleString("en-US") }) : t(lang, "calibration.note.baseUsers");
  const days = s.days !== undefined ? t(lang, "format.days", { n: s.days }) : t(lang, "calibration.size.horizon");
  const profile = r.evaluations.filter((e) => e.phase === "profile").length;
  const search = r.evaluations.length - profile;
  return t(lang, "calibration.note", {
    name: s.name, search, budget: s.budget, profile: profile > 0 ? t(lang, "calibration.note.profile", { n: profile }) : "",
    users, reps: repsText(s.reps, lang), days, seed: s.seed, seeds: seedsText(r.seeds, lang),
  });
}

/** A check at the start and at the best point, matched by target id and label. */
export interface CheckPair {
  targetId: string;
  label: string;
  before: CheckFit;
  after?: CheckFit;
  holdout: boolean;
  weight?: number;
  title: string;
}

export function checkPairs(r: CalibrationResult): CheckPair[] {
  const key = (c: CheckFit) => `${c.targetId}\u0000${c.label}`;
  const after = new Map(r.after.map((c) => [key(c), c]));
  return r.before.map((b) => {
    const t = r.spec.targets.find((x) => x.target.id === b.targetId);
    return {
      targetId: b.targetId,
      label: b.label,
      before: b,
      after: after.get(key(b)),
      holdout: t?.holdout ?? false,
      weight: t?.weight,
      title: t?.target.title ?? b.targetId,
    };
  });
}

export function bestEvaluation(r: CalibrationResult): Evaluation | undefined {
  return r.evaluations.find((e) => e.index === r.best) ?? r.evaluations[r.best];
}

function finite(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? Number(x.toPrecision(8)) : null;
}

function isSymlog(losses: readonly number[]): boolean {
  const positive = losses.filter((l) => Number.isFinite(l) && l > 0);
  if (positive.length === 0) return false;
  return Math.max(...positive) / Math.min(...positive) > 10 ** LOG_DECADES;
}

/** The loss axis: symmetric-log with ticks at 0 and each decade when the losses span decades, else linear from 0. */
function lossScale(losses: readonly number[], lang: Lang) {
  if (!isSymlog(losses)) return { scale: { zero: true }, axis: { title: t(lang, "calibration.loss"), labelExpr: compactLabel(lang) } };
  const max = Math.max(...losses.filter((l) => Number.isFinite(l)));
  const ticks = [0];
  for (let d = 0; 10 ** d <= max * 10 && d < 30; d++) ticks.push(10 ** d);
  return { scale: { type: "symlog" as const, constant: 1 }, axis: { title: t(lang, "calibration.lossSymlog"), values: ticks, labelExpr: compactLabel(lang) } };
}

/** The lowest loss so far and the evaluation it came from, at each evaluation. */
function runningBest(evals: readonly Evaluation[]): { loss: number; at: Evaluation }[] {
  const out: { loss: number; at: Evaluation }[] = [];
  let best: { loss: number; at: Evaluation } | undefined;
  for (const e of evals) {
    if (Number.isFinite(e.loss) && (best === undefined || e.loss < best.loss)) best = { loss: e.loss, at: e };
    out.push(best ?? { loss: NaN, at: e });
  }
  return out;
}

function role(r: CalibrationResult, e: Evaluation, words: LegendWords): string {
  return e.index === r.best ? words.role.best : e.index === 0 ? words.role.start : words.role.evaluation;
}

function bestLevel(r: CalibrationResult): number {
  return (bestEvaluation(r)?.loss ?? NaN) + r.threshold;
}

function indexAxis(lang: Lang) {
  return { title: t(lang, "calibration.indexAxis"), format: "d", tickMinStep: 1 };
}

/** Tooltip lines of an evaluation, in `lang`. */
function evaluationTips(lang: Lang) {
  return {
    index: { field: "index", title: t(lang, "calibration.role.evaluation") },
    generation: { field: "generation", title: t(lang, "calibration.generation") },
    loss: { field: "loss", title: t(lang, "calibration.loss"), format: ".4~g" },
    value: { field: "value", title: t(lang, "calibration.value"), format: ".4~g" },
    parameter: lang === "en" ? { field: "parameter" } : { field: "parameter", title: t(lang, "sweep.tooltip.parameter") },
  };
}

export function lossChart(r: CalibrationResult, lang: Lang = "en"): TopLevelSpec {
  const words = legendWords(lang);
  const tips = evaluationTips(lang);
  const running = runningBest(r.evaluations);
  const values = r.evaluations.map((e, i) => ({
    index: e.index,
    generation: e.generation,
    loss: finite(e.loss),
    bestSoFar: finite(running[i].loss),
    role: role(r, e, words),
  }));
  const { scale, axis } = lossScale(r.evaluations.map((e) => e.loss), lang);
  const indexX = { field: "index", type: "quantitative", axis: indexAxis(lang) };
  const y = { type: "quantitative" as const, scale, axis };
  const level = finite(bestLevel(r));
  const lastIndex = Math.max(0, ...r.evaluations.map((e) => e.index));
  const best = bestEvaluation(r);
  const layers: object[] = [
    {
      mark: { type: "line", interpolate: "step-after", color: LINE_COLOR, strokeWidth: 1.5 },
      encoding: { x: indexX, y: { ...y, field: "bestSoFar" } },
    },
    {
      mark: { type: "point", filled: true, opacity: 0.9 },
      encoding: {
        x: indexX,
        y: { ...y, field: "loss" },
        color: { field: "role", type: "nominal", title: null, scale: words.roleColors },
        size: { condition: { test: `datum.role === '${words.role.best}'`, value: 110 }, value: 30 },
        tooltip: [tips.index, tips.generation, tips.loss, { field: "bestSoFar", title: t(lang, "calibration.bestSoFar"), format: ".4~g" }],
      },
    },
  ];
  if (level !== null) {
    layers.unshift(
      { data: { values: [{ level }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#777" }, encoding: { y: { ...y, field: "level" } } },
      {
        data: { values: [{ level, x: lastIndex, text: t(lang, "calibration.bestPlus", { threshold: num(r.threshold) }) }] },
        mark: { type: "text", align: "right", baseline: "bottom", dy: -3, fontSize: 10, color: "#555" },
        encoding: { x: { ...indexX, field: "x" }, y: { ...y, field: "level" }, text: { field: "text" } },
      },
    );
  }
  return {
    $schema: SCHEMA,
    title: {
      text: t(lang, "calibration.lossChart.title"),
      subtitle: [
        calibrationNote(r, lang),
        !best ? t(lang, "calibration.lossChart.none")
          : r.isImproved ? t(lang, "calibration.lossChart.improved", { start: num(r.evaluations[0]?.loss ?? NaN), best: num(best.loss), index: best.index, generation: best.generation })
          : t(lang, "calibration.lossChart.flat", { loss: num(best.loss) }),
      ],
    },
    width: WIDTH,
    height: 260,
    data: { values },
    layer: layers,
    config: configFor(lang),
  } as TopLevelSpec;
}

/** A check's band in words: as calibration.json has it in English, else said again in `lang`. */
function bandIn(c: CheckFit, lang: Lang): string {
  return lang === "en" ? c.bandText : bandText(c.band, lang);
}

/** The x range a check's row shows: its band's finite ends and both intervals, padded. */
function checkDomain(p: CheckPair): [number, number] {
  const xs = [p.before.mean, ...p.before.ci95, p.after?.mean ?? NaN, ...(p.after?.ci95 ?? []), p.before.band.min ?? NaN, p.before.band.max ?? NaN].filter((x) => Number.isFinite(x));
  if (xs.length === 0) return [0, 1];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = hi > lo ? (hi - lo) * 0.12 : Math.abs(lo) * 0.1 || 1;
  return [lo - pad, hi + pad];
}

export function targetsChart(r: CalibrationResult, pairs: readonly CheckPair[], titleText: string, lang: Lang = "en"): TopLevelSpec {
  const words = legendWords(lang);
  const seen = new Map<string, number>();
  const rows = pairs.map((p) => {
    const base = p.title && p.title !== p.label ? `${p.label} · ${p.title}` : p.label;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
  const values: object[] = [];
  pairs.forEach((p, i) => {
    const row = rows[i];
    const [lo, hi] = checkDomain(p);
    const band = p.before.band;
    values.push({ row, kind: "domain", x: finite(lo), x2: finite(hi) });
    values.push({ row, kind: "band", x: finite(band.min ?? lo), x2: finite(band.max ?? hi), band: bandIn(p.before, lang) });
    for (const [phase, c] of [[words.phase.before, p.before], [words.phase.after, p.after]] as const) {
      if (!c) continue;
      values.push({
        row, kind: "estimate", phase, targetId: p.targetId, label: p.label, band: bandIn(c, lang),
        mean: finite(c.mean), lo: finite(c.ci95[0]), hi: finite(c.ci95[1]), z: finite(c.z), met: t(lang, c.met ? "calibration.inBand" : "calibration.outOfBand"),
      });
    }
  });
  const x = { field: "x", type: "quantitative" as const, title: null, scale: { zero: false, nice: false }, axis: { labelExpr: compactLabel(lang), tickCount: 6, grid: true } };
  const y = { field: "phase", type: "nominal" as const, title: null, sort: words.phaseColors.domain, scale: { domain: words.phaseColors.domain }, axis: { labelLimit: 140 } };
  const color = { field: "phase", type: "nominal" as const, title: null, scale: words.phaseColors };
  const band = t(lang, "calibration.th.band");
  return {
    $schema: SCHEMA,
    title: { text: titleText, subtitle: [calibrationNote(r, lang), t(lang, "calibration.targetsChart.note")] },
    data: { values },
    facet: {
      row: {
        field: "row", type: "nominal", sort: rows, title: null,
        header: { labelAngle: 0, labelOrient: "top", labelAnchor: "start", labelAlign: "left", labelFontSize: 11, labelFontWeight: "bold", labelLimit: WIDTH, labelPadding: 4 },
      },
    },
    spacing: 14,
    spec: {
      width: WIDTH - 140,
      height: { step: 16 },
      layer: [
        { transform: [{ filter: "datum.kind === 'domain'" }], mark: { type: "rule", opacity: 0 }, encoding: { x, x2: { field: "x2" } } },
        { transform: [{ filter: "datum.kind === 'band'" }], mark: { type: "rect", color: BAND_COLOR, opacity: 0.2 }, encoding: { x, x2: { field: "x2" }, tooltip: [{ field: "band", title: band }] } },
        { transform: [{ filter: "datum.kind === 'estimate'" }], mark: { type: "rule", strokeWidth: 2 }, encoding: { x: { ...x, field: "lo" }, x2: { field: "hi" }, y, color } },
        {
          transform: [{ filter: "datum.kind === 'estimate'" }],
          mark: { type: "point", filled: true, size: 55, opacity: 1 },
          encoding: {
            x: { ...x, field: "mean" }, y, color,
            tooltip: [
              { field: "label", title: t(lang, "calibration.th.check") }, lang === "en" ? { field: "phase" } : { field: "phase", title: t(lang, "calibration.phase") },
              { field: "mean", title: t(lang, "sweep.tooltip.mean"), format: ".4~g" }, { field: "lo", title: t(lang, "sweep.tooltip.low"), format: ".4~g" }, { field: "hi", title: t(lang, "sweep.tooltip.high"), format: ".4~g" },
              { field: "band", title: band }, { field: "met", title: t(lang, "sweep.tooltip.mean") }, { field: "z", title: "z", format: ".3~g" },
            ],
          },
        },
      ],
    },
    resolve: { scale: { x: "independent" } },
    config: configFor(lang),
  } as TopLevelSpec;
}

/** A parameter's value axis: its search range, logarithmic for a parameter searched on its log. */
function parameterScale(p: CalibrationParameter, useRange: boolean) {
  const isLog = p.scale === "log" && p.min > 0;
  const domain = useRange && Number.isFinite(p.min) && Number.isFinite(p.max) && p.max > p.min ? { domain: [p.min, p.max] } : {};
  return isLog ? { type: "log" as const, nice: false, ...domain } : { type: "linear" as const, zero: false, nice: false, ...domain };
}

/**
 * Ticks of a log axis from lo to hi: 1, 2 and 5 in each decade, or the decades
 * alone when those are too many (vega's own log ticks crowd, and dropping
 * overlapping labels can drop the 1 and the 10).
 */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [];
  const ticks = (steps: number[]) => {
    const out: number[] = [];
    for (let d = Math.floor(Math.log10(lo)); d <= Math.ceil(Math.log10(hi)); d++) {
      for (const m of steps) {
        const t = Number((m * 10 ** d).toPrecision(6));
        if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) out.push(t);
      }
    }
    return out;
  };
  const fine = ticks([1, 2, 5]);
  return fine.length <= 8 ? fine : ticks([1]);
}

/** The parameter's path says what the axis is: on the traces as the panel's title, on the profiles as the x axis's. `extent`: the values the axis spans. */
function parameterAxis(p: CalibrationParameter, hasTitle: boolean, extent: [number, number], lang: Lang) {
  const ticks = p.scale === "log" ? logTicks(extent[0], extent[1]) : [];
  return {
    title: hasTitle ? parameterName(p, lang) : null,
    labelExpr: compactLabel(lang),
    labelOverlap: "greedy" as const,
    ...(ticks.length >= 2 ? { values: ticks } : {}),
  };
}

function evaluatedExtent(r: CalibrationResult, p: CalibrationParameter): [number, number] {
  const v = r.evaluations.map((e) => e.values[p.path]).filter((x) => Number.isFinite(x));
  return v.length > 0 ? [Math.min(...v), Math.max(...v)] : [p.min, p.max];
}

/** "levers.takeRate", or "levers.takeRate (log scale)" for a parameter searched on its log. */
function parameterName(p: CalibrationParameter, lang: Lang): string {
  return `${p.path}${p.scale === "log" ? t(lang, "calibration.logScale") : ""}`;
}

function panelTitle(p: CalibrationParameter, lang: Lang) {
  return { text: parameterName(p, lang), fontSize: 11, fontWeight: "normal" as const, anchor: "start" as const, offset: 6 };
}

/** One row per evaluation and parameter: the panels of the trace and profile charts filter it by parameter. */
function longRows(r: CalibrationResult, words: LegendWords) {
  const running = runningBest(r.evaluations);
  const level = bestLevel(r);
  const rows: object[] = [];
  r.evaluations.forEach((e, i) => {
    for (const p of r.spec.parameters) {
      const isBest = e.index === r.best;
      rows.push({
        index: e.index,
        generation: e.generation,
        parameter: p.path,
        value: finite(e.values[p.path]),
        incumbent: finite(running[i].at.values[p.path]),
        loss: finite(e.loss),
        role: role(r, e, words),
        within: isBest ? words.within.best : Number.isFinite(e.loss) && e.loss <= level ? words.within.within : words.within.above,
      });
    }
  });
  return rows;
}

function panelFilter(p: CalibrationParameter) {
  return [{ filter: { field: "parameter", equal: p.path } }];
}

export function tracesChart(r: CalibrationResult, lang: Lang = "en"): TopLevelSpec {
  const words = legendWords(lang);
  const tips = evaluationTips(lang);
  const panels = r.spec.parameters.map((p) => {
    const y = { type: "quantitative" as const, scale: parameterScale(p, true), axis: parameterAxis(p, false, [p.min, p.max], lang) };
    const x = { field: "index", type: "quantitative" as const, axis: indexAxis(lang) };
    return {
      title: panelTitle(p, lang),
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      transform: panelFilter(p),
      layer: [
        { mark: { type: "line", interpolate: "step-after", color: LINE_COLOR, strokeWidth: 1.3 }, encoding: { x, y: { ...y, field: "incumbent" } } },
        {
          mark: { type: "point", filled: true, opacity: 0.9 },
          encoding: {
            x, y: { ...y, field: "value" },
            color: { field: "role", type: "nominal", title: null, scale: words.roleColors },
            size: { condition: { test: `datum.role === '${words.role.best}'`, value: 90 }, value: 22 },
            tooltip: [tips.parameter, tips.index, tips.generation, tips.value, tips.loss],
          },
        },
      ],
    };
  });
  return panelGrid(r, { text: t(lang, "calibration.traces.title"), subtitle: [calibrationNote(r, lang), t(lang, "calibration.traces.note")] }, panels, lang);
}

/** One panel per parameter, PANEL_COLUMNS to a row, over every evaluation's long rows; colours and sizes shared. */
function panelGrid(r: CalibrationResult, title: { text: string; subtitle: string[] }, panels: object[], lang: Lang): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title,
    data: { values: longRows(r, legendWords(lang)) },
    columns: PANEL_COLUMNS,
    concat: panels,
    spacing: 24,
    resolve: { scale: { color: "shared", size: "shared" }, legend: { color: "shared", size: "shared" } },
    config: configFor(lang),
  } as TopLevelSpec;
}

export function profileChart(r: CalibrationResult, lang: Lang = "en"): TopLevelSpec {
  const words = legendWords(lang);
  const tips = evaluationTips(lang);
  const level = finite(bestLevel(r));
  const { scale, axis } = lossScale(r.evaluations.map((e) => e.loss), lang);
  const y = { field: "loss", type: "quantitative" as const, scale, axis: { ...axis, title: t(lang, "calibration.loss") } };
  const panels = r.spec.parameters.map((p) => {
    const u = r.uncertainty.find((x) => x.path === p.path);
    const x = { field: "value", type: "quantitative" as const, scale: parameterScale(p, false), axis: parameterAxis(p, true, evaluatedExtent(r, p), lang) };
    const layers: object[] = [];
    if (u && Number.isFinite(u.low) && Number.isFinite(u.high)) {
      layers.push({
        data: { values: [{ low: finite(u.low), high: finite(u.high) }] },
        mark: { type: "rect", color: BAND_COLOR, opacity: 0.15 },
        encoding: { x: { ...x, field: "low" }, x2: { field: "high" } },
      });
    }
    if (level !== null) {
      layers.push({ data: { values: [{ loss: level }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#777" }, encoding: { y } });
    }
    layers.push({
      transform: panelFilter(p),
      mark: { type: "point", filled: true, opacity: 0.85 },
      encoding: {
        x, y,
        color: { field: "within", type: "nominal", title: null, scale: words.withinColors },
        size: { condition: { test: `datum.within === '${words.within.best}'`, value: 90 }, value: 22 },
        order: { field: "loss", sort: "descending" },
        tooltip: [tips.parameter, tips.index, tips.value, tips.loss],
      },
    });
    return { width: PANEL_WIDTH, height: PANEL_HEIGHT, layer: layers };
  });
  return panelGrid(r, {
    text: t(lang, "calibration.profile.title"),
    subtitle: [calibrationNote(r, lang), t(lang, "calibration.profile.note", { threshold: num(r.threshold) })],
  }, panels, lang);
}
