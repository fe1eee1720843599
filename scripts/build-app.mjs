// Builds the app's wasm split by route, as a Trunk pre_build hook (Trunk has
// no split step of its own, so index.html does not link the app for Trunk to
// build; it loads what this writes). Also runnable by hand:
//   node scripts/build-app.mjs OUT_DIR [--release]
//
// The steps (issue 17; the versions are pinned by scripts/install-tools):
// 1. cargo rustc the `app` binary for wasm32 with `--emit-relocs` on the final
//    link only (wasm-split needs the relocations; the dependencies build as
//    usual and stay cached);
// 2. wasm-split-cli cuts it into the main module, one chunk per `#[lazy]`
//    function or lazy route, and `__wasm_split.js`, which loads a chunk the
//    first time it is needed;
// 3. wasm-bindgen writes the glue (`app.js`) for the main module;
// 4. in release, wasm-opt -Oz every .wasm with the features the browsers we
//    support all have (the same list index.html used to give Trunk);
// 5. each route's chunks are also written as one pack, which a first visit
//    fetches instead of 35 to 60 small files (scripts/pack-chunks.mjs).
//
// The files reference each other by fixed names (`__wasm_split.js` imports
// `./app.js`; the main module imports `./__wasm_split.js`; chunks are fetched
// relative to it), so the names stay as written and the folder carries the
// content hash instead: OUT_DIR/app-<16 hex>/. scripts/hash-assets.mjs puts
// the folder's name into index.html's loader.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { packChunks } from "./pack-chunks.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
const release = process.argv.includes("--release") || process.env.TRUNK_PROFILE === "release";
if (!out) {
  console.error("build-app: name the output folder, or run as a Trunk pre_build hook");
  process.exit(1);
}

/** The wasm features every browser the site supports has (wasm-opt needs to be told). */
const WASM_FEATURES = [
  "--enable-bulk-memory",
  "--enable-bulk-memory-opt",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

// wasm-opt is npm's binaryen (package-lock.json), whoever runs this.
const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH}` };

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error || result.status !== 0) {
    console.error(`build-app: ${command} ${args.join(" ")} failed${result.error ? `: ${result.error.message}` : ""}`);
    process.exit(1);
  }
}

const profile = release ? "release" : "debug";
const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
run("cargo", [
  "rustc",
  ...(release ? ["--release"] : []),
  "--target",
  "wasm32-unknown-unknown",
  "--bin",
  "app",
  "--no-default-features",
  "--",
  "-C",
  "link-arg=--emit-relocs",
]);

const work = join(target, "split", profile);
const split = join(work, "split");
const pkg = join(work, "pkg");
rmSync(work, { recursive: true, force: true });
mkdirSync(split, { recursive: true });
mkdirSync(pkg, { recursive: true });
run("wasm-split-cli", ["--out-name", "app", join(target, "wasm32-unknown-unknown", profile, "app.wasm"), split]);
run("wasm-bindgen", [
  join(split, "app.wasm"),
  "--target",
  "web",
  "--keep-lld-exports",
  "--no-demangle",
  "--no-typescript",
  "--out-dir",
  pkg,
  "--out-name",
  "app",
]);
for (const file of readdirSync(split)) {
  if (file !== "app.wasm") copyFileSync(join(split, file), join(pkg, file));
}
if (release) {
  for (const file of readdirSync(pkg).filter((f) => f.endsWith(".wasm"))) {
    const path = join(pkg, file);
    // MICROCRED_WASM_NAMES=1 keeps function names, for a CPU profile.
    const names = process.env.MICROCRED_WASM_NAMES === "1" ? ["-g"] : [];
    run("wasm-opt", ["-Oz", ...names, ...WASM_FEATURES, path, "-o", path]);
  }
}

// One download per route on a first visit: each route's chunks packed together.
packChunks(pkg);

// The folder's name carries the hash of everything in it.
const hash = createHash("sha256");
for (const file of readdirSync(pkg).sort()) {
  hash.update(file).update("\0").update(readFileSync(join(pkg, file)));
}
const folder = `app-${hash.digest("hex").slice(0, 16)}`;
rmSync(join(out, folder), { recursive: true, force: true });
mkdirSync(out, { recursive: true });
renameSync(pkg, join(out, folder));
const files = readdirSync(join(out, folder));
const splits = files.filter((f) => f.startsWith("split_")).map((f) => f.slice(6, -5));
const shared = files.filter((f) => f.startsWith("chunk_")).length;
console.log(`build-app: ${folder}/ with the main module, ${splits.length} routes' chunks (${splits.join(", ")}), ${shared} shared chunks and a pack per route`);
