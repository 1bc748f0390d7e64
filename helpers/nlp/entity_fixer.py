"""The entity fixer: repairs the statistical NER's spans around ranks, titles and names.

Placed after the NER by :func:`helpers.nlp.actor_rules.add_pipeline_components`.
It trims rank words from the end of organisations ("Baghdad Operations Command
Lieutenant"), moves ranks and titles into the person they belong to
("Lieutenant General Abdul Amir Yarallah"), turns titled proper nouns into
persons and keeps one label per name in a document. The rank and title words
come from ``title_words.csv`` (:func:`helpers.knowledge.titles.title_words`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from helpers.knowledge.gazetteer import default_gazetteer
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place_names import common_words, person_names
from helpers.knowledge.titles import title_words
from helpers.knowledge.vocabulary import calendar_words, name_part_nouns

FIXER_NAME = "sitrep_entity_fixer"


def _title_word(token: Token) -> bool:
    """True for a capitalised rank/title word ("Gen.", "Lieutenant", "Lt")."""
    word = token.text.rstrip(".").lower()
    return word in title_words().words and not token.is_lower


def person_title_length(span: Span) -> int:
    """Number of leading rank/title tokens (and their dots) in a PERSON span.

    Args:
        span: A PERSON span.

    Returns:
        How many tokens of rank and title words (with the dots after them) start
        the span; 0 when they make up the whole span.

    >>> import spacy
    >>> doc = spacy.blank("en")("Lt . Gen. Stephen Townsend")
    >>> person_title_length(doc[:])
    3
    """
    length = 0
    for token in span:
        if _title_word(token) or (token.text == "." and length and _title_word(span[length - 1])):
            length += 1
        else:
            break
    return length if length < len(span) else 0


def _first_of_list(ent: Span, by_start: dict[int, Span]) -> bool:
    """True for a name another of its kind follows after a comma, "and" or "or" ("Kirkuk, Diyala")."""
    doc, at = ent.doc, ent.end
    words = function_words()
    while at < len(doc) and doc[at].lower_ in words.list_conjunctions | words.list_symbols:
        at += 1
    following = by_start.get(at)
    return at > ent.end and following is not None and following.label_ == ent.label_


def _name_word(token: Token) -> bool:
    """A title-case word of a person's name (``en/person_names.csv``) that is no common word, month,
    weekday or place noun ("Castle", "High", "East", "Street", "April" are surnames or given names too).
    """
    word = token.text
    return (
        token.is_title
        and word in person_names()
        and word.lower() not in common_words()
        and word.lower() not in name_part_nouns()
        and word not in calendar_words()
    )


def _names_place(words: Span, hit_id: str) -> bool:
    """Whether the words are a place's name, or begin with a country ("Brazil Raul Schmidt")."""
    place = default_gazetteer().get(hit_id) if hit_id.startswith("gn:") else None
    return (place is not None and place.kind == "country") or bool(default_gazetteer().candidates(words.text))


def _given_name_end(doc: Doc, hit: Span, identified: set[int]) -> int | None:
    """Where the person's name a one-word dictionary hit begins ends ("Isis Allen", "Kobe Bryant"),
    or ``None`` when the hit is no given name: a country ("the ambassador to Brazil Raul Schmidt"), no
    name word after it, a longer name going on, the words a place's name ("San Carlos"), or a place
    whose surname the article does not name again (a town's "Parks and Recreation", "Windsor Law")."""
    end = hit.end
    while end < len(doc) and end not in identified and _name_word(doc[end]):
        end += 1
    if end == hit.end:  # most hits: no name word after them, no gazetteer look-up
        return None
    place = default_gazetteer().get(hit.ent_id_) if hit.ent_id_.startswith("gn:") else None
    goes_on = end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN"
    if goes_on or _names_place(doc[hit.start : end], hit.ent_id_):
        return None
    surname = doc[end - 1].text
    again = any(t.text == surname for t in doc if not hit.start <= t.i < end)
    return end if place is None or again else None


