// The wallet with 1,000 badges in headless Chromium (DESIGN.md: open to first
// paint ≤ 200 ms; re-verify all ≤ 1.5 s with no main-thread task over 50 ms).
//
// 1. Issues N distinct badges with the CLI and the demo test key (a third each
//    eddsa-rdfc-2022, eddsa-jcs-2022 and VC-JWT; each with the demo status
//    list entry, so every check fetches it), and writes them as one wallet
//    backup file.
// 2. Serves dist/ with the local fixture catalog, restores the backup through
//    the page's file input (each badge verified in the worker and saved).
// 3. Reloads /wallet RUNS times: navigation start → first badge card painted.
// 4. Clicks "Check all again" RUNS times: click → the button is enabled again,
//    with the longest main-thread task seen (PerformanceObserver "longtask").
//
//   scripts/dist && node scripts/bench-wallet.mjs [--badges 1000] [--runs 3]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium, startServer } from "./bench-browser.mjs";

const arg = (name, fallback) => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const N = arg("--badges", 1000);
const RUNS = arg("--runs", 3);
const port = 4193;
const base = `http://127.0.0.1:${port}/__fixtures__/local`;

// 1. The badges, and fixtures (catalog, status list) for this port.
execFileSync("cargo", ["build", "--quiet", "--bin", "microcred"], { stdio: "inherit" });
const work = mkdtempSync(join(tmpdir(), "bench-wallet-"));
execFileSync("scripts/demo-badges", ["--local", join(work, "fixtures", "local"), base], { stdio: "inherit" });
const template = JSON.parse(readFileSync("tests/badges/templates/health-data-foundations.json", "utf8").replaceAll("https://kestrel.example/status/", `${base}/status/`));
const formats = ["eddsa-rdfc-2022", "eddsa-jcs-2022", "vc-jwt"];
const items = [];
const started = Date.now();
for (let i = 0; i < N; i++) {
  const credential = { ...template, id: `https://badges.kestrel.example/credentials/bench-${i}` };
  const input = join(work, "in.json");
  const out = join(work, `b${i}`);
  writeFileSync(input, JSON.stringify(credential));
  const format = formats[i % 3];
  execFileSync("target/debug/microcred", [
    "issue", "--key", "tests/keys/demo-issuer-2024.ed25519.pem",
    "--key-id", "https://kestrel.example/issuers/microcredentials#key-2024",
    "--format", format, "--created", "2026-06-30T09:00:00Z", "--out", out, input,
  ]);
  items.push({ file: `bench-${i}.${format === "vc-jwt" ? "jwt" : "json"}`, source: null, added: "2026-11-30T00:00:00Z", original: readFileSync(out).toString("base64") });
}
const backup = JSON.stringify({ format: "microcred-wallet-backup", version: 1, exported: "2026-11-30T00:00:00Z", badges: items });
console.error(`issued ${N} badges in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// 2. The page.
const server = await startServer(port, join(work, "fixtures"));
const browser = await launchChromium();
const context = await browser.newContext();
await context.addCookies([{ name: "fixture", value: "local", url: `http://127.0.0.1:${port}` }]);
await context.addInitScript(() => {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: "longtask", buffered: true });
  // The page's heading (its code has loaded and mounted), then the first
  // badge card in the DOM, then painted (the next frame).
  new MutationObserver((_, observer) => {
    if (document.querySelector("main h1")?.textContent === "Your wallet") {
      observer.disconnect();
      window.__mounted = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector("#wallet-badges > li")) {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (window.__firstCard = performance.now()), 0));
    }
  }).observe(document, { childList: true, subtree: true });
});
const page = await context.newPage();
await page.goto(`http://127.0.0.1:${port}/wallet`);
await page.waitForSelector("main h1");
const t0 = Date.now();
await page.getByLabel("Restore from a backup file").setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(backup) });
await page.waitForFunction((n) => document.querySelectorAll("#wallet-badges > li").length > 0 && document.body.textContent.includes(`${n} badges`), N, { timeout: 0, polling: 200 });
const restore = Date.now() - t0;
const cardsShown = await page.locator("#wallet-badges > li").count();

// 3. Open to first card painted.
const opens = [];
const mounts = [];
const phases = [];
for (let i = 0; i < RUNS; i++) {
  await page.reload();
  await page.waitForFunction(() => window.__firstCard !== undefined, null, { timeout: 0 });
  opens.push(await page.evaluate(() => window.__firstCard));
  mounts.push(await page.evaluate(() => window.__mounted));
  // Where the time goes: when each download finished.
  phases.push(
    await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType("resource")
          .filter((e) => /(\/app_bg\.wasm|\/split_wallet\.wasm|\/pack_wallet\.wasm|catalog\.json)$/.test(e.name))
          .map((e) => [e.name.replace(/.*\//, ""), Math.round(e.responseEnd)]),
      ),
    ),
  );
}

// 4. Check all again.
const checks = [];
for (let i = 0; i < RUNS; i++) {
  await page.evaluate(() => (window.__longest = 0));
  const button = page.getByRole("button", { name: "Check all again" });
  const t = Date.now();
  await button.click();
  await page.waitForSelector("#wallet-progress");
  await page.waitForFunction(() => !document.querySelector("#wallet-progress"), null, { timeout: 0, polling: 50 });
  const ms = Date.now() - t;
  checks.push({ ms, longest: await page.evaluate(() => window.__longest) });
}
const verdicts = await page.locator("#wallet-badges > li").allTextContents();
await browser.close();
server.kill();

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`| Measure (${N} badges, ${RUNS} runs) | Median | Runs |`);
console.log(`|---|---:|---|`);
console.log(`| Restore the backup (verify + save each) | ${(restore / 1000).toFixed(1)} s | 1 |`);
console.log(`| Open /wallet → first card painted | ${median(opens).toFixed(0)} ms | ${opens.map((x) => x.toFixed(0)).join(", ")} |`);
console.log(`| … of which the page's heading shown (code loaded, page mounted) | ${median(mounts).toFixed(0)} ms | ${mounts.map((x) => x.toFixed(0)).join(", ")} |`);
console.log(`| Check all again: click → done | ${(median(checks.map((c) => c.ms)) / 1000).toFixed(2)} s | ${checks.map((c) => (c.ms / 1000).toFixed(2)).join(", ")} |`);
console.log(`| Longest main-thread task during check all | ${median(checks.map((c) => c.longest)).toFixed(0)} ms | ${checks.map((c) => c.longest.toFixed(0)).join(", ")} |`);
console.log(`\ndownloads finished (ms after navigation start), per run: ${phases.map((p) => JSON.stringify(p)).join("; ")}`);
console.log(`cards on the first screen: ${cardsShown}; verified on the first screen: ${verdicts.filter((v) => v.includes("Verified")).length}`);
