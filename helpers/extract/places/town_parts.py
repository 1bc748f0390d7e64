"""Parts of a town named as the town's own: "Wichita's Old Town", "Baghdad's Karrada".

News names a neighbourhood, a district or a square after the town that owns it. The part's
name alone may be another town's ("Old Town", Maine; "Austin", Texas, for Chicago's Austin),
and the gazetteer, which lists few neighbourhoods, resolves it there. Written as the town's own,
it lies in that town: when its reading lies farther than ``PART_KM`` from the town, every mention
of the name in the article takes the town's place.
"""

from __future__ import annotations

import re
from itertools import pairwise

from helpers.extract.places.sense import PLACE_FIELDS
from helpers.knowledge.gazetteer import haversine_km

#: What a town's name and its part's are written with between them ("Wichita's Old Town").
_OWNER = re.compile(r"['’]s\s+")
#: Kinds of place that own parts (towns), not divisions ("Michigan's Kalamazoo" lies in Michigan).
TOWN_KINDS = frozenset({"city", "village"})
#: Farthest a part's own reading may lie from its town and be kept.
PART_KM = 25.0


def parts_of_towns(text: str, rows: list[dict]) -> list[dict]:
    """Rows of places written as a town's own, and the other mentions of their names, moved to the town.

    Args:
        text: The article's text.
        rows: Its resolved place rows (updated in place).

    Returns:
        ``rows``.

    >>> town = dict(text="Wichita", start_char=0, end_char=7, kind="city", place_id="gn:1")
    >>> town.update(lat=37.7, lon=-97.3)
    >>> part = dict(text="Old Town", start_char=10, end_char=18, kind="city", place_id="gn:2")
    >>> part.update(lat=44.9, lon=-68.6)
    >>> later = dict(part, start_char=30, end_char=38)
    >>> rows = [dict(town), dict(part, role="event"), dict(later, role="event")]
    >>> rows = parts_of_towns("Wichita’s Old Town shooting: Old Town", rows)
    >>> [r["place_id"] for r in rows], rows[2]["resolution"]
    (['gn:1', 'gn:1', 'gn:1'], "resolved: part of the town it is written after ('Wichita’s Old Town')")
    """
    owners: dict[str, dict] = {}
    ordered = sorted(rows, key=lambda r: r["start_char"])
    for town, part in pairwise(ordered):
        if (
            town["place_id"]
            and town["kind"] in TOWN_KINDS
            and _OWNER.fullmatch(text[town["end_char"] : part["start_char"]])
            and _far(part, town)
        ):
            owners.setdefault(part["text"], {**town, "written": text[town["start_char"] : part["end_char"]]})
    for row in rows:
        town = owners.get(row["text"])
        if town is not None and row.get("role") in ("event", "nested"):
            reason = f"resolved: part of the town it is written after ({town['written']!r})"
            row.update({f: town[f] for f in PLACE_FIELDS if f in town}, resolution=reason)
    return rows


def _far(part: dict, town: dict) -> bool:
    """The part is resolved, and read farther than ``PART_KM`` from the town (without coordinates:
    read as another place)."""
    if not part["place_id"]:
        return False
    if part["lat"] is None or town["lat"] is None:
        return part["place_id"] != town["place_id"]
    return haversine_km(part["lat"], part["lon"], town["lat"], town["lon"]) > PART_KM
