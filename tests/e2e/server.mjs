// A static file server that behaves like a CDN with an SPA fallback:
// files under --root are served at --base, `<path>.html` for a path without
// a file (the pre-rendered pages), and any other path under --base gets
// app.html (the app shell) with status 200, as Netlify/Cloudflare Pages/S3+CloudFront
// "single-page app" settings do. No dependencies: Node's http module only.
//
// For tests of broken data, a request carrying the cookie `fixture=NAME`, or
// for a path under `__fixtures__/NAME/`, is answered from --fixtures/NAME/
// first; a file `<path>.status` there holds a status code to answer with
// instead (e.g. 404). --cors adds `Access-Control-Allow-Origin: *` (for the
// wasm-bindgen browser tests, which run on another port).
//
// The root's `_headers` file (scripts/headers.mjs writes it at build time) is
// applied as Netlify and Cloudflare Pages would: every rule whose path matches
// (exactly, or by a trailing `*`) adds its headers. When a fixture replaces
// config.json, its endpoints' origins are added to the CSP's connect-src, as a
// build with that config.json would have written.
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

/** `_headers` as [{ path, headers: [[name, value]] }], re-read when it changes. */
async function headerRules() {
  try {
    const text = await readFile(join(root, "_headers"), "utf8");
    const rules = [];
    for (const line of text.split("\n")) {
      if (line.startsWith("#") || !line.trim()) continue;
      if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
      else if (rules.length) {
        const at = line.indexOf(":");
        rules.at(-1).headers.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
      }
    }
    return rules;
  } catch {
    return [];
  }
}

async function fixtureOrigins(fixture) {
  const origins = [];
  const file = fixture && (await fileAt(join(fixtures, fixture), "config.json"));
  if (file) {
    try {
      const config = JSON.parse(await readFile(file, "utf8"));
      origins.push(...["enrolment_endpoint", "interest_endpoint"].filter((k) => config[k]).map((k) => new URL(config[k]).origin));
    } catch {}
  }
  // A fixture catalog's hosted-badge hosts (a build writes https://host; the
  // local stand-ins are plain http).
  const catalog = fixture && (await fileAt(join(fixtures, fixture), "catalog.json"));
  if (catalog) {
    try {
      for (const issuer of JSON.parse(await readFile(catalog, "utf8")).issuers ?? [])
        for (const host of issuer.hostedOrigins ?? []) origins.push(`http://${host}`, `https://${host}`);
    } catch {}
  }
  return origins;
}

async function deployedHeaders(rel, fixture) {
  const path = `${base}${rel}`;
  const out = {};
  for (const rule of await headerRules()) {
    const match = rule.path.endsWith("*") ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
    if (match) for (const [name, value] of rule.headers) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  const extra = await fixtureOrigins(fixture);
  if (out["content-security-policy"] && extra.length) {
    out["content-security-policy"] = out["content-security-policy"].replace(/connect-src ([^;]*)/, (_, list) => `connect-src ${list} ${extra.join(" ")}`);
  }
  return out;
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
  // As Netlify and Cloudflare Pages do: the file, else the pre-rendered page
  // `<path>.html`, else the app shell (app.html; index.html in older builds).
  const found =
    (fixture && (await fileAt(join(fixtures, fixture), rel))) ||
    (await fileAt(root, rel)) ||
    (await fileAt(root, `${rel}.html`)) ||
    (await fileAt(root, "app.html")) ||
    (await fileAt(root, "index.html"));
  const body = await readFile(found);
  const served = found.startsWith(root) ? found.slice(root.length + 1).split("\\").join("/") : rel;
  res.writeHead(200, {
    ...(await deployedHeaders(served, fixture)),
    "content-type": TYPES[extname(found)] ?? "application/octet-stream",
    "cache-control": "no-store",
    ...cors,
  });
  res.end(body);
});

server.listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
