// Shared checks for the end-to-end specs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test as base, expect } from "@playwright/test";

export { expect };

/** Until the app has taken over a pre-rendered page (scripts/prerender.mjs), its static copy is on screen. */
export const appIsLive = () => !document.getElementById("prerendered");

/**
 * Playwright's `test`, whose page waits after each navigation until the app
 * has taken over a pre-rendered page: the specs then act on the live app, as
 * a person does once it has started. (What happens before that is tested on
 * its own, in offline.spec.mjs.)
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    for (const name of ["goto", "reload", "goBack", "goForward"]) {
      const navigate = page[name].bind(page);
      page[name] = async (...args) => {
        const response = await navigate(...args);
        await page.waitForFunction(appIsLive);
        return response;
      };
    }
    await use(page);
  },
});

const require = createRequire(import.meta.url);
const AXE_TEXT = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core on the page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page, label = page.url()) {
  // Evaluated through the DevTools protocol, not added as a <script>: the
  // site's Content-Security-Policy (which the test server applies) rightly
  // refuses inline scripts.
  await page.evaluate(AXE_TEXT);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  });
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join("\n    ")}`).join("\n");
  expect(violations, `axe violations on ${label}:\n${report}`).toEqual([]);
}

/** The page does not scroll sideways at the current viewport width. */
export async function expectNoHorizontalScroll(page, label = page.url()) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `horizontal scroll on ${label}`).toBeLessThanOrEqual(clientWidth);
}

/** Waits until the app has rendered a page heading (the wasm has started). */
export async function waitForApp(page) {
  await expect(page.locator("main h1").first()).toBeVisible();
}

/** Collects console errors and uncaught exceptions (a panic shows up here). */
export function collectErrors(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Every route of the app, with a heading that proves it rendered. */
export const ROUTES = [
  { path: "/", heading: "Learn a skill. Prove it. Share it." },
  { path: "/catalog", heading: "Catalog" },
  { path: "/catalog/health-data-foundations", heading: "Foundations of Health Data" },
  { path: "/catalog/python-for-analysts", heading: "Python for Data Analysis: A Practical Start" },
  { path: "/series/health-data-analytics", heading: "Health Data Analytics" },
  { path: "/series/ai-for-professionals", heading: "AI for Professionals" },
  { path: "/catalog?q=lead&delivery=online", heading: "Catalog" },
  { path: "/catalog/threat-detection-response", heading: "Threat Detection and Incident Response" },
  { path: "/register/urban-sketching", heading: "Register for updates: Urban Sketching Weekend" },
  { path: "/faq", heading: "Frequently asked questions" },
  { path: "/enrol/hdf-2027-02", heading: "Enrol in Foundations of Health Data" },
  { path: "/enrol/complete?reference=ENR-00042", heading: "Enrolment received" },
  { path: "/wallet", heading: "Your wallet" },
  { path: "/verify", heading: "Verify a badge" },
  { path: "/no/such/page", heading: "Page not found" },
  { path: "/catalog/no-such-course", heading: "No such course" },
];

/** The day the demo catalog is written for: 30 November 2026, 9 am in
 * Melbourne. Tests whose assertions depend on cohort statuses fix the
 * browser clock here, so they hold whatever day the suite runs. */
export const DEMO_DAY = new Date("2026-11-29T22:00:00Z");
