/* The public map: open appeals and published tips from the GeoJSON feeds, grouped by a simple
   screen-grid clustering (no build step, no plug-in), refetched for the visible box. */
(function () {
  "use strict";
  var CELL = 60; // pixels: markers closer than this on screen become one numbered circle

  function cluster(map, features) {
    var cells = {};
    features.forEach(function (feature) {
      var c = feature.geometry.coordinates, latlng = L.latLng(c[1], c[0]);
      var p = map.latLngToLayerPoint(latlng), key = Math.floor(p.x / CELL) + ":" + Math.floor(p.y / CELL);
      (cells[key] = cells[key] || []).push({ latlng: latlng, feature: feature });
    });
    return Object.keys(cells).map(function (key) { return cells[key]; });
  }

  function popup(feature, tipLabel) {
    var props = feature.properties, box = document.createElement("div");
    var strong = document.createElement(props.url ? "a" : "strong");
    strong.textContent = props.title || (tipLabel + ": " + props.category_label);
    if (props.url) strong.href = props.url;
    box.appendChild(strong);
    [props.kind === "appeal" ? props.category_label : "", props.town, props.text].forEach(function (text) {
      // dir=auto: a German town or tip text in an Arabic popup keeps its own direction (and its final period).
      if (text) { var p = document.createElement("p"); p.dir = "auto"; p.textContent = text; box.appendChild(p); }
    });
    return box; // built with textContent: nothing from the feed is ever parsed as HTML
  }

  function draw(map, layer, features, tipLabel) {
    layer.clearLayers();
    cluster(map, features).forEach(function (group) {
      var total = group.reduce(function (sum, i) { return sum + (i.feature.properties.count || 1); }, 0);
      if (total === 1) {
        var item = group[0], tip = item.feature.properties.kind === "tip";
        L.circleMarker(item.latlng, { radius: 8, color: tip ? "#8a4b00" : "#0b5d3b", fillOpacity: 0.8 })
          .bindPopup(popup(item.feature, tipLabel)).addTo(layer);
        return;
      }
      var bounds = L.latLngBounds(group.map(function (i) { return i.latlng; }));
      var icon = L.divIcon({ className: "map-cluster", html: String(total), iconSize: [34, 34] });
      L.marker(bounds.getCenter(), { icon: icon, keyboard: true, title: String(total) })
        .on("click", function () {
          // A server-side grid cell is one point: zoom in on it and the feed answers with the single markers.
          if (group.length === 1) map.setView(bounds.getCenter(), map.getZoom() + 2);
          else map.fitBounds(bounds.pad(0.2));
        }).addTo(layer);
    });
  }

  window.nahbarPublicMap = function (map) {
    var box = map.getContainer().closest("[data-public-map]"), layer = L.layerGroup().addTo(map);
    var category = document.querySelector("[data-near-me-form] select[name=category]");
    function load() {
      var b = map.getBounds(), bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        .map(function (v, i) { return Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, v)).toFixed(3); });
      var query = "?bbox=" + bbox.join(",") + "&lang=" + box.dataset.lang +
        (category && category.value ? "&category=" + encodeURIComponent(category.value) : "");
      var urls = [box.dataset.appealsUrl + query];
      if (box.dataset.tipsUrl && !(category && category.value)) urls.push(box.dataset.tipsUrl + query);
      Promise.all(urls.map(function (url) { return fetch(url).then(function (r) { return r.json(); }); }))
        .then(function (collections) {
          var all = [];
          collections.forEach(function (c) { all = all.concat(c.features || []); });
          box.dataset.loaded = String(all.reduce(function (sum, f) { return sum + (f.properties.count || 1); }, 0));
          draw(map, layer, all, box.dataset.tipLabel || "");
        });
    }
    map.on("moveend", load);
    if (category) category.addEventListener("change", load);
    load();
  };

  var form = document.querySelector("[data-near-me-form]");
  var locate = form && form.querySelector("[data-near-me-locate]");
  if (locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        form.elements.lat.value = position.coords.latitude.toFixed(4);
        form.elements.lon.value = position.coords.longitude.toFixed(4);
        form.submit();
      });
    });
  }
})();
