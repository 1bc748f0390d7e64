"""ACLED's event vocabulary: sub-event types keyed by trigger lemmas, actor codes and period phrases.

* ``en/event_types.csv``: the 25 sub-event types of ACLED's six event types and
  three disorder types, with the words that name them (lemmas, forms, a word of one
  part of speech, phrases: see ``extract/events/triggers.py``), the companion words
  some need, the victim sides and the outcome each needs, and the default type of
  an event by outcome or side, and the outcomes it must not report (an abduction with dead is
  an attack);
* ``acled_actor_codes.csv``: ACLED's ``inter`` code of each actor category and
  victim side, and the generic name ACLED gives an unnamed actor of that kind;
* ``en/event_periods.csv``: date phrases of a week or a month ("last week");
* ``en/event_cues.csv``: words that make an event planned, not done ("is set to visit"),
  nouns of ground a force takes ("positions"), verbs that tell the violence happened, and
  verbs that name who did it ("charged with the shooting").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from helpers import config
from helpers.knowledge.casualty_lexicon import load_lexicon
from helpers.knowledge.speech import speech_verbs
from helpers.knowledge.vocabulary import read_vocabulary

#: Outcomes of harm done to victims by an act of violence (not an arrest, not a disappearance).
HARM = frozenset({"killed", "injured", "harmed", "kidnapped"})
#: ACLED's disorder type of violent events.
VIOLENCE = "Political violence"


@dataclass(frozen=True)
class EventType:
    """One ACLED sub-event type (a row of ``event_types.csv``).

    Attributes:
        sub_event_type: ACLED's sub-event type ("Armed clash").
        event_type: Its event type ("Battles").
        disorder_type: Its disorder type ("Political violence").
        lemmas: Lemmas of the evidence that name it.
        sides: Victim sides it needs (empty: any).
        outcome: An outcome the event must report (empty: any).
        defaults: The outcomes or victim sides it is the type of when no lemma matched.
        agents: Sides one of which the event's agent must be (empty: any): who took a town.
        companions: Words one of which must be in the trigger's sentence too (empty: none):
            "helicopter" names an air strike only beside "bomb" or "missile".
        excluded: Outcomes the event must not report: ACLED codes an abduction in which
            people were killed or hurt as an attack.
    """

    sub_event_type: str
    event_type: str
    disorder_type: str
    lemmas: frozenset[str]
    sides: frozenset[str]
    outcome: str
    defaults: frozenset[str]
    agents: frozenset[str] = frozenset()
    companions: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()

    def cues(self, words: set[str] | frozenset[str]) -> set[str]:
        """The words of one sentence that name this type (none without a companion it needs).

        >>> air = next(t for t in event_types() if "helicopter" in t.lemmas)
        >>> sorted(air.cues({"helicopter", "fly"})), sorted(air.cues({"helicopter", "bomb"}))
        ([], ['helicopter'])
        """
        found = self.lemmas & words
        return found if found and (not self.companions or self.companions & words) else set()

    def fits(self, sides: set[str], outcomes: set[str], agent: frozenset[str] = frozenset()) -> bool:
        """Whether an event with these victim sides, outcomes and agent sides meets the type's conditions.

        >>> abduction = event_type_of("Abduction/forced disappearance")
        >>> civilians = {"civilians"}
        >>> abduction.fits(civilians, {"kidnapped"}), abduction.fits(civilians, {"kidnapped", "killed"})
        (True, False)
        """
        return (
            (not self.sides or bool(self.sides & sides))
            and (not self.outcome or self.outcome in outcomes)
            and (not self.agents or bool(self.agents & agent))
            and not self.excluded & outcomes
        )


@lru_cache(maxsize=4)
def event_types(language: str = config.DEFAULT_LANGUAGE) -> tuple[EventType, ...]:
    """ACLED's sub-event types, in the order they are tried (a type may come twice, with other conditions).

    >>> types = event_types()
    >>> len({t.sub_event_type for t in types}), len({t.event_type for t in types})
    (25, 6)
    >>> len({t.disorder_type for t in types})
    3
    >>> next(t for t in types if "airstrike" in t.lemmas).sub_event_type
    'Air/drone strike'
    """

    def split(value: str) -> frozenset[str]:
        return frozenset(v for v in value.split("|") if v)

    return tuple(
        EventType(
            r["sub_event_type"],
            r["event_type"],
            r["disorder_type"],
            split(r["lemmas"]),
            split(r["sides"]),
            r["outcome"],
            split(r["default"]),
            split(r["agent"]),
            split(r["with"]),
            split(r["without"]),
        )
        for r in read_vocabulary("event_types.csv", language)
    )


def event_type_of(sub_event_type: str, language: str = config.DEFAULT_LANGUAGE) -> EventType:
    """ACLED's type of a sub-event type: the first row of ``event_types.csv`` that has it.

    >>> event_type_of("Air/drone strike").event_type
    'Explosions/Remote violence'
    """
    return next(kind for kind in event_types(language) if kind.sub_event_type == sub_event_type)


@dataclass(frozen=True)
class ActorCode:
    """ACLED's code of an actor kind: ``inter`` (1 state forces … 8 external forces) and the
    generic name of an unnamed actor of that kind (``{country}`` is filled in)."""

    inter: int
    name: str


@lru_cache(maxsize=1)
def actor_codes() -> dict[str, ActorCode]:
    """ACLED's actor codes by actor category and victim side.

    >>> codes = actor_codes()
    >>> codes["armed_group"].inter, codes["civilians"].name.format(country="Iraq")
    (2, 'Civilians (Iraq)')
    """
    return {
        r["key"]: ActorCode(int(r["inter"]), r["name"]) for r in read_vocabulary("acled_actor_codes.csv", "")
    }


@lru_cache(maxsize=4)
def unnamed_forces(language: str = config.DEFAULT_LANGUAGE) -> dict[str, str]:
    """The phrases of a state's forces named without their state, with the ``acled_actor_codes.csv``
    key of the force ACLED codes them as (``unnamed_forces.csv``).

    >>> forces = unnamed_forces()
    >>> forces["soldiers"], forces["police officers"]
    ('state_force', 'police')
    """
    return {r["phrase"]: r["key"] for r in read_vocabulary("unnamed_forces.csv", language)}


@dataclass(frozen=True)
class Period:
    """A date phrase of a period ("last week"): its words, the offset in days of its first day
    from the publication date, ACLED's time precision (2 week, 3 month), and the days it spans:
    ``first`` to ``last`` ``unit`` ("day", "week" from Monday, "month") from the publication's own."""

    words: tuple[str, ...]
    days: int
    precision: int
    unit: str
    first: int
    last: int


