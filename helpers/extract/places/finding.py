"""Find the place mentions of one parsed article (before they are resolved).

Mentions come from:

* GPE, LOC and FAC entities (role ``event``);
* entities of other labels whose whole text is a known place name (the small
  English model tags "Erbil" ORG and "Salahuddin" PERSON; role ``event``);
* place names inside organisation names ("Baghdad Operations Command" ->
  Baghdad; role ``nested``);
* known place names the NER missed entirely (the
  :func:`~helpers.nlp.place_rules.ruler_patterns` names, plus lower-case region
  names such as "disputed territories", kept only when the article's country
  fits; role ``event``);
* the dateline (role ``dateline``; it lies outside every paragraph);
* demonyms ("Iraqi", "Syrians"; role ``demonym``).

"Town, Division" and "Town, Country" ("Greer, S.C.", "Tikrit, Salahuddin")
mark both names with the places they may be (``allowed``): the town inside the
division, the division holding the town.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from helpers import config
from helpers.articles import Article
from helpers.knowledge.gazetteer import Gazetteer, default_gazetteer
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place import CITY_POPULATION, FOCUS_COUNTRIES, Place
from helpers.knowledge.place_names import admin1_abbreviations, aliases, demonyms, stopnames
from helpers.nlp.place_rules import NESTED_MIN_POPULATION, ruler_patterns

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels whose whole text may be a mislabelled place ("Erbil" ORG, "Salahuddin" PERSON).
MISLABEL_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
# Labels whose text may contain a place name ("Baghdad Operations Command"); not PERSON.
NESTING_LABELS = frozenset({"ORG", "FAC", "LOC", "GPE", "EVENT", "WORK_OF_ART", "PRODUCT"})


class Mention(dict):
    """A row under construction (a dict with the mention's token span attached)."""

    span: Span


#: The ``add`` function of :func:`find_mentions`: appends a row for a span (``None`` when not extractable).
AddMention = Callable[..., Mention | None]


def mention_sentence(doc: Doc, article: Article, start: int, end: int) -> str:
    """The sentence of a mention, clipped to its paragraph (titles run into leads).

    Args:
        doc: The parsed article.
        article: The article (its text and paragraphs).
        start: The mention's first character.
        end: The character after the mention.

    Returns:
        The sentence's text, stripped ("" when the offsets fall outside the doc's tokens).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    sent_start, sent_end = span.sent.start_char, span.sent.end_char
    paragraph = article.paragraph_at(start)
    if paragraph is not None:
        sent_start, sent_end = max(sent_start, paragraph.start), min(sent_end, paragraph.end)
    return article.text[sent_start:sent_end].strip()


@lru_cache(maxsize=4)
def _trimmers(language: str = config.DEFAULT_LANGUAGE) -> tuple[re.Pattern, re.Pattern]:
    """A leading article ("the", "The") with its space, and a trailing possessive ("'s", "’")."""
    words = function_words(language)
    articles = "|".join(
        f"{re.escape(a)}|{re.escape(a.capitalize())}" for a in sorted(words.definite_articles)
    )
    possessives = "|".join(map(re.escape, sorted(words.possessive_endings, key=len, reverse=True)))
    return re.compile(rf"^({articles})\s+"), re.compile(rf"({possessives})$")


def _clean_span(doc: Doc, span: Span) -> Span | None:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    leading, trailing = _trimmers()
    start, end = span.start_char, span.end_char
    text = span.text  # not doc.text: spaCy rebuilds the whole text on every access
    lead = leading.match(text)
    if lead:
        start += lead.end()
    trail = trailing.search(text[start - span.start_char :])
    if trail:
        end -= len(trail.group())
    return doc.char_span(start, end, label=span.label_, alignment_mode="contract") if end > start else None


def _strong_place(name: str, gazetteer: Gazetteer, *, min_population: int) -> bool:
    """True when ``name`` is the main name (or alias) of a country, division, region or big town."""
    if name in stopnames() or not name[:1].isupper():
        return False
    return any(
        is_main
        and (
            p.kind in ("country", "admin1", "region")
            or p.population >= min_population
            or (p.country in FOCUS_COUNTRIES and p.population >= CITY_POPULATION)
        )
        for p, is_main in gazetteer.candidates(name)
    )


def _nested_spans(doc: Doc, span: Span, gazetteer: Gazetteer) -> list[Span]:
    """Known place names inside a longer entity, longest first, non-overlapping.

    Candidates are title-case words ending in a letter, or curated aliases such as
    "U.S." and "US" ("the U.S. Federal Trade Commission", "US forces").
    """
    found: list[Span] = []
    taken: set[int] = set()
    for size in range(min(4, len(span)), 0, -1):
        for i in range(span.start, span.end - size + 1):
            sub = doc[i : i + size]
            if taken & set(range(i, i + size)) or not (
                (sub[0].is_title and sub[-1].is_alpha) or sub.text in aliases()
            ):
                continue
            if sub.text in demonyms() or _strong_place(
                sub.text, gazetteer, min_population=NESTED_MIN_POPULATION
            ):
                found.append(sub)
                taken.update(range(i, i + size))
    return sorted(found, key=lambda s: s.start)


def _is_main_name(name: str, gazetteer: Gazetteer) -> bool:
    return name not in stopnames() and any(is_main for _p, is_main in gazetteer.candidates(name))


def _extend_span(doc: Doc, span: Span, gazetteer: Gazetteer) -> Span:
    """Grow a place name by an adjacent capitalised word outside any entity when the
    longer phrase is itself the main name of a place: the NER and the dictionary match
    often leave out "New" or "Western" ("New Jersey", "Western Australia")."""
    start, end = span.start, span.end
    if (
        start > 0
        and doc[start - 1].is_title
        and not doc[start - 1].ent_type_
        and _is_main_name(doc[start - 1 : end].text, gazetteer)
    ):
        start -= 1
    if (
        end < len(doc)
        and doc[end].is_title
        and not doc[end].ent_type_
        and _is_main_name(doc[start : end + 1].text, gazetteer)
    ):
        end += 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


@lru_cache(maxsize=4)
def _missed_name_matcher(vocab_id: int, vocab: Vocab) -> PhraseMatcher:
    """Matcher over the ruler names and lower-case region names, for names the NER missed."""

    make_doc = English().make_doc  # tokenizer only: same rules as the English pipelines
    matcher = PhraseMatcher(vocab)
    for pattern in ruler_patterns():
        matcher.add(pattern["id"], [make_doc(pattern["pattern"])])
    gazetteer = default_gazetteer()
    for place in gazetteer:
        if place.kind == "region":
            lower = [n for n in gazetteer.names(place.place_id) if n[:1].islower()]
            if lower:
                matcher.add("context:" + place.place_id, [make_doc(n) for n in lower])
    return matcher


def find_mentions(doc: Doc, article: Article, gazetteer: Gazetteer) -> list[Mention]:
    """Every place mention of one article, unresolved, in text order.

    Args:
        doc: The parsed article (``doc.text == article.text``).
        article: The article (extractable spans and the dateline).
        gazetteer: The gazetteer.

    Returns:
        Rows with ``article_id, start_char, end_char, text, label, role`` and
        ``context_only`` (the region a lower-case name stands for, else ""); rows
        of "Town, Division" also carry ``allowed`` place ids.
    """
    rows: list[Mention] = []
    covered: set[int] = set()

    def add(span: Span, *, role: str, label: str, context_only: str = "") -> Mention | None:
        if not (article.is_extractable(span.start_char, span.end_char) or role == "dateline"):
            return None
        row = Mention(
            article_id=article.article_id,
            start_char=span.start_char,
            end_char=span.end_char,
            text=span.text,
            label=label,
            role=role,
            context_only=context_only,
        )
        row.span = span
        rows.append(row)
        return row

    for ent in doc.ents:
        covered.update(range(ent.start, ent.end))
        span = _clean_span(doc, ent)
        if span is None or len(span) == 0:
            continue
        if span.text in demonyms():
            add(span, role="demonym", label=ent.label_)
        elif ent.label_ in PLACE_LABELS and gazetteer.candidates(span.text):
            span = _extend_span(doc, span, gazetteer)
            covered.update(range(span.start, span.end))
            add(span, role="event", label=ent.label_)
        elif ent.label_ in MISLABEL_LABELS and _strong_place(span.text, gazetteer, min_population=100_000):
            add(span, role="event", label=ent.label_)
        elif ent.label_ in NESTING_LABELS:
            nested = _nested_spans(doc, span, gazetteer)
            for sub in nested:
                add(sub, role="demonym" if sub.text in demonyms() else "nested", label=ent.label_)
            if not nested and ent.label_ in PLACE_LABELS:
                add(span, role="event", label=ent.label_)  # unresolved, with its reason
    matcher = _missed_name_matcher(id(doc.vocab), doc.vocab)
    for match_id, start, end in sorted(matcher(doc), key=lambda m: (m[1], -m[2])):
        if covered & set(range(start, end)):
            continue
        key = doc.vocab.strings[match_id]
        context_only = key.removeprefix("context:") if key.startswith("context:") else ""
        span = doc[start:end] if context_only else _extend_span(doc, doc[start:end], gazetteer)
        if covered & set(range(span.start, span.end)):
            span = doc[start:end]
        covered.update(range(span.start, span.end))
        add(span, role="event", label="", context_only=context_only)
    _appositions(doc, rows, gazetteer, add)
    if article.dateline_span:
        span = doc.char_span(*article.dateline_span, alignment_mode="expand")
        if span is not None:
            add(span, role="dateline", label="")
    return sorted(rows, key=lambda r: (r["start_char"], r["end_char"]))


# --- "Town, Division" ----------------------------------------------------------------------


def _divisions(name: str, gazetteer: Gazetteer) -> list[Place]:
    """The divisions and countries a name after "Town," may stand for."""
    code = admin1_abbreviations().get(name)
    if code:
        place = gazetteer.admin1(code)
        return [place] if place else []
    return [p for p, is_main in gazetteer.candidates(name) if is_main and p.kind in ("admin1", "country")]


def _inside(place: Place, area: Place) -> bool:
    return place.country == area.country and (area.kind == "country" or place.admin1_code == area.admin1_code)


def _comma_indexes(doc: Doc) -> list[int]:
    """Where the doc's commas are (one ``Doc.to_array``, not a ``Token`` per word)."""
    comma = doc.vocab.strings.add(",")
    return [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth == comma] if len(doc) else []


def _appositions(doc: Doc, rows: list[Mention], gazetteer: Gazetteer, add: AddMention) -> None:
    """ "Town, Division" and "Town, Country" ("Greer, S.C.", "Athens, Texas", "London, Ont.",
    "Tikrit, Salahuddin"): the town must lie in the division, and the division is the one
    holding the town ("Athens, Georgia" is the US state).

    Marks the rows with ``allowed`` place ids; adds the town when the NER missed it or
    labelled it otherwise (a title-case name of up to three words with a candidate in the
    division), and the division when it is an abbreviation the gazetteer does not index.
    """
    name_links = function_words().name_links
    taken = {i for r in rows for i in range(r.span.start, r.span.end)}
    ending = {r.span.end: r for r in rows if r["role"] in ("event", "nested") and not r["context_only"]}
    starting = {r.span.start: r for r in rows if r["role"] in ("event", "nested") and not r["context_only"]}
    for i in _comma_indexes(doc):
        if i == 0 or i + 1 >= len(doc):
            continue
        after = starting.get(i + 1)
        if after is not None:
            area_span = after.span
        else:  # an abbreviation the NER left out: "S.C." or "W. Va."
            area_span = next(
                (
                    doc[i + 1 : i + 1 + n]
                    for n in (2, 1)
                    if i + 1 + n <= len(doc) and doc[i + 1 : i + 1 + n].text in admin1_abbreviations()
                ),
                None,
            )
            if area_span is None or taken & set(range(area_span.start, area_span.end)):
                continue
        areas = _divisions(area_span.text, gazetteer)
        if not areas:
            continue
        town = ending.get(i)
        if town is not None:
            towns = [
                p
                for p, _m in gazetteer.candidates(town["text"])
                if p.kind in ("city", "village") and any(_inside(p, a) for a in areas)
            ]
        else:
            towns, span = [], None
            for n in (3, 2, 1):
                span = doc[max(0, i - n) : i]
                if (
                    len(span) == n
                    and all(t.is_title or t.lower_ in name_links for t in span)
                    and span[0].is_title
                    and not taken & set(range(span.start, span.end))
                ):
                    towns = [
                        p
                        for p, _m in gazetteer.candidates(span.text)
                        if p.kind in ("city", "village") and any(_inside(p, a) for a in areas)
                    ]
                    if towns:
                        break
            if towns and (town := add(span, role="event", label="")) is not None:
                taken.update(range(span.start, span.end))
        if town is None or not towns:
            continue
        town["allowed"] = {p.place_id for p in towns}
        holding = [a for a in areas if any(_inside(p, a) for p in towns)]
        if after is None and (after := add(area_span, role="event", label="")) is not None:
            taken.update(range(area_span.start, area_span.end))
        if after is not None:
            after["allowed"] = {a.place_id for a in holding}
