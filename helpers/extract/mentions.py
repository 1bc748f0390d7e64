"""Entity mentions of one article, linked to actors and places.

One row per entity mention in extractable text (title and body paragraphs;
repeats, boilerplate and credits are left out so nothing is counted twice),
with the sentence as evidence, the linked actor for organisations and the
resolved place for place names (:func:`with_places`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from helpers.articles import Article
from helpers.extract.evidence import SentenceIndex, evidence
from helpers.knowledge.actors import ACTOR_LABELS, ActorDictionary, canonicalize, load_dictionary


def extract_mentions(doc: Doc, article: Article, *, dictionary: ActorDictionary | None = None) -> list[dict]:
    """One row per named entity of ``doc`` that lies in extractable text.

    Organisation mentions (and NORP mentions the actor dictionary knows) are
    linked to actors: a dictionary hit of the entity ruler keeps its actor id,
    other mentions are looked up by :func:`helpers.knowledge.actors.canonicalize`.

    Args:
        doc: The parsed article text.
        article: The article ``doc`` was parsed from.
        dictionary: Actor dictionary (default: the built-in one).

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
            actor = dictionary.actors.get(ent.ent_id_)
            link = (
                {
                    "actor_id": actor.actor_id,
                    "canonical": actor.canonical,
                    "category": actor.category,
                    "in_dictionary": True,
                }
                if actor
                else canonicalize(ent.text, ent.label_, dictionary=dictionary)
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
