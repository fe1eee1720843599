// An employer's first click on a shared link, in a browser that has never
// seen the site: navigation start → the verdict on the page, for
// `/verify?url=<the eddsa-rdfc-2022 demo badge>` (it has a status list, so the
// worker fetches twice). Each run is a fresh browser context: no HTTP cache,
// no service worker. Headless Chromium, the release build in dist/.
//   scripts/dist && node scripts/bench-cold-verify.mjs [--runs 7]
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium, startServer } from "./bench-browser.mjs";

const PORT = 4194;
const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 7;
const BASE = `http://127.0.0.1:${PORT}`;

// The demo badges, issued again with their status list under this port.
const fixtures = mkdtempSync(join(tmpdir(), "bench-cold-verify-"));
const made = spawnSync("scripts/demo-badges", ["--local", join(fixtures, "local"), `${BASE}/__fixtures__/local`], { stdio: "inherit" });
if (made.status !== 0) process.exit(1);
const server = await startServer(PORT, fixtures);
const browser = await launchChromium();
const badge = `${BASE}/__fixtures__/local/badges/health-data-foundations.json`;
const times = [];
const verdicts = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    // When the verdict's heading first appears, in the page's own clock
    // (milliseconds since navigation start).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.getElementById("verdict-title")) {
          window.__verdictAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${BASE}/verify?url=${encodeURIComponent(badge)}`);
    await page.waitForSelector("#verdict-title", { timeout: 30000 });
    times.push(await page.evaluate(() => window.__verdictAt));
    verdicts.push(await page.locator("#verdict-title").textContent());
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`cold /verify?url=…: median ${Math.round(sorted[sorted.length >> 1])} ms over ${RUNS} runs (${times.map(Math.round).join(", ")} ms); verdicts: ${[...new Set(verdicts)].join(", ")}`);
