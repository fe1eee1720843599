// The enrolment checkout and "register for updates", against a real HTTP
// service (tests/e2e/endpoint.mjs) that records every request. The fixture
// `endpoint` (cookie) serves a config.json naming it, with a 2-second
// submission timeout; without the cookie the site is in demo mode.
import { startEndpoint } from "./endpoint.mjs";
import { test, expect, DEMO_DAY, collectErrors, expectNoAxeViolations, expectNoHorizontalScroll } from "./helpers.mjs";

// One service on one port: this file's tests run one after another.
test.describe.configure({ mode: "default" });

const PORT = 4175;
const COHORT = "tdr-2027-03";
const TITLE = "Threat Detection and Incident Response";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let api;
test.beforeAll(async () => {
  api = await startEndpoint(PORT);
});
test.afterAll(async () => {
  await api.close();
});

let errors;
test.beforeEach(async ({ page, context }) => {
  api.reset();
  api.slowMs = 4000;
  errors = collectErrors(page);
  await page.clock.setFixedTime(DEMO_DAY);
  await context.addCookies([{ name: "fixture", value: "endpoint", url: "http://127.0.0.1:4173" }]);
});

test.afterEach(() => {
  // The endpoint's 4xx/5xx answers are logged by Chromium as failed loads;
  // anything else (a panic above all) is a defect.
  expect(errors.filter((e) => !/status of (409|422|500)|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
});

const stepHeading = (page, name) => page.getByRole("heading", { level: 2, name: new RegExp(name) });

async function toEligibility(page, cohort = COHORT) {
  await page.goto(`/enrol/${cohort}`);
  await expect(stepHeading(page, "The course and dates")).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(stepHeading(page, "Can you enrol")).toBeVisible();
}

async function fillDetails(page, { email = "Ana.Lima@Example.org" } = {}) {
  await page.getByLabel("Given name").fill("Ana Lúcia");
  await page.getByLabel("Family name").fill("de Lima-O'Connor");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Email address again").fill(email);
  await page.getByLabel("Phone number").fill("+61 3 9000 1234");
}

async function toReview(page) {
  await toEligibility(page);
  await page.getByRole("radio", { name: "Yes" }).check();
  await page.getByLabel(/I confirm that my answers are true/).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(stepHeading(page, "Your details")).toBeVisible();
  await fillDetails(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(stepHeading(page, "Fees and terms")).toBeVisible();
}

async function storedKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("microcred.")));
}

