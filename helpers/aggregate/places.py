"""The ``places`` table: one row per resolved place of events."""

from __future__ import annotations

import pandas as pd

from helpers.tables import columns

#: Roles of place mentions that place no event: a nationality ("Iraqi"), the outlet's home in a
#: web page title's site name ("… - KSLA News 12 Shreveport").
ASIDE_ROLES = ("demonym", "outlet")


def places_table(place_mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per resolved place, with mention and article counts.

    Demonym rows are left out (they name a nationality, not a place of events).

    Args:
        place_mentions: Rows of :func:`helpers.extract.places.resolve_places` for any number of articles.

    Returns:
        The ``places`` columns, most mentioned first, then by name.
    """
    rows = place_mentions[place_mentions["place_id"].notna() & ~place_mentions["role"].isin(ASIDE_ROLES)]
    if rows.empty:
        return pd.DataFrame(columns=columns("places"))
    keys = [c for c in columns("places")[:-2]]
    table = (
        rows.groupby("place_id", sort=False)
        .agg(
            **{c: (c, "first") for c in keys if c != "place_id"},
            n_mentions=("start_char", "size"),
            n_articles=("article_id", "nunique"),
        )
        .reset_index()
    )
    table = table.astype({"geonameid": "Int64", "precision": "Int64"})
    return table.sort_values(
        ["n_mentions", "n_articles", "canonical", "place_id"],
        ascending=[False, False, True, True],
        kind="stable",
    ).reset_index(drop=True)[columns("places")]
