// Pre-renders the pages people share and search engines index: the home
// page, the catalog, every offering and series, the FAQ and the verify page.
//   node scripts/prerender.mjs dist [--base /mc/]      (scripts/dist runs it)
//
// Why a browser and not templates: the built app itself renders each page in
// headless Chromium, and its DOM is saved into the page's HTML. The static
// copy is therefore the same markup, classes and words as the live page, with
// nothing to keep in step by hand; when the app starts it replaces the copy
// with an identical live page in one step (`app::start`), so nothing moves.
// Each page also gets its own title, description, Open Graph and Twitter
// tags (from the catalog), and a canonical link when config.json names the
// site's URL.
//
// Files: index.html (home), catalog.html, catalog/<slug>.html,
// series/<slug>.html, faq.html, verify.html. Netlify and Cloudflare Pages
// serve /catalog from catalog.html; README.md ("Deploy") gives the rule for
// other hosts. app.html stays the empty shell for every other path.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const args = process.argv.slice(2);
const dir = resolve(args[0] ?? "dist");
const at = args.indexOf("--base");
const base = ((at >= 0 && args[at + 1]) || "/").replace(/\/?$/, "/");
const PORT = Number(process.env.PRERENDER_PORT ?? 4193);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const catalog = JSON.parse(readFileSync(join(dir, "catalog.json"), "utf8"));
const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
const shell = readFileSync(join(dir, "app.html"), "utf8");
const site = catalog.institution.name;
const siteUrl = typeof config.site_url === "string" && /^https?:\/\//.test(config.site_url) ? config.site_url.replace(/\/?$/, "/") : null;

const pages = [
  { path: "/", file: "index.html", description: `Micro-credentials and short courses from ${site}: compare fees, dates and delivery, plan a series towards credit, enrol, and keep and verify your digital badges.` },
  { path: "/catalog", file: "catalog.html", description: `All ${catalog.offerings.length} micro-credentials and short courses from ${site}, with fees, dates, delivery and credit points.` },
  ...catalog.offerings.map((o) => ({ path: `/catalog/${o.slug}`, file: `catalog/${o.slug}.html`, description: o.summary, image: o.badge?.image })),
  ...catalog.series.map((s) => ({ path: `/series/${s.slug}`, file: `series/${s.slug}.html`, description: s.summary })),
  { path: "/faq", file: "faq.html", description: `Answers about micro-credentials and short courses at ${site}: fees, assessment, credit, digital badges and CPD.` },
  { path: "/verify", file: "verify.html", description: `Check a digital badge from ${site} in your browser: paste its link or drop the file to see who issued it, what it warrants and whether it is still valid.` },
];

// Runs as soon as the copy is parsed, before the first paint:
// - Removes the copy when the host served this file for another path (a
//   host whose fallback for unknown paths is index.html): the app then starts
//   from the empty shell instead of showing the wrong page first.
// - Opens what the app opens on wide screens (`data-wide-open`, the catalog
//   filters; the copy is rendered at phone width), so the copy and the live
//   page match at any width.
// - Stops the copy's forms from submitting natively (a reload would lose
//   what was typed): the app carries typed text over when it takes the page.
// The same text on every page, so the CSP needs one hash for it.
const GUARD = `<script>(function(){
var p=document.getElementById("prerendered"),h=new URL(p.dataset.path.slice(1),document.baseURI).pathname.replace(/\\/$/,"");
if(location.pathname.replace(/\\/$/,"")!==h){p.remove();return}
var wide=matchMedia("(min-width: 60rem)").matches;
p.querySelectorAll("details[data-wide-open]").forEach(function(d){d.open=wide});
p.addEventListener("submit",function(e){e.preventDefault()});
})()</script>`;

