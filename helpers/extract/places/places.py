"""Find place mentions in parsed articles and resolve them to the gazetteer.

One row per place mention in extractable text (see :func:`resolve_places`),
with its evidence (``article_id``, ``start_char``, ``end_char``, ``sentence``)
and its resolution (``place_id``, coordinates, country, province).

Mentions come from:

* GPE, LOC and FAC entities (role ``event``);
* entities of other labels whose whole text is a known place name (the small
  English model tags "Erbil" ORG and "Salahuddin" PERSON; role ``event``);
* place names inside organisation names ("Baghdad Operations Command" ->
  Baghdad; role ``nested``);
* known place names the NER missed entirely (the :func:`ruler_patterns` names,
  plus lower-case region names such as "disputed territories" when the
  article's country fits; role ``event``);
* the dateline (role ``dateline``; it lies outside every paragraph);
* demonyms ("Iraqi", "Syrians"; role ``demonym``). They link to their country;
  "Kurdish"/"Kurds" link to the cultural region ``sr:kurdistan`` (no country),
  because Kurds live in four states and the word does not place an event.

Disambiguation scores each candidate (:func:`score_candidate`): the feature
type and population give a prior, a main name beats an alternate, candidates
in the article's countries and provinces (from the dateline, country names,
demonyms and unambiguous places; a name never counts as its own context) gain,
a division of the article's :func:`main_country` beats a foreign country of the
same name ("Georgia" in US news), and cue words next to the mention
("province", "governorate" vs "city", "town", "village", "district") pick the
feature type. "Town, Division" ("Greer, S.C.", "Tikrit, Salahuddin") keeps the
town inside the division, and a town name resolved once keeps its place for
the rest of the article, including occurrences the NER missed.

Precision scheme (like ACLED's ``geo_precision``): 1 = town or village,
2 = district or part of a province, 3 = province or sub-national region,
4 = country, 5 = supranational region.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import pandas as pd
from spacy.attrs import ORTH
from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from helpers import config
from helpers.articles import Article
from helpers.knowledge.gazetteer import (
    CITY_POPULATION,
    FOCUS_COUNTRIES,
    Gazetteer,
    Place,
    default_gazetteer,
    normalize_name,
    strip_admin_words,
)
from helpers.knowledge.vocabulary import place_nouns
from helpers.tables import columns

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels whose whole text may be a mislabelled place ("Erbil" ORG, "Salahuddin" PERSON).
MISLABEL_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
# Labels whose text may contain a place name ("Baghdad Operations Command"); not PERSON.
NESTING_LABELS = frozenset({"ORG", "FAC", "LOC", "GPE", "EVENT", "WORK_OF_ART", "PRODUCT"})
# Context: a country supported by this many distinct names, and by more than any other, is the
# article's main country. When a name is both a foreign country and a division or region of the
# main country, the division gains MAIN_COUNTRY_BONUS: a US article's "Georgia" is the state,
# unless the country Georgia has support of its own.
MAIN_COUNTRY_MIN_NAMES = 2
MAIN_COUNTRY_BONUS = 1.5
# Prepositions before a place name ("in Maryville" is a place even when tagged PERSON).
_LOCATIVES = frozenset({"in", "at", "near", "from", "to", "outside", "around", "across", "into"})
# Lower-case words inside multi-word town names ("Stratford upon Avon", "Port of Spain").
_NAME_LINKS = frozenset({"upon", "on", "of", "de", "la", "le", "du", "del", "al", "el"})
# Minimum population of a town found inside an organisation name or missed by the NER.
NESTED_MIN_POPULATION = 50_000
# Ruler patterns for towns: everywhere from this population, in focus countries from
# CITY_POPULATION; alternate spellings in focus countries from NESTED_MIN_POPULATION.
RULER_MIN_POPULATION = 200_000
_LEADING = re.compile(r"^(the|The)\s+")
_TRAILING = re.compile(r"(['’]s|['’])$")


# --- dictionaries ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _stopnames() -> frozenset[str]:
    lines = (config.DATA_DIR / "geo_stopnames.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym -> ``place_id`` of its country or region (``geo_demonyms.csv``)."""
    gazetteer = default_gazetteer()
    table = pd.read_csv(config.DATA_DIR / "geo_demonyms.csv", keep_default_na=False)
    result = {}
    for demonym, target in zip(table["demonym"], table["target"]):
        place = gazetteer.country(target) if len(target) == 2 else gazetteer.get(target)
        if place is None:
            raise ValueError(f"geo_demonyms.csv: unknown target {target!r}")
        result[demonym] = place.place_id
    return result


