// @ts-check
/**
 * The sandbox page. Everything it shows comes from the server: the controls
 * (generated from the scenario schema), the words (GET /api/messages), the
 * charts (the project's Vega-Lite specs, drawn with vega-embed) and the paired
 * KPI differences. Its state lives in the URL, so a colleague opening the same
 * address sees the same scenario, edits and run settings.
 */
/* global vegaEmbed */

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const state = {
  lang: "en",
  /** @type {Record<string, Record<string, string>>} */ messages: {},
  /** @type {any[]} */ groups: [],
  /** @type {any[]} */ scenarios: [],
  /** the chosen scenario's resolved values, by control path */
  /** @type {Record<string, unknown>} */ base: {},
  baseHorizon: 365,
  /** edits by path: the text of the value, as --set takes it */
  /** @type {Map<string, string>} */ edits: new Map(),
  /** @type {EventSource | null} */ events: null,
  /** @type {string | null} */ runId: null,
  /** @type {Map<string, any>} */ views: new Map(),
};

// ---- words --------------------------------------------------------------
function msg(/** @type {string} */ key, /** @type {Record<string, unknown>} */ params = {}) {
  const entry = state.messages[key];
  const text = entry ? entry[state.lang] ?? entry.en : key;
  return text.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ""));
}
function applyWords() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll("[data-msg]").forEach((el) => { el.textContent = msg(/** @type {HTMLElement} */ (el).dataset.msg ?? ""); });
  document.title = `${msg("title")} — livecommerce-sim`;
  $("file-label").textContent = msg("fileName", { dir: state.dir });
}

// ---- the URL holds the state ----------------------------------------------
function readUrl() {
  const q = new URLSearchParams(location.search);
  return {
    scenario: q.get("scenario") ?? "shipped/baseline.yaml",
    compare: q.get("compare") ?? "shipped/baseline.yaml",
    set: q.getAll("set"),
    name: q.get("name") ?? "",
    users: Number(q.get("users") ?? 20000),
    days: q.get("days") ? Number(q.get("days")) : undefined,
    reps: Number(q.get("reps") ?? 2),
    seed: Number(q.get("seed") ?? 1),
    window: q.get("window") ?? "",
    lang: q.get("lang") === "zh-CN" || q.get("lang") === "en" ? q.get("lang") : null,
  };
}
function writeUrl() {
  const q = new URLSearchParams();
  q.set("scenario", input("scenario").value);
  q.set("compare", input("compare").value);
  for (const s of setEntries()) q.append("set", s);
  if (input("name").value) q.set("name", input("name").value);
  q.set("users", input("users").value);
  if (input("days").value && Number(input("days").value) !== state.baseHorizon) q.set("days", input("days").value);
  q.set("reps", input("reps").value);
  q.set("seed", input("seed").value);
  if (input("window").value.trim()) q.set("window", input("window").value.trim());
  q.set("lang", state.lang);
  history.replaceState(null, "", `?${q}`);
}
const input = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ ($(id));

// ---- server calls ---------------------------------------------------------
async function api(/** @type {string} */ path, /** @type {RequestInit} */ init = {}) {
  const res = await fetch(path, { ...init, headers: { "content-type": "application/json", ...(init.headers ?? {}) } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(body.error ?? res.statusText), { details: body.details ?? [], status: res.status });
  return body;
}
function showError(/** @type {any} */ err) {
  const box = $("message");
  box.hidden = false;
  box.textContent = `${msg("errorTitle")}: ${err.message}${err.details?.length ? `\n• ${err.details.join("\n• ")}` : ""}`;
}
function clearError() { $("message").hidden = true; }

// ---- controls ---------------------------------------------------------------
/** The value as --set takes it: numbers and booleans as written, lists as JSON (YAML reads JSON). */
function valueText(/** @type {unknown} */ v) {
  return typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);
}
function setEntries() {
  return [...state.edits].map(([path, text]) => `${path}=${text}`);
}
function edit(/** @type {string} */ path, /** @type {string} */ text) {
  if (text === valueText(state.base[path])) state.edits.delete(path);
  else state.edits.set(path, text);
  document.querySelector(`.control[data-path="${CSS.escape(path)}"]`)?.classList.toggle("edited", state.edits.has(path));
  showEdits();
  writeUrl();
}
function showEdits() {
  const list = $("edits");
  list.innerHTML = "";
  if (state.edits.size === 0) {
    const li = document.createElement("li");
    li.textContent = msg("noEdits");
    list.append(li);
  }
  for (const [path, text] of state.edits) {
    const li = document.createElement("li");
    li.innerHTML = `<code></code>: <span class="from"></span> → <strong></strong>`;
    li.querySelector("code").textContent = path;
    li.querySelector(".from").textContent = valueText(state.base[path]);
    li.querySelector("strong").textContent = text;
    list.append(li);
  }
}

