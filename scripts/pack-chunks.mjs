// One download per route on a first visit (issue 17). wasm-split gives every
// set of routes that share code a chunk of its own, so a route's code is its
// own chunk plus 35 to 60 small shared ones: that many requests, each file
// compressed alone. This writes, for each route's split point, a pack
// (`pack_<route>.wasm`: its chunk and all the shared chunks it needs, one
// after the other) and teaches `__wasm_split.js` to use it:
//  - when a route's code is first asked for and none of its chunks has been
//    fetched yet in this page (a first visit, or a reload), the loader fetches
//    the route's pack and takes each chunk from it;
//  - otherwise (an in-app navigation after other routes loaded shared
//    chunks) it fetches the chunks it still lacks one by one, as before.
//  A pack that fails falls back to the single files. The service worker
//  precaches the single files and keeps each pack once used (cache-first, as
//  for every file of the app's folder); offline (navigator.onLine false), the
//  loader takes the precached single files.
//
// The pack's format: a 4-byte little-endian length, then that many bytes of
// JSON, `[[file, bytes], …]`, then the files' bytes in that order. The ".wasm"
// name only makes hosts serve and compress it as they do the chunks.
//   packChunks(folder)   (called by scripts/build-app.mjs)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The loader's use of a chunk file, as wasm-split-cli 0.2.4 writes it. */
const FETCH = /const src = fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\);\s*src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);/g;
const CHUNK = /const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g;
const SPLIT = /export const (__wasm_split_load_(\w+)) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)\);/g;

const RUNTIME = `
// scripts/pack-chunks.mjs: a first visit takes a route's chunks from its pack.
const __packed = new Map();
const __asked = new Set();
function __single(file) {
    return fetch(new URL("./" + file, import.meta.url)).then((r) => {
        if (!r.ok) throw new Error(file + ": HTTP " + r.status);
        return r.arrayBuffer();
    });
}
function __unpack(buffer) {
    const view = new DataView(buffer);
    const length = view.getUint32(0, true);
    const index = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, length)));
    const files = new Map();
    let at = 4 + length;
    for (const [file, size] of index) {
        files.set(file, buffer.slice(at, at + size));
        at += size;
    }
    return files;
}
function __usePack(route, files) {
    // Offline, the service worker has the single files (and a pack only once used).
    if (globalThis.navigator?.onLine === false) return;
    if (files.some((f) => __asked.has(f) || __packed.has(f))) return;
    const pack = __single("pack_" + route + ".wasm").then(__unpack);
    for (const file of files) {
        __packed.set(file, pack.then((all) => all.get(file) ?? __single(file), () => __single(file)));
    }
}
function __bytes(file) {
    __asked.add(file);
    const packed = __packed.get(file);
    __packed.delete(file);
    return packed ?? __single(file);
}
function __withPack(route, files, load) {
    return () => {
        __usePack(route, files);
        return load();
    };
}
`;

export function packChunks(folder) {
  const path = join(folder, "__wasm_split.js");
  let js = readFileSync(path, "utf8");
  const chunkFile = new Map([...js.matchAll(CHUNK)].map((m) => [m[1], m[2]]));
  const splits = [...js.matchAll(SPLIT)].map((m) => ({
    text: m[0],
    name: m[1],
    route: m[2],
    files: [m[3], ...m[4].split(",").map((d) => d.trim()).filter(Boolean).map((d) => chunkFile.get(d))],
  }));
  if (splits.length === 0 || splits.some((s) => s.files.includes(undefined))) {
    throw new Error("pack-chunks: __wasm_split.js is not shaped as wasm-split-cli 0.2.4 writes it; update scripts/pack-chunks.mjs");
  }
  const fetches = [...js.matchAll(FETCH)].length;
  if (fetches !== chunkFile.size + splits.length) {
    throw new Error(`pack-chunks: expected ${chunkFile.size + splits.length} chunk fetches in __wasm_split.js, found ${fetches}`);
  }
  for (const split of splits) {
    const load = split.text.replace(/^export const \w+ = wrapAsyncCb\(/, "").replace(/\);$/, "");
    js = js.replace(split.text, `export const ${split.name} = wrapAsyncCb(__withPack(${JSON.stringify(split.route)}, ${JSON.stringify(split.files)}, ${load}));`);
    const index = split.files.map((f) => [f, readFileSync(join(folder, f)).length]);
    const header = Buffer.from(JSON.stringify(index));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    writeFileSync(join(folder, `pack_${split.route}.wasm`), Buffer.concat([length, header, ...split.files.map((f) => readFileSync(join(folder, f)))]));
  }
  js = js.replace(FETCH, (_, file) => `const src = __bytes("${file}");\n    src.catch(() => {});\n    return async (imports) => (WebAssembly.instantiate(await src, imports));`);
  if (!js.includes("__withPack(")) throw new Error("pack-chunks: no split point was rewritten");
  writeFileSync(path, js.replace(/^(import [^\n]*\n)/, `$1${RUNTIME}`));
  return splits.map((s) => s.route);
}
