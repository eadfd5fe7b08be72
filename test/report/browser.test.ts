/**
 * The pages as a person sees them: Debian's chromium, headless, opens a real
 * run's index.html and a comparison page from file://, finds every chart drawn
 * and the KPI table, no console error, and no request leaving the machine.
 * Saves full-page screenshots to docs/images/ for the README.
 */
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReport } from "../../sim/report/read-report.js";
import { writeComparison } from "../../sim/report/write-comparison.js";
import { isBuilt, ROOT, sim, tempDir, removeTempDirs } from "./helpers.js";
import { hasChromium, launchChromium } from "../helpers/chromium.js";


interface Visit {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}


describe.runIf(isBuilt() && hasChromium())("report pages in a browser", () => {
  let browser: Browser;
  let reportPage: string;
  let reportPageZh: string;
  let comparePage: string;

  beforeAll(async () => {
    const out = tempDir("browser");
    const common = ["--users", "5000", "--days", "90", "--reps", "3", "--out", out, "--quiet"];
    for (const [name, set] of [["baseline", []], ["heavier-feed", ["--set", "levers.commercialLoad=0.35"]]] as const) {
      const r = sim(["run", "scenarios/baseline.yaml", ...common, "--set", `name=${name}`, ...set]);
      if (r.status !== 0) throw new Error(`sim run failed: ${r.stderr}`);
    }
    reportPage = join(out, "baseline", "index.html");
    // the same run's page in Chinese, rebuilt from its tables
    cpSync(join(out, "baseline"), join(out, "baseline-zh"), { recursive: true });
    const zh = sim(["report", join(out, "baseline-zh"), "--lang", "zh-CN"]);
    if (zh.status !== 0) throw new Error(`sim report --lang zh-CN failed: ${zh.stderr}`);
    reportPageZh = join(out, "baseline-zh", "index.html");
    const result = await writeComparison([readReport(join(out, "baseline")), readReport(join(out, "heavier-feed"))], join(out, "compare"));
    comparePage = join(result.outDir, "index.html");
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    removeTempDirs();
  });

  async function visit(file: string): Promise<Visit> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return { page, consoleErrors, requests };
  }

  /** Data marks per chart: paths, lines and rects inside vega's mark groups (axes and legends are other roles). */
  async function marksPerChart(page: Page): Promise<Record<string, number>> {
    return page.$$eval("figure", (figures) =>
      Object.fromEntries(
        figures.map((f) => [f.id, f.querySelectorAll(".chart svg .role-mark path, .chart svg .role-mark line, .chart svg .role-mark rect").length]),
      ),
    );
  }

  async function check(v: Visit, expectedCharts: string[], screenshot: string) {
    const marks = await marksPerChart(v.page);
    expect(Object.keys(marks)).toEqual(expectedCharts);
    for (const [chart, n] of Object.entries(marks)) expect(n, chart).toBeGreaterThan(0);
    const box = await v.page.locator("figure svg").first().boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    const kpiRows = await v.page.locator("table.kpis tbody tr").count();
    expect(kpiRows).toBeGreaterThan(5);
    expect(v.consoleErrors).toEqual([]);
    expect(v.requests.length).toBeGreaterThan(0);
    for (const url of v.requests) expect(url).toMatch(/^(file|data):/);
    mkdirSync(join(ROOT, "docs/images"), { recursive: true });
    await v.page.screenshot({ path: join(ROOT, "docs/images", screenshot), fullPage: true });
    await v.page.close();
  }

  it("a report page draws every chart and the KPI table, offline", async () => {
    const v = await visit(reportPage);
    expect(await v.page.locator("h1").count()).toBe(1);
    await check(
      v,
      ["gmv-daily", "gmv-by-channel", "demand-sources", "new-users", "merchant-growth", "merchant-sizes", "repurchase", "tier-share", "creator-tiers", "trust-nps", "user-experience", "paid-traffic", "platform-economics", "subsidy-vs-gmv", "follower-ccdf"],
      "report.png",
    );
  });

  it("the same report in Chinese draws every chart, in Chinese", async () => {
    const v = await visit(reportPageZh);
    expect(await v.page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await v.page.textContent("h2#kpis")).toMatch(/[\u4e00-\u9fff]/);
    await check(
      v,
      ["gmv-daily", "gmv-by-channel", "demand-sources", "new-users", "merchant-growth", "merchant-sizes", "repurchase", "tier-share", "creator-tiers", "trust-nps", "user-experience", "paid-traffic", "platform-economics", "subsidy-vs-gmv", "follower-ccdf"],
      "report-zh.png",
    );
  });

  it("a comparison page draws every chart and the KPI differences, offline", async () => {
    const v = await visit(comparePage);
    await check(v, ["kpi-forest", "compare-gmv", "compare-repurchase", "compare-merchants", "compare-demand"], "compare.png");
  });
});
