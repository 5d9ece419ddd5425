/* Every map of the portal: Leaflet on our own light base layer (borders, rivers and towns, a static file of the
   portal), so by default the browser asks no other server. Tiles from an outside server are added only after
   the visitor switched them on, having read what that sends where; the choice stays in this browser
   (localStorage), never in a cookie. Each map element names its page's set-up function in data-map. */
(function () {
  "use strict";
  var KEY = "nahbar-map-tiles", maps = [];
  var BASE_STYLES = { river: { className: "map-river", weight: 1.5, fill: false },
                      lake: { className: "map-lake", weight: 1 }, town: { className: "map-town", weight: 1 } };

  function tilesWanted() {
    try { return window.localStorage.getItem(KEY) === "on"; } catch (error) { return false; }
  }

  function remember(on) {
    try { if (on) window.localStorage.setItem(KEY, "on"); else window.localStorage.removeItem(KEY); }
    catch (error) { /* private mode: the choice lasts for this page only */ }
  }

  function basemap(map, url) {
    // A pane of its own under the markers, so the layer keeps its order: land, then water, then towns.
    map.createPane("nahbar-base").style.zIndex = 300;
    fetch(url).then(function (response) { return response.json(); }).then(function (data) {
      L.geoJSON(data, {
        pane: "nahbar-base",
        interactive: false,
        // Leaflet styles the town dots too: each kind names its own class, or towns would be painted as land.
        style: function (feature) {
          return BASE_STYLES[feature.properties.kind] ||
            { className: feature.properties.home ? "map-land map-land--home" : "map-land", weight: 1 };
        },
        pointToLayer: function (feature, latlng) {
          var dot = L.circleMarker(latlng, { radius: feature.properties.major ? 3 : 2, interactive: false,
                                             pane: "nahbar-base" });
          if (feature.properties.major) {
            dot.bindTooltip(feature.properties.name, { permanent: true, direction: "right", className: "map-town-label" });
          }
          return dot;
        }
      }).addTo(map);
    });
  }

  function setTiles(entry, on) {
    var data = entry.element.dataset;
    if (on && !entry.tiles) {
      entry.tiles = L.tileLayer(data.tilesUrl, { attribution: data.tilesAttribution, maxZoom: 19 }).addTo(entry.map);
    } else if (!on && entry.tiles) {
      entry.map.removeLayer(entry.tiles);
      entry.tiles = null;
    }
    entry.button.textContent = on ? data.textTilesOff : data.textTilesOn;
    entry.button.setAttribute("aria-pressed", on ? "true" : "false");
    entry.element.classList.toggle("map-canvas--tiles", on);
  }

  function tilesSwitch(entry) {
    var data = entry.element.dataset, box = document.createElement("div"), note = document.createElement("p");
    box.className = "map-tiles-switch";
    note.textContent = data.textTilesNote;
    entry.button = document.createElement("button");
    entry.button.type = "button";
    entry.button.className = "button button--secondary";
    entry.button.addEventListener("click", function () {
      var on = !entry.tiles;
      remember(on);
      maps.forEach(function (other) { setTiles(other, on); });
    });
    box.appendChild(note);
    box.appendChild(entry.button);
    entry.element.parentNode.insertBefore(box, entry.element.nextSibling);
  }

  function create(element) {
    var data = element.dataset, rtl = document.documentElement.dir === "rtl";
    var fallback = element.querySelector(".map-fallback");
    if (fallback) element.removeChild(fallback);
    var map = L.map(element, { center: [51.2, 10.4], zoom: 5, minZoom: 4, maxZoom: 17, zoomControl: false });
    // Zoom buttons where reading starts (top-right in Arabic), with tooltips in the page's language.
    L.control.zoom({ position: rtl ? "topright" : "topleft", zoomInTitle: data.textZoomIn,
                     zoomOutTitle: data.textZoomOut }).addTo(map);
    map.attributionControl.setPrefix("");
    map.attributionControl.addAttribution(data.basemapAttribution);
    basemap(map, data.basemapUrl);
    var entry = { element: element, map: map, tiles: null };
    element.nahbarMap = map; // for the browser tests
    maps.push(entry);
    if (data.tilesUrl) { tilesSwitch(entry); setTiles(entry, tilesWanted()); }
    var setup = window[data.map];
    if (typeof setup === "function") setup(map);
  }

  // Deferred scripts all run before DOMContentLoaded: each page's set-up function is defined by then.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-map]").forEach(create);
  });
})();
