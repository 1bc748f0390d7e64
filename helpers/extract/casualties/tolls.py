"""Which figures of an article state the same toll: restatements and updates, superseded by one.

News gives a toll several times: in the headline, the lead, a quote and an
official's update. Summing them would count the dead twice; taking the largest
lets an anonymous outlier or a later vague figure win. The rule here, per
outcome, over the article's current figures (background figures, parts of a
total and unnumbered figures aside; an enumeration is one figure):

1. **Incidents** are told apart by place: figures placed in their own sentence
   in different provinces (else places) are different incidents, and their
   tolls add up. A figure placed only by its paragraph or the article goes to
   the incident first mentioned.
2. **Victim groups** add up within an incident ("three soldiers … two
   militants" is five), unless a figure about people in general ("eight people
   were killed") is larger than their sum: then it is the incident's total.
3. **Restatements** of one group's toll count once: an update ("the toll rose
   to 47", "up from 27") wins, the latest one; else the first precise figure
   (the article's own voice in the headline or lead; a later vague figure,
   "in the hundreds", does not replace it); else the first figure.

Every other figure gets ``superseded_by``: the offsets of the figure that
stands for it. Figures that count killed and injured together ("four were
shot") form their own group, which the article toll reconciles with the
killed (see :func:`helpers.aggregate.totals.casualty_totals`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

#: The victim group of figures about people in general.
GENERIC_GROUP = "people"
#: The group of figures counting killed and injured together.
HARMED_GROUP = "killed or injured"


@dataclass
class _Unit:
    """One figure, or the figures of one enumeration taken together."""

    rows: list[dict] = field(default_factory=list)
    group: str = GENERIC_GROUP
    place: str | None = None
    update: bool = False
    precise: bool = True

    @property
    def best(self) -> int:
        return sum(int(r["low"] if r["low"] is not None else (r["high"] or 0)) for r in self.rows)

    @property
    def offsets(self) -> str:
        return f"{self.rows[0]['start_char']}-{self.rows[0]['end_char']}"


def counted(row: dict) -> bool:
    """Whether a row is a current figure with a number, not a part of a total."""
    return (
        not row["excluded"]
        and not row["part_of"]
        and row["qualifier"] != "unspecified"
        and row["scope"] == "current"
    )


def supersede(rows: list[dict], updates: set[int], places: dict[int, str | None]) -> None:
    """Set ``superseded_by`` on every counted figure that another one stands for.

    Args:
        rows: The casualty rows of one article, in text order.
        updates: ``id()`` of the rows whose sentence updates a toll ("rose to").
        places: ``id()`` of each row -> its incident key (province or place named in its
            sentence), or None when the sentence names no place.
    """
    for row in rows:
        row["superseded_by"] = ""
    by_outcome: dict[str, list[_Unit]] = defaultdict(list)
    units: dict[str, _Unit] = {}
    for row in rows:
        if not counted(row):
            continue
        key = row["group"] or f"row{id(row)}"
        unit = units.get(key)
        if unit is None:
            unit = units[key] = _Unit(place=places.get(id(row)))
            by_outcome[row["outcome"]].append(unit)
        unit.rows.append(row)
        unit.update |= id(row) in updates
        unit.precise &= row["qualifier"] != "vague"
        unit.place = unit.place or places.get(id(row))
    for unit in units.values():
        groups = {HARMED_GROUP if r["includes_killed"] else r["victim_group"] for r in unit.rows}
        # An enumeration of several groups ("an officer and two civilians") is a group of its own.
        unit.group = " + ".join(sorted(groups))
    for outcome_units in by_outcome.values():
        for incident in _incidents(outcome_units):
            _supersede_incident(incident)


def _incidents(units: list[_Unit]) -> list[list[_Unit]]:
    """Units by incident: their place, or the first placed incident for unplaced units."""
    by_place: dict[str | None, list[_Unit]] = {}
    for unit in units:
        by_place.setdefault(unit.place, []).append(unit)
    unplaced = by_place.pop(None, [])
    if not by_place:
        return [unplaced] if unplaced else []
    first = next(iter(by_place))
    by_place[first] = sorted(by_place[first] + unplaced, key=lambda u: u.rows[0]["start_char"])
    return list(by_place.values())


def _chosen(units: list[_Unit]) -> _Unit:
    """The figure that stands for restatements of one toll (see the module docstring, rule 3)."""
    updates = [u for u in units if u.update]
    if updates:
        return updates[-1]
    return next((u for u in units if u.precise), units[0])


def _supersede_incident(units: list[_Unit]) -> None:
    """Mark the figures of one incident's outcome that restate others (rules 2 and 3)."""
    by_group: dict[str, list[_Unit]] = defaultdict(list)
    for unit in units:
        by_group[unit.group].append(unit)
    chosen = {group: _chosen(group_units) for group, group_units in by_group.items()}
    for group, group_units in by_group.items():
        for unit in group_units:
            if unit is not chosen[group]:
                _mark(unit, chosen[group])
    generic = chosen.get(GENERIC_GROUP)
    specific = [u for g, u in chosen.items() if g not in (GENERIC_GROUP, HARMED_GROUP)]
    if generic is None or not specific:
        return
    if generic.best > sum(u.best for u in specific):
        for unit in specific:
            _mark(unit, generic)
    else:
        _mark(generic, specific[0])


def _mark(unit: _Unit, by: _Unit) -> None:
    for row in unit.rows:
        row["superseded_by"] = by.offsets
