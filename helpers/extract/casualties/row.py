"""One casualty row: a figure with its evidence, scope and attribution (see
:func:`helpers.extract.casualties.casualties.extract_casualties`)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from helpers.articles import Article
from helpers.extract.casualties.attribution import (
    MEMBER_GROUPS,
    actor_of,
    attacked_by,
    incident_place,
    member_group,
    perpetrator_of,
    place_for,
)
from helpers.extract.casualties.causes import harm_cause
from helpers.extract.casualties.counting import Count, phrase_of
from helpers.extract.casualties.cues import adds_to_toll, released
from helpers.extract.casualties.entities import entities_within
from helpers.extract.casualties.exclusions import exclusion
from helpers.extract.casualties.nouns import victim_group_of
from helpers.extract.casualties.scope import Scope
from helpers.knowledge.actors import ActorDictionary
from helpers.knowledge.casualty_lexicon import HARMED, Lexicon, casualty_cues, victim_sides


def casualty_row(
    article: Article,
    doc: Doc,
    sentence: Span,
    previous: Span | None,
    trigger: Token,
    outcome: str,
    count: Count,
    *,
    agent: Token | None,
    rule: str,
    group: str,
    scope: Scope,
    lexicon: Lexicon,
    places: Sequence[dict],
    main_place: dict | None,
    dictionary: ActorDictionary | None,
) -> dict:
    """Assemble one output row: a figure of ``trigger``'s sentence with its evidence and attribution."""
    perpetrator_token, from_previous = perpetrator_of(agent, trigger, sentence, previous, lexicon)
    perpetrator, perpetrator_id = actor_of(perpetrator_token, dictionary)
    by_attacker = attacked_by(perpetrator_token, rule, lexicon)
    # a figure's own place tells where people were harmed; where one was arrested ("arrested a man in
    # Tulsa in the Denver shootings") is no place of the violence the arrest is told with
    heads = [t for t in (count.span.root, count.victim) if t is not None and outcome != "arrested"]
    place, place_confidence = place_for(trigger, sentence, previous, places, main_place, article.text, heads)
    countries = [p["country"] for p in (place, main_place) if p and p.get("country")]
    unlinked = perpetrator and not perpetrator_id and dictionary is not None
    known_as = dictionary.described(perpetrator, countries) if unlinked else None
    if known_as is not None:  # "separatist fighters" in Cameroon's news
        perpetrator, perpetrator_id = known_as.canonical, known_as.actor_id
    victim_group = victim_group_of(count.victim, lexicon)
    if _own_side(perpetrator_token, count.victim):  # "clashes with the IS militants, leaving 17 militants
        perpetrator, perpetrator_id = "", ""  # killed": the militants' side did not kill them
    # "five members of the New People's Army", "a Hezbollah military commander": militants
    if victim_group in {"people", MEMBER_GROUPS["state_force"]}:
        victim_group = member_group(count.victim, dictionary) or victim_group
    quantity = count.quantity
    start, end = count.span.start_char, count.span.end_char
    reason = exclusion(article, start, end)
    if not reason and (cause := harm_cause(trigger)):
        reason = f"not violence ({cause})"
    if (
        not reason
        and outcome == "kidnapped"
        and any(released(t) for t in (trigger, count.victim) if t is not None)
    ):
        reason = "released, not taken"  # "Hamas freed 12 hostages"
    if reason == "boilerplate" and scope.scope == "current":
        scope = Scope("background", "", "a link to another story")
    if not reason and scope.scope != "current":
        reason = scope.scope
    ages = tuple(casualty_cues().age_adjective)  # "12 years old" is an age, not a time
    times = [
        e.text
        for e in entities_within(doc, sentence.start, sentence.end)
        if e.label_ in {"DATE", "TIME"} and not e.text.endswith(ages)
    ]
    return {
        "article_id": article.article_id,
        "start_char": start,
        "end_char": end,
        "text": count.span.text,
        "sentence": sentence.text.strip(),
        "outcome": "injured" if outcome == HARMED else outcome,
        "low": None if quantity is None else quantity.low,
        "high": None if quantity is None else quantity.high,
        "qualifier": "unspecified" if quantity is None else quantity.qualifier,
        "victim": phrase_of(count.victim) if count.victim is not None else "",
        "victim_group": victim_group,
        "perpetrator": perpetrator,
        "perpetrator_id": perpetrator_id,
        "place_id": (place or {}).get("place_id"),
        "place": (place or {}).get("canonical") or (place or {}).get("text"),
        "admin1": (place or {}).get("admin1"),
        "time": "; ".join(times),
        "rule": f"{rule}+{count.rule}",
        "confidence": round(
            count.confidence * (0.8 if from_previous else 1.0) * (0.5 + 0.5 * place_confidence), 2
        ),
        "includes_killed": outcome == HARMED,
        "group": group,
        "part_of": "",
        "scope": scope.scope,
        "scope_cue": scope.cue,
        "scope_reason": scope.reason,
        "victim_side": victim_sides()[victim_group],
        "excluded": bool(reason),
        "exclude_reason": reason,
        # For the toll (see tolls.supersede), taken off the row before it is returned:
        "_update": scope.update,
        "_addition": adds_to_toll(count.victim),
        # "a fifth victim" is one of a toll; "up from 27" is the toll before an update.
        "_restating": scope.earlier
        or (count.victim is not None and any(c.ent_type_ == "ORDINAL" for c in count.victim.children)),
        "_incident_place": incident_place(place, place_confidence),
        "_by_attacker": by_attacker,
    }


def _own_side(perpetrator: Token | Span | None, victim: Token | None) -> bool:
    """Whether the perpetrator is named by the victims' own noun, the victims named by it alone
    ("after clashes with the IS militants, leaving at least 17 militants killed"): the side a fight
    was with is not the killer of its own fighters.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = ["IS", "militants", "killed", "militants", "and", "Taliban", "militants"]
    >>> doc = Doc(Vocab(), words, heads=[1, 2, 2, 2, 3, 6, 3], deps=["compound", "nsubj", "ROOT", "dobj",
    ...     "cc", "compound", "conj"])
    >>> _own_side(doc[0:2], doc[3]), _own_side(doc[0:2], doc[6]), _own_side(doc[0:2], None)
    (True, False, False)
    """
    if perpetrator is None or victim is None:
        return False
    head = perpetrator.root if isinstance(perpetrator, Span) else perpetrator
    alone = not any(c.dep_ in {"compound", "amod", "poss"} for c in victim.children)
    return head.lower_ == victim.lower_ and head.i != victim.i and alone
