"""Organisations referred to by "we" or "they": one linear pass, no coreference model.

* "we" outside a quotation is the writer's side: the first organisation or state of the
  dictionary (or a state actor) the text makes the subject of a sentence ("The UK condemns the
  attack. We stand with Iraq": the UK's government); an armed group or an outlet is not a
  writer's side.
* "we" inside a quotation is the speaker's organisation: the affiliation the article gives the
  person named nearest the quotation in its paragraph; with no person named there, the
  organisation named nearest outside the quotation marks ("the ministry said: 'we ...'").
* "they" stands for the latest organisation (an ORG name, not a country) named in its sentence
  or the previous one.

The pronouns are data (``en/group_pronouns.csv``).

Pronouns of persons ("he", "I") are the persons extractor's (:mod:`helpers.extract.persons.pronouns`).
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from helpers import config
from helpers.articles import Article
from helpers.extract.evidence import SentenceIndex, evidence
from helpers.extract.mentions import place_columns
from helpers.extract.persons.name_spans import known_places
from helpers.extract.persons.pronouns import QuoteMarks
from helpers.knowledge.actors import ActorDictionary, canonicalize, load_dictionary, lookup_key
from helpers.knowledge.vocabulary import read_vocabulary

#: Categories that are no writer's side ("we" outside a quotation).
NOT_WRITERS = frozenset({"armed_group", "militia", "media"})
#: Dependencies of a pronoun that stands for a party (subject, object, possessor).
PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "dative", "conj"})


@functools.lru_cache(maxsize=4)
def group_pronouns(language: str = config.DEFAULT_LANGUAGE) -> dict[str, str]:
    """Pronoun to its kind (``first`` or ``plural``), from ``group_pronouns.csv``.

    >>> words = group_pronouns()
    >>> words["we"], words["they"], "its" in words
    ('first', 'plural', False)
    """
    return {row["word"]: row["kind"] for row in read_vocabulary("group_pronouns.csv", language)}


def actor_pronouns(
    doc: Doc,
    article: Article,
    mentions: Sequence[dict],
    *,
    persons: Sequence[dict] = (),
    dictionary: ActorDictionary | None = None,
) -> list[dict]:
    """``mentions`` rows for the pronouns that stand for an organisation or a state.

    Args:
        doc: The parsed article.
        article: The article ``doc`` was parsed from.
        mentions: The article's mention rows; those with an actor (not media) are antecedents.
        persons: Its ``person_mentions`` rows (speakers and their affiliations).
        dictionary: Actor dictionary the affiliations are linked through.

    Returns:
        One ORG row per resolved pronoun, with the antecedent's actor columns and no place.
    """
    words = group_pronouns()
    named = sorted(
        (
            m
            for m in mentions
            if m["actor_id"] and m["category"] != "media" and m["text"].lower() not in words
        ),
        key=lambda m: m["start_char"],
    )
    if not named:
        return []
    starts = [m["start_char"] for m in named]
    affiliations: dict[str, str] = {}
    for person in persons:
        if person["affiliation"]:
            affiliations.setdefault(person["canonical"], person["affiliation"])
    speakers = [
        {**p, "affiliation": affiliations.get(p["canonical"], "")} for p in persons if p["role"] == "actor"
    ]
    sentences = SentenceIndex(doc)
    marks = QuoteMarks(article)
    writer = _writer(doc, named)
    rows = []
    for token in doc:
        kind = words.get(token.lower_)
        if kind is None or token.pos_ != "PRON" or not article.is_extractable(token.idx, token.idx + 1):
            continue
        span = doc[token.i : token.i + 1]
        if kind == "first":
            actor = (
                _speaker_side(doc, article, sentences, token.idx, named, speakers, marks, dictionary)
                if marks.inside(token.idx)
                else writer
            )
        else:
            actor = _antecedent(span, named, starts, sentences)
        if actor is not None:
            row = dict(evidence(span, article, sentences), label="ORG")
            row.update(
                {key: actor[key] for key in ("actor_id", "canonical", "category")}, **place_columns(None)
            )
            rows.append(row)
    return rows


def _writer(doc: Doc, named: list[dict]) -> dict | None:
    """The first organisation or state that is the subject of a sentence, known to the dictionary (a
    name the recogniser guessed, such as "WE'VE" in a transcript in capitals, is none) and not an
    armed group or outlet."""
    for mention in named:
        span = doc.char_span(mention["start_char"], mention["end_char"], alignment_mode="expand")
        known = not mention["actor_id"].startswith("org:")
        if (
            known
            and mention["category"] not in NOT_WRITERS
            and span is not None
            and span.root.dep_ == "nsubj"
        ):
            return mention
    return None


def _antecedent(pronoun: Span, named: list[dict], starts: list[int], sentences: SentenceIndex) -> dict | None:
    """The latest organisation named in the pronoun's sentence or the previous one."""
    token = pronoun[0]
    if token.dep_ not in PARTY_DEPS:
        return None
    number, _ = sentences.of(pronoun)
    floor = sentences.sentences[max(number - 1, 0)].start_char
    for k in range(bisect_left(starts, token.idx) - 1, -1, -1):
        if named[k]["start_char"] < floor:
            return None
        if named[k]["label"] == "ORG":
            return named[k]
    return None


def _speaker_side(
    doc: Doc,
    article: Article,
    sentences: SentenceIndex,
    char: int,
    named: list[dict],
    speakers: list[dict],
    marks: QuoteMarks,
    dictionary: ActorDictionary | None,
) -> dict | None:
    """The organisation of the speaker of a quotation: the affiliation the article gives the person
    named nearest in the paragraph, else the organisation named outside quotation marks in that
    person's sentence ("Gen. Ann Roe, commander of the Northern Command, said"); with no person
    named there, the organisation named nearest outside quotation marks ("the ministry said")."""
    paragraph = article.paragraph_at(char)
    if paragraph is None:
        return None

    def near(rows: list[dict], to: int) -> list[dict]:
        here = [r for r in rows if paragraph.start <= r["start_char"] < paragraph.end]
        return sorted(here, key=lambda r: abs(r["start_char"] - to))

    outside = [m for m in named if not marks.inside(m["start_char"])]
    people = near(speakers, char)
    if not people:
        return next(iter(near(outside, char)), None)
    speaker = people[0]
    if speaker["affiliation"]:
        link = canonicalize(speaker["affiliation"], "ORG", dictionary=dictionary or load_dictionary())
        if not link["in_dictionary"] and lookup_key(speaker["affiliation"]) in known_places():
            return None  # "the Jackson police chief": a town, no organisation of the dictionary
        return {key: link[key] for key in ("actor_id", "canonical", "category")}
    token = doc.char_span(speaker["start_char"], speaker["end_char"], alignment_mode="expand")
    if token is None:
        return None
    _, sentence = sentences.of(token)
    return next(
        (
            m
            for m in near(outside, speaker["start_char"])
            if sentence.start_char <= m["start_char"] < sentence.end_char
        ),
        None,
    )