function controlElement(/** @type {any} */ c) {
  const div = document.createElement("div");
  div.className = "control";
  div.dataset.path = c.path;
  const current = state.edits.get(c.path) ?? valueText(state.base[c.path]);
  div.innerHTML = `<div class="name"><span></span> <code></code></div><div class="inputs"></div><div class="meaning"></div>`;
  div.querySelector(".name span").textContent = c.key;
  div.querySelector(".name code").textContent = c.unit ? `[${c.unit}]` : "";
  div.querySelector(".meaning").textContent = `${c.meaning} (${msg("default", { value: valueText(c.defaultValue) })})`;
  const inputs = /** @type {HTMLElement} */ (div.querySelector(".inputs"));
  if (c.kind === "number" || c.kind === "integer") {
    const num = document.createElement("input");
    num.type = "number";
    num.name = c.path;
    num.step = c.kind === "integer" ? "1" : "any";
    if (c.min !== undefined) num.min = String(c.min);
    if (c.max !== undefined) num.max = String(c.max);
    num.value = current;
    if (c.isSlider) {
      const range = document.createElement("input");
      range.type = "range";
      range.min = String(c.min);
      range.max = String(c.max);
      range.step = c.kind === "integer" ? "1" : String((c.max - c.min) / 200);
      range.value = current;
      range.setAttribute("aria-label", c.path);
      range.addEventListener("input", () => { num.value = range.value; edit(c.path, range.value); });
      num.addEventListener("input", () => { range.value = num.value; });
      inputs.append(range);
    }
    num.addEventListener("change", () => edit(c.path, num.value));
    inputs.append(num);
  } else if (c.kind === "boolean") {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = c.path;
    box.checked = current === "true";
    box.addEventListener("change", () => edit(c.path, String(box.checked)));
    inputs.append(box);
  } else if (c.kind === "choice") {
    const sel = document.createElement("select");
    sel.name = c.path;
    for (const ch of c.choices) sel.append(new Option(ch, ch, false, ch === current));
    sel.addEventListener("change", () => edit(c.path, sel.value));
    inputs.append(sel);
  } else if (c.path === "interventions") {
    inputs.append(interventionsEditor(current));
  } else {
    const area = document.createElement("textarea");
    area.name = c.path;
    area.rows = c.kind === "list" ? 3 : 1;
    area.value = current;
    area.placeholder = msg("listHint");
    area.addEventListener("change", () => edit(c.path, area.value.trim() || "[]"));
    inputs.append(area);
  }
  if (state.edits.has(c.path)) div.classList.add("edited");
  return div;
}

/**
 * The schedule of interventions as a list: a row per change, with its day,
 * the day the old values come back (optional) and the parameters it sets
 * (one path=value a line).
 */
