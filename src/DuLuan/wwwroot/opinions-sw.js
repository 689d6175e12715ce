// Keeps the opinion report form usable with no connection: pages under /Opinions/ are fetched from
// the network first and served from the cache when offline; posts are never cached (the page's own
// script queues them).
'use strict';
var PREFIX = 'duluan-opinions-';
var CACHE = PREFIX + 'v1';
var ASSETS = ['/css/site.css', '/js/opinions.js', '/js/site.js', '/lib/be-vietnam-pro/400.css', '/lib/be-vietnam-pro/600.css'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(ASSETS); }).catch(function () { }));
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    // Only this worker's own old caches: the survey worker keeps its own.
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  var isForm = url.pathname === '/Opinions/New';
  var isAsset = ASSETS.some(function (a) { return url.pathname === a; }) || url.pathname.indexOf('/lib/be-vietnam-pro/') === 0;
  if (!isForm && !isAsset) { return; }
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreSearch: isAsset });
  }));
});
