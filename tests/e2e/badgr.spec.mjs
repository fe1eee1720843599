// The badges the university actually issues: Open Badges 2.0 hosted
// assertions from Badgr (Canvas Credentials). The demo's Badgr-shaped issuer
// lives on its own host, http://localhost:4177 (tests/e2e/badgr.mjs, which
// negotiates content and grants CORS only to http://127.0.0.1:4173, as Badgr
// grants it only to its own web app). The files are made by
// `scripts/demo-badges --local`.
import { readFileSync } from "node:fs";
import { test, expect, DEMO_DAY, collectErrors, expectNoAxeViolations } from "./helpers.mjs";

const FILES = "tests/e2e/fixtures/local/badges";
const BADGR = "http://localhost:4177";
const ASSERTION = `${BADGR}/public/assertions/Tz5Vk8NqR3mYb7LcW2xHdA`;

test.beforeEach(async ({ page, context }) => {
  for (const url of ["http://127.0.0.1:4173", "http://localhost:4173"]) await context.addCookies([{ name: "fixture", value: "local", url }]);
  await page.clock.setFixedTime(DEMO_DAY);
});

const verdict = (page) => page.locator("#verdict-title");
const fileInput = (page) => page.getByLabel("Or choose or drop the badge file (JSON, JWT, PNG or SVG)");

for (const file of ["responsible-ai.badgr.json", "responsible-ai.badgr.png", "responsible-ai.badgr.svg"]) {
  test(`Badgr's hosted badge as ${file.split(".").pop().toUpperCase()}: Verified`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto("/verify");
    await fileInput(page).setInputFiles(`${FILES}/${file}`);
    await expect(verdict(page)).toHaveText("Verified", { timeout: 20000 });
    await expect(page.getByRole("heading", { level: 3, name: "Responsible AI" })).toBeVisible();
    await expect(page.getByText("Passed: The issuer hosts this badge at its address, and says the same about it.")).toBeVisible();
    await expect(page.getByText("Passed: Hosted by Kestrel University Micro-credentials (Canvas Credentials) on a host the catalog lists for it.")).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test("Badgr's hosted badge by its address: Verified, fetched asking for JSON", async ({ page, request }) => {
  await page.goto(`/verify?url=${encodeURIComponent(ASSERTION)}`);
  await expect(verdict(page)).toHaveText("Verified", { timeout: 20000 });
  const asked = await (await request.get(`${BADGR}/__requests`)).json();
  const fetches = asked.filter((r) => r.path === new URL(ASSERTION).pathname && r.origin === "http://127.0.0.1:4173");
  expect(fetches.length).toBeGreaterThan(0);
  for (const r of fetches) {
    expect(r.accept).toContain("application/ld+json");
    expect(r.accept).not.toContain("text/html");
  }
  await expectNoAxeViolations(page, "/verify with a Badgr badge");
});

test("Badgr's revoked badge (HTTP 200, revoked: true): Revoked", async ({ page }) => {
  await page.goto("/verify");
  await fileInput(page).setInputFiles(`${FILES}/responsible-ai-revoked.badgr.json`);
  await expect(verdict(page)).toHaveText("Revoked", { timeout: 20000 });
  await expect(page.getByText(/Awarded in error: the assessment was not complete\./)).toBeVisible();
});

test("when Badgr refuses this site (CORS), the page explains and links to the issuer's page", async ({ page }) => {
  // The same site on another origin, which the Badgr stand-in does not allow.
  await page.goto("http://localhost:4173/verify");
  await fileInput(page).setInputFiles(`${FILES}/responsible-ai.badgr.json`);
  await expect(verdict(page)).toHaveText("Could not check", { timeout: 20000 });
  await expect(page.getByRole("heading", { name: "The issuer's copy could not be reached from here" })).toBeVisible();
  const link = page.getByRole("link", { name: "Open the issuer's page for this badge" });
  await expect(link).toHaveAttribute("href", ASSERTION);
  await expect(page.getByText(`microcred verify ${ASSERTION}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "What the file claims (not checked)" })).toBeVisible();
  await expect(page.getByText("Verified", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Not valid", { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, "/verify when the issuer's copy is unreachable");
});

test("Badgr's badges in the wallet: Verified and Revoked", async ({ page }) => {
  await page.goto("/wallet");
  await page.getByLabel(/Choose badge files, or drop them here/).setInputFiles([
    `${FILES}/responsible-ai.badgr.png`,
    `${FILES}/responsible-ai-revoked.badgr.json`,
  ]);
  await expect(page.getByText("Checking and adding…")).toHaveCount(0, { timeout: 60000 });
  const items = page.locator("#wallet-badges > li", { hasText: "Responsible AI" });
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: "Verified" })).toHaveCount(1);
  await expect(items.filter({ hasText: "Revoked" })).toHaveCount(1);
});

test("the Badgr files are what the stand-in serves", () => {
  // The presented file is the issuer's copy, byte for byte (as Badgr serves it).
  const file = readFileSync(`${FILES}/responsible-ai.badgr.json`, "utf8");
  const served = readFileSync("tests/e2e/fixtures/local/badgr/public/assertions/Tz5Vk8NqR3mYb7LcW2xHdA", "utf8");
  expect(served).toBe(file);
});

test("in the wallet, a Badgr badge this site may not read says why, and names the course", async ({ page }) => {
  // From an origin the Badgr stand-in refuses (CORS), as a learner's browser on this site
  // would be refused by the real one.
  await page.goto("http://localhost:4173/wallet");
  await page.getByLabel(/Choose badge files, or drop them here/).setInputFiles(`${FILES}/responsible-ai.badgr.json`);
  await expect(page.getByText("Checking and adding…")).toHaveCount(0, { timeout: 60000 });
  const item = page.locator("#wallet-badges > li").first();
  await expect(item).toContainText("Could not check");
  // The badge class could not be read: the catalog's name for the course it names.
  const link = item.getByRole("link", { name: "Responsible AI: Ethics and Governance" });
  await link.click();
  await expect(page.getByRole("heading", { name: "The issuer's copy could not be reached from here" })).toBeVisible({ timeout: 20000 });
  await expect(page.getByRole("link", { name: "Open the issuer's page for this badge" })).toHaveAttribute("href", ASSERTION);
  await expectNoAxeViolations(page, "a wallet badge whose issuer's copy is unreachable");
});
