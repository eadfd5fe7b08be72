/**
 * Every page states the platform it simulates and what one simulated agent
 * stands for, and a comparison sets side by side only runs of one platform:
 * runs of different platforms are refused, runs of one platform at different
 * sample sizes are compared unpaired (Welch only), and an older folder without
 * a recorded resolution falls back to its scale factor and says what is unknown.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolutionText } from "../../sim/scenario/resolution.js";
import { compareReports, pairing } from "../../sim/report/compare.js";
import { comparePage } from "../../sim/report/compare-page.js";
import { escapeHtml } from "../../sim/report/html.js";
import { reportPage } from "../../sim/report/page.js";
import { readReport, type ReportData } from "../../sim/report/read-report.js";
import { reportCharts } from "../../sim/report/report-charts.js";
import { NotComparableError } from "../../sim/report/same-platform.js";
import { comparisonCharts, distinctRuns } from "../../sim/report/write-comparison.js";
import { makeReportFixture, type FixtureOptions } from "../fixtures/make-report-fixture.js";
import { removeTempDirs, tempDir } from "./helpers.js";

function subtitles(spec: unknown): string[] {
  return (spec as { title: { subtitle: string[] } }).title.subtitle;
}

/** The comparison page of `reports` (reports[0] the baseline), without rendering the charts. */
function pageOf(reports: ReportData[]): string {
  const runs = distinctRuns(reports);
  const comparison = compareReports(runs[0], runs.slice(1));
  return comparePage(comparison, runs.map((report) => ({ report, href: "x/index.html" })), comparisonCharts(runs, comparison), new Map());
}

describe("resolution on pages and in comparisons", () => {
  afterAll(removeTempDirs);
  let dir: string;
  const fixture = (o: FixtureOptions) => readReport(makeReportFixture(dir, o));
  let base: ReportData;
  beforeAll(() => {
    dir = tempDir("resolution");
    base = fixture({ name: "baseline" });
  });

  it("reads the resolution and the platform a run recorded", () => {
    const r = base.meta.resolution!;
    expect(r).toMatchObject({ platformUsers: 2_000_000, users: 10_000, userScale: 200 });
    expect(base.meta.scaleFactor).toBe(r.userScale);
    expect(base.meta.platform.users).toBe(2_000_000);
    expect(base.meta.platform.creators).toBeCloseTo(12_000, 6);
    expect(base.meta.platform.merchants).toBeCloseTo(50_000, 6);
  });

  it("an older folder falls back to its scale factor and leaves creators and merchants unknown", () => {
    const old = fixture({ name: "old", withoutResolution: true });
    expect(old.meta.resolution).toBeNull();
    expect(old.meta.scaleFactor).toBe(200);
    expect(old.meta.platform.users).toBe(2_000_000); // population.users × scaleFactor, as the old model meant
    expect(old.meta.platform.creators).toBeNaN();
    const html = reportPage(old, [], new Map());
    expect(html).toContain("A platform of 2,000,000 users at day 0: one simulated user stands for 200 users.");
    expect(html).toMatch(/What one simulated creator or merchant stands for is unknown/);
    for (const c of reportCharts(old)) expect(subtitles(c.spec).join("\n"), c.name).toMatch(/creator and merchant scales unknown/);
  });

  it("the run page states the platform in the model's own words, and every chart subtitle says it", () => {
    const html = reportPage(base, [], new Map());
    expect(html).toContain(escapeHtml(resolutionText(base.meta.resolution!)));
    expect(html).not.toMatch(/simulated sample ×/);
    for (const c of reportCharts(base)) {
      const lines = subtitles(c.spec);
      expect(lines[0], c.name).toMatch(/^Scenario baseline · 3 replications · seeds 1–3 · 60 days$/);
      expect(lines[1], c.name).toBe("Platform: 2M users at day 0 · sample: 10k users, 60 creators, 1k merchants");
      expect(lines[2], c.name).toMatch(/^One simulated user stands for 200 users, creator 200, merchant 50, follow 100 followers$/);
    }
  });

  it("refuses runs of different platforms, naming what differs", () => {
    const bigger = fixture({ name: "bigger", platformUsers: 6_000_000, users: 30_000 });
    const moreMerchants = fixture({ name: "more-merchants", platformMerchants: 80_000 });
    const longer = fixture({ name: "longer", days: 90 });
    expect(() => compareReports(base, [bigger])).toThrow(NotComparableError);
    expect(() => compareReports(base, [bigger])).toThrow(/platform users differ \(2,000,000 and 6,000,000 at day 0\)/);
    expect(() => compareReports(base, [moreMerchants])).toThrow(/platform merchants differ \(50,000 and 80,000 at day 0\)/);
    expect(() => compareReports(base, [longer])).toThrow(/horizons differ \(60 and 90 days\)/);
    try {
      compareReports(base, [bigger, longer]);
    } catch (err) {
      expect((err as NotComparableError).problems).toHaveLength(2);
    }
  });

  it("refuses older runs at 3,000 and 10,000 users, which were platforms of different sizes", () => {
    const small = fixture({ name: "old-3k", withoutResolution: true, users: 3_000, platformUsers: 600_000 });
    const large = fixture({ name: "old-10k", withoutResolution: true, users: 10_000, platformUsers: 2_000_000 });
    expect(small.meta.scaleFactor).toBe(large.meta.scaleFactor);
    expect(() => compareReports(small, [large])).toThrow(/platform users differ \(600,000 and 2,000,000/);
  });

  it("compares one platform at different sample sizes unpaired, Welch only, and says so", () => {
    const finer = fixture({ name: "finer", users: 30_000 });
    const p = pairing(base, finer);
    expect(p.isPaired).toBe(false);
    expect(p.sampleDifference).toMatch(/10,000 and 30,000 simulated users/);
    const c = compareReports(base, [finer]);
    expect(c.rows.every((r) => !r.isPaired && r.reading === "welch" && r.readingReason === "the runs do not pair")).toBe(true);
    const html = pageOf([base, finer]);
    expect(html).toContain("One platform, different sample sizes");
    expect(html).toMatch(/<strong>not paired<\/strong>/);
    expect(html).toContain(escapeHtml(resolutionText(finer.meta.resolution!)));
    const note = subtitles(comparisonCharts(distinctRuns([base, finer]), c)[0].spec)[1];
    expect(note).toBe("Platform: 2M users at day 0 · samples differ (10k / 30k users): unpaired, Welch intervals only");
  });

  it("the comparison page and its charts state the platform the runs share", () => {
    const lifted = fixture({ name: "lifted", gmvLift: 0.05 });
    const html = pageOf([base, lifted]);
    expect(html).toContain(escapeHtml(resolutionText(base.meta.resolution!)));
    expect(html).toMatch(/Every run here simulates this platform over 60 days/);
    const runs = distinctRuns([base, lifted]);
    for (const c of comparisonCharts(runs, compareReports(runs[0], runs.slice(1)))) {
      expect(subtitles(c.spec)[1], c.name).toBe("Platform: 2M users at day 0 · sample: 10k users, 60 creators, 1k merchants");
    }
  });
});
