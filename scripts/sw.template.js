// The site's service worker, written into the build as sw.js by
// scripts/service-worker.mjs, which fills in the three constants below. It
// makes the site work offline after the first visit:
// - Install caches the app shell (app.html, the app's script, wasm and
//   styles), catalog.json, faq.json and config.json, and, unless the browser
//   asks to save data, the verifier worker, the wallet module and the
//   pictures, so the wallet opens and a dropped badge verifies with no network.
// - Pages and the data files go to the network first, so a new catalog is
//   picked up on the next online load (the app says when it changed); the
//   cache answers only when the network does not. Content-hashed files never
//   change, so the cache answers them first.
// - Status lists are never cached: an old list must not vouch that a badge
//   is not revoked, so offline they "could not be checked".
// A new build has a new VERSION (a hash of the cached files' names), so the
// browser installs the new worker, which drops the old cache.
const VERSION = "__VERSION__";
const BASE = "__BASE__";
const PRECACHE = __PRECACHE__;

const CACHE = `microcred-${VERSION}`;
// Trunk's NAME-<hash>.EXT, and the app's folder app-<hash>/ (scripts/build-app.mjs).
const HASHED = /-[0-9a-f]{10,16}(_bg)?\.(js|wasm|css)$|^app-[0-9a-f]{16}\/[^/]+$/;
const DATA = ["catalog.json", "faq.json", "config.json"];

self.addEventListener("install", (event) => {
  const saveData = self.navigator.connection?.saveData === true;
  const files = PRECACHE.filter((entry) => !(saveData && entry.large)).map((entry) => BASE + entry.file);
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(files))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("microcred-") && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  const path = url.pathname.slice(BASE.length);
  if (request.mode === "navigate") event.respondWith(page(request));
  else if (HASHED.test(path)) event.respondWith(cacheFirst(request));
  else if (DATA.includes(path) || path.startsWith("images/") || path.startsWith("badges/")) event.respondWith(networkFirst(request, url));
  // Anything else (status lists above all) goes to the network untouched.
});

/** A page: the network's copy (pre-rendered or the shell), else the cached shell. */
async function page(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const shell = await caches.match(`${BASE}app.html`);
    if (shell) return shell;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

/** Revalidates with the server every time; the cached copy is for offline. */
async function networkFirst(request, url) {
  const key = url.origin + url.pathname;
  try {
    const response = await fetch(request, { cache: "no-cache" });
    if (response.ok) {
      const copy = response.clone();
      await caches.open(CACHE).then((cache) => cache.put(key, copy));
    }
    return response;
  } catch (offline) {
    const cached = await caches.match(key);
    if (cached) return cached;
    throw offline;
  }
}
