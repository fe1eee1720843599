// The built site's `_headers` (scripts/headers.mjs) as the test server
// applies them: a strict Content-Security-Policy and the other security
// headers, under which every route works with no violation.
import { test, expect, DEMO_DAY, ROUTES, collectErrors } from "./helpers.mjs";

/** Records every CSP violation the page reports, from before any script runs. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "(inline)"}`),
    );
  });
}

test("index.html is served with a strict policy and the other security headers", async ({ page }) => {
  const response = await page.goto("/");
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toBeTruthy();
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
});

for (const { path, heading } of ROUTES) {
  test(`${path} works with no CSP violation`, async ({ page }) => {
    await watchViolations(page);
    const errors = collectErrors(page);
    await page.clock.setFixedTime(DEMO_DAY);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test("verifying a demo badge (worker, wasm, fetches) breaks no rule", async ({ page }) => {
  await watchViolations(page);
  await page.clock.setFixedTime(DEMO_DAY);
  await page.goto("/verify?url=" + encodeURIComponent("http://127.0.0.1:4173/badges/health-data-foundations.json"));
  await expect(page.locator("#verdict-title")).toBeVisible({ timeout: 15000 });
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});

test("a sub-path build carries its own headers, with its own loader's hash", async ({ page }) => {
  await watchViolations(page);
  const response = await page.goto("http://127.0.0.1:4174/mc/faq");
  expect(response.headers()["content-security-policy"]).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  await expect(page.getByRole("heading", { level: 1, name: "Frequently asked questions" })).toBeVisible();
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});
