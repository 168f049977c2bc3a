// The small map on an organisation's page: one marker. Config arrives as JSON data (the CSP allows no
// inline script); if the tiles cannot load (offline), the marker and the rest of the page still work.
(function () {
  "use strict";
  var element = document.getElementById("organisation-map");
  var configElement = document.getElementById("organisation-map-config");
  if (!element || !configElement || typeof L === "undefined") {
    return;
  }
  var config = JSON.parse(configElement.textContent);
  var centre = [config.latitude, config.longitude];
  var map = L.map(element, { scrollWheelZoom: false }).setView(centre, config.zoom);
  // Leaflet renders attribution as HTML; the setting is plain text, so it goes through a text node.
  L.tileLayer(config.tile_url, { maxZoom: 19, attribution: escapeText(config.tile_attribution) }).addTo(map);
  // Leaflet sets `title` and `alt` with setAttribute: the name is never parsed as HTML.
  var marker = L.marker(centre, { title: config.name, alt: config.name, keyboard: true }).addTo(map);
  var label = document.createElement("span");
  label.textContent = config.name;
  marker.bindPopup(label);
  element.classList.add("organisation-map-ready");

  function escapeText(text) {
    var holder = document.createElement("span");
    holder.textContent = text || "";
    return holder.innerHTML;
  }
})();
