// Prints the gzip size of everything a first visit downloads (index.html,
// the JS glue, the app's wasm, the CSS) and checks it against the budget;
// then the verifier worker (verifier*.js, verifier_bg.wasm), which loads
// only when a page verifies a badge, against its own budget.
//   node scripts/sizes.mjs dist
// Sizes are deterministic for a given build, so they may be asserted; speed
// is never asserted here (see docs/BENCHMARKS.md).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const KB = 1000;
// DESIGN.md: first load of any catalog/FAQ route, html + js + wasm + css, gzip.
const FIRST_LOAD_BUDGET = 160 * KB;
// Issue 8: the same with the catalog, gzip.
const FIRST_LOAD_WITH_CATALOG_BUDGET = 180 * KB;
// What the build is held to until the budget is met: the measured size plus
// about 2%, so the test fails on any accidental regression. Lower it as the
// bundle shrinks. It is raised only together with a new feature whose
// measured cost is recorded in docs/BENCHMARKS.md (issue 4, the catalog
// search, facets and planner: 218.1 → 276.8 KB; issue 5, the verify page
// and the worker bridge, with a Markdown reader: → 303.4 KB; issue 6, the
// wallet: its route hosts, the verify page's share-link reader and the
// wallet's styles in the shared stylesheet, the wallet itself being its own
// module: → 308.7 KB; issue 8, offline use and the pre-rendered pages: the
// service worker's registration, the take-over of a pre-rendered page with
// what was typed carried over, the catalog-updated notice and the hashed
// module names (+4.7 KB of wasm), and index.html carrying the home page's
// content (+2.1 KB): → 316.8 KB), never to make a test pass. Issue 17: the
// app split by route (scripts/build-app.mjs), the catalog, offering, series,
// FAQ, verify, wallet and checkout pages in chunks of their own: 321.8 →
// 197.0 KB; the shell's early start of the verifier for an employer's link
// and the pack loader (scripts/pack-chunks.mjs), which took 12 to 23 KB off
// every route's first visit: → 198.9 KB; the take-over in small tasks: →
// 203.6 KB. Issue 18: stylesheets without comments or indentation, and the
// shared components made lean: → 203.1 KB.
const FIRST_LOAD_CEILING = 205 * KB;
// DESIGN.md: the verifier module (worker), gzip.
const WORKER_BUDGET = 450 * KB;
// Build outputs carry a content hash (NAME-<16 hex>.js, NAME-<16 hex>_bg.wasm:
// Trunk's and scripts/hash-assets.mjs's); the rules below use the plain name.
const plain = (name) => name.replace(/-[0-9a-f]{10,16}(?=(_bg)?\.(js|wasm|css)$)/, "");
const isWorker = (name) => plain(name).startsWith("verifier");
const dist = process.argv[2] ?? "dist";
// The app's folder (scripts/build-app.mjs): its main module and glue are part
// of every first visit; its chunks load with the routes that need them.
const appFolder = readdirSync(dist).find((f) => /^app-[0-9a-f]{16}$/.test(f));
const MAIN = ["app.js", "app_bg.wasm", "__wasm_split.js"];
const appRows = (appFolder ? readdirSync(join(dist, appFolder)) : []).map((file) => {
  const bytes = readFileSync(join(dist, appFolder, file));
  return { name: `${appFolder}/${file}`, file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const isPack = (file) => /^pack_[a-z_]+\.wasm$/.test(file);
const chunks = appRows.filter((r) => !MAIN.includes(r.file) && !isPack(r.file));
const rows = readdirSync(dist)
  // One HTML page per visit: index.html (the pre-rendered pages and the
  // fallback app.html are the same shell with content, and a visit loads one).
  // sw.js is fetched after the page has loaded, with the files it caches
  // for offline use: reported below, not part of showing the first page.
  .filter((name) => (name === "index.html" || /\.(js|wasm|css)$/.test(name)) && name !== "sw.js" && statSync(join(dist, name)).isFile())
  .map((name) => {
    const bytes = readFileSync(join(dist, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);
const worker = rows.filter((r) => isWorker(r.name));
const firstLoad = [...rows.filter((r) => !isWorker(r.name)), ...appRows.filter((r) => MAIN.includes(r.file))];
if (!appFolder || firstLoad.filter((r) => r.file).length !== MAIN.length) {
  console.error(`FAIL: the app's folder (app-<hash>/ with ${MAIN.join(", ")}) is missing or incomplete.`);
  process.exit(1);
}

const pad = (s, n) => String(s).padStart(n);
console.log(`${"file".padEnd(44)} ${pad("raw", 9)} ${pad("gzip", 9)}`);
for (const r of firstLoad) console.log(`${r.name.padEnd(44)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)}`);
const total = firstLoad.reduce((sum, r) => sum + r.gzip, 0);
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
console.log(`first-load total (gzip): ${kb(total)}; budget ${kb(FIRST_LOAD_BUDGET)}; ceiling ${kb(FIRST_LOAD_CEILING)}`);

if (total > FIRST_LOAD_BUDGET) {
  console.log(`OVER BUDGET by ${kb(total - FIRST_LOAD_BUDGET)}: the ${kb(FIRST_LOAD_BUDGET)} first-load budget is not met (see docs/BENCHMARKS.md).`);
}
// Issue 8 counts the catalog in the first load too (every catalog route
// fetches it): reported against that budget, not yet enforced (the first
// load alone is over it; docs/BENCHMARKS.md).
const catalogGzip = gzipSync(readFileSync(join(dist, "catalog.json")), { level: 9 }).length;
console.log(`first load with catalog.json (${kb(catalogGzip)}): ${kb(total + catalogGzip)}; budget ${kb(FIRST_LOAD_WITH_CATALOG_BUDGET)}`);
if (total > FIRST_LOAD_CEILING) {
  console.error(`FAIL: first load ${kb(total)} exceeds the ceiling of ${kb(FIRST_LOAD_CEILING)}.`);
  process.exit(1);
}

for (const r of chunks) console.log(`${r.name.padEnd(44)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)}`);
console.log(`route chunks (gzip, each loaded with its route): ${chunks.length}, ${kb(chunks.reduce((sum, r) => sum + r.gzip, 0))} in all`);

// Each route's first visit: what every visit loads (above), the route's pack
// (its chunk and the shared chunks it needs, in one file: scripts/pack-chunks.mjs;
// which chunks, read from __wasm_split.js), and the data files it fetches. Issue 17's budget is 180 KB
// with the data; each route is also held to a ceiling (its measured size plus
// about 2%) so the split cannot quietly regress.
const ROUTES = [
  { path: "/", split: null, data: ["catalog.json"], ceiling: 225 },
  { path: "/catalog", split: "catalog", data: ["catalog.json"], ceiling: 302 },
  { path: "/catalog/<slug>", split: "offering", data: ["catalog.json"], ceiling: 251 },
  { path: "/series/<slug>", split: "series", data: ["catalog.json"], ceiling: 263 },
  { path: "/faq", split: "faq", data: ["catalog.json", "faq.json"], ceiling: 266 },
  { path: "/verify", split: "verify", data: ["catalog.json"], ceiling: 285 },
  { path: "/wallet", split: "wallet", data: ["catalog.json"], ceiling: 350, budget: 260 },
  { path: "/enrol/<cohort>", split: "checkout", data: ["catalog.json", "config.json"], ceiling: 335 },
];
const ROUTE_BUDGET = 180 * KB;
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
/** The chunk files a pack holds (scripts/pack-chunks.mjs: a 4-byte length, then a JSON index). */
const packed = (file) => {
  const bytes = readFileSync(join(dist, file));
  return JSON.parse(bytes.subarray(4, 4 + bytes.readUInt32LE(0)).toString("utf8")).map(([name]) => name);
};
let routeFailed = false;
for (const route of ROUTES) {
  const pack = route.split && `${appFolder}/pack_${route.split}.wasm`;
  if (pack && !appRows.some((r) => r.name === pack)) {
    console.error(`FAIL: the app has no pack for the split point ${route.split} (route ${route.path}).`);
    process.exit(1);
  }
  const files = pack ? packed(pack).map((f) => `${appFolder}/${f}`) : [];
  const code = pack ? gz(pack) : 0;
  const single = files.reduce((sum, f) => sum + gz(f), 0);
  const data = route.data.reduce((sum, f) => sum + gz(f), 0);
  const visit = total + code + data;
  const budget = (route.budget ?? ROUTE_BUDGET / KB) * KB;
  const over = visit > budget ? `, ${kb(visit - budget)} over the ${kb(budget)} budget` : ", within the budget";
  console.log(`first visit to ${route.path.padEnd(16)} ${kb(visit).padStart(9)} (every visit ${kb(total)} + its pack ${kb(code)}, ${files.length} chunks, ${kb(single)} as single files + ${route.data.join(", ")} ${kb(data)})${over}; ceiling ${route.ceiling} KB`);
  if (visit > route.ceiling * KB) {
    console.error(`FAIL: the first visit to ${route.path} (${kb(visit)}) exceeds its ceiling of ${route.ceiling} KB.`);
    routeFailed = true;
  }
}
if (routeFailed) process.exit(1);

for (const r of worker) console.log(`${r.name.padEnd(44)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)}`);
const workerTotal = worker.reduce((sum, r) => sum + r.gzip, 0);
console.log(`verifier worker total (gzip): ${kb(workerTotal)}; budget ${kb(WORKER_BUDGET)}`);
if (worker.length === 0) {
  console.error("FAIL: no verifier worker in the build (verifier_bg.wasm).");
  process.exit(1);
}
if (workerTotal > WORKER_BUDGET) {
  console.error(`FAIL: the verifier worker (${kb(workerTotal)}) exceeds its ${kb(WORKER_BUDGET)} budget.`);
  process.exit(1);
}
