// Trunk post_build hook: writes sw.js (from scripts/sw.template.js) with the
// list of files to cache at install, and app.html, the app shell that hosts
// serve for any path without a file of its own (and that the service worker
// serves offline). index.html starts as the same shell; scripts/prerender.mjs
// later gives it, and the other pre-rendered pages, their content.
//
// Runs after scripts/hash-assets.mjs (the cached names are the hashed ones).
//   node scripts/service-worker.mjs dist     (by hand, on a built folder)
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("service-worker: name the built folder, or run as a Trunk post_build hook");
  process.exit(1);
}
const base = (process.env.TRUNK_PUBLIC_URL || process.argv[3] || "/").replace(/\/?$/, "/");

copyFileSync(join(dir, "index.html"), join(dir, "app.html"));

const HASHED = /-[0-9a-f]{10,16}(_bg)?\.(js|wasm|css)$/;
const top = readdirSync(dir);
// The app's folder (scripts/build-app.mjs) carries the hash in its name: the
// main module, its glue and every route's chunk.
const appFiles = top
  .filter((f) => /^app-[0-9a-f]{16}$/.test(f))
  .flatMap((folder) => readdirSync(join(dir, folder)).map((f) => `${folder}/${f}`))
  // Not the packs (scripts/pack-chunks.mjs): the same chunks again. sw.js
  // keeps each pack the first time a page uses it.
  .filter((f) => !/\/pack_[a-z_]+\.wasm$/.test(f));
const hashed = [...top.filter((f) => HASHED.test(f)), ...appFiles];
const large = (f) => f.startsWith("verifier");
// The pictures the catalog and wallet pages show (badge images, logos).
const pictures = ["images", "badges/images"].flatMap((folder) => {
  try {
    return readdirSync(join(dir, folder)).map((name) => `${folder}/${name}`);
  } catch {
    return [];
  }
});
const precache = [
  ...["app.html", "catalog.json", "faq.json", "config.json"].map((file) => ({ file })),
  ...hashed.sort().map((file) => (large(file) ? { file, large: true } : { file })),
  ...pictures.sort().map((file) => ({ file, large: true })),
];

const version = createHash("sha256")
  .update(precache.map((e) => e.file).join("\n"))
  .digest("hex")
  .slice(0, 16);
const template = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "sw.template.js"), "utf8");
const fill = { __VERSION__: version, __BASE__: base, __PRECACHE__: JSON.stringify(precache) };
let sw = template;
for (const [key, value] of Object.entries(fill)) {
  if (!sw.includes(key)) {
    console.error(`service-worker: sw.template.js has no ${key}`);
    process.exit(1);
  }
  sw = sw.replace(key, value);
}
writeFileSync(join(dir, "sw.js"), sw);
