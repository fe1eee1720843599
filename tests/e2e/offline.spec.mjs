// Offline use and the pre-rendered pages, against a server of the spec's own
// (so it can be stopped: offline then means no server at all, not only the
// DevTools protocol's emulation) with one fixture: a newer catalog.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, DEMO_DAY, appIsLive, collectErrors } from "./helpers.mjs";

test.describe.configure({ mode: "default" });

const PORT = 4176;
const SITE = `http://127.0.0.1:${PORT}`;
const BADGE = "public/badges/health-data-foundations.json";

let server;
let fixtures;

async function startServer() {
  const child = spawn(process.execPath, ["tests/e2e/server.mjs", "--root", "dist", "--port", String(PORT), "--fixtures", fixtures], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${SITE}/`).then((r) => r.ok).catch(() => false)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the test server did not start");
}

async function stopServer() {
  if (!server) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill();
  await exited;
  server = null;
}

test.beforeAll(() => {
  fixtures = mkdtempSync(join(tmpdir(), "microcred-offline-"));
  const catalog = JSON.parse(readFileSync("dist/catalog.json", "utf8"));
  catalog.generatedAt = "2026-12-01T00:00:00Z";
  mkdirSync(join(fixtures, "newer"));
  writeFileSync(join(fixtures, "newer", "catalog.json"), JSON.stringify(catalog));
});
test.beforeEach(async ({ page }) => {
  server = await startServer();
  await page.clock.setFixedTime(DEMO_DAY);
});
test.afterEach(stopServer);
test.afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

/** Waits until the service worker is active, which is after it has cached the site. */
async function waitForServiceWorker(page) {
  const active = await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
  expect(active).toBe(true);
}

test("after one visit, with no network and no server: the wallet opens and a dropped badge verifies", async ({ page, context }) => {
  test.setTimeout(90000);
  const errors = collectErrors(page);
  await page.goto(`${SITE}/wallet`);
  await page.getByLabel(/Choose badge files, or drop them here/).setInputFiles(BADGE);
  await expect(page.locator("#wallet-badges > li h3 a")).toHaveText(["Foundations of Health Data"], { timeout: 30000 });
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await stopServer();
  await page.reload();
  await expect(page.locator("#wallet-badges > li h3 a")).toHaveText(["Foundations of Health Data"], { timeout: 30000 });
  await expect(page.getByRole("status").filter({ hasText: "You are offline." })).toContainText("published 30 November 2026");

  // A full page load of another route: the cached app shell answers.
  await page.goto(`${SITE}/verify`);
  await expect(page.locator("main h1")).toHaveText("Verify a badge");
  const bytes = [...readFileSync(BADGE)];
  const drop = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], "health-data-foundations.json", { type: "application/json" }));
    return transfer;
  }, bytes);
  await page.locator("div:has(> #verify-file)").dispatchEvent("drop", { dataTransfer: drop });
  await expect(page.locator("#verdict-title")).toHaveText("Verified", { timeout: 30000 });
  await expect(page.getByText("Checked the file health-data-foundations.json")).toBeVisible();

  // The catalog pages too, from the saved catalog.
  await page.goto(`${SITE}/catalog/health-data-foundations`);
  await expect(page.locator("main h1")).toHaveText("Foundations of Health Data");
  await page.goto(`${SITE}/faq`);
  await expect(page.locator("main h1")).toHaveText("Frequently asked questions");
  await expect(page.locator("main details summary").first()).toBeVisible();
  // Offline, nothing may fail but the requests the browser cannot make.
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|status lists?/i.test(e))).toEqual([]);
});

test("a new catalog is picked up on the next online load, and the page says so once", async ({ page, context }) => {
  const news = page.getByRole("status").filter({ hasText: "catalog" });
  await page.goto(`${SITE}/catalog`);
  await expect(page.getByText("43 courses.")).toBeVisible();
  await expect(news).toHaveCount(0);
  await waitForServiceWorker(page);

  await context.addCookies([{ name: "fixture", value: "newer", url: SITE }]);
  await page.reload();
  await expect(news).toHaveText(/updated since your last visit: this edition was published 1 December 2026\./);
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(news).toHaveCount(0);

  await page.reload();
  await expect(page.getByText("43 courses.")).toBeVisible();
  await expect(news).toHaveCount(0);

  // The worker kept the new edition for offline use.
  await context.setOffline(true);
  await stopServer();
  await page.reload();
  await expect(news).toHaveText(/You are offline\. This is the catalog saved on your last visit, published 1 December 2026\./);
});

test("the pre-rendered page shows its content before any script runs, and what is typed before the app starts is kept", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const still = await context.newPage();
  await still.goto(`${SITE}/catalog/health-data-foundations`);
  await expect(still.locator("main h1")).toHaveText("Foundations of Health Data");
  await expect(still.locator("main")).toContainText("A$1,495.00");
  await expect(still.locator("main")).toContainText("8 February 2027 to 21 March 2027");
  await expect(still).toHaveTitle("Foundations of Health Data · Kestrel University");
  const og = (page, key) => page.locator(`meta[property="og:${key}"]`).getAttribute("content");
  expect(await og(still, "title")).toBe("Foundations of Health Data · Kestrel University");
  expect(await og(still, "description")).toMatch(/^Learn where health data comes from/);
  expect(await still.locator('meta[name="description"]').getAttribute("content")).toBe(await og(still, "description"));
  // A shared /verify?url= link gets the verify page's own preview.
  await still.goto(`${SITE}/verify?url=${encodeURIComponent(`${SITE}/badges/health-data-foundations.json`)}`);
  await expect(still.locator("main h1")).toHaveText("Verify a badge");
  expect(await og(still, "title")).toBe("Verify a badge · Kestrel University");
  expect(await og(still, "description")).toMatch(/^Check a digital badge from Kestrel University in your browser/);
  await context.close();

  // Hold the app's wasm back while the learner types into the static copy.
  const live = await browser.newContext();
  const page = await live.newPage();
  await page.clock.setFixedTime(DEMO_DAY);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/app-[0-9a-f]{16}\/app_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${SITE}/catalog`, { waitUntil: "domcontentloaded" });
  // Two filters ticked, then the search typed, all in the static copy.
  await page.locator("#filter-type-micro-credential").check();
  await page.locator("#filter-discipline-data").check();
  const search = page.getByRole("searchbox");
  await search.fill("python");
  await search.press("Enter"); // a form submit here would reload the page and lose the text
  expect(await page.evaluate(appIsLive)).toBe(false);
  release();
  await page.waitForFunction(appIsLive);
  await expect(page.getByRole("searchbox")).toHaveValue("python");
  await expect(page.getByRole("searchbox")).toBeFocused();
  await expect(page).toHaveURL(/q=python/);
  await expect(page).toHaveURL(/type=micro-credential/);
  await expect(page).toHaveURL(/discipline=data/);
  await expect(page.locator("#filter-type-micro-credential")).toBeChecked();
  await expect(page.locator("#filter-discipline-data")).toBeChecked();
  await expect(page.locator("#filter-type-short-course")).not.toBeChecked();
  await live.close();
});
