/**
 * `sim serve`: the strategy sandbox, a local web app on fastify.
 *
 *   GET  /                        the page (public/), vega, vega-lite and vega-embed from node_modules
 *   GET  /api/scenarios           shipped scenarios and the YAML files in --dir
 *   GET  /api/controls            control groups generated from the schema
 *   GET  /api/scenario?id=        a scenario's resolved values
 *   POST /api/runs                start a run (400: bad edits, 429: too many runs)
 *   GET  /api/runs/:id/events     its days, charts and paired KPIs as server-sent events; closing it cancels the run
 *   GET  /api/runs/:id            how far it is
 *   DELETE /api/runs/:id          cancel
 *   POST /api/runs/:id/report     write its report folder into --dir/reports/
 *   POST /api/save                save the edited scenario as YAML into --dir
 *   GET  /reports/…               the report folders written
 *
 * Everything the page loads comes from this server: no CDN, works offline.
 */
import { createReadStream, existsSync, mkdirSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import { z } from "zod";
import { diffParameters } from "../experiments/diff.js";
import { dayWindowOf } from "../experiments/kpis.js";
import { BASELINE_FILE, packageVersion } from "../experiments/package-info.js";
import { controlGroups, controlValues } from "./controls.js";
import { isLang, sandboxMessages, type Lang } from "../i18n/index.js";
import { RunPool } from "./run-pool.js";
import { findScenario, listScenarios, loadEdited, saveScenario, SandboxError } from "./scenarios.js";
import { liveCharts, liveKpis } from "./live-view.js";
import type { LiveRun } from "./live-run.js";
import { runWarnings, writeRunReport } from "../report/write-run.js";
import { loadScenario } from "../scenario/load.js";

export interface ServeOptions {
  dir: string;
  threads: number;
  /** runs at once, over all tabs */
  maxRuns: number;
  /** the most simulated users a run may ask for */
  maxUsers: number;
  /** the language the page opens in, unless its address says; undefined: the browser's */
  lang?: Lang;
  /** how often a running replication posts its days, in milliseconds */
  everyMs?: number;
}

const PUBLIC_DIR = fileURLToPath(new URL("../../sim/serve/public/", import.meta.url));
const require = createRequire(import.meta.url);

/** The folder of an installed package (its package.json is not exported, so walk up from its entry). */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, "package.json")) || basename(dir) !== name) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of the installed package ${name}`);
    dir = up;
  }
  return dir;
}

/** The browser builds of the chart libraries, served from the installed packages. */
const VENDOR: Record<string, string> = {
  "vega.min.js": join(packageDir("vega"), "build", "vega.min.js"),
  "vega-lite.min.js": join(packageDir("vega-lite"), "build", "vega-lite.min.js"),
  "vega-embed.min.js": join(packageDir("vega-embed"), "build", "vega-embed.min.js"),
};

const SetList = z.array(z.string().max(20_000)).max(500).default([]);
const RunBody = z.object({
  scenario: z.string(),
  set: SetList,
  compare: z.string().default("shipped/baseline.yaml"),
  name: z.string().optional(),
  users: z.number().int().min(100),
  days: z.number().int().min(1).max(3650).optional(),
  reps: z.number().int().min(1).max(50),
  seed: z.number().int().min(0).default(1),
  /** "START:END": KPIs during those days and after them, as sim run --window */
  window: z.string().max(40).optional(),
});
const SaveBody = z.object({ base: z.string(), set: SetList, name: z.string(), file: z.string(), overwrite: z.boolean().default(false) });

/** Words as a shell reads them: quoted when they hold anything but plain characters. */
function shellLine(words: readonly string[]): string {
  return words.map((w) => (/^[\w./:=,+-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`)).join(" ");
}

/** The page's language: "zh-CN" or English. */
function langOf(text: string | undefined): Lang {
  return isLang(text) ? text : "en";
}

