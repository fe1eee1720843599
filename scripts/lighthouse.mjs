// Lighthouse (mobile: its default emulation and simulated throttling) on the
// release build, served with its _headers by tests/e2e/server.mjs, in
// Debian's Chromium. Prints one row per route; with --check, exits 1 when
// any route's accessibility score is below 100 (the test command runs it so).
// Performance is measured, never asserted (docs/BENCHMARKS.md records it).
//   node scripts/lighthouse.mjs [--dist dist] [--runs 1] [--check]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dist = arg("dist", "dist");
const runs = Number(arg("runs", "1"));
const check = process.argv.includes("--check");
const port = 4191;
const ROUTES = ["/", "/catalog", "/catalog/health-data-foundations", "/faq", "/wallet", "/verify"];

const server = spawn("node", ["tests/e2e/server.mjs", "--root", dist, "--port", String(port)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.once("data", resolve));

const profile = mkdtempSync(join(tmpdir(), "microcred-lighthouse-"));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  userDataDir: profile,
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
let failed = false;
try {
  for (const route of ROUTES) {
    const scores = { performance: [], accessibility: [], "best-practices": [], seo: [] };
    const metrics = { fcp: [], lcp: [], tbt: [] };
    const problems = new Set();
    for (let i = 0; i < runs; i++) {
      const { lhr } = await lighthouse(`http://127.0.0.1:${port}${route}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: Object.keys(scores),
      });
      for (const key of Object.keys(scores)) scores[key].push(Math.round((lhr.categories[key].score ?? 0) * 100));
      metrics.fcp.push(lhr.audits["first-contentful-paint"].numericValue);
      metrics.lcp.push(lhr.audits["largest-contentful-paint"].numericValue);
      metrics.tbt.push(lhr.audits["total-blocking-time"].numericValue);
      for (const key of ["accessibility", "best-practices", "seo"]) {
        for (const ref of lhr.categories[key].auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) problems.add(`${key}: ${audit.id}`);
        }
      }
    }
    const row = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, median(v)]));
    const ms = (xs) => `${(median(xs) / 1000).toFixed(1)} s`;
    rows.push({ route, ...row, fcp: ms(metrics.fcp), lcp: ms(metrics.lcp), tbt: `${Math.round(median(metrics.tbt))} ms`, problems: [...problems].join(", ") });
    if (row.accessibility < 100) failed = true;
  }
} finally {
  await chrome.kill();
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}

console.log(`| Route | Performance | FCP | LCP | TBT | Accessibility | Best practices | SEO | Audits below full marks |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---|`);
for (const r of rows) {
  console.log(`| \`${r.route}\` | ${r.performance} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.accessibility} | ${r["best-practices"]} | ${r.seo} | ${r.problems || "none"} |`);
}
console.log(`(median of ${runs} run${runs === 1 ? "" : "s"} per route)`);
if (check && failed) {
  console.error("FAIL: accessibility is below 100 on a route (see the table).");
  process.exit(1);
}