function interventionsEditor(/** @type {string} */ current) {
  /** @type {{at: number, until?: number, set: Record<string, unknown>, note?: string}[]} */
  let list = [];
  try { list = JSON.parse(current); } catch { list = []; }
  const box = document.createElement("div");
  box.className = "interventions";
  const commit = () => edit("interventions", JSON.stringify(list));
  const draw = () => {
    box.innerHTML = "";
    list.forEach((item, i) => {
      const row = document.createElement("div");
      row.className = "intervention";
      row.innerHTML = `<label><span>${msg("at")}</span><input type="number" min="0" step="1" class="at"></label><label><span>${msg("until")}</span><input type="number" min="0" step="1" class="until"></label><label class="sets"><span>${msg("sets")}</span><textarea rows="2" class="set"></textarea></label><button type="button" class="remove">${msg("remove")}</button>`;
      const at = /** @type {HTMLInputElement} */ (row.querySelector(".at"));
      const until = /** @type {HTMLInputElement} */ (row.querySelector(".until"));
      const set = /** @type {HTMLTextAreaElement} */ (row.querySelector(".set"));
      at.value = String(item.at);
      until.value = item.until === undefined ? "" : String(item.until);
      set.value = Object.entries(item.set).map(([k, v]) => `${k}=${valueText(v)}`).join("\n");
      at.addEventListener("change", () => { item.at = Number(at.value); commit(); });
      until.addEventListener("change", () => { if (until.value === "") delete item.until; else item.until = Number(until.value); commit(); });
      set.addEventListener("change", () => {
        item.set = Object.fromEntries(set.value.split("\n").filter((l) => l.includes("=")).map((l) => {
          const [k, ...v] = l.split("=");
          const text = v.join("=").trim();
          return [k.trim(), text !== "" && !Number.isNaN(Number(text)) ? Number(text) : text === "true" ? true : text === "false" ? false : text];
        }));
        commit();
      });
      /** @type {HTMLElement} */ (row.querySelector(".remove")).addEventListener("click", () => { list.splice(i, 1); commit(); draw(); });
      box.append(row);
    });
    const add = document.createElement("button");
    add.type = "button";
    add.textContent = msg("addIntervention");
    add.addEventListener("click", () => { list.push({ at: 100, set: {} }); draw(); });
    box.append(add);
  };
  draw();
  return box;
}

/** A window's start and end days side by side: "days 60 to 240". */
function windowElement(/** @type {any} */ start, /** @type {any} */ end) {
  const div = document.createElement("div");
  div.className = "window";
  div.append(controlElement(start), controlElement(end));
  return div;
}

function renderControls() {
  const root = $("controls");
  root.innerHTML = "";
  let section = "";
  for (const g of state.groups) {
    const top = g.path.split(".")[0];
    if (top !== section) {
      section = top;
      const h = document.createElement("h2");
      h.textContent = msg(top);
      root.append(h);
    }
    const details = document.createElement("details");
    details.open = g.controls.some((/** @type {any} */ c) => state.edits.has(c.path));
    details.innerHTML = `<summary><span></span><span class="desc"></span></summary>`;
    details.querySelector("summary span").textContent = g.path.replace(/^(levers|behaviour)\./, "");
    details.querySelector(".desc").textContent = g.description;
    const start = g.controls.find((/** @type {any} */ c) => c.key === "startDay");
    const end = g.controls.find((/** @type {any} */ c) => c.key === "endDay");
    for (const c of g.controls) {
      if (start && end && c === start) details.append(windowElement(start, end));
      else if (start && end && c === end) continue;
      else details.append(controlElement(c));
    }
    root.append(details);
  }
}

