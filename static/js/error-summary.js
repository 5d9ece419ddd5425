/* After a form error, focus moves to the summary at the top: a screen reader reads it, a keyboard starts there. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();