def _usable_pattern(name: str) -> bool:
    """Capitalised, not a listed common word or first name, not a short code."""
    return (len(name) > 2 and name[0].isupper() and not name.isupper()
            and name not in _stopnames() and name.split()[0] not in _stopnames())


def _ruler_places(gazetteer: Gazetteer) -> list[tuple[Place, bool]]:
    """Places the ruler knows, with whether their alternate names are used too.

    Towns contribute their main name only (curated aliases come in through the
    gazetteer index), which keeps the ruler to a few thousand patterns.
    """
    chosen = []
    for place in gazetteer:
        focus = place.country in FOCUS_COUNTRIES
        if place.kind in ("country", "region") or (place.kind == "admin1" and focus):
            chosen.append((place, True))
        elif place.kind in ("city", "village") and (
                place.population >= RULER_MIN_POPULATION
                or (focus and place.population >= NESTED_MIN_POPULATION)):
            chosen.append((place, False))
    return chosen


@lru_cache(maxsize=1)
def ruler_patterns() -> list[dict]:
    """EntityRuler patterns (case-sensitive phrases) for place names.

    Every name of countries, regions and provinces of
    :data:`helpers.gazetteer.FOCUS_COUNTRIES`, the curated aliases, and the main
    names of towns over :data:`RULER_MIN_POPULATION` worldwide and over
    :data:`NESTED_MIN_POPULATION` in focus countries.
    Names listed in ``geo_stopnames.txt`` (common words, first names) are left out.
    Each pattern's ``id`` is the place the name resolves to without context.

    Returns:
        Dicts ``{"label": "GPE"|"LOC", "pattern": name, "id": place_id}``, sorted.
    """
    gazetteer = default_gazetteer()
    names: set[str] = set(pd.read_csv(config.DATA_DIR / "geo_aliases.csv")["alias"])
    for place, all_names in _ruler_places(gazetteer):
        names.add(place.canonical)
        if all_names:  # English news writes ASCII transliterations of up to three words
            names.update(n for n in gazetteer.names(place.place_id)
                         if n.isascii() and len(n.split()) <= 3 and strip_admin_words(n) == n)
    names = {n for n in names if _usable_pattern(n)}
    patterns = []
    for name in sorted(names):
        best = resolve_name(name, gazetteer=gazetteer)
        if best is not None:
            label = "LOC" if best.kind == "region" else "GPE"
            patterns.append({"label": label, "pattern": name, "id": best.place_id})
    return patterns


# --- disambiguation ----------------------------------------------------------------------

def main_country(countries: Counter | None) -> str:
    """The country an article is mainly about: supported by at least
    :data:`MAIN_COUNTRY_MIN_NAMES` names and by more than any other country ("" if none).

    >>> main_country(Counter({"US": 3, "EG": 1})), main_country(Counter({"US": 2, "GE": 2}))
    ('US', '')
    """
    if not countries:
        return ""
    (top, n), *rest = countries.most_common(2)
    return top if n >= MAIN_COUNTRY_MIN_NAMES and (not rest or rest[0][1] < n) else ""


