/* The admin's map of tips: every tip with a position, framed to fit. */
window.nahbarTipsMap = function (map) {
  "use strict";
  var points = JSON.parse(document.getElementById("tips-map-points").textContent), bounds = [];
  points.forEach(function (p) {
    var marker = L.circleMarker([p.lat, p.lon], { radius: 7, className: "map-dot map-dot--tip" }).addTo(map);
    var label = document.createElement("bdi");
    label.textContent = p.label;
    marker.bindPopup(label);
    bounds.push([p.lat, p.lon]);
  });
  if (bounds.length) map.fitBounds(bounds, { maxZoom: 12 });
};
