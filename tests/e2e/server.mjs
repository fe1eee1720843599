// A static file server that behaves like a CDN with an SPA fallback:
// files under --root are served at --base; any other path under --base gets
// index.html with status 200, as Netlify/Cloudflare Pages/S3+CloudFront
// "single-page app" settings do. No dependencies: Node's http module only.
//
// For tests of broken data, a request carrying the cookie `fixture=NAME`, or
// for a path under `__fixtures__/NAME/`, is answered from --fixtures/NAME/
// first; a file `<path>.status` there holds a status code to answer with
// instead (e.g. 404). --cors adds `Access-Control-Allow-Origin: *` (for the
// wasm-bindgen browser tests, which run on another port).
//
//   node tests/e2e/server.mjs --root dist --port 4173 [--base /mc/] [--fixtures tests/e2e/fixtures] [--cors yes]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(args.root ?? "dist");
const port = Number(args.port ?? 4173);
const base = (args.base ?? "/").replace(/\/?$/, "/");
const fixtures = args.fixtures ? resolve(args.fixtures) : null;
const cors = args.cors === "yes" ? { "access-control-allow-origin": "*" } : {};

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

async function fileAt(dir, rel) {
  const path = normalize(join(dir, rel));
  if (!path.startsWith(dir)) return null; // no escaping the root
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

function fixtureName(req) {
  const match = /(?:^|;\s*)fixture=([a-z0-9-]+)/.exec(req.headers.cookie ?? "");
  return match ? match[1] : null;
}

const server = createServer(async (req, res) => {
  // A CORS preflight (the browser tests POST JSON with an Idempotency-Key).
  if (req.method === "OPTIONS" && args.cors === "yes") {
    res.writeHead(204, { ...cors, "access-control-allow-methods": "GET, POST", "access-control-allow-headers": "content-type, idempotency-key" }).end();
    return;
  }
  const url = new URL(req.url, `http://${req.headers.host}`);
  const pathname = decodeURIComponent(url.pathname);
  if (!pathname.startsWith(base) && pathname !== base.slice(0, -1)) {
    res.writeHead(404, { "content-type": "text/plain" }).end("outside the deployment base\n");
    return;
  }
  let rel = pathname.slice(base.length) || "index.html";
  let fixture = fixtures && fixtureName(req);
  const byPath = /^__fixtures__\/([a-z0-9-]+)\/(.+)$/.exec(rel);
  if (fixtures && byPath) [, fixture, rel] = byPath;
  if (fixture) {
    const statusFile = await fileAt(join(fixtures, fixture), `${rel}.status`);
    if (statusFile) {
      const status = Number((await readFile(statusFile, "utf8")).trim());
      res.writeHead(status, { "content-type": "text/plain", ...cors }).end(`fixture ${fixture}: ${status}\n`);
      return;
    }
  }
  const found =
    (fixture && (await fileAt(join(fixtures, fixture), rel))) || (await fileAt(root, rel)) || (await fileAt(root, "index.html"));
  const body = await readFile(found);
  res.writeHead(200, { "content-type": TYPES[extname(found)] ?? "application/octet-stream", "cache-control": "no-store", ...cors });
  res.end(body);
});

server.listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
