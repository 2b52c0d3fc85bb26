/* Jamsostek Jambi: hand an app page from its pre-rendered first HTML to the live app.
   The copy (#jsj-first) covers the app until the app's main block has drawn this page: connected, script run
   finished, text shown, every chart and image drawn. Then the copy goes, scrolled to the same heading.
   If the app never connects the copy stays, and its status line says so after a while. */
(function () {
  "use strict";
  var doc = document, first = doc.getElementById("jsj-first"), started = Date.now(), LATE_MS = 30000;
  if (!first) return;

  function drawn() {
    var app = doc.querySelector("[data-testid=stApp]");
    if (!app || app.getAttribute("data-test-connection-state") !== "CONNECTED") return false;
    if (app.getAttribute("data-test-script-state") !== "notRunning") return false;
    var main = doc.querySelector("[data-testid=stMainBlockContainer]");
    if (!main || !main.textContent.trim() || main.querySelector("[data-testid=stSkeleton]")) return false;
    var charts = main.querySelectorAll("[data-testid=stVegaLiteChart]"), i;
    for (i = 0; i < charts.length; i++) if (!charts[i].querySelector("canvas, svg")) return false;
    var images = main.querySelectorAll("img");
    for (i = 0; i < images.length; i++) if (!images[i].complete) return false;
    return true;
  }

  function headingAtTop(root) {
    var found = null, list = root.querySelectorAll("h1, h2, h3"), i;
    for (i = 0; i < list.length; i++) if (list[i].getBoundingClientRect().top <= 80) found = list[i];
    return found;
  }

  function handOver() {
    var mark = first.scrollTop > 0 ? headingAtTop(first) : null;
    first.parentNode.removeChild(first);
    doc.documentElement.classList.remove("jsj-first");
    if (!mark) return;
    var same = doc.querySelectorAll("[data-testid=stMain] h1, [data-testid=stMain] h2, [data-testid=stMain] h3");
    for (var i = 0; i < same.length; i++) {
      if (same[i].textContent.trim() === mark.textContent.trim()) return same[i].scrollIntoView();
    }
  }

  var timer = setInterval(function () {
    if (drawn()) {
      clearInterval(timer);
      handOver();
      return;
    }
    var app = doc.querySelector("[data-testid=stApp]");
    var gone = app && app.getAttribute("data-test-connection-state") === "DISCONNECTED_FOREVER";
    if (gone || Date.now() - started > LATE_MS) first.classList.add("jsj-failed");
  }, 100);
})();
