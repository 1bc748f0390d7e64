"""Find the place mentions of one parsed article (before they are resolved).

Mentions come from:

* GPE, LOC and FAC entities (role ``event``);
* entities of other labels whose whole text is a known, plain place name (the small
  English model tags "Erbil" ORG and "Salahuddin" PERSON; role ``event``);
* names in place contexts, whatever the NER made of them: "in X", "near X", "the
  village of X", "X district", "X and Y provinces" (:func:`~helpers.extract.places.evidence.context_spans`;
  role ``event``): district towns and villages the model calls PERSON or misses;
* place names inside organisation names ("Baghdad Operations Command" -> Baghdad, "Lodi
  Police Department" -> Lodi; role ``nested``; ``outlet`` inside an outlet's name, "Radio Free
  Asia", whose home is no place of what it reports); the organisation keeps its name;
* known place names the NER missed entirely (the :func:`~helpers.nlp.place_rules.ruler_patterns`
  names, and lower-case region names, "disputed territories", when the country fits; role ``event``);
* the dateline (role ``dateline``; outside every paragraph), and the country or division after it;
* demonyms ("Iraqi", "Syrians"; role ``demonym``).

A name that is also a word or a person's name (:func:`~helpers.knowledge.place_names.doubtful_name`:
"Man", "Side", "Chad") is a mention only with place evidence, and a name inside a
person's name ("San" in "Aung San Suu Kyi") never is. "Town, Division" pairs are
marked by :mod:`~helpers.extract.places.appositions`.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from spacy.tokens import Doc, Span

from helpers.articles import Article
from helpers.extract.places.appositions import DIVISION_KINDS, mark_appositions, mark_dateline
from helpers.extract.places.datelines import dateline_spans
from helpers.extract.places.evidence import context_spans, has_place_evidence, names_authority, names_street
from helpers.extract.places.located_in import mark_located_in
from helpers.extract.places.mention import Mention, entity_span
from helpers.extract.places.name_spans import AREA_KINDS, extend_span, linked_names
from helpers.extract.places.unlisted import run_into_locative, unlisted_kind
from helpers.extract.places.vehicles import vehicle_tokens
from helpers.knowledge.gazetteer import Gazetteer
from helpers.knowledge.grammar import function_words, name_particles
from helpers.knowledge.outlets import is_outlet
from helpers.knowledge.place import CITY_POPULATION, FOCUS_COUNTRIES, Match
from helpers.knowledge.place_name_keys import strip_admin_words
from helpers.knowledge.place_names import (
    adverbs,
    aliases,
    dateline_division_code,
    demonyms,
    doubtful_name,
    names_town_before_authorities,
)
from helpers.knowledge.vocabulary import calendar_words, place_nouns
from helpers.nlp.phrase_index import PhraseIndex
from helpers.nlp.place_rules import NESTED_MIN_POPULATION, context_names, ruler_patterns

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels whose whole text may be a mislabelled place ("Erbil" ORG, "Salahuddin" PERSON).
MISLABEL_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
# Labels whose text may contain a place name ("Baghdad Operations Command"); not PERSON.
NESTING_LABELS = frozenset({"ORG", "FAC", "LOC", "GPE", "EVENT", "WORK_OF_ART", "PRODUCT"})
#: Labels of entities kept as unresolved mentions when the gazetteer does not know them
#: (an unknown facility, "Main Street" or "City Hall", is no place name to resolve).
UNRESOLVED_LABELS = frozenset({"GPE", "LOC"})
#: Labels a name found from its context may carry: none, or one the NER gives places by mistake.
CONTEXT_LABELS = frozenset({"", "GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})


def strong_place(name: str, gazetteer: Gazetteer, *, min_population: int, named: bool = False) -> bool:
    """True when ``name`` is written as the main name (or alias) of a country, division, region,
    second-level division with its descriptor ("Knox County") or big town, or as a division's
    name with its descriptor ("Rakhine State") or another name in words of a division or country
    ("District of Columbia"), and is no word or person's name (unless its place
    ``named`` it one: "NAIROBI, Kenya (AP)", where "Kenya" is also a given name)."""
    if (doubtful_name(name) and not named) or not name[:1].isupper():
        return False
    described = strip_admin_words(name) != name
    phrase = " " in name.strip()  # another name of a division or country, in words: "District of Columbia"
    return any(
        (
            m.main
            or (described and m.place.kind in ("admin1", "admin2"))
            or (phrase and m.place.kind in DIVISION_KINDS)
        )
        and m.exact
        and (
            m.place.kind in ("country", "admin1", "region")
            or (m.place.kind == "admin2" and described)
            or m.place.population >= min_population
            or (m.place.country in FOCUS_COUNTRIES and m.place.population >= CITY_POPULATION)
        )
        for m in gazetteer.candidates(name)
    )


def _nested_spans(doc: Doc, span: Span, gazetteer: Gazetteer) -> list[Span]:
    """Known place names inside a longer entity, longest first, non-overlapping.

    Candidates are title-case words ending in a letter, or curated aliases such as
    "U.S." and "US" ("the U.S. Federal Trade Commission", "US forces"). A town of any size
    names the authorities after it ("Greenwood Police", "Savannah-Chatham Metropolitan Police"),
    a word does not ("Federal Police"); a
    town of ``CITY_POPULATION`` is named after a locative the NER ran into the name ("Railway
    Colony in Pulwama").
    The words of a place's main name too small to be read here are no place of their own
    ("El Dorado Police" names no Dorado).
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
            authority = names_authority(doc, i, i + size) and names_town_before_authorities(sub.text)
            located = i > span.start and doc[i - 1].lower_ in function_words().locatives
            least = 1 if authority else CITY_POPULATION if located else NESTED_MIN_POPULATION
            if sub.text in demonyms() or strong_place(
                sub.text, gazetteer, min_population=least, named=authority
            ):
                found.append(sub)
                taken.update(range(i, i + size))
            elif size > 1 and any(m.main and m.exact for m in gazetteer.candidates(sub.text)):
                taken.update(range(i, i + size))
    return sorted(found, key=lambda s: s.start)


def _known_part(span: Span, gazetteer: Gazetteer) -> Span | None:
    """The known place after the compass words of a place entity the gazetteer lacks as a
    whole ("Northeast Georgia", "north west London").

    The rest must be written as a place's main name, or another name of a province or country
    ("Northeast D.C."); a word or person's name only as an area's main name ("Georgia"). A name
    with a place noun ("Haro city", "Pibor County") is left whole, for the unlisted-place and
    descriptor readings.
    """
    compass = 0
    while compass < len(span) - 1 and span[compass].lower_ in adverbs():
        compass += 1
    rest = span[compass:]
    if not compass or not (rest[0].is_title or rest[0].is_upper or rest.text in aliases()):
        return None
    doubt = doubtful_name(rest.text)

    def names_it(match: Match) -> bool:
        if doubt:
            return match.main and match.place.kind in AREA_KINDS
        return match.main or match.place.kind in DIVISION_KINDS

    known = any(m.exact and names_it(m) for m in gazetteer.candidates(rest.text))
    return rest if known else None


@lru_cache(maxsize=1)
def _missed_names() -> PhraseIndex:
    """The ruler names and the lower-case region names, for names the NER missed."""
    return PhraseIndex(
        [(pattern["tokens"], pattern["id"]) for pattern in ruler_patterns()]
        + [(name["tokens"], "context:" + name["id"]) for name in context_names()]
    )


def _part_of_name(doc: Doc, span: Span) -> bool:
    """True when ``span`` is part, not the whole, of a person's or organisation's name
    ("San" in "Aung San Suu Kyi", "Georgia" in "South Georgia News"); an entity that is the
    name and place nouns ("El-Dheer District" tagged ORG), or the name run into a locative and
    the next place ("the town of Tame in Arauca" tagged ORG), is the place's name."""
    if not doc[span.start].ent_type_:
        return False
    end = span.end
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    rest = doc[span.end : end]
    if doc[span.start].ent_iob_ == "I":
        return True
    if rest and run_into_locative(doc, span.start, end):
        return False
    return bool(rest) and not all(token.lower_ in place_nouns().kind for token in rest)


def _context_names(doc: Doc, gazetteer: Gazetteer, covered: set[int]) -> list[Span]:
    """Names in place contexts (:func:`context_spans`).

    A known name is read at its longest known reading. A name the gazetteer lacks is kept
    when a cue word names its kind (:func:`~helpers.extract.places.unlisted.unlisted_kind`:
    "Kpara villages", "the village of Xalidiyê", "the Dwatoi area"); it is read whole ("Nagar
    Bo village" is not the village Bo) unless the words left out to find a known name are
    words or people's names ("Northern Helmand province").
    """
    found = []
    for span, starts_at_context in context_spans(doc):
        readings = (
            [span[:n] for n in range(len(span), 0, -1)]
            if starts_at_context
            else [span[n:] for n in range(len(span))]
        )
        unknown: Span | None = None
        for reading in readings:
            if covered & set(range(reading.start, reading.end)):
                break
            labels = {t.ent_type_ for t in reading}
            if labels == {"LANGUAGE"} and unlisted_kind(doc, reading):
                labels = {""}  # "the town of Ramia" tagged LANGUAGE
            if _part_of_name(doc, reading) or not labels <= CONTEXT_LABELS or len(labels) > 1:
                continue
            if reading[-1].is_lower:  # "in Man on Friday" names no "Man On": a name ends capitalised
                continue
            if reading[0].ent_id_:  # an actor of the dictionary ("Taliban"), not a place
                break
            if gazetteer.candidates(reading.text):
                dropped = (
                    [t.text for t in unknown if t.i < reading.start or t.i >= reading.end] if unknown else []
                )
                if not dropped or any(doubtful_name(word) for word in dropped):
                    unknown = None
                    found.append(reading)
                    covered.update(range(reading.start, reading.end))
                break
            if unknown is None and unlisted_kind(doc, reading) and not doubtful_name(reading.text):
                unknown = reading
        if unknown is not None:
            found.append(unknown)
            covered.update(range(unknown.start, unknown.end))
    return found


def _full_name(name: Span) -> bool:
    """A person's name whose last word follows a given name or a particle ("Hassan Aden", "Haider
    al-Abadi"), not a name glued to a place by the NER ("Leonard of Ada", "Mr Trump - Wisconsin")."""
    if len(name) < 2 or not name[-1].is_title:
        return False
    before = name[-2]
    if before.text == "-":  # "al-Abadi", "Smith-Jones"; not "Trump - Wisconsin"
        if len(name) < 3 or before.whitespace_ or name[-3].whitespace_:
            return False
        before = name[-3]
    return before.is_title or before.lower_ in name_particles().all


def _surnames(doc: Doc, gazetteer: Gazetteer) -> frozenset[str]:
    """The last words of the people the article names in full ("Aden" of "Hassan Aden", also when
    the NER tagged it apart), but countries' names: news names a person in full, then by surname
    ("Aden said"), which without place evidence is the person, not a place."""
    ents = doc.ents  # spaCy rebuilds every entity span on each access: read them once
    last = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and _full_name(ent)}
    after = itertools.pairwise(ents)  # "Chief Hassan" (PERSON) "Aden" (GPE): the NER split a name
    last |= {
        name.text
        for person, name in after
        if person.label_ == "PERSON"
        and person[-1].is_alpha  # a word ("Fond du" "Lac"), not a web page's "Churchill Downs - wave3.com-"
        and name.label_ in PLACE_LABELS
        and name.start == person.end
        and len(name) == 1
        and name[0].is_title
    }
    return frozenset(
        name for name in last if not any(m.place.kind == "country" for m in gazetteer.candidates(name))
    )


