"""What tells two reports of one day and one place apart: whom they hit and where.

Two shootings of an afternoon in one city, with one toll each, are told apart by their victims'
ages ("a 6-month-old" and "a 27-year-old man") and, for a follow-up dated only by its publication or
a later act, by the street address of its scene ("the 2100 block of Carver Avenue"). Used by
:mod:`helpers.aggregate.event_merge`.
"""

from __future__ import annotations

#: Most years between two ages news gives one victim (a birthday, a reporter's slip).
AGE_YEARS = 1.0


def other_victims(report: dict, event: list[dict]) -> bool:
    """The report and the event each give their victims' ages (in years), share none within
    ``AGE_YEARS`` (news writes one victim 11 and 12, 22 months and 2 years old), and their tolls
    do not tell of the same victims: the report's toll is no report's of the event, or it is one
    victim (two articles on a shooting of several may each name another victim's age).

    >>> baby = {"victim_ages": {0.5}, "killed": 1, "injured": 0}
    >>> other_victims(dict(baby, victim_ages={27.0}), [baby, {"victim_ages": set()}])
    True
    >>> other_victims(dict(baby, victim_ages={1.0}), [baby])
    False
    >>> two = {"victim_ages": {33.0}, "killed": 2, "injured": 2}
    >>> other_victims(dict(two, victim_ages={38.0}), [two])
    False
    """
    ages = report.get("victim_ages") or ()
    known = [age for other in event for age in other.get("victim_ages") or ()]
    if not ages or not known or any(abs(a - b) <= AGE_YEARS for a in ages for b in known):
        return False
    toll = (report.get("killed", 0), report.get("injured", 0))
    return sum(toll) <= 1 or all((other.get("killed", 0), other.get("injured", 0)) != toll for other in event)


def other_scene(report: dict, event: list[dict]) -> bool:
    """The report and the event each name the street address of their scene (``scene``: "the 2100
    block of Carver Avenue", :func:`~helpers.aggregate.event_links.report_addresses`), one of them
    is not dated to the day, and no two addresses can be one scene: a follow-up dated only by its
    publication or a later act ("charged Tuesday in the death of a woman at 2134 Carver Ave.") is
    no report of another shooting of its days in the city. Reports of one day, one place and one
    toll are one incident whatever addresses they name (a victim's home, the scene: on GVA this
    check between them cost more true pairs than it saved). Two addresses can be one when they share
    the block number or a word of the street's name, as news writes one scene's street variously
    ("Childers Street" and "Childers Drive", "MLK Parkway" and "Martin Luther King Jr. Parkway",
    a house number a block away, a misspelt name).

    >>> later = {"scene": {"address:100 elm street"}, "time_precision": 2}
    >>> other_scene(later, [{"scene": {"address:700 oak road"}, "time_precision": 1}])
    True
    >>> other_scene(later, [{"scene": {"address:300 elm drive"}, "time_precision": 1}])
    False
    >>> other_scene(dict(later, time_precision=1), [{"scene": {"address:700 oak road"}, "time_precision": 1}])
    False
    """
    mine = [_scene_words(a) for a in report.get("scene") or ()]
    if not mine or all(r["time_precision"] == 1 for r in (report, *event)):  # most reports name none
        return False
    theirs = [_scene_words(a) for other in event for a in other.get("scene") or ()]
    return bool(theirs) and not any(a[0] == b[0] or a[1] & b[1] for a in mine for b in theirs)


def _scene_words(address: str) -> tuple[str, frozenset[str]]:
    """The block number and the street's name words of an address key, without its street type
    ("address:2100 carver avenue": ``("2100", {"carver"})``)."""
    number, *words = address.split(":", 1)[-1].split()
    return number, frozenset(words[:-1])
