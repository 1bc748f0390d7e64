"""Which figures of an article state the same toll: restatements and updates, superseded by one.

News gives a toll several times: in the headline, the lead, a quote and an
official's update. Summing them would count the dead twice; taking the largest
lets an anonymous outlier or a later vague figure win. The rule here, per
outcome, over the article's current figures (background figures, parts of a
total and unnumbered figures aside):

1. **Incidents** are told apart by place: figures placed in their own sentence
   in different provinces are different incidents, and their tolls add up. A
   figure placed only by its paragraph or the article, one person referred
   back to ("he died at a hospital in …") and one person wounded, kidnapped,
   missing or arrested ("a man shot in the leg was taken to a hospital in …")
   go to the incident first mentioned, unless they are told first and are at
   least the incidents' tolls added ("nine killed in two attacks", then five
   in one province and four in another): then they are the total, and all
   are one toll.
2. **Sides** add up within an incident ("three soldiers … two militants" is
   five): civilians, security forces and armed groups (``victim_sides.csv``),
   unless a figure about people in general ("eight people were killed") is
   larger than their sum: then it is the incident's total. Two people each
   introduced with "a" in one sentence ("a woman was shot in the back and a
   boy in the arm") are two, whatever their sides. The parts of an
   enumeration on one side are one figure; people in general listed beside
   others ("four women and seven men") are a side of their own. A lone
   attacker's own death ("then killed himself", "the suspect was found
   dead") is not among the people he killed ("killing three"): killed by
   someone not of the security forces, they are no total of his death.
3. **Restatements** of one side's toll count once: an update ("the toll rose
   to 47", "up from 27") wins, the latest one; else the first precise figure
   (the article's own voice in the headline or lead; a later vague figure,
   "in the hundreds", does not replace it); else the first figure. One person
   referred back to ("the man", "she", a named victim) restates the toll
   whenever the incident has another figure: without coreference, a named
   victim is taken to be one already counted, and so are named victims listed
   together ("Ann Lee, 22, and Bo Park, 30, were shot"); so is a numbered victim ("a
   fifth victim"). The toll an update replaces ("up from 27") never stands.
4. **Others** ("two men were in critical condition and two others were
   injured", "a man was killed and another wounded") add to a figure of the
   same outcome in their sentence, unless a later update stands for them.
   Across sentences, "two more soldiers died" is taken as a restatement: news
   use "more", "also" and "another" as often against another outcome ("…
   killed, and another 17 were wounded") as against the same toll.

Every other figure gets ``superseded_by``: the offsets of the figure that
stands for it. Figures that count killed and injured together ("four were
shot") form their own group, which the article toll reconciles with the
killed (see :func:`helpers.aggregate.totals.casualty_totals`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from helpers.extract.casualties.phrases import OWN_LIFE

#: Count rules for one person referred back to ("the man", "she", a named victim).
ANAPHORIC_COUNTS = ("singular_definite", "pronoun", "named_person")
#: The side of figures about people in general (``victim_sides.csv``).
GENERIC_GROUP = "unknown"
#: The count rule of one person introduced with "a" ("a 20-year-old woman").
INDEFINITE_RULE = "+singular"
#: The group of figures counting killed and injured together.
HARMED_GROUP = "killed or injured"
#: The side of people in general listed beside others ("four women and seven men"): not their total.
ENUMERATED_GROUP = "others listed"
#: The victim group of children (``casualty_lexicon.csv``): a child who shot himself is no attacker.
CHILDREN = "children"
#: The side of attackers (``victim_sides.csv``), and of a person who killed himself in the toll.
ATTACKERS = "armed groups"
_ANAPHORIC_RULES = tuple(f"+{rule}" for rule in ANAPHORIC_COUNTS)


@dataclass
class _Unit:
    """One figure (or the parts of an enumeration in one victim group), with what decides
    which figure stands for a toll."""

    rows: list[dict] = field(default_factory=list)
    group: str = GENERIC_GROUP
    place: str | None = None
    update: bool = False
    precise: bool = True
    addition: bool = False
    referred_back: bool = False
    by_attacker: bool = False

    @property
    def start(self) -> int:
        return self.rows[0]["start_char"]

    @property
    def best(self) -> int:
        return sum(int(r["low"] if r["low"] is not None else (r["high"] or 0)) for r in self.rows)

    @property
    def offsets(self) -> str:
        return figure_key(self.rows[0])


def figure_key(row: dict) -> str:
    """A figure's key, its offsets, as ``superseded_by`` names the figure that supersedes another.

    >>> figure_key({"start_char": 10, "end_char": 17})
    '10-17'
    """
    return f"{row['start_char']}-{row['end_char']}"


def counted(row: dict) -> bool:
    """Whether a row is a current figure with a number, not a part of a total."""
    return (
        not row["excluded"]
        and not row["part_of"]
        and row["qualifier"] != "unspecified"
        and row["scope"] == "current"
    )


def supersede(
    rows: list[dict],
    updates: set[int],
    additions: set[int],
    restating: set[int],
    places: dict[int, str | None],
    by_attackers: set[int],
) -> None:
    """Set ``superseded_by`` on every counted figure that another one stands for.

    Args:
        rows: The casualty rows of one article, in text order.
        updates: ``id()`` of the rows whose sentence updates a toll ("rose to").
        additions: ``id()`` of the rows that add victims to a toll ("two others").
        restating: ``id()`` of the rows that restate a toll without standing for it, like a
            victim referred back to: one victim numbered ("a fifth victim"), the toll before
            an update ("up from 27").
        places: ``id()`` of each row -> its incident key (province or place named in its
            sentence), or None when the sentence names no place.
        by_attackers: ``id()`` of the rows whose victims were harmed by someone not of the
            security forces ("a gunman killed two"), who is not among them.
    """
    for row in rows:
        row["superseded_by"] = ""
    by_outcome: dict[str, list[_Unit]] = defaultdict(list)
    units: dict[tuple[str, str], _Unit] = {}
    for row in rows:
        if not counted(row):
            continue
        side = HARMED_GROUP if row["includes_killed"] else row["victim_side"]
        if killed_self(row) and row["victim_group"] != CHILDREN:
            # "then killed himself": the killer, not one of his victims; a child who shot himself
            # ("a 9-year-old boy fatally shot himself") is the victim
            side = ATTACKERS
        key = (row["group"] or f"row{id(row)}", side)
        unit = units.get(key)
        if unit is None:
            unit = units[key] = _Unit(group=side, place=places.get(id(row)))
            by_outcome[row["outcome"]].append(unit)
        unit.rows.append(row)
        unit.update |= id(row) in updates
        unit.addition |= id(row) in additions
        unit.by_attacker |= id(row) in by_attackers
        unit.precise &= row["qualifier"] != "vague"
        unit.place = unit.place or places.get(id(row))
    sides_of = defaultdict(set)
    named = defaultdict(list)  # per enumeration, whether each part is a named person
    for (enumeration, side), unit in units.items():
        sides_of[enumeration].add(side)
        named[enumeration] += [r["rule"].endswith("+named_person") for r in unit.rows]
    for (enumeration, side), unit in units.items():
        if side == GENERIC_GROUP and len(sides_of[enumeration]) > 1:
            unit.group = ENUMERATED_GROUP
        first = unit.rows[0]
        unit.referred_back = (
            first["rule"].endswith(_ANAPHORIC_RULES) or id(first) in restating
            if not first["group"]
            else all(named[enumeration])  # "A, 22, and B, 30, were shot"; not "A and the baby"
        )
        if unit.referred_back or (unit.best == 1 and not first["group"] and first["outcome"] != "killed"):
            # "he died at a hospital in X", "a man shot in the chest was taken to X": the place
            # of a hospital, not of an incident (one person killed in another province is one,
            # as in a roundup of attacks)
            unit.place = None
    for outcome_units in by_outcome.values():
        for incident in _incidents(outcome_units):
            _supersede_incident(incident)


def killed_self(row: dict) -> bool:
    """Whether a killed figure is a person who killed himself ("then killed himself", "took his own life")."""
    return row["outcome"] == "killed" and (
        row["rule"].endswith("+reflexive") or row["rule"].startswith(OWN_LIFE)
    )


def _incidents(units: list[_Unit]) -> list[list[_Unit]]:
    """Units by incident: their place, or the first placed incident for unplaced units."""
    by_place: dict[str | None, list[_Unit]] = {}
    for unit in units:
        by_place.setdefault(unit.place, []).append(unit)
    unplaced = by_place.pop(None, [])
    if not by_place:
        return [unplaced] if unplaced else []
    if len(by_place) > 1 and _total_of(unplaced, list(by_place.values())):
        return [sorted(units, key=lambda u: u.start)]
    first = next(iter(by_place))
    by_place[first] = sorted(by_place[first] + unplaced, key=lambda u: u.start)
    return list(by_place.values())


def _estimate(units: list[_Unit]) -> int:
    """A quick toll of some figures: the figure that stands for each side's restatements, added."""
    sides: dict[str, list[_Unit]] = defaultdict(list)
    for unit in units:
        sides[unit.group].append(unit)
    return sum(_chosen(side).best for side in sides.values())


