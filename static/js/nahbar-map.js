/* The public map: open appeals and published tips from the GeoJSON feeds, grouped by a simple
   on-screen distance clustering (no build step, no plug-in). It first fits every open appeal into view (or the
   visitor's place after "near me"), then refetches for the visible box. Colours come from CSS classes,
   so the network's branding setting paints them. */
(function () {
  "use strict";
  var CELL = 60; // pixels: markers closer than this on screen become one numbered circle
  // Our own base layer shows borders, rivers and larger towns: closer than this it is an empty box.
  var MAX_FIT_ZOOM = 8;
  var ICON = 44; // a numbered circle's size with a little air: no two are drawn closer than this

  function cluster(map, features) {
    // Greedy: each point joins the first group whose centre is within CELL on screen, else starts its own.
    var groups = [];
    features.forEach(function (feature) {
      var c = feature.geometry.coordinates, latlng = L.latLng(c[1], c[0]), point = map.latLngToLayerPoint(latlng);
      var near = groups.filter(function (g) { return g.point.distanceTo(point) < CELL; })[0];
      if (near) join(near, { items: [{ latlng: latlng, feature: feature }], point: point });
      else groups.push({ items: [{ latlng: latlng, feature: feature }], point: point });
    });
    // Centres move as groups grow: merge any two that would now overlap on screen.
    for (var merged = true; merged;) {
      merged = false;
      for (var i = 0; i < groups.length && !merged; i++) {
        for (var j = i + 1; j < groups.length && !merged; j++) {
          merged = groups[i].point.distanceTo(groups[j].point) < ICON;
          if (merged) join(groups[i], groups.splice(j, 1)[0]);
        }
      }
    }
    return groups.map(function (g) { g.items.center = map.layerPointToLatLng(g.point); return g.items; });
  }

  function join(group, other) {
    var n = group.items.length, m = other.items.length;
    group.point = group.point.multiplyBy(n).add(other.point.multiplyBy(m)).divideBy(n + m);
    group.items = group.items.concat(other.items);
  }

  function entry(feature, tipLabel) {
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

  function listPopup(group, texts) {
    var box = document.createElement("div"), title = document.createElement("p"), list = document.createElement("ul");
    title.textContent = texts.textMore;
    list.className = "map-popup-list";
    group.forEach(function (item) {
      var li = document.createElement("li");
      li.appendChild(entry(item.feature, texts.tipLabel || ""));
      list.appendChild(li);
    });
    box.appendChild(title);
    box.appendChild(list);
    return box;
  }

  function splitOrList(map, group, texts, marker) {
    var bounds = L.latLngBounds(group.map(function (i) { return i.latlng; }));
    var gridCell = group.length === 1; // a server-side grid cell: zooming in makes the feed answer in detail
    var zoom = Math.min(map.getBoundsZoom(bounds.pad(0.3)), map.getMaxZoom());
    if (gridCell) map.setView(bounds.getCenter(), Math.min(map.getZoom() + 2, map.getMaxZoom()));
    // Points in one town share a position: no zoom level splits them, so list them instead.
    else if (zoom <= map.getZoom() || bounds.getNorthEast().distanceTo(bounds.getSouthWest()) < 200) {
      marker.bindPopup(listPopup(group, texts)).openPopup();
    } else map.fitBounds(bounds.pad(0.3));
  }

  function draw(map, layer, features, texts) {
    layer.clearLayers();
    cluster(map, features).forEach(function (group) {
      var total = group.reduce(function (sum, i) { return sum + (i.feature.properties.count || 1); }, 0);
      if (total === 1) {
        var item = group[0], kind = item.feature.properties.kind === "tip" ? "tip" : "appeal";
        L.circleMarker(item.latlng, { radius: 9, weight: 2, fillOpacity: 0.85, className: "map-dot map-dot--" + kind })
          .bindPopup(entry(item.feature, texts.tipLabel || "")).addTo(layer);
        return;
      }
      var center = group.center;
      var icon = L.divIcon({ className: "map-cluster", html: String(total), iconSize: [40, 40] });
      var marker = L.marker(center, { icon: icon, keyboard: true, title: String(total) }).addTo(layer);
      marker.on("click", function () { splitOrList(map, group, texts, marker); });
    });
  }

  function fetchAll(urls) {
    return Promise.all(urls.map(function (url) { return fetch(url).then(function (r) { return r.json(); }); }))
      .then(function (collections) {
        var all = [];
        collections.forEach(function (c) { all = all.concat(c.features || []); });
        return all;
      });
  }

  function fit(map, box, features) {
    // Every open appeal in view, on a phone too; after "near me", the visitor's place and what is close by.
    var points = features.map(function (f) { return L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]); });
    if (box.dataset.focus) {
      var focus = L.latLng(box.dataset.focus.split(",").map(Number));
      var near = points.filter(function (p) { return p.distanceTo(focus) < 100000; });
      map.fitBounds(L.latLngBounds(near.concat([focus])).pad(0.2), { maxZoom: MAX_FIT_ZOOM + 1 });
    } else if (points.length) {
      map.fitBounds(L.latLngBounds(points).pad(0.25), { maxZoom: MAX_FIT_ZOOM });
    }
  }

  window.nahbarPublicMap = function (map) {
    var box = map.getContainer(), layer = L.layerGroup().addTo(map), texts = box.dataset;
    var category = document.querySelector("[data-near-me-form] select[name=category]");
    function urls(query) {
      var list = [box.dataset.appealsUrl + query];
      if (box.dataset.tipsUrl && !(category && category.value)) list.push(box.dataset.tipsUrl + query);
      return list;
    }
    function filters() {
      return "lang=" + box.dataset.lang + (category && category.value ? "&category=" + encodeURIComponent(category.value) : "");
    }
    function load() {
      var b = map.getBounds(), bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        .map(function (v, i) { return Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, v)).toFixed(3); });
      fetchAll(urls("?bbox=" + bbox.join(",") + "&" + filters())).then(function (all) {
        box.dataset.loaded = String(all.reduce(function (sum, f) { return sum + (f.properties.count || 1); }, 0));
        draw(map, layer, all, texts);
      });
    }
    // The first view: every open appeal (no box), so the map fits what it shows rather than a fixed centre.
    fetchAll([box.dataset.appealsUrl + "?" + filters()]).then(function (appeals) {
      fit(map, box, appeals);
      map.on("moveend", load);
      load();
    });
    if (category) category.addEventListener("change", load);
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
