// The learner's wallet: badges imported through the file input (every demo
// format, verified by the worker against the fixture catalog), kept in
// IndexedDB across reloads and tabs, with progress, the CPD ledger, backup,
// removal with undo, and share links that verify on /verify.
import { readFileSync } from "node:fs";
import { test, expect, DEMO_DAY, collectErrors, expectNoAxeViolations, expectNoHorizontalScroll } from "./helpers.mjs";

const FILES = "tests/e2e/fixtures/local/badges";
const DEMO = [
  "health-data-foundations.json",
  "clinical-data-visualisation.jcs.json",
  "predictive-health-analytics.jwt",
  "health-data-governance.png",
  "health-data-foundations.ob2.jwt",
  "health-data-foundations.ob2-hosted.json",
  "health-data-foundations-2023.json",
  "predictive-health-analytics-expired.json",
  "health-data-governance-revoked.json",
  "health-data-foundations-unknown-issuer.json",
];

test.beforeEach(async ({ page, context }) => {
  await context.addCookies([{ name: "fixture", value: "local", url: "http://127.0.0.1:4173" }]);
  await page.clock.setFixedTime(DEMO_DAY);
});

const cards = (page) => page.locator("#wallet-badges > li h3 a");
const fileInput = (page) => page.getByLabel(/Choose badge files, or drop them here/);

async function importFiles(page, files) {
  await fileInput(page).setInputFiles(files);
  await expect(page.getByText("Checking and adding…")).toHaveCount(0, { timeout: 60000 });
}

async function statuses(page) {
  return page.locator("#wallet-badges > li").evaluateAll((items) =>
    items
      .map((li) => `${li.querySelector("h3").textContent} | ${li.querySelector("p:last-child").textContent.replace(/^\S+\s/, "")}`)
      .sort(),
  );
}

test("every demo format imports through the file input, survives a reload, and duplicates are reported", async ({ page }) => {
  test.setTimeout(120000);
  const errors = collectErrors(page);
  await page.goto("/wallet");
  await expect(page.getByText("Your wallet is empty.")).toBeVisible();
  await importFiles(page, [...DEMO, "predictive-health-analytics.svg"].map((f) => `${FILES}/${f}`));
  // One outcome per file: ten added, the SVG a duplicate of the JWT (same credential).
  await expect(page.locator("main ul li", { hasText: "Added “" })).toHaveCount(10);
  await expect(page.getByText(/predictive-health-analytics\.svg: Already in your wallet as/)).toBeVisible();
  await expect(cards(page)).toHaveCount(10);
  const before = await statuses(page);
  for (const status of ["Verified", "Expired", "Revoked", "Unknown issuer"]) {
    expect(before.some((s) => s.endsWith(`| ${status}`)), `${status} in ${before.join("\n")}`).toBe(true);
  }
  // The same file again is not doubled.
  await importFiles(page, [`${FILES}/health-data-foundations.json`]);
  await expect(page.getByText(/Already in your wallet as “/)).toBeVisible();
  await expect(cards(page)).toHaveCount(10);

  await page.reload();
  await expect(cards(page)).toHaveCount(10);
  expect(await statuses(page)).toEqual(before);
  expect(errors).toEqual([]);
  await expectNoAxeViolations(page, "/wallet with ten badges");
});