@lru_cache(maxsize=4)
def periods(language: str = config.DEFAULT_LANGUAGE) -> tuple[Period, ...]:
    """The period phrases of ``language``, longest first.

    >>> next(p for p in periods() if p.words == ("last", "week")).precision
    2
    """
    found = [
        Period(
            tuple(r["phrase"].split()),
            int(r["days"]),
            int(r["precision"]),
            r["unit"],
            int(r["first"]),
            int(r["last"]),
        )
        for r in read_vocabulary("event_periods.csv", language)
    ]
    return tuple(sorted(found, key=lambda p: -len(p.words)))


@lru_cache(maxsize=32)
def cue_words(kind: str, language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """The words of one kind of ``event_cues.csv`` (see its header for the kinds).

    >>> "charge" in cue_words("accused"), "charge" in cue_words("planned")
    (True, False)
    >>> "sustain" in cue_words("suffered"), "find" in cue_words("found"), "say" in cue_words("found")
    (True, True, False)
    """
    return frozenset(r["word"] for r in read_vocabulary("event_cues.csv", language) if r["kind"] == kind)


@lru_cache(maxsize=4)
def planned_words(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """Lemmas that make an event planned or expected, not reported as done.

    >>> "set" in planned_words(), "will" in planned_words()
    (True, True)
    """
    return cue_words("planned", language)


@lru_cache(maxsize=4)
def violent_words(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """The trigger words of the political-violence types: a sentence with one tells violence.

    >>> sorted({"car bomb", "clash", "kill", "arrest", "protest"} & violent_words())
    ['car bomb', 'clash', 'kill']
    """
    kinds = event_types(language)
    return frozenset().union(*(k.lemmas for k in kinds if k.disorder_type == VIOLENCE))


@lru_cache(maxsize=4)
def ground_words(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """Nouns of ground a force takes or holds ("positions", "base"), beside the place nouns.

    >>> "position" in ground_words(), "suspect" in ground_words()
    (True, False)
    """
    return cue_words("ground", language)


@lru_cache(maxsize=4)
def act_verbs(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """Verbs that tell the violence itself: the casualty lexicon's verbs of harm done to victims
    ("shoot", "kill"; not "die", said of a victim days later, nor "arrest") and the verbs of
    ``event_cues.csv`` that tell it happened ("happen", "erupt").

    >>> "shoot" in act_verbs(), "happen" in act_verbs(), "die" in act_verbs(), "arrest" in act_verbs()
    (True, True, False, False)
    """
    lexicon = load_lexicon(language)
    harm = {lemma for lemma, outcome in lexicon.verbs.items() if outcome in HARM} - set(lexicon.intransitive)
    return frozenset(harm | cue_words("act", language))


@lru_cache(maxsize=4)
def incident_nouns(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """Nouns that name the violence itself, whose day a date phrase before or after them gives
    ("the April 24 shooting", "Saturday's bombing", "the attack on Monday"): the casualty lexicon's
    event nouns and the nouns that count people through their of-object ("shooting", "ambush",
    "murder", "slaying"), and ``event_cues.csv`` "incident" ("killing", "death").

    >>> "shooting" in incident_nouns(), "killing" in incident_nouns(), "hearing" in incident_nouns()
    (True, True, False)
    """
    lexicon = load_lexicon(language)
    return frozenset(lexicon.events | set(lexicon.of_nouns) | cue_words("incident", language))


@lru_cache(maxsize=64)
def outcome_verbs(outcomes: frozenset[str], language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """The casualty lexicon's verbs of these outcomes ("arrested": "arrest", "detain", …).

    >>> sorted(outcome_verbs(frozenset({"missing"})))
    ['disappear']
    """
    return frozenset(lemma for lemma, outcome in load_lexicon(language).verbs.items() if outcome in outcomes)


@lru_cache(maxsize=4)
def later_act_verbs(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """Verbs of a later act about the violence: a day phrase they govern dates that act, not the
    event. The court's, the investigation's, the hospital's and the mourners' acts (``event_cues.csv``
    "later": "arraigned Tuesday", "was identified Monday"), the accused verbs ("charged Friday") and
    the verbs of speech ("police said Friday"), but not the verbs of the first response, though some
    are verbs of speech ("response": "officers responded Saturday", "the shooting was reported Sunday").

    >>> verbs = later_act_verbs()
    >>> "arraign" in verbs, "say" in verbs, "charge" in verbs, "respond" in verbs, "shoot" in verbs
    (True, True, True, False, False)
    """
    later = cue_words("later", language) | cue_words("accused", language) | speech_verbs(language).cues
    return later - cue_words("response", language)


@lru_cache(maxsize=4)
def accusing_verbs(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """Verbs whose object or passive subject did the act their complement tells ("was charged with
    the shooting", "accused him of setting off a bomb", "is believed to have detonated it").

    >>> "charge" in accusing_verbs(), "say" in accusing_verbs()
    (True, False)
    """
    return cue_words("accused", language)
