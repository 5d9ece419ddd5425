// The share bar: the phone's own share sheet where the browser has one, and copy buttons.
// Without this script the plain links and the read-only link fields still work.
(function () {
  var bar = document.querySelector(".share-bar");
  if (!bar) return;
  var status = bar.querySelector(".share-bar__status");
  var sheet = bar.querySelector(".share-bar__sheet");
  if (sheet && navigator.share) {
    sheet.hidden = false;
    sheet.addEventListener("click", function () {
      navigator.share({ title: sheet.dataset.shareTitle, url: sheet.dataset.shareUrl }).catch(function () {});
    });
  }
  bar.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.dataset.copy);
    if (!navigator.clipboard || !field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        status.textContent = status.dataset.copied;
      }, function () { field.select(); });
    });
  });
})();
