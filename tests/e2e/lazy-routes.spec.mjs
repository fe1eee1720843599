// Each page beyond the home page is a lazy route of the one app (issue 17):
// its code is a chunk (`split_<name>.wasm`) fetched when the route first
// opens, never before; on a first visit it comes in the route's pack
// (`pack_<name>.wasm`, with the shared chunks it needs: scripts/pack-chunks.mjs).
// A direct visit fetches that route's code and no other page's; from the
// home page, following an in-app link fetches the code only then, and the
// page works. (A chunk that cannot be fetched:
// broken-data.spec.mjs. Chunks from the service worker's cache:
// offline.spec.mjs.)
import { test, expect, DEMO_DAY, appIsLive, collectErrors } from "./helpers.mjs";

/** The page whose code a request path fetches (its chunk or its pack), or null (shared chunks, data, the main module). */
const pageChunk = (path) => /^(?:\/mc)?\/app-[0-9a-f]{16}\/(?:split|pack)_([a-z_]+)\.wasm$/.exec(path)?.[1] ?? null;

/** Records the page chunks the page fetches, in order. */
function chunksOf(page) {
  const fetched = [];
  page.on("request", (r) => {
    const chunk = pageChunk(new URL(r.url()).pathname);
    if (chunk) fetched.push(chunk);
  });
  return fetched;
}

const DIRECT = [
  { path: "/catalog", chunk: "catalog", heading: "Catalog" },
  { path: "/catalog/health-data-foundations", chunk: "offering", heading: "Foundations of Health Data" },
  { path: "/series/health-data-analytics", chunk: "series", heading: "Health Data Analytics" },
  { path: "/faq", chunk: "faq", heading: "Frequently asked questions" },
  { path: "/verify", chunk: "verify", heading: "Verify a badge" },
  { path: "/wallet", chunk: "wallet", heading: "Your wallet" },
  { path: "/enrol/hdf-2027-02", chunk: "checkout", heading: "Enrol in Foundations of Health Data" },
  { path: "/register/urban-sketching", chunk: "checkout", heading: "Register for updates: Urban Sketching Weekend" },
  { path: "/enrol/complete?reference=ENR-00042", chunk: "checkout", heading: "Enrolment received" },
];

for (const { path, chunk, heading } of DIRECT) {
  test(`a direct visit to ${path} fetches its page's code (${chunk}) and no other page's`, async ({ page }) => {
    const errors = collectErrors(page);
    const fetched = chunksOf(page);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    expect(fetched).toEqual([chunk]);
    expect(errors).toEqual([]);
  });
}

test("the home page and not-found fetch no page's code", async ({ page }) => {
  const fetched = chunksOf(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: HOME })).toBeVisible();
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect(fetched).toEqual([]);
});

const HOME = "Learn a skill. Prove it. Share it.";

// From the home page, one in-app link after another: each step's chunk is
// fetched when its link is followed, not earlier, and once.
const WALK = [
  { link: ["link", { name: "Catalog", exact: true }], chunk: "catalog", heading: "Catalog" },
  { link: ["link", { name: "FAQ", exact: true }], chunk: "faq", heading: "Frequently asked questions" },
  { link: ["link", { name: "Verify", exact: true }], chunk: "verify", heading: "Verify a badge" },
  { link: ["link", { name: "Wallet", exact: true }], chunk: "wallet", heading: "Your wallet" },
  { link: ["link", { name: "Kestrel University", exact: false }], chunk: null, heading: HOME },
  { link: ["link", { name: "Health Data Analytics", exact: true }], chunk: "series", heading: "Health Data Analytics" },
  { link: ["link", { name: "Foundations of Health Data", exact: true }], chunk: "offering", heading: "Foundations of Health Data" },
  { link: ["link", { name: /^Enrol/ }], chunk: "checkout", heading: "Enrol in Foundations of Health Data" },
];

test("in-app links fetch each page's code when followed, and only then", async ({ page }) => {
  await page.clock.setFixedTime(DEMO_DAY);
  const errors = collectErrors(page);
  const fetched = chunksOf(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: HOME })).toBeVisible();
  expect(fetched).toEqual([]);
  const expected = [];
  for (const { link, chunk, heading } of WALK) {
    await page.getByRole(...link).first().click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    if (chunk) expected.push(chunk);
    expect(fetched, `after following ${link[1].name}`).toEqual(expected);
  }
  // Back through the history: nothing fetched again.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Foundations of Health Data" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Health Data Analytics" })).toBeVisible();
  expect(fetched).toEqual(expected);
  expect(errors).toEqual([]);
});