const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function head(page, title) {
  const url = siteUrl && new URL(page.path.slice(1), siteUrl).href;
  const image = siteUrl && page.image && !/^https?:/.test(page.image) ? new URL(page.image, siteUrl).href : page.image;
  const tags = [
    ["property", "og:type", "website"],
    ["property", "og:site_name", site],
    ["property", "og:title", title],
    ["property", "og:description", page.description],
    ["name", "twitter:card", "summary"],
    ["name", "twitter:title", title],
    ["name", "twitter:description", page.description],
  ];
  if (url) tags.push(["property", "og:url", url]);
  if (image && /^https?:/.test(image)) tags.push(["property", "og:image", image]);
  const meta = tags.map(([kind, key, value]) => `<meta ${kind}="${key}" content="${escape(value)}">`).join("");
  return meta + (url ? `<link rel="canonical" href="${escape(url)}">` : "");
}

// On a pre-rendered page the content is already there, so the app's script
// and wasm wait for the page's load event instead of competing with it (no
// preload links; the loader imports the app once the page has loaded) —
// except for an employer's /verify?url= link, where the verdict is what the
// page is for (index.html's early verifier script says so). The
// shell, which has nothing to show until the app runs, keeps Trunk's preloads.
function deferApp(html) {
  const preloads = /<link rel="(modulepreload|preload)" href="app-[0-9a-f]{16}\/app(_bg\.wasm|\.js)"[^>]*>/g;
  const found = html.match(preloads) ?? [];
  const staticImport = /import init from "([^"]+)";/;
  if (found.length !== 2 || !staticImport.test(html)) throw new Error("prerender: index.html's app loader changed; update deferApp in scripts/prerender.mjs");
  return html
    .replace(preloads, "")
    .replace(
      staticImport,
      (_, src) =>
        `if (document.readyState !== "complete" && !self.microcredEarlyVerifier) await new Promise((loaded) => addEventListener("load", loaded, { once: true }));\nconst { default: init } = await import("${src}");`,
    );
}

function write(page, title, body) {
  let html = deferApp(shell);
  const swap = (from, to) => {
    if (!from.test(html)) throw new Error(`prerender: app.html has no ${from}`);
    html = html.replace(from, to);
  };
  swap(/<title>[^<]*<\/title>/, `<title>${escape(title)}</title>`);
  swap(/<meta name="description" content="[^"]*"\s*\/?>/, `<meta name="description" content="${escape(page.description)}" />`);
  swap(/<\/head>/, `${head(page, title)}</head>`);
  // The page's content replaces the no-script note: it is readable without scripts.
  swap(/<noscript>[\s\S]*?<\/noscript>/, `<div id="prerendered" data-path="${page.path}">${body}</div>${GUARD}`);
  const out = join(dir, page.file);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
}

const server = spawn(process.execPath, [join(root, "tests/e2e/server.mjs"), "--root", dir, "--port", String(PORT), "--base", base], { stdio: ["ignore", "ignore", "inherit"] });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  for (let i = 0; i < 50 && !(await fetch(`http://127.0.0.1:${PORT}${base}`).then((r) => r.ok).catch(() => false)); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const rendered = [];
  for (const p of pages) {
    await page.goto(`http://127.0.0.1:${PORT}${base}${p.path.slice(1)}`);
    await page.waitForFunction(() => document.querySelector("main h1") && !document.querySelector("[data-loading]"), null, { timeout: 30000 });
    const { title, body } = await page.evaluate(() => ({
      title: document.title,
      body: [...document.body.children]
        .filter((e) => !["SCRIPT", "NOSCRIPT"].includes(e.tagName))
        .map((e) => e.outerHTML)
        .join(""),
    }));
    if (problems.length) throw new Error(`prerender: ${p.path} logged errors: ${problems.join("; ")}`);
    rendered.push([p, title, body]);
  }
  // Written only at the end: until then the server's fallback is the shell.
  for (const [p, title, body] of rendered) write(p, title, body);
  console.log(`prerender: ${rendered.length} pages written to ${dir}`);
} catch (e) {
  console.error(String(e));
  failed = true;
} finally {
  await browser.close();
  server.kill();
}
process.exit(failed ? 1 : 0);
