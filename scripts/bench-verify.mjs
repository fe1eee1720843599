// Verification speed in headless Chromium, warm: the release build's
// verifier worker (dist/verifier_loader.js) is started once, then each demo
// badge (the local fixtures of `scripts/demo-badges --local`) is verified
// ROUNDS times; the time is from postMessage to the report coming back.
// Badges with a status list fetch it from the local test server each time.
//   scripts/dist && scripts/demo-badges --local tests/e2e/fixtures/local http://127.0.0.1:4192/__fixtures__/local
//   node scripts/bench-verify.mjs
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { launchChromium } from "./bench-browser.mjs";

const port = 4192;
const ROUNDS = Number(process.argv[process.argv.indexOf("--rounds") + 1]) || 40;
const dir = `${process.env.FIXTURES ?? "tests/e2e/fixtures"}/local/badges`;
const server = spawn("node", ["tests/e2e/server.mjs", "--root", "dist", "--port", String(port), "--fixtures", process.env.FIXTURES ?? "tests/e2e/fixtures"], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await launchChromium();
const context = await browser.newContext();
await context.addCookies([{ name: "fixture", value: "local", url: `http://127.0.0.1:${port}` }]);
const page = await context.newPage();
// Verified as of the demo day; the page clock is left real so timings are exact.
const NOW = Date.UTC(2026, 10, 29, 22) / 1000;
await page.goto(`http://127.0.0.1:${port}/verify`);
await page.waitForSelector("main h1");

const files = readdirSync(dir).filter((f) => f !== "hostile.json").sort();
const badges = Object.fromEntries(files.map((f) => [f, [...readFileSync(`${dir}/${f}`)]]));
const results = await page.evaluate(
  async ({ badges, rounds, now }) => {
    // The loader's content-hashed name, from the list the build writes (scripts/hash-assets.mjs).
    const names = document.querySelector("meta[name=asset-names]").content;
    const loader = names.split(" ").find((pair) => pair.startsWith("verifier_loader.js=")).split("=")[1];
    const worker = new Worker(`/${loader}`);
    // The worker protocol (src/domain/worker_protocol.rs): {header, bytes}, the
    // header JSON. The catalog's issuers go with the first request, in
    // catalog.json's own shape, as the page sends them.
    const header = (m) => JSON.parse(m.data.header);
    await new Promise((resolve) => (worker.onmessage = (m) => header(m).kind === "ready" && resolve()));
    const issuers = (await (await fetch("/catalog.json")).json()).issuers;
    let next = 1;
    const verify = (bytes) =>
      new Promise((resolve, reject) => {
        const id = next++;
        worker.onmessage = (m) => {
          const h = header(m);
          if (h.id !== id) return;
          if (h.kind === "report") resolve(JSON.parse(new TextDecoder().decode(m.data.bytes)));
          else reject(new Error(h.message ?? h.kind));
        };
        const request = { kind: "verify", id, now };
        if (id === 1) request.issuers = issuers;
        worker.postMessage({ header: JSON.stringify(request), bytes: new Uint8Array(bytes) });
      });
    const out = {};
    for (const [name, bytes] of Object.entries(badges)) {
      const first = await verify(bytes); // warm-up
      const times = [];
      for (let i = 0; i < rounds; i++) {
        const t = performance.now();
        await verify(bytes);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      out[name] = { verdict: first.verdict, format: first.format, median: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)] };
    }
    return out;
  },
  { badges, rounds: ROUNDS, now: NOW },
);
console.log(`| Badge | Format | Verdict | Median | p90 |\n|---|---|---|---:|---:|`);
for (const [name, r] of Object.entries(results)) {
  console.log(`| ${name} | ${r.format} | ${r.verdict} | ${r.median.toFixed(2)} ms | ${r.p90.toFixed(2)} ms |`);
}
await browser.close();
server.kill();
