/**
 * The sandbox's server, safe by default: it binds to 127.0.0.1, answers bad
 * input with a 4xx and a message while it keeps running, never reads or
 * writes outside --dir, bounds the runs of all tabs, and cancels a run whose
 * page went away. A real `sim serve` answers real HTTP requests here.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isBuilt, removeTempDirs, sim, tempDir } from "../report/helpers.js";
import { post, serve, type Served } from "./server.js";

const SMALL = { scenario: "shipped/baseline.yaml", users: 2000, days: 30, reps: 2 };

describe.runIf(isBuilt())("sim serve", () => {
  let server: Served;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir("serve-api");
    server = await serve(["--dir", dir, "--max-runs", "1", "--threads", "1"]);
  });
  afterAll(async () => {
    await server?.stop();
    removeTempDirs();
  });

  it("binds to 127.0.0.1 by default and serves the page and the chart libraries itself", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // every file the page loads is the server's own (the icon is an inline empty one)
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((s) => !s.startsWith("data:"));
    expect(sources.length).toBeGreaterThan(3);
    for (const s of sources) {
      expect(s.startsWith("/"), s).toBe(true);
      expect((await fetch(`${server.url}${s}`)).status, s).toBe(200);
    }
  });

  it("generates a control for every lever from the schema, with range and unit", async () => {
    const groups = (await (await fetch(`${server.url}/api/controls`)).json()) as { path: string; controls: { path: string; kind: string; min?: number; max?: number; unit: string; isSlider: boolean }[] }[];
    const controls = groups.flatMap((g) => g.controls);
    const rate = controls.find((c) => c.path === "levers.consumerSubsidy.rate")!;
    expect(rate).toMatchObject({ kind: "number", min: 0, max: 1, unit: "share of price", isSlider: true });
    expect(controls.find((c) => c.path === "interventions")?.kind).toBe("list");
    expect(groups.some((g) => g.path.startsWith("behaviour."))).toBe(true);
    // every lever the schema has is a control
    const leverPaths = new Set(controls.filter((c) => c.path.startsWith("levers.")).map((c) => c.path));
    for (const p of ["levers.takeRate", "levers.paidTraffic.share", "levers.trafficSubsidy.budgetImpressions", "levers.feeRelief.startDay"]) expect(leverPaths.has(p), p).toBe(true);
  });

  it("answers bad edits with 400 and every problem, and keeps running", async () => {
    const bad = await post(`${server.url}/api/runs`, { ...SMALL, set: ["levers.consumerSubsidy.rate=10%", "levers.bogus=1"] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.join("\n")).toMatch(/10% is 0\.1/);
    expect(bad.body.details.join("\n")).toMatch(/unknown parameter 'levers\.bogus'/);
    const badBody = await post(`${server.url}/api/runs`, { ...SMALL, reps: 0 });
    expect(badBody.status).toBe(400);
    expect(badBody.body.details.join("\n")).toMatch(/reps/);
    const missing = await post(`${server.url}/api/runs`, { ...SMALL, scenario: "../../etc/passwd" });
    expect(missing.status).toBe(404);
    const json = await fetch(`${server.url}/api/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(json.status).toBe(400);
    expect((await fetch(`${server.url}/api/scenarios`)).status).toBe(200);
  });

  it("never writes outside --dir, and saves only what validates", async () => {
    for (const file of ["../evil.yaml", "sub/evil.yaml", "/tmp/evil.yaml", "evil.txt"]) {
      const r = await post(`${server.url}/api/save`, { base: "shipped/baseline.yaml", set: [], name: "evil", file });
      expect(r.status, file).toBe(400);
    }
    expect(existsSync(join(dir, "..", "evil.yaml"))).toBe(false);
    const invalid = await post(`${server.url}/api/save`, { base: "shipped/baseline.yaml", set: ["levers.takeRate=2"], name: "bad", file: "bad.yaml" });
    expect(invalid.status).toBe(400);
    expect(readdirSync(dir).filter((f) => f.endsWith(".yaml"))).toEqual([]);
    const ok = await post(`${server.url}/api/save`, { base: "shipped/baseline.yaml", set: ["levers.takeRate=0.06"], name: "higher-take", file: "higher-take.yaml" });
    expect(ok.status).toBe(200);
    expect(ok.body.differences).toEqual([{ path: "levers.takeRate", value: 0.06, baseline: 0.05 }]);
    expect(sim(["validate", join(dir, "higher-take.yaml")]).status).toBe(0);
    expect(readFileSync(join(dir, "higher-take.yaml"), "utf8")).toMatch(/extends: .*scenarios\/baseline\.yaml/);
    const again = await post(`${server.url}/api/save`, { base: "shipped/baseline.yaml", set: [], name: "higher-take", file: "higher-take.yaml" });
    expect(again.status).toBe(409);
    // the saved file is offered as a scenario of the folder
    const list = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { id: string }[];
    expect(list.map((s) => s.id)).toContain("dir/higher-take.yaml");
  });

  it("bounds the runs of all tabs, and cancels a run whose page went away", async () => {
    const first = await post(`${server.url}/api/runs`, { ...SMALL, users: 20000, days: 365 });
    expect(first.status).toBe(201);
    const second = await post(`${server.url}/api/runs`, SMALL);
    expect(second.status).toBe(429);
    expect(second.body.error).toMatch(/max-runs/);
    // a page opens the run's events, then goes away
    const abort = new AbortController();
    const events = await fetch(`${server.url}/api/runs/${first.body.id}/events`, { signal: abort.signal });
    const reader = events.body!.getReader();
    await reader.read();
    abort.abort();
    let status = "running";
    for (let i = 0; i < 50 && status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = ((await (await fetch(`${server.url}/api/runs/${first.body.id}`)).json()) as { status: string }).status;
    }
    expect(status).toBe("cancelled");
    // the slot is free again
    const third = await post(`${server.url}/api/runs`, SMALL);
    expect(third.status).toBe(201);
    await fetch(`${server.url}/api/runs/${third.body.id}`, { method: "DELETE" });
  });

  it("streams a run to its end, with the paired KPIs during and after a window", async () => {
    const bad = await post(`${server.url}/api/runs`, { ...SMALL, window: "20-10" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/window: 20-10: expected START:END/);
    const run = await post(`${server.url}/api/runs`, { ...SMALL, set: ["levers.takeRate=0.07"], window: "10:19" });
    expect(run.status).toBe(201);
    const text = await (await fetch(`${server.url}/api/runs/${run.body.id}/events`)).text();
    const events = text.split("\n\n").filter(Boolean).map((b) => ({ event: /^event: (.*)$/m.exec(b)![1], data: JSON.parse(/^data: (.*)$/m.exec(b)![1]) }));
    expect(events.at(-1)).toMatchObject({ event: "end", data: { status: "done" } });
    // charts came while days were still missing, and the progress grew to all days
    const progress = events.filter((e) => e.event === "progress").map((e) => e.data.daysDone as number);
    expect(progress.at(-1)).toBe(2 * 2 * 30);
    const kpis = events.filter((e) => e.event === "kpis").at(-1)!.data as { pairs: number; rows: { key: string; difference: string; interval: string }[] };
    expect(kpis.pairs).toBe(2);
    const keys = kpis.rows.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(["gmv_total", "platform_net", "gmv_per_day_window", "platform_net_after_window"]));
    // a higher take rate: the platform's net is higher than the baseline's on every seed pair
    expect(kpis.rows.find((r) => r.key === "platform_net")!.difference).toMatch(/^\+/);
  });

  it("refuses a folder that does not exist and a port in use, with exit 2", async () => {
    const noDir = sim(["serve", "--dir", join(dir, "nope"), "--port", "0"]);
    expect(noDir.status).toBe(2);
    expect(noDir.stderr).toMatch(/--dir .*nope: no such folder/);
    const port = new URL(server.url).port;
    const busy = sim(["serve", "--dir", dir, "--port", port]);
    expect(busy.status).toBe(2);
    expect(busy.stderr).toMatch(new RegExp(`port ${port} is in use`));
  });
});
