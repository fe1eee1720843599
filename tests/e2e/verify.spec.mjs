// The employer's page: badges verified in the browser by the verifier worker,
// with every address a badge leads to (status lists, hosted badges) served by
// the test server on 127.0.0.1 (tests/e2e/fixtures/local, made by
// `scripts/demo-badges --local`). The fixture catalog is the demo catalog
// with 127.0.0.1:4173 allowed to host badges.
import { readFileSync } from "node:fs";
import { test, expect, DEMO_DAY, collectErrors, expectNoAxeViolations } from "./helpers.mjs";

const BASE = "http://127.0.0.1:4173/__fixtures__/local";
const FILES = "tests/e2e/fixtures/local/badges";

test.beforeEach(async ({ page, context }) => {
  await context.addCookies([{ name: "fixture", value: "local", url: "http://127.0.0.1:4173" }]);
  await page.clock.setFixedTime(DEMO_DAY);
});

const verdict = (page) => page.locator("#verdict-title");

/** A self-contained share link's fragment: the badge file, base64url. */
const badgeFragment = (file) => readFileSync(`${FILES}/${file}`).toString("base64url");

async function verifyUrl(page, url) {
  await page.goto(`/verify?url=${encodeURIComponent(url)}`);
  await expect(verdict(page)).toBeVisible({ timeout: 20000 });
}