def score_candidate(place: Place, *, is_main_name: bool, countries: Counter | None = None,
                    admin1_codes: Counter | None = None, cue: str = "") -> float:
    """Score a candidate place for a mention; the highest score wins.

    Args:
        place: The candidate.
        is_main_name: True when the mention matched a main name or curated alias.
        countries: ISO alpha-2 codes of the article's context, with counts (the number
            of distinct names supporting each).
        admin1_codes: ISO 3166-2 codes of the article's context, with counts.
        cue: ``"admin"`` or ``"settlement"`` when a cue word stands next to the mention.

    Returns:
        The score (a log-population-like scale).
    """
    if place.kind == "country":
        score = 9.0
    elif place.kind == "region":
        score = 6.0 if place.precision <= 3 else 5.5
    elif place.kind == "admin1":
        score = 5.2
    else:  # towns: log10 of the population; cities1000 entries of unknown size count as ~3,000
        score = math.log10(place.population) if place.population > 0 else 3.5
    score += 1.0 if is_main_name else 0.0
    if countries and (place.country in countries or place.precision == 5):
        score += 3.0  # supranational regions fit any article
    if admin1_codes and place.admin1_code in admin1_codes:
        score += 1.5
    if cue == "admin":
        score += 6.0 if place.kind in ("admin1", "region") else 0.0
    elif cue == "settlement":
        score += 3.0 if place.kind in ("city", "village") else -2.0
    return score


def resolve_name(name: str, *, gazetteer: Gazetteer | None = None, countries: Counter | None = None,
                 admin1_codes: Counter | None = None, cue: str = "") -> Place | None:
    """The best place for ``name`` given the context, or ``None`` when unknown.

    >>> resolve_name("Salahuddin").admin1_code
    'IQ-SD'
    >>> resolve_name("Tripoli", countries=Counter({"LB": 1})).country
    'LB'
    """
    ranked = _ranked(name, gazetteer or default_gazetteer(), countries, admin1_codes, cue)
    return ranked[0][1] if ranked else None


def _ranked(name: str, gazetteer: Gazetteer, countries: Counter | None,
            admin1_codes: Counter | None, cue: str) -> list[tuple[float, Place]]:
    scored = {}
    for place, is_main in gazetteer.candidates(name):
        score = score_candidate(place, is_main_name=is_main, countries=countries,
                                admin1_codes=admin1_codes, cue=cue)
        scored[place.place_id] = max(score, scored.get(place.place_id, (score, place))[0]), place
    main = main_country(countries)
    if main and any(p.kind == "country" and p.country != main for _s, p in scored.values()):
        for place_id, (score, place) in scored.items():
            if place.kind in ("admin1", "region") and place.country == main:
                scored[place_id] = score + MAIN_COUNTRY_BONUS, place
    return sorted(scored.values(), key=lambda item: (-item[0], item[1].place_id))


def _cue(doc: Doc, start: int, end: int) -> str:
    """``"admin"`` or ``"settlement"`` when a cue word follows the mention, possibly
    after a list of names ("Kirkuk, Diyala, and Salahuddin provinces"), or precedes
    it with "of" ("the province of Salahuddin", "the city of Mosul")."""
    nouns = place_nouns()
    word = ""
    for token in doc[end:min(end + 8, len(doc))]:
        if token.lower_ in nouns.admin or token.lower_ in nouns.settlement:
            word = token.lower_
            break
        if not (token.lower_ in {",", "and", "or", "&"} or token.is_title):
            break
    if not word and start >= 2 and doc[start - 1].lower_ == "of":
        word = doc[start - 2].lower_
    if word in nouns.admin:
        return "admin"
    if word in nouns.settlement:
        return "settlement"
    return ""


# --- mention finding ---------------------------------------------------------------------

def _clean_span(doc: Doc, span: Span) -> Span | None:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    start, end = span.start_char, span.end_char
    text = span.text  # not doc.text: spaCy rebuilds the whole text on every access
    lead = _LEADING.match(text)
    if lead:
        start += lead.end()
    trail = _TRAILING.search(text[start - span.start_char:])
    if trail:
        end -= len(trail.group())
    return doc.char_span(start, end, label=span.label_, alignment_mode="contract") if end > start else None


def _strong_place(name: str, gazetteer: Gazetteer, *, min_population: int) -> bool:
    """True when ``name`` is the main name (or alias) of a country, division, region or big town."""
    if name in _stopnames() or not name[:1].isupper():
        return False
    return any(is_main and (p.kind in ("country", "admin1", "region") or p.population >= min_population
                            or (p.country in FOCUS_COUNTRIES and p.population >= CITY_POPULATION))
               for p, is_main in gazetteer.candidates(name))


