"""Nouns of ground, and a country named as the owner of a thing, not as the place where something
happened.

A noun names ground when it is a place name, a place noun ("the town", ``place_nouns.csv``) or a
noun of ground a force takes or holds ("positions", ``event_cues.csv``): "captured the town" takes
territory, "captured the suspect" does not (read by the event triggers).

"Russia's state-run news agency", "the US embassy", "Venezuela's president" name the country an
actor or a building belongs to; a bombing "near the US embassy" in Kabul happened in Kabul, and the
figures of a sentence after it are Kabul's. "Afghanistan's Helmand province" names a place: the
thing owned is ground. A country that backs or is linked to a group ("the Iran-backed Kataib
Hezbollah", ``force_words.csv`` kind ``affiliation``) is no place either. Read by the casualties'
place of a figure and by the events' places.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from helpers.knowledge.actor_names import force_words
from helpers.knowledge.event_types import ground_words
from helpers.knowledge.vocabulary import place_nouns

#: Entity labels of places.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
#: Dependents by which a country names the owner of a thing, not a place ("Russia's news agency",
#: "a U.S. military outpost").
OWNER = frozenset({"poss", "compound", "nmod"})
#: Prepositions by which a thing owned is placed ("a U.S. military outpost in northeastern Jordan").
PLACED_BY = frozenset({"in", "near", "at", "inside", "outside"})


def is_ground(token: Token) -> bool:
    """Whether a noun names a place or ground: a place name, a place noun, a noun of ground."""
    if token.ent_type_ in PLACE_ENTITIES:
        return True
    lemma = token.lemma_.lower() or token.lower_  # no lemma without a lemmatiser
    nouns = place_nouns()
    return lemma in ground_words() or any(
        lemma in kind for kind in (nouns.admin, nouns.district, nouns.settlement, nouns.locality)
    )


def names_patron(span: Span) -> bool:
    """Whether a name is joined by a hyphen to a participle of affiliation ("the Iran-backed
    militia", "the al Qaeda-linked JNIM": ``force_words.csv`` kind ``affiliation``): it names the
    patron or ally of the group described, not the group.

    >>> import spacy
    >>> doc = spacy.blank("en")("an Iran-backed militia and US-made arms")
    >>> names_patron(doc[1:2]), names_patron(doc[6:7])
    (True, False)
    """
    doc = span.doc
    if span.end + 1 >= len(doc):
        return False
    hyphen = doc[span.end]
    return (
        hyphen.text == "-"
        and not hyphen.whitespace_
        and doc[span.end + 1].lower_ in force_words().affiliations
    )


def owner_country(doc: Doc, place: dict) -> bool:
    """Whether a country is named as the owner of a thing that is no place ("Russia's state-run news
    agency", "the US embassy", "Venezuela's president"): the actor's country, not where it happened
    ("Afghanistan's Helmand province" names a place), or as the patron of a group ("Iran-backed").

    Args:
        doc: The parsed article.
        place: A ``place_mentions`` row (``kind``, ``start_char``, ``end_char``).
    """
    if place.get("kind") != "country":
        return False
    span = doc.char_span(place["start_char"], place["end_char"], alignment_mode="expand")
    if span is None or not len(span):
        return False
    if names_patron(span):  # "the Iran-backed militia"
        return True
    root = span.root
    if root.dep_ not in OWNER or root.head.i == root.i:
        return False
    thing = root.head  # the noun the modifiers end in ("Russia's state news agency": agency)
    while thing.dep_ in OWNER and thing.head.i != thing.i:
        thing = thing.head
    # ground owned that lies in a place named after it is that owner's, not there ("a U.S. military
    # outpost in northeastern Jordan"); "Afghanistan's Helmand province" is the country's ground
    placed = any(
        c.dep_ == "prep" and c.lower_ in PLACED_BY and any(g.ent_type_ in PLACE_ENTITIES for g in c.children)
        for c in thing.children
    )
    return not is_ground(thing) or placed


def in_organisation_name(span: Span | None) -> bool:
    """Whether a place is named inside the name of an organisation, not of a longer place ("the West
    Papua National Liberation Army", "Baghdad Operations Command"; not "Himamaylan City" nor "Duk
    County"): the entity around it ends in a word that is no place noun.

    >>> import spacy
    >>> doc = spacy.blank("en")("the West Papua National Liberation Army and Himamaylan City")
    >>> doc.ents = [doc.char_span(4, 39, "ORG"), doc.char_span(44, 59, "ORG")]
    >>> in_organisation_name(doc[2:4]), in_organisation_name(doc[8:9])
    (True, False)
    """
    if span is None:
        return False
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return (start, end) != (span.start, span.end) and not is_ground(doc[end - 1])
