"""How far a place name reaches in the tokens: a name grown by the words next to it when the
longer phrase is a place's ("New Jersey", "Davao del Sur"), and names joined by hyphens and a
Persian linking vowel that the tokenizer splits ("Pul-e Khumri")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from helpers.knowledge.gazetteer import Gazetteer
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place_names import doubtful_name

#: Entity labels of a one-word place name a name next to it may take in ("Northern" + "Samar").
PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC"})
#: Kinds of places whose alternate names may also grow a name ("South Darfur").
AREA_KINDS = frozenset({"country", "admin1", "admin2", "region"})
#: Kinds of area news names with a lower-case direction before its name ("southern Lebanon"); a
#: state is not ("the western Darfur region" is the west of Darfur, not West Darfur state).
DIRECTED_AREAS = frozenset({"region"})


def is_main_name(name: str, gazetteer: Gazetteer) -> bool:
    """A name written as a place's main name, or as any name of an area ("South Darfur")."""
    return not doubtful_name(name) and any(
        m.exact and (m.main or m.place.kind in AREA_KINDS) for m in gazetteer.candidates(name)
    )


def _extension(doc: Doc, at: int, step: int) -> int:
    """How many tokens from ``at`` (going by ``step``) may join a name: a capitalised word
    outside any entity or of a one-word place entity (the NER's "Northern" and "Samar" of
    "Northern Samar province"), or a linking word and one ("Davao del Sur", "Jaral del Progreso");
    before the name, a lower-case word too ("southern Lebanon", a region's name as news writes it)."""

    def free_title(i: int) -> bool:
        if not (0 <= i < len(doc) and doc[i].is_title):
            return False
        token = doc[i]
        alone = token.ent_iob_ == "B" and (i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I")
        return not token.ent_type_ or (token.ent_type_ in PLACE_ENTITY_LABELS and alone)

    if free_title(at):
        return 1
    word = doc[at] if 0 <= at < len(doc) else None
    if (
        step < 0
        and word is not None
        and word.is_lower
        and word.pos_ in ("ADJ", "NOUN")
        and not word.ent_type_
    ):
        return 1  # "southern Lebanon": a region written with a lower-case direction (not "the Sahel")
    linked = 0 <= at < len(doc) and doc[at].lower_ in function_words().name_links and not doc[at].ent_type_
    return 2 if linked and free_title(at + step) else 0


def extend_span(doc: Doc, span: Span, gazetteer: Gazetteer) -> Span:
    """Grow a place name by the words next to it when the longer phrase is itself the main
    name of a place: the NER and the dictionary match often leave out "New" or "Western"
    ("New Jersey", "Western Australia") or a linked word ("Davao del Sur")."""
    start, end = span.start, span.end
    left = _extension(doc, start - 1, -1)
    name = doc[start - left : end].text
    # a lower-case word joins only an area's name ("southern Lebanon"; not "east London", a town)
    directed = not (left and doc[start - 1].is_lower) or any(
        m.exact and m.place.kind in DIRECTED_AREAS for m in gazetteer.candidates(name)
    )
    if left and directed and is_main_name(name, gazetteer):
        start -= left
    right = _extension(doc, end, 1)
    if right and is_main_name(doc[start : end + right].text, gazetteer):
        end += right
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


def linked_names(doc: Doc) -> list[Span]:
    """Names joined by hyphens and a Persian linking vowel, which the tokenizer splits and the NER
    reads in part ("Pul-e Khumri" read as "Pul", "Chisht-e Sharif" as "Sharif"): a capitalised word,
    a hyphen, the vowel (``hyphen_link``), a hyphen or a space, and a capitalised word.

    >>> import spacy
    >>> doc = spacy.blank("en")("Clashes in Pul-e Khumri and Mazar-i-Sharif, not in a well - e Day.")
    >>> [s.text for s in linked_names(doc)]
    ['Pul-e Khumri', 'Mazar-i-Sharif']
    """
    links = function_words().hyphen_links
    found = []
    i = 0
    while i + 3 < len(doc):
        first, hyphen, vowel = doc[i], doc[i + 1], doc[i + 2]
        joined = not first.whitespace_ and hyphen.text == "-" and not hyphen.whitespace_
        if first.is_title and joined and vowel.lower_ in links:
            end = i + 3
            if not vowel.whitespace_ and doc[end].text == "-" and not doc[end].whitespace_:
                end += 1  # "Mazar-i-Sharif"
            if end < len(doc) and doc[end].is_title and (vowel.whitespace_ or end > i + 3):
                found.append(doc[i : end + 1])
                i = end + 1
                continue
        i += 1
    return found
