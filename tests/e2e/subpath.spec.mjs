// dist-sub/ is the same app built with `--public-url /mc/` and served under /mc/.
import { test, expect } from "@playwright/test";
import { DEMO_DAY, expectNoAxeViolations } from "./helpers.mjs";

const BASE = "http://127.0.0.1:4174/mc";

test("the app works under a sub-path: links, deep links, data", async ({ page }) => {
  await page.clock.setFixedTime(DEMO_DAY);
  await page.goto(`${BASE}/`);
  await expect(page.getByRole("heading", { level: 1, name: "Learn a skill. Prove it. Share it." })).toBeVisible();
  await expect(page.locator("header")).toContainText("Kestrel University");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
  await expect(page).toHaveURL(`${BASE}/catalog`);
  // Search, then a shared search URL keeps the sub-path.
  await page.getByRole("searchbox", { name: "Search by title, skill or topic" }).fill("visualising clinical");
  await page.getByRole("searchbox", { name: "Search by title, skill or topic" }).press("Enter");
  await expect(page).toHaveURL(`${BASE}/catalog?q=visualising%20clinical`);
  await page.getByRole("link", { name: "Visualising Clinical Data" }).click();
  await expect(page).toHaveURL(`${BASE}/catalog/clinical-data-visualisation`);
  await expect(page.getByRole("heading", { level: 1, name: "Visualising Clinical Data" })).toBeVisible();
  await expectNoAxeViolations(page, "sub-path offering page");
});

test("a deep link under the sub-path loads directly", async ({ page }) => {
  await page.goto(`${BASE}/faq#do-badges-expire`);
  await expect(page.locator("details#do-badges-expire")).toHaveAttribute("open", "");
  await page.goto(`${BASE}/series/health-data-analytics`);
  await expect(page.getByRole("heading", { level: 1, name: "Health Data Analytics" })).toBeVisible();
});
