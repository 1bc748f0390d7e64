"""Static maps of places, drawn offline with matplotlib from vendored Natural Earth outlines.

``helpers/data/ne_admin0.json`` holds country outlines (Natural Earth 1:50m) and
``helpers/data/ne_admin1.json`` the first-level divisions of every country (Natural
Earth 1:10m, simplified to about 2 km), both trimmed to a few properties with
coordinates rounded to 0.01 degree (about 1 km). Natural Earth is public domain.
Maps are fitted to where the mentions are, with a world locator when places lie far
apart, a marker-size legend, a colour bar and a source line.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.patches import Polygon
from matplotlib.path import Path as MplPath

from helpers import config
from helpers.aggregate.places import ASIDE_ROLES
from helpers.views.plots import place_labels

SOURCE_LINE = "Boundaries: Natural Earth. Places: GeoNames (CC BY 4.0)"
ADMIN0_FILE = "ne_admin0.json"
ADMIN1_FILE = "ne_admin1.json"
FIGSIZE = (8.0, 6.5)


class Shape:
    """A boundary feature: properties and its outer rings as (n, 2) lon/lat arrays."""

    def __init__(self, properties: dict, rings: list[np.ndarray]) -> None:
        self.properties = properties
        self.rings = rings
        stacked = np.vstack(rings)
        self.bbox = (*stacked.min(axis=0), *stacked.max(axis=0))  # lon0, lat0, lon1, lat1

    def contains(self, lon: float, lat: float) -> bool:
        """True when the point lies inside one of the rings."""
        return any(MplPath(ring).contains_point((lon, lat)) for ring in self.rings)


def _read_shapes(path: Path) -> list[Shape]:
    collection = json.loads(path.read_text(encoding="utf-8"))
    shapes = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        rings = [np.asarray(polygon[0], dtype=float) for polygon in polygons]
        shapes.append(Shape(feature["properties"], rings))
    return shapes


@lru_cache(maxsize=1)
def countries() -> tuple[Shape, ...]:
    """Country outlines; properties ``iso2`` and ``name``."""
    return tuple(_read_shapes(config.DATA_DIR / ADMIN0_FILE))


@lru_cache(maxsize=1)
def provinces() -> tuple[Shape, ...]:
    """Province outlines (the world); properties ``admin1_code``, ``name``, ``country``."""
    return tuple(_read_shapes(config.DATA_DIR / ADMIN1_FILE))


def country_contains(iso2: str, lon: float, lat: float) -> bool:
    """True when (lon, lat) lies inside the outline of country ``iso2``.

    >>> country_contains("IQ", 44.4, 33.3), country_contains("IQ", 2.35, 48.85)
    (True, False)
    """
    return any(s.contains(lon, lat) for s in countries() if s.properties["iso2"] == iso2)


def located(places: pd.DataFrame) -> pd.DataFrame:
    """One row per located place with ``canonical, lat, lon, n_mentions``, most mentioned first.

    Accepts :func:`helpers.places.places_table` output or raw mention rows.
    """
    rows = places[places["lat"].notna() & places["lon"].notna()]
    if "role" in rows:
        rows = rows[~rows["role"].isin(ASIDE_ROLES)]
    if rows.empty:
        return rows
    if "n_mentions" not in rows:
        rows = (
            rows.groupby("place_id", sort=True)
            .agg(
                canonical=("canonical", "first"),
                lat=("lat", "first"),
                lon=("lon", "first"),
                n_mentions=("start_char", "size"),
            )
            .reset_index()
        )
    rows = rows.astype({"lat": float, "lon": float})
    return rows.sort_values(["n_mentions", "canonical"], ascending=[False, True], kind="stable")


def map_alt_text(
    places: pd.DataFrame, *, title: str, values: pd.Series | None = None, unit: str = "mentions"
) -> str:
    """The alt text of a map: its title, how many places, the most mentioned, the largest shaded values.

    >>> places = pd.DataFrame({"canonical": ["Mosul", "Kirkuk"], "lat": [36.3, 35.5],
    ...     "lon": [43.1, 44.4], "n_mentions": [3, 5]})
    >>> map_alt_text(places, title="Places")
    'Map: Places. Places marked: 2; most mentioned: Kirkuk (5 mentions), Mosul (3).'
    """
    points = located(places)
    named = ", ".join(f"{row.canonical} ({row.n_mentions:,})" for row in points.head(8).itertuples())
    named = named.replace(")", " mentions)", 1)
    text = f"Map: {title}. Places marked: {len(points):,}; most mentioned: {named}."
    if values is not None and len(values):
        largest = values.sort_values(ascending=False, kind="stable").head(5)
        text += f" Shaded by {unit}: " + ", ".join(f"{code} {int(v):,}" for code, v in largest.items()) + "."
    return text


#: Share of the mentions the main extent must hold; the rest may lie outside, on the locator.
CORE_SHARE = 0.9
#: Maps narrower than this (degrees of longitude) get a world locator; wider ones show
#: the world themselves (unless places fall outside them) and leave out province outlines.
LOCATOR_SPAN = 60.0
SIZE_LEGEND = (1, 10, 100, 1000)


def _marker_size(n_mentions: np.ndarray | float) -> np.ndarray | float:
    return 20 + 30 * np.sqrt(n_mentions)


def _weighted_bounds(values: np.ndarray, weights: np.ndarray, share: float) -> tuple[float, float]:
    """The narrowest interval of ``values`` holding ``share`` of the weight (both tails cut evenly)."""
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(weights[order]) / weights.sum()
    tail = (1 - share) / 2
    low = values[order][np.searchsorted(cumulative, tail, side="left")]
    high = values[order][min(np.searchsorted(cumulative, 1 - tail, side="left"), len(values) - 1)]
    return float(low), float(high)


def fitted_extent(
    points: pd.DataFrame, *, margin: float = 1.0, min_span: float = 4.0, share: float = CORE_SHARE
) -> tuple[float, float, float, float]:
    """The extent (lon0, lon1, lat0, lat1) of where the mentions are, not of every stray point.

    The extent holds the places carrying ``share`` of the mentions (weighted quantiles of
    longitude and latitude), plus ``margin`` degrees, at least ``min_span`` wide. A US
    corpus naming Baghdad a few times is mapped on the United States, with Baghdad on the
    world locator (see :func:`draw_places_map`).

    >>> points = pd.DataFrame(
    ...     {"lon": [-90.0, -80.0, 44.4], "lat": [35.0, 40.0, 33.3], "n_mentions": [50, 40, 2]}
    ... )
    >>> [round(v) for v in fitted_extent(points)]
    [-91, -79, 34, 41]
    """
    weights = points["n_mentions"].to_numpy(dtype=float)
    lon0, lon1 = _weighted_bounds(points["lon"].to_numpy(dtype=float), weights, share)
    lat0, lat1 = _weighted_bounds(points["lat"].to_numpy(dtype=float), weights, share)
    pad_lon = max(margin, (min_span - (lon1 - lon0)) / 2)
    pad_lat = max(margin, (min_span - (lat1 - lat0)) / 2)
    return (
        max(-180.0, lon0 - pad_lon),
        min(180.0, lon1 + pad_lon),
        max(-90.0, lat0 - pad_lat),
        min(90.0, lat1 + pad_lat),
    )


def _inside(points: pd.DataFrame, extent: tuple[float, float, float, float]) -> pd.Series:
    lon0, lon1, lat0, lat1 = extent
    return points["lon"].between(lon0, lon1) & points["lat"].between(lat0, lat1)


def _visible(shapes: tuple[Shape, ...], extent: tuple[float, float, float, float]) -> list[Shape]:
    lon0, lon1, lat0, lat1 = extent
    return [
        s
        for s in shapes
        if s.bbox[0] <= lon1 and s.bbox[2] >= lon0 and s.bbox[1] <= lat1 and s.bbox[3] >= lat0
    ]


def _patches(shapes: list[Shape]) -> tuple[list[Polygon], list[Shape]]:
    patches, owners = [], []
    for shape in shapes:
        for ring in shape.rings:
            patches.append(Polygon(ring, closed=True))
            owners.append(shape)
    return patches, owners


def _shade(
    ax: Axes, extent: tuple[float, float, float, float], values: pd.Series, label: str
) -> tuple[list[Polygon], list[Shape]] | None:
    """Shade provinces by ``values`` (ISO 3166-2 codes); where no outline carries the codes,
    shade countries by the values summed per country (``US-CA`` counts for ``US``), so a
    table with values never gives a blank map. Returns the shaded patches, or ``None``."""
    for shapes, key, table in (
        (provinces(), "admin1_code", values),
        (countries(), "iso2", values.groupby(values.index.str[:2]).sum()),
    ):
        patches, owners = _patches(_visible(shapes, extent))
        data = np.array([table.get(s.properties[key], np.nan) for s in owners], dtype=float)
        if np.isfinite(data).any():
            shaded = PatchCollection(patches, cmap="Reds", edgecolor="#aaaaaa", linewidth=0.4)
            shaded.set_array(np.ma.masked_invalid(data))
            shaded.set_clim(0, np.nanmax(data))
            ax.add_collection(shaded)
            level = "province" if key == "admin1_code" else "country"
            ax.figure.colorbar(shaded, ax=ax, shrink=0.7, label=f"{label} per {level}")
            return patches, owners
    return None


def _size_legend(ax: Axes, largest: float, label: str) -> None:
    sizes = [n for n in SIZE_LEGEND if n <= max(largest, 1)]
    handles = [
        ax.scatter([], [], s=_marker_size(n), color="#c0392b", edgecolor="white", alpha=0.9) for n in sizes
    ]
    ax.legend(handles, [f"{n:,}" for n in sizes], title=label, loc="lower left", fontsize=7, title_fontsize=7)


#: Corners (axes fractions of the lower left) a locator may take: the size legend keeps the lower left.
LOCATOR_CORNERS = ((0.74, 0.0), (0.0, 0.72), (0.74, 0.72))
LOCATOR_SIZE = 0.26


def _emptiest_corner(points: pd.DataFrame, extent: tuple[float, float, float, float]) -> tuple[float, float]:
    """The corner of :data:`LOCATOR_CORNERS` that covers the fewest mentions."""
    lon0, lon1, lat0, lat1 = extent
    x = (points["lon"] - lon0) / (lon1 - lon0)
    y = (points["lat"] - lat0) / (lat1 - lat0)

    def covered(corner: tuple[float, float]) -> float:
        inside = x.between(corner[0], corner[0] + LOCATOR_SIZE) & y.between(
            corner[1], corner[1] + LOCATOR_SIZE
        )
        return float(points.loc[inside, "n_mentions"].sum())

    return min(LOCATOR_CORNERS, key=covered)


def _locator(ax: Axes, points: pd.DataFrame, extent: tuple[float, float, float, float]) -> None:
    """A small world map in the emptiest corner: the main extent as a box, every place as a dot."""
    inset = ax.inset_axes([*_emptiest_corner(points, extent), LOCATOR_SIZE, LOCATOR_SIZE])
    land, _ = _patches(list(countries()))
    inset.add_collection(PatchCollection(land, facecolor="#e4e0d6", edgecolor="none"))
    inset.scatter(points["lon"], points["lat"], s=4, color="#c0392b", zorder=3)
    lon0, lon1, lat0, lat1 = extent
    inset.add_patch(
        Polygon([(lon0, lat0), (lon1, lat0), (lon1, lat1), (lon0, lat1)], fill=False, ec="#333333")
    )
    inset.set_xlim(-180, 180)
    inset.set_ylim(-60, 85)
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_facecolor("#dfeaf2")
    inset.set_title("world", fontsize=7, pad=2)


def draw_places_map(
    places: pd.DataFrame,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    choropleth: pd.Series | dict | None = None,
    choropleth_label: str = "mentions",
    size_label: str = "mentions",
    margin: float = 1.0,
    min_span: float = 4.0,
    max_labels: int = 15,
) -> Axes:
    """Draw places as markers sized by mentions over country and province outlines.

    The map is fitted to where the mentions are (:func:`fitted_extent`); a world
    locator in its emptiest corner shows every place and the extent when the map shows
    a region or places fall outside it. A legend gives the marker sizes, a colour bar the
    choropleth's scale, and a source line the data's origin.

    Args:
        places: :func:`helpers.places.places_table` output, or mention rows of
            :func:`helpers.places.resolve_places` (demonyms are skipped). Needs
            ``canonical, lat, lon`` and either ``n_mentions`` or ``place_id``.
        ax: Axes to draw on (default: a new figure of :data:`FIGSIZE`).
        title: Figure title (default: "Places mentioned").
        choropleth: Values per ISO 3166-2 province code (e.g. mentions or
            casualties per ``admin1_code``) to shade provinces with (countries when no
            province outline carries the codes).
        choropleth_label: Colour-bar label.
        size_label: Title of the marker-size legend (what ``n_mentions`` counts: "fatalities").
        margin: Degrees added around the points.
        min_span: Smallest extent in degrees, so one point still shows its region.
        max_labels: Label at most this many places (most mentioned first).

    Returns:
        The Axes.

    Raises:
        ValueError: When no row has coordinates.
    """
    points = located(places)
    if points.empty:
        raise ValueError("no place with coordinates to draw")
    if ax is None:
        _fig, ax = plt.subplots(figsize=FIGSIZE)
    extent = fitted_extent(points, margin=margin, min_span=min_span)
    ax.set_facecolor("#dfeaf2")
    land, _ = _patches(_visible(countries(), extent))
    ax.add_collection(PatchCollection(land, facecolor="#f4f1ea", edgecolor="#777777", linewidth=0.8))
    values = pd.Series(choropleth, dtype=float).dropna() if choropleth is not None else pd.Series(dtype=float)
    wide = extent[1] - extent[0] > LOCATOR_SPAN
    if (values.empty or _shade(ax, extent, values, choropleth_label) is None) and not wide:
        patches, _ = _patches(_visible(provinces(), extent))
        ax.add_collection(PatchCollection(patches, facecolor="none", edgecolor="#aaaaaa", linewidth=0.4))
    inside = points[_inside(points, extent)]
    ax.scatter(
        inside["lon"],
        inside["lat"],
        s=_marker_size(inside["n_mentions"].to_numpy(dtype=float)),
        color="#c0392b",
        edgecolor="white",
        linewidth=0.8,
        alpha=0.9,
        zorder=3,
    )
    lon0, lon1, lat0, lat1 = extent
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1 / math.cos(math.radians((lat0 + lat1) / 2)))
    ax.set_xlabel("Longitude (°E)")
    ax.set_ylabel("Latitude (°N)")
    ax.set_title(title or "Places mentioned")
    ax.annotate(  # under the axis label, not at the figure's corner (a tight crop keeps no blank)
        SOURCE_LINE,
        (0, 0),
        xycoords="axes fraction",
        xytext=(0, -30),
        textcoords="offset points",
        va="top",
        fontsize=7,
        color="#555555",
    )
    _size_legend(ax, float(points["n_mentions"].max()), size_label)
    if len(inside) < len(points) or not wide:
        _locator(ax, points, extent)
    place_labels(ax, ((r.canonical, r.lon, r.lat) for r in inside.head(max_labels).itertuples()))
    return ax
