import { chromium } from "playwright";
import { spawn } from "node:child_process";
const server = spawn("node", ["tests/e2e/server.mjs", "--root", "dist", "--port", "4199", "--fixtures", "tests/e2e/fixtures"], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 } });
await ctx.addCookies([{ name: "fixture", value: "local", url: "http://127.0.0.1:4199" }]);
const page = await ctx.newPage();
await page.clock.setFixedTime(new Date("2026-11-29T22:00:00Z"));
await page.goto("http://127.0.0.1:4199/wallet");
await page.getByLabel(/Choose badge files/).setInputFiles(["health-data-foundations.json", "clinical-data-visualisation.jcs.json", "predictive-health-analytics-expired.json", "health-data-governance-revoked.json", "health-data-foundations-unknown-issuer.json"].map((f) => `tests/e2e/fixtures/local/badges/${f}`));
await page.waitForSelector("#wallet-badges li");
await page.waitForTimeout(500);
for (let i = 0; i < 3; i++) { await page.evaluate((y) => window.scrollTo(0, y), i * 850); await page.screenshot({ path: `/tmp/wallet-list-${i}.png` }); }
await page.locator("#wallet-badges a").first().click();
await page.waitForSelector("#share-link");
for (let i = 0; i < 6; i++) { await page.evaluate((y) => window.scrollTo(0, y), i * 850); await page.screenshot({ path: `/tmp/wallet-detail-${i}.png` }); }
await browser.close(); server.kill();
