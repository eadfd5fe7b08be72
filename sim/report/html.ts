/** HTML bits shared by the report page and the comparison page: escaping, the style sheet, the shell. */
import { MESSAGES, type Lang, type MessageKey } from "../i18n/index.js";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Attribute-safe relative link; paths in a report are ours, but a scenario name may hold anything. */
export function link(href: string, text: string): string {
  return `<a href="${escapeHtml(encodeURI(href))}">${escapeHtml(text)}</a>`;
}

/** Inline, no web fonts, no external files: the page must work from file:// with no network. */
export const CSS = `
:root { --ink: #1f2328; --muted: #5c6670; --line: #d8dee4; --soft: #f6f8fa; --accent: #4c78a8; --good: #1a7f37; --bad: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; font-size: 15px; }
header, main, footer { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; padding-bottom: 8px; border-bottom: 1px solid var(--line); }
h1 { font-size: 26px; margin: 0 0 6px; }
h3 { font-size: 15px; margin: 20px 0 6px; color: var(--muted); }
h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
p.lead { font-size: 16px; margin: 4px 0 12px; max-width: 820px; }
p.note, .muted { color: var(--muted); font-size: 13px; }
nav { font-size: 14px; margin: 10px 0 14px; }
nav a { margin-right: 14px; }
a { color: #0b5cad; text-decoration: none; }
a:hover { text-decoration: underline; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 6px 0 10px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
.scroll { overflow-x: auto; }
table.wide { font-size: 13px; }
table.wide td, table.wide th { padding: 5px 7px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.num.wrap { white-space: normal; min-width: 7em; }
th.num { white-space: normal; }
td.why { min-width: 18em; font-size: 12px; }
td code, dd code { font-size: 12px; color: var(--muted); }
tr.headline td { font-weight: 600; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; font-size: 14px; margin: 8px 0 14px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
figure { margin: 18px 0 30px; }
figure .chart { overflow-x: auto; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; }
.callout { border-left: 4px solid #bf8700; background: #fff8c5; padding: 10px 14px; margin: 14px 0; font-size: 14px; }
.yes { color: var(--good); font-weight: 600; }
.no { color: var(--muted); }
ul.files { font-size: 14px; padding-left: 20px; }
footer { padding-top: 18px; padding-bottom: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); margin-top: 30px; }
`;

/** Text for an element's content (never an attribute): quotes and apostrophes may stay as they are. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A catalogue text as element content: the text escaped, then its
 * placeholders filled with HTML (a <code> or <strong> element, an escaped
 * name) as given.
 */
export function htmlT(lang: Lang, key: MessageKey, html: Readonly<Record<string, string>> = {}): string {
  return escapeText(MESSAGES[key][lang]).replace(/\{(\w+)\}/g, (whole, name: string) => html[name] ?? whole);
}

export function pageShell(title: string, body: string, lang: Lang = "en"): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** One figure per chart: the SVG inlined (so the page needs no other file), a caption, and links to the chart's files. */
export function figure(name: string, caption: string, svg: string, chartsHref = "charts", lang: Lang = "en"): string {
  return `<figure id="${escapeHtml(name)}">
<div class="chart">${svg}</div>
<figcaption>${escapeHtml(caption)} ${escapeHtml(MESSAGES["page.files"][lang])} ${link(`${chartsHref}/${name}.svg`, "SVG")} · ${link(`${chartsHref}/${name}.png`, "PNG")} · ${link(`${chartsHref}/${name}.vl.json`, MESSAGES["page.files.spec"][lang])}</figcaption>
</figure>`;
}
