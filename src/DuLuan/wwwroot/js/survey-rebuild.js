// The progress of a rebuild of a survey's kept totals (cross-tab marks, weighting questions), run by a background job
// after the office saved the change: the box's bar and text follow the staff-only status endpoint every 2 seconds
// until the job is done, without reloading the page.
(function () {
  'use strict';
  var box = document.getElementById('rebuild');
  var url = box && box.getAttribute('data-status');
  if (!url) {
    return;
  }

  var bar = document.getElementById('rebuild-progress');
  var share = document.getElementById('rebuild-share');
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) {
          return;
        }

        if (share) {
          share.textContent = s.text;
        }

        if (bar) {
          bar.max = Math.max(1, s.total);
          bar.value = s.rebuilding ? s.done : bar.max;
          bar.textContent = (s.rebuilding ? s.percent : 100) + '%';
        }

        if (s.rebuilding) {
          window.setTimeout(poll, 2000);
        } else {
          box.setAttribute('data-done', 'true');
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  window.setTimeout(poll, 1000);
})();
