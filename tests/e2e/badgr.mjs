// A stand-in for Badgr's (Canvas Credentials') public API, for the end-to-end
// tests: it serves the files `scripts/demo-badges --local` writes under
// DIR/public/{assertions,badges,issuers}/<id> and behaves as Badgr's server
// code does in the ways a verifier meets:
// - content negotiation: an Accept header that names text/html is redirected
//   (302) to a web page; anything else gets the JSON;
// - a revoked assertion answers HTTP 200 with {revoked: true, …} (it is just
//   the file), a deleted one 404;
// - CORS headers only for the origins given with --allow-origin (Badgr sends
//   them only for its own web app), so a page on any other origin cannot read
//   the answer.
// GET /__requests lists what was asked (path, Accept, Origin), for the tests.
//
//   node tests/e2e/badgr.mjs --root tests/e2e/fixtures/local/badgr --port 4177 --allow-origin http://127.0.0.1:4173
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, normalize, resolve } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(args.root ?? "tests/e2e/fixtures/local/badgr");
const port = Number(args.port ?? 4177);
const allowed = new Set((args["allow-origin"] ?? "").split(",").filter(Boolean));
const requests = [];

const server = createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const origin = req.headers.origin;
  const cors = origin && allowed.has(origin) ? { "access-control-allow-origin": origin, vary: "Origin" } : { vary: "Origin" };
  if (url.pathname === "/__requests") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(requests));
    return;
  }
  const accept = req.headers.accept ?? "";
  requests.push({ path: url.pathname, accept, origin: origin ?? null });
  if (req.method === "OPTIONS") {
    res.writeHead(204, { ...cors, "access-control-allow-methods": "GET" }).end();
    return;
  }
  if (url.pathname.startsWith("/web/")) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><title>Badge</title><h1>Badge page for ${url.pathname.slice(5)}</h1>`);
    return;
  }
  const match = /^\/public\/(assertions|badges|issuers)\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
  if (!match) {
    res.writeHead(404, { "content-type": "application/json", ...cors }).end('{"detail":"Not found."}');
    return;
  }
  if (accept.includes("text/html")) {
    res.writeHead(302, { location: `/web/${match[1]}/${match[2]}`, ...cors }).end();
    return;
  }
  const path = normalize(join(root, "public", match[1], match[2]));
  try {
    if (!path.startsWith(root)) throw new Error("outside");
    const body = await readFile(path);
    res.writeHead(200, { "content-type": "application/ld+json", ...cors }).end(body);
  } catch {
    res.writeHead(404, { "content-type": "application/json", ...cors }).end('{"detail":"Not found."}');
  }
});

server.listen(port, "127.0.0.1", () => console.log(`Badgr-shaped host for ${root} at http://localhost:${port}/ (CORS for ${[...allowed].join(", ") || "nobody"})`));