test("a badge's page in the wallet fetches its code when the badge is opened", async ({ page, context }) => {
  await context.addCookies([{ name: "fixture", value: "local", url: "http://127.0.0.1:4173" }]);
  const fetched = chunksOf(page);
  await page.goto("/wallet");
  await expect(page.getByText("Your wallet is empty.")).toBeVisible();
  await page.getByLabel(/Choose badge files, or drop them here/).setInputFiles("tests/e2e/fixtures/local/badges/health-data-foundations.json");
  const card = page.locator("#wallet-badges > li h3 a").first();
  await expect(card).toBeVisible({ timeout: 20000 });
  expect(fetched).toEqual(["wallet"]);
  await card.click();
  await expect(page.locator("#verdict-title")).toBeVisible({ timeout: 20000 });
  expect(fetched).toEqual(["wallet", "wallet_badge"]);
  // And straight to it, in a fresh page: only its own code.
  const url = page.url();
  const other = await context.newPage();
  const direct = chunksOf(other);
  await other.goto(url);
  await expect(other.locator("#verdict-title")).toBeVisible({ timeout: 20000 });
  expect(direct).toEqual(["wallet_badge"]);
});

test.describe("a first visit with no service worker", () => {
  test.use({ serviceWorkers: "block" });

  test("takes the route's code in one pack, or chunk by chunk when the pack fails", async ({ page }) => {
    const requested = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname.replace(/^\/app-[0-9a-f]{16}\//, "")));
    await page.goto("/faq");
    await expect(page.getByRole("heading", { level: 1, name: "Frequently asked questions" })).toBeVisible();
    const wasm = () => requested.filter((p) => p.endsWith(".wasm"));
    expect(wasm()).toEqual(["app_bg.wasm", "pack_faq.wasm"]);
    // The pack refused: the same page, from the single files.
    await page.route(/\/pack_faq\.wasm$/, (route) => route.abort());
    requested.length = 0;
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Frequently asked questions" })).toBeVisible();
    await expect(page.getByText("This page could not be loaded")).toHaveCount(0);
    expect(wasm()).toContain("split_faq.wasm");
    expect(wasm().filter((p) => p.startsWith("chunk_")).length).toBeGreaterThan(5);
    // A search in the FAQ works: its code is all there.
    await page.getByRole("searchbox").first().fill("credit");
    await expect(page.locator("main")).toContainText(/credit/i);
  });
});

// The take-over builds the live page off screen, in small tasks (start-up
// long tasks: scripts/bench-takeover.mjs), and swaps it in at once: the
// moment the static copy leaves, the live page is complete (nothing is
// added after), with the copy's headings. (The real clock: the copy was
// rendered at build time, today.)
for (const path of ["/catalog", "/catalog/health-data-foundations", "/faq", "/faq#what-is-a-short-course", "/"]) {
  test(`the take-over of ${path} swaps in the whole live page at once`, async ({ page }) => {
    await page.addInitScript(() => {
      const shape = (root) => ({
        headings: [...root.querySelectorAll("h1, h2, h3")].map((h) => h.textContent.trim()),
        items: root.querySelectorAll("li").length,
        boxes: root.querySelectorAll("input[type=checkbox]").length,
        links: root.querySelectorAll("a[href]").length,
        footer: root.querySelectorAll("footer").length,
      });
      window.__shape = shape;
      window.__shapes = {};
      document.addEventListener("DOMContentLoaded", () => {
        window.__shapes.copy = shape(document.getElementById("prerendered"));
        new MutationObserver((_, observer) => {
          if (document.getElementById("prerendered")) return;
          observer.disconnect();
          // Still in the task that swapped the two: before any paint.
          window.__shapes.live = shape(document.body);
        }).observe(document.body, { childList: true });
      });
    });
    await page.goto(path);
    await page.waitForFunction(appIsLive);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(300);
    const { copy, live, settled } = await page.evaluate(() => ({ ...window.__shapes, settled: window.__shape(document.body) }));
    expect(copy.headings.length).toBeGreaterThan(1);
    expect(live).toEqual(settled);
    expect(live.headings).toEqual(copy.headings);
  });
}

// The live page lays out as the copy did: on a page shorter than the
// window, the main landmark still fills it and the footer stays put.
for (const width of [412, 1280]) {
  test(`the take-over of a short page (/verify, ${width} px) moves nothing`, async ({ page }) => {
    await page.setViewportSize({ width, height: 1400 });
    await page.addInitScript(() => {
      const place = () => {
        const main = document.querySelector("main").getBoundingClientRect();
        return { mainHeight: Math.round(main.height), footerTop: Math.round(document.querySelector("footer").getBoundingClientRect().top) };
      };
      window.__place = place;
      document.addEventListener("DOMContentLoaded", () => (window.__copyPlace = place()));
    });
    await page.goto("/verify");
    const { copy, live } = await page.evaluate(() => ({ copy: window.__copyPlace, live: window.__place() }));
    expect(copy.footerTop).toBeGreaterThan(1000);
    expect(live).toEqual(copy);
  });
}