test("the happy path: every step, one POST with the contract's body and key, confirmation, draft cleared", async ({ page }) => {
  // Answered after 1 s (within the 2 s timeout): the double-click below
  // lands while the first is being sent.
  api.slowMs = 1000;
  api.script.push("slow");
  await page.goto(`/enrol/${COHORT}`);
  await expect(page.getByRole("heading", { level: 1, name: `Enrol in ${TITLE}` })).toBeVisible();
  await expect(page.getByText("Demo mode")).toHaveCount(0);
  await expect(page.getByText("Step 1 of 4")).toBeVisible();
  await expectNoAxeViolations(page, "step 1");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\?step=eligibility$/);
  // Continuing with nothing answered: a summary linking to each field.
  await page.getByRole("button", { name: "Continue" }).click();
  const summary = page.locator("#form-errors");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(2);
  await expectNoAxeViolations(page, "step 2 with errors");
  await summary.getByRole("link", { name: "Confirm that what you have said is true." }).click();
  await expect(page.getByLabel(/I confirm that my answers are true/)).toBeFocused();
  await page.getByRole("radio", { name: "Yes" }).check();
  await page.getByLabel(/I confirm that my answers are true/).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\?step=details$/);
  await expect(stepHeading(page, "Your details")).toBeFocused();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(summary.getByRole("link")).toHaveCount(4);
  await expect(page.getByLabel("Given name")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "step 3 with errors");
  await fillDetails(page);
  await page.getByLabel("Organisation you work for (optional)").fill("Harbour Health");
  await page.getByLabel(/How did you hear/).selectOption("A colleague or friend");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(stepHeading(page, "Fees and terms")).toBeVisible();
  await expect(page.getByText("paid in full when you enrol")).toBeVisible();
  await expect(page.getByText("It cannot be paid in instalments.")).toBeVisible();
  await expect(page.getByText(/FEE-HELP/)).toBeVisible();
  await expect(page.getByText(/we refund your fee in full/)).toBeVisible();
  await expect(page.getByText(/You may withdraw at any time/)).toBeVisible();
  // Sending without accepting the terms is refused at the box.
  await page.getByRole("button", { name: "Enrol now" }).click();
  await expect(summary).toContainText("accept the terms");
  expect(api.requests).toHaveLength(0);
  await expectNoAxeViolations(page, "step 4");
  await expectNoHorizontalScroll(page);
  await page.getByLabel(/I accept the terms and conditions \(version 2026-10\)/).check();
  await page.getByRole("button", { name: "Enrol now" }).dblclick();
  await expect(page.getByRole("button", { name: "Sending…" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your enrolment has been received" })).toBeVisible();
  await expect(page.getByText("ENR-00001")).toBeVisible();
  await expect(page).toHaveURL(/\?step=done$/);
  await expectNoAxeViolations(page, "confirmation");
  // Exactly one request, per the contract.
  expect(api.requests).toHaveLength(1);
  const [sent] = api.requests;
  expect(sent.method).toBe("POST");
  expect(sent.contentType).toBe("application/json");
  expect(sent.key).toMatch(UUID);
  expect(sent.body).toMatchObject({
    offering: expect.any(String),
    cohort: COHORT,
    learner: {
      given_name: "Ana Lúcia",
      family_name: "de Lima-O'Connor",
      email: "ana.lima@example.org",
      phone: "+61 3 9000 1234",
      organisation: "Harbour Health",
      heard_from: "A colleague or friend",
    },
    eligibility: { answers: { "req-tdr-study": true }, declared: true },
    accepted_terms_version: "2026-10",
    fee: { amount_cents: expect.any(Number), currency: "AUD" },
  });
  expect(sent.body.return_url).toBe("http://127.0.0.1:4173/enrol/complete");
  // The draft is gone; only the receipt (reference and cohort) stays.
  expect(await storedKeys(page)).toEqual([`microcred.enrol.receipt.${COHORT}`]);
});

test("422: the service's messages appear at the fields; the corrected form is one new submission", async ({ page }) => {
  api.script.push("422");
  await toReview(page);
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole("button", { name: "Enrol now" }).click();
  // Back on the details step, the email field carries the service's words.
  await expect(stepHeading(page, "Your details")).toBeVisible();
  await expect(page).toHaveURL(/\?step=details$/);
  await expect(page.locator("#enrol-email-error")).toContainText("This address cannot receive mail");
  await expect(page.getByLabel("Email address", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert")).toContainText("The cohort is being rescheduled.");
  await expectNoAxeViolations(page, "422 at the fields");
  await page.getByLabel("Email address", { exact: true }).fill("ana@example.net");
  await page.getByLabel("Email address again").fill("ana@example.net");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Enrol now" }).click();
  await expect(page.getByRole("heading", { name: "Your enrolment has been received" })).toBeVisible();
  expect(api.requests).toHaveLength(2);
  expect(api.requests[1].body.learner.email).toBe("ana@example.net");
  // Nothing was recorded the first time, so the second is a new key.
  expect(api.requests[0].key).not.toBe(api.requests[1].key);
  expect(api.enrolments.size).toBe(1);
});

test("500, then retry: the form is kept and the retry sends the same key; one enrolment", async ({ page }) => {
  api.script.push("500");
  await toReview(page);
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole("button", { name: "Enrol now" }).click();
  await expect(page.getByRole("alert")).toContainText("it answered 500");
  await expect(page.getByLabel(/I accept the terms/)).toBeChecked();
  await expectNoAxeViolations(page, "after a 500");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Your enrolment has been received" })).toBeVisible();
  expect(api.requests).toHaveLength(2);
  expect(api.requests[0].key).toBe(api.requests[1].key);
  expect(api.enrolments.size).toBe(1);
});

test("a timeout: the learner is told it may have arrived; the retry gets 409 and is treated as success", async ({ page }) => {
  api.script.push("slow"); // recorded at once, answered after 4 s; the site waits 2 s
  await toReview(page);
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole("button", { name: "Enrol now" }).click();
  await expect(page.getByRole("alert")).toContainText("No answer came within 2 seconds");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Your enrolment has been received" })).toBeVisible();
  await expect(page.getByText("We already had this enrolment")).toBeVisible();
  await expect(page.getByText("ENR-00001")).toBeVisible();
  expect(api.requests.map((r) => r.key)).toEqual([api.requests[0].key, api.requests[0].key]);
  expect(api.enrolments.size).toBe(1);
});

test("offline: nothing is lost, and the retry once online goes through", async ({ page, context }) => {
  await toReview(page);
  await page.getByLabel(/I accept the terms/).check();
  await context.setOffline(true);
  await page.getByRole("button", { name: "Enrol now" }).click();
  await expect(page.getByRole("alert")).toContainText("offline");
  expect(api.requests).toHaveLength(0);
  await context.setOffline(false);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Your enrolment has been received" })).toBeVisible();
  expect(api.requests).toHaveLength(1);
});

test("a reload or a closed tab mid-form keeps everything, and the same key after a failure", async ({ page, context }) => {
  api.script.push("500");
  await toReview(page);
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole("button", { name: "Enrol now" }).click();
  await expect(page.getByRole("alert")).toContainText("it answered 500");
  await page.reload();
  await expect(stepHeading(page, "Fees and terms")).toBeVisible();
  await expect(page.getByLabel(/I accept the terms/)).toBeChecked();
  // A new tab after closing this one.
  await page.goto(`/enrol/${COHORT}?step=details`);
  await page.close();
  const tab = await context.newPage();
  await tab.clock.setFixedTime(DEMO_DAY);
  await tab.goto(`/enrol/${COHORT}?step=details`);
  await expect(tab.getByLabel("Given name")).toHaveValue("Ana Lúcia");
  await expect(tab.getByLabel("Phone number")).toHaveValue("+61 3 9000 1234");
  await tab.getByRole("button", { name: "Continue" }).click();
  await tab.getByRole("button", { name: /Enrol now|Try again/ }).click();
  await expect(tab.getByRole("heading", { name: "Your enrolment has been received" })).toBeVisible();
  expect(api.requests).toHaveLength(2);
  expect(api.requests[1].key).toBe(api.requests[0].key);
});

test("not eligible: the learner is told why and what to do, and cannot go on", async ({ page }) => {
  await toEligibility(page);
  await page.getByRole("radio", { name: "No" }).check();
  const stop = page.locator("#enrol-not-eligible");
  await expect(stop).toContainText("You cannot enrol in this course yet");
  await expect(stop).toContainText("Security Foundations for Organisations");
  await expect(stop.getByRole("link", { name: "Browse the catalog" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue" })).toBeHidden();
  await expectNoAxeViolations(page, "not eligible");
  // A URL further on is brought back to this step.
  await page.goto(`/enrol/${COHORT}?step=review`);
  await expect(stepHeading(page, "Can you enrol")).toBeVisible();
  await expect(page).toHaveURL(/\?step=eligibility$/);
  expect(api.requests).toHaveLength(0);
});

test("closed, full and unknown cohorts, and one that closes while the form is open: a message and no submission", async ({ page }) => {
  await page.goto("/enrol/cdv-2027-03");
  await expect(page.getByRole("alert")).toContainText("This intake is full");
  await expect(page.getByRole("button", { name: "Continue" })).toHaveCount(0);
  await page.goto("/enrol/hdf-2026-07");
  await expect(page.getByRole("alert")).toContainText("has closed");
  await page.goto("/enrol/no-such-cohort");
  await expect(page.getByRole("heading", { level: 1, name: "No such cohort" })).toBeVisible();
  await toReview(page);
  await page.getByLabel(/I accept the terms/).check();
  // Enrolment for this cohort closes on 26 February 2027.
  await page.clock.setFixedTime(new Date("2027-02-27T09:00:00+11:00"));
  await page.getByRole("button", { name: "Enrol now" }).click();
  await expect(page.getByRole("alert")).toContainText("Enrolment for this intake has closed");
  await expectNoAxeViolations(page, "closed while open");
  expect(api.requests).toHaveLength(0);
});

test("demo mode: a banner, nothing sent, the submission shown on the confirmation", async ({ page, context }) => {
  await context.clearCookies();
  await toReview(page);
  await expect(page.getByText("Demo mode.")).toBeVisible();
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole("button", { name: "Enrol now" }).click();
  await expect(page.getByRole("heading", { name: "Your enrolment has been received" })).toBeVisible();
  await expect(page.getByText(/^DEMO-[0-9A-F]{8}$/)).toBeVisible();
  const shown = JSON.parse(await page.getByLabel("The enrolment as JSON").textContent());
  expect(shown.learner.email).toBe("ana.lima@example.org");
  expect(shown.cohort).toBe(COHORT);
  await expectNoAxeViolations(page, "demo confirmation");
  expect(api.requests).toHaveLength(0);
});

test("the payment hand-over: 201 with payment_url goes there; the return page shows the reference", async ({ page }) => {
  api.script.push("pay");
  await toReview(page);
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole("button", { name: "Enrol now" }).click();
  // The stand-in provider sends the learner straight back.
  await expect(page).toHaveURL(/\/enrol\/complete\?reference=ENR-00001$/);
  await expect(page.getByRole("heading", { level: 1, name: "Enrolment received" })).toBeVisible();
  await expect(page.getByText("ENR-00001")).toBeVisible();
  await expect(page.getByRole("link", { name: "See the details of this enrolment" })).toBeVisible();
  await expectNoAxeViolations(page, "back from payment");
});

test("register for updates: checks, one request to the interest endpoint, a retry with the same key", async ({ page }) => {
  await page.goto("/register/urban-sketching");
  await expect(page.getByRole("heading", { level: 1, name: "Register for updates: Urban Sketching Weekend" })).toBeVisible();
  await page.getByRole("button", { name: "Register for updates" }).click();
  await expect(page.locator("#form-errors").getByRole("link")).toHaveCount(3);
  await expectNoAxeViolations(page, "register with errors");
  await page.getByLabel("Your name").fill("Wiremu Tāne");
  await page.getByLabel("Email address").fill("Wiremu@Example.nz");
  await page.getByLabel(/may email me about this course/).check();
  api.script.push("500");
  await page.getByRole("button", { name: "Register for updates" }).click();
  await expect(page.getByRole("alert")).toContainText("sign-up service");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "You are on the list" })).toBeFocused();
  await expect(page.getByText("INT-00001")).toBeVisible();
  expect(api.requests).toHaveLength(2);
  expect(api.requests[0].path).toBe("/interest");
  expect(api.requests[1].key).toBe(api.requests[0].key);
  expect(api.requests[1].body).toEqual({ offering: expect.any(String), name: "Wiremu Tāne", email: "wiremu@example.nz", consent: true });
  await expectNoAxeViolations(page, "registered");
  expect(await storedKeys(page)).toEqual([]);
});

/** Presses Tab until `locator` has focus (the keyboard is the only input). */
async function tabTo(page, locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${locator}`);
}

test("keyboard only: the whole checkout can be completed without a pointer", async ({ page }) => {
  await page.goto(`/enrol/${COHORT}`);
  await expect(stepHeading(page, "The course and dates")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");
  await expect(stepHeading(page, "Can you enrol")).toBeFocused();
  await tabTo(page, page.getByRole("radio", { name: "Yes" }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByLabel(/I confirm that my answers are true/));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");
  await expect(stepHeading(page, "Your details")).toBeFocused();
  for (const [label, text] of [
    ["Given name", "Kiri"],
    ["Family name", "Walker"],
    ["Email address", "kiri@example.com"],
    ["Email address again", "kiri@example.com"],
    ["Phone number", "+64 21 555 0100"],
  ]) {
    await tabTo(page, page.getByLabel(label, { exact: true }));
    await page.keyboard.type(text);
  }
  await page.keyboard.press("Enter"); // submits the step's form
  await expect(stepHeading(page, "Fees and terms")).toBeFocused();
  await tabTo(page, page.getByLabel(/I accept the terms/));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Enrol now" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your enrolment has been received" })).toBeFocused();
  expect(api.requests).toHaveLength(1);
});

test("the checkout's code loads with its route, and shares the visit with the wallet", async ({ page }) => {
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  const chunk = (name) => (p) => new RegExp(`^/app-[0-9a-f]{16}/split_${name}\\.wasm$`).test(p);
  await page.goto("/catalog");
  await expect(page.locator("main h1")).toHaveText("Catalog");
  expect(requested.filter((p) => chunk("checkout")(p) || chunk("wallet")(p))).toEqual([]);
  await page.getByRole("link", { name: "Wallet", exact: true }).click();
  await expect(page.getByText("Your wallet is empty.")).toBeVisible();
  expect(requested.filter(chunk("checkout"))).toEqual([]);
  await page.goto(`/enrol/${COHORT}`);
  await expect(stepHeading(page, "The course and dates")).toBeVisible();
  requested.length = 0;
  await page.getByRole("link", { name: "Wallet", exact: true }).click();
  await expect(page.getByText("Your wallet is empty.")).toBeVisible();
  await page.goBack();
  await expect(stepHeading(page, "The course and dates")).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(stepHeading(page, "Can you enrol")).toBeVisible();
  // Loaded once per visit each: the checkout's is not fetched again.
  expect(requested.filter(chunk("checkout"))).toHaveLength(0);
  expect(requested.filter(chunk("wallet"))).toHaveLength(1);
  expect(requested.filter((p) => p.endsWith("_bg.wasm"))).toEqual([]);
});
