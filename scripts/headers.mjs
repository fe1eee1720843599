// Writes `_headers` (the Netlify / Cloudflare Pages format) for a built site:
// a strict Content-Security-Policy with a hash for each inline script in
// index.html, the other security headers, and caching: a year for
// content-hashed files, revalidation for everything else.
//
// Run by Trunk as a post_build hook (it reads and writes TRUNK_STAGING_DIR),
// or by hand on a built folder:   node scripts/headers.mjs dist
// tests/e2e/server.mjs applies the file, so every e2e test runs under it.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("headers: name the built folder, or run as a Trunk post_build hook");
  process.exit(1);
}

// Paths in _headers are from the host's root: under a sub-path build
// (`--public-url /mc/`), every rule starts with it.
const base = (process.env.TRUNK_PUBLIC_URL || process.argv[3] || "/").replace(/\/?$/, "/");

// The inline scripts of the app shell (app.html) and of the pre-rendered
// pages (index.html is one; they all share the same scripts), each once.
const pages = ["index.html", "app.html"].flatMap((name) => {
  try {
    return [readFileSync(join(dir, name), "utf8")];
  } catch {
    return [];
  }
});
const inline = [...new Set(pages.flatMap((html) => [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1])))];
const hashes = inline.map((body) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`);

// Who the browser may talk to besides this site: the enrolment and interest
// endpoints from config.json, and each issuer's hosted-badge hosts from the
// catalog (the verifier fetches hosted badges from there, and nowhere else).
const origins = new Set();
const addOrigin = (url) => {
  try {
    const u = new URL(url);
    if (u.protocol === "https:" || u.protocol === "http:") origins.add(u.origin);
  } catch {
    // Not a URL: the app ignores it too.
  }
};
try {
  const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
  for (const key of ["enrolment_endpoint", "interest_endpoint"]) if (config[key]) addOrigin(config[key]);
} catch {
  // No config.json: no endpoints (demo mode).
}
try {
  const catalog = JSON.parse(readFileSync(join(dir, "catalog.json"), "utf8"));
  for (const issuer of catalog.issuers ?? []) for (const host of issuer.hostedOrigins ?? []) addOrigin(`https://${host}`);
} catch {
  // No catalog: nothing to verify against.
}

export const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  `connect-src 'self' ${[...origins].join(" ")}`.trim(),
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// Content-hashed files are NAME-<hex>.EXT and NAME-<hex>_bg.wasm: Trunk writes its
// 64-bit hash without leading zeros (so 10 to 16 digits, in practice),
// scripts/hash-assets.mjs always 16.
// scripts/build-app.mjs hashes the app's folder instead: app-<16 hex>/ANY.
const hashed = /-[0-9a-f]{10,16}(_bg)?\.(js|wasm|css)$|\/app-[0-9a-f]{16}\/[^/]+$/;
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(base + relative(dir, path).split("\\").join("/"));
  }
};
walk(dir);

const lines = [
  "# Written by scripts/headers.mjs at build time. Netlify and Cloudflare Pages read this",
  "# file; for other hosts, see README.md (Deploy) for the same headers.",
  `${base}*`,
  `  Content-Security-Policy: ${csp}`,
  "  X-Content-Type-Options: nosniff",
  "  Referrer-Policy: strict-origin-when-cross-origin",
  "  Permissions-Policy: accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
  "  Cross-Origin-Opener-Policy: same-origin",
  "",
  // Cache-Control only where it differs from the hosts' default (revalidate
  // every time): rules that match one path are combined, not overridden.
];
for (const file of files.filter((f) => hashed.test(f)).sort()) {
  lines.push(file, "  Cache-Control: public, max-age=31536000, immutable", "");
}
for (const file of ["catalog.json", "faq.json", "config.json", "status/*"].map((f) => base + f)) {
  lines.push(file, "  Cache-Control: public, max-age=300, must-revalidate", "");
}
writeFileSync(join(dir, "_headers"), lines.join("\n"));

// _redirects (Netlify, Cloudflare Pages): a path with no file of its own and
// no pre-rendered page gets the app shell, with status 200 (a rewrite, not a
// redirect). Files win over this rule on both hosts.
writeFileSync(join(dir, "_redirects"), `# Written by scripts/headers.mjs: the single-page app's fallback.\n${base}* ${base}app.html 200\n`);