def _weekday_of_a_date(span: Span) -> bool:
    """Whether a one-word name is a weekday's abbreviation or name written before a date ("Mon, March
    21", "Sun Jan 05 2014": the day of a timestamp, not Myanmar's Mon State or a town called Sun).

    >>> import spacy
    >>> doc = spacy.blank("en")("PUBLISHED Mon, March 21, 2016 in Mon State")
    >>> _weekday_of_a_date(doc[1:2]), _weekday_of_a_date(doc[7:8])
    (True, False)
    """
    doc = span.doc
    if len(span) != 1 or span.text not in calendar_words():
        return False
    after = span.end + (span.end < len(doc) and doc[span.end].text == ",")
    return after < len(doc) and (doc[after].text in calendar_words() or doc[after].is_digit)


def find_mentions(doc: Doc, article: Article, gazetteer: Gazetteer) -> list[Mention]:
    """Every place mention of one article, unresolved, in text order.

    Args:
        doc: The parsed article (``doc.text == article.text``).
        article: The article (extractable spans and the dateline).
        gazetteer: The gazetteer.

    Returns:
        Rows with ``article_id, start_char, end_char, text, label, role``,
        ``context_only`` (the region a lower-case name stands for, else "") and
        ``evidence`` (whether a place context names it); rows of "Town, Division" also
        carry ``allowed`` place ids.
    """
    rows: list[Mention] = []
    covered: set[int] = set()
    vehicles = vehicle_tokens(doc, gazetteer)  # "a Toyota Tacoma" names neither town
    surnames = _surnames(doc, gazetteer)

    def add(
        span: Span, *, role: str, label: str, context_only: str = "", context: bool = False
    ) -> Mention | None:
        if role != "dateline" and (
            not article.is_extractable(span.start_char, span.end_char)
            or not vehicles.isdisjoint(range(span.start, span.end))
            or names_street(doc, span.start, span.end)  # "near 18th and Springfield", "the 100 block of"
            or _weekday_of_a_date(span)  # "Mon, March 21, 2016", "Mon Mar 09 17:08:35": no Mon State
        ):
            return None
        evidence = context or role == "dateline" or has_place_evidence(doc, span.start, span.end)
        # "Aden said", "condolences to Aden", after "Police Chief Hassan Aden"
        after_person_word = span.start > 0 and doc[span.start - 1].lower_ in function_words().person_locatives
        if span.text in surnames and (
            not evidence
            or (after_person_word and not has_place_evidence(doc, span.start, span.end, of_person=True))
        ):
            return None
        row = Mention(
            article_id=article.article_id,
            start_char=span.start_char,
            end_char=span.end_char,
            text=span.text,
            label=label,
            role=role,
            context_only=context_only,
            evidence=evidence,
        )
        row.span = span
        rows.append(row)
        return row

    linked = linked_names(doc)  # read whole, never in part ("Pul" of "Pul-e Khumri" is no English village)
    for span in linked:
        covered.update(range(span.start, span.end))
        if gazetteer.candidates(span.text) or unlisted_kind(doc, span):
            add(span, role="event", label=next((t.ent_type_ for t in span if t.ent_type_), ""))
    in_linked = {i for span in linked for i in range(span.start, span.end)}
    for ent in doc.ents:
        span = entity_span(doc, ent)
        if span is None or len(span) == 0 or not in_linked.isdisjoint(range(ent.start, ent.end)):
            continue
        if not covered.isdisjoint(range(ent.start, ent.end)):
            continue  # taken into the name before it ("Samar" of "Northern Samar")
        if span.text in demonyms():
            covered.update(range(ent.start, ent.end))
            add(span, role="demonym", label=ent.label_)
        elif ent.label_ in PLACE_LABELS and gazetteer.candidates(span.text):
            if span[0].is_lower:  # "west Charlotte": a direction inside Charlotte, not West Charlotte
                span = _known_part(span, gazetteer) or span
            span = extend_span(doc, span, gazetteer)
            covered.update(range(min(span.start, ent.start), max(span.end, ent.end)))
            add(span, role="event", label=ent.label_)
        elif ent.label_ in MISLABEL_LABELS and strong_place(span.text, gazetteer, min_population=100_000):
            covered.update(range(ent.start, ent.end))
            add(span, role="event", label=ent.label_)
        elif ent.label_ in NESTING_LABELS:
            nested = _nested_spans(doc, span, gazetteer)
            # The home in an outlet's name is no place of what it reports ("Radio Free Asia"); a
            # name glued to a title's words across a separator is none ("Bossier City - KSLA News").
            glued = any(t.is_punct and t.whitespace_ for t in span[:-1])
            inside = "outlet" if is_outlet(span.text) and not glued else "nested"
            for sub in nested:
                add(sub, role="demonym" if sub.text in demonyms() else inside, label=ent.label_)
            if not nested and ent.label_ in UNRESOLVED_LABELS:  # the place in "Northeast Georgia", else
                add(_known_part(span, gazetteer) or span, role="event", label=ent.label_)  # unresolved
            if nested or ent.label_ in PLACE_LABELS:
                glued_in = run_into_locative(doc, ent.start, ent.end)  # its places only
                for taken in [(s.start, s.end) for s in nested] if glued_in else [(ent.start, ent.end)]:
                    covered.update(range(*taken))
    for span in _context_names(doc, gazetteer, covered):
        add(span, role="event", label=span[0].ent_type_, context=True)
    for key, start, end in sorted(_missed_names().matches(doc), key=lambda m: (m[1], -m[2])):
        if covered & set(range(start, end)) or any(doc[i].ent_type_ for i in range(start, end)):
            continue
        context_only = key.removeprefix("context:") if key.startswith("context:") else ""
        span = doc[start:end] if context_only else extend_span(doc, doc[start:end], gazetteer)
        if covered & set(range(span.start, span.end)):
            span = doc[start:end]
        covered.update(range(span.start, span.end))
        add(span, role="event", label="", context_only=context_only)
    mark_appositions(doc, rows, gazetteer, add)
    mark_located_in(doc, rows, gazetteer)
    for span, area in dateline_spans(doc, article):  # a dateline's reading replaces the NER's
        tokens = {i for s in (span, area) if s is not None for i in range(s.start, s.end)}
        rows[:] = [r for r in rows if not tokens & set(range(r.span.start, r.span.end))]
        town = add(span, role="dateline", label="")
        if area is None:
            continue
        code = dateline_division_code(area.text)
        area_row = None
        if code and (division := gazetteer.admin1(code)) is not None:  # "ALBUQUERQUE, N.M. (AP)"
            if (area_row := add(area, role="dateline", label="")) is not None:
                area_row["allowed"] = {division.place_id}
        elif strong_place(area.text, gazetteer, min_population=NESTED_MIN_POPULATION, named=True):
            area_row = add(area, role="dateline", label="")
        if town is not None:
            mark_dateline(town, area_row, area, gazetteer)
    return sorted(rows, key=lambda r: (r["start_char"], r["end_char"]))
