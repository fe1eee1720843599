// Catalog search speed in headless Chromium, on the release build in dist/
// with a generated 10,000-offering catalog (scripts/big-catalog.mjs):
//  - initial render: navigation start to the first results painted;
//  - keystroke to results painted, over 60+ keystrokes typed one at a time.
// "Painted" is the first task after the animation frame that follows the
// input event (a standard proxy: the frame's paint has been issued by then).
//   scripts/dist && node scripts/bench-catalog.mjs [--offerings 10000] [--runs 3]
import { spawn, execFileSync } from "node:child_process";
import { launchChromium } from "./bench-browser.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const offerings = arg("offerings", "10000");
const runs = Number(arg("runs", "3"));
const port = 4191;
const fixtures = "target/bench-fixtures";
execFileSync("node", ["scripts/big-catalog.mjs", "--offerings", offerings, "--out", `${fixtures}/big/catalog.json`], { stdio: "inherit" });

const server = spawn("node", ["tests/e2e/server.mjs", "--root", "dist", "--port", String(port), "--fixtures", fixtures], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await launchChromium();

// Typed one key at a time; Backspace edits in between, like a person.
const QUERIES = ["data analytics", "leadership", "pyhton", "risk management", "cloud sec", "health data governance"];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function once(fixture) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "Australia/Melbourne" });
  if (fixture) await context.addCookies([{ name: "fixture", value: fixture, url: `http://127.0.0.1:${port}` }]);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date("2026-11-29T22:00:00Z"));
  await page.addInitScript(() => {
    // When the results first show, and each keystroke's latency.
    window.__bench = { firstResults: null, samples: [] };
    new MutationObserver((_, obs) => {
      if (document.querySelector("#catalog-status") && document.querySelector("main article")) {
        obs.disconnect();
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => (window.__bench.firstResults = performance.now());
          ch.port2.postMessage(0);
        });
      }
    }).observe(document, { childList: true, subtree: true });
    let pending = null;
    document.addEventListener("keydown", (e) => (pending = e.timeStamp), true);
    document.addEventListener("input", () => {
      // Only the input events of keys typed (not, say, ones a script sends).
      if (pending === null) return;
      const start = pending;
      pending = null;
      // The first task after the input: the app's handler and the
      // reactive updates it queued (microtasks) have all run.
      const work = new MessageChannel();
      let ready = null;
      work.port1.onmessage = () => (ready = performance.now() - start);
      work.port2.postMessage(0);
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          const status = document.querySelector("#catalog-status")?.textContent ?? "";
          window.__bench.samples.push({ ms: performance.now() - start, ready, status });
        };
        ch.port2.postMessage(0);
      });
    });
  });
  await page.goto(`http://127.0.0.1:${port}/catalog`);
  await page.waitForFunction(() => window.__bench.firstResults !== null, null, { timeout: 120000 });
  const firstResults = await page.evaluate(() => window.__bench.firstResults);
  const box = page.locator("#catalog-search");
  await box.focus();
  let expected = [];
  for (const q of QUERIES) {
    for (const ch of q) {
      await page.keyboard.press(ch === " " ? "Space" : ch);
      await page.waitForTimeout(60);
    }
    expected.push(q);
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Backspace");
      await page.waitForTimeout(60);
    }
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(300);
  const samples = await page.evaluate(() => window.__bench.samples);
  const cards = await page.locator("main article").count();
  await context.close();
  return { firstResults, latencies: samples.map((s) => s.ms), ready: samples.map((s) => s.ready ?? s.ms), cards };
}

const results = {};
for (const [label, fixture] of [[`${offerings} offerings`, "big"], ["demo catalog (43)", null]]) {
  const first = [];
  const keys = [];
  const ready = [];
  let cards = 0;
  for (let r = 0; r < runs; r++) {
    const run = await once(fixture);
    first.push(run.firstResults);
    keys.push(...run.latencies);
    ready.push(...run.ready);
    cards = Math.max(cards, run.cards);
  }
  results[label] = { first, keys, cards };
  console.log(
    `${label}: initial render median ${median(first).toFixed(0)} ms (runs: ${first.map((x) => x.toFixed(0)).join(", ")}); ` +
      `keystroke → painted over ${keys.length} keystrokes: median ${median(keys).toFixed(1)} ms, p95 ${pct(keys, 95).toFixed(1)} ms, max ${Math.max(...keys).toFixed(1)} ms; ` +
      `results in the DOM (before the frame): median ${median(ready).toFixed(1)} ms, p95 ${pct(ready, 95).toFixed(1)} ms; ` +
      `at most ${cards} cards in the page`,
  );
}
await browser.close();
server.kill();
