// End-to-end tests: the release build in dist/ (and dist-sub/, built for the
// /mc/ sub-path) served by tests/e2e/server.mjs, driven in Debian's Chromium.
// Why Playwright: auto-waiting locators, screenshots on failure and a parallel
// runner out of the box, and `executablePath` lets it drive the system
// Chromium without downloading a browser (which this network forbids).
import { defineConfig } from "@playwright/test";

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.mjs",
  outputDir: "tests/e2e/.artifacts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: "http://127.0.0.1:4173",
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: { executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  webServer: [
    {
      command: "node tests/e2e/server.mjs --root dist --port 4173 --fixtures tests/e2e/fixtures",
      url: "http://127.0.0.1:4173/",
      reuseExistingServer: false,
    },
    {
      // Badgr's public API, as the demo's Badgr-shaped issuer: CORS only for
      // the test site's own origin (http://127.0.0.1:4173).
      command: "node tests/e2e/badgr.mjs --root tests/e2e/fixtures/local/badgr --port 4177 --allow-origin http://127.0.0.1:4173",
      url: "http://127.0.0.1:4177/__requests",
      reuseExistingServer: false,
    },
    {
      command: "node tests/e2e/server.mjs --root dist-sub --port 4174 --base /mc/",
      url: "http://127.0.0.1:4174/mc/",
      reuseExistingServer: false,
    },
  ],
});
