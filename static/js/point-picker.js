/* Enhances places.forms.PointWidget: a Leaflet map to drop a pin and a "use my location" button.
   Without JavaScript the town field alone is enough. */
(function () {
  "use strict";
  function init(box) {
    var inputs = box.querySelectorAll("input"), town = inputs[0], lat = inputs[1], lon = inputs[2];
    var mapBox = box.querySelector("[data-point-picker-map]"), locate = box.querySelector("[data-point-picker-locate]");
    var status = box.querySelector("[data-point-picker-status]"), marker = null;
    if (!window.L) return;
    mapBox.hidden = false;
    var map = L.map(mapBox).setView([51.2, 10.4], 5);
    var tiles = (window.LEAFLET_CONFIG || {}).TILES || [];
    if (tiles.length) L.tileLayer(tiles[0][1], tiles[0][2]).addTo(map);
    function place(latlng, zoom) {
      lat.value = latlng.lat.toFixed(5); lon.value = latlng.lng.toFixed(5);
      if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng).addTo(map);
      if (zoom) map.setView(latlng, zoom);
      status.textContent = box.dataset.pinnedText || "";
    }
    if (lat.value && lon.value) place(L.latLng(+lat.value, +lon.value), 11);
    map.on("click", function (event) { place(event.latlng); });
    town.addEventListener("input", function () { lat.value = ""; lon.value = ""; if (marker) { map.removeLayer(marker); marker = null; } });
    if (navigator.geolocation) {
      locate.hidden = false;
      locate.addEventListener("click", function () {
        navigator.geolocation.getCurrentPosition(function (position) {
          place(L.latLng(position.coords.latitude, position.coords.longitude), 12);
        });
      });
    }
  }
  document.querySelectorAll("[data-point-picker]").forEach(init);
})();
