"""Static maps of places, drawn offline with matplotlib from vendored Natural Earth outlines.

``helpers/data/ne_admin0.json`` holds country outlines (Natural Earth 1:50m) and
``helpers/data/ne_admin1_mideast.json`` province outlines of 20 Middle-East
countries (Natural Earth 1:10m), both trimmed to a few properties with
coordinates rounded to 0.01 degree (about 1 km). Natural Earth is public domain.
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

SOURCE_LINE = "Boundaries: Natural Earth. Places: GeoNames (CC BY 4.0)"
ADMIN0_FILE = "ne_admin0.json"
ADMIN1_FILE = "ne_admin1_mideast.json"
FIGSIZE = (8.0, 6.5)
#: Offsets (points) tried in turn for each label, to avoid overlaps.
LABEL_OFFSETS = ((6, 4), (6, -12), (-6, 4), (-6, -12), (0, 10), (0, -16), (12, 14), (-12, -20))


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
    """Province outlines (Middle East); properties ``admin1_code``, ``name``, ``country``."""
    return tuple(_read_shapes(config.DATA_DIR / ADMIN1_FILE))


def country_contains(iso2: str, lon: float, lat: float) -> bool:
    """True when (lon, lat) lies inside the outline of country ``iso2``.

    >>> country_contains("IQ", 44.4, 33.3), country_contains("IQ", 2.35, 48.85)
    (True, False)
    """
    return any(s.contains(lon, lat) for s in countries() if s.properties["iso2"] == iso2)


def _point_table(places: pd.DataFrame) -> pd.DataFrame:
    """One row per located place with ``canonical, lat, lon, n_mentions``.

    Accepts :func:`helpers.places.places_table` output or raw mention rows.
    """
    rows = places[places["lat"].notna() & places["lon"].notna()]
    if "role" in rows:
        rows = rows[rows["role"] != "demonym"]
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


def _extent(points: pd.DataFrame, *, margin: float, min_span: float) -> tuple[float, float, float, float]:
    lon0, lon1 = points["lon"].min(), points["lon"].max()
    lat0, lat1 = points["lat"].min(), points["lat"].max()
    pad_lon = max(margin, (min_span - (lon1 - lon0)) / 2)
    pad_lat = max(margin, (min_span - (lat1 - lat0)) / 2)
    return lon0 - pad_lon, lon1 + pad_lon, max(-90.0, lat0 - pad_lat), min(90.0, lat1 + pad_lat)


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


def _place_labels(ax: Axes, points: pd.DataFrame, *, max_labels: int) -> None:
    """Label the most mentioned places, trying offsets until a label overlaps none placed so far."""
    renderer = ax.figure.canvas.get_renderer()
    placed = []
    for row in points.head(max_labels).itertuples():
        for dx, dy in LABEL_OFFSETS:
            text = ax.annotate(
                row.canonical,
                (row.lon, row.lat),
                xytext=(dx, dy),
                textcoords="offset points",
                fontsize=8,
                ha="left" if dx >= 0 else "right",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
            )
            box = text.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            text.remove()


def draw_places_map(
    places: pd.DataFrame,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    choropleth: pd.Series | dict | None = None,
    choropleth_label: str = "mentions",
    margin: float = 1.0,
    min_span: float = 4.0,
    max_labels: int = 15,
) -> Axes:
    """Draw places as markers sized by mentions over country and province outlines.

    Args:
        places: :func:`helpers.places.places_table` output, or mention rows of
            :func:`helpers.places.resolve_places` (demonyms are skipped). Needs
            ``canonical, lat, lon`` and either ``n_mentions`` or ``place_id``.
        ax: Axes to draw on (default: a new figure of :data:`FIGSIZE`).
        title: Figure title (default: "Places mentioned").
        choropleth: Values per ISO 3166-2 province code (e.g. mentions or
            casualties per ``admin1_code``) to shade provinces with.
        choropleth_label: Colour-bar label.
        margin: Degrees added around the points.
        min_span: Smallest extent in degrees, so one point still shows its region.
        max_labels: Label at most this many places (most mentioned first).

    Returns:
        The Axes.

    Raises:
        ValueError: When no row has coordinates.
    """
    points = _point_table(places)
    if points.empty:
        raise ValueError("no place with coordinates to draw")
    if ax is None:
        _fig, ax = plt.subplots(figsize=FIGSIZE)
    extent = _extent(points, margin=margin, min_span=min_span)
    ax.set_facecolor("#dfeaf2")
    land, _ = _patches(_visible(countries(), extent))
    ax.add_collection(PatchCollection(land, facecolor="#f4f1ea", edgecolor="#777777", linewidth=0.8))
    province_shapes = _visible(provinces(), extent)
    patches, owners = _patches(province_shapes)
    if choropleth is not None and patches:
        values = pd.Series(choropleth, dtype=float)
        data = np.array([values.get(s.properties["admin1_code"], np.nan) for s in owners])
        shaded = PatchCollection(patches, cmap="Reds", edgecolor="#aaaaaa", linewidth=0.4)
        shaded.set_array(np.ma.masked_invalid(data))
        shaded.set_clim(0, np.nanmax(data) if np.isfinite(data).any() else 1)
        ax.add_collection(shaded)
        ax.figure.colorbar(shaded, ax=ax, shrink=0.7, label=choropleth_label)
    elif patches:
        ax.add_collection(PatchCollection(patches, facecolor="none", edgecolor="#aaaaaa", linewidth=0.4))
    sizes = 20 + 30 * np.sqrt(points["n_mentions"].to_numpy(dtype=float))
    ax.scatter(
        points["lon"],
        points["lat"],
        s=sizes,
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
    ax.annotate(
        SOURCE_LINE,
        (0, 0),
        xycoords="figure fraction",
        xytext=(6, 4),
        textcoords="offset points",
        fontsize=7,
        color="#555555",
    )
    _place_labels(ax, points, max_labels=max_labels)
    return ax
