/**
 * The charts of a calibration's page, from its result alone: the loss of
 * every evaluation with the best so far, the targets before and after the fit
 * (fitted and held out), each parameter's trace over the search, and each
 * parameter's loss profile (every evaluation's loss against its value, with
 * the line a point must stay under to be "within noise" of the best).
 */
import type { TopLevelSpec } from "vega-lite";
import { COMPACT_LABEL, CONFIG, SCHEMA, seedsText, WIDTH } from "../charts/common.js";
import type { CalibrationParameter, CalibrationResult, CheckFit, Evaluation } from "../../experiments/calibrate/spec.js";
import { num } from "../../experiments/check/describe.js";

export interface CalibrationChart {
  name: string;
  caption: string;
  spec: TopLevelSpec;
}

/** Every name a calibration page may draw, so a rebuild can remove charts it no longer draws. */
export const CALIBRATION_CHART_NAMES = ["loss", "targets", "holdout", "parameter-traces", "loss-profile"] as const;

/** Colours: the start, the other evaluations, the best; before and after; the band and the range within noise. */
const ROLE = { start: "Start", evaluation: "Evaluation", best: "Best" } as const;
const ROLE_COLORS = { domain: [ROLE.start, ROLE.evaluation, ROLE.best], range: ["#333333", "#8fb3dc", "#e4572e"] };
const LINE_COLOR = "#4c78a8";
const PHASE = { before: "Before (start)", after: "After (best)" } as const;
const PHASE_COLORS = { domain: [PHASE.before, PHASE.after], range: ["#9aa3ad", "#e4572e"] };
const BAND_COLOR = "#54a24b";
const WITHIN = { best: "Best", within: "Within noise of the best", above: "Above" } as const;
const WITHIN_COLORS = { domain: [WITHIN.best, WITHIN.within, WITHIN.above], range: ["#e4572e", "#4c78a8", "#c4c9cf"] };

/** Two panels a row on the trace and profile charts. */
const PANEL_COLUMNS = 2;
const PANEL_WIDTH = Math.floor((WIDTH - 50) / PANEL_COLUMNS);
const PANEL_HEIGHT = 150;

/** Losses above this many decades apart are drawn on a symmetric-log axis. */
const LOG_DECADES = 2;

export function calibrationCharts(r: CalibrationResult): CalibrationChart[] {
  const charts: CalibrationChart[] = [];
  const threshold = num(r.threshold);
  const symlog = isSymlog(r.evaluations.map((e) => e.loss));
  const yNote = symlog
    ? " The loss axis is symmetric-log (linear below 1, logarithmic above), since the losses span more than two decades and can be 0."
    : "";
  charts.push({
    name: "loss",
    caption:
      `The loss (Σ weight × z² over the fitted checks, plus any priors' terms) of every evaluation in the order the optimizer asked, the start first; ` +
      `the line is the lowest loss so far, the dashed line the best loss + ${threshold}, under which a point is within noise of the best.${yNote}`,
    spec: lossChart(r),
  });
  const pairs = checkPairs(r);
  const fitted = pairs.filter((p) => !p.holdout);
  const held = pairs.filter((p) => p.holdout);
  const targetsCaption =
    "One row per check, each with its own x axis (the checks have different units; a shared or band-normalised axis would hide how far a mean is from its band). " +
    "Green: the target's band (a one-sided band runs to the edge of the axis); grey: the mean with its 95% interval at the start, red: at the best point.";
  if (fitted.length > 0) {
    charts.push({ name: "targets", caption: `Fitted targets before and after the fit. ${targetsCaption}`, spec: targetsChart(r, fitted, "Fitted targets before and after") });
  }
  if (held.length > 0) {
    charts.push({
      name: "holdout",
      caption: `Held-out targets (not in the loss) at the start and at the best point: what the fit predicts beyond what it was fitted to. ${targetsCaption}`,
      spec: targetsChart(r, held, "Held-out targets before and after"),
    });
  }
  if (r.spec.parameters.length > 0 && r.evaluations.length > 0) {
    charts.push({
      name: "parameter-traces",
      caption:
        "Each parameter's value at every evaluation, one panel per parameter; the y axis spans the parameter's search range (logarithmic for a parameter searched on its log). " +
        "The line follows the best point so far; the red point is the best.",
      spec: tracesChart(r),
    });
    charts.push({
      name: "loss-profile",
      caption:
        `Every evaluation's loss against each parameter's value, one panel per parameter. With loss = Σ weight × z², a rise of 3.84 over the best is the 95% profile-likelihood threshold for one parameter; ` +
        `points under the dashed line (best + ${threshold}) are within noise of the best, and the shaded span is the range of their values. ` +
        `The range is of evaluated points, so it is only as wide as the search explored: a narrow range where few points were evaluated is not evidence of a sharp fit.${yNote}`,
      spec: profileChart(r),
    });
  }
  return charts;
}

