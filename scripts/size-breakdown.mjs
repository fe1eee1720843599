// Where the app's wasm bytes go: builds nothing, reads the last release
// build, keeps function names through wasm-opt, and sums code size by the
// crate named in each function's symbol. Needs `wasm-objdump` (Debian: wabt).
//   node scripts/size-breakdown.mjs [--top 25]
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const top = Number(process.argv[process.argv.indexOf("--top") + 1]) || 25;
const dir = mkdtempSync(join(tmpdir(), "microcred-size-"));
const run = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28 });
run("wasm-bindgen", ["--target", "web", "--out-dir", dir, "target/wasm32-unknown-unknown/release/app.wasm"]);
const features = ["bulk-memory", "bulk-memory-opt", "nontrapping-float-to-int", "sign-ext", "mutable-globals", "reference-types", "multivalue"];
run("wasm-opt", ["-Oz", "-g", ...features.map((f) => `--enable-${f}`), join(dir, "app_bg.wasm"), "-o", join(dir, "named.wasm")]);
const listing = run("wasm-objdump", ["-x", "-j", "Code", join(dir, "named.wasm")]);

const CRATES = ["serde_json", "serde_core", "tachys", "reactive_graph", "leptos_router", "leptos", "microcred", "js_sys", "web_sys", "wasm_bindgen", "futures", "hashbrown", "dlmalloc", "gloo", "alloc", "std", "core"];
const byCrate = new Map();
const functions = [];
for (const line of listing.split("\n")) {
  const m = /^\s*- func\[\d+\] size=(\d+) <(.*)>/.exec(line);
  if (!m) continue;
  const [size, name] = [Number(m[1]), m[2]];
  functions.push([size, name]);
  const crate = CRATES.find((c) => name.includes(c)) ?? "other";
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
}
const total = functions.reduce((s, [n]) => s + n, 0);
console.log(`code: ${total} bytes in ${functions.length} functions (before gzip)\n`);
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1])) console.log(`${String(size).padStart(8)}  ${crate}`);
console.log(`\nlargest functions:`);
for (const [size, name] of functions.sort((a, b) => b[0] - a[0]).slice(0, top)) console.log(`${String(size).padStart(8)}  ${name.slice(0, 140)}`);