@lru_cache(maxsize=1)
def _aliases() -> frozenset[str]:
    """The curated news spellings of ``geo_aliases.csv`` ("US", "U.S.", "UK", ...)."""
    return frozenset(pd.read_csv(config.DATA_DIR / "geo_aliases.csv")["alias"])


def _nested_spans(doc: Doc, span: Span, gazetteer: Gazetteer) -> list[Span]:
    """Known place names inside a longer entity, longest first, non-overlapping.

    Candidates are title-case words ending in a letter, or curated aliases such as
    "U.S." and "US" ("the U.S. Federal Trade Commission", "US forces").
    """
    found: list[Span] = []
    taken: set[int] = set()
    for size in range(min(4, len(span)), 0, -1):
        for i in range(span.start, span.end - size + 1):
            sub = doc[i:i + size]
            if taken & set(range(i, i + size)) or not (
                    (sub[0].is_title and sub[-1].is_alpha) or sub.text in _aliases()):
                continue
            if sub.text in demonyms() or _strong_place(sub.text, gazetteer,
                                                       min_population=NESTED_MIN_POPULATION):
                found.append(sub)
                taken.update(range(i, i + size))
    return sorted(found, key=lambda s: s.start)


def _is_main_name(name: str, gazetteer: Gazetteer) -> bool:
    return name not in _stopnames() and any(is_main for _p, is_main in gazetteer.candidates(name))


def _extend_span(doc: Doc, span: Span, gazetteer: Gazetteer) -> Span:
    """Grow a place name by an adjacent capitalised word outside any entity when the
    longer phrase is itself the main name of a place: the NER and the dictionary match
    often leave out "New" or "Western" ("New Jersey", "Western Australia")."""
    start, end = span.start, span.end
    if (start > 0 and doc[start - 1].is_title and not doc[start - 1].ent_type_
            and _is_main_name(doc[start - 1:end].text, gazetteer)):
        start -= 1
    if (end < len(doc) and doc[end].is_title and not doc[end].ent_type_
            and _is_main_name(doc[start:end + 1].text, gazetteer)):
        end += 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


@lru_cache(maxsize=4)
def _missed_name_matcher(vocab_id: int, vocab) -> PhraseMatcher:
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