/** "Calibration NAME · 42 of 60 evaluations · 5,000 users × 4 replications · 90 days · base seed 1 (seeds 1–4)". */
export function calibrationNote(r: CalibrationResult): string {
  const s = r.spec;
  const users = s.users !== undefined ? `${s.users.toLocaleString("en-US")} users` : "the base scenario's users";
  const days = s.days !== undefined ? `${s.days} days` : "each target's horizon";
  const profile = r.evaluations.filter((e) => e.phase === "profile").length;
  const search = r.evaluations.length - profile;
  return `Calibration ${s.name} · ${search} of ${s.budget} evaluations${profile > 0 ? ` + ${profile} in the profile` : ""} · ${users} × ${s.reps} replication${s.reps === 1 ? "" : "s"} · ${days} · base seed ${s.seed} (${seedsText(r.seeds)})`;
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
function lossScale(losses: readonly number[]) {
  if (!isSymlog(losses)) return { scale: { zero: true }, axis: { title: "Loss", labelExpr: COMPACT_LABEL } };
  const max = Math.max(...losses.filter((l) => Number.isFinite(l)));
  const ticks = [0];
  for (let d = 0; 10 ** d <= max * 10 && d < 30; d++) ticks.push(10 ** d);
  return { scale: { type: "symlog" as const, constant: 1 }, axis: { title: "Loss (symmetric-log axis)", values: ticks, labelExpr: COMPACT_LABEL } };
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

function role(r: CalibrationResult, e: Evaluation): string {
  return e.index === r.best ? ROLE.best : e.index === 0 ? ROLE.start : ROLE.evaluation;
}

function bestLevel(r: CalibrationResult): number {
  return (bestEvaluation(r)?.loss ?? NaN) + r.threshold;
}

const indexAxis = { title: "Evaluation (0 = the start)", format: "d", tickMinStep: 1 };

export function lossChart(r: CalibrationResult): TopLevelSpec {
  const running = runningBest(r.evaluations);
  const values = r.evaluations.map((e, i) => ({
    index: e.index,
    generation: e.generation,
    loss: finite(e.loss),
    bestSoFar: finite(running[i].loss),
    role: role(r, e),
  }));
  const { scale, axis } = lossScale(r.evaluations.map((e) => e.loss));
  const y = { type: "quantitative" as const, scale, axis };
  const level = finite(bestLevel(r));
  const lastIndex = Math.max(0, ...r.evaluations.map((e) => e.index));
  const best = bestEvaluation(r);
  const layers: object[] = [
    {
      mark: { type: "line", interpolate: "step-after", color: LINE_COLOR, strokeWidth: 1.5 },
      encoding: { x: { field: "index", type: "quantitative", axis: indexAxis }, y: { ...y, field: "bestSoFar" } },
    },
    {
      mark: { type: "point", filled: true, opacity: 0.9 },
      encoding: {
        x: { field: "index", type: "quantitative", axis: indexAxis },
        y: { ...y, field: "loss" },
        color: { field: "role", type: "nominal", title: null, scale: ROLE_COLORS },
        size: { condition: { test: `datum.role === '${ROLE.best}'`, value: 110 }, value: 30 },
        tooltip: [{ field: "index", title: "Evaluation" }, { field: "generation", title: "Generation" }, { field: "loss", title: "Loss", format: ".4~g" }, { field: "bestSoFar", title: "Best so far", format: ".4~g" }],
      },
    },
  ];
  if (level !== null) {
    layers.unshift(
      { data: { values: [{ level }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#777" }, encoding: { y: { ...y, field: "level" } } },
      {
        data: { values: [{ level, x: lastIndex, text: `best + ${num(r.threshold)}` }] },
        mark: { type: "text", align: "right", baseline: "bottom", dy: -3, fontSize: 10, color: "#555" },
        encoding: { x: { field: "x", type: "quantitative", axis: indexAxis }, y: { ...y, field: "level" }, text: { field: "text" } },
      },
    );
  }
  return {
    $schema: SCHEMA,
    title: {
      text: "Loss of every evaluation",
      subtitle: [
        calibrationNote(r),
        !best ? "No evaluation"
          : r.isImproved ? `Start ${num(r.evaluations[0]?.loss ?? NaN)} → best ${num(best.loss)} at evaluation ${best.index} (generation ${best.generation}) · line: the lowest loss so far`
          : `No point better than the start (loss ${num(best.loss)}) · line: the lowest loss so far`,
      ],
    },
    width: WIDTH,
    height: 260,
    data: { values },
    layer: layers,
    config: CONFIG,
  } as TopLevelSpec;
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

export function targetsChart(r: CalibrationResult, pairs: readonly CheckPair[], titleText: string): TopLevelSpec {
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
    values.push({ row, kind: "band", x: finite(band.min ?? lo), x2: finite(band.max ?? hi), band: p.before.bandText });
    for (const [phase, c] of [[PHASE.before, p.before], [PHASE.after, p.after]] as const) {
      if (!c) continue;
      values.push({
        row, kind: "estimate", phase, targetId: p.targetId, label: p.label, band: c.bandText,
        mean: finite(c.mean), lo: finite(c.ci95[0]), hi: finite(c.ci95[1]), z: finite(c.z), met: c.met ? "in band" : "out of band",
      });
    }
  });
  const x = { field: "x", type: "quantitative" as const, title: null, scale: { zero: false, nice: false }, axis: { labelExpr: COMPACT_LABEL, tickCount: 6, grid: true } };
  const y = { field: "phase", type: "nominal" as const, title: null, sort: PHASE_COLORS.domain, scale: { domain: PHASE_COLORS.domain }, axis: { labelLimit: 140 } };
  const color = { field: "phase", type: "nominal" as const, title: null, scale: PHASE_COLORS };
  return {
    $schema: SCHEMA,
    title: { text: titleText, subtitle: [calibrationNote(r), "Band (green), and the mean with its 95% interval at the start and at the best point"] },
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
        { transform: [{ filter: "datum.kind === 'band'" }], mark: { type: "rect", color: BAND_COLOR, opacity: 0.2 }, encoding: { x, x2: { field: "x2" }, tooltip: [{ field: "band", title: "Band" }] } },
        { transform: [{ filter: "datum.kind === 'estimate'" }], mark: { type: "rule", strokeWidth: 2 }, encoding: { x: { ...x, field: "lo" }, x2: { field: "hi" }, y, color } },
        {
          transform: [{ filter: "datum.kind === 'estimate'" }],
          mark: { type: "point", filled: true, size: 55, opacity: 1 },
          encoding: {
            x: { ...x, field: "mean" }, y, color,
            tooltip: [{ field: "label", title: "Check" }, { field: "phase" }, { field: "mean", title: "Mean", format: ".4~g" }, { field: "lo", title: "95% low", format: ".4~g" }, { field: "hi", title: "95% high", format: ".4~g" }, { field: "band", title: "Band" }, { field: "met", title: "Mean" }, { field: "z", title: "z", format: ".3~g" }],
          },
        },
      ],
    },
    resolve: { scale: { x: "independent" } },
    config: CONFIG,
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
function parameterAxis(p: CalibrationParameter, hasTitle: boolean, extent: [number, number]) {
  const ticks = p.scale === "log" ? logTicks(extent[0], extent[1]) : [];
  return {
    title: hasTitle ? `${p.path}${p.scale === "log" ? " (log scale)" : ""}` : null,
    labelExpr: COMPACT_LABEL,
    labelOverlap: "greedy" as const,
    ...(ticks.length >= 2 ? { values: ticks } : {}),
  };
}

function evaluatedExtent(r: CalibrationResult, p: CalibrationParameter): [number, number] {
  const v = r.evaluations.map((e) => e.values[p.path]).filter((x) => Number.isFinite(x));
  return v.length > 0 ? [Math.min(...v), Math.max(...v)] : [p.min, p.max];
}

function panelTitle(p: CalibrationParameter) {
  return { text: `${p.path}${p.scale === "log" ? " (log scale)" : ""}`, fontSize: 11, fontWeight: "normal" as const, anchor: "start" as const, offset: 6 };
}

/** One row per evaluation and parameter: the panels of the trace and profile charts filter it by parameter. */
function longRows(r: CalibrationResult) {
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
        role: role(r, e),
        within: isBest ? WITHIN.best : Number.isFinite(e.loss) && e.loss <= level ? WITHIN.within : WITHIN.above,
      });
    }
  });
  return rows;
}