/** A zod problem as a sentence naming the field. */
function bodyError(err: z.ZodError): SandboxError {
  return new SandboxError(400, "the request is not valid", err.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`));
}

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw bodyError(parsed.error);
  return parsed.data;
}

/** The edits as --set entries, with the run's name when the page gives one (or the base's, marked as edited). */
function runOverrides(body: z.infer<typeof RunBody>, baseName: string) {
  const name = body.name?.trim() || (body.set.length > 0 ? `${baseName}-edited` : "");
  return { set: [...body.set, ...(name ? [`name=${name}`] : [])], users: body.users, days: body.days };
}

export function buildServer(options: ServeOptions): { app: FastifyInstance; pool: RunPool } {
  const dir = resolve(options.dir);
  const app = Fastify({ logger: false, bodyLimit: 1_000_000 });
  const pool = new RunPool(options.threads, options.maxRuns, options.everyMs ?? 150);
  const groups = controlGroups();

  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
    if (err instanceof SandboxError) return reply.code(err.status).send({ error: err.message, details: err.details });
    if (err.statusCode && err.statusCode < 500) return reply.code(err.statusCode).send({ error: err.message, details: [] });
    return reply.code(500).send({ error: `the server failed: ${err.message}`, details: [] });
  });

  app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: "/", index: ["index.html"] });
  mkdirSync(join(dir, "reports"), { recursive: true });
  app.register(fastifyStatic, { root: join(dir, "reports"), prefix: "/reports/", decorateReply: false });
  app.get<{ Params: { file: string } }>("/vendor/:file", (req, reply) => {
    const file = VENDOR[req.params.file];
    if (!file) throw new SandboxError(404, `no such file: ${req.params.file}`);
    return reply.type("text/javascript; charset=utf-8").header("cache-control", "max-age=3600").send(createReadStream(file));
  });

  app.get("/api/meta", () => ({ version: packageVersion(), dir, threads: options.threads, maxRuns: options.maxRuns, maxUsers: options.maxUsers, lang: options.lang ?? null }));
  app.get("/api/messages", () => sandboxMessages());
  app.get("/api/scenarios", () => listScenarios(dir).map(({ id, name, description }) => ({ id, name, description })));
  app.get("/api/controls", () => groups);
  app.get<{ Querystring: { id?: string } }>("/api/scenario", async (req) => {
    const entry = findScenario(dir, req.query.id ?? "");
    const { scenario } = await loadEdited(dir, entry.id, {});
    return { id: entry.id, name: scenario.name, description: scenario.description, horizonDays: scenario.horizonDays, users: scenario.population.users, values: controlValues(scenario, groups) };
  });

  app.post("/api/runs", async (req, reply) => {
    const body = parseBody(RunBody, req.body);
    if (body.users > options.maxUsers) throw new SandboxError(400, `users: at most ${options.maxUsers} simulated users here (sim serve --max-users)`);
    const base = findScenario(dir, body.scenario);
    const overrides = runOverrides(body, base.name);
    const edited = await loadEdited(dir, base.id, overrides);
    const compare = await loadEdited(dir, body.compare, { users: body.users, days: edited.scenario.horizonDays });
    const window = body.window?.trim() ? dayWindowOf(body.window, [edited.scenario, compare.scenario]) : undefined;
    if (typeof window === "string") throw new SandboxError(400, `window: ${window}`);
    const commandLine = shellLine(["sim", "run", base.file, ...overrides.set.flatMap((s) => ["--set", s]), "--users", String(body.users), ...(body.days ? ["--days", String(body.days)] : []), "--reps", String(body.reps), "--seed", String(body.seed), ...(body.window ? ["--window", body.window] : [])]);
    const run = pool.start({ scenario: edited.scenario, compare: compare.scenario, reps: body.reps, seed: body.seed, window, commandLine });
    return reply.code(201).send({ id: run.id, name: edited.scenario.name, compareName: compare.scenario.name, horizonDays: edited.scenario.horizonDays, reps: body.reps });
  });
  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>("/api/runs/:id/events", (req, reply) => streamRun(pool.get(req.params.id), reply, req.raw, langOf(req.query.lang)));
  app.get<{ Params: { id: string } }>("/api/runs/:id", (req) => progressOf(pool.get(req.params.id)));
  app.delete<{ Params: { id: string } }>("/api/runs/:id", (req) => {
    const run = pool.get(req.params.id);
    run.cancel();
    return { id: run.id, status: run.status };
  });
  app.post<{ Params: { id: string }; Body: { lang?: string } | null }>("/api/runs/:id/report", async (req) => {
    const run = pool.get(req.params.id);
    if (run.status !== "done") throw new SandboxError(409, `the run is ${run.status}: a report needs a finished run`);
    const baseline = (await loadScenario(BASELINE_FILE)).scenario;
    const scenarioRun = { scenario: run.request.scenario, seeds: run.seeds, results: run.progress.scenario.map((p) => p.result!), window: run.request.window };
    const folder = await writeRunReport(join(dir, "reports"), scenarioRun, {
      version: packageVersion(), commandLine: run.request.commandLine, baseSeed: run.request.seed, threads: options.threads,
      wallTimeSec: ((run.finishedMs ?? performance.now()) - run.startedMs) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024,
      differsFromBaseline: diffParameters(run.request.scenario, baseline), warnings: runWarnings(scenarioRun), lang: langOf(req.body?.lang),
    });
    return { folder, url: `/reports/${encodeURIComponent(run.request.scenario.name)}/index.html` };
  });
  app.post("/api/save", async (req) => saveScenario(dir, parseBody(SaveBody, req.body)));

  app.addHook("onClose", async () => pool.close());
  return { app, pool };
}

/** Server-sent events of one run: progress, charts and KPIs as they change (at most every 250 ms), then "end". */
function streamRun(run: LiveRun, reply: FastifyReply, request: IncomingMessage, lang: Lang): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" });
  const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  let sentDays = -1;
  let sentPairs = -1;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const days = [...run.progress.scenario, ...run.progress.compare].reduce((s, p) => s + p.days, 0);
    const pairs = run.pairsDone();
    send("progress", progressOf(run));
    if (days !== sentDays) send("charts", liveCharts(run, lang));
    if (pairs !== sentPairs) send("kpis", liveKpis(run, lang));
    sentDays = days;
    sentPairs = pairs;
    if (run.status !== "running") {
      send("end", { status: run.status, error: run.error, seconds: ((run.finishedMs ?? 0) - run.startedMs) / 1000 });
      stop();
      res.end();
    }
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(flush, sentDays < 0 ? 0 : 250);
  };
  const unlisten = run.listen(schedule);
  const stop = () => {
    unlisten();
    if (timer) clearTimeout(timer);
  };
  // the page went away (tab closed, reloaded, navigated): nobody watches the run, so it stops
  request.on("close", () => {
    stop();
    run.cancel();
  });
  run.watched = true;
  schedule();
}

/** How far the run is: days done of all days, and replications finished. */
function progressOf(run: LiveRun) {
  const sides = run.isSameScenario ? [run.progress.scenario] : [run.progress.scenario, run.progress.compare];
  const total = sides.reduce((s, side) => s + side.length * (side === run.progress.scenario ? run.request.scenario.horizonDays : run.request.compare.horizonDays), 0);
  const done = sides.reduce((s, side) => s + side.reduce((t, p) => t + p.days, 0), 0);
  return { status: run.status, daysDone: done, daysTotal: total, pairs: run.pairsDone(), reps: run.seeds.length, seconds: (performance.now() - run.startedMs) / 1000 };
}
