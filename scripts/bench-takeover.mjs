// Start-up tasks of the pre-rendered pages, in headless Chromium at 4× CPU
// slowdown (Lighthouse's mobile setting), on the release build in dist/:
// every long task (> 50 ms) from navigation until a second after the app
// has taken the page over, from the browser's long-task entries, and when
// the take-over started and finished (the app's user-timing marks).
//   scripts/dist && node scripts/bench-takeover.mjs [--runs 5] [--cpu 4] [/catalog /faq …]
// Prints, per route, the longest task and the total blocking time (the sum
// of each long task's time over 50 ms) of every run, and their medians.
import { launchChromium, startServer } from "./bench-browser.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const runs = Number(option("runs", "5"));
const cpu = Number(option("cpu", "4"));
const routes = args.length ? args : ["/", "/catalog", "/catalog/health-data-foundations", "/faq", "/verify"];
const port = 4192;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await startServer(port);
const browser = await launchChromium();
try {
  console.log(`Start-up long tasks at ${cpu}× CPU slowdown, ${runs} runs per route (ms)`);
  console.log("| Route | Longest task (median) | Total blocking (median) | Take-over done (median) | Runs: longest / blocking |");
  console.log("|---|---:|---:|---:|---|");
  for (const route of routes) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await once(route));
    const longest = results.map((r) => r.longest);
    const blocking = results.map((r) => r.blocking);
    const live = results.map((r) => r.live);
    const each = results.map((r) => `${r.longest}/${r.blocking}`).join(", ");
    console.log(`| \`${route}\` | ${median(longest)} | ${median(blocking)} | ${Math.round(median(live))} | ${each} |`);
  }
} finally {
  await browser.close();
  server.kill();
}

async function once(route) {
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(Math.round(e.duration));
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`http://127.0.0.1:${port}${route}`);
  await page.waitForFunction(() => performance.getEntriesByName("take-over: live").length > 0, null, { timeout: 30000 });
  await page.waitForTimeout(1000);
  const r = await page.evaluate(() => ({
    long: window.__long,
    live: performance.getEntriesByName("take-over: live")[0].startTime,
  }));
  await context.close();
  return {
    longest: Math.max(0, ...r.long),
    blocking: r.long.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    live: r.live,
  };
}
