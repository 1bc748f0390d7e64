"""Entity mentions of one article, linked to actors and places.

One row per entity mention in extractable text (title and body paragraphs;
repeats, boilerplate and credits are left out so nothing is counted twice),
with the sentence as evidence, the linked actor for organisations and the
resolved place for place names (:func:`with_places`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from helpers.articles import Article
from helpers.extract.evidence import SentenceIndex, evidence
from helpers.knowledge.actors import ACTOR_LABELS, ActorDictionary, canonicalize, load_dictionary
from helpers.knowledge.state_actors import with_country


def context_countries(places: list[dict], main: dict | None = None) -> list[str]:
    """The article's countries, most telling first: the dateline's, the main place's, then the
    countries its places name, most named first.

    >>> rows = [{"role": "event", "country": "SO"}, {"role": "event", "country": "SO"},
    ...         {"role": "dateline", "country": "KE"}, {"role": "demonym", "country": "US"}]
    >>> context_countries(rows, {"country": "SO"})
    ['KE', 'SO', 'US']
    """
    dateline = [p["country"] for p in places if p.get("role") == "dateline" and p.get("country")]
    counts = Counter(p["country"] for p in places if p.get("country"))
    ranked = sorted(counts, key=lambda c: -counts[c])
    central = [main["country"]] if main and main.get("country") else []
    return list(dict.fromkeys([*dateline[:1], *central, *ranked]))


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
    sentences = SentenceIndex(doc)
    rows = []
    for ent in doc.ents:
        if not article.is_extractable(ent.start_char, ent.end_char):
            continue
        row = dict(
            evidence(ent, article, sentences), label=ent.label_, actor_id="", canonical="", category=""
        )
        if ent.label_ in ACTOR_LABELS:
            actor = dictionary.get(with_country(ent.ent_id_, countries[0] if countries else ""))
            if actor is not None:
                actor = dictionary.in_context(actor, ent.text, countries)
            link = (
                {
                    "actor_id": actor.actor_id,
                    "canonical": actor.canonical,
                    "category": actor.category,
                    "in_dictionary": True,
                }
                if actor
                else canonicalize(
                    ent.text, ent.label_, dictionary=dictionary, country=countries[0] if countries else ""
                )
            )
            if ent.label_ == "ORG" or link["in_dictionary"]:
                row.update(actor_id=link["actor_id"], canonical=link["canonical"], category=link["category"])
        rows.append(row)
    return rows


def with_places(mentions: list[dict], places: list[dict], *, doc: Doc, article: Article) -> list[dict]:
    """Mentions with the place columns of the resolved place at the same offsets.

    Place mentions the entity recogniser did not produce (a name nested in an
    organisation, a dateline, a name it missed) are added as GPE/LOC mentions
    too; demonyms nested in another entity ("Iraqi" in "the Iraqi army") are not.
    """
    by_span = {(p["start_char"], p["end_char"]): p for p in places}
    sentences = SentenceIndex(doc)
    merged = []
    for mention in mentions:
        place = by_span.pop((mention["start_char"], mention["end_char"]), None)
        merged.append({**mention, **_place_columns(place)})
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
                **_place_columns(place),
            }
        )
    return merged


def _place_columns(place: dict | None) -> dict:
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
