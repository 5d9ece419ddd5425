/* Leaflet puts its zoom buttons top-left with English tooltips. On a right-to-left page they belong
   top-right, where the reading starts, and every page gets the tooltips in its own language. */
(function () {
  "use strict";
  var labels = document.currentScript.dataset;
  window.addEventListener("map:init", function (event) {
    var map = event.detail.map;
    if (!map.zoomControl) return;
    map.removeControl(map.zoomControl);
    map.zoomControl = L.control.zoom({
      position: document.documentElement.dir === "rtl" ? "topright" : "topleft",
      zoomInTitle: labels.zoomIn,
      zoomOutTitle: labels.zoomOut
    }).addTo(map);
  });
})();
