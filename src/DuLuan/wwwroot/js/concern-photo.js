// The concern form's photo: a phone's photo is often 3-12 MB, over the form's 5 MB limit and slow to send on a poor
// connection. A photo over 1 MB is drawn again, at most 2048 px on its longer side, as a JPEG (the server re-encodes it
// and drops its EXIF data anyway), so it sends fast and is not refused. One that still cannot be sent is refused here,
// next to the field, before anything is sent, so the text typed is never lost. Without script nothing changes: the
// server checks the photo and, over the request limit, answers with a page saying it is too large.
(function () {
  var input = document.getElementById('photo');
  var status = document.getElementById('photo-status');
  var error = document.getElementById('photo-error');
  if (!input || !status || !error || !window.createImageBitmap || !window.DataTransfer || !HTMLCanvasElement.prototype.toBlob) {
    return;
  }
  var max = Number(input.dataset.maxBytes);
  var shrinkOver = 1024 * 1024;
  var side = 2048;
  var lang = document.documentElement.lang || 'vi';
  function kb(bytes) { return Math.ceil(bytes / 1024).toLocaleString(lang); }
  function refuse() {
    input.value = '';
    status.textContent = '';
    error.textContent = input.dataset.tooLarge;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    error.textContent = '';
    status.textContent = '';
    input.removeAttribute('aria-invalid');
    if (!file || file.size <= shrinkOver) {
      return;
    }
    var button = input.form && input.form.querySelector('button[type=submit]');
    if (button) { button.disabled = true; }
    status.textContent = input.dataset.shrinking;
    createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.85); });
    }).then(function (blob) {
      if (!blob || blob.size >= file.size) {
        if (file.size > max) { refuse(); } else { status.textContent = ''; }
        return;
      }
      var transfer = new DataTransfer();
      transfer.items.add(new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: 'image/jpeg' }));
      input.files = transfer.files;
      status.textContent = input.dataset.shrunk.replace('{0}', kb(file.size)).replace('{1}', kb(blob.size));
    }, function () {
      // Not an image this browser can draw: small enough, the server decides; too large, refused now.
      if (file.size > max) { refuse(); } else { status.textContent = ''; }
    }).then(function () {
      if (button) { button.disabled = false; }
    });
  });
})();
