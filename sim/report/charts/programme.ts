/**
 * Programme windows and intervention days on the time charts: each window a
 * light shaded band behind the data with the programme's short name at the
 * top, each intervention day a thin grey rule. `withProgramme` adds them to
 * every panel of a spec that has a day axis, so the chart modules stay as they
 * are and every time chart of a report (and of a comparison) is marked alike.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ProgrammeSchedule } from "../programme-windows.js";
import { interventionText, scheduleText, windowDays, windowLabel } from "../programme-windows.js";
import { t, type Lang } from "../../i18n/index.js";

export const PROGRAMME_FILL = "#f2e6c9";
export const INTERVENTION_COLOR = "#8c8c8c";
/** Below this plot width (the small multiples) the bands carry no names: they would not fit. */
const MIN_LABELLED_WIDTH = 300;

/** The x fields that hold a day of the run: "day", and "mid" where bars are labelled at the middle of their bin (subsidy-vs-gmv). */
const DAY_FIELDS = new Set(["day", "mid"]);

type Json = Record<string, unknown>;
type XEncoding = Json & { field: string };

/**
 * The layers that mark a programme on a panel whose x encoding is `x`: bands
 * (drawn behind the data), and the intervention rules and the bands' names
 * (drawn over it, so bars do not hide them). They use `x`'s scale and axis
 * (its field swapped), so they share the day axis without adding a title of
 * their own, and no colour field, so nothing of theirs enters a legend.
 */
export function programmeLayers(schedule: ProgrammeSchedule, x: XEncoding, options: { withLabels?: boolean; lang?: Lang } = {}): { below: Json[]; above: Json[] } {
  const lang = options.lang ?? "en";
  const below: Json[] = [];
  const above: Json[] = [];
  const at = (field: string) => ({ ...x, field });
  if (schedule.windows.length > 0) {
    const rows = labelRows(schedule.windows);
    const values = schedule.windows.map((w, i) => ({ from: w.from, to: w.to, programme: windowLabel(w.label, lang), days: windowDays(w, lang), labelY: 3 + 13 * rows[i] }));
    below.push({
      data: { values },
      mark: { type: "rect", color: PROGRAMME_FILL, opacity: 0.55 },
      encoding: {
        x: at("from"),
        x2: { field: "to" },
        tooltip: [{ field: "programme", type: "nominal" }, { field: "days", type: "nominal" }],
      },
    });
    if (options.withLabels ?? true) {
      above.push({
        data: { values },
        mark: { type: "text", align: "left", baseline: "top", dx: 3, fontSize: 10, color: "#7a6a3a" },
        // labelY is in pixels from the top (scale null): windows that overlap put their names on lines of their own
        encoding: { x: at("from"), y: { field: "labelY", type: "quantitative", scale: null }, text: { field: "programme", type: "nominal" } },
      });
    }
  }
  if (schedule.interventions.length > 0) {
    above.push({
      data: { values: schedule.interventions.map((m) => ({ day: m.day, note: m.notes.map((n) => interventionText(n, lang)).join(t(lang, "programme.separator")) })) },
      mark: { type: "rule", color: INTERVENTION_COLOR, strokeWidth: 1 },
      encoding: { x: at("day"), tooltip: [{ field: "day", type: "quantitative" }, { field: "note", type: "nominal" }] },
    });
  }
  return { below, above };
}

/** The line of each window's name: the first on which no earlier window it overlaps has its name. */
function labelRows(windows: ProgrammeSchedule["windows"]): number[] {
  const rows: number[] = [];
  windows.forEach((w, i) => {
    const taken = new Set(windows.slice(0, i).flatMap((o, j) => (o.from < w.to && w.from < o.to ? [rows[j]] : [])));
    let row = 0;
    while (taken.has(row)) row++;
    rows.push(row);
  });
  return rows;
}

