// The tip's place as one marker on the admin's small map (tiles as the project's map setting says).
window.nahbarTipMap = function (map) {
  var box = document.querySelector(".tip-reading__map");
  var point = [parseFloat(box.dataset.lat), parseFloat(box.dataset.lon)];
  L.circleMarker(point, { radius: 9, weight: 3 }).addTo(map);
  map.setView(point, 12);
};
