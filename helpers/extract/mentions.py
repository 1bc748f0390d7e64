"""Entity mentions of one article, linked to actors and places.

One row per entity mention in extractable text (title and body paragraphs;
repeats, boilerplate and credits are left out so nothing is counted twice),
with the sentence as evidence, the linked actor for organisations and the
resolved place for place names (:func:`with_places`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from helpers.articles import Article
from helpers.extract.casualties.entities import common_noun_entity
from helpers.extract.evidence import SentenceIndex, evidence, sentence_index, sentence_of
from helpers.extract.persons.name_spans import known_places
from helpers.knowledge.actors import (
    ACTOR_LABELS,
    ActorDictionary,
    canonicalize,
    force_words,
    is_acronym,
    load_dictionary,
    lookup_key,
)
from helpers.knowledge.grammar import function_words
from helpers.knowledge.state_actors import lookup_state, with_country
from helpers.knowledge.titles import title_words
from helpers.nlp.state_rules import acts_as_party

#: Parts of speech of a word used as English, not as a name ("IS" read as the verb).
_FUNCTION_POS = frozenset({"VERB", "AUX", "PRON", "ADP", "DET", "SCONJ", "CCONJ", "PART", "ADV"})
#: Longest acronym (in letters) that needs its article's support to name an actor of a country.
SHORT_ACRONYM = 3
#: Categories of the parties to a conflict, whose short acronyms are another body's elsewhere
#: ("KIA", "ADF"); media and international bodies ("AFP", "UN") are named so worldwide.
PARTY_CATEGORIES = frozenset({"armed_group", "militia", "state_force", "party"})
#: Most characters between a dateline's place and its outlet ("MOSUL, Iraq, Jan 5 (Reuters)").
MAX_DATELINE_GAP = 60


def needs_support(ent) -> bool:
    """True for a one-word acronym alias ("IS", "WHO", "KIA", "ADF") that may be an English word or
    another body's initials: a stop word, a word the tagger reads as a function word, or at most
    :data:`SHORT_ACRONYM` letters.
    """
    word = ent.text.strip()
    if len(ent) != 1 or not is_acronym(word):
        return False
    return word.lower() in STOP_WORDS or ent[0].pos_ in _FUNCTION_POS or len(word) <= SHORT_ACRONYM


def supported(ent, actor, named: set[str], countries: Sequence[str]) -> bool:
    """Whether the article supports a short acronym's actor.

    An English word in capitals ("IS", "WHO") must stand in a sentence that is not written in
    capitals and be read as a name, or the article must name the actor in full; a short
    acronym of a party to a conflict in one country ("KIA", "ADF") needs the country among the
    article's countries or the actor named in full.
    """
    if actor.actor_id in named:
        return True
    word = ent.text.strip()
    if word.lower() in STOP_WORDS or ent[0].pos_ in _FUNCTION_POS:
        letters = [c for c in sentence_of(ent).text if c.isalpha()]
        in_capitals = sum(c.isupper() for c in letters) > 0.6 * max(len(letters), 1)
        return (
            not in_capitals
            and ent[0].pos_ not in _FUNCTION_POS
            and (not actor.country or actor.country in countries)
        )
    local = actor.category in PARTY_CATEGORIES and actor.country
    return not local or actor.country in countries


def context_countries(places: list[dict], main: dict | None = None) -> list[str]:
    """The article's countries, most telling first: the main place's (a story is about it, where a
    dateline may be a bureau abroad), the dateline's, then the countries its places name, most
    named first.

    >>> rows = [{"role": "event", "country": "SO"}, {"role": "event", "country": "SO"},
    ...         {"role": "dateline", "country": "KE"}, {"role": "demonym", "country": "US"}]
    >>> context_countries(rows, {"country": "SO"})
    ['SO', 'KE', 'US']
    """
    dateline = [p["country"] for p in places if p.get("role") == "dateline" and p.get("country")]
    counts = Counter(p["country"] for p in places if p.get("country"))
    ranked = sorted(counts, key=lambda c: -counts[c])
    central = [main["country"]] if main and main.get("country") else []
    return list(dict.fromkeys([*central, *dateline[:1], *ranked]))


def extract_mentions(
    doc: Doc,
    article: Article,
    *,
    dictionary: ActorDictionary | None = None,
    countries: Sequence[str] = (),
) -> list[dict]:
    """One row per named entity of ``doc`` that lies in extractable text.

    Organisation mentions (and NORP mentions the actor dictionary knows) are
    linked to actors: a dictionary hit of the entity ruler keeps its actor id,
    other mentions are looked up by :func:`helpers.knowledge.actors.canonicalize`.

    Args:
        doc: The parsed article text.
        article: The article ``doc`` was parsed from.
        dictionary: Actor dictionary (default: the built-in one).
        countries: The article's countries, most telling first (:func:`context_countries`):
            a bare state body ("the Interior Ministry") is the first one's, and an alias
            shared by groups of several countries names the group of the first it lists.

    Returns:
        Rows with the ``mentions`` columns (see the README's data dictionary).
    """
    dictionary = dictionary or load_dictionary()
    sentences = sentence_index(doc)
    country = countries[0] if countries else ""
    rows, short = [], []
    menus: dict[int, bool] = {}
    for ent in doc.ents:
        if (
            not article.is_extractable(ent.start_char, ent.end_char)
            or _photo_credit(ent)
            or common_noun_entity(ent)
            or _modifier_or_title(ent)
            or _thing(ent)
            or _menu(ent, sentences, menus)
        ):
            continue
        ent = _whole_name(ent)
        label = "EVENT" if _operation(ent) else ent.label_
        row = dict(evidence(ent, article, sentences), label=label, actor_id="", canonical="", category="")
        if label in ACTOR_LABELS:
            ruled = with_country(ent.ent_id_, country)
            if ruled.startswith("state:") and country:  # a name two states share: "Congo's army" in Goma
                ruled = lookup_state(ent.text, country=country) or ruled
            actor = dictionary.get(ruled)
            if actor is None:
                link = canonicalize(ent.text, ent.label_, dictionary=dictionary, country=country)
                actor = dictionary.get(link["actor_id"]) if link["in_dictionary"] else None
            if actor is not None:
                actor = dictionary.in_context(actor, ent.text, countries)
                link = {"actor_id": actor.actor_id, "canonical": actor.canonical, "category": actor.category}
                if needs_support(ent):
                    short.append((len(rows), ent, actor))
            if label == "ORG" or actor is not None:
                row.update(actor_id=link["actor_id"], canonical=link["canonical"], category=link["category"])
        rows.append(row)
    acronyms = {i for i, _, _ in short}
    named = {row["actor_id"] for i, row in enumerate(rows) if row["actor_id"] and i not in acronyms}
    unsupported = {i for i, ent, actor in short if not supported(ent, actor, named, countries)}
    rows = [row for i, row in enumerate(rows) if i not in unsupported]
    return rows + _dateline_outlet(doc, article, dictionary, sentences)


def _menu(ent: Span, sentences: SentenceIndex, menus: dict[int, bool]) -> bool:
    """True for an entity in a menu or share line ("iPhone | iPad | Android | SMS"); ``menus``
    keeps each sentence's answer, so a long sentence is read once."""
    number, sentence = sentences.of(ent)
    if number not in menus:
        menus[number] = sum(token.text == "|" for token in sentence) >= 2
    return menus[number]


def _photo_credit(ent: Span) -> bool:
    """True for an organisation that is a photo credit: "Brett Coomer / Houston Chronicle"."""
    return ent.label_ == "ORG" and any(token.text == "/" for token in ent)


def _modifier_or_title(ent: Span) -> bool:
    """True for a one-word organisation that is an adjective in lower case ("the military action":
    no body, but a kind of action) or the end of a title ("Secretary of State", "Minister of
    Defence": the person's office, not the body); an acronym or dictionary name after a title
    stays ("Commander of CENTCOM")."""
    if ent.label_ != "ORG" or len(ent) != 1:
        return False
    if ent[0].is_lower and ent[0].pos_ == "ADJ":
        return True
    start, word = ent.start, ent[0]
    return (
        start >= 2
        and not ent.ent_id_
        and word.is_title  # "Secretary of State", not "commander for AQI"
        and ent.doc[start - 1].lower_ in function_words().title_connectors
        and ent.doc[start - 2].is_title
        and ent.doc[start - 2].text.rstrip(".").lower() in title_words().words
    )


def _thing(ent: Span) -> bool:
    """True for an acronym outside the dictionary counted as a thing ("a VBIED", "two UAVs"): an
    organisation takes no indefinite article or number, unless it modifies a noun ("a UN agency")."""
    if ent.label_ != "ORG" or ent.ent_id_ or len(ent) != 1 or not is_acronym(ent.text.rstrip("s")):
        return False
    before = ent.doc[ent.start - 1] if ent.start else None
    counted = before is not None and (
        before.lower_ in function_words().indefinite_articles or before.like_num
    )
    return counted and ent.root.dep_ not in {"compound", "nmod", "amod"}


def _operation(ent: Span) -> bool:
    """True for the name of a military operation or exercise the recogniser labelled an organisation
    ("Operation Inherent Resolve", "Exercise Eager Lion"): an event, not a party."""
    words = [token for token in ent if token.lower_ not in function_words().definite_articles]
    return (
        ent.label_ == "ORG"
        and len(words) >= 2
        and words[0].is_title
        and words[0].lower_ in force_words().operations
        and words[1].is_title
    )


def _whole_name(ent: Span) -> Span:
    """An organisation the recogniser cut short, going on over the capitalised proper nouns
    outside any entity right after it ("Church of Jesus Christ of Latter-day" + "Saints")."""
    if ent.label_ != "ORG" or ent.ent_id_:
        return ent
    doc, end = ent.doc, ent.end
    while (
        end < len(doc)
        and doc[end - 1].whitespace_ == " "
        and doc[end].pos_ == "PROPN"
        and doc[end].is_alpha
        and doc[end].is_title
        and not doc[end].ent_type_
        and not doc[end].is_sent_start
    ):
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def _dateline_outlet(doc: Doc, article: Article, dictionary: ActorDictionary, sentences) -> list[dict]:
    """The outlet a wire dateline names ("KALAYA, Pakistan (Reuters) -"), as an ORG mention.

    The dateline lies outside every paragraph, so the outlet is no entity of extractable text;
    it is an actor of the article all the same (the media that reports it).
    """
    if not article.outlet or article.dateline_span is None:
        return []
    start = article.text.find(article.outlet, article.dateline_span[1])
    paragraph = article.paragraph_at(start) if start >= 0 else None
    if (
        start < 0
        or (paragraph is not None and paragraph.start < start)
        or start - article.dateline_span[1] > 60
    ):
        return []
    span = doc.char_span(start, start + len(article.outlet), alignment_mode="expand")
    if span is None:
        return []
    link = canonicalize(article.outlet, "ORG", dictionary=dictionary)
    row = dict(evidence(span, article, sentences), label="ORG")
    category = link["category"] or "media"  # what a dateline names there is an outlet
    row.update(actor_id=link["actor_id"], canonical=link["canonical"], category=category)
    return [row]


def _as_actor(mention: dict, place: dict | None, doc: Doc, dictionary: ActorDictionary) -> dict:
    """A mention with its actor columns: a country acting as a party is its government's
    mention (and stays a place); an organisation name the dictionary does not know that the place
    layer resolved, or that names a known town or country, is a place ("SC", "Isla Vista"), not an
    actor."""
    unknown = (
        mention["label"] == "ORG"
        and mention["actor_id"].startswith("org:")
        and mention["category"] != "media"
    )
    if unknown and (place or {}).get("place_id"):
        label = "LOC" if place.get("kind") == "region" else "GPE"
        return {**mention, "label": label, "actor_id": "", "canonical": "", "category": ""}
    if unknown and lookup_key(mention["text"]) in known_places():  # a town the gazetteer lacks
        return {**mention, "label": "GPE", "actor_id": "", "canonical": "", "category": ""}
    if place is None or not place.get("place_id"):
        return mention
    span = doc.char_span(mention["start_char"], mention["end_char"], alignment_mode="expand")
    if mention["label"] != "GPE" or place.get("kind") != "country" or span is None or not acts_as_party(span):
        return mention
    actor = dictionary.get(f"state:{place['country']}:government")
    if actor is None:
        return mention
    return {**mention, "actor_id": actor.actor_id, "canonical": actor.canonical, "category": actor.category}


def with_places(
    mentions: list[dict],
    places: list[dict],
    *,
    doc: Doc,
    article: Article,
    dictionary: ActorDictionary | None = None,
) -> list[dict]:
    """Mentions with the place columns of the resolved place at the same offsets.

    Place mentions the entity recogniser did not produce (a name nested in an
    organisation, a dateline, a name it missed) are added as GPE/LOC mentions
    too; demonyms nested in another entity ("Iraqi" in "the Iraqi army") are not.
    A country acting as a party gets its government as actor (:func:`acts_as_party`);
    an unknown organisation name resolved to a place becomes a place mention.
    """
    dictionary = dictionary or load_dictionary()
    by_span = {(p["start_char"], p["end_char"]): p for p in places}
    sentences = sentence_index(doc)
    merged = []
    for mention in mentions:
        place = by_span.pop((mention["start_char"], mention["end_char"]), None)
        if place is None and mention["label"] == "GPE" and mention["text"][:4].lower() == "the ":
            place = by_span.pop((mention["start_char"] + 4, mention["end_char"]), None)  # "The United States"
        merged.append({**_as_actor(mention, place, doc, dictionary), **place_columns(place)})
    for place in by_span.values():
        if place.get("role") == "demonym":  # an adjective inside another entity ("Iraqi army")
            continue
        paragraph = article.paragraph_at(place["start_char"])
        token = doc.char_span(place["start_char"], place["end_char"], alignment_mode="expand")
        merged.append(
            {
                "article_id": place["article_id"],
                "paragraph": paragraph.index if paragraph else None,
                "sentence_id": sentences.of(token)[0] if token is not None else None,
                "start_char": place["start_char"],
                "end_char": place["end_char"],
                "text": place["text"],
                "label": "LOC" if place.get("kind") == "region" else "GPE",
                "sentence": place["sentence"],
                "actor_id": "",
                "canonical": "",
                "category": "",
                **place_columns(place),
            }
        )
    return merged


def place_columns(place: dict | None) -> dict:
    """The place columns of a mention: the resolved place's, else empty."""
    if place is None or not place.get("place_id"):
        return {
            "place_id": "",
            "lat": None,
            "lon": None,
            "country": "",
            "admin1": "",
            "admin1_code": "",
            "place_kind": "",
        }
    return {
        "place_id": place["place_id"],
        "lat": place["lat"],
        "lon": place["lon"],
        "country": place["country"],
        "admin1": place["admin1"],
        "admin1_code": place["admin1_code"],
        "place_kind": "demonym" if place.get("role") == "demonym" else place["kind"],
    }
