"""ACLED's coding of an event's actors, with their ``inter`` codes (its type and the sides hit:
:mod:`helpers.extract.events.classification`).

Actors: ``actor1`` is the perpetrator the casualty rows name, else the armed
actor of the evidence (the force it names when only militants were killed), else
the person the evidence tells did the violence (``agents.py``: "Rahimi set off a
bomb"), else the article's armed group; ``actor2`` is who was hit: the actor of
the victims' side named in the evidence (the PMF when security forces were
killed), else ACLED's generic actor of that side ("Civilians (Iraq)", "Police
Forces of Kenya" when only police were hit, "Military Forces of Niger"); victims
of no known side beside a known one add no civilians. The next actor of each
side is its associated actor.
``interaction`` joins the two ``inter`` codes, lower first (ACLED's rule; a lone
actor gives ``inter1 * 10``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from helpers.extract.events.classification import (
    ARMED,
    POLICE,
    SECURITY,
    SIDE_CATEGORIES,
    UNKNOWN_SIDE,
    dictionary_actors,
    known_sides,
)
from helpers.knowledge.event_types import actor_codes, unnamed_forces
from helpers.knowledge.grammar import function_words
from helpers.knowledge.outlets import is_outlet

#: The key of ACLED's generic civilians (``acled_actor_codes.csv``).
CIVILIANS = "civilians"
#: The country in generic actors' names when the report has none ("Civilians (unknown country)").
UNKNOWN_COUNTRY = "unknown country"
#: ACLED's demonstration event types, sub-event types that tell the actors, and demonstrators' keys.
PROTESTS, RIOTS, DEMONSTRATIONS = "Protests", "Riots", "Demonstrations"
PEACEFUL, MOB = "Peaceful protest", "Mob violence"
PROTESTERS, RIOTERS = "protesters", "rioters"
#: Actor categories named in the evidence that can be the side hit: a side's, but a government body
#: (the ministry that reports the soldiers killed is none: the unnamed forces of the country are).
HIT_CATEGORIES = {side: kinds - {"government"} for side, kinds in SIDE_CATEGORIES.items()}
#: The actor category taken as an event's perpetrator (``actor1``) when the figures name none.
PERPETRATOR_CATEGORY = "armed_group"
#: The actor category of the forces that kill militants (a government blames, its forces fight).
FORCE_CATEGORY = "state_force"
#: Category of outlets and news agencies (``actors.csv``; an ORG named like an outlet).
MEDIA = "media"


@dataclass(frozen=True)
class Actor:
    """An actor of an event: id (dictionary id, "" for a generic actor), name and ACLED ``inter``."""

    actor_id: str
    name: str
    inter: int


def _actor(mention: dict) -> Actor:
    code = actor_codes().get(mention["category"])
    return Actor(mention["actor_id"], mention["canonical"], code.inter if code else 8)


def generic_actor(key: str, country: str) -> Actor:
    """ACLED's generic actor of an actor category or victim side in a country.

    >>> generic_actor("civilians", "Iraq")
    Actor(actor_id='', name='Civilians (Iraq)', inter=7)
    """
    code = actor_codes()[key]
    return Actor("", code.name.format(country=country or UNKNOWN_COUNTRY), code.inter)


def unnamed_force(perpetrators: Iterable[str]) -> str:
    """The ``acled_actor_codes.csv`` key of the force that did the violence when the figures name it
    without its state ("Soldiers killed two militants", "police shot a man": ``unnamed_forces.csv``):
    the country's own, "police" or "state_force"; else "".

    >>> unnamed_force(["", "the soldiers"]), unnamed_force(["two police officers"]), unnamed_force(["rebels"])
    ('state_force', 'police', '')
    """
    forces, articles = unnamed_forces(), function_words().articles
    for text in perpetrators:
        words = [w for w in text.lower().split() if w not in articles and not w.isdigit()]
        key = forces.get(" ".join(words)) or forces.get(" ".join(words[1:]))  # "two police officers"
        if key:
            return key
    return ""


def code_actors(
    perpetrators: Sequence[str],
    sides: Iterable[str],
    mentions: Sequence[dict],
    country: str,
    article_group: dict | None = None,
    person: dict | None = None,
    owner: dict | None = None,
    unnamed_hit: str = SECURITY,
    agents: Sequence[str] = (),
    force: str = "",
) -> tuple[list[Actor], list[Actor]]:
    """The actors of each side of an event: ``([actor1, assoc…], [actor2, assoc…])``.

    Args:
        perpetrators: ``perpetrator_id`` of the event's figures (most named first wins).
        sides: Victim sides of the event's figures.
        mentions: Actor mentions of the evidence (``actor_id``, ``canonical``, ``category``), in order.
        country: Country name for generic actors.
        article_group: The article's armed group (see :func:`article_group`): the attacker
            of an event whose evidence names none, before ACLED's unidentified armed group.
        person: The person the evidence tells did the violence (a ``person_mentions`` row: see
            :func:`person_actor`), the attacker before the article's armed group.
        owner: The owner of the weapon that struck (an actor mention: see
            :func:`~helpers.extract.events.strikes.strike_owner`), the attacker before the figures'
            perpetrators (a government's strikes are its armed forces') and the armed groups the
            evidence names, who are then its targets.
        unnamed_hit: The key in ``acled_actor_codes.csv`` of the security forces hit when the
            evidence names none: ``"police"`` when all were police ("Police Forces of X"), else
            ACLED's military forces of the country.
        agents: Actor ids the evidence tells did the violence
            (:func:`~helpers.extract.events.agents.actor_attackers`: "Russian forces used tanks to
            attack the oblast"), the attacker after an armed group the evidence names.
        force: The key of the unnamed force the figures say did it (:func:`unnamed_force`): ACLED's
            force of the country is the attacker when no named actor or person is.
    """
    linked = _linked(mentions)
    # a medium tells of the violence, it does none ("the Associated Press", a station's credit the
    # NER read as a person's name: "WBTV Charlotte"); it may be hit (journalists attacked)
    doers = {a: m for a, m in linked.items() if m["category"] != MEDIA}
    # armed groups the figures name outside the evidence (a headline's)
    doers.update(dictionary_actors(perpetrators, doers, {PERPETRATOR_CATEGORY}))
    person = None if person and is_outlet(person.get("canonical") or "") else person
    ranked = [a for a, _ in Counter(p for p in perpetrators if p in doers).most_common()]
    told, sides = set(sides), known_sides(sides)
    first = [_actor(owner)] if owner else [_actor(doers[a]) for a in ranked]
    # "Soldiers killed two militants": the country's own forces; not when its own men were hit too and
    # the evidence names the armed group that attacked them ("Al-Shabaab fighters stormed a hotel …
    # Security forces killed all five attackers. Three soldiers were killed": al-Shabaab attacked)
    fought_back = SECURITY in sides and bool(_first(doers, {PERPETRATOR_CATEGORY}))
    if not first and force and not person and not fought_back:
        first = [generic_actor(force, country)]
    if not first:
        first = _attacker(doers, told, person, article_group, [a for a in agents if a in doers])
    taken = {a.actor_id for a in first}
    second: list[Actor] = []
    # Forces first, then armed groups (the militants killed in a clash with a force named are the
    # attackers' own), then the other sides; the soldiers hit beside militants when a state's force
    # attacked are its own ("Iraqi forces killed 15 militants; two soldiers were wounded").
    # So are the officers hit beside people of no known side ("Police shot dead three suspected robbers
    # … One officer was injured"): those people, ACLED's unidentified armed group, fought the force.
    force_first = bool(first) and first[0].inter == actor_codes()[FORCE_CATEGORY].inter
    own_forces = force_first and (ARMED in sides or (sides == {SECURITY} and UNKNOWN_SIDE in told))
    # and the fighters hit of an armed group that attacked, when no other group is named, are its own,
    # hit by the state's force the evidence names ("Fighting between M23 rebels and the Congolese army")
    group_first = bool(first) and first[0].inter == actor_codes()[PERPETRATOR_CATEGORY].inter
    for side in sorted(sides, key=lambda s: ([*SIDE_CATEGORIES].index(s) if s in SIDE_CATEGORIES else 2, s)):
        if side == SECURITY and own_forces:
            continue
        categories = HIT_CATEGORIES.get(side)
        if categories:  # the side's named actors, else (none hit yet) ACLED's unnamed one
            free = [m for a, m in linked.items() if a not in taken]
            hit = [_actor(m) for m in free if m["category"] in categories]
            if not hit and side == ARMED and group_first:  # the attackers' own fell to the force named
                hit = [_actor(m) for m in free if m["category"] == FORCE_CATEGORY]
            unnamed = [] if second else [generic_actor(unnamed_hit if side == SECURITY else side, country)]
            second += hit or unnamed
        elif side in actor_codes():
            second.append(generic_actor(side, country))
        taken |= {a.actor_id for a in second}
    if not first and second:
        first = [generic_actor("armed_group", country)]
    if own_forces and not second:
        second = [generic_actor("armed_group", country)]
    unique: list[Actor] = []
    for actor in second:
        if actor not in unique:
            unique.append(actor)
    return first, unique


def _attacker(
    linked: dict[str, dict],
    sides: set[str],
    person: dict | None,
    group: dict | None,
    agents: Sequence[str] = (),
) -> list[Actor]:
    """The attacker of an event whose figures name none: the armed group its evidence names, else an
    actor it tells did the violence (``agents``), else the person who did it, else the article's
    armed group. Militants killed where no one else was hit (``sides``: every side told, those of no
    known side too) were killed by the state force the evidence names ("seven militants were killed in
    operations by the army"): the force attacked, the group is the side hit; not when people of no
    known side were killed too ("killing 18 people … Sixteen attackers were killed")."""
    force = _first(linked, {FORCE_CATEGORY}) if sides == {ARMED} else []
    fallback = [person_actor(person)] if person else [_actor(group)] if group else []
    # an actor that did the violence, not of a side it hit ("Pakistani forces and militants
    # clashed", five soldiers among the dead: no attacker of its own soldiers)
    hit = set().union(*(SIDE_CATEGORIES.get(side, set()) for side in sides))
    agent = next(([_actor(linked[a])] for a in agents if linked[a]["category"] not in hit), [])
    doers = {a: m for a, m in linked.items() if not m.get("speaker")}  # not "a Taliban spokesman said"
    return force or _first(doers, {PERPETRATOR_CATEGORY}) or agent or fallback


def demonstration_actors(
    event_type: str, sub_event_type: str, mentions: Sequence[dict], sides: Iterable[str], country: str
) -> tuple[list[Actor], list[Actor]]:
    """The actors of a demonstration, as ACLED codes one: the protesters (``Protests``) or rioters
    (``Riots``) of the country first; then the force the evidence names that met them (else the
    country's police, for a protest dispersed or fired on or a riot that hurt security forces), or
    for mob violence its victims' side.

    >>> first, second = demonstration_actors(
    ...     "Protests", "Protest with intervention", [], {"unknown"}, "Sudan")
    >>> first[0].name, first[0].inter, second[0].name
    ('Protesters (Sudan)', 6, 'Police Forces of Sudan')
    >>> demonstration_actors("Protests", "Peaceful protest", [], set(), "Chile")[1]
    []
    """
    # the force that met them, not a government body nor a speaker ("officials said")
    forces = _first(_linked(m for m in mentions if not m.get("speaker")), HIT_CATEGORIES[SECURITY])
    if event_type == RIOTS:  # the force named, else the police it hurt, else a mob's victims
        hit = known_sides(sides)
        police = [generic_actor(POLICE, country)] if SECURITY in hit else []
        victims = [generic_actor(side, country) for side in sorted(hit - {SECURITY}) if side in actor_codes()]
        mob = victims if sub_event_type == MOB else []
        return [generic_actor(RIOTERS, country)], forces or police or mob
    if not forces and sub_event_type != PEACEFUL:  # dispersed or fired on by a force no one names
        forces = [generic_actor(POLICE, country)]
    return [generic_actor(PROTESTERS, country)], forces


def arrest_actors(
    mentions: Sequence[dict], country: str, perpetrators: Sequence[str] = ()
) -> tuple[list[Actor], list[Actor]]:
    """The actors of an arrest, as ACLED codes one: who made it (the dictionary actor the figures
    name as the one who held them, "detained by RSF fighters"; else the first state force, militia or
    government its evidence names, else the country's police) and who was arrested (the first other
    armed group named, else civilians).

    >>> isis = {"actor_id": "isis", "canonical": "Islamic State", "category": "armed_group"}
    >>> first, second = arrest_actors([isis], "Iraq")
    >>> first[0].name, second[0].name
    ('Police Forces of Iraq', 'Islamic State')
    >>> first, second = arrest_actors([isis], "Iraq", ["isis"])
    >>> first[0].name, second[0].name
    ('Islamic State', 'Civilians (Iraq)')
    """
    linked = _linked(mentions)
    holders = dictionary_actors(perpetrators, {}, SIDE_CATEGORIES[SECURITY] | {PERPETRATOR_CATEGORY})
    forces = [_actor(m) for m in holders.values()][:1]
    forces = forces or _first(linked, SIDE_CATEGORIES[SECURITY]) or [generic_actor(POLICE, country)]
    held = {a: m for a, m in linked.items() if a != forces[0].actor_id}
    return forces, _first(held, {PERPETRATOR_CATEGORY}) or [generic_actor(CIVILIANS, country)]


def _linked(mentions: Iterable[dict]) -> dict[str, dict]:
    """The mentions linked to a categorised actor, by actor id, in the order first named."""
    return {m["actor_id"]: m for m in mentions if m.get("actor_id") and m.get("category")}


def _first(linked: dict[str, dict], categories: set[str]) -> list[Actor]:
    """The first linked actor of one of ``categories``, as a list of none or one."""
    return next(([_actor(m)] for m in linked.values() if m["category"] in categories), [])


def person_actor(person: dict) -> Actor:
    """A person who did the violence as an actor: ``person:<person_id>``, the person's name and the
    ``inter`` of an armed group (ACLED codes an attacker of no named group as an armed group).

    >>> person_actor({"person_id": "john-smith", "canonical": "John Smith"})
    Actor(actor_id='person:john-smith', name='John Smith', inter=2)
    """
    inter = actor_codes()[PERPETRATOR_CATEGORY].inter
    return Actor(f"person:{person['person_id']}", person["canonical"], inter)


def article_group(mentions: Sequence[dict]) -> dict | None:
    """The article's armed group: the one it names twice or more and at least twice as often as all
    the others together (the Provisional IRA of a story of a Belfast bombing whose toll's sentences
    name no one; Islamic State named seven times beside one aside on the SDF), else None.

    >>> ira = {"actor_id": "pira", "category": "armed_group"}
    >>> uda = dict(ira, actor_id="uda")
    >>> article_group([ira, ira])["actor_id"], article_group([ira]), article_group([ira, ira, ira, uda, uda])
    ('pira', None, None)
    >>> article_group([ira, uda, ira, ira])["actor_id"]
    'pira'
    """
    named = Counter(m["actor_id"] for m in mentions if m.get("category") == PERPETRATOR_CATEGORY)
    ranked = named.most_common(1)
    if not ranked or ranked[0][1] < max(2, 2 * (named.total() - ranked[0][1])):
        return None
    return next(m for m in mentions if m["actor_id"] == ranked[0][0])


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two ``inter`` codes, lower first; a lone actor's code times ten.

    >>> interaction(2, 3), interaction(7, 1), interaction(6, None)
    (23, 17, 60)
    """
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)
