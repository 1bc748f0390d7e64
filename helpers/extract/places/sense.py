"""One sense per article: a place name resolved once keeps its place for the rest of the article.

"Town, Division" ("Greer, S.C.") fixes the town for every other mention of the
name, and a place resolved once (a town, division, county, region or country) also
covers the later occurrences the NER missed or labelled otherwise, and those inside
organisations' names ("the Georgia Bureau of Investigation").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from helpers.articles import Article
from helpers.extract.places.finding import NESTING_LABELS
from helpers.extract.places.mention import mention_sentence
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place_names import demonyms, doubtful_name

#: The fields of a row that say which place it is (copied from the first mention of a name).
PLACE_FIELDS = (
    "place_id",
    "geonameid",
    "canonical",
    "kind",
    "lat",
    "lon",
    "country",
    "admin1",
    "admin1_code",
    "precision",
)


def one_sense_per_article(doc: Doc, article: Article, rows: list[dict]) -> list[dict]:
    """A town named once as "Greer, S.C." is the same Greer everywhere in the article.

    * Other mentions of a name resolved by "Town, Division" take that place.
    * Occurrences of a resolved place name that no row covers (the NER missed them or
      tagged the name ORG, or PERSON right after "in", "near", ...) become rows of the
      same place; inside a longer entity they count only when it is not a person's name.
      A word or person's name ("Alexandria", "Georgia") counts again only after a
      locative or inside another entity, never as a bare word.
    * A name the NER tags PERSON on its own counts too when no longer person's name of the
      article holds it: news writes a person's full name before the surname alone
      ("Tom Lancaster ... Lancaster said"), so a bare "Lancaster" without one is the town.

    Args:
        doc: The parsed article.
        article: The article (text and extractable spans).
        rows: The article's resolved rows (updated in place).

    Returns:
        The rows with the added occurrences, in text order.
    """
    sense: dict[str, dict] = {}
    for row in rows:
        if row["resolution"] == "resolved: town, division":
            sense.setdefault(row["text"], row)
    _keep_cue_division(rows)
    for row in rows:
        first = sense.get(row["text"])
        if (
            first is not None
            and row is not first
            and row["role"] in ("event", "nested")
            and not row["resolution"].startswith(("resolved: cue word", "resolved: town"))
        ):
            row.update(
                {f: first[f] for f in PLACE_FIELDS}, resolution="resolved: same name as a town, division"
            )
    for row in rows:  # names resolved without a cue word apply to later bare occurrences too
        if (
            row["place_id"]
            and row["role"] in ("event", "dateline")
            and row["text"][:1].isupper()
            and not row["text"].isupper()  # capitals are headline words ("FROM", "OF") as often as names
            and row["text"] not in demonyms()
        ):
            sense.setdefault(row["text"], row)
    if not sense:
        return rows
    locatives = function_words().locatives
    taken = {i for r in rows for i in range(r["start_char"], r["end_char"])}
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(t) for t in sorted(sense, key=len, reverse=True)) + r")\b"
    )
    extra = []
    entity_of = _entity_of_tokens(doc)
    person_words = _person_name_words(doc)
    for match in pattern.finditer(article.text):  # doc.text would be rebuilt token by token
        start, end = match.span()
        if taken & set(range(start, end)) or not article.is_extractable(start, end):
            continue
        span = doc.char_span(start, end)
        if span is None:
            continue
        ent = entity_of[span.start]
        if ent is not None and span.end > ent.end:
            ent = None  # the match runs past the entity that holds its first token
        whole = ent is None or (ent.start, ent.end) == (span.start, span.end)
        if (
            ent is not None
            and ent.label_ == "PERSON"
            and not (whole and span.start > 0 and doc[span.start - 1].lower_ in locatives)
            and not (whole and match.group() not in person_words)
        ):
            continue  # a person's name ("Jesse Jackson", "Jackson said"), not "in Jackson"
        if ent is not None and not whole and ent.label_ not in NESTING_LABELS:
            continue
        first = sense[match.group()]
        if (
            first["resolution"] != "resolved: town, division"
            and doubtful_name(match.group())
            and not (span.start > 0 and doc[span.start - 1].lower_ in locatives)
            and ent is None
        ):
            continue  # "Hong" the town is no licence for "Hong" the man; "in Alexandria" or
            # "Alexandria City Public Schools" is
        extra.append(
            {
                **first,
                "start_char": start,
                "end_char": end,
                "text": match.group(),
                "label": ent.label_ if ent is not None else "",
                "role": "event" if whole else "nested",
                "sentence": mention_sentence(doc, article, start, end),
                "resolution": "resolved: same name as an earlier mention",
            }
        )
        taken.update(range(start, end))
    return sorted(rows + extra, key=lambda r: (r["start_char"], r["end_char"]))


def _entity_of_tokens(doc: Doc) -> list[Span | None]:
    """The entity holding each token of ``doc`` (``None`` outside entities), in one pass.

    Args:
        doc: The parsed article.

    Returns:
        One entry per token.
    """
    entity_of: list[Span | None] = [None] * len(doc)
    for ent in doc.ents:  # spaCy rebuilds every entity span on each access: read them once
        entity_of[ent.start : ent.end] = [ent] * (ent.end - ent.start)
    return entity_of


def _person_name_words(doc: Doc) -> set[str]:
    """Names written in the article's persons of two or more words ("Jesse Jackson", "Jackson").

    Args:
        doc: The parsed article.

    Returns:
        The words, and the whole names, of its multi-word PERSON entities.
    """
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            words.add(ent.text)
            words.update(token.text for token in ent)
    return words


#: Readings of a bare name, chosen by the article's context alone, that the same name under a cue
#: word replaces.
BARE_READINGS = ("resolved: best match", "resolved: article context")


def _keep_cue_division(rows: list[dict]) -> None:
    """A name read as a division under a cue word ("the province of Salahuddin") is that
    division in its bare mentions too ("in Diyala, Salahuddin, and Kirkuk"), unless the bare
    reading lies inside it (the town of Kirkuk in Kirkuk province stays the town).

    Args:
        rows: The article's resolved rows (updated in place).
    """
    divisions: dict[str, dict] = {}
    for row in rows:
        division = row["kind"] in ("admin1", "admin2", "region")
        if division and row["resolution"] == "resolved: cue word (admin)":
            divisions.setdefault(row["text"], row)
    for row in rows:
        first = divisions.get(row["text"])
        if (
            first is not None
            and row["resolution"] in BARE_READINGS
            and row["place_id"] != first["place_id"]
            and row["admin1_code"] != first["admin1_code"]
        ):
            row.update({f: first[f] for f in PLACE_FIELDS}, resolution="resolved: same name as a division")
