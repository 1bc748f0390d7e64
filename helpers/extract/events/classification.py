"""ACLED's type of an event, from its trigger lemmas and the sides its figures hit.

Types (``event_types.csv``): the first sub-event type, in the file's order, whose
lemmas occur in the evidence and whose conditions (victim sides, outcome) hold;
else the type the file gives by default to the event's outcomes ("kidnapped":
abduction) or victim sides (civilians: attack; security forces or armed groups:
armed clash). The sides hit also choose the actors hit (:mod:`helpers.extract.events.coding`):
victims of no known side beside a known one add no civilians, and in a battle they fell on an
armed side.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from helpers.extract.casualties.tolls import counted, figure_key
from helpers.knowledge.actors import load_dictionary
from helpers.knowledge.event_types import EventType, event_type_of, event_types

#: The outcome of an arrest: its victims' side is no side hit by violence, and arrests alone are no violence.
ARRESTED = "arrested"
#: The victim group of police (``victim_sides.csv``) and the key of ACLED's police forces of a country
#: (``acled_actor_codes.csv``): police hit by an unnamed attacker, and who arrests when none is named.
POLICE = "police"
#: ACLED's sub-event types of an attack on civilians and of a battle.
ATTACK, ARMED_CLASH = "Attack", "Armed clash"
#: ACLED's event type of battles: armed sides on both sides.
BATTLES = "Battles"
#: The victim group of the casualty lexicon's nouns of attackers ("gunman", "bomber", "assailant").
ATTACKERS = "attackers"
#: The victim sides of state forces and of armed groups, of victims of no known side, and of civilians.
SECURITY, ARMED, UNKNOWN_SIDE, CIVILIANS = "security forces", "armed groups", "unknown", "civilians"
#: Actor categories of each side: the actors that can be the side hit.
SIDE_CATEGORIES = {
    SECURITY: {"state_force", "militia", "government"},
    ARMED: {"armed_group", "militia"},
}


def named_sides(actors: Iterable[dict]) -> frozenset[str]:
    """The sides of the actors named (``category``): a state force or militia is security forces.

    >>> sorted(named_sides([{"category": "state_force"}, {"category": "armed_group"}]))
    ['armed groups', 'security forces']
    >>> named_sides([{"category": "media"}])
    frozenset()
    """
    return frozenset(
        side for m in actors for side, kinds in SIDE_CATEGORIES.items() if m.get("category") in kinds
    )


def agent_side(actors: Iterable[dict], figures: Sequence[dict] = ()) -> frozenset[str]:
    """The sides of the dictionary actors the ``figures`` of people not of an armed group name as
    their perpetrators ("suspected separatists killed two gendarmes … The army said its soldiers
    killed four of the attackers"; the killers of militants are the other side), else of the first
    actor of a side among ``actors`` (in text order) that is no speaker ("…, a military spokesman
    said" tells who said it): who did it.

    >>> sorted(agent_side([{"category": "media"}, {"category": "state_force"}, {"category": "armed_group"}]))
    ['security forces']
    >>> sorted(agent_side([{"category": "state_force", "speaker": True}, {"category": "armed_group"}]))
    ['armed groups']
    >>> hit = [{"perpetrator_id": "boko_haram", "victim_side": SECURITY}]
    >>> sorted(agent_side([{"category": "state_force"}], hit))
    ['armed groups']
    >>> sorted(agent_side([{"category": "state_force"}], [dict(hit[0], victim_side=ARMED)]))
    ['security forces']
    """
    told = next((sides for m in actors if not m.get("speaker") and (sides := named_sides([m]))), frozenset())
    perpetrators = [r["perpetrator_id"] for r in figures if r.get("victim_side") != ARMED]
    doers = dictionary_actors(perpetrators, {}, SIDE_CATEGORIES[SECURITY] | SIDE_CATEGORIES[ARMED])
    return named_sides(doers.values()) or told


def dictionary_actors(
    perpetrators: Sequence[str], named: dict[str, dict], categories: Collection[str]
) -> dict[str, dict]:
    """The actors of ``categories`` of the dictionary the figures name as perpetrators that the
    evidence does not (``named``: "Dissidents of the former FARC attacked": the FARC dissidents, named
    so only in the headline), as actor mentions by actor id.

    >>> dictionary_actors(["", "boko_haram", "boko_haram"], {}, {"armed_group"})["boko_haram"]["category"]
    'armed_group'
    """
    groups = {}
    for actor_id in perpetrators:
        actor = load_dictionary().get(actor_id) if actor_id and actor_id not in named else None
        if actor is not None and actor.category in categories:
            groups[actor_id] = dict(actor_id=actor_id, canonical=actor.canonical, category=actor.category)
    return groups


def known_sides(sides: Iterable[str]) -> set[str]:
    """The sides hit: victims of no known side beside those of a known side are of it ("three
    police killed and four others wounded" hit no civilians).

    >>> sorted(known_sides({"security forces", "unknown"})), sorted(known_sides({"unknown"}))
    (['security forces'], ['unknown'])
    """
    return {s for s in sides if s != UNKNOWN_SIDE} or set(sides)


def battle_sides(kind: EventType | None, sides: set[str]) -> set[str]:
    """The sides hit, for choosing the actors: in a battle, dead of no known side fell on one armed
    side or another ("Clashes between rival militias killed nine people"), not among civilians, and
    so did the fighting between two sides that killed civilians too ("including a child"): ACLED
    names the two sides that fought.

    >>> clash = event_types()[[t.sub_event_type for t in event_types()].index("Armed clash")]
    >>> battle_sides(clash, {"unknown"}), battle_sides(None, {"unknown"})
    ({'armed groups'}, {'unknown'})
    >>> battle_sides(clash, {"unknown", "civilians"})
    {'armed groups'}
    """
    if kind is None or kind.event_type != BATTLES or not set(sides) <= {UNKNOWN_SIDE, CIVILIANS}:
        return sides
    return {ARMED}


def attacking(figures: Sequence[dict]) -> list[str]:
    """The perpetrators of an event's figures (``perpetrator_id``) but those of the figures of its
    attackers, unless all are: who killed the attackers defended ("militants rammed a car bomb into
    the base, killing five soldiers … Sixteen attackers were killed in the firefight, the military
    said": the military did not attack).

    >>> figures = [{"perpetrator_id": "", "victim_group": "security forces"},
    ...            {"perpetrator_id": "army", "victim_group": ATTACKERS}]
    >>> attacking(figures), attacking(figures[1:])
    ([''], ['army'])
    """
    others = [r for r in figures if r["victim_group"] != ATTACKERS]
    return [r["perpetrator_id"] for r in others or figures]


def with_part_sides(casualties: Sequence[dict]) -> list[dict]:
    """The counted figures (:func:`~helpers.extract.casualties.tolls.counted`), each a copy with the
    sides of the parts it includes when each part's is known (``part_sides``): "killing 18 people,
    including five soldiers and 13 civilians" hit soldiers and civilians, not people of no known
    side; "including an old man and a child" tells no side of the old man."""
    parts: dict[str, set[str]] = {}
    forces: dict[str, set[str]] = {}  # the groups of the security forces among the parts: police?
    for row in casualties:
        if row["part_of"] and not row["excluded"] and row["victim_side"]:
            parts.setdefault(row["part_of"], set()).add(row["victim_side"])
            if row["victim_side"] == SECURITY:
                forces.setdefault(row["part_of"], set()).add(row["victim_group"])
    known = {total: sides for total, sides in parts.items() if UNKNOWN_SIDE not in sides}
    forces = {total: groups for total, groups in forces.items() if total in known}
    return [
        {**r, "part_sides": known.get(figure_key(r), set()), "part_forces": forces.get(figure_key(r), set())}
        for r in casualties
        if counted(r)
    ]


def sides_of(figures: Iterable[dict]) -> set[str]:
    """The victim sides of figures, a figure of no known side by the sides of its parts.

    >>> sorted(sides_of([{"victim_side": UNKNOWN_SIDE, "part_sides": {SECURITY, "civilians"}}]))
    ['civilians', 'security forces']
    >>> sides_of([{"victim_side": UNKNOWN_SIDE, "part_sides": set()}, {"victim_side": ""}])
    {'unknown'}
    """
    sides: set[str] = set()
    for row in figures:
        told = row.get("part_sides") if row["victim_side"] == UNKNOWN_SIDE else None
        sides |= set(told or {row["victim_side"]})
    return sides - {""}


def hit_figures(figures: Sequence[dict]) -> list[dict]:
    """The figures of the sides an event hit: of violence (those arrested are no side of a clash: "a
    suspect was arrested"), and not of its own attackers when it hit others ("killing 32 people …
    Security forces killed five attackers": the bombing hit civilians, not an armed group), else all.

    >>> figures = [{"outcome": "killed", "victim_group": "people"},
    ...            {"outcome": "killed", "victim_group": ATTACKERS},
    ...            {"outcome": ARRESTED, "victim_group": "people"}]
    >>> [r["victim_group"] for r in hit_figures(figures)], len(hit_figures(figures[1:2]))
    (['people'], 1)
    """
    violent = [r for r in figures if r["outcome"] != ARRESTED] or list(figures)
    return [r for r in violent if r["victim_group"] != ATTACKERS] or violent


def taken_from(sides: frozenset[str], taker: frozenset[str]) -> set[str]:
    """The sides ground was taken from: those named beside the taker's (``sides``: all the sides
    named), else the other armed side (a government regains ground from armed groups, armed groups
    take it from a government).

    >>> sorted(taken_from(frozenset({"security forces", "armed groups"}), frozenset({"security forces"})))
    ['armed groups']
    >>> sorted(taken_from(frozenset({"security forces"}), frozenset({"security forces"})))
    ['armed groups']
    """
    if not taker or taker >= {ARMED, SECURITY}:  # a militia is of both
        return set(sides)
    return set(sides - taker) or {ARMED, SECURITY} - taker


def unnamed_hit(hit: Sequence[dict]) -> str:
    """The key of ACLED's unnamed force hit (``acled_actor_codes.csv``) when the evidence names none:
    police when all the security forces hit were police (of a toll of no known side, its parts':
    "18 people, including five police officers and 13 civilians"), else the country's military forces.

    >>> unnamed_hit([{"victim_side": UNKNOWN_SIDE, "victim_group": "people", "part_forces": {POLICE}}])
    'police'
    """
    groups = {r["victim_group"] for r in hit if r["victim_side"] == SECURITY} | {
        group for r in hit if r["victim_side"] == UNKNOWN_SIDE for group in r.get("part_forces") or ()
    }
    return POLICE if groups == {POLICE} else SECURITY


def only_arrests(outcomes: set[str]) -> bool:
    """Figures of arrests alone tell an arrest, coded as one: the weapons named are what the
    suspects are accused of ("arrested a group suspected of supplying explosives" is no explosion).

    >>> only_arrests({"arrested"}), only_arrests({"arrested", "killed"})
    (True, False)
    """
    return outcomes == {ARRESTED}


def classify(
    sentences: Sequence[set[str]], sides: set[str], outcomes: set[str], agent: frozenset[str] = frozenset()
) -> tuple[EventType | None, str]:
    """The sub-event type of an event and the word that named it ("" for a default type).

    Args:
        sentences: The trigger words of each evidence sentence (``triggers.sentence_words``).
        sides: The victim sides of its figures.
        outcomes: Their outcomes.
        agent: The sides of its agent (who took a town).

    >>> kind, cue = classify([{"launch", "offensive:NOUN", "death"}], {"security forces"}, {"killed"})
    >>> kind.event_type, kind.sub_event_type, cue
    ('Battles', 'Armed clash', 'offensive')
    >>> classify([{"say"}], {"civilians"}, {"injured"})[0].sub_event_type
    'Attack'
    >>> classify([{"capture:PLACE"}], {"unknown"}, set(), frozenset({"armed groups"}))[0].sub_event_type
    'Non-state actor overtakes territory'
    >>> classify([{"arrest", "explosive"}], {"unknown"}, {"arrested"})[0].sub_event_type
    'Arrests'
    >>> classify([{"say"}], {"armed groups"}, {"arrested", "killed"})[0].sub_event_type
    'Armed clash'
    >>> classify([{"kill"}], {"armed groups", "civilians", "security forces"}, {"killed"})[0].sub_event_type
    'Armed clash'
    >>> rebels = frozenset({"armed groups"})
    >>> classify([{"kill"}], {"civilians", "security forces"}, {"killed"}, rebels)[0].sub_event_type
    'Armed clash'
    """
    types = event_types()
    sides = known_sides(sides)
    arrests = only_arrests(outcomes)
    for kind in types:
        if arrests and kind.outcome != ARRESTED:
            continue
        cues = set().union(*(kind.cues(words) for words in sentences))
        if cues and kind.fits(sides, outcomes, agent):
            # both sides of a fight lost people ("killing all 33 militants; four soldiers …"), or an
            # armed group hit a force: an attack on it is a battle, its civilians the battle's dead
            # ("separatists killed two gendarmes and a civilian at a checkpoint")
            if kind.sub_event_type == ATTACK and SECURITY in sides and ARMED in sides | agent:
                kind = event_type_of(ARMED_CLASH)
            return kind, sorted(cues)[0].split(":")[0]
    # beside violence, the sides' default before an arrest's: "killed 150 fighters and captured 70"
    # was a battle; arrests alone are arrests
    keys = [*sorted(outcomes), *sorted(sides)]
    if not arrests and ARRESTED in outcomes:
        keys = [key for key in keys if key != ARRESTED] + [ARRESTED]
    for key in keys:
        kind = next((k for k in types if key in k.defaults and k.fits(sides, outcomes)), None)
        if kind is not None:
            return kind, ""
    return None, ""
