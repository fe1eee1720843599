// Clicking and keyboard-only use of the shell and the catalog pages.
import { test, expect, DEMO_DAY, waitForApp } from "./helpers.mjs";

test("the header navigation moves between pages and marks the current one", async ({ page }) => {
  await page.goto("/");
  await waitForApp(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Catalog" }).click();
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Catalog" })).toHaveAttribute("aria-current", "page");
  for (const [name, heading] of [["FAQ", "Frequently asked questions"], ["Wallet", "Your wallet"], ["Verify", "Verify a badge"]]) {
    await nav.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Your wallet" })).toBeVisible();
});

test("from the catalog to an offering to an enrol link naming the course and date", async ({ page }) => {
  await page.clock.setFixedTime(DEMO_DAY);
  await page.goto("/catalog");
  await page.getByRole("link", { name: "Foundations of Health Data" }).click();
  await expect(page).toHaveURL(/\/catalog\/health-data-foundations$/);
  await expect(page.getByText("A$1,495.00, paid upfront and in full")).toBeVisible();
  await expect(page.getByText("3.125 credit points")).toBeVisible();
  const enrol = page.getByRole("link", { name: /Enrol now in Foundations of Health Data, starting 8 February 2027/ });
  await expect(enrol).toBeVisible();
  await enrol.click();
  await expect(page).toHaveURL(/\/enrol\/hdf-2027-02$/);
  await expect(page.getByRole("heading", { level: 1, name: "Enrol in Foundations of Health Data" })).toBeVisible();
});

test("a series page lists its four units and 12.5 points", async ({ page }) => {
  await page.goto("/series/health-data-analytics");
  await expect(page.getByText("together they make 12.5 credit points")).toBeVisible();
  await expect(page.getByRole("region", { name: "The four micro-credentials" }).getByRole("listitem")).toHaveCount(4);
  await expect(page.getByText("Graduate Certificate in Health Data Analytics (GC-HDA)")).toBeVisible();
});

test("keyboard only: the skip link, then the navigation", async ({ page }) => {
  await page.goto("/");
  await waitForApp(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  await page.keyboard.press("Shift+Tab"); // back into the header from main
  // Walk forward (wrapping round the page) to the Catalog link and follow
  // it with Enter.
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press("Tab");
    found = await page.evaluate(() => document.activeElement?.textContent === "Catalog");
  }
  expect(found).toBe(true);
  // The focused element shows a visible outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();
  await expect(page.locator("main")).toBeFocused(); // focus moves to the new content
});
