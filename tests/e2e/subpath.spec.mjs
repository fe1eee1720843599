// dist-sub/ is the same app built with `--public-url /mc/` and served under /mc/.
import { test, expect, DEMO_DAY, expectNoAxeViolations } from "./helpers.mjs";

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

test("the checkout works under a sub-path: steps, Back, and the demo confirmation", async ({ page }) => {
  await page.clock.setFixedTime(DEMO_DAY);
  await page.goto(`${BASE}/enrol/hdf-2027-02`);
  await expect(page.getByRole("heading", { level: 2, name: /The course and dates/ })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(`${BASE}/enrol/hdf-2027-02?step=eligibility`);
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page).toHaveURL(`${BASE}/enrol/hdf-2027-02?step=cohort`);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 2, name: /Can you enrol/ })).toBeVisible();
  await page.getByLabel(/I confirm that my answers are true/).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Given name").fill("Mei");
  await page.getByLabel("Family name").fill("Chen");
  await page.getByLabel("Email address", { exact: true }).fill("mei@example.com");
  await page.getByLabel("Email address again").fill("mei@example.com");
  await page.getByLabel("Phone number").fill("+61 400 000 000");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole("button", { name: "Enrol now" }).click();
  await expect(page).toHaveURL(`${BASE}/enrol/hdf-2027-02?step=done`);
  const sent = JSON.parse(await page.getByLabel("The enrolment as JSON").textContent());
  expect(sent.return_url).toBe("http://127.0.0.1:4174/mc/enrol/complete");
});
