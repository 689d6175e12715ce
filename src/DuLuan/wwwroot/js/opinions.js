// Opinion report form: add/remove streams, and an offline queue (localStorage) that sends once
// when the connection returns. The server refuses duplicates by the form's idempotency key.
(function () {
  'use strict';
  var QUEUE = 'duluan-opinion-queue';
  var form = document.getElementById('opinion-form');
  var status = document.getElementById('offline-status');

  function renumber() {
    var streams = document.querySelectorAll('#streams fieldset.stream');
    streams.forEach(function (fs, i) {
      fs.querySelectorAll('[name^="Streams["]').forEach(function (el) {
        el.name = el.name.replace(/^Streams\[[^\]]*\]/, 'Streams[' + i + ']');
      });
      fs.querySelectorAll('[id]').forEach(function (el) {
        el.id = el.id.replace(/-[^-]+$/, '-' + i);
      });
      fs.querySelectorAll('label[for]').forEach(function (el) {
        el.htmlFor = el.htmlFor.replace(/-[^-]+$/, '-' + i);
      });
      var number = fs.querySelector('.stream-number');
      if (number) { number.textContent = String(i + 1); }
      var remove = fs.querySelector('.remove-stream');
      if (remove) { remove.hidden = streams.length === 1; }
    });
    var add = document.getElementById('add-stream');
    if (add) { add.hidden = streams.length >= Number(add.dataset.max || 10); }
  }

  function say(text) {
    if (!status) { return; }
    status.textContent = text;
    status.hidden = !text;
  }

  function readQueue() {
    try { return JSON.parse(localStorage.getItem(QUEUE) || '[]'); } catch (e) { return []; }
  }

  function writeQueue(items) {
    localStorage.setItem(QUEUE, JSON.stringify(items));
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID().replace(/-/g, ''); }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  var syncing = false;
  function sync() {
    if (syncing || !navigator.onLine) { return; }
    var items = readQueue();
    if (items.length === 0) { return; }
    syncing = true;
    var failed = false;
    var chain = Promise.resolve();
    items.forEach(function (item) {
      chain = chain.then(function () {
        return fetch(item.action, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: item.body
        }).then(function (response) {
          // Stored (or already stored: the key makes a replay harmless) when we land on the report page.
          var stored = response.ok && response.url.indexOf('/Opinions/Report') >= 0;
          writeQueue(readQueue().filter(function (q) { return q.key !== item.key || !stored; }));
          if (!stored) { failed = true; }
        });
      });
    });
    chain.catch(function () { /* still offline: keep the queue for the next 'online' */ })
      .then(function () {
        syncing = false;
        if (status) { say(failed ? status.dataset.failed : (readQueue().length === 0 ? status.dataset.synced : status.dataset.pending + ' ' + readQueue().length)); }
      });
  }

  if (form) {
    var template = document.getElementById('stream-template');
    var container = document.getElementById('streams');
    document.getElementById('add-stream').addEventListener('click', function () {
      var html = template.innerHTML.replace(/__i__/g, String(container.children.length));
      container.insertAdjacentHTML('beforeend', html);
      renumber();
    });
    container.addEventListener('click', function (e) {
      var target = e.target;
      if (target instanceof HTMLElement && target.classList.contains('remove-stream')) {
        var fs = target.closest('fieldset.stream');
        if (fs && container.children.length > 1) { fs.remove(); renumber(); }
      }
    });
    renumber();
    // A page served from the offline cache carries a key that may already be used: every loaded form gets its own.
    document.getElementById('idempotency-key').value = newKey();

    form.addEventListener('submit', function (e) {
      if (navigator.onLine) { return; }
      e.preventDefault();
      var keyField = document.getElementById('idempotency-key');
      var body = new URLSearchParams(new FormData(form)).toString();
      var items = readQueue();
      items.push({ key: keyField.value, action: form.getAttribute('action'), body: body });
      writeQueue(items);
      keyField.value = newKey();
      form.reset();
      say(status.dataset.queued);
    });

    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/opinions-sw.js', { scope: '/Opinions/' }).catch(function () { });
    }
  }

  window.addEventListener('online', sync);
  sync();

  var print = document.getElementById('print-briefing');
  if (print) { print.addEventListener('click', function () { window.print(); }); }
}());
