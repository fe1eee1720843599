// The FAQ: live search, deep links, structured data.
import { test, expect, waitForApp } from "./helpers.mjs";

test("search filters as you type, ignoring case and accents", async ({ page }) => {
  await page.goto("/faq");
  await waitForApp(page);
  const search = page.getByRole("searchbox", { name: "Search the questions" });
  const status = page.getByRole("status").filter({ hasText: "questions" });
  await expect(status).toHaveText(/^\d+ questions\.$/);
  const total = Number((await status.textContent()).split(" ")[0]);
  expect(total).toBeGreaterThanOrEqual(20);

  await search.fill("INSTALM");
  await expect(page.getByText("Can I pay in instalments or use FEE-HELP?")).toBeVisible();
  await expect(page.getByText("What is a series?")).toBeHidden();
  const upper = await status.textContent();

  await search.fill("instalm");
  await expect(status).toHaveText(upper);

  await search.fill("fée");
  const accented = await status.textContent();
  await search.fill("fee");
  await expect(status).toHaveText(accented);

  await search.fill("zzqxj");
  await expect(status).toHaveText("No questions match “zzqxj”.");
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(status).toHaveText(`${total} questions.`);
});

test("a deep link opens the question and moves focus to it", async ({ page }) => {
  await page.goto("/faq#what-mark-do-i-need-to-pass");
  const details = page.locator("details#what-mark-do-i-need-to-pass");
  await expect(details).toHaveAttribute("open", "");
  await expect(details.locator("summary")).toBeFocused();
  await expect(details.getByText("at least 70%")).toBeInViewport();
});

test("following an in-app link to a question opens it", async ({ page }) => {
  await page.goto("/verify");
  await page.getByRole("link", { name: "the FAQ on verification" }).click();
  const details = page.locator("details#what-do-the-verification-results-mean");
  await expect(details).toHaveAttribute("open", "");
  await expect(details.getByText("Could not check means")).toBeVisible();
});

test("the page carries schema.org FAQPage structured data", async ({ page }) => {
  await page.goto("/faq");
  await waitForApp(page);
  const text = await page.locator('script[type="application/ld+json"]').textContent();
  const data = JSON.parse(text);
  expect(data["@type"]).toBe("FAQPage");
  expect(data.mainEntity.length).toBeGreaterThanOrEqual(20);
  expect(data.mainEntity[0]["@type"]).toBe("Question");
});