class EntityFixer:
    """Repairs NER span errors that matter for actors and persons.

    * A non-person entity ending with rank words loses them ("Baghdad Operations
      Command Lieutenant" becomes "Baghdad Operations Command").
    * An organisation ending in a preposition ("the University of", "Operations Command for")
      goes on over the name it governs ("the University of Mosul"), or, when that name begins a
      list or none follows, stops before the preposition ("Operations Command" for "Operations
      Command for Kirkuk, Diyala and Salahuddin provinces": the command of each).
    * An organisation made only of adjectives (left over as "the Kurdish" before a
      dictionary hit in "the Kurdish YPG") becomes NORP, without the article.
    * With ``person_titles``, a PERSON span grows leftward over the rank and title
      words right before it, including ones just trimmed from an organisation.
    * Capitalised proper nouns outside any entity right after a title become a
      PERSON ("President Hollande", "Mr Alzoubi"), with the title when ``person_titles``; so does
      a one-word place the NER found between a title and such a word ("officer Anand Jain").
    * One label per name in a document: a statistical entity made only of words of
      a PERSON named elsewhere in the doc becomes PERSON ("Votel" after "Gen.
      Joseph L. Votel"); dictionary and gazetteer hits (with an id) are kept, except a
      one-word hit written as a name right before a surname or given name, the two no
      place's name ("San Carlos"): a person's given name ("Isis Allen", a girl, not the Islamic
      State; "Kobe Bryant", not the Japanese city, when "Bryant" comes again), and the bare word
      again in that doc unless a noun follows it ("Isis was taken to a hospital", not "Isis
      fighters").
    """

    def __init__(self, *, person_titles: bool = True) -> None:
        self.person_titles = person_titles

    def __call__(self, doc: Doc) -> Doc:
        by_start = {ent.start: ent for ent in doc.ents}
        entities = [
            self._modifier_to_norp(self._governed(self._trim_ranks(ent), by_start)) for ent in doc.ents
        ]
        entities = [ent for ent in entities if ent is not None]
        entities += self._titled_names(doc, entities)
        entities = self._titled_misreads(entities)
        entities = self._given_names(doc, entities)
        entities = self._consistent_persons(entities)
        if self.person_titles:
            taken = {
                token_index
                for ent in entities
                if ent.label_ != "PERSON"
                for token_index in range(ent.start, ent.end)
            }
            entities = [self._with_titles(ent, taken) if ent.label_ == "PERSON" else ent for ent in entities]
        doc.ents = filter_spans(entities)
        return doc

    @staticmethod
    def _consistent_persons(entities: list[Span]) -> list[Span]:
        name_words = {
            token.text
            for ent in entities
            if ent.label_ == "PERSON"
            for token in ent
            if token.is_title and not _title_word(token)
        }
        return [
            Span(ent.doc, ent.start, ent.end, label="PERSON")
            if ent.label_ != "PERSON"
            and not ent.ent_id_
            and len(ent) <= 2
            and all(token.text in name_words for token in ent)
            else ent
            for ent in entities
        ]

    @staticmethod
    def _given_names(doc: Doc, entities: list[Span]) -> list[Span]:
        """One-word dictionary hits that are a person's given name (see the class docstring)."""
        identified = {i for ent in entities if ent.ent_id_ for i in range(ent.start, ent.end)}
        given: dict[int, Span] = {}  # a hit's start -> the person it begins
        for ent in entities:
            if ent.ent_id_ and len(ent) == 1 and ent[0].is_title:  # "ISIS" is written as initials
                end = _given_name_end(doc, ent, identified)
                if end is not None:
                    given[ent.start] = Span(doc, ent.start, end, label="PERSON")
        if not given:
            return entities
        words = {doc[start].text for start in given}
        return [
            given.get(ent.start)
            or (
                Span(doc, ent.start, ent.end, label="PERSON")
                if ent.ent_id_
                and len(ent) == 1
                and ent.text in words
                and not (ent.end < len(doc) and doc[ent.end].pos_ in ("NOUN", "PROPN"))
                else ent
            )
            for ent in entities
        ]

    @staticmethod
    def _titled_names(doc: Doc, entities: list[Span]) -> list[Span]:
        taken = {index for ent in entities for index in range(ent.start, ent.end)}
        names = []
        for token in doc[:-1]:
            if (
                token.i in taken
                or not _title_word(token)
                or token.text.rstrip(".").lower() not in title_words().introduce_name
            ):
                continue
            end = token.i + 1 + (doc[token.i + 1].text == ".")
            start = end
            while (
                end < len(doc)
                and end not in taken
                and doc[end].pos_ == "PROPN"
                and doc[end].is_title
                and not _title_word(doc[end])
            ):
                end += 1
            if end > start:
                names.append(Span(doc, start, end, label="PERSON"))
        return names

    @staticmethod
    def _titled_misreads(entities: list[Span]) -> list[Span]:
        """A one-word place the NER or the gazetteer found right after a title word and before a
        capitalised word outside any entity is a person's given name ("said police officer Anand
        Jain": not the town Anand), unless it is a country or the words name a place together
        ("Kano State")."""
        taken = {index for ent in entities for index in range(ent.start, ent.end)}
        persons = {ent.start: ent.end for ent in entities if ent.label_ == "PERSON"}
        fixed = []
        for ent in entities:
            doc, end = ent.doc, ent.end
            if (
                len(ent) == 1
                and ent.label_ in {"GPE", "LOC"}
                and ent.start > 0
                and doc[ent.start - 1].text.rstrip(".").lower() in title_words().words
            ):
                end = persons.get(end, end)  # the surname the NER did call a person ("Anand [Mehra]")
                while (
                    end < len(doc)
                    and end not in taken
                    and doc[end].pos_ == "PROPN"
                    and doc[end].is_title
                    and doc[end].lower_ not in name_part_nouns()
                ):
                    end += 1
            if end > ent.end and not _names_place(doc[ent.start : end], ent.ent_id_):
                ent = Span(doc, ent.start, end, label="PERSON")
            fixed.append(ent)
        return fixed

    @staticmethod
    def _modifier_to_norp(ent: Span | None) -> Span | None:
        """An ORG of adjectives, or of one word right before a dictionary actor, is a modifier."""
        if ent is None or ent.label_ != "ORG" or ent.ent_id_:
            return ent
        doc = ent.doc
        start = ent.start + (ent[0].pos_ == "DET")
        words = doc[start : ent.end]
        before_actor = ent.end < len(doc) and bool(doc[ent.end].ent_id_)
        if len(words) and (all(token.pos_ == "ADJ" for token in words) or (before_actor and len(words) == 1)):
            return Span(doc, start, ent.end, label="NORP")
        return ent

    @staticmethod
    def _governed(ent: Span | None, by_start: dict[int, Span]) -> Span | None:
        """An organisation that ends in a preposition, over the name it governs or without it."""
        if ent is None or ent.label_ != "ORG" or ent.ent_id_ or len(ent) < 2 or ent[-1].pos_ != "ADP":
            return ent
        doc = ent.doc
        after = ent.end + (ent.end < len(doc) and doc[ent.end].lower_ in function_words().definite_articles)
        governed = by_start.get(after)
        if (
            governed is not None
            and governed.label_ != "PERSON"
            and not (governed.label_ == "ORG" and governed.ent_id_)  # a dictionary actor stays itself
            and not _first_of_list(governed, by_start)
        ):
            return Span(doc, ent.start, governed.end, label=ent.label_)
        end = ent.end - 1
        if end - ent.start <= (ent[0].pos_ == "DET"):
            return None
        return Span(doc, ent.start, end, label=ent.label_)

    @staticmethod
    def _trim_ranks(ent: Span) -> Span | None:
        if ent.label_ == "PERSON" or ent.ent_id_:
            return ent
        end = ent.end
        while (
            end > ent.start
            and ent.doc[end - 1].text.rstrip(".").lower() in title_words().end_organisation
            and not ent.doc[end - 1].is_lower
        ):
            end -= 1
        if end == ent.end:
            return ent
        if end == ent.start:
            return None
        return Span(ent.doc, ent.start, end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)

    @staticmethod
    def _with_titles(ent: Span, taken: set[int]) -> Span:
        doc = ent.doc
        start = ent.start
        while start > 0 and start - 1 not in taken:
            previous = doc[start - 1]
            if _title_word(previous) or (previous.text == "." and start > 1 and _title_word(doc[start - 2])):
                start -= 1
            else:
                break
        while start < ent.start and doc[start].text == ".":
            start += 1
        if start == ent.start:
            return ent
        return Span(doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)


@Language.factory(FIXER_NAME, default_config={"person_titles": True})
def make_entity_fixer(nlp: Language, name: str, person_titles: bool) -> EntityFixer:
    """spaCy factory for :class:`EntityFixer` (registered on import of this module)."""
    return EntityFixer(person_titles=person_titles)
