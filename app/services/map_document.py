"""A standalone, printable HTML map made with folium: Leaflet inlined, no CDN, every user text escaped.

folium's default page links Leaflet, jQuery, Bootstrap and Font Awesome on CDNs; this map drops them (its
`default_js`/`default_css` are emptied on the instance, never on folium's shared class lists) and inlines
the vendored Leaflet, its images as data URIs, so tiles are the file's only remote resource.

User text never passes through folium or branca: branca compiles every rendered element as a Jinja
template a second time, so a name holding `{{ ... }}` would run on the server. folium draws the map, the
tiles and the bounds (numbers and settings only); the rows reach the page as HTML-safe JSON that a static
script turns into markers with `textContent`, and the title and table are built here with `html.escape`.
All of these are spliced into folium's rendered page, never rendered by it.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import folium
from branca.element import Element, Figure
from jinja2.utils import htmlsafe_json_dumps

from web import STATIC_DIR

LEAFLET_DIR = STATIC_DIR / "vendor" / "leaflet"
UK_CENTRE = (54.5, -3.0)  # for a map without located rows
MAX_FIT_ZOOM = 15  # one result, or several at one postcode, should not zoom to street level
_HEAD_SLOT = "<!--coopmap:head-->"
_JINJA_MARKUP = ("{{", "{%", "{#")


@dataclass(frozen=True)
class MapRow:
    """One organisation as the printable map shows it (website only if http(s))."""

    name: str
    sector: str | None
    legal_form: str | None
    address: str | None
    website: str | None
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class MapDocument:
    """Everything the page says: title, date line, rows, the cap when the list was cut, tiles, credits."""

    title: str
    made: str
    rows: Sequence[MapRow]
    truncated_at: int | None
    tile_url: str
    tile_attribution: str
    credits: str


# After Leaflet: default marker images as data URIs (Leaflet would look for files beside the page).
_SETUP_JS = """
L.Icon.Default.imagePath = "";
L.Icon.Default.mergeOptions({iconUrl: %(icon)s, iconRetinaUrl: %(icon2x)s, shadowUrl: %(shadow)s});
"""

# After folium's script: one marker per located row, its name as text (a tooltip and a popup).
_MARKERS_JS = """
(function () {
  var data = JSON.parse(document.getElementById("coopmap-rows").textContent);
  var map = window[data.map];
  data.rows.forEach(function (row) {
    function label() { var span = document.createElement("span"); span.textContent = row.name; return span; }
    L.marker([row.lat, row.lon], {title: row.name, alt: row.name})
      .bindTooltip(label()).bindPopup(label).addTo(map);
  });
})();
"""

_STYLE = """
html, body { height: auto; }
body { font: 14px/1.4 system-ui, sans-serif; color: #1b1b1b; }
.coopmap-page { max-width: 60rem; margin: 0 auto; padding: 1rem; }
.coopmap-page h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.folium-map.folium-map { height: 60vh; min-height: 320px; max-width: 60rem; margin: 0 auto;
  border: 1px solid #d0d7d4; }
.coopmap-table { width: 100%; border-collapse: collapse; }
.coopmap-table th, .coopmap-table td { text-align: left; padding: .3rem .4rem; vertical-align: top;
  border-bottom: 1px solid #d0d7d4; overflow-wrap: anywhere; }
.coopmap-truncated { font-weight: 600; }
.coopmap-credits { color: #4a4a4a; font-size: .85rem; margin-top: 1rem; }
@media print {
  .folium-map.folium-map { height: 14cm; page-break-inside: avoid; }
  .leaflet-control-zoom { display: none; }
  .coopmap-table tr { page-break-inside: avoid; }
}
"""


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


@cache
def _leaflet_inline() -> str:
    """Leaflet's CSS (images as data URIs) and JS as inline elements, read once, plus our styles."""
    images = LEAFLET_DIR / "images"
    css = (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")
    for image in ("layers.png", "layers-2x.png", "marker-icon.png"):
        css = css.replace(f"url(images/{image})", f"url({_data_uri(images / image)})")
    js = (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8")
    if "</script" in js.lower():  # it would end the inline element early
        raise ValueError("leaflet.js cannot be inlined: it contains '</script'")
    setup = _SETUP_JS % {
        "icon": htmlsafe_json_dumps(_data_uri(images / "marker-icon.png")),
        "icon2x": htmlsafe_json_dumps(_data_uri(images / "marker-icon-2x.png")),
        "shadow": htmlsafe_json_dumps(_data_uri(images / "marker-shadow.png")),
    }
    return f"<style>{css}</style>\n<script>{js}</script>\n<script>{setup}</script>\n<style>{_STYLE}</style>"


def _located(rows: Sequence[MapRow]) -> list[tuple[float, float, str]]:
    return [
        (r.latitude, r.longitude, r.name) for r in rows if r.latitude is not None and r.longitude is not None
    ]


def _map(document: MapDocument, points: list[tuple[float, float, str]]) -> folium.Map:
    """The folium map: tiles and bounds only (no user text)."""
    if any(mark in document.tile_url for mark in _JINJA_MARKUP):
        raise ValueError("the tile URL must not contain Jinja markup ({{, {% or {#)")
    fmap = folium.Map(location=UK_CENTRE, zoom_start=5, tiles=None, control_scale=True)
    fmap.default_js = []
    fmap.default_css = []
    # Leaflet renders attribution as HTML; braces become entities so branca's second pass sees no markup.
    attribution = html.escape(document.tile_attribution).replace("{", "&#123;").replace("}", "&#125;")
    folium.TileLayer(tiles=document.tile_url, attr=attribution, max_zoom=19).add_to(fmap)
    if points:
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        fmap.fit_bounds(
            [[min(lats), min(lons)], [max(lats), max(lons)]], max_zoom=MAX_FIT_ZOOM, padding=(20, 20)
        )
    root = fmap.get_root()
    assert isinstance(root, Figure)  # noqa: S101  (folium.Map always makes its Figure)
    root.header.add_child(Element(_HEAD_SLOT), name="coopmap_head")
    return fmap


def _cell(value: str | None) -> str:
    return html.escape(value) if value else ""


def _top(document: MapDocument) -> str:
    """The title and date line (above the map)."""
    lines = [
        '<header class="coopmap-page">',
        f"<h1>{html.escape(document.title)}</h1>",
        f"<p>{html.escape(document.made)}. {len(document.rows):,} organisations.</p>",
    ]
    if document.truncated_at is not None:
        lines.append(
            '<p class="coopmap-truncated">The search found more organisations than this list shows: only '
            f"the first {document.truncated_at:,} are included. Narrow the search to see the rest.</p>"
        )
    lines.append("</header>")
    return "\n".join(lines)


def _bottom(document: MapDocument) -> str:
    """The table and the credits (below the map)."""
    lines = [
        '<div class="coopmap-page"><table class="coopmap-table"><thead><tr>',
        '<th scope="col">Name</th><th scope="col">Sector</th><th scope="col">Legal form</th>',
        '<th scope="col">Address</th><th scope="col">Website</th></tr></thead><tbody>',
    ]
    for row in document.rows:
        website = ""
        if row.website:
            url = html.escape(row.website)
            website = f'<a href="{url}" rel="nofollow noopener">{url}</a>'
        lines.append(
            f"<tr><td>{_cell(row.name)}</td><td>{_cell(row.sector)}</td><td>{_cell(row.legal_form)}</td>"
            f"<td>{_cell(row.address)}</td><td>{website}</td></tr>"
        )
    lines.append("</tbody></table>")
    lines.append(f'<p class="coopmap-credits">{html.escape(document.credits)}</p></div>')
    return "\n".join(lines)


def render(document: MapDocument) -> str:
    """The whole standalone HTML page: title, map, table, credits."""
    points = _located(document.rows)
    fmap = _map(document, points)
    page: str = fmap.get_root().render()
    data = {
        "map": fmap.get_name(),
        "rows": [{"lat": lat, "lon": lon, "name": name} for lat, lon, name in points],
    }
    markers = (
        f'<script type="application/json" id="coopmap-rows">{htmlsafe_json_dumps(data)}</script>\n'
        f"<script>{_MARKERS_JS}</script>\n"
    )
    # Splice in order, before Leaflet is inlined, so nothing in its source is taken for these tags. The
    # body holds only the map div: the title goes before it, the table after it; the markers script runs
    # after folium's (which makes the map).
    page = page.replace("<html>", '<html lang="en-GB">', 1)
    page = page.replace("<body>", "<body>\n" + _top(document), 1)
    page = page.replace("</body>", _bottom(document) + "\n</body>", 1)
    head, tail = page.rsplit("</html>", 1)
    page = head + markers + "</html>" + tail
    return page.replace(_HEAD_SLOT, f"<title>{html.escape(document.title)}</title>\n{_leaflet_inline()}", 1)