def _sentence(doc: Doc, article: Article, start: int, end: int) -> str:
    """The sentence of a mention, clipped to its paragraph (titles run into leads)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    sent_start, sent_end = span.sent.start_char, span.sent.end_char
    paragraph = article.paragraph_at(start)
    if paragraph is not None:
        sent_start, sent_end = max(sent_start, paragraph.start), min(sent_end, paragraph.end)
    return article.text[sent_start:sent_end].strip()


class _Mention(dict):
    """A row under construction (a dict with the mention's token span attached)."""

    span: Span


def _mentions(doc: Doc, article: Article, gazetteer: Gazetteer) -> list[_Mention]:
    rows: list[_Mention] = []
    covered: set[int] = set()

    def add(span: Span, *, role: str, label: str, context_only: str = "") -> _Mention | None:
        if not (article.is_extractable(span.start_char, span.end_char) or role == "dateline"):
            return None
        row = _Mention(article_id=article.article_id, start_char=span.start_char,
                       end_char=span.end_char, text=span.text, label=label, role=role,
                       context_only=context_only)
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


@lru_cache(maxsize=1)
def admin1_abbreviations() -> dict[str, str]:
    """Abbreviation -> ISO 3166-2 code, from ``geo_admin1_abbrev.csv``: postal codes and
    newspaper abbreviations of US states and Canadian provinces ("SC", "S.C.", "Ont.").

    They count only right after "Town," (see :func:`_appositions`): alone, "Miss." or
    "Ind." are not places.
    """
    table = pd.read_csv(config.DATA_DIR / "geo_admin1_abbrev.csv", keep_default_na=False)
    return dict(zip(table["abbrev"], table["admin1_code"]))


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


def _appositions(doc: Doc, rows: list[_Mention], gazetteer: Gazetteer, add) -> None:
    """"Town, Division" and "Town, Country" ("Greer, S.C.", "Athens, Texas", "London, Ont.",
    "Tikrit, Salahuddin"): the town must lie in the division, and the division is the one
    holding the town ("Athens, Georgia" is the US state).

    Marks the rows with ``allowed`` place ids; adds the town when the NER missed it or
    labelled it otherwise (a title-case name of up to three words with a candidate in the
    division), and the division when it is an abbreviation the gazetteer does not index.
    """
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
            area_span = next((doc[i + 1:i + 1 + n] for n in (2, 1) if i + 1 + n <= len(doc)
                              and doc[i + 1:i + 1 + n].text in admin1_abbreviations()), None)
            if area_span is None or taken & set(range(area_span.start, area_span.end)):
                continue
        areas = _divisions(area_span.text, gazetteer)
        if not areas:
            continue
        town = ending.get(i)
        if town is not None:
            towns = [p for p, _m in gazetteer.candidates(town["text"])
                     if p.kind in ("city", "village") and any(_inside(p, a) for a in areas)]
        else:
            towns, span = [], None
            for n in (3, 2, 1):
                span = doc[max(0, i - n):i]
                if (len(span) == n and all(t.is_title or t.lower_ in _NAME_LINKS for t in span)
                        and span[0].is_title and not taken & set(range(span.start, span.end))):
                    towns = [p for p, _m in gazetteer.candidates(span.text)
                             if p.kind in ("city", "village") and any(_inside(p, a) for a in areas)]
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


# --- resolution --------------------------------------------------------------------------

class _Context:
    """Countries and provinces an article is about, with the names that support each.

    Support comes from the dateline, demonyms and names whose best reading is clear
    without context. Each distinct name (normalised) counts once, and a name never
    supports its own reading (:meth:`without`): a repeated "Alexandria" must not
    make its own article Egyptian; "Virginia" elsewhere in the text does the work.
    """

    def __init__(self) -> None:
        self.countries: dict[str, set[str]] = {}
        self.admin1_codes: dict[str, set[str]] = {}

    def add(self, key: str, country: str, admin1_code: str = "") -> None:
        if country:
            self.countries.setdefault(country, set()).add(key)
        if admin1_code:
            self.admin1_codes.setdefault(admin1_code, set()).add(key)

    def without(self, key: str) -> tuple[Counter, Counter]:
        """Counters of supporting names per country and per province, leaving out ``key``."""
        def count(table: dict[str, set[str]]) -> Counter:
            return Counter({code: len(keys - {key}) for code, keys in table.items() if keys - {key}})
        return count(self.countries), count(self.admin1_codes)


def _clear_reading(ranked: list[tuple[float, Place]]) -> bool:
    """True when the best reading of a name needs no context.

    A country, division or region (or a town over 100,000) a point ahead of the
    runner-up, or a country, division or region whose only rivals are towns:
    news names "Virginia" for the state, not for the South African town.
    """
    top_score, top = ranked[0]
    if len(ranked) == 1:
        return top.kind in ("country", "admin1", "region") or top.population >= 100_000
    runner_up_score, runner_up = ranked[1]
    area = top.kind in ("country", "admin1", "region")
    if area and runner_up.kind in ("city", "village"):
        return True
    return (area or top.population >= 100_000) and top_score - runner_up_score >= 1.0


def _context(mentions: list[_Mention], gazetteer: Gazetteer) -> _Context:
    """Countries and provinces the article is about: dateline, demonyms and clear names."""
    context = _Context()
    for row in mentions:
        key = normalize_name(row["text"])
        if row["role"] == "demonym":
            place = gazetteer.get(demonyms()[row["text"]])
            if place and place.country:
                context.add(key, place.country)
            continue
        if row["context_only"]:
            continue
        if row.get("allowed"):  # "Town, Division": both name the division
            inside = {(p.country, p.admin1_code) for p in map(gazetteer.get, row["allowed"]) if p}
            if len(inside) == 1:
                context.add(key, *inside.pop())
            continue
        ranked = _ranked(row["text"], gazetteer, None, None, _cue(row.span.doc, row.span.start, row.span.end))
        if ranked and (row["role"] == "dateline" or _clear_reading(ranked)):
            top = ranked[0][1]
            context.add(key, top.country, top.admin1_code)
    return context


def _resolve(row: _Mention, gazetteer: Gazetteer, countries: Counter, admin1_codes: Counter) -> dict:
    fields = dict.fromkeys(columns("place_mentions")[6:], None)
    fields["role"] = row["role"]
    if row["role"] == "demonym":
        place, note = gazetteer.get(demonyms()[row["text"]]), "demonym"
    elif row["context_only"]:
        place = gazetteer.get(row["context_only"])
        if place.country and place.country not in countries:
            return {}  # a generic phrase ("disputed areas") outside its country's news
        note = "resolved: region name in its country's context"
    elif row.get("allowed") and row["text"] in admin1_abbreviations():
        place = gazetteer.admin1(admin1_abbreviations()[row["text"]])
        note = "resolved: division after a town"
    else:
        cue = _cue(row.span.doc, row.span.start, row.span.end)
        ranked = _ranked(row["text"], gazetteer, countries, admin1_codes, cue)
        if row.get("allowed"):
            ranked = [item for item in ranked if item[1].place_id in row["allowed"]] or ranked
        if not ranked:
            return {**fields, "resolution": "unresolved: not in gazetteer"}
        score, place = ranked[0]
        small = place.kind == "village" or (place.kind == "city" and place.population == 0)
        if small and countries and place.country not in countries and not cue and not row.get("allowed"):
            return {**fields, "resolution": f"unresolved: only a small place outside the article's "
                                           f"countries ({place.canonical}, {place.country})"}
        if len(ranked) > 1 and not row.get("allowed"):
            second_score, second = ranked[1]
            if (score - second_score < 0.3 and second.country != place.country
                    and place.country not in countries
                    and {place.kind, second.kind} <= {"city", "village"}):
                return {**fields, "resolution": f"unresolved: ambiguous ({place.canonical}, "
                                               f"{place.country} / {second.canonical}, {second.country})"}
        if row.get("allowed"):
            note = "resolved: town, division" if place.kind in ("city", "village") else \
                "resolved: division after a town"
        elif cue:
            note = f"resolved: cue word ({cue})"
        elif place.country in countries and len({p.country for _s, p in ranked}) > 1:
            note = "resolved: article context"
        else:
            note = "resolved: best match"
    return {**fields, "place_id": place.place_id, "geonameid": place.geonameid,
            "canonical": place.canonical, "kind": place.kind, "lat": place.lat, "lon": place.lon,
            "country": place.country, "admin1": place.admin1, "admin1_code": place.admin1_code,
            "precision": place.precision, "resolution": note}


def resolve_places(doc: Doc, article: Article, *, gazetteer: Gazetteer | None = None) -> list[dict]:
    """Find and resolve every place mention of one article.

    Args:
        doc: The parsed article (``doc.text == article.text``).
        article: The article (for ``article_id``, extractable spans and the dateline).
        gazetteer: The gazetteer (default: the package's).

    Returns:
        One dict per mention with the ``place_mentions`` columns: evidence
        (``article_id, start_char, end_char, text, sentence``), the entity
        ``label`` ("" when found by the dictionary or the dateline), ``role``
        (``event``, ``dateline``, ``nested``, ``demonym``) and the place fields;
        unresolved mentions keep ``place_id=None`` and say why in ``resolution``.
    """
    gazetteer = gazetteer or default_gazetteer()
    mentions = _mentions(doc, article, gazetteer)
    context = _context(mentions, gazetteer)
    rows = []
    for row in mentions:
        countries, admin1_codes = context.without(normalize_name(row["text"]))
        resolved = _resolve(row, gazetteer, countries, admin1_codes)
        if not resolved:
            continue
        rows.append({"article_id": row["article_id"], "start_char": row["start_char"],
                     "end_char": row["end_char"], "text": row["text"],
                     "sentence": _sentence(doc, article, row["start_char"], row["end_char"]),
                     "label": row["label"], **resolved})
    rows = _one_sense_per_article(doc, article, rows)
    return [{column: r[column] for column in columns("place_mentions")} for r in rows]


_PLACE_FIELDS = ("place_id", "geonameid", "canonical", "kind", "lat", "lon", "country",
                 "admin1", "admin1_code", "precision")


def _one_sense_per_article(doc: Doc, article: Article, rows: list[dict]) -> list[dict]:
    """A town named once as "Greer, S.C." is the same Greer everywhere in the article.

    * Other mentions of a name resolved by "Town, Division" take that place.
    * Occurrences of a resolved town name that no row covers (the NER missed them or
      tagged the name ORG, or PERSON right after "in", "near", ...) become rows of the
      same place; inside a longer entity they count only when it is not a person's name.
    """
    sense: dict[str, dict] = {}
    for row in rows:
        if row["resolution"] == "resolved: town, division":
            sense.setdefault(row["text"], row)
    for row in rows:
        first = sense.get(row["text"])
        if first is not None and row is not first and row["role"] in ("event", "nested") \
                and not row["resolution"].startswith(("resolved: cue word", "resolved: town")):
            row.update({f: first[f] for f in _PLACE_FIELDS}, resolution="resolved: same name as "
                       "a town, division")
    for row in rows:  # names resolved without a cue word apply to later bare occurrences too
        if row["place_id"] and row["role"] in ("event", "dateline") and row["kind"] in ("city", "village") \
                and row["text"][:1].isupper() and row["text"] not in demonyms():
            sense.setdefault(row["text"], row)
    if not sense:
        return rows
    taken = {i for r in rows for i in range(r["start_char"], r["end_char"])}
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in sorted(sense, key=len, reverse=True)) + r")\b")
    extra = []
    ents = doc.ents  # spaCy rebuilds every entity span on each access
    for match in pattern.finditer(article.text):  # doc.text would be rebuilt token by token
        start, end = match.span()
        if taken & set(range(start, end)) or not article.is_extractable(start, end):
            continue
        span = doc.char_span(start, end)
        if span is None:
            continue
        ent = next((e for e in ents if e.start <= span.start and span.end <= e.end), None)
        whole = ent is None or (ent.start, ent.end) == (span.start, span.end)
        if ent is not None and ent.label_ == "PERSON" and not (
                whole and span.start > 0 and doc[span.start - 1].lower_ in _LOCATIVES):
            continue  # a person's name ("Jesse Jackson", "Jackson said"), not "in Jackson"
        if ent is not None and not whole and ent.label_ not in NESTING_LABELS:
            continue
        first = sense[match.group()]
        extra.append({**first, "start_char": start, "end_char": end, "text": match.group(),
                      "label": ent.label_ if ent is not None else "",
                      "role": "event" if whole else "nested",
                      "sentence": _sentence(doc, article, start, end),
                      "resolution": "resolved: same name as an earlier mention"})
        taken.update(range(start, end))
    return sorted(rows + extra, key=lambda r: (r["start_char"], r["end_char"]))


# --- tables ------------------------------------------------------------------------------


def main_place(place_rows: list[dict]) -> dict | None:
    """The article's main event place, for extractors that need a fallback location.

    The most mentioned resolved place below country level (event or nested
    role; the dateline adds one mention), falling back to countries; ties go
    to the more specific place, then to the earlier mention.

    Args:
        place_rows: Rows of :func:`resolve_places` for one article.

    Returns:
        The first row of the chosen place with an extra ``n_mentions`` field, or ``None``.
    """
    usable = [r for r in place_rows if r["place_id"] and r["role"] in ("event", "nested", "dateline")]
    if not usable:
        return None
    counts = Counter(r["place_id"] for r in usable)
    first = {}
    for row in sorted(usable, key=lambda r: r["start_char"]):
        first.setdefault(row["place_id"], row)
    local = [pid for pid in counts if first[pid]["precision"] <= 3] or list(counts)
    best = min(local, key=lambda pid: (-counts[pid], first[pid]["precision"], first[pid]["start_char"]))
    return {**first[best], "n_mentions": counts[best]}
