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
* A description of an armed group ("the group", "this terrorist organisation", "the enemy",
  "the militants", or "militants" as a subject or object) stands for the latest armed group the
  article named before it; with none named, it is left out.
* A dictionary name written as a common noun ("the coalition", "coalition airstrikes") is the
  actor when the article named that actor before (the alias "Coalition" alone needs capitals).

The pronouns and descriptions are data (``en/group_pronouns.csv``).

Pronouns of persons ("he", "I") are the persons extractor's (:mod:`helpers.extract.persons.pronouns`).
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from helpers import config
from helpers.articles import Article
from helpers.extract.evidence import SentenceIndex, evidence, sentence_index
from helpers.extract.mentions import place_columns
from helpers.extract.persons.name_spans import known_places
from helpers.extract.persons.pronouns import QuoteMarks
from helpers.extract.tokens import tokens_with_lower
from helpers.knowledge.actors import ActorDictionary, canonicalize, load_dictionary, lookup_key
from helpers.knowledge.vocabulary import read_vocabulary

#: Categories that are no writer's side ("we" outside a quotation).
NOT_WRITERS = frozenset({"armed_group", "militia", "media"})
#: Dependencies of a pronoun that stands for a party (subject, object, possessor).
PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "dative", "conj"})
#: Kinds of ``group_pronouns.csv`` that are pronouns.
PRONOUN_KINDS = frozenset({"first", "plural"})
#: Categories a description ("the group", "the militants") refers back to.
ARMED = frozenset({"armed_group", "militia"})
#: Determiners of a description that refers back ("the group", "this terrorist organisation").
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Dependencies of a dictionary name written as a common noun that stands for the actor: a
#: modifier ("coalition airstrikes"); otherwise it needs "the" ("the coalition").
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})


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
    sentences = sentence_index(doc)
    marks = QuoteMarks(article)
    writer = _writer(doc, named)
    rows = []
    for token in tokens_with_lower(doc, [word for word, kind in words.items() if kind in PRONOUN_KINDS]):
        kind = words[token.lower_]
        if token.pos_ != "PRON":
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
            rows.append(_row(span, actor, article, sentences))
    rows += [_row(span, actor, article, sentences) for span, actor in _descriptions(doc, named, words)]
    rows += [
        _row(span, actor, article, sentences)
        for span, actor in _common_nouns(doc, named, dictionary or load_dictionary())
    ]
    return [row for row in rows if article.is_extractable(row["start_char"], row["end_char"])]


def _row(span: Span, actor: dict, article: Article, sentences: SentenceIndex) -> dict:
    """An ORG row of ``span`` with ``actor``'s columns and no place."""
    row = dict(evidence(span, article, sentences), label="ORG")
    row.update({key: actor[key] for key in ("actor_id", "canonical", "category")}, **place_columns(None))
    return row


def _descriptions(doc: Doc, named: list[dict], words: dict[str, str]) -> list[tuple[Span, dict]]:
    """Descriptions of an armed group with the latest armed group named before each."""
    latest, last = [], None  # latest[k]: the latest armed group among named[: k + 1]
    for mention in named:
        if mention["category"] in ARMED and not mention["actor_id"].startswith("org:"):
            last = mention
        latest.append(last)
    if last is None:
        return []
    starts = [m["start_char"] for m in named]
    found = []
    for token in doc:
        span = _description(token, words)
        k = bisect_left(starts, token.idx) - 1 if span is not None else -1
        if k >= 0 and latest[k] is not None:
            found.append((span, latest[k]))
    return found


def _description(token: Token, words: dict[str, str]) -> Span | None:
    """The description of a group ``token`` heads, if it refers back: "the group", "this terrorist
    organisation", "the enemy", "these brutal terrorists", "enemy fighters", or a plural head as a
    subject or object ("militants attacked"); not "a group", "his fighters", "the campaign group",
    "the group of airmen" or "Kurdish fighters" (a nationality is no group named before)."""
    kind = words.get(token.lower_)
    if kind not in {"group", "members"} or token.pos_ != "NOUN" or token.ent_type_:
        return None
    lefts = list(token.lefts)
    describers = {"describer", "group"}
    for child in lefts:
        if (
            child.dep_ in {"poss", "nmod"}
            or (child.dep_ == "compound" and words.get(child.lower_) not in describers)
            or (child.dep_ == "amod" and (child.ent_type_ or child.pos_ != "ADJ"))
            or (child.dep_ == "det" and child.lower_ not in DEFINITE)
        ):
            return None
    if any(child.dep_ == "prep" and child.lower_ == "of" for child in token.rights):
        return None
    definite = any(child.dep_ == "det" for child in lefts)
    if not definite and (kind == "group" or token.dep_ not in PARTY_DEPS):
        return None
    start = min((c.i for c in lefts if c.dep_ in {"det", "amod", "compound"}), default=token.i)
    return token.doc[start : token.i + 1]


def _common_nouns(doc: Doc, named: list[dict], dictionary: ActorDictionary) -> list[tuple[Span, dict]]:
    """Dictionary names written as common nouns ("the coalition", "coalition airstrikes") whose
    actor (not an outlet) the article named before."""
    found, seen, k = [], set(), 0
    for token in tokens_with_lower(doc, (), pos={"NOUN"}):
        while k < len(named) and named[k]["start_char"] < token.idx:
            seen.add(named[k]["actor_id"])
            k += 1
        if not token.is_lower or token.pos_ != "NOUN" or token.ent_type_:
            continue
        actor = dictionary.get(dictionary.folded_index.get(token.lower_, ""))
        if (
            actor is None
            or actor.actor_id not in seen
            or actor.category == "media"
            or not (token.dep_ in MODIFIER_DEPS or any(c.lower_ == "the" for c in token.lefts))
        ):
            continue
        link = {"actor_id": actor.actor_id, "canonical": actor.canonical, "category": actor.category}
        found.append((token.doc[token.i : token.i + 1], link))
    return found


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