function panelFilter(p: CalibrationParameter) {
  return [{ filter: { field: "parameter", equal: p.path } }];
}

export function tracesChart(r: CalibrationResult): TopLevelSpec {
  const panels = r.spec.parameters.map((p) => {
    const y = { type: "quantitative" as const, scale: parameterScale(p, true), axis: parameterAxis(p, false, [p.min, p.max]) };
    const x = { field: "index", type: "quantitative" as const, axis: indexAxis };
    return {
      title: panelTitle(p),
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      transform: panelFilter(p),
      layer: [
        { mark: { type: "line", interpolate: "step-after", color: LINE_COLOR, strokeWidth: 1.3 }, encoding: { x, y: { ...y, field: "incumbent" } } },
        {
          mark: { type: "point", filled: true, opacity: 0.9 },
          encoding: {
            x, y: { ...y, field: "value" },
            color: { field: "role", type: "nominal", title: null, scale: ROLE_COLORS },
            size: { condition: { test: `datum.role === '${ROLE.best}'`, value: 90 }, value: 22 },
            tooltip: [{ field: "parameter" }, { field: "index", title: "Evaluation" }, { field: "generation", title: "Generation" }, { field: "value", title: "Value", format: ".4~g" }, { field: "loss", title: "Loss", format: ".4~g" }],
          },
        },
      ],
    };
  });
  return panelGrid(r, { text: "Parameter traces", subtitle: [calibrationNote(r), "Each parameter's value at every evaluation; line: the best point so far; y spans the search range"] }, panels);
}