for (const [file, expected] of [
  ["health-data-foundations.json", "Verified"],
  ["clinical-data-visualisation.jcs.json", "Verified"],
  ["predictive-health-analytics.jwt", "Verified"],
  ["predictive-health-analytics.svg", "Verified"],
  ["health-data-governance.png", "Verified"],
  ["health-data-foundations.ob2.jwt", "Verified"],
  ["health-data-foundations.ob2-hosted.json", "Verified"],
  ["health-data-foundations-2023.json", "Verified"],
  ["predictive-health-analytics-expired.json", "Expired"],
  ["health-data-governance-revoked.json", "Revoked"],
  ["health-data-foundations-unknown-issuer.json", "Unknown issuer"],
]) {
  test(`${file} by its address: ${expected}`, async ({ page }) => {
    const errors = collectErrors(page);
    const elsewhere = [];
    page.on("request", (r) => new URL(r.url()).hostname !== "127.0.0.1" && elsewhere.push(r.url()));
    await verifyUrl(page, `${BASE}/badges/${file}`);
    await expect(verdict(page)).toHaveText(expected);
    // The badges name images on kestrel.example: the page shows the catalog's
    // own copy instead, and asks no other host for anything.
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test("a dropped or chosen file verifies, and so does pasted text", async ({ page }) => {
  await page.goto("/verify");
  await page.getByLabel("Or choose or drop the badge file (JSON, JWT, PNG or SVG)").setInputFiles(`${FILES}/health-data-governance.png`);
  await expect(verdict(page)).toHaveText("Verified", { timeout: 20000 });
  await expect(page.getByText("Checked the file health-data-governance.png")).toBeVisible();

  await page.getByLabel("Or paste the badge itself (JSON or JWT)").fill(readFileSync(`${FILES}/predictive-health-analytics.jwt`, "utf8"));
  await page.getByRole("button", { name: "Verify the pasted badge" }).click();
  await expect(page.getByText("Checked pasted text")).toBeVisible({ timeout: 20000 });
  await expect(verdict(page)).toHaveText("Verified");
});

test("a tampered badge is not valid", async ({ page }) => {
  const badge = readFileSync(`${FILES}/health-data-foundations.json`, "utf8").replace("Foundations of Health Data", "Foundations of Health Data (Honours)");
  await page.goto("/verify");
  await page.getByLabel("Or paste the badge itself (JSON or JWT)").fill(badge);
  await page.getByRole("button", { name: "Verify the pasted badge" }).click();
  await expect(verdict(page)).toHaveText("Not valid", { timeout: 20000 });
  await expect(page.locator("li", { hasText: "Failed:" }).first()).toBeVisible();
});

test("the result shows what the badge warrants, and every check", async ({ page }) => {
  await verifyUrl(page, `${BASE}/badges/health-data-foundations.json`);
  await expect(page.getByRole("heading", { level: 3, name: "Foundations of Health Data" })).toBeVisible();
  await expect(page.getByText("Issued by Kestrel University Micro-credentials")).toBeVisible();
  await expect(page.getByText("Issued 30 June 2026; does not expire.")).toBeVisible();
  await expect(page.getByText("SFIA 9: Data analytics (DAAN)")).toBeVisible();
  await expect(page.getByText(/40 hours, 40 CPD points, 3\.125 credit points/)).toBeVisible();
  await expect(page.getByText(/Graduate Certificate in Health Data Analytics/)).toBeVisible();
  await expect(page.getByText("Passed: The signature matches the badge exactly.")).toBeVisible();
  await expect(page.getByText(/SHA-256 of the input: [0-9a-f]{64}/)).toBeVisible();
  await expectNoAxeViolations(page, "/verify with a result");
});

test("who it was issued to can be checked against the hashed recipient", async ({ page }) => {
  await verifyUrl(page, `${BASE}/badges/health-data-foundations.json`);
  await expect(page.getByText("Issued to a hashed email address")).toBeVisible();
  const box = page.getByLabel(/Check who it was issued to/);
  await box.fill("someone.else@example.com");
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(verdict(page)).toHaveText("Not valid", { timeout: 20000 });
  await page.getByLabel(/Check who it was issued to/).fill("Learner@Example.com");
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(verdict(page)).toHaveText("Verified", { timeout: 20000 });
  await expect(page.locator("li", { hasText: "Passed:" }).filter({ hasText: /issued to/i })).toBeVisible();
});

test("an address the browser may not read (no CORS) is 'could not check', not 'invalid'", async ({ page }) => {
  // The /mc/ server on port 4174 sends no CORS headers, so the page's origin may not read it.
  await verifyUrl(page, "http://127.0.0.1:4174/mc/badges/health-data-foundations.json");
  await expect(verdict(page)).toHaveText("Could not check");
  await expect(page.getByText(/could not be fetched .*CORS/)).toBeVisible();
  await expect(page.getByText(/verify the file instead/)).toBeVisible();
});

test("an address that answers 404 is 'could not check'; one that answers 410 is revoked", async ({ page }) => {
  await verifyUrl(page, "http://127.0.0.1:4173/__fixtures__/gone/badges/withdrawn.json");
  await expect(verdict(page)).toHaveText("Could not check");
  await expect(page.getByText(/the server answered HTTP 404/)).toBeVisible();
  await verifyUrl(page, "http://127.0.0.1:4173/__fixtures__/gone/badges/revoked-hosted.json");
  await expect(verdict(page)).toHaveText("Revoked");
});

test("a badge stuffed with script stays inert", async ({ page }) => {
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await verifyUrl(page, `${BASE}/badges/hostile.json`);
  await expect(verdict(page)).toHaveText("Verified");
  // The payloads are shown as text.
  await expect(page.getByText('<img src=x onerror="window.__pwned=2;alert(2)">Hostile achievement')).toBeVisible();
  // Markdown in the narrative is formatted; its javascript: link is plain text.
  await expect(page.locator("main strong", { hasText: /^markdown$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "link", exact: true })).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(page.url()).toContain("/verify?url=");
  const unsafe = await page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
        if (/^(href|src|action|formaction)$/i.test(attr.name) && /^\s*(javascript|data:text)/i.test(attr.value)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
    }
    found.push(...[...document.querySelectorAll("main script, main iframe, main style, main svg")].map((e) => e.tagName));
    return found;
  });
  expect(unsafe).toEqual([]);
});

test("verification runs in a Web Worker, started only when needed", async ({ page }) => {
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  // Requests of the page and of its worker (not the service worker's precache).
  const fetched = [];
  page.context().on("request", (r) => {
    if (!r.serviceWorker()) fetched.push(new URL(r.url()).pathname);
  });
  await page.goto("/catalog");
  await expect(page.locator("main article").first()).toBeVisible();
  expect(workers).toEqual([]);
  await verifyUrl(page, `${BASE}/badges/health-data-foundations.json`);
  expect(workers.length).toBe(1);
  expect(workers[0]).toMatch(/\/verifier_loader-[0-9a-f]{16}\.js$/);
  // The page itself never downloaded the verifier's module: the worker did.
  const pageWasm = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.endsWith(".wasm")));
  expect(pageWasm.some((n) => n.includes("verifier"))).toBe(false);
  // A second verification reuses the same worker.
  await page.getByLabel("The badge's address (URL)").fill(`${BASE}/badges/health-data-foundations.ob2.jwt`);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByText(/Checked .*ob2\.jwt/)).toBeVisible({ timeout: 20000 });
  expect(workers.length).toBe(1);
  // The address is now in the page's URL, to share; the page was not built
  // again for it (which would verify the badge a second time).
  await expect(page).toHaveURL(/\/verify\?url=.*health-data-foundations\.ob2\.jwt$/);
  expect(fetched.filter((p) => p.endsWith("/health-data-foundations.ob2.jwt"))).toHaveLength(1);
  // The worker's own fetches are seen here (the badge it was given by
  // address), yet catalog.json was fetched only by the page, once per page
  // load (/catalog, then /verify): the page hands the worker the issuers.
  expect(fetched).toContain("/__fixtures__/local/badges/health-data-foundations.ob2.jwt");
  expect(fetched.filter((p) => p.endsWith("/catalog.json"))).toEqual(["/catalog.json", "/catalog.json"]);
});

