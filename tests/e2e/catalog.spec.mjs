// The catalog as a learner uses it: search, facets, sorting and pages, all in
// the URL; offering pages with enrol and register links; the series planner;
// and dates that never shift with the browser's time zone.
//
// The demo catalog is written for 30 November 2026 in Melbourne, so these
// tests fix the browser clock there (Playwright's clock) and the statuses
// they check stay true whatever day the suite runs.
import { test, expect, DEMO_DAY, collectErrors, expectNoAxeViolations } from "./helpers.mjs";

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(DEMO_DAY);
});

const search = (page) => page.getByRole("searchbox", { name: "Search by title, skill or topic" });
const status = (page) => page.locator("#catalog-status");
const cards = (page) => page.locator("main article");

test("search and a facet live in the URL, and Back restores the view", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/catalog");
  await expect(status(page)).toHaveText("43 courses.");
  await search(page).fill("data");
  await expect(page).toHaveURL(/\/catalog\?q=data$/);
  await expect(status(page)).toHaveText(/^\d+ courses match “data”\.$/);
  const matching = await cards(page).count();
  expect(matching).toBeGreaterThan(3);
  // The counts beside each type follow the search.
  const micro = page.getByRole("checkbox", { name: /^Micro-credential \((\d+)\)$/ });
  const label = await page.locator('label[for="filter-type-micro-credential"]').innerText();
  const microCount = Number(label.match(/\((\d+)\)/)[1]);
  expect(microCount).toBeLessThan(26);
  await micro.check();
  await expect(page).toHaveURL(/\/catalog\?q=data&type=micro-credential$/);
  await expect(status(page)).toHaveText(`${microCount} courses match “data” and the filters.`);
  for (const kind of await page.locator("main article p:first-child").allInnerTexts()) {
    expect(kind.toUpperCase()).toContain("MICRO-CREDENTIAL");
  }
  await expect(page.getByRole("button", { name: "Remove filter: Type, Micro-credential" })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/catalog\?q=data$/);
  await expect(micro).not.toBeChecked();
  await expect(search(page)).toHaveValue("data");
  await expect(cards(page)).toHaveCount(matching);
  await page.goForward();
  await expect(micro).toBeChecked();
  expect(errors).toEqual([]);
});

test("a shared link opens the same view, sorted and filtered", async ({ page }) => {
  await page.goto("/catalog?type=seminar&sort=fee");
  await expect(page.getByRole("checkbox", { name: /^Professional development seminar/ })).toBeChecked();
  await expect(page.getByRole("combobox", { name: "Sort by" })).toHaveValue("fee");
  const fees = await page.locator("main article").evaluateAll((els) =>
    els.map((el) => Number(el.innerText.match(/A\$([\d,]+)\.\d\d/)[1].replace(/,/g, ""))),
  );
  expect(fees.length).toBe(4);
  expect([...fees].sort((a, b) => a - b)).toEqual(fees);
  await expectNoAxeViolations(page, "filtered catalog");
});

test("typos still find the course, and the page says so", async ({ page }) => {
  await page.goto("/catalog");
  await search(page).fill("pyhton");
  await expect(cards(page).first()).toContainText("Python for Data Analysis");
  await search(page).press("Enter");
  await expect(page).toHaveURL(/\/catalog\?q=pyhton$/);
  await expect(status(page)).toContainText("No exact match for “pyhton”");
});

test("no results says so and offers to clear everything", async ({ page }) => {
  await page.goto("/catalog?type=masterclass");
  await search(page).fill("zebra crossing");
  await expect(page.getByText("No courses match.")).toBeVisible();
  await page.getByRole("button", { name: "Clear the search and all filters" }).click();
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(status(page)).toHaveText("43 courses.");
  await expect(search(page)).toHaveValue("");
});

test("long result lists come in pages with links", async ({ page }) => {
  await page.goto("/catalog");
  await expect(cards(page)).toHaveCount(24);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/catalog\?page=2$/);
  await expect(cards(page)).toHaveCount(19);
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
});

test("the filters work from the keyboard alone", async ({ page }) => {
  await page.goto("/catalog");
  await page.getByRole("checkbox", { name: /^Online/ }).focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/delivery=online/);
  // The checkbox keeps focus after the results change.
  await expect(page.getByRole("checkbox", { name: /^Online/ })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/\/catalog$/);
});

test("an offering with an open cohort leads to /enrol/:cohort", async ({ page }) => {
  await page.goto("/catalog/carbon-accounting");
  await expect(page.getByText("7 December 2026 to 31 January 2027")).toBeVisible();
  const enrol = page.getByRole("link", { name: "Enrol now in Carbon Accounting Fundamentals, starting 7 December 2026" });
  await enrol.click();
  await expect(page).toHaveURL(/\/enrol\/ca-2026-12$/);
  await expect(page.getByRole("heading", { level: 1, name: "Enrol in Carbon Accounting Fundamentals" })).toBeVisible();
});

