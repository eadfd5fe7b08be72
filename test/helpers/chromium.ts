/**
 * Debian's chromium for the browser tests, headless and quiet: without the
 * background-networking flags it tries to reach Google's hosts at every start,
 * which a closed network refuses. Where it is missing the tests say so and
 * skip, unless CI requires it (SIM_REQUIRE_CHROMIUM).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { systemToolAvailable } from "./system-tool.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function hasChromium(): boolean {
  return systemToolAvailable({ what: "chromium (browser)", present: existsSync(CHROMIUM), install: "apt-get install chromium; .ci/run installs it", requiredBy: "SIM_REQUIRE_CHROMIUM" });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
