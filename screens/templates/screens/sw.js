/* Lobby displays: keep the page, its assets and its images so a reload works offline.
   The feed itself is not cached here: the page keeps the last good feed in localStorage. */
"use strict";
const CACHE = "pantallas-v1";
// A proxy may add Vary headers; the display page has one language, so never miss the cache for it.
const MATCH = { ignoreVary: true };

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) {
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
          return response;
        }
        // A proxy's 502/503 page is no better than no answer: keep showing what we have.
        return response.status >= 500 ? caches.match(request, MATCH).then((hit) => hit || response) : response;
      })
      .catch(() => caches.match(request, MATCH).then((hit) => hit || Response.error()))
  );
});
