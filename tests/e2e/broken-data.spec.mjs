// Broken data files give an error page that names the file and the problem.
import { test, expect, expectNoAxeViolations } from "./helpers.mjs";

const CASES = [
  { fixture: "malformed", words: [/catalog\.json could not be loaded/, /not valid JSON/, /line \d+, column \d+/] },
  { fixture: "missing", words: [/catalog\.json could not be loaded/, /missing/, /404/] },
  { fixture: "servererror", words: [/catalog\.json could not be loaded/, /answered 500/] },
  {
    fixture: "wrongshape",
    words: [/At \$\.offerings\[0\]\.fee\.amountCents: expected a whole number, found a string\./, /one other problem/],
  },
  { fixture: "version2", words: [/catalog\.json could not be loaded/, /version 2/, /reads version 1/] },
];

for (const { fixture, words } of CASES) {
  test(`a ${fixture} catalog shows an error page, not a blank one`, async ({ page, context }) => {
    await context.addCookies([{ name: "fixture", value: fixture, url: "http://127.0.0.1:4173" }]);
    await page.goto("/catalog");
    const alert = page.getByRole("alert");
    await expect(alert).toBeVisible();
    for (const w of words) await expect(alert).toContainText(w);
    await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Reload the page" })).toBeVisible();
    await expectNoAxeViolations(page, `/catalog with ${fixture} catalog`);
  });
}

test("an offering page with a broken catalog has an error heading", async ({ page, context }) => {
  await context.addCookies([{ name: "fixture", value: "malformed", url: "http://127.0.0.1:4173" }]);
  await page.goto("/catalog/health-data-foundations");
  await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("catalog.json");
});

test("the FAQ still works when only the catalog is broken, and says so when the FAQ is", async ({ page, context }) => {
  await context.addCookies([{ name: "fixture", value: "malformed", url: "http://127.0.0.1:4173" }]);
  await page.goto("/faq#what-is-a-series");
  await expect(page.locator("details#what-is-a-series")).toHaveAttribute("open", "");
  await context.addCookies([{ name: "fixture", value: "brokenfaq", url: "http://127.0.0.1:4173" }]);
  await page.goto("/faq");
  await expect(page.getByRole("alert")).toContainText("faq.json could not be loaded");
});

// Without a service worker (a private window, a browser that refuses it, or
// before it has finished caching): with one, the FAQ would come from its
// cache (offline.spec.mjs).
test.describe("with no service worker", () => {
  test.use({ serviceWorkers: "block" });
  test("going offline after the first load keeps the page and says what failed", async ({ page, context }) => {
    await page.goto("/catalog");
    await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();
    await context.setOffline(true);
    // The FAQ is fetched on demand: offline, it fails with words, not a blank page.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "FAQ" }).click();
    await expect(page.getByRole("alert")).toContainText("faq.json could not be loaded");
    await expect(page.getByRole("alert")).toContainText("did not reach the server");
    // The catalog already loaded stays usable.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
    await expect(page.getByRole("link", { name: "Foundations of Health Data" })).toBeVisible();
    await context.setOffline(false);
  });
});
