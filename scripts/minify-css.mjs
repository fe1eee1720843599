// Trunk post_build hook step: takes the comments, indentation and blank lines
// out of the stylesheets Trunk copied (comments and indentation were a sixth
// of their gzip size), and updates each one's `integrity` in index.html.
//
// Only whitespace at the start and end of lines, the space after a
// declaration's colon and before a block's brace, and whole comments go, so no
// rule can change meaning: a comment inside a string (`content: "/*"`) would
// be cut, and none of our stylesheets has one (the step fails if a line
// still holds "/*" or "*/" after the pass). Trunk's own `minify` also
// rewrites index.html's scripts, which scripts/prerender.mjs depends on.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("minify-css: name the built folder, or run as a Trunk post_build hook");
  process.exit(1);
}

function fail(message) {
  console.error(`minify-css: ${message}`);
  process.exit(1);
}

/** `css` without comments, indentation or blank lines. */
export function minifyCss(css) {
  const text = css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    // "color: red;" → "color:red;" (a declaration's first ": " only), and
    // "a {" → "a{": neither space carries meaning there.
    .map((line) => (/^-{0,2}[a-z][a-z0-9-]*: /.test(line) && !/[{,]$/.test(line) ? line.replace(": ", ":") : line))
    .map((line) => (line.endsWith(" {") ? `${line.slice(0, -2)}{` : line))
    .join("\n");
  if (text.includes("/*") || text.includes("*/")) fail("a comment marker is left over");
  return `${text}\n`;
}

const index = join(dir, "index.html");
let html = readFileSync(index, "utf8");
const sheets = readdirSync(dir).filter((f) => f.endsWith(".css"));
if (sheets.length === 0) fail("no stylesheet was built");
for (const sheet of sheets) {
  const path = join(dir, sheet);
  const before = readFileSync(path);
  const after = Buffer.from(minifyCss(before.toString("utf8")));
  const integrity = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const old = integrity(before);
  if (!html.includes(old)) fail(`index.html does not carry ${sheet}'s integrity ${old}`);
  writeFileSync(path, after);
  html = html.split(old).join(integrity(after));
}
writeFileSync(index, html);
