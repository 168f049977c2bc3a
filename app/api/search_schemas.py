"""Request and response models of organisation search (JSON, GeoJSON and the map)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.api.schemas import OrganisationSummary, PageLinks
from app.services import search

Format = Literal["json", "geojson", "csv"]


class SearchFields(BaseModel):
    """What selects organisations, shared by `GET /api/organisations` and `GET /api/map`."""

    model_config = ConfigDict(extra="forbid")

    q: str | None = Field(
        None,
        max_length=200,
        description="Words to find in names, other names, description and goods and services; "
        "typo-tolerant, every word must match. Results are ordered by relevance unless `near` is given.",
        examples=["cooprative bakry"],
    )
    near: str | None = Field(
        None,
        max_length=40,
        description="A UK postcode or `latitude,longitude`: results are ordered by distance from it.",
        examples=["OX4 1DD", "51.7520,-1.2577"],
    )
    radius_km: float | None = Field(
        None, description="Radius around `near` in km (default and cap set by the server).", examples=[3]
    )
    bbox: str | None = Field(
        None,
        max_length=100,
        description="`min_lon,min_lat,max_lon,max_lat` (WGS 84): only organisations inside the box.",
        examples=["-1.30,51.70,-1.20,51.80"],
    )
    area: str | None = Field(
        None,
        max_length=60,
        description="An area id from `/api/areas` (`kind:code`): only organisations inside its boundary.",
        examples=["custom:east-oxford"],
    )
    sector: list[str] = Field([], description="Sector (repeat for any of several). Values: `/api/filters`.")
    sic_section: list[str] = Field([], description="SIC section.")
    legal_form: list[str] = Field([], description="Legal form.")
    ownership_type: list[str] = Field([], description="Ownership type (who owns it: workers, consumers...).")
    membership_type: list[str] = Field([], description="Membership type.")
    organisational_structure: list[str] = Field([], description="Organisational structure (ESSGlobal).")
    status: list[str] = Field([], description="`active` or `dissolved`.")
    source: list[str] = Field([], description="Organisations with a record in this source (e.g. `coops-uk`).")
    location_precision: list[str] = Field([], description="`exact`, `postcode`, `district` or `none`.")

    def query(self) -> search.SearchQuery:
        """The search these parameters state (validated by the service)."""
        filters = {name: getattr(self, name) for name in search.FILTERS if getattr(self, name)}
        return search.SearchQuery(
            q=self.q,
            near=self.near,
            radius_km=self.radius_km,
            bbox=self.bbox,
            area=self.area,
            filters=filters,
        )


class SearchParams(SearchFields):
    """Query parameters of `GET /api/organisations`; unknown parameters are refused (422)."""

    limit: int | None = Field(
        None, ge=1, description="Items per page (default 50; JSON up to 500, GeoJSON and CSV up to 5,000)."
    )
    cursor: str | None = Field(None, max_length=600, description="`next_cursor` of the previous page.")
    format: Format | None = Field(
        None,
        description="`json` (default), `geojson` or `csv`; `Accept: application/geo+json` or `text/csv` "
        "also choose the format.",
    )


class OrganisationResult(OrganisationSummary):
    """A search result: the summary, plus distance and relevance when the search has them."""

    membership_type: str | None
    sic_section: str | None
    distance_m: float | None = Field(
        description="Metres from `near`, or from the middle of `bbox` (null when neither is given)."
    )
    score: float | None = Field(description="Text relevance 0-100 (null without `q`).")


class Centre(BaseModel):
    """Where distances are measured from: `near`, or the middle of `bbox` (then without a radius)."""

    latitude: float
    longitude: float
    postcode: str | None
    radius_km: float | None


class AreaReference(BaseModel):
    """The area a search was limited to."""

    id: str
    name: str


class SearchPage(BaseModel):
    """A page of search results; follow `links.next` (or pass `next_cursor` as `cursor`) for more."""

    items: list[OrganisationResult]
    next_cursor: str | None = Field(description="Pass as `cursor` to get the next page; null on the last.")
    links: PageLinks
    order: Literal["name", "distance", "score"]
    centre: Centre | None
    area: AreaReference | None


class PointGeometry(BaseModel):
    """A GeoJSON Point, `[longitude, latitude]`."""

    type: Literal["Point"]
    coordinates: list[float] = Field(min_length=2, max_length=2)


class OrganisationFeature(BaseModel):
    """One organisation as a GeoJSON Feature (geometry null when it has no location)."""

    type: Literal["Feature"]
    id: str
    geometry: PointGeometry | None
    properties: OrganisationResult


class OrganisationFeatureCollection(BaseModel):
    """Search results as a GeoJSON FeatureCollection, with the paging members of the JSON page."""

    type: Literal["FeatureCollection"]
    features: list[OrganisationFeature]
    next_cursor: str | None
    links: PageLinks


class FilterValue(BaseModel):
    """One value of a filter and how many public organisations have it."""

    value: str
    count: int


class Filters(BaseModel):
    """The values in use of every search filter (what `/api/organisations` accepts)."""

    filters: dict[str, list[FilterValue]]
