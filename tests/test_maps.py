"""Tests for helpers.maps: outlines, point-in-polygon, rendering."""

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers.knowledge.gazetteer import default_gazetteer
from helpers.views import maps


@pytest.fixture(scope="module")
def iraq_places():
    gazetteer = default_gazetteer()
    ids = ["gn:98182", "gn:95446", "gn:94787", "gn:96965", "gn:91695", "sr:kurdistan-region"]
    rows = [gazetteer.get(pid)._asdict() for pid in ids]
    table = pd.DataFrame(rows)
    table["n_mentions"] = [8, 6, 2, 2, 3, 5]
    return table


def test_seed_places_inside_iraq(iraq_places):
    for row in iraq_places.itertuples():
        assert maps.country_contains("IQ", row.lon, row.lat), row.canonical
        assert not maps.country_contains("SY", row.lon, row.lat)


def test_province_outlines_carry_iso_codes():
    codes = {s.properties["admin1_code"] for s in maps.provinces() if s.properties["country"] == "IQ"}
    assert {"IQ-SD", "IQ-KI", "IQ-AR", "IQ-BG", "IQ-DI"} <= codes
    salahuddin = next(s for s in maps.provinces() if s.properties["admin1_code"] == "IQ-SD")
    assert salahuddin.contains(43.68, 34.60)  # Tikrit


def test_map_renders_png_with_choropleth(iraq_places):
    fig, ax = plt.subplots()
    maps.draw_places_map(iraq_places, ax=ax, title="Seed", choropleth={"IQ-SD": 10, "IQ-KI": 3})
    assert ax.get_title() == "Seed" and ax.get_xlabel() and ax.get_ylabel()
    lon0, lon1 = ax.get_xlim()
    assert lon0 < iraq_places["lon"].min() and lon1 > iraq_places["lon"].max()
    texts = [t.get_text() for t in ax.texts]
    assert maps.SOURCE_LINE in texts and "Baghdad" in texts
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    assert buffer.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"
    plt.close(fig)


def test_map_from_mention_rows_skips_demonyms():
    rows = pd.DataFrame(
        [
            {
                "place_id": "gn:98182",
                "canonical": "Baghdad",
                "lat": 33.34,
                "lon": 44.40,
                "role": "event",
                "start_char": 0,
            },
            {
                "place_id": "gn:98182",
                "canonical": "Baghdad",
                "lat": 33.34,
                "lon": 44.40,
                "role": "event",
                "start_char": 9,
            },
            {
                "place_id": "gn:99237",
                "canonical": "Iraq",
                "lat": 33.0,
                "lon": 43.7,
                "role": "demonym",
                "start_char": 20,
            },
        ]
    )
    ax = maps.draw_places_map(rows)
    assert [t.get_text() for t in ax.texts if t.get_text() != maps.SOURCE_LINE] == ["Baghdad"]
    plt.close(ax.figure)


def test_empty_input_raises():
    with pytest.raises(ValueError):
        maps.draw_places_map(
            pd.DataFrame({"lat": [None], "lon": [None], "canonical": ["x"], "place_id": ["x"]})
        )


# --- maps fitted to the data (issue #16) ----------------------------------------------------


def _points(rows: list[tuple[str, float, float, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["canonical", "lat", "lon", "n_mentions"])


def test_province_outlines_cover_the_world():
    codes = {s.properties["admin1_code"] for s in maps.provinces()}
    assert {"US-CA", "NG-BO", "UA-14", "AF-KAN", "CO-CAU"} <= codes
    california = next(s for s in maps.provinces() if s.properties["admin1_code"] == "US-CA")
    assert california.contains(-118.24, 34.05)  # Los Angeles


def test_extent_fits_the_mentions_and_a_locator_shows_the_rest():
    points = _points(
        [("Chicago", 41.85, -87.65, 40), ("Atlanta", 33.75, -84.39, 30), ("Baghdad", 33.34, 44.4, 2)]
    )
    lon0, lon1, _lat0, _lat1 = maps.fitted_extent(points)
    assert lon0 < -87.65 and lon1 > -84.39 and lon1 < 0  # Baghdad is left to the locator
    ax = maps.draw_places_map(points)
    assert len(ax.child_axes) == 1  # the world locator
    labels = [t.get_text() for t in ax.texts]
    assert "Chicago" in labels and "Baghdad" not in labels
    assert ax.get_legend() is not None and ax.get_legend().get_title().get_text() == "mentions"
    plt.close(ax.figure)


def test_choropleth_is_never_blank_when_the_table_has_values():
    points = _points([("Los Angeles", 34.05, -118.24, 20), ("Fresno", 36.75, -119.77, 5)])
    ax = maps.draw_places_map(points, choropleth={"US-CA": 2060})
    shaded = [c for c in ax.collections if c.get_array() is not None and np.isfinite(c.get_array()).any()]
    assert shaded and shaded[0].get_clim() == (0, 2060)
    plt.close(ax.figure)
    ax = maps.draw_places_map(points, choropleth={"US-XX": 7})  # no outline carries the code
    shaded = [c for c in ax.collections if c.get_array() is not None and np.isfinite(c.get_array()).any()]
    assert shaded and shaded[0].get_clim() == (0, 7)  # the country, shaded by the summed values
    plt.close(ax.figure)
