"""A UCDP-GED-style view of the events: organised violence with its dead, in GED's columns.

GED codes events of organised violence with at least one death. Here: the
``events`` of ACLED's "Political violence" disorder whose highest death figure is
one or more. ``type_of_violence``: 1 state-based (either side is a state's
forces, ACLED ``inter`` 1), 3 one-sided (the side hit is civilians, ``inter`` 7),
2 non-state otherwise. ``side_a`` is the perpetrator (ACLED's ``actor1``) and
``side_b`` the side hit; ``deaths_a`` is the dead of the perpetrator's kind
(security forces for a state, members of armed groups for a non-state actor),
``deaths_b`` the other dead combatants. Precisions are translated: GED ``where_prec``
1 exact place, 3 district, 4 province; ``date_prec`` 1 day, 3 week, 4 month.
"""

from __future__ import annotations

import pandas as pd

from helpers.tables import columns

#: ACLED ``geo_precision`` -> GED ``where_prec``; ACLED ``time_precision`` -> GED ``date_prec``.
WHERE_PREC = {1: 1, 2: 3, 3: 4}
DATE_PREC = {1: 1, 2: 3, 3: 4}
#: ACLED ``inter`` codes of a state's forces, of armed non-state groups, of civilians.
STATE, ARMED, CIVILIANS = {1}, {2, 3, 4}, 7


def _type_of_violence(inter1: int | None, inter2: int | None) -> int:
    if inter1 in STATE or inter2 in STATE:
        return 1
    return 3 if inter2 == CIVILIANS else 2


def _deaths(event: dict, side_inter: int | None) -> int:
    if side_inter in STATE:
        return int(event["deaths_security_forces"] or 0)
    if side_inter in ARMED:
        return int(event["deaths_armed_groups"] or 0)
    return 0


def _present(value) -> int | None:
    return None if pd.isna(value) else int(value)


def ged_view(events: pd.DataFrame) -> pd.DataFrame:
    """The ``events_ged`` rows of the ``events`` table (see the module docstring)."""
    violent = events[
        (events["disorder_type"] == "Political violence") & (events["deaths_high"].fillna(0) > 0)
    ]
    rows = []
    for event in violent.to_dict("records"):
        inter1, inter2 = _present(event["inter1"]), _present(event["inter2"])
        a_side = _deaths(event, inter1)
        combatants = int(event["deaths_security_forces"] or 0) + int(event["deaths_armed_groups"] or 0)
        located = not pd.isna(event["latitude"])
        rows.append(
            {
                "id": event["event_id"],
                "year": event["year"],
                "type_of_violence": _type_of_violence(inter1, inter2),
                "side_a": event["actor1"],
                "side_b": event["actor2"],
                "where_prec": WHERE_PREC.get(_present(event["geo_precision"])),
                "latitude": event["latitude"],
                "longitude": event["longitude"],
                "country": event["country"],
                "adm_1": event["admin1"],
                "adm_2": event["admin2"],
                "where_coordinates": event["location"] if located else "",
                "where_description": ", ".join(v for v in (event["site"], event["location"]) if v),
                "date_start": event["event_date"],
                "date_end": event["event_date"],
                "date_prec": DATE_PREC.get(_present(event["time_precision"])),
                "deaths_a": a_side,
                "deaths_b": combatants - a_side,
                "deaths_civilians": int(event["deaths_civilians"] or 0),
                "deaths_unknown": int(event["deaths_unknown"] or 0),
                "best": event["deaths_best"],
                "high": event["deaths_high"],
                "low": event["deaths_low"],
                "number_of_sources": event["n_sources"],
                "source_article": event["source_urls"] or event["article_ids"],
            }
        )
    return pd.DataFrame.from_records(rows, columns=columns("events_ged"))
