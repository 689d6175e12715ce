// The concern form's "use my position" button: asks the phone for its position only when pressed (the browser asks
// the resident's consent), rounds it to about 10 m and puts it in the form. Without script the button stays hidden.
(function () {
  var button = document.getElementById('use-position');
  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  var shown = document.getElementById('position');
  if (!button || !lat || !lon || !shown || !('geolocation' in navigator)) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    shown.textContent = button.dataset.asking;
    navigator.geolocation.getCurrentPosition(function (p) {
      lat.value = p.coords.latitude.toFixed(4);
      lon.value = p.coords.longitude.toFixed(4);
      shown.textContent = lat.value + ', ' + lon.value;
    }, function () {
      lat.value = '';
      lon.value = '';
      shown.textContent = button.dataset.refused;
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
})();
