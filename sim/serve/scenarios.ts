/**
 * The scenarios the sandbox offers and where it may write: the shipped
 * scenarios, and the YAML files in `--dir` (and its scenarios/ folder). A
 * scenario is named by an id from this list, never by a path, so a request
 * cannot reach a file outside them; saving writes a plain file name into
 * `--dir` only, after the same schema check `sim validate` makes.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { diffParameters, type ParameterDifference } from "../experiments/diff.js";
import { SCENARIOS_DIR } from "../experiments/package-info.js";
import { loadScenario, type LoadedScenario, type Overrides } from "../scenario/load.js";

export interface ScenarioEntry {
  /** "shipped/baseline.yaml", "dir/mine.yaml", "dir/scenarios/mine.yaml" */
  id: string;
  name: string;
  description: string;
  file: string;
}

/** A request the sandbox refuses: answered with `status` and the message, the server goes on. */
export class SandboxError extends Error {
  constructor(readonly status: number, message: string, readonly details: string[] = []) {
    super(message);
    this.name = "SandboxError";
  }
}

const YAML_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/;

function yamlFiles(folder: string): string[] {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return [];
  return readdirSync(folder).filter((f) => YAML_NAME.test(f)).sort();
}

/** What a scenario file says of itself, without resolving it (a broken file is still listed, and fails when run). */
function describeFile(file: string): { name: string; description: string } {
  try {
    const raw = parseYaml(readFileSync(file, "utf8")) as { name?: unknown; description?: unknown } | null;
    const name = typeof raw?.name === "string" ? raw.name : basename(file).replace(/\.ya?ml$/, "");
    return { name, description: typeof raw?.description === "string" ? raw.description : "" };
  } catch {
    return { name: basename(file).replace(/\.ya?ml$/, ""), description: "" };
  }
}

export function listScenarios(dir: string): ScenarioEntry[] {
  const entries: ScenarioEntry[] = [];
  const add = (prefix: string, folder: string) => {
    for (const f of yamlFiles(folder)) {
      const file = join(folder, f);
      // a sweep or calibration file in the folder is not a scenario
      if (/^\s*(design|parameters|targets|free):/m.test(readFileSync(file, "utf8"))) continue;
      entries.push({ id: `${prefix}${f}`, file, ...describeFile(file) });
    }
  };
  add("shipped/", SCENARIOS_DIR);
  add("dir/", dir);
  if (resolve(dir, "scenarios") !== resolve(SCENARIOS_DIR)) add("dir/scenarios/", join(dir, "scenarios"));
  return entries;
}

export function findScenario(dir: string, id: string): ScenarioEntry {
  const entry = listScenarios(dir).find((e) => e.id === id);
  if (!entry) throw new SandboxError(404, `no scenario '${id}': choose one of the list (shipped scenarios, or YAML files in ${dir})`);
  return entry;
}

/** Load a listed scenario with the page's edits; a bad edit is a 400 with every problem the schema found. */
export async function loadEdited(dir: string, id: string, overrides: Overrides): Promise<LoadedScenario> {
  const entry = findScenario(dir, id);
  try {
    return await loadScenario(entry.file, overrides);
  } catch (err) {
    const list = (err as { errors?: { message: string }[] }).errors;
    // the page's edits reach the loader as command-line overrides: say which edit, not which option
    if (list) throw new SandboxError(400, `the scenario is not valid (${list.length} problem${list.length === 1 ? "" : "s"})`, list.map((e) => e.message.replace(/^command line: (--set )?/, "")));
    throw err;
  }
}

/** `levers.consumerSubsidy.rate=0.2` entries as the nested map a scenario file holds. */
export function nestOverrides(set: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of set) {
    const eq = entry.indexOf("=");
    if (eq <= 0) throw new SandboxError(400, `'${entry}' is not path=value`);
    const keys = entry.slice(0, eq).trim().split(".");
    let node = out;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]] = parseYaml(entry.slice(eq + 1));
  }
  return out;
}

export interface SaveRequest {
  base: string;
  set: string[];
  /** the scenario's name (and its report folder's) */
  name: string;
  /** a plain file name, written into --dir */
  file: string;
  overwrite?: boolean;
}

export interface SaveResult {
  file: string;
  yaml: string;
  differences: ParameterDifference[];
}

/** The YAML of an edited scenario: it extends its base and restates only what the page changed. */
export function scenarioYaml(dir: string, base: ScenarioEntry, request: SaveRequest): string {
  const extendsPath = relative(resolve(dir), base.file).split(sep).join("/");
  const body = { extends: extendsPath, name: request.name, description: `${base.name}, edited in the sandbox (sim serve)`, ...nestOverrides(request.set) };
  return `# Saved by sim serve from ${base.id}\n${stringifyYaml(body)}`;
}

/**
 * Write the edited scenario into --dir as `file`, after checking it as
 * `sim validate` would (through a temporary file beside it, so a bad one is
 * never left in place); refuses another folder and, unless told, an existing file.
 */
export async function saveScenario(dir: string, request: SaveRequest): Promise<SaveResult> {
  if (!YAML_NAME.test(request.file)) throw new SandboxError(400, `'${request.file}' is not a plain file name ending in .yaml (letters, digits, '.', '_', '-'; no folders): the sandbox writes only into ${dir}`);
  const target = join(resolve(dir), request.file);
  if (existsSync(target) && !request.overwrite) throw new SandboxError(409, `${request.file} exists in ${dir}; save under another name or overwrite it`);
  const base = findScenario(dir, request.base);
  const yaml = scenarioYaml(dir, base, request);
  const tmp = join(resolve(dir), `.${request.file}.${process.pid}.tmp.yaml`);
  writeFileSync(tmp, yaml);
  try {
    const saved = await loadScenario(tmp).catch((err: unknown) => {
      const list = (err as { errors?: { message: string }[] }).errors;
      if (list) throw new SandboxError(400, "the edited scenario is not valid", list.map((e) => e.message.replace(tmp, request.file)));
      throw err;
    });
    const parent = (await loadScenario(base.file)).scenario;
    renameSync(tmp, target);
    return { file: target, yaml, differences: diffParameters(saved.scenario, parent) };
  } finally {
    rmSync(tmp, { force: true });
  }
}