test("a corrupt file in a batch is refused with its own message; the rest are kept", async ({ page }) => {
  await page.goto("/wallet");
  await fileInput(page).setInputFiles([
    { name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"@context": [') },
    { name: "photo.png", mimeType: "image/png", buffer: Buffer.from("\x89PNG\r\n\x1a\nnot really") },
    ...["health-data-foundations.json", "predictive-health-analytics.jwt"].map((name) => ({ name, mimeType: "application/octet-stream", buffer: readFileSync(`${FILES}/${name}`) })),
  ]);
  await expect(page.locator("main ul li", { hasText: "Added “" })).toHaveCount(2, { timeout: 60000 });
  await expect(page.locator("main ul li", { hasText: /^✗ broken\.json: Not imported: / })).toHaveCount(1);
  await expect(page.locator("main ul li", { hasText: /^✗ photo\.png: Not imported: / })).toHaveCount(1);
  await expect(cards(page)).toHaveCount(2);
  await page.reload();
  await expect(cards(page)).toHaveCount(2);
});

test("progress towards credit and the CPD ledger are shown, and the ledger downloads as CSV", async ({ page }) => {
  await page.goto("/wallet");
  await importFiles(page, [
    `${FILES}/health-data-foundations.json`,
    `${FILES}/clinical-data-visualisation.jcs.json`,
    `${FILES}/health-data-governance-revoked.json`,
  ]);
  await expect(cards(page)).toHaveCount(3);
  const credit = page.locator("section", { has: page.locator("#credit-title") });
  // The revoked badge does not count.
  await expect(credit.getByText("2 of 4 · 6.25 of 12.5 points")).toBeVisible();
  await expect(credit.getByRole("link", { name: "Predictive Analytics in Healthcare" }).first()).toBeVisible();
  await expect(credit.getByRole("link", { name: "Health Data Ethics and Governance" }).first()).toBeVisible();
  // Each missing unit says when it can be taken, linking to enrolment when a cohort is open.
  const missing = credit.locator("li li");
  expect(await missing.count()).toBeGreaterThanOrEqual(2);
  for (const text of await missing.allTextContents()) {
    expect(text).toMatch(/\((enrol in the cohort starting|next starts|enrolment opens|no dates yet)/);
  }
  const enrolLinks = await credit.locator('a[href^="/enrol/"]').count();
  expect(enrolLinks + (await credit.getByText(/next starts|enrolment opens|no dates yet/).count())).toBeGreaterThan(0);

  const ledger = page.locator("section", { has: page.locator("#ledger-title") });
  // Totals by year (the demo badges were issued in 2026), then each badge on request.
  await expect(ledger.getByRole("table", { name: "Totals by calendar year" }).locator("tbody tr")).toHaveCount(1);
  await ledger.getByText("Each badge (2)").click();
  await expect(ledger.getByRole("table", { name: "Each badge" }).locator("tbody tr")).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent("download"), ledger.getByRole("button", { name: "Download the ledger (CSV)" }).click()]);
  expect(download.suggestedFilename()).toBe("cpd-ledger.csv");
  const csv = readFileSync(await download.path(), "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("Badge,Issuer,Issued,Hours,CPD points,Frameworks");
  expect(lines).toHaveLength(3);
  expect(csv).toContain("Foundations of Health Data");
  expect(csv).not.toContain("Governance");
  await expectNoAxeViolations(page, "/wallet with progress and ledger");
});

test("export, remove all, restore: the same wallet comes back", async ({ page }) => {
  test.setTimeout(120000);
  await page.goto("/wallet");
  await importFiles(page, DEMO.slice(0, 5).map((f) => `${FILES}/${f}`));
  await expect(cards(page)).toHaveCount(5);
  const before = await statuses(page);
  expect(before).toHaveLength(5);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export a backup" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^wallet-backup-\d{4}-\d\d-\d\d\.json$/);
  const backup = await download.path();

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Remove all badges…" }).click();
  await expect(page.getByText("Your wallet is empty.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Your wallet is empty.")).toBeVisible();

  await page.getByLabel("Restore from a backup file").setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: readFileSync(backup) });
  await expect(cards(page)).toHaveCount(5, { timeout: 60000 });
  expect(await statuses(page)).toEqual(before);
  // Restoring again merges: nothing is doubled.
  await page.getByLabel("Restore from a backup file").setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: readFileSync(backup) });
  await expect(page.getByText(/Already in your wallet as/).first()).toBeVisible({ timeout: 60000 });
  await expect(cards(page)).toHaveCount(5);
});

