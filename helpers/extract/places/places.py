"""The place extractor: every place mention of an article, resolved; and the article's main place.

:func:`resolve_places` runs the steps of the package in order: find the
mentions (:mod:`~helpers.extract.places.finding`), gather the article's
context and resolve each mention with it (:mod:`~helpers.extract.places.resolution`),
put the parts written as a town's own in it (:mod:`~helpers.extract.places.town_parts`),
then give a town one sense per article (:mod:`~helpers.extract.places.sense`), and
mark the towns the wounded were taken to (:mod:`~helpers.extract.places.treatment`).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from helpers.articles import Article
from helpers.extract.places.article_context import article_context
from helpers.extract.places.finding import UNRESOLVED_LABELS, find_mentions
from helpers.extract.places.home_division import article_before, names_part_of_town
from helpers.extract.places.mention import Mention, mention_sentence
from helpers.extract.places.phone_areas import cite_phone_areas, phone_areas
from helpers.extract.places.resolution import NOT_IN_GAZETTEER, resolve_mention
from helpers.extract.places.sense import one_sense_per_article
from helpers.extract.places.speakers import spoken_from
from helpers.extract.places.town_parts import parts_of_towns
from helpers.extract.places.treatment import treated_there
from helpers.extract.places.unlisted import foreign_reading, off_scene, place_unlisted, unlisted_kind
from helpers.knowledge.gazetteer import Gazetteer, default_gazetteer
from helpers.knowledge.grammar import function_words
from helpers.knowledge.outlets import title_site_start
from helpers.knowledge.place_name_keys import expand_abbreviation, normalize_name
from helpers.knowledge.vocabulary import place_nouns
from helpers.tables import columns

#: Readings of a town named before a division that holds none of its namesakes ("Matanog, Davao
#: del Sur"; or unresolved): such a name is a town of the division the gazetteer lacks.
TOWN_READINGS = frozenset({"city", "village"})
#: The unlisted kind it is then given.
TOWN = "city"


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
        (``event``, ``dateline``, ``nested``, ``demonym``, ``outlet``: in the title's site name,
        ``hospital``: where the wounded were taken)
        and the place fields; unresolved mentions (GPE and LOC entities, datelines) keep ``place_id=None`` and
        say why in ``resolution``; other unresolved names are no place mentions.
    """
    gazetteer = gazetteer or default_gazetteer()
    mentions = find_mentions(doc, article, gazetteer)
    phones = phone_areas(article.text)
    context = article_context(mentions, gazetteer, phones)
    parts = _names_of_parts(doc, article.text, mentions)
    rows, pending = [], []

    def sentence(row: Mention) -> str:  # read for the rows kept and a cue-named village's scene only
        return mention_sentence(doc, article, row["start_char"], row["end_char"])

    for row in mentions:
        key = normalize_name(expand_abbreviation(row["text"]))
        row["named_part"] = key in parts
        countries, admin1_codes = context.without(key)
        resolved = resolve_mention(
            row,
            gazetteer,
            countries,
            admin1_codes,
            nearby=context.nearby(key),
            neighbours=context.neighbours(key),
            home=context.dateline_provinces,
        )
        kind = ""
        if resolved and row["role"] == "event":  # a part of a town is a place of the town's kind
            kind = unlisted_kind(doc, row.span) or (TOWN if row["named_part"] else "")
        if (
            resolved
            and row.get("outside")
            and (resolved.get("kind") in TOWN_READINGS or not resolved["place_id"])
        ):
            kind = kind or TOWN  # "Matanog, Davao del Sur": a town of the division, not a namesake elsewhere
        unlisted = kind and (
            resolved["resolution"] == NOT_IN_GAZETTEER
            or foreign_reading(kind, resolved, countries, gazetteer)
            or bool(row.get("outside"))
            or off_scene(
                kind,
                {**resolved, "sentence": sentence(row), "start_char": row["start_char"]},
                rows,
                article.text,
            )
        )
        if not resolved or not (
            resolved["place_id"] or row["label"] in UNRESOLVED_LABELS or row["role"] == "dateline" or unlisted
        ):
            continue  # a name nobody called a place and that lacks place evidence: not a mention
        out = {
            "article_id": row["article_id"],
            "start_char": row["start_char"],
            "end_char": row["end_char"],
            "text": row["text"],
            "sentence": sentence(row),
            "label": row["label"],
            **resolved,
        }
        if unlisted:
            kept = bool(resolved["place_id"]) or row["label"] in UNRESOLVED_LABELS
            part = row["named_part"] or names_part_of_town(row.span)
            pending.append({**out, "unlisted": kind, "kept": kept, "part": part})
        else:
            rows.append(out)
    rows = place_unlisted(rows, pending, article.text, context.without("")[0], gazetteer)
    rows = cite_phone_areas(one_sense_per_article(doc, article, parts_of_towns(article.text, rows)), phones)
    site = _site_name(article)
    for row in rows:  # the outlet's home, not a place of what the article reports
        if row["role"] != "dateline" and site[0] <= row["start_char"] < site[1]:
            row["role"] = "outlet"
        elif row["role"] in ("event", "nested") and treated_there(_span(doc, row)):
            row["role"] = "hospital"
        elif row["role"] in ("event", "nested") and spoken_from(_span(doc, row)):
            row["role"] = "speaker"
    return [{column: r[column] for column in columns("place_mentions")} for r in rows]