def _total_of(unplaced: list[_Unit], incidents: list[list[_Unit]]) -> bool:
    """Whether figures placed nowhere, told first ("nine killed in two attacks"), are the total of
    the incidents told after them by place ("five in Kandahar", "four in Herat")."""
    first = min((u.start for units in incidents for u in units), default=0)
    return (
        bool(unplaced)
        and unplaced[0].start < first
        and _estimate(unplaced) >= sum(_estimate(units) for units in incidents)
    )


def _chosen(units: list[_Unit]) -> _Unit:
    """The figure that stands for restatements of one toll (see the module docstring, rule 3)."""
    updates = [u for u in units if u.update]
    if updates:
        return updates[-1]
    counts = [u for u in units if not u.referred_back] or units
    counts = [u for u in counts if u.best] or counts  # "nobody died" stands only alone
    return next((u for u in counts if u.precise), counts[0])


def _supersede_incident(units: list[_Unit]) -> None:
    """Mark the figures of one incident's outcome that restate others (rules 2 to 4)."""
    if any(not u.referred_back for u in units):
        for unit in units:
            if unit.referred_back and unit.group not in (HARMED_GROUP, ATTACKERS):
                unit.group = GENERIC_GROUP  # one of the victims already counted, whatever its side
    by_group: dict[str, list[_Unit]] = defaultdict(list)
    for unit in units:
        by_group[unit.group].append(unit)
    totals: dict[str, int] = {}
    chosen: dict[str, _Unit] = {}
    earlier: dict[str, list[_Unit]] = defaultdict(list)  # by sentence: not a scan of every earlier unit
    crossed: set[int] = set()
    for unit in units:
        # "two were in critical condition and two others injured": "others" than a figure of the
        # same sentence; against another side ("a girl and four other people") they are listed beside it.
        partners = [u for u in earlier[unit.rows[0]["sentence"]] if _same_sentence(u, unit)]
        earlier[unit.rows[0]["sentence"]].append(unit)
        if unit.addition and partners and all(u.group != unit.group for u in partners):
            unit.group = ENUMERATED_GROUP if unit.group == GENERIC_GROUP else unit.group
            unit.addition = False
        if unit.addition and not partners:
            crossed.add(id(unit))  # others told in a sentence of their own: a restatement, unless confirmed
        unit.addition &= bool(partners)
    for group, group_units in by_group.items():
        chosen[group] = _chosen([u for u in group_units if not u.addition] or group_units[:1])
        totals[group] = chosen[group].best
        confirmed = _confirmed(chosen[group], group_units, crossed)
        for unit in group_units:
            if unit is chosen[group]:
                continue
            if _introduced_beside(unit, [chosen[group]]):
                _join(unit, chosen[group])  # one enumeration: "a woman … and a boy …"
                totals[group] += unit.best
                continue
            if (unit.addition or id(unit) in confirmed) and not (
                chosen[group].update and chosen[group].start > unit.start
            ):
                totals[group] += unit.best
            else:
                _mark(unit, chosen[group])
    generic = chosen.get(GENERIC_GROUP)
    # A lone attacker is not among the people he killed ("killing three, then killed himself");
    # the fighters of a group are often among a toll of people ("10 killed … two rebels").
    lone = ATTACKERS in chosen and chosen[ATTACKERS].best == 1
    apart = (ATTACKERS,) if generic is not None and generic.by_attacker and lone else ()
    specific = [g for g in chosen if g not in (GENERIC_GROUP, HARMED_GROUP, *apart)]
    if generic is None or not specific:
        return
    if totals[GENERIC_GROUP] > sum(totals[g] for g in specific):
        for group in specific:
            for unit in by_group[group]:
                _mark(unit, generic)
    else:
        others = [u for group in specific for u in by_group[group]]
        for unit in by_group[GENERIC_GROUP]:
            if not _introduced_beside(unit, others):
                _mark(unit, chosen[specific[0]])


