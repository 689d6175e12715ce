// Forms whose saving recomputes kept totals from every stored response (cross-tab marks, weighting questions): on
// submit, the notice named by data-busy is shown and the button disabled, so a long recomputation is not a frozen page.
(function () {
  'use strict';
  document.querySelectorAll('form[data-busy]').forEach(function (form) {
    form.addEventListener('submit', function () {
      var notice = document.getElementById(form.getAttribute('data-busy'));
      if (notice) {
        notice.hidden = false;
      }

      form.querySelectorAll('button[type="submit"]').forEach(function (button) {
        button.disabled = true;
      });
      form.setAttribute('aria-busy', 'true');
    });
  });
})();
