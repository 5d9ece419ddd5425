/* A company campaign's map: how many people wait for company in each town, from the campaign's own feed
   (towns and numbers only). One numbered circle per town; its sentence opens on click or keyboard. */
window.nahbarCompanyMap = function (map) {
  "use strict";
  var box = map.getContainer(), url = box.parentNode.dataset.countsUrl;
  fetch(url).then(function (response) { return response.json(); }).then(function (data) {
    var points = [];
    data.features.forEach(function (feature) {
      var c = feature.geometry.coordinates, latlng = L.latLng(c[1], c[0]), text = document.createElement("p");
      text.dir = "auto";
      text.textContent = feature.properties.text; // never parsed as HTML
      var icon = L.divIcon({ className: "map-cluster", html: String(feature.properties.count), iconSize: [40, 40] });
      L.marker(latlng, { icon: icon, keyboard: true, title: feature.properties.text }).bindPopup(text).addTo(map);
      points.push(latlng);
    });
    if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 8 });
    box.dataset.loaded = String(points.length); // for the browser tests
  });
};