async function chooseScenario(/** @type {string} */ id, /** @type {string[]} */ set) {
  const s = await api(`/api/scenario?id=${encodeURIComponent(id)}`);
  state.base = s.values;
  state.baseHorizon = s.horizonDays;
  state.edits = new Map();
  for (const entry of set) {
    const eq = entry.indexOf("=");
    if (eq > 0) state.edits.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  if (!input("days").value) input("days").value = String(s.horizonDays);
  renderControls();
  showEdits();
  writeUrl();
}

// ---- runs -------------------------------------------------------------------
function setRunning(/** @type {boolean} */ running) {
  /** @type {HTMLButtonElement} */ ($("run")).disabled = running;
  /** @type {HTMLButtonElement} */ ($("cancel")).disabled = !running;
}

async function startRun() {
  clearError();
  stopWatching();
  const body = {
    scenario: input("scenario").value, compare: input("compare").value, set: setEntries(), name: input("name").value || undefined,
    users: Number(input("users").value), days: Number(input("days").value) || undefined, reps: Number(input("reps").value), seed: Number(input("seed").value),
    window: input("window").value.trim() || undefined,
    lang: state.lang,
  };
  $("status").textContent = msg("starting");
  let run;
  try {
    run = await api("/api/runs", { method: "POST", body: JSON.stringify(body) });
  } catch (err) {
    $("status").textContent = "";
    showError(err);
    return;
  }
  state.runId = run.id;
  /** @type {HTMLButtonElement} */ ($("report")).disabled = true;
  setRunning(true);
  document.body.dataset.run = "running";
  watchRun(run.id);
}

/**
 * Follow a run's events in the page's language: its days, charts and paired
 * KPIs as they come, then its end. A finished run's stream sends its last
 * state at once, so switching the language redraws it in the other one.
 */
function watchRun(/** @type {string} */ id) {
  const events = new EventSource(`/api/runs/${id}/events?lang=${encodeURIComponent(state.lang)}`);
  state.events = events;
  events.addEventListener("progress", (e) => showProgress(JSON.parse(/** @type {MessageEvent} */ (e).data)));
  events.addEventListener("charts", (e) => queueCharts(JSON.parse(/** @type {MessageEvent} */ (e).data)));
  events.addEventListener("kpis", (e) => showKpis(JSON.parse(/** @type {MessageEvent} */ (e).data)));
  events.addEventListener("end", (e) => {
    const end = JSON.parse(/** @type {MessageEvent} */ (e).data);
    stopWatching();
    setRunning(false);
    $("status").textContent = end.status === "done" ? msg("finished", { seconds: end.seconds.toFixed(1) }) : end.status === "cancelled" ? msg("cancelled") : msg("failed", { error: end.error });
    if (end.status === "failed") showError(new Error(msg("failed", { error: end.error })));
    /** @type {HTMLButtonElement} */ ($("report")).disabled = end.status !== "done";
    document.body.dataset.run = end.status;
  });
  events.onerror = () => { if (state.events === events && events.readyState === EventSource.CLOSED) { stopWatching(); setRunning(false); } };
}

function stopWatching() {
  state.events?.close();
  state.events = null;
}

async function cancelRun() {
  const id = state.runId;
  stopWatching();
  setRunning(false);
  $("status").textContent = msg("cancelled");
  document.body.dataset.run = "cancelled";
  if (id) await api(`/api/runs/${id}`, { method: "DELETE" }).catch(() => undefined);
}

function showProgress(/** @type {any} */ p) {
  $("status").textContent = msg("progress", { percent: Math.floor((100 * p.daysDone) / Math.max(1, p.daysTotal)), pairs: p.pairs, reps: p.reps, seconds: p.seconds.toFixed(1) });
  $("status").dataset.daysDone = String(p.daysDone);
}

/** Charts that came while the last ones were drawing: only the newest is drawn next, so the page never falls behind the run. */
let pendingCharts = /** @type {any[] | null} */ (null);
let isDrawing = false;
function queueCharts(/** @type {any[]} */ charts) {
  pendingCharts = charts;
  if (isDrawing) return;
  isDrawing = true;
  void (async () => {
    while (pendingCharts) {
      const next = pendingCharts;
      pendingCharts = null;
      await drawCharts(next).catch(showError);
    }
    isDrawing = false;
  })();
}

async function drawCharts(/** @type {{name: string, spec: any}[]} */ charts) {
  const root = $("charts");
  for (const chart of charts) {
    let box = /** @type {HTMLElement | null} */ (root.querySelector(`[data-chart="${chart.name}"]`));
    if (!box) {
      box = document.createElement("div");
      box.className = "chart";
      box.dataset.chart = chart.name;
      root.append(box);
    }
    // draw off-screen, then swap: no blank frame between two updates
    const next = document.createElement("div");
    const result = await vegaEmbed(next, chart.spec, { actions: { export: true, source: false, compiled: false, editor: false }, renderer: "svg" });
    state.views.get(chart.name)?.finalize();
    state.views.set(chart.name, result.view);
    box.replaceChildren(next);
    box.dataset.updates = String(Number(box.dataset.updates ?? 0) + 1);
  }
}

function showKpis(/** @type {any} */ k) {
  const section = $("kpis");
  section.hidden = false;
  $("kpi-note").textContent = msg("differenceNote", { pairs: k.pairs });
  const body = /** @type {HTMLElement} */ (section.querySelector("tbody"));
  body.innerHTML = "";
  for (const r of k.rows) {
    const tr = document.createElement("tr");
    tr.dataset.kpi = r.key;
    if (r.isClear) tr.className = "clear";
    for (const [text, cls] of [[r.label, ""], [r.scenario, "num"], [r.compare, "num"], [r.difference, "num"], [r.interval, "num"]]) {
      const td = document.createElement("td");
      td.textContent = text;
      if (cls) td.className = cls;
      tr.append(td);
    }
    body.append(tr);
  }
  section.dataset.pairs = String(k.pairs);
}

// ---- save and report ----------------------------------------------------------
function openSave() {
  const base = state.scenarios.find((s) => s.id === input("scenario").value);
  const name = input("name").value || `${base?.name ?? "scenario"}-edited`;
  input("save-name").value = name;
  input("save-file").value = `${name}.yaml`;
  // the diff against the scenario it extends: each edit with the value it replaces
  $("save-preview").textContent = state.edits.size ? [...state.edits].map(([path, text]) => `${path}: ${valueText(state.base[path])} → ${text}`).join("\n") : msg("noEdits");
  $("save-result").textContent = "";
  /** @type {HTMLDialogElement} */ ($("save-dialog")).showModal();
}

async function save(/** @type {Event} */ e) {
  e.preventDefault();
  const body = { base: input("scenario").value, set: setEntries(), name: input("save-name").value, file: input("save-file").value, overwrite: input("save-overwrite").checked };
  try {
    const r = await api("/api/save", { method: "POST", body: JSON.stringify(body) });
    $("save-preview").textContent = r.yaml;
    $("save-result").textContent = msg("saved", { file: r.file });
    const scenarios = await api("/api/scenarios");
    state.scenarios = scenarios;
    fillScenarioLists(input("scenario").value, input("compare").value);
  } catch (err) {
    $("save-result").textContent = `${/** @type {any} */ (err).message}${/** @type {any} */ (err).details?.length ? `: ${/** @type {any} */ (err).details.join("; ")}` : ""}`;
  }
}

async function writeReport() {
  if (!state.runId) return;
  try {
    const r = await api(`/api/runs/${state.runId}/report`, { method: "POST", body: JSON.stringify({ lang: state.lang }) });
    $("status").innerHTML = "";
    const a = document.createElement("a");
    a.href = r.url;
    a.target = "_blank";
    a.textContent = msg("openReport");
    $("status").append(`${msg("reportWritten", { folder: r.folder })} `, a);
  } catch (err) {
    showError(err);
  }
}

// ---- start --------------------------------------------------------------------
function fillScenarioLists(/** @type {string} */ scenario, /** @type {string} */ compare) {
  for (const [id, chosen] of [["scenario", scenario], ["compare", compare]]) {
    const sel = /** @type {HTMLSelectElement} */ ($(id));
    sel.innerHTML = "";
    for (const s of state.scenarios) sel.append(new Option(`${s.name} (${s.id})`, s.id, false, s.id === chosen));
  }
}

async function start() {
  const url = readUrl();
  const [messages, groups, scenarios, meta] = await Promise.all([api("/api/messages"), api("/api/controls"), api("/api/scenarios"), api("/api/meta")]);
  // the address's language, else the one sim serve --lang gave, else the browser's
  state.lang = url.lang ?? meta.lang ?? (navigator.language.startsWith("zh") ? "zh-CN" : "en");
  state.messages = messages;
  state.groups = groups;
  state.scenarios = scenarios;
  state.dir = meta.dir;
  input("lang").value = state.lang;
  applyWords();
  fillScenarioLists(url.scenario, url.compare);
  input("name").value = url.name;
  input("users").value = String(url.users);
  input("users").max = String(meta.maxUsers);
  if (url.days) input("days").value = String(url.days);
  input("reps").value = String(url.reps);
  input("seed").value = String(url.seed);
  input("window").value = url.window;
  $("status").textContent = msg("idle");
  showEdits();
  try {
    await chooseScenario(url.scenario, url.set);
  } catch (err) {
    showError(err);
  }

  input("scenario").addEventListener("change", () => { input("days").value = ""; void chooseScenario(input("scenario").value, []).catch(showError); });
  for (const id of ["compare", "name", "users", "days", "reps", "seed", "window"]) input(id).addEventListener("change", writeUrl);
  input("lang").addEventListener("change", () => {
    state.lang = input("lang").value;
    applyWords();
    renderControls();
    showEdits();
    writeUrl();
    // the last finished run's charts and table, redrawn in the new language
    if (state.runId && !state.events && document.body.dataset.run === "done") watchRun(state.runId);
  });
  $("run").addEventListener("click", () => void startRun());
  $("cancel").addEventListener("click", () => void cancelRun());
  $("reset").addEventListener("click", () => { state.edits.clear(); renderControls(); showEdits(); writeUrl(); });
  $("save").addEventListener("click", openSave);
  $("save-go").addEventListener("click", (e) => void save(e));
  $("report").addEventListener("click", () => void writeReport());
  document.body.dataset.ready = "true";
}

void start();