test("an offering page states the facts that apply to it", async ({ page }) => {
  await page.goto("/catalog/threat-detection-response");
  const facts = page.locator("dl");
  await expect(facts).toContainText("paid upfront and in full");
  await expect(facts).toContainText("no instalments");
  await expect(facts).toContainText("FEE-HELP");
  await expect(facts).toContainText("not self-paced");
  await expect(facts).toContainText("equivalent to a 1,250-word essay");
  await expect(facts).toContainText("70% or more");
  await expect(facts).toContainText("3.125 credit points");
  await expect(facts).toContainText("45 hours of learning, worth 45 CPD points");
  await expect(facts).toContainText("Successful completion of the Security Foundations for Organisations micro-credential");
  await expect(facts).toContainText("expires 2 years after it is issued");
  await expect(page.getByRole("img", { name: "The Threat Detection and Incident Response badge" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Professional frameworks" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Endorsed by" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Applied Cyber Security series" })).toBeVisible();
  await expect(page.getByText("Graduate Certificate in Cyber Security")).toBeVisible();
  // A blended cohort opening later, shown with its date.
  await expect(page.getByText("Enrolments open 1 March 2027.")).toBeVisible();
});

test("an unassessed short course says so, and that there is no badge", async ({ page }) => {
  await page.goto("/catalog/excel-for-data-analysis");
  await expect(page.getByText("This course is not assessed.")).toBeVisible();
  await expect(page.getByText("No shareable digital badge or certificate")).toBeVisible();
  await expect(page.getByText("No academic credit.")).toBeVisible();
});

test("full and closed cohorts are shown as such, without an enrol link", async ({ page }) => {
  await page.goto("/catalog/leading-high-performing-teams");
  const full = page.locator("li", { hasText: "15 February 2027 to 28 March 2027" });
  await expect(full).toContainText("Full.");
  await expect(full.getByRole("link")).toHaveCount(0);
  await page.goto("/catalog/leading-through-change");
  await expect(page.locator("li", { hasText: "5 April 2027 to 16 May 2027" })).toContainText("Enrolments closed.");
});

test("with no open cohort, Register for updates, with the opening date when known", async ({ page }) => {
  await page.goto("/catalog/urban-sketching");
  await expect(page.getByText("No dates are set yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: /Enrol now/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Register for updates about Urban Sketching Weekend" }).click();
  await expect(page).toHaveURL(/\/register\/urban-sketching$/);
  await expect(page.getByRole("heading", { level: 1, name: "Register for updates: Urban Sketching Weekend" })).toBeVisible();

  await page.goto("/catalog/secure-cloud-operations");
  await expect(page.getByText("Enrolments open on 1 February 2027.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Register for updates about Secure Cloud Operations" })).toBeVisible();
});

/** The plan's steps as [start, end] Date pairs, in the order shown. */
async function planSteps(page) {
  await expect(page.getByText(/^Your plan runs from/)).toBeVisible();
  const texts = await page.locator("section[aria-labelledby=planner-title] ol > li p:nth-child(2)").allInnerTexts();
  return texts.map((t) => t.split(" to ").map((d) => new Date(`${d} UTC`)));
}

test("the planner proposes four cohorts that do not overlap, and a swap re-plans", async ({ page }) => {
  await page.goto("/series/health-data-analytics");
  await expect(page.getByText("Your plan runs from 8 February 2027 to 14 November 2027.")).toBeVisible();
  let steps = await planSteps(page);
  expect(steps.length).toBe(4);
  for (let i = 1; i < steps.length; i++) expect(steps[i][0] > steps[i - 1][1]).toBe(true);
  await expect(page.locator("table tfoot")).toContainText("A$6,180.00");

  // Swap Foundations of Health Data to its May cohort.
  await page.getByRole("combobox", { name: "Dates for Foundations of Health Data" }).selectOption({ label: "3 May 2027 to 13 June 2027 · Blended" });
  await expect(page.getByText("Your plan runs from 3 May 2027 to 14 November 2027.")).toBeVisible();
  steps = await planSteps(page);
  for (let i = 1; i < steps.length; i++) expect(steps[i][0] > steps[i - 1][1]).toBe(true);
  await expect(page.getByRole("button", { name: "Undo my changes" })).toBeVisible();
  await expectNoAxeViolations(page, "planner with a swap");

  // From July 2027 Foundations has no dates left: the plan is explained.
  await page.getByRole("combobox", { name: "Start from" }).selectOption({ label: "July 2027" });
  await expect(page.getByText("Foundations of Health Data has no dates you can enrol in from July 2027 on.")).toBeVisible();
});

test("a suite is a group without the credit promise", async ({ page }) => {
  await page.goto("/series/ai-for-professionals");
  await expect(page.getByRole("heading", { level: 1, name: "AI for Professionals" })).toBeVisible();
  await expect(page.getByText("does not in itself lead to credit")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Plan your series" })).toHaveCount(0);
});

// Dates are the institution's calendar dates. The same instant is 1 December
// in Melbourne but still 30 November in Los Angeles, and 1 December in
// Kiritimati while Melbourne is still on 30 November.
for (const { zone, instant, open } of [
  { zone: "America/Los_Angeles", instant: "2026-11-30T14:00:00Z", open: true },
  { zone: "Pacific/Kiritimati", instant: "2026-11-30T11:00:00Z", open: false },
  { zone: "UTC", instant: "2026-11-30T14:00:00Z", open: true },
]) {
  test.describe(`a browser in ${zone}`, () => {
    test.use({ timezoneId: zone });
    test(`sees Melbourne's dates and statuses at ${instant}`, async ({ page }) => {
      await page.clock.setFixedTime(new Date(instant));
      await page.goto("/catalog/designing-online-assessment");
      await expect(page.getByText("8 March 2027 to 18 April 2027")).toBeVisible();
      await expect(page.getByText("2 August 2027 to 12 September 2027")).toBeVisible();
      const enrol = page.getByRole("link", { name: /Enrol now in Designing Online Assessment/ });
      if (open) {
        await expect(enrol).toBeVisible();
      } else {
        await expect(page.getByText("Enrolments open on 1 December 2026.")).toBeVisible();
        await expect(enrol).toHaveCount(0);
      }
      await page.goto("/series/digital-learning-design");
      const first = await planSteps(page);
      expect(first[0][0].toISOString().slice(0, 10)).toBe("2027-01-18");
    });
  });
}