test("a badge's page shows every check, shares a link that verifies, and removes with undo", async ({ page, context }) => {
  test.setTimeout(90000);
  const errors = collectErrors(page);
  await page.goto("/wallet");
  await importFiles(page, [`${FILES}/health-data-foundations.json`, `${FILES}/health-data-foundations.ob2-hosted.json`]);
  await expect(cards(page)).toHaveCount(2);

  // A badge with no public address: the link carries the badge itself.
  await cards(page).filter({ hasText: "Foundations of Health Data" }).first().click();
  await expect(page.locator("#verdict-title")).toHaveText("Verified", { timeout: 20000 });
  await expect(page.locator("#checks-title")).toBeVisible();
  const link = await page.locator("#share-link").inputValue();
  expect(link.startsWith("http://127.0.0.1:4173/verify")).toBe(true);
  await expect(page.getByRole("img", { name: /QR code of the share link/ }).or(page.getByText("too large to fit in a QR code"))).toBeVisible();
  const linkedin = await page.getByRole("link", { name: /Add to your LinkedIn profile/ }).getAttribute("href");
  expect(linkedin).toMatch(/^https:\/\/www\.linkedin\.com\/profile\/add\?startTask=CERTIFICATION_NAME&name=/);
  expect(linkedin).toContain("&issueYear=");
  expect(linkedin).toContain(`&certUrl=${encodeURIComponent(link)}`);
  await expect(page.locator("#share-embed")).toHaveValue(/^<a href="http:\/\/127\.0\.0\.1:4173\/verify/);
  await expect(page.locator("#share-signature-text")).toHaveValue(/Verify: http:\/\/127\.0\.0\.1:4173\/verify/);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy share link" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  await expectNoAxeViolations(page, "a wallet badge page");

  const verifyPage = await context.newPage();
  await verifyPage.clock.setFixedTime(DEMO_DAY);
  await verifyPage.goto(link);
  await expect(verifyPage.locator("#verdict-title")).toHaveText("Verified", { timeout: 20000 });
  await expect(verifyPage.getByText("Checked the badge in this link")).toBeVisible();
  await verifyPage.close();

  // Remove, then undo.
  await page.getByRole("button", { name: "Remove this badge" }).click();
  await expect(page).toHaveURL(/\/wallet$/);
  await expect(cards(page)).toHaveCount(1);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(cards(page)).toHaveCount(2);
  await page.reload();
  await expect(cards(page)).toHaveCount(2);
  expect(errors).toEqual([]);
});

test("a hosted badge shares a /verify?url= link; a second tab sees changes", async ({ page, context }) => {
  await page.goto("/wallet");
  const other = await context.newPage();
  await other.goto("/wallet");
  await expect(other.getByText("Your wallet is empty.")).toBeVisible();
  await importFiles(page, [`${FILES}/health-data-foundations.ob2-hosted.json`]);
  await expect(cards(page)).toHaveCount(1);
  // The other tab hears of it without a reload.
  await expect(cards(other)).toHaveCount(1);
  await other.close();

  await cards(page).first().click();
  await expect(page.locator("#verdict-title")).toHaveText("Verified", { timeout: 20000 });
  const link = await page.locator("#share-link").inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/verify\?url=http%3A%2F%2F127\.0\.0\.1%3A4173%2F/);
  await expect(page.getByRole("img", { name: /QR code of the share link/ })).toBeVisible();
  await page.goto(link);
  await expect(page.locator("#verdict-title")).toHaveText("Verified", { timeout: 20000 });
});

test("check all again shows progress and keeps every badge", async ({ page }) => {
  await page.goto("/wallet");
  await importFiles(page, [...DEMO.slice(0, 4), "predictive-health-analytics-expired.json"].map((f) => `${FILES}/${f}`));
  await expect(cards(page)).toHaveCount(5);
  const before = await statuses(page);
  await page.getByRole("button", { name: "Check all again" }).click();
  await expect(page.getByRole("button", { name: "Check all again" })).toBeEnabled({ timeout: 60000 });
  expect(await statuses(page)).toEqual(before);
  // Sorting and filtering.
  await page.getByLabel("Sort by").selectOption("name");
  const names = await cards(page).allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  await page.getByLabel("Status").selectOption("verified");
  await expect(page.getByText("4 of 5 badges")).toBeVisible();
  await expect(cards(page)).toHaveCount(4);
});

test("the wallet's code loads with its route, once, in the one app", async ({ page }) => {
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  const walletChunk = (p) => /^\/app-[0-9a-f]{16}\/split_wallet\.wasm$/.test(p);
  await page.goto("/catalog");
  await expect(page.locator("main h1")).toHaveText("Catalog");
  await page.getByRole("link", { name: "Verify", exact: true }).click();
  await expect(page.locator("main h1")).toHaveText("Verify a badge");
  expect(requested.filter(walletChunk)).toEqual([]);
  await page.getByRole("link", { name: "Wallet", exact: true }).click();
  await expect(page.getByText("Your wallet is empty.")).toBeVisible();
  expect(requested.filter(walletChunk)).toHaveLength(1);
  // Away and back: shown again, loaded once.
  await page.getByRole("link", { name: "FAQ", exact: true }).click();
  await page.getByRole("link", { name: "Wallet", exact: true }).click();
  await expect(page.getByText("Your wallet is empty.")).toBeVisible();
  expect(requested.filter(walletChunk)).toHaveLength(1);
  // One app: one main module and one glue for the whole visit, no second program.
  expect(requested.filter((p) => p.endsWith("_bg.wasm"))).toHaveLength(1);
});

