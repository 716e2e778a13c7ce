// Progressive enhancement only: every page works without this file.
// A second click on a "send" button while the first request is on its way does nothing
// (the server also makes sending idempotent, so a refresh or retry never files twice).
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  if (!button || !button.hasAttribute("data-prevent-double-click")) return;
  if (button.getAttribute("aria-disabled") === "true") { event.preventDefault(); return; }
  button.setAttribute("aria-disabled", "true");
});