/** One panel per parameter, PANEL_COLUMNS to a row, over every evaluation's long rows; colours and sizes shared. */
function panelGrid(r: CalibrationResult, title: { text: string; subtitle: string[] }, panels: object[]): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title,
    data: { values: longRows(r) },
    columns: PANEL_COLUMNS,
    concat: panels,
    spacing: 24,
    resolve: { scale: { color: "shared", size: "shared" }, legend: { color: "shared", size: "shared" } },
    config: CONFIG,
  } as TopLevelSpec;
}

export function profileChart(r: CalibrationResult): TopLevelSpec {
  const level = finite(bestLevel(r));
  const { scale, axis } = lossScale(r.evaluations.map((e) => e.loss));
  const y = { field: "loss", type: "quantitative" as const, scale, axis: { ...axis, title: "Loss" } };
  const panels = r.spec.parameters.map((p) => {
    const u = r.uncertainty.find((x) => x.path === p.path);
    const x = { field: "value", type: "quantitative" as const, scale: parameterScale(p, false), axis: parameterAxis(p, true, evaluatedExtent(r, p)) };
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
        color: { field: "within", type: "nominal", title: null, scale: WITHIN_COLORS },
        size: { condition: { test: `datum.within === '${WITHIN.best}'`, value: 90 }, value: 22 },
        order: { field: "loss", sort: "descending" },
        tooltip: [{ field: "parameter" }, { field: "index", title: "Evaluation" }, { field: "value", title: "Value", format: ".4~g" }, { field: "loss", title: "Loss", format: ".4~g" }],
      },
    });
    return { width: PANEL_WIDTH, height: PANEL_HEIGHT, layer: layers };
  });
  return panelGrid(r, {
    text: "Loss profile: which values fit within noise",
    subtitle: [calibrationNote(r), `Every evaluation's loss against each parameter; dashed: best + ${num(r.threshold)}; shaded: the range within noise of the best`],
  }, panels);
}