/** The line a chart's subtitle gains: what the shading and the rules are. */
export function programmeNote(schedule: ProgrammeSchedule, lang: Lang = "en"): string | null {
  const parts: string[] = [];
  if (schedule.windows.length > 0) parts.push(t(lang, "programme.shaded", { windows: scheduleText(schedule, lang) }));
  if (schedule.interventions.length > 0) parts.push(t(lang, "programme.rules", { days: schedule.interventions.map((m) => m.day).join(", ") }));
  return parts.length > 0 ? parts.join(t(lang, "programme.separator")) : null;
}

/**
 * `spec` with the programme marked on every panel that has a day axis (a
 * quantitative x on "day" or "mid"), in layered, concatenated and faceted-by-hand
 * specs alike, and a subtitle line saying so. The spec is returned as it is when
 * the schedule is empty or no panel has a day axis (a bar chart of tiers).
 */
export function withProgramme(spec: TopLevelSpec, schedule: ProgrammeSchedule, lang: Lang = "en"): TopLevelSpec {
  if (schedule.windows.length === 0 && schedule.interventions.length === 0) return spec;
  let marked = 0;
  const visit = (node: Json): Json => {
    for (const key of ["vconcat", "hconcat", "concat"] as const) {
      if (Array.isArray(node[key])) return { ...node, [key]: (node[key] as Json[]).map(visit) };
    }
    const x = dayEncoding(node);
    if (!x) return node;
    marked++;
    const width = typeof node.width === "number" ? node.width : Infinity;
    const { below, above } = programmeLayers(schedule, x, { withLabels: width >= MIN_LABELLED_WIDTH, lang });
    return layered(node, below, above);
  };
  const out = visit(spec as unknown as Json);
  if (marked === 0) return spec;
  const note = programmeNote(schedule, lang);
  if (note && typeof out.title === "object" && out.title !== null) {
    const t = out.title as Json;
    const subtitle = t.subtitle === undefined ? [] : Array.isArray(t.subtitle) ? t.subtitle : [t.subtitle];
    out.title = { ...t, subtitle: [...subtitle, note] };
  }
  return out as unknown as TopLevelSpec;
}

/** The quantitative day encoding of a unit or layered panel: its own, or the first of its layers'. */
function dayEncoding(node: Json): XEncoding | null {
  const own = (node.encoding as Json | undefined)?.x as XEncoding | undefined;
  if (isDay(own)) return own;
  if (Array.isArray(node.layer)) {
    for (const child of node.layer as Json[]) {
      const x = (child.encoding as Json | undefined)?.x as XEncoding | undefined;
      if (isDay(x)) return x;
    }
  }
  return null;
}

function isDay(x: XEncoding | undefined): x is XEncoding {
  return x !== undefined && x.type === "quantitative" && DAY_FIELDS.has(x.field);
}

/** The keys of a unit spec that belong to its mark (they move into a layer); the rest (title, size, data) stay on the panel. */
const UNIT_KEYS = ["mark", "encoding", "transform", "params", "projection"];

/**
 * A panel turned into layers with `below` first (drawn behind) and `above` last. A parent's
 * encoding is pushed down into its own layers, as Vega-Lite would inherit it,
 * so the programme layers (with their own data) do not inherit a colour or y field.
 */
function layered(node: Json, below: Json[], above: Json[]): Json {
  if (Array.isArray(node.layer)) {
    const parentEncoding = node.encoding as Json | undefined;
    const { encoding: _dropped, ...rest } = node;
    const layers = (node.layer as Json[]).map((l) => (parentEncoding ? { ...l, encoding: { ...parentEncoding, ...((l.encoding as Json) ?? {}) } } : l));
    return { ...rest, layer: [...below, ...layers, ...above] };
  }
  const unit: Json = {};
  const rest: Json = {};
  for (const [k, v] of Object.entries(node)) (UNIT_KEYS.includes(k) ? unit : rest)[k] = v;
  return { ...rest, layer: [...below, unit, ...above] };
}
