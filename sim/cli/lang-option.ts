/** The --lang option of every command that writes an HTML page: the language of the page and its charts. */
import type { Options } from "yargs";
import { LANGS, type Lang } from "../i18n/index.js";

/** --lang en|zh-CN; yargs refuses any other value. Without a default: `sim report` falls back to the folder's own. */
export const LANG_OPTION = {
  type: "string",
  choices: LANGS,
  describe: "language of the HTML page and the charts (CSV and JSON tables stay as they are)",
  defaultDescription: "en",
} as const satisfies Options;

export interface LangArgs {
  lang?: Lang;
}