def _confirmed(chosen: _Unit, units: list[_Unit], crossed: set[int]) -> set[int]:
    """The others told in sentences of their own after the chosen figure ("Three members were killed
    in a car. Another four were killed in a strike on a house") that a later figure of the group
    adds up ("... announced the deaths of seven"): victims besides the chosen figure's, each
    counted; without such a total they restate it (``id()`` of the units)."""
    others = [u for u in units if id(u) in crossed and u.start > chosen.start]
    if not others:
        return set()
    last, total = max(u.start for u in others), chosen.best + sum(u.best for u in others)
    summed = any(u.start > last and id(u) not in crossed and u.best == total for u in units)
    return {id(u) for u in others} if summed else set()


def _introduced_beside(unit: _Unit, others: list[_Unit]) -> bool:
    """Whether a figure of one person introduced with "a" stands beside another such figure in its
    sentence ("a woman was shot in the back and a boy was shot in the arm"): two people, not one
    toll told twice."""
    first = unit.rows[0]
    head = _head_noun(first)
    return (
        first["rule"].endswith(INDEFINITE_RULE)
        and bool(head)
        and any(
            other.rows[0]["rule"].endswith(INDEFINITE_RULE)
            and _head_noun(other.rows[0]) not in ("", head)  # "an Indianapolis man … a man died": one
            and _same_sentence(other, unit)
            for other in others
        )
    )


def _head_noun(row: dict) -> str:
    """The last word of a row's victim phrase ("20-year-old woman" -> "woman")."""
    words = row["victim"].lower().split()
    return words[-1] if words else ""


def _join(unit: _Unit, other: _Unit) -> None:
    """Make two figures one enumeration (their rows share a ``group``), counted together."""
    group = other.rows[0]["group"] or f"beside:{other.offsets}"
    for row in (*other.rows, *unit.rows):
        row["group"] = group


def _same_sentence(one: _Unit, other: _Unit) -> bool:
    """Whether two figures stand in one sentence (not in a repeat of it elsewhere in the article)."""
    sentence = one.rows[0]["sentence"]
    return sentence == other.rows[0]["sentence"] and abs(one.start - other.start) < len(sentence)


def _mark(unit: _Unit, by: _Unit) -> None:
    for row in unit.rows:
        row["superseded_by"] = by.offsets
