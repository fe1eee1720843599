// The shared file drop (components/file_drop.rs), used by the verify page and
// the wallet: files dropped on the zone (not only chosen with the input) are
// read and handed over, the zone shows when files are dragged over it, and
// the verify page takes only the first of several.
import { readFileSync } from "node:fs";
import { test, expect, DEMO_DAY } from "./helpers.mjs";

const FILES = "tests/e2e/fixtures/local/badges";

test.beforeEach(async ({ page, context }) => {
  await context.addCookies([{ name: "fixture", value: "local", url: "http://127.0.0.1:4173" }]);
  await page.clock.setFixedTime(DEMO_DAY);
});

/** A DataTransfer in the page holding the named badge files. */
async function transferOf(page, files) {
  const contents = files.map((name) => [name, [...readFileSync(`${FILES}/${name}`)]]);
  return page.evaluateHandle((contents) => {
    const transfer = new DataTransfer();
    for (const [name, bytes] of contents) {
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: "application/json" }));
    }
    return transfer;
  }, contents);
}

/** The drop zone around the input labelled `label`. */
const zoneOf = (page, label) => page.getByLabel(label).locator("xpath=..");

test("a badge dropped on the verify page is verified; the zone shows the drag", async ({ page }) => {
  await page.goto("/verify");
  const zone = zoneOf(page, "Or choose or drop the badge file (JSON, JWT, PNG or SVG)");
  const dataTransfer = await transferOf(page, ["health-data-foundations.json", "clinical-data-visualisation.jcs.json"]);
  await zone.dispatchEvent("dragover", { dataTransfer });
  await expect(zone).toHaveAttribute("data-dragging", "");
  await zone.dispatchEvent("dragleave", { dataTransfer });
  await expect(zone).not.toHaveAttribute("data-dragging", "");
  await zone.dispatchEvent("drop", { dataTransfer });
  await expect(page.locator("#verdict-title")).toHaveText("Verified", { timeout: 20000 });
  // Only the first of the two files is checked.
  await expect(page.getByText("Checked the file health-data-foundations.json")).toBeVisible();
});

test("badges dropped on the wallet are all added", async ({ page }) => {
  await page.goto("/wallet");
  const zone = zoneOf(page, /Choose badge files, or drop them here/);
  const dataTransfer = await transferOf(page, ["health-data-foundations.json", "clinical-data-visualisation.jcs.json"]);
  await zone.dispatchEvent("drop", { dataTransfer });
  await expect(page.getByText("Checking and adding…")).toHaveCount(0, { timeout: 60000 });
  await expect(page.locator("#wallet-badges > li")).toHaveCount(2);
  await expect(zone).not.toHaveAttribute("data-dragging", "");
});
