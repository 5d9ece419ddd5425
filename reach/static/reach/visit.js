// Counts one visit of this page: page, language and the channel in the address, nothing about the visitor.
// The page's HTML is the same for everyone (and may come from a cache), so the channel is read here.
(function () {
  var script = document.currentScript;
  if (!script) return;
  var query = new URLSearchParams(window.location.search);
  var params = new URLSearchParams({
    p: script.dataset.page,
    l: script.dataset.language,
    via: query.get("via") || query.get("utm_source") || ""
  });
  var url = script.dataset.visit + "?" + params.toString();
  if (navigator.sendBeacon && navigator.sendBeacon(url)) return;
  fetch(url, { method: "POST", keepalive: true, credentials: "omit" }).catch(function () {});
})();
