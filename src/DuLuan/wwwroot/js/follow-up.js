// The QR on the receipt opens /theo-doi#ma=CODE: the part after '#' never reaches a server.
// Put the code into the field and drop it from the address bar and history.
(function () {
  var match = /^#ma=([A-Za-z0-9-]{16,40})$/.exec(window.location.hash);
  var field = document.getElementById('code');
  if (!match || !field) {
    return;
  }
  field.value = match[1];
  history.replaceState(null, '', window.location.pathname);
})();
