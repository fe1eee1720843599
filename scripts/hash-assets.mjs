// Trunk post_build hook: content-hashes the files Trunk leaves unhashed (the
// verifier worker's), so every script and wasm file can be cached for a year
// and a new release can never mix with an old one.
//
// Trunk hashes only what index.html links directly; the worker is fetched by
// the app at run time under names the app must know. So each file here is renamed NAME-<16 hex>.EXT (the same
// shape as Trunk's names, which scripts/headers.mjs and public/sw.js rely on),
// the files that name other files are rewritten first, and index.html gets a
// `<meta name="asset-names">` list of "plain=hashed" pairs that
// `platform::built_file` reads.
//
// Runs before scripts/service-worker.mjs and scripts/headers.mjs (which list the names).
// Fails the build if an expected file or reference is missing, so a Trunk or
// wasm-bindgen upgrade that changes the output cannot ship unhashed files.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("hash-assets: name the built folder, or run as a Trunk post_build hook");
  process.exit(1);
}

const names = new Map(); // plain name -> hashed name

function fail(message) {
  console.error(`hash-assets: ${message}; update scripts/hash-assets.mjs`);
  process.exit(1);
}

/** Rewrites `file`'s references to already hashed files (each must occur). */
function rewrite(file, refs) {
  let text = readFileSync(join(dir, file), "utf8");
  for (const ref of refs) {
    if (!text.includes(ref)) fail(`${file} does not mention ${ref}`);
    text = text.split(ref).join(names.get(ref));
  }
  writeFileSync(join(dir, file), text);
}

/** Renames `file` to carry the hash of its content. */
function hash(file) {
  const path = join(dir, file);
  if (!existsSync(path)) fail(`${file} was not built`);
  const digest = createHash("sha256").update(readFileSync(path)).digest("hex").slice(0, 16);
  const hashed = file.endsWith("_bg.wasm") ? file.replace(/_bg\.wasm$/, `-${digest}_bg.wasm`) : file.replace(/\.js$/, `-${digest}.js`);
  renameSync(path, join(dir, hashed));
  names.set(file, hashed);
}

// Leaves first: the wasm files and the glue, then what names them.
hash("verifier_bg.wasm");
hash("verifier.js");
rewrite("verifier_loader.js", ["verifier.js", "verifier_bg.wasm"]);
hash("verifier_loader.js");

const index = join(dir, "index.html");
let html = readFileSync(index, "utf8");
if (!html.includes("</head>")) fail("index.html has no </head>");
// The app's folder (scripts/build-app.mjs) is already named by its hash:
// index.html's loader learns the name.
const apps = readdirSync(dir).filter((f) => /^app-[0-9a-f]{16}$/.test(f));
if (apps.length !== 1) fail(`expected one app-<hash> folder, found ${apps.length}`);
if (!html.includes("__APP__")) fail("index.html does not load __APP__");
html = html.split("__APP__").join(apps[0]);
// The shell's early start of the verifier (an employer's /verify?url= link).
if (!html.includes("__VERIFIER_LOADER__")) fail("index.html does not start __VERIFIER_LOADER__ early");
html = html.split("__VERIFIER_LOADER__").join(names.get("verifier_loader.js"));
const list = [...names].map(([plain, hashed]) => `${plain}=${hashed}`).join(" ");
writeFileSync(index, html.replace("</head>", `<meta name="asset-names" content="${list}"></head>`));
