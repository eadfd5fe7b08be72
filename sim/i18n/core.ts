/**
 * The pieces every message module shares: the languages, the shape of an
 * entry (one text per language, so a missing translation is a compile error),
 * and placeholders. A placeholder is a name in braces, "{n} days"; its type
 * is read off the English text, so `t(lang, key, { n: 3 })` is checked.
 */

export const LANGS = ["en", "zh-CN"] as const;
export type Lang = (typeof LANGS)[number];

export interface Entry {
  readonly en: string;
  readonly "zh-CN": string;
}

export type Catalogue = Readonly<Record<string, Entry>>;

/** The placeholder names of a text: "{a} to {b}" gives "a" | "b". */
export type Holes<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Holes<Rest> : never;

export type Params<S extends string> = Readonly<Record<Holes<S>, string | number>>;

export function isLang(x: unknown): x is Lang {
  return typeof x === "string" && (LANGS as readonly string[]).includes(x);
}

/** Fills "{name}" with params.name; a name without a value stays as written, so a test can find it. */
export function fill(text: string, params: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The placeholder names written in a text, for the catalogue's tests. */
export function holesOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}
