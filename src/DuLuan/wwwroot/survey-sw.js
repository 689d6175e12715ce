// Keeps public survey pages (/cong/{code}/khao-sat/{id}) answerable with no connection: the page and its assets
// are fetched from the network first and served from the cache when offline. Posts are never cached:
// the page's own script (js/survey-answer.js) queues answers and sends them when the connection returns.
'use strict';
var CACHE = 'duluan-surveys-v1';
var PREFIX = 'duluan-surveys-';
var ASSETS = ['/css/site.css', '/js/site.js', '/js/survey-relevance.js', '/js/survey-answer.js', '/lib/be-vietnam-pro/400.css', '/lib/be-vietnam-pro/600.css', '/favicon.svg'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(ASSETS); }).catch(function () { }));
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  // Only this worker's own old caches: other features keep theirs.
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  var isPage = /^\/cong\/[^\/]+\/khao-sat\/\d+$/.test(url.pathname);
  var isAsset = ASSETS.indexOf(url.pathname) >= 0 || url.pathname.indexOf('/lib/be-vietnam-pro/') === 0;
  if (!isPage && !isAsset) { return; }
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreSearch: isAsset }).then(function (hit) {
      return hit || (isPage ? caches.match(url.pathname, { ignoreSearch: true }) : undefined) || Response.error();
    });
  }));
});