test("under a sub-path the wallet loads, keeps a badge and links to it", async ({ page }) => {
  await page.goto("http://127.0.0.1:4174/mc/wallet");
  await expect(page.getByText("Your wallet is empty.")).toBeVisible();
  await fileInput(page).setInputFiles("public/badges/health-data-foundations.json");
  await expect(cards(page)).toHaveCount(1, { timeout: 20000 });
  expect(await cards(page).first().getAttribute("href")).toMatch(/^\/mc\/wallet\/[0-9a-f]{64}$/);
  await cards(page).first().click();
  await expect(page).toHaveURL(/\/mc\/wallet\/[0-9a-f]{64}$/);
  await expect(page.locator("#verdict-title")).toBeVisible({ timeout: 20000 });
  expect(await page.locator("#share-link").inputValue()).toMatch(/^http:\/\/127\.0\.0\.1:4174\/mc\/verify#badge=/);
});

test.describe("dark scheme on a narrow screen", () => {
  test.use({ colorScheme: "dark", viewport: { width: 320, height: 720 } });
  test("the list and a badge's page pass axe and do not scroll sideways", async ({ page }) => {
    await page.goto("/wallet");
    await importFiles(page, ["health-data-foundations.json", "predictive-health-analytics-expired.json", "health-data-governance-revoked.json"].map((f) => `${FILES}/${f}`));
    await expect(cards(page)).toHaveCount(3);
    await expectNoAxeViolations(page, "/wallet, dark, 320 px");
    await expectNoHorizontalScroll(page, "/wallet, 320 px");
    await cards(page).filter({ hasText: "Foundations of Health Data" }).click();
    await expect(page.locator("#verdict-title")).toBeVisible({ timeout: 20000 });
    await expect(page.locator("#share-link")).toBeVisible();
    await expectNoAxeViolations(page, "a wallet badge, dark, 320 px");
    await expectNoHorizontalScroll(page, "a wallet badge, 320 px");
  });
});

test("a badge downloads as its original file and as an image with the badge inside, which verifies", async ({ page }) => {
  await page.goto("/wallet");
  await importFiles(page, [`${FILES}/health-data-foundations.json`]);
  await cards(page).first().click();
  await expect(page.locator("#verdict-title")).toHaveText("Verified", { timeout: 20000 });

  const [original] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the original file" }).click()]);
  expect(original.suggestedFilename()).toBe("health-data-foundations.json");
  expect(readFileSync(await original.path(), "utf8")).toBe(readFileSync(`${FILES}/health-data-foundations.json`, "utf8"));

  const [baked] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as an image with the badge inside" }).click()]);
  expect(baked.suggestedFilename()).toMatch(/\.(svg|png)$/);
  const bytes = readFileSync(await baked.path());
  await page.goto("/verify");
  await page.getByLabel("Or choose or drop the badge file (JSON, JWT, PNG or SVG)").setInputFiles({ name: baked.suggestedFilename(), mimeType: "image/svg+xml", buffer: bytes });
  await expect(page.locator("#verdict-title")).toHaveText("Verified", { timeout: 20000 });
  await expect(page.getByText(/baked in/).first()).toBeVisible();
});

test("a damaged record is reported, never deleted, and the other badges stay", async ({ page }) => {
  await page.goto("/wallet");
  await importFiles(page, [`${FILES}/health-data-foundations.json`, `${FILES}/clinical-data-visualisation.jcs.json`]);
  await expect(cards(page)).toHaveCount(2);
  // Another program (or a bug) leaves a record the wallet cannot read.
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("microcred-wallet");
        open.onerror = reject;
        open.onsuccess = () => {
          const tx = open.result.transaction("cards", "readwrite");
          tx.objectStore("cards").put({ key: "f".repeat(64), name: 42 });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = reject;
        };
      }),
  );
  await page.reload();
  await expect(cards(page)).toHaveCount(2);
  await expect(page.getByText("1 saved badge record(s) could not be read and are not shown.", { exact: false })).toBeVisible();
});
