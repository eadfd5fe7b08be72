/**
 * The sandbox as a strategist uses it, in Debian's chromium: open it, move the
 * consumer subsidy rate, see the page refuse the edit until the programme has
 * a budget, run at 20,000 users, see the charts redraw while the run goes on,
 * see the paired difference, save the YAML (which `sim validate` accepts) and
 * write the report folder; every request stays on the server. Screenshots in
 * English and Chinese go to docs/images/ for the README.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../helpers/chromium.js";
import { isBuilt, removeTempDirs, ROOT, sim, tempDir } from "../report/helpers.js";
import { serve, type Served } from "./server.js";


describe.runIf(isBuilt() && hasChromium())("the sandbox in a browser", () => {
  let browser: Browser;
  let server: Served;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir("sandbox");
    server = await serve(["--dir", dir]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeTempDirs();
  });

  it("moves a lever, runs at 20k users with live charts and the paired difference, saves a valid YAML", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${server.url}/?users=20000&reps=2&days=200&lang=en`);
    await page.waitForSelector("body[data-ready=true]");

    // move the consumer subsidy rate (its group opens), then run: the programme has no budget yet
    await page.locator("details", { has: page.locator('[data-path="levers.consumerSubsidy.rate"]') }).locator("summary").click();
    await page.locator('input[type=range][aria-label="levers.consumerSubsidy.rate"]').fill("0.15");
    expect(page.url()).toContain(`set=${encodeURIComponent("levers.consumerSubsidy.rate=0.15")}`);
    await page.click("#run");
    await page.waitForSelector("#message:not([hidden])");
    expect(await page.textContent("#message")).toMatch(/consumerSubsidy\.totalBudgetRmb/);

    await page.fill('input[name="levers.consumerSubsidy.totalBudgetRmb"]', "3000000000");
    await page.locator('input[name="levers.consumerSubsidy.totalBudgetRmb"]').dispatchEvent("change");
    const pressed = Date.now();
    await page.click("#run");
    // the charts draw while the run goes on: an update with some, not all, of the days done
    const firstChart = await page.waitForFunction(() => {
      const box = document.querySelector('[data-chart="overlay"]') as HTMLElement | null;
      const done = Number(document.getElementById("status")!.dataset.daysDone ?? 0);
      return box && Number(box.dataset.updates ?? 0) >= 2 && done > 0 && document.body.dataset.run === "running" ? done : false;
    }, undefined, { polling: 50, timeout: 60_000 });
    const firstChartMs = Date.now() - pressed;
    expect(await firstChart.jsonValue()).toBeGreaterThan(0);
    const updatesWhileRunning = Number(await page.getAttribute('[data-chart="overlay"]', "data-updates"));
    await page.waitForSelector("body[data-run=done]", { timeout: 240_000 });
    const finishedMs = Date.now() - pressed;
    process.stderr.write(`sandbox, 20,000 users x 200 days, 2 replications of 2 scenarios: first chart ${firstChartMs} ms, finished ${finishedMs} ms\n`);
    expect(Number(await page.getAttribute('[data-chart="overlay"]', "data-updates"))).toBeGreaterThan(updatesWhileRunning);
    expect(await page.locator('[data-chart="overlay"] svg .role-mark path').count()).toBeGreaterThan(0);

    // the paired difference over both replication pairs, with intervals
    expect(await page.getAttribute("#kpis", "data-pairs")).toBe("2");
    const subsidyRow = await page.locator('#kpis tr[data-kpi="subsidy_all_rmb_total"] td').allTextContents();
    expect(subsidyRow[3]).toMatch(/^\+/);
    expect(subsidyRow[4]).toMatch(/ to /);
    await page.screenshot({ path: screenshot("sandbox.png"), fullPage: false });

    // the same page in Chinese, from the language switch
    const drawn = Number(await page.getAttribute('[data-chart="overlay"]', "data-updates"));
    await page.selectOption("#lang", "zh-CN");
    expect(await page.textContent("#run")).toBe("运行");
    expect(page.url()).toContain("lang=zh-CN");
    // the finished run's charts and table come again, in Chinese
    await page.waitForFunction((n) => Number(document.querySelector('[data-chart="overlay"]')!.getAttribute("data-updates")) > n, drawn);
    await page.waitForFunction(() => /配对|差异/.test(document.querySelector("#kpis h2")!.textContent ?? "") && /万|亿/.test(document.querySelector('#kpis tr[data-kpi="gmv_total"]')!.textContent ?? ""));
    expect(await page.textContent('[data-chart="overlay"]')).toMatch(/运行天数/);
    await page.screenshot({ path: screenshot("sandbox-zh.png"), fullPage: false });
    await page.selectOption("#lang", "en");

    // save as YAML into --dir; sim validate accepts it
    await page.click("#save");
    await page.fill("#save-file", "subsidy-15.yaml");
    await page.fill("#save-name", "subsidy-15");
    await page.click("#save-go");
    await page.waitForFunction(() => /Saved/.test(document.getElementById("save-result")!.textContent ?? ""));
    const file = join(dir, "subsidy-15.yaml");
    expect(sim(["validate", file]).status).toBe(0);
    const yaml = readFileSync(file, "utf8");
    expect(yaml).toMatch(/consumerSubsidy:\s+rate: 0\.15\s+totalBudgetRmb: 3000000000/);
    await page.click('#save-form button[value="close"]');

    // the report folder, as sim run writes it
    await page.click("#report");
    await page.waitForSelector("#status a");
    expect(existsSync(join(dir, "reports", "baseline-edited", "index.html"))).toBe(true);
    // its manifest says how to repeat the run from the command line
    const manifest = JSON.parse(readFileSync(join(dir, "reports", "baseline-edited", "manifest.json"), "utf8")) as { commandLine: string };
    expect(manifest.commandLine).toMatch(/^sim run \S+baseline\.yaml --set levers\.consumerSubsidy\.rate=0\.15 --set levers\.consumerSubsidy\.totalBudgetRmb=3000000000 --set name=baseline-edited --users 20000 --days 200 --reps 2 --seed 1$/);

    // interventions are a list of rows: add one that halves the paid share from day 100
    await page.locator("details", { has: page.locator('[data-path="interventions"]') }).locator("summary").click();
    await page.click(".interventions > button");
    await page.fill(".intervention .set", "levers.paidTraffic.share=0.06");
    await page.locator(".intervention .set").dispatchEvent("change");
    const entry = new URL(page.url()).searchParams.getAll("set").find((s) => s.startsWith("interventions="));
    expect(JSON.parse(entry!.slice("interventions=".length))).toEqual([{ at: 100, set: { "levers.paidTraffic.share": 0.06 } }]);

    // the URL carries the state: a colleague opening it gets the same edits
    const colleague = await browser.newPage();
    await colleague.goto(page.url());
    await colleague.waitForSelector("body[data-ready=true]");
    expect(await colleague.inputValue('input[name="levers.consumerSubsidy.rate"]')).toBe("0.15");
    expect(await colleague.inputValue("#users")).toBe("20000");
    await colleague.close();

    // the refused run's 400 is the browser's only complaint: it logs every failed request
    expect(errors).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    const origin = new URL(server.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:"))).toEqual([]);
  });
});

function screenshot(name: string): string {
  const folder = join(ROOT, "docs", "images");
  mkdirSync(folder, { recursive: true });
  return join(folder, name);
}
