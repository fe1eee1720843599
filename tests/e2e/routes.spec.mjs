// Every route renders, passes axe in light and dark schemes, and reflows at
// 320 px without sideways scrolling.
import { test, expect, ROUTES, collectErrors, expectNoAxeViolations, expectNoHorizontalScroll } from "./helpers.mjs";

for (const scheme of ["light", "dark"]) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    for (const { path, heading } of ROUTES) {
      test(`${path} renders with no axe violations`, async ({ page }) => {
        const errors = collectErrors(page);
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expect(page.locator("header")).toContainText("Kestrel University");
        // The learner module's pages: mounted, not mid-swap.
        await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
        await expectNoAxeViolations(page, `${path} (${scheme})`);
        expect(errors).toEqual([]);
      });
    }
  });
}

test.describe("narrow screens", () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const { path, heading } of ROUTES) {
    test(`${path} has no horizontal scroll at 320 px`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectNoHorizontalScroll(page, path);
    });
  }
});

test("the document title names the page and the institution", async ({ page }) => {
  await page.goto("/faq");
  await expect(page).toHaveTitle("Frequently asked questions · Kestrel University");
});

test("unknown paths get the SPA fallback and a real 404 page", async ({ page }) => {
  const response = await page.goto("/definitely/not/here");
  expect(response.status()).toBe(200); // as a CDN's SPA fallback answers
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("/definitely/not/here")).toBeVisible();
  await page.getByRole("link", { name: "Browse the catalog" }).click();
  await expect(page).toHaveURL(/\/catalog$/);
});

test("the axe check itself fails on an inaccessible page", async ({ page }) => {
  await page.setContent('<html lang="en"><body><main><h1>x</h1><img src="a.png"><button></button></main></body></html>');
  let failed = false;
  try {
    await expectNoAxeViolations(page, "a deliberately broken page");
  } catch (e) {
    failed = /image-alt/.test(e.message) && /button-name/.test(e.message);
  }
  expect(failed).toBe(true);
});
