/**
 * What a Chinese page may keep in Latin letters, for the i18n tests. A
 * "Latin word" is two or more letters in a row; single letters are symbols
 * (r, p, t, x, n in the statistics notes). Left out before looking:
 * - file names (comparison.csv, summary.json), commands (sim sweep),
 *   command-line options (--out), CSV column names and KPI keys (anything
 *   with an underscore: _low, gmv_total) and library names (ml-cart): a
 *   reader types them as they are;
 * - the names below, which Chinese strategists read as they are: the acronyms
 *   GMV, NPS, KPI, the file formats, the names of the statistics (Welch,
 *   Holm–Bonferroni, Morris, Sobol and its ST index), Vega-Lite, and the
 *   program's own name.
 * Code (<code>), scenario names and descriptions, which the user wrote, are
 * removed by the page tests themselves.
 */
export const ALLOWED_LATIN = new Set([
  "GMV", "NPS", "KPI", "CSV", "JSON", "SVG", "PNG", "YAML", "MB", "CDF",
  "Vega", "Lite", "Welch", "Holm", "Bonferroni", "livecommerce", "sim",
  // sensitivity analysis, scenario discovery, calibration (CMA-ES): the methods' names, their authors, their indices' symbols
  "Morris", "Sobol", "Saltelli", "Jansen", "ST", "PRIM", "CART", "Gini", "EMA", "Workbench",
  "Friedman", "Fisher", "Bryant", "Lempert", "Breiman", "CMA", "ES",
]);

const FILE_NAME = /[\w.-]+\.(?:csv|json|svg|png|html|yaml)\b/g;
const OPTION = /--[a-z][a-z-]*/g;
const COMMAND = /\bsim [a-z]+\b/g;
/** Names with an underscore: CSV column names and KPI keys (_low, gmv_total). */
const IDENTIFIER = /\b_?[A-Za-z0-9]*_[A-Za-z0-9_]*/g;
/** Libraries named as they are published. */
const LIBRARY = /\bml-cart\b/g;

/** The Latin words of `text` that a Chinese page should not have. */
export function latinWords(text: string): string[] {
  const rest = text.replace(FILE_NAME, " ").replace(OPTION, " ").replace(COMMAND, " ").replace(IDENTIFIER, " ").replace(LIBRARY, " ");
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED_LATIN.has(w));
}

/** Chinese characters, CJK punctuation and full-width forms. */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
