/* Enhances places.forms.PointWidget: tap the Leaflet map to drop a pin, or "use my location".
   Without JavaScript the town field alone is enough. */
(function () {
  "use strict";
  window.nahbarPointPicker = function (map) {
    var box = map.getContainer().closest("[data-point-picker]");
    map.setView([51.2, 10.4], 5);
    var inputs = box.querySelectorAll("input"), town = inputs[0], lat = inputs[1], lon = inputs[2];
    var locate = box.querySelector("[data-point-picker-locate]");
    var status = box.querySelector("[data-point-picker-status]"), marker = null;
    function place(latlng, zoom) {
      lat.value = latlng.lat.toFixed(5);
      lon.value = latlng.lng.toFixed(5);
      if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng).addTo(map);
      if (zoom) map.setView(latlng, zoom);
      status.textContent = box.dataset.pinnedText || "";
    }
    if (lat.value && lon.value) place(L.latLng(+lat.value, +lon.value), 11);
    map.on("click", function (event) { place(event.latlng); });
    town.addEventListener("input", function () {
      // A typed town replaces the pin: the server resolves it with the gazetteer.
      lat.value = ""; lon.value = "";
      if (marker) { map.removeLayer(marker); marker = null; }
    });
    if (navigator.geolocation) {
      locate.hidden = false;
      locate.addEventListener("click", function () {
        navigator.geolocation.getCurrentPosition(function (position) {
          place(L.latLng(position.coords.latitude, position.coords.longitude), 12);
        });
      });
    }
  };
})();
