/**
 * `sim discover` end to end, once the expression is parsed:
 * the points' outcomes → PRIM and/or CART → tables, charts (rendered offline),
 * discovery.html → each file replaced in place in the output folder.
 */
import type { Lang } from "../../i18n/index.js";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { cart } from "../../experiments/discover/cart.js";
import { datasetOf, type SweepPoints } from "./points.js";
import { prim } from "../../experiments/discover/prim.js";
import { renderChart, writeRenderedChart, type RenderedChart } from "../render.js";
import { replaceFile, replaceFolder } from "../../io/files.js";
import { discoverCharts } from "./charts.js";
import { CHARTS_DIR, discoveryPage } from "./page.js";
import { boxesCsv, discoveryCsv, discoveryJson, type Discovery, type DiscoverySettings } from "./tables.js";

export function discover(sp: SweepPoints, sweepDir: string, where: string, y: boolean[], settings: DiscoverySettings, version: string): Discovery {
  const data = datasetOf(sp, y);
  const d: Discovery = {
    sweepName: sp.manifest.spec.name || basename(sweepDir), sweepDir, where, source: sp.source, parameters: sp.parameters,
    points: data.y.length, satisfied: data.y.filter(Boolean).length, settings, version,
  };
  if (settings.method !== "cart") d.prim = prim(data, { alpha: settings.alpha, minMass: settings.minMass, threshold: settings.threshold });
  if (settings.method !== "prim") d.cart = cart(data, { maxDepth: settings.maxDepth });
  return d;
}

/** Writes the tables, charts and page into `out`; returns the page's path. */
export async function writeDiscovery(d: Discovery, out: string, onWarning?: (message: string) => void, lang: Lang = "en"): Promise<string> {
  mkdirSync(out, { recursive: true });
  const charts = discoverCharts(d, lang);
  const rendered: RenderedChart[] = [];
  for (const c of charts) rendered.push(await renderChart(c.name, c.spec));
  for (const r of rendered) for (const w of r.warnings) onWarning?.(`${r.name}: ${w}`);

  const tables: string[] = [];
  if (d.prim) {
    replaceFile(join(out, "discovery.csv"), discoveryCsv(d, d.prim));
    tables.push("discovery.csv");
  } else if (existsSync(join(out, "discovery.csv"))) {
    rmSync(join(out, "discovery.csv")); // from an earlier run with PRIM: it would not match this page
  }
  replaceFile(join(out, "discovery-boxes.csv"), boxesCsv(d));
  replaceFile(join(out, "discovery.json"), discoveryJson(d));
  tables.push("discovery-boxes.csv", "discovery.json");
  replaceFolder(out, CHARTS_DIR, (tmp) => rendered.forEach((r) => writeRenderedChart(tmp, r)));
  const page = join(out, "discovery.html");
  replaceFile(page, discoveryPage(d, charts, new Map(rendered.map((r) => [r.name, r.svg])), tables, lang));
  return page;
}
