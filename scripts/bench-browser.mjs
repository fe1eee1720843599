// What every benchmark script shares: Debian's Chromium, headless, with
// nothing running in the background, and the e2e test server on a port.
import { spawn } from "node:child_process";
import { chromium } from "playwright";

export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Serves dist/ (with the e2e fixtures unless told otherwise) on `port`. */
export async function startServer(port, fixtures = process.env.FIXTURES ?? "tests/e2e/fixtures") {
  const server = spawn("node", ["tests/e2e/server.mjs", "--root", "dist", "--port", String(port), "--fixtures", fixtures], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  return server;
}