def _names_of_parts(doc: Doc, text: str, mentions: list[Mention]) -> frozenset[str]:
    """The names (normalised) of the article's mentions that it writes, once at least, after "the" and
    before a word of a part of a town ("the South Austin neighborhood", tagged or not): its other
    mentions of the name are that part too. "A Chicago neighborhood" is one of Chicago, no name.
    ``text`` is the article's (``doc.text``, which spaCy rebuilds on every call)."""
    names = {m["text"] for m in mentions if m["role"] in ("event", "dateline")}
    found = set()
    for token in doc:
        if token.lower_ not in place_nouns().part:
            continue
        end = token.idx
        while end > 0 and text[end - 1].isspace():
            end -= 1
        written = max((name for name in names if text.endswith(name, 0, end)), key=len, default="")
        span = doc.char_span(end - len(written), end) if written else None
        # the longest name, after "the": "the South Chicago neighborhood"
        if span is not None and article_before(span) in function_words().definite_articles:
            found.add(normalize_name(expand_abbreviation(written)))
    return frozenset(found)


def _span(doc: Doc, row: dict) -> Span:
    return doc.char_span(row["start_char"], row["end_char"], alignment_mode="expand")


def _site_name(article: Article) -> tuple[int, int]:
    """The span of the site's name at the end of the article's title, or an empty span."""
    title = article.paragraphs[0] if article.paragraphs else None
    if title is None or title.kind != "title":
        return 0, 0
    start = title_site_start(article.text[title.start : title.end])
    return (0, 0) if start is None else (title.start + start, title.end)


def main_place(place_rows: list[dict]) -> dict | None:
    """The article's main event place, for extractors that need a fallback location.

    The most mentioned resolved place below country level (event or nested
    role; the dateline adds one mention), falling back to countries, and in an
    article that names no other place to the towns the wounded were taken to
    (role ``hospital``) or its sources spoke from (``speaker``); ties go to the place whose
    province the article names more, then to the more specific place, then to the earlier mention.

    Args:
        place_rows: Rows of :func:`resolve_places` for one article.

    Returns:
        The first row of the chosen place with an extra ``n_mentions`` field, or ``None``.
    """
    placed = [r for r in place_rows if r["place_id"]]
    usable = [r for r in placed if r["role"] in ("event", "nested", "dateline")]
    usable = usable or [r for r in placed if r["role"] in ("hospital", "speaker")]
    if not usable:
        return None
    counts = Counter(r["place_id"] for r in usable)
    first = {}
    for row in sorted(usable, key=lambda r: r["start_char"]):
        first.setdefault(row["place_id"], row)
    # Wire copy datelines the capital it is filed from and tells a town of another province, naming
    # the province too ("MAPUTO - Insurgents attacked the town of Macomia in Cabo Delgado province"):
    # between places mentioned as often, the one whose province the article names more wins.
    provinces = Counter((r["country"], r.get("admin1_code")) for r in usable if r.get("admin1_code"))
    local = [pid for pid in counts if first[pid]["precision"] <= 3] or list(counts)
    best = min(
        local,
        key=lambda pid: (
            -counts[pid],
            -provinces[first[pid]["country"], first[pid].get("admin1_code")],
            first[pid]["precision"],
            first[pid]["start_char"],
        ),
    )
    return {**first[best], "n_mentions": counts[best]}
