// Draws every Altair chart of the page with the Vega libraries served by the site itself
// (no CDN), as SVG, from a web server or from a page opened from disk.
// A chart is <div class="newslab-chart" data-spec="ID">, its Vega-Lite spec in <script id="ID">.
(function () {
  "use strict";
  function drawAll() {
    document.querySelectorAll("div.newslab-chart").forEach(function (target) {
      var holder = document.getElementById(target.dataset.spec);
      if (!holder) {
        return;
      }
      var spec = JSON.parse(holder.textContent);
      vegaEmbed(target, spec, { actions: false, renderer: "svg" })
        .then(function () {
          target.dataset.drawn = "true";
        })
        .catch(function (error) {
          target.textContent = "This chart could not be drawn: " + error.message;
          console.error(error);
        });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
