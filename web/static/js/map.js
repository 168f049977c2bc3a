// The home page's map, kept in step with its results list (results.js) and with the URL.
// Reads only JSON: /api/map (what the map shows in a viewport) and /api/organisations (the list).
// Text from the data is only ever set as text nodes; links are made only for http(s) URLs.
"use strict";

(function () {
  const config = JSON.parse(document.getElementById("map-config").textContent);
  const root = document.documentElement;
  const form = document.getElementById("search-form");
  const notice = document.getElementById("map-notice");
  // Parameters of the search (sent to both APIs); bbox and zoom are the map's own.
  const SEARCH_KEYS = ["q", "near", "radius_km", "area", "sector", "sic_section", "legal_form",
    "ownership_type", "membership_type", "organisational_structure", "status", "source",
    "location_precision"];
  const linkTarget = config.embed ? { target: "_blank", rel: "noopener" } : {};
  const { element, httpUrl } = window.CoopmapResults;
  const results = window.CoopmapResults.create({
    linkTarget,
    onHover: (id, on) => highlightMarker(id, on),
    onShow: (item) => showOnMap(item),
    onMore: () => loadList(true),
  });

  let map = null;
  let pointLayer = null; // markercluster group (points mode)
  let cellLayer = null; // server clusters (clusters mode)
  const markers = new Map(); // organisation id -> marker, points mode
  let search = readSearch(new URLSearchParams(window.location.search));
  let mapRequest = null;
  let listRequest = null;
  let pinnedBbox = null; // the URL's own bbox until the map first moves, so a reload keeps the URL
  let radiusLayer = null; // the circle of a "near" search
  let centre = config.centre
    ? { latitude: config.centre.lat, longitude: config.centre.lon, radius_km: config.centre.radiusKm }
    : null;

  // ---- state <-> URL ------------------------------------------------------------------------

  function readSearch(params) {
    const found = new URLSearchParams();
    for (const [key, value] of params) {
      if (SEARCH_KEYS.includes(key) && value.trim() !== "") found.append(key, value.trim());
    }
    return found;
  }

  function viewParams() {
    if (pinnedBbox) return { bbox: pinnedBbox, zoom: String(map.getZoom()) };
    const b = map.getBounds();
    const round = (n) => String(Math.round(n * 100000) / 100000);
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(clampRound(round));
    return { bbox: bbox.join(","), zoom: String(map.getZoom()) };
  }

  function clampRound(round) {
    return (value, index) => round(index % 2 === 0
      ? Math.max(-180, Math.min(180, value)) : Math.max(-90, Math.min(90, value)));
  }

  function viewQuery() {
    const params = new URLSearchParams(search);
    const view = viewParams();
    params.set("bbox", view.bbox);
    params.set("zoom", view.zoom);
    return params;
  }

  function pageUrl() {
    return window.location.pathname + "?" + viewQuery().toString();
  }

  function listQuery() {
    const params = new URLSearchParams(search);
    if (!search.has("near")) params.set("bbox", viewParams().bbox);
    return params;
  }

  // ---- fetching ---------------------------------------------------------------------------

  function fetchJson(url, previous) {
    if (previous) previous.abort();
    const controller = new AbortController();
    const promise = fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
      .then((response) => response.json().catch(() => ({})).then((body) => {
        // A 422 says which parameter is wrong (an unknown postcode, say): the user is told.
        if (!response.ok) throw new Error(body.detail || "The search could not be run.");
        return body;
      }));
    return { controller, promise };
  }

  function ignoreAbort(error) {
    if (error.name === "AbortError") return;
    results.announce(error instanceof TypeError ? "Could not reach the server. Please try again." : error.message);
  }

  function loadMap() {
    const request = fetchJson("/api/map?" + viewQuery().toString(), mapRequest && mapRequest.controller);
    mapRequest = request;
    request.promise.then(drawMap).catch(ignoreAbort);
  }

  function loadList(append) {
    const params = listQuery();
    params.set("limit", String(config.pageSize));
    if (append && results.nextCursor()) params.set("cursor", results.nextCursor());
    const request = fetchJson("/api/organisations?" + params.toString(),
      listRequest && listRequest.controller);
    listRequest = request;
    results.setLinks(listQuery());
    return request.promise.then((page) => {
      centre = page.centre && page.centre.radius_km !== null ? page.centre : null;
      results.draw(page, append, search.has("near"));
      const stale = document.getElementById("search-error"); // the server's, for the previous search
      if (stale) stale.remove();
    }).catch(ignoreAbort);
  }

  // ---- the map ----------------------------------------------------------------------------

  function drawMap(body) {
    cellLayer.clearLayers();
    if (body.mode === "points") {
      drawPoints(body.points);
    } else {
      pointLayer.clearLayers();
      markers.clear();
      body.clusters.forEach((cell) => cellLayer.addLayer(cellMarker(cell)));
    }
    const shown = body.mode === "points" ? body.points.length
      : body.clusters.reduce((sum, cell) => sum + cell.count, 0);
    root.dataset.mapShown = String(shown);
    root.dataset.mapDraws = String(Number(root.dataset.mapDraws || 0) + 1);
    if (root.dataset.mapReady !== "1") {
      root.dataset.mapReady = "1";
      performance.mark("coopmap:map-drawn");
    }
    results.setMapTotal(body.total);
  }

  function drawPoints(points) {
    // Markers still in view stay as they are, so an open popup and the keyboard focus survive a pan.
    const wanted = new Set(points.map((point) => point.id));
    const gone = [];
    markers.forEach((marker, id) => {
      if (!wanted.has(id)) gone.push(marker);
    });
    gone.forEach((marker) => markers.delete(marker.orgId));
    pointLayer.removeLayers(gone);
    pointLayer.addLayers(points.filter((point) => !markers.has(point.id)).map(pointMarker));
  }

  function pointMarker(point) {
    const marker = L.marker([point.lat, point.lon], { keyboard: true, title: point.name, alt: point.name });
    marker.orgId = point.id;
    marker.bindPopup(() => popupContent(point)); // Leaflet opens it on click and Enter
    marker.on("keypress", (event) => {
      if (event.originalEvent.key === " " && isActivation(event)) marker.openPopup();
    });
    marker.on("mouseover", () => results.highlight(point.id, true));
    marker.on("mouseout", () => results.highlight(point.id, false));
    marker.on("add", () => {
      // Leaflet makes a new icon element each time a marker (re)joins the map.
      const icon = marker.getElement();
      icon.addEventListener("focus", () => results.highlight(point.id, true));
      icon.addEventListener("blur", () => results.highlight(point.id, false));
    });
    marker.on("popupopen", (event) => {
      results.select(point.id);
      // Into the popup, so a keyboard user can follow its link next (popups sit apart in the DOM).
      event.popup.getElement().querySelector(".popup-name").focus({ preventScroll: true });
    });
    marker.on("popupclose", (event) => {
      const icon = marker.getElement();
      const lost = document.activeElement === document.body
        || event.popup.getElement().contains(document.activeElement);
      if (icon && lost) icon.focus({ preventScroll: true });
    });
    markers.set(point.id, marker);
    return marker;
  }

  function cellMarker(cell) {
    const label = cell.count + " organisations here: zoom in";
    const size = cell.count < 100 ? "small" : cell.count < 1000 ? "medium" : "large";
    const inner = element("div", {}, [element("span", {}, [String(cell.count)])]);
    const icon = L.divIcon({ html: inner, className: "marker-cluster marker-cluster-" + size,
      iconSize: [40, 40] });
    const marker = L.marker([cell.lat, cell.lon], { icon, keyboard: true, title: label });
    marker.cell = cell;
    marker.on("add", () => marker.getElement().setAttribute("aria-label", label));
    marker.on("click", () => zoomToCell(cell));
    // Leaflet turns Enter on a marker into `keypress`, not `click`; a role=button also takes Space.
    marker.on("keypress", (event) => {
      if (isActivation(event)) zoomToCell(cell);
    });
    return marker;
  }

  function isActivation(event) {
    const key = event.originalEvent.key;
    if (key !== "Enter" && key !== " ") return false;
    event.originalEvent.preventDefault(); // Space would scroll the page
    return true;
  }

  function zoomToCell(cell) {
    const [minLon, minLat, maxLon, maxLat] = cell.bbox;
    if (minLon === maxLon && minLat === maxLat) {
      map.setView([minLat, minLon], Math.min(map.getZoom() + 3, map.getMaxZoom()));
    } else {
      map.fitBounds([[minLat, minLon], [maxLat, maxLon]], { padding: [20, 20] });
    }
  }

  function popupContent(point) {
    const item = results.details.get(point.id);
    const box = element("div", { class: "popup" }, [
      element("a", { class: "popup-name", href: "/organisations/" + encodeURIComponent(point.slug),
        ...linkTarget }, [point.name]),
    ]);
    if (item) {
      const meta = [item.sector, item.locality, item.postcode].filter(Boolean).join(" · ");
      if (meta) box.appendChild(element("p", { class: "popup-meta" }, [meta]));
      const site = httpUrl(item.website);
      if (site) {
        box.appendChild(element("p", {}, [
          element("a", { href: site, rel: "nofollow noopener", target: "_blank" }, ["Website"]),
        ]));
      }
    }
    return box;
  }

  function markerElement(id) {
    const marker = markers.get(id);
    if (marker) {
      const shown = pointLayer.getVisibleParent(marker);
      return shown ? shown.getElement() : null;
    }
    const item = results.details.get(id);
    if (!item || item.latitude === null) return null;
    let found = null;
    cellLayer.eachLayer((layer) => {
      const [minLon, minLat, maxLon, maxLat] = layer.cell.bbox;
      if (item.latitude >= minLat && item.latitude <= maxLat &&
          item.longitude >= minLon && item.longitude <= maxLon) found = layer.getElement();
    });
    return found;
  }

  function highlightMarker(id, on) {
    const icon = markerElement(id);
    if (icon) icon.classList.toggle("is-highlighted", on);
  }

  function tileFailed() {
    if (!notice.hidden) return;
    notice.textContent = "Map background unavailable";
    notice.hidden = false;
  }

  function makeMap() {
    map = L.map("map", { keyboard: true, attributionControl: false, zoomSnap: 1 });
    // Leaflet's attribution control writes HTML; the setting is plain text, so it goes in as text.
    const attribution = L.control({ position: "bottomright" });
    attribution.onAdd = () => element("div", { class: "leaflet-control-attribution map-attribution" },
      [config.tileAttribution]);
    attribution.addTo(map);
    L.tileLayer(config.tileUrl, { maxZoom: 19 }).on("tileerror", tileFailed).addTo(map);
    pointLayer = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false });
    cellLayer = L.layerGroup();
    map.addLayer(pointLayer).addLayer(cellLayer);
    setInitialView();
    drawRadius();
    map.on("moveend", () => {
      pinnedBbox = null;
      onMove();
    });
  }

  function setInitialView() {
    const url = new URLSearchParams(window.location.search);
    const bbox = (url.get("bbox") || "").split(",").map(Number);
    const zoom = Number(url.get("zoom"));
    if (bbox.length === 4 && bbox.every(Number.isFinite)) {
      const bounds = L.latLngBounds([bbox[1], bbox[0]], [bbox[3], bbox[2]]);
      if (url.get("zoom") !== null && Number.isInteger(zoom)) {
        // The middle on the map's (Mercator) plane, so the same window shows the same box again.
        const middle = map.project(bounds.getNorthWest(), zoom).add(map.project(bounds.getSouthEast(), zoom));
        map.setView(map.unproject(middle.divideBy(2), zoom), zoom, { animate: false });
      } else {
        map.fitBounds(bounds, { animate: false });
      }
    } else if (centre) {
      fitCircle(centre.latitude, centre.longitude, centre.radius_km);
    } else {
      const [w, s, e, n] = config.defaultBbox;
      map.fitBounds([[s, w], [n, e]], { animate: false });
    }
  }

  function drawRadius() {
    if (radiusLayer) radiusLayer.remove();
    radiusLayer = null;
    if (!centre || !search.has("near")) return;
    radiusLayer = L.circle([centre.latitude, centre.longitude], {
      radius: centre.radius_km * 1000, className: "radius", fill: false, interactive: false,
    }).addTo(map);
  }

  function fitCircle(lat, lon, radiusKm) {
    map.fitBounds(L.latLng(lat, lon).toBounds(radiusKm * 2000), { animate: false });
  }

  function showOnMap(item) {
    const marker = markers.get(item.id);
    if (marker) {
      pointLayer.zoomToShowLayer(marker, () => marker.openPopup());
    } else {
      map.setView([item.latitude, item.longitude], Math.max(map.getZoom(), 15));
      document.getElementById("map").focus();
    }
  }

  // ---- events -----------------------------------------------------------------------------

  function onMove() {
    window.history.replaceState(null, "", pageUrl());
    loadMap();
    if (!search.has("near")) loadList(false);
    else results.setLinks(listQuery());
  }

  function onSubmit(event) {
    event.preventDefault();
    const previousNear = search.get("near");
    search = readSearch(new FormData(form));
    window.history.pushState(null, "", window.location.pathname + "?" + search.toString());
    const near = search.get("near");
    if (!near) {
      centre = null;
      drawRadius();
      onMove();
      return;
    }
    // Around a place the list does not follow the map; it also says where the place is.
    if (near !== previousNear) centre = null;
    loadList(false).then(() => {
      drawRadius();
      if (near !== previousNear && centre) {
        moveTo(() => fitCircle(centre.latitude, centre.longitude, centre.radius_km));
      } else {
        onMove();
      }
    });
  }

  function moveTo(change) {
    // Leaflet fires no moveend when the view does not change, yet a new search must still redraw.
    const before = pageUrl();
    change();
    if (pageUrl() === before) onMove();
  }

  function onPopState() {
    const url = new URLSearchParams(window.location.search);
    search = readSearch(url);
    fillForm(url);
    if (!search.has("near")) {
      centre = null;
      drawRadius();
    }
    moveTo(setInitialView);
    if (search.has("near")) loadList(false).then(drawRadius);
  }

  function fillForm(url) {
    for (const field of form.elements) {
      if (!field.name || field.type === "submit") continue;
      if (field.tagName === "SELECT") {
        const chosen = url.getAll(field.name).map((v) => v.toLowerCase());
        for (const option of field.options) option.selected = chosen.includes(option.value.toLowerCase());
        if (!chosen.length) field.selectedIndex = 0;
      } else if (field.type !== "hidden") {
        field.value = url.get(field.name) || "";
      }
    }
  }

  function start() {
    makeMap();
    const url = new URLSearchParams(window.location.search);
    if (url.has("bbox") && url.has("zoom")) pinnedBbox = url.get("bbox");
    form.addEventListener("submit", onSubmit);
    form.querySelectorAll("select").forEach((select) => {
      select.addEventListener("change", () => form.requestSubmit());
    });
    window.addEventListener("popstate", onPopState);
    onMove();
    if (search.has("near")) loadList(false); // the server's list, now with its JS behaviour
  }

  start();
})();
