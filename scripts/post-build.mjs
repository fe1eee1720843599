// Trunk post_build hook: runs the build's finishing steps in order. (Trunk
// starts the hooks of one stage all at once, and these depend on each other.)
//   0. minify-css.mjs     the stylesheets without comments or indentation
//   1. hash-assets.mjs    content hashes for the files Trunk leaves unhashed,
//                         and the app folder's name in index.html's loader
//   2. service-worker.mjs sw.js with the files to cache, and app.html
//   3. headers.mjs        _headers (CSP, caching) and _redirects
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
for (const step of ["minify-css.mjs", "hash-assets.mjs", "service-worker.mjs", "headers.mjs"]) {
  const run = spawnSync(process.execPath, [join(here, step)], { stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`post-build: ${step} failed`);
    process.exit(1);
  }
}
