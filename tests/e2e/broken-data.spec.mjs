// Broken data files give an error page that names the file and the problem.
import { test, expect, expectNoAxeViolations, collectErrors } from "./helpers.mjs";

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
    // The FAQ's code and data are fetched on demand: offline, that fails
    // with words and a way out, not a blank page (nor a stopped app).
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "FAQ" }).click();
    await expect(page.getByRole("alert")).toContainText("This page could not be loaded");
    await expect(page.getByRole("alert").getByRole("button", { name: "Reload" })).toBeVisible();
    // The catalog already loaded stays usable.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
    await expect(page.getByRole("link", { name: "Foundations of Health Data" })).toBeVisible();
    await context.setOffline(false);
  });
});

// With a service worker, the chunks come from its cache (offline.spec.mjs).
test.describe("a route's chunk with no service worker", () => {
  test.use({ serviceWorkers: "block" });
test("a route whose code cannot be fetched says so and reloads into the page", async ({ page }) => {
  const errors = collectErrors(page);
  let refuse = true;
  await page.route(/\/app-[0-9a-f]{16}\/(split|pack)_faq\.wasm$/, (route) => (refuse ? route.abort() : route.continue()));
  await page.goto("/catalog");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "FAQ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "This page could not be loaded" })).toBeVisible();
  await expect(page.getByRole("alert").getByRole("button", { name: "Reload" })).toBeVisible();
  // The rest of the app still works: the app did not stop.
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Catalog" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "This page could not be loaded" })).toBeVisible();
  // Reload fetches the page afresh, and this time its code arrives.
  await page.evaluate(() => (window.__beforeReload = true));
  refuse = false;
  await page.getByRole("alert").getByRole("button", { name: "Reload" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Frequently asked questions" })).toBeVisible();
  expect(await page.evaluate(() => window.__beforeReload)).toBeUndefined();
  // Only the refused fetch was reported, by the browser; nothing panicked.
  expect(errors.filter((e) => !/Failed to fetch|net::ERR_FAILED|TypeError/.test(e))).toEqual([]);
});
});
