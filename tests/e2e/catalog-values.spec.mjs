// Series credit comes from the catalog, never from the code. The test server
// answers with a catalog whose micro-credentials are worth 5 credit points
// (not 3.125) and whose first series has three units (not four); every page
// that states a series' size or credit must follow it, and none may still
// say 12.5 or 3.125.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { test, expect, DEMO_DAY } from "./helpers.mjs";

const FIXTURE = "tests/e2e/fixtures/credit";
const FILES = "tests/e2e/fixtures/local/badges";

test.beforeAll(() => {
  // The local fixture catalog (its issuers sign the local demo badges), changed.
  const catalog = JSON.parse(readFileSync("tests/e2e/fixtures/local/catalog.json", "utf8"));
  for (const offering of catalog.offerings) {
    if (offering.creditPoints === 3.125) offering.creditPoints = 5;
  }
  for (const series of catalog.series) {
    for (const pathway of series.awardPathways) pathway.creditPoints = 20;
  }
  catalog.series[0].offerings.pop();
  mkdirSync(FIXTURE, { recursive: true });
  // The catalog's own prose (a series' summary) may state the shipped numbers; it is not what is tested.
  const text = JSON.stringify(catalog).replace(/(12\.5|3\.125) credit points/g, "credit points");
  writeFileSync(`${FIXTURE}/catalog.json`, text);
});

test.beforeEach(async ({ page, context }) => {
  await context.addCookies([{ name: "fixture", value: "credit", url: "http://127.0.0.1:4173" }]);
  await page.clock.setFixedTime(DEMO_DAY);
});

/** The main content holds neither the shipped catalog's numbers nor "four" units for the changed series. */
async function expectNoShippedCredit(page) {
  const text = await page.locator("main").innerText();
  expect(text).not.toContain("12.5");
  expect(text).not.toContain("3.125");
}

test("the catalog, series, offering and home pages state credit from the catalog", async ({ page }) => {
  await page.goto("/catalog");
  const groups = page.locator("section", { has: page.locator("#groups-title") });
  await expect(groups.getByRole("listitem").filter({ hasText: "Health Data Analytics" })).toContainText(
    "3 micro-credentials · 15 credit points",
  );
  await expect(groups.getByRole("listitem").filter({ hasText: "Applied Cyber Security" })).toContainText(
    "4 micro-credentials · 20 credit points",
  );
  await expectNoShippedCredit(page);

  await page.goto("/series/health-data-analytics");
  await expect(page.getByText("Series of three micro-credentials")).toBeVisible();
  await expect(page.getByText("Each micro-credential is worth 5 credit points on its own.")).toBeVisible();
  await expect(page.getByText("Complete all three and together they make 15 credit points")).toBeVisible();
  await expect(page.getByRole("heading", { name: "The three micro-credentials" })).toBeVisible();
  await expectNoShippedCredit(page);

  await page.goto("/catalog/health-data-foundations");
  await expect(page.getByText("One of the three micro-credentials in the")).toBeVisible();
  await expect(page.getByText("Complete them all for 15 credit points.")).toBeVisible();
  await expectNoShippedCredit(page);

  await page.goto("/");
  const teaser = page.locator("section", { has: page.locator("#series-title") });
  await expect(teaser.locator("article", { hasText: "Health Data Analytics" })).toContainText(
    "3 micro-credentials · 15 credit points",
  );
  await expect(teaser.locator("article", { hasText: "Applied Cyber Security" })).toContainText(
    "4 micro-credentials · 20 credit points",
  );
  expect(await teaser.innerText()).not.toContain("12.5");
});

test("the verify page and the wallet's progress state credit from the catalog", async ({ page }) => {
  const fragment = readFileSync(`${FILES}/health-data-foundations.json`).toString("base64url");
  await page.goto(`/verify#badge=${fragment}`);
  await expect(page.locator("#verdict-title")).toBeVisible({ timeout: 20000 });
  await expect(page.getByText(/one of the three micro-credentials of the Health Data Analytics series \(15 credit points together\)/)).toBeVisible();

  await page.goto("/wallet");
  await page.getByLabel(/Choose badge files, or drop them here/).setInputFiles([
    `${FILES}/health-data-foundations.json`,
    `${FILES}/clinical-data-visualisation.jcs.json`,
  ]);
  await expect(page.getByText("Checking and adding…")).toHaveCount(0, { timeout: 60000 });
  const credit = page.getByRole("region", { name: "Progress towards credit" });
  await expect(credit.getByText("2 of 3 · 10 of 15 points")).toBeVisible();
  await expect(credit.getByText("Together the three can count towards:")).toBeVisible();
  expect(await credit.innerText()).not.toContain("12.5");
});
