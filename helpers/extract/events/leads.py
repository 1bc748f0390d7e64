"""Events told by the headline or lead without casualty figures.

Only the predicates of the headline or the lead's first sentence count (nouns and
verbs within two steps of the sentence root; for a strategic development, not
after a preposition, where they tell the setting: "shooting at a tribal meeting",
"after a press conference"), then, for a violent type, any noun or verb of the
sentence ("used poison gas in an attack"), and only when the sentence gives no
casualty figure. The type is the first of ``event_types.csv`` (in the file's
order) one of whose trigger words (``triggers.py``) is such a predicate and
whose conditions hold: types
with an outcome condition need figures and are never read here; a victim-side
condition is read from the actors the sentence names (a state force or militia:
security forces; an armed group: armed groups; none: unknown), an agent
condition from the one its subject names, else the last named before the predicate ("Government forces
captured the town": regained; "Taliban militants captured a district": overtaken). When the article
reports casualty figures, their reports tell its violence, and the lead adds
only a strategic development or a demonstration ("signed a ceasefire"); without
figures ("Government forces recaptured the town", "warplanes struck a market")
a violent event of the lead is a report too.

A predicate that is planned, not done ("officials to visit Erbil", "is set to
visit", "will meet"; ``event_cues.csv``) is no event: the row is kept, excluded,
with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from helpers.articles import Article
from helpers.extract.casualties.causes import harm_cause
from helpers.extract.casualties.exclusions import RESTATED_HEADLINE
from helpers.extract.casualties.tolls import counted
from helpers.extract.events.agents import actor_attackers
from helpers.extract.events.classification import agent_side, named_sides, taken_from
from helpers.extract.events.coding import (
    DEMONSTRATIONS,
    PROTESTS,
    Actor,
    code_actors,
    demonstration_actors,
)
from helpers.extract.events.triggers import MODIFIERS, sentence_triggers
from helpers.extract.evidence import lead_sentences
from helpers.knowledge.event_types import (
    VIOLENCE,
    EventType,
    event_type_of,
    event_types,
    planned_words,
    violent_words,
)

#: Disorder types an event of the lead may have when casualty figures tell the article's violence.
LEAD_DISORDERS = frozenset({"Strategic developments", "Demonstrations"})
#: ACLED's disorder type of strategic developments: a word of their setting is none.
STRATEGIC = "Strategic developments"
#: ACLED's sub-event type of an agreement, whose second actor is its other party.
AGREEMENT = "Agreement"
#: ACLED's sub-event type of looting, part of the violence it is told with.
LOOTING = "Looting/property destruction"
#: ACLED's sub-event types of arrests and of a protest met by force.
ARRESTS, INTERVENTION = "Arrests", "Protest with intervention"
#: Parts of speech of an event predicate.
PREDICATES = frozenset({"VERB", "NOUN"})
#: Roles of a noun that tells where or when the predicate happened, not what ("shooting at a tribal
#: meeting", "after a press conference", "ordered by visiting our website"): no strategic development.
SETTING = frozenset({"pobj", "pcomp"})


@dataclass(frozen=True)
class LeadEvent:
    """The lead's event: its predicate, type, the victim sides read from its actors, why it is
    no event ("" when it is one), whether its sentence tells violence too ("attacked the town,
    looting shops": the looting is of that attack), and whether the body restates a figure of its
    sentence ("Two inmates killed in prison riot": the body's incident)."""

    trigger: Token
    kind: EventType
    sides: frozenset[str]
    reason: str
    amid_violence: bool = False
    restated: bool = False


def planned(trigger: Token) -> str:
    """The words that make an event planned, not done ("" when it is reported as done).

    ``is set to visit`` (set), ``will meet`` (will; also on a word up to two steps above
    the trigger: ``will launch an offensive to recapture``), a headline's ``officials to
    visit`` (an infinitive after a noun).
    """
    words = planned_words()
    governing = [trigger]  # the trigger and the words it serves ("will launch an offensive to recapture")
    while len(governing) < 3 and governing[-1].head.i != governing[-1].i:
        governing.append(governing[-1].head)
    for token in governing:
        aux = next((c for c in token.children if c.dep_ == "aux" and c.lemma_.lower() in words), None)
        if aux is not None:
            return aux.text
    if trigger.head.i != trigger.i and trigger.head.lemma_.lower() in words:
        return f"{trigger.head.text} … {trigger.text}"
    to = next((c for c in trigger.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is not None and trigger.head.pos_ not in {"VERB", "AUX"}:
        return f"{to.text} {trigger.text}"
    return ""


def _no_event(trigger: Token, kind: EventType) -> str:
    """Why the lead's predicate is no event of its kind: planned, not done, or harm that is no
    violence ("the outbreak has killed 12": :func:`~helpers.extract.casualties.causes.harm_cause`);
    "" when it is one."""
    if cue := planned(trigger):
        return f"planned, not done: {cue!r}"
    cause = harm_cause(trigger) if kind.disorder_type == VIOLENCE else ""
    return f"not violence ({cause})" if cause else ""


def _depth(token: Token) -> int:
    """Steps from the sentence root, up to 3; a modifier is as deep as its noun ("a grenade attack"),
    and a headline's participle as its noun ("Two inmates killed in prison riot": the riot is two
    steps from "killed", the predicate the parse hangs under "inmates")."""
    depth = 0
    while token.head.i != token.i and depth < 3:
        depth += token.dep_ not in MODIFIERS and not (token.dep_ == "acl" and token.head.dep_ == "ROOT")
        token = token.head
    return depth


def lead_report(
    doc, article: Article, casualties: Sequence[dict], actors: Sequence[dict], *, violent: bool
) -> LeadEvent | None:
    """The lead's event, or None.

    Args:
        doc: The parsed article.
        article: The article (its paragraphs).
        casualties: Its casualty figures (a sentence with a counted one is left to them; one with a
            ``restated headline`` tells the incident of the body that restates it).
        actors: Its actor mentions (``start_char``, ``category``).
        violent: Whether a violent type may be read (the article has no casualty report).
    """
    kinds = [k for k in event_types() if not k.outcome and (violent or k.disorder_type in LEAD_DISORDERS)]
    figures = [f for f in casualties if counted(f)]
    restated = [f["start_char"] for f in casualties if f["exclude_reason"] == RESTATED_HEADLINE]
    for sentence in lead_sentences(doc, article):
        if any(sentence.start_char <= f["start_char"] < sentence.end_char for f in figures):
            continue
        near: dict[str, Token] = {}  # the predicates near the root
        predicates: dict[str, Token] = {}  # those that are no setting
        anywhere: dict[str, Token] = {}
        for word, token in sentence_triggers(sentence, PREDICATES):
            anywhere.setdefault(word, token)
            if _depth(token) <= 2:
                near.setdefault(word, token)
                if token.dep_ not in SETTING:
                    predicates.setdefault(word, token)
        named = [m for m in actors if sentence.start_char <= m["start_char"] < sentence.end_char]
        sides = set(named_sides(named) or {"unknown"})
        # The predicates near the root first ("forces captured villages near a town that was the scene
        # of a chemical attack"); then a violent type's word anywhere in the sentence.
        tries = [(k, predicates if k.disorder_type == STRATEGIC else near) for k in kinds]
        tries += [(k, anywhere) for k in kinds if k.disorder_type == VIOLENCE]
        for kind, triggers in tries:
            lemma = next((w for w in sorted(kind.cues(set(anywhere))) if w in triggers), None)
            if lemma is None:
                continue
            trigger = triggers[lemma]
            if kind.fits(sides, set(), agent_side(_doers(trigger, named))):
                amid = bool(set(anywhere) & violent_words())
                told = any(sentence.start_char <= start < sentence.end_char for start in restated)
                return LeadEvent(trigger, kind, frozenset(sides), _no_event(trigger, kind), amid, told)
    return None


def _doers(trigger: Token, named: Sequence[dict]) -> list[dict]:
    """The actors of a side named before a predicate, who did it first: the one its subject names
    ("Afghan security forces in a crackdown on Taliban militants recaptured the district"), then the
    others, the last named first ("The Islamic State had held the town until the army retook it")."""
    before = [m for m in reversed(named) if m["start_char"] < trigger.idx and named_sides([m])]
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    return sorted(before, key=lambda m: not any(m["start_char"] <= s.idx < m["end_char"] for s in subjects))


def lead_actors(
    lead: LeadEvent, named: Sequence[dict], country: str, armed: dict | None, person: dict | None
) -> tuple[list[Actor], list[Actor]]:
    """The actors of the lead's event, from the actor mentions of its sentence (``named``): for
    violence, who fought whom as for figures (who took ground and from whom, the armed group, the
    person who did it, the side hit; ``armed``: the article's armed group); for a demonstration, the
    protesters or rioters and who met them; otherwise the actors of the lead, the most named first
    ("officials of X to visit Y"), an agreement's other party its second actor ("the army and the RSF
    signed a truce")."""
    kind = lead.kind
    if kind.disorder_type == VIOLENCE:
        agents = actor_attackers(lead.trigger.doc, named)
        # who took or retook ground (:func:`_doers`: "Sudan's army said it had recaptured the radio
        # station from the RSF"), as the type's agent condition read it
        taker = next(iter(_doers(lead.trigger, named)), None) if kind.agents else None
        sides = taken_from(lead.sides, named_sides([taker])) if taker else lead.sides
        takers = [taker["actor_id"]] if taker else []
        return code_actors(takers, sides, named, country, armed, person, agents=agents)
    if kind.disorder_type == DEMONSTRATIONS:
        return demonstration_actors(kind.event_type, kind.sub_event_type, named, lead.sides, country)
    first = code_actors([m["actor_id"] for m in named], (), named, country)[0]
    split = 1 if kind.sub_event_type == AGREEMENT else len(first)
    return first[:split], first[split:]


def told_by_figures(
    lead: dict, reports: Sequence[dict], event: LeadEvent | None = None, *, placed: bool = True
) -> dict | None:
    """The article's first figures' report that tells the lead's event (``event``, when the lead's
    own predicate is known), or None: looting told with violence at that place, the same type at
    the same place ("Gunmen loot health centre in Borno" over the figures of that looting; a lead
    that names no place, ``placed`` false, or only the country or province of the figures' place, is
    at that place: "Prison riot leaves 15 dead" or "Deadly riot at Ecuador prison" over the riot's
    figures in Guayaquil, not a riot at the dateline's Quito), or a
    demonstration the figures' report took no type's word for (its type came from the sides hit:
    "supporters clashed with police, hurling stones" over "one police officer was killed"), which
    is then that demonstration's toll, as ACLED codes a riot's dead in the riot, and so is a
    demonstration whose own figures the body restates ("Two inmates killed in prison riot" over
    "two inmates were killed when rival gangs fought"); a protest over a report of arrests, which
    are then its arrests (:func:`demonstration_over`).

    >>> lead = {"place_id": "gn:1", "sub_event_type": "Looting/property destruction",
    ...         "disorder_type": STRATEGIC}
    >>> told_by_figures(lead, [dict(lead, type_cue="burn")]) is not None
    True
    >>> told_by_figures(lead, [dict(lead, place_id="gn:2", type_cue="burn")]) is None
    True
    >>> attack = dict(lead, sub_event_type="Armed clash", disorder_type=VIOLENCE, type_cue="clash")
    >>> told_by_figures(lead, [attack]) is None
    True
    """
    first = reports[0] if reports else None
    if first is None or (placed and lead["place_id"] and first["place_id"] and not _holds(lead, first)):
        return None
    same = first["sub_event_type"] == lead["sub_event_type"]
    restated = event is not None and event.restated
    untyped = (restated or not first["type_cue"]) and lead["disorder_type"] == DEMONSTRATIONS
    arrested = first["sub_event_type"] == ARRESTS and lead["event_type"] == PROTESTS
    # looting told in the course of violence there (``event``: its sentence tells violence too) is of
    # that event, as ACLED codes it ("insurgents attacked the town, looting shops and clashing with
    # soldiers"; "at least three soldiers were killed"); "Troops torch six villages" is its own
    amid = event is not None and event.amid_violence
    looted = lead["sub_event_type"] == LOOTING and first["disorder_type"] == VIOLENCE and amid
    return first if same or untyped or arrested or looted else None


def _holds(lead: dict, report: dict) -> bool:
    """Whether the lead's place is the report's, or the country or province (at ACLED's precision 3)
    that holds it.

    >>> guayaquil = {"place_id": "gn:2", "iso": "EC", "admin1": "Guayas", "location": "Guayaquil"}
    >>> ecuador = {"place_id": "gn:1", "iso": "EC", "country": "Ecuador", "admin1": "", "location": "Ecuador",
    ...            "geo_precision": 3}
    >>> _holds(ecuador, guayaquil), _holds(guayaquil, ecuador)
    (True, False)
    """
    if lead["place_id"] == report["place_id"]:
        return True
    wider = lead.get("geo_precision") == 3 and lead.get("location") in (
        lead.get("admin1"),
        lead.get("country"),
    )
    same_province = not lead.get("admin1") or lead.get("admin1") == report.get("admin1")
    return wider and lead.get("iso") == report.get("iso") and same_province


def demonstration_over(
    kind: EventType, report: dict, named: Sequence[dict]
) -> tuple[EventType, list[Actor], list[Actor]]:
    """The type and actors of a demonstration the lead tells over the figures' report it takes (the
    actor mentions of the lead's sentence: ``named``): a protest whose figures are arrests is a
    protest with intervention, as ACLED codes protesters arrested ("Police arrested at least 30" of
    "Thousands protest in Nairobi"); else the lead's own type."""
    if kind.event_type == PROTESTS and report["sub_event_type"] == ARRESTS:
        kind = event_type_of(INTERVENTION)
    sides = [side for side in report["victim_sides"].split("; ") if side]
    first, second = demonstration_actors(
        kind.event_type, kind.sub_event_type, named, sides, report["country"]
    )
    return kind, first, second
