/**
 * What a page shows a reader, for the language tests: its text without the
 * style sheet, tags and code, and the strings its charts' Vega-Lite specs
 * show. See test/report/i18n.test.ts for what is left out and why.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CJK, latinWords } from "./latin.js";

function unescape(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

/** The text a reader sees, without code and without what the user wrote. */
export function readerText(html: string, userGiven: readonly string[]): string {
  let text = html
    .replace(/<style>[\s\S]*?<\/style>/g, " ")
    .replace(/<code>[\s\S]*?<\/code>/g, " ")
    .replace(/<[^>]+>/g, " ");
  text = unescape(text);
  for (const given of [...userGiven].sort((a, b) => b.length - a.length)) text = text.split(given).join(" ");
  return text;
}

/** The strings a chart shows, from its Vega-Lite spec. */
export function specStrings(spec: unknown): string[] {
  const shown: string[] = [];
  const labelFields = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  const walk = (node: unknown, key: string): void => {
    if (typeof node === "string") {
      if (key === "title" || key === "text" || key === "subtitle") shown.push(node);
      return;
    }
    if (Array.isArray(node)) {
      if (key === "values") rows.push(...node.filter((v): v is Record<string, unknown> => v !== null && typeof v === "object"));
      node.forEach((n) => walk(n, key === "values" ? "" : key));
      return;
    }
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (typeof o.field === "string" && (o.type === "nominal" || o.type === "ordinal" || key === "text")) labelFields.add(o.field);
    for (const [k, v] of Object.entries(o)) walk(v, k);
  };
  walk(spec, "");
  for (const row of rows) for (const f of labelFields) if (typeof row[f] === "string") shown.push(row[f] as string);
  return shown;
}

export function chartSpecs(dir: string): [string, unknown][] {
  const charts = join(dir, "charts");
  return readdirSync(charts).filter((f) => f.endsWith(".vl.json")).map((f) => [f, JSON.parse(readFileSync(join(charts, f), "utf8"))]);
}

/** Latin words left in a Chinese page, its charts' specs, with the file they are in. */
export function englishLeft(dir: string, userGiven: readonly string[]): string[] {
  const page = readFileSync(join(dir, "index.html"), "utf8");
  const left = latinWords(readerText(page, userGiven)).map((w) => `index.html: ${w}`);
  for (const [file, spec] of chartSpecs(dir)) {
    for (const s of specStrings(spec)) {
      let rest = s;
      for (const given of userGiven) rest = rest.split(given).join(" ");
      left.push(...latinWords(rest).map((w) => `${file}: ${w} (in "${s}")`));
    }
  }
  return [...new Set(left)];
}

/** Chinese characters anywhere in an English page or its specs. */
export function chineseLeft(dir: string): string[] {
  const files = ["index.html", ...chartSpecs(dir).map(([f]) => join("charts", f))];
  return files.filter((f) => CJK.test(readFileSync(join(dir, f), "utf8")));
}