test("an employer's link starts the verifier before the app, and the page adopts that worker", async ({ page }) => {
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  const loaders = [];
  page.context().on("request", (r) => {
    if (!r.serviceWorker() && /verifier_loader-[0-9a-f]{16}\.js$/.test(r.url())) loaders.push(r.url());
  });
  // The app's main module is held back until the worker has started: only
  // the page's HTML can have started it.
  let release;
  await page.route(/\/app-[0-9a-f]{16}\/app_bg\.wasm$/, async (route) => {
    await new Promise((resolve) => (release = resolve));
    await route.continue();
  });
  for (const link of [`/verify?url=${encodeURIComponent(`${BASE}/badges/health-data-foundations.json`)}`, `/verify#badge=${badgeFragment("health-data-foundations.json")}`]) {
    workers.length = 0;
    loaders.length = 0;
    const navigation = page.goto(link);
    await expect.poll(() => workers.length).toBe(1);
    await expect.poll(() => typeof release).toBe("function");
    release();
    release = undefined;
    await navigation;
    await expect(verdict(page)).toHaveText("Verified", { timeout: 20000 });
    // The same worker verified it: no second one was started.
    expect(workers).toHaveLength(1);
    expect(loaders).toHaveLength(1);
  }
  await page.unroute(/\/app-[0-9a-f]{16}\/app_bg\.wasm$/);
  // Other pages start no worker until something is verified.
  workers.length = 0;
  await page.goto("/verify");
  await page.goto("/catalog");
  await expect(page.locator("main article").first()).toBeVisible();
  expect(workers).toEqual([]);
});

test("/verify passes axe before a result, and the receipt prints on one or two pages", async ({ page }) => {
  await page.goto("/verify");
  await expect(page.getByRole("heading", { level: 1, name: "Verify a badge" })).toBeVisible();
  await expectNoAxeViolations(page, "/verify before a result");
  await verifyUrl(page, `${BASE}/badges/health-data-governance-revoked.json`);
  await expect(verdict(page)).toHaveText("Revoked");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByLabel("The badge's address (URL)")).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  const pdf = await page.pdf({ format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});
