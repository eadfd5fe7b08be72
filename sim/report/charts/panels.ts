/**
 * Building blocks of the charts drawn as panels on one day axis: a small
 * title over a panel, a mean line with its 95% band, and flows (arrivals and
 * departures) as bars per bin stacked above and below zero. The chart modules
 * put them together; nothing here decides what a chart shows.
 */
import type { BandPoint } from "../series.js";
import { sig } from "../series.js";
import { dayAxis, dayScale, labelColors } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";

/** Flows are averaged over a week for runs of four weeks or more: daily counts of a sample are too spiky to read. */
export function flowBinDays(horizonDays: number, binDays = 1): number {
  return Math.max(binDays, horizonDays >= 28 ? 7 : 1);
}

/** "per day" or "per day, weekly mean": the unit of a flow averaged over `binDays`. */
export function flowUnit(binDays: number, lang: Lang = "en"): string {
  return binDays === 1 ? t(lang, "chart.perDay") : binDays === 7 ? t(lang, "chart.perDayWeekly") : t(lang, "chart.perDayMean", { n: binDays });
}

/**
 * A panel's own title: smaller than the chart's, it says what the panel is and
 * in what unit, and starts where the plot starts. Axis titles stay short: one
 * longer than a short panel is tall would push the panel down and away from its title.
 */
export function panelTitle(text: string) {
  return { text, fontSize: 12, fontWeight: "bold" as const, offset: 6, frame: "group" as const };
}

/** The day axis every panel of a chart shares: the whole run, titled only under the last panel. */
export function dayX(horizonDays: number, binDays: number, showTitle: boolean, lang: Lang = "en") {
  const axis = dayAxis(binDays, lang);
  return { field: "day", type: "quantitative" as const, scale: dayScale(horizonDays), axis: showTitle ? axis : { ...axis, title: null } };
}

export interface BandPanelOptions {
  title: string;
  /** The y axis: its title (with the unit) and label format. */
  yAxis: object;
  color: string;
  height: number;
  width: number;
  x: ReturnType<typeof dayX>;
  /** Whether the y axis starts at zero (flows yes; levels such as trust no). */
  zero: boolean;
}

/**
 * One panel: the mean over replications as a line, its 95% interval as a band.
 * A level that never moves (a reference price of exactly 1 without discounts)
 * gets a small domain around it, so the line sits in the panel rather than on its edge.
 */
export function bandPanel(values: readonly BandPoint[], o: BandPanelOptions) {
  const lo = Math.min(...values.map((p) => p.lo));
  const hi = Math.max(...values.map((p) => p.hi));
  const flat = values.length > 0 && Number.isFinite(lo) && Number.isFinite(hi) && hi - lo <= 1e-9 * Math.max(1, Math.abs(hi));
  const pad = Math.max(Math.abs(hi) * 0.05, 1e-3);
  const scale = flat ? { domain: [o.zero ? Math.min(0, lo - pad) : lo - pad, hi + pad] } : { zero: o.zero };
  return {
    title: panelTitle(o.title),
    width: o.width,
    height: o.height,
    data: { values: [...values] },
    encoding: { x: o.x },
    layer: [
      {
        mark: { type: "area" as const, opacity: 0.22, color: o.color },
        encoding: { y: { field: "lo", type: "quantitative" as const, axis: o.yAxis, scale }, y2: { field: "hi" } },
      },
      { mark: { type: "line" as const, color: o.color }, encoding: { y: { field: "mean", type: "quantitative" as const } } },
    ],
  };
}

export interface FlowPart {
  label: string;
  color: string;
  /** Means per bin (bandsOf over perRepBins at the flow's bin length). */
  values: readonly BandPoint[];
  /** Drawn above zero (arrivals) or below (departures). */
  direction: "up" | "down";
}

/**
 * Bars per bin, each part stacked on the ones before it in its direction:
 * stacked by hand, since ranged bars (x to x2 spanning the bin) do not stack in Vega-Lite.
 */
export function flowBars(parts: readonly FlowPart[], binDays: number, horizonDays: number, o: { title?: string; yAxis: object; height: number; width: number; x: ReturnType<typeof dayX>; legendTitle?: string | null }) {
  const days = [...new Set(parts.flatMap((p) => p.values.map((v) => v.day)))].sort((a, b) => a - b);
  const values = days.flatMap((day) => {
    let up = 0, down = 0;
    return parts.map((p, order) => {
      const mean = p.values.find((v) => v.day === day)?.mean ?? 0;
      const count = Number.isFinite(mean) ? mean : 0;
      const [y0, y1] = p.direction === "up" ? [up, (up += count)] : [down, (down -= count)];
      return { day, end: Math.min(day + binDays, horizonDays), kind: p.label, order, count: sig(count), y0: sig(y0), y1: sig(y1) };
    });
  });
  return {
    ...(o.title ? { title: panelTitle(o.title) } : {}),
    width: o.width,
    height: o.height,
    data: { values },
    mark: { type: "bar" as const, stroke: "white", strokeWidth: 0.5 },
    encoding: {
      x: o.x,
      // x and x2 make the bar a range in days, so y and y2 give its base and top explicitly.
      x2: { field: "end" },
      y: { field: "y1", type: "quantitative" as const, axis: o.yAxis },
      y2: { field: "y0" },
      color: labelColors("kind", o.legendTitle ?? null, parts),
    },
  };
}
