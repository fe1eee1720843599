// Trunk post_build hook: renames the checkout module's loader global in
// checkout.js from `wasm_bindgen` to `checkout_bindgen`. Trunk's no-modules
// glue declares `let wasm_bindgen` at the top level, and a second script that
// declares it again on the same page is a syntax error, so the wallet and
// checkout modules could not both load in one visit. Fails the build if the
// glue does not start as expected (a wasm-bindgen upgrade changed it).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("glue-rename: TRUNK_STAGING_DIR is not set (run by Trunk as a post_build hook)");
  process.exit(1);
}
const file = join(dir, "checkout.js");
const glue = readFileSync(file, "utf8");
const from = "let wasm_bindgen = ";
if (!glue.startsWith(from)) {
  console.error(`glue-rename: ${file} does not start with "${from}"; update scripts/glue-rename.mjs`);
  process.exit(1);
}
writeFileSync(file, `let checkout_bindgen = ${glue.slice(from.length)}`);
