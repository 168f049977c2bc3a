// The results list beside the map, drawn from /api/organisations pages, and the page's DOM helpers.
// Text from the data is only ever set as text nodes; links are made only for http(s) URLs.
"use strict";

window.CoopmapResults = (function () {
  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    for (const child of children) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function httpUrl(value) {
    if (!value) return null;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function plural(count, noun) {
    return count.toLocaleString("en-GB") + " " + noun + (count === 1 ? "" : "s");
  }

  // options: linkTarget (attributes of organisation links), onHover(id, on), onShow(item), onMore().
  function create(options) {
    const list = document.getElementById("results-list");
    const countLine = document.getElementById("result-count");
    const details = new Map(); // organisation id -> item JSON, for the map's popups
    let shown = 0;
    let nextCursor = null;
    let mapTotal = null;

    function draw(page, append, withDistance) {
      if (!append) {
        list.replaceChildren();
        details.clear();
        shown = 0;
      }
      page.items.forEach((item) => {
        details.set(item.id, item);
        list.appendChild(listItem(item, withDistance));
      });
      shown += page.items.length;
      nextCursor = page.next_cursor;
      const empty = document.getElementById("results-empty");
      if (empty) empty.hidden = shown > 0;
      showMoreButton();
      announceCounts();
    }

    function listItem(item, withDistance) {
      const meta = [item.sector, item.locality, item.postcode].filter(Boolean);
      if (withDistance && item.distance_m !== null) meta.push((item.distance_m / 1000).toFixed(1) + " km");
      const children = [
        element("a", { class: "result-name", href: item.links.html, ...options.linkTarget }, [item.name]),
        element("span", { class: "result-meta" }, [meta.join(" · ")]),
      ];
      const site = httpUrl(item.website);
      if (site) {
        children.push(element("a", { class: "result-website", href: site, rel: "nofollow noopener",
          target: "_blank" }, ["Website"]));
      }
      if (item.latitude !== null) {
        const button = element("button", { type: "button", class: "show-on-map",
          "aria-label": "Show " + item.name + " on the map" }, ["Show on map"]);
        button.addEventListener("click", () => options.onShow(item));
        children.push(button);
      }
      const li = element("li", { class: "result", "data-id": item.id }, children);
      li.addEventListener("mouseenter", () => options.onHover(item.id, true));
      li.addEventListener("mouseleave", () => options.onHover(item.id, false));
      li.addEventListener("focusin", () => options.onHover(item.id, true));
      li.addEventListener("focusout", () => options.onHover(item.id, false));
      return li;
    }

    function itemElement(id) {
      return list.querySelector('li[data-id="' + CSS.escape(id) + '"]');
    }

    function highlight(id, on) {
      const li = itemElement(id);
      if (li) li.classList.toggle("is-highlighted", on);
    }

    function select(id) {
      list.querySelectorAll(".is-selected").forEach((li) => li.classList.remove("is-selected"));
      const li = itemElement(id);
      if (li) {
        li.classList.add("is-selected");
        li.scrollIntoView({ block: "nearest" });
      }
    }

    function showMoreButton() {
      const pager = document.querySelector(".pager");
      pager.replaceChildren();
      if (!nextCursor) return;
      const button = element("button", { type: "button", id: "show-more", class: "show-more" },
        ["Show more"]);
      button.addEventListener("click", options.onMore);
      pager.appendChild(button);
    }

    function setMapTotal(total) {
      mapTotal = total;
      announceCounts();
    }

    function announceCounts() {
      const parts = [];
      if (mapTotal !== null) parts.push(plural(mapTotal, "organisation") + " on the map");
      parts.push("showing " + shown + " in the list" + (nextCursor ? " (more below)" : ""));
      announce(parts.join("; ") + ".");
    }

    function announce(text) {
      const sentence = text.charAt(0).toUpperCase() + text.slice(1);
      // Only a change is written, so the live region does not repeat itself after every pan.
      if (countLine.textContent !== sentence) countLine.textContent = sentence;
    }

    function setLinks(query) {
      const withFormat = (format) => {
        const params = new URLSearchParams(query);
        params.set("format", format);
        return "/api/organisations?" + params.toString();
      };
      setHref("export-csv", withFormat("csv"));
      setHref("export-geojson", withFormat("geojson"));
      setHref("export-print", "/export/map?" + query.toString());
      setHref("json-twin", "/api/organisations?" + query.toString());
    }

    function setHref(id, href) {
      const link = document.getElementById(id);
      if (link) link.href = href;
    }

    return {
      draw, highlight, select, setMapTotal, announce, setLinks, details,
      nextCursor: () => nextCursor,
    };
  }

  return { create, element, httpUrl };
})();
