// Finsam-kalkyl's service worker: the calculator works offline after one
// visit. The build (scripts/post-build/service-worker.mjs) fills in the
// version and the file list, so a new build gets a new cache and the old
// one is deleted.
//
// Trunk names assets by content hash, so they never change under a name:
// they are served cache-first. The page itself is served network-first, so
// a new build is seen as soon as there is a network. Anything else (a
// förbund's budget file, `?budget=`) is left to the network: the page keeps
// its own copy of the file for offline use (src/ui/load.rs), so an updated
// file is seen at once.
const VERSION = '__VERSION__';
const CACHE = `finsam-kalkyl-${VERSION}`;
// Every file the page loads, or may load (the workers'), besides itself.
const FILES = '__FILES__';
const OWN = new Set(FILES.map((file) => new URL(file, self.location).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.put('./', await fetch('./', { cache: 'no-cache' }));
    await cache.addAll(FILES);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('finsam-kalkyl-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put('./', response.clone());
    return response;
  } catch {
    return (await cache.match('./')) ?? Response.error();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request));
  else if (OWN.has(url.origin + url.pathname)) event.respondWith(cacheFirst(request));
});
