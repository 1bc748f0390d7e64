"""Person names in an article: candidate spans, name mentions, variants and descriptions.

Names come from the statistical NER (``PERSON``) plus proper nouns that carry a
person cue: a rank or title before them, a title apposition after them
(:mod:`helpers.extract.persons.titles`), or a speech verb they are the subject of
("Kaabi warned"). Within an article, spelling variants ("Abdul-Amir" / "Abdul
Amir") and later surnames ("Kamal") resolve to the full name seen in the article
(:func:`resolve_names`), and definite descriptions ("the major general") to the
person they describe (:func:`nominal_mentions`). :func:`mention_row` writes one
``person_mentions`` row.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from helpers.articles import Article
from helpers.extract.evidence import sentence_of
from helpers.extract.persons.name_spans import candidate_spans, known_places, normalise_name, street_name
from helpers.extract.persons.titles import TITLE_KINDS, Lexicon, after_office, read_apposition, read_prefix
from helpers.extract.places.treatment import moves_someone
from helpers.knowledge.casualty_lexicon import group_words
from helpers.knowledge.grammar import function_words, name_particles
from helpers.knowledge.speech import speech_verbs
from helpers.knowledge.vocabulary import place_nouns

#: Lemmas of verbs that report speech; a proper noun that is their subject is a person.
SPEECH_CUES: frozenset[str] = speech_verbs().cues


def person_id(name: str) -> str:
    """Return the stable id of a person name (its normalised key, dash-joined).

    >>> person_id("Qaraman Sheikh Kamal")
    'qaraman-sheikh-kamal'
    """
    return normalise_name(name).replace(" ", "-")


def _core_tokens(key: str) -> tuple[str, ...]:
    """Name tokens without particles, used to match a surname to a full name."""
    return tuple(t for t in key.split() if t not in name_particles().all)


@dataclass
class Mention:
    """A person mention being built: token span and what its context says.

    Attributes:
        start: First token.
        end: Token after the last one.
        rank: Normalised rank read around the name ("Lieutenant General").
        title: Title read around the name ("Deputy Commander").
        affiliation: Organisation or place the person belongs to.
        mention: ``name`` or ``nominal``.
        key: Matching key of the name (:func:`normalise_name`).
        canonical: The article's full form of the name.
    """

    start: int
    end: int
    rank: str = ""
    title: str = ""
    affiliation: str = ""
    mention: str = "name"
    key: str = ""
    canonical: str = ""


def _strip_name(doc: Doc, start: int, end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Drop rank/title words, determiners and possessives around a name span."""
    kinds, start = (*TITLE_KINDS, "honorific"), after_office(doc, start, end, lexicon)
    while start < end:
        hit = lexicon.starting(kinds, start, limit=end - 1)
        if hit is not None:
            start = hit.end
        elif doc[start].pos_ == "DET" or doc[start].is_punct:
            start += 1
        else:
            break
    # a lone apostrophe is punctuation
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in function_words().possessives):
        end -= 1
    span = doc[start:end]
    capitalised = any(t.is_alpha and t.text[:1].isupper() for t in span)
    group = len(span) == 1 and {span[0].lower_, span[0].lemma_.lower()} & group_words()  # "Gang kills 20"
    if group or not capitalised or all(lexicon.covers(t.i, kinds) for t in span):
        return None
    return start, end


def _in_place_context(span: Span) -> bool:
    """True when a name span is really a place: "Kirkuk, Diyala, and Salahuddin provinces", or one
    word after a locative ("in Raqqah") or that names a known country or city ("Jordan"), or a
    street (:func:`~helpers.extract.persons.name_spans.street_name`), or where someone was taken
    (:func:`_moved_to`)."""
    root, doc = span.root, span.doc
    if street_name(span) or _moved_to(span):
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    place_words = place_nouns().after_name
    before = doc[span.start - 1].lower_ if span.start else ""
    one_word_place = before in function_words().locatives or normalise_name(span.text) in known_places()
    if (nxt is not None and nxt.lower_ in place_words) or (len(span) == 1 and one_word_place):
        return True
    if root.head.lower_ in place_words and root.dep_ in {"compound", "nmod", "amod", "conj"}:
        return True
    neighbours = list(root.conjuncts)
    if root.dep_ in {"appos", "conj"}:
        neighbours.append(root.head)
    # list items next to the span: "Diyala, Salahuddin, and Kirkuk"
    if span.start >= 2 and doc[span.start - 1].text == ",":
        neighbours.append(doc[span.start - 2])
    after = span.end + (span.end < len(doc) and doc[span.end].text == ",")
    if after < len(doc) and doc[after].lower_ in function_words().list_conjunctions:
        after += 1
    if after > span.end and after < len(doc):
        neighbours.append(doc[after])
    return any(
        other.ent_type_ in {"GPE", "LOC", "FAC"}
        or (other.head.lower_ in place_words and other.dep_ in {"compound", "nmod"})
        for other in neighbours
    )


def _moved_to(span: Span) -> bool:
    """True when the name follows "to" of a verb that moved someone there (``event_cues.csv``, kinds
    "treated" and "moved"): a place, often a hospital named without its care word ("was taken to
    Memorial Hermann", "airlifted to Harborview"), not a person."""
    preposition = span.root.head
    if span.root.dep_ != "pobj" or preposition.lower_ != "to" or preposition.i > span.start:
        return False
    return moves_someone(preposition.head, ("treated", "moved"))


def _has_speech_cue(span: Span) -> bool:
    """True when a span is the subject of a speech verb ("Kaabi warned", "said Kaabi")."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in SPEECH_CUES


def _name_like(span: Span, lexicon: Lexicon) -> bool:
    """True when a non-PERSON span could be a person's name promoted by a cue."""
    if span.ent_id_ or len(span) > 4 or span.text.isupper():
        return False
    if any(lexicon.covers(t.i, (*TITLE_KINDS, "body")) for t in span):
        return False
    if normalise_name(span.text) in known_places():
        return False
    return all(t.pos_ == "PROPN" or t.text in {"-", "‐"} for t in span)


def _paragraph_bounds(doc: Doc, article: Article, token: Token) -> tuple[int, int]:
    """Token range of the paragraph holding ``token`` (the whole doc if none)."""
    paragraph = article.paragraph_at(token.idx)
    if paragraph is None:
        return 0, len(doc)
    span = doc.char_span(paragraph.start, paragraph.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, len(doc))


def name_mentions(doc: Doc, article: Article, lexicon: Lexicon) -> list[Mention]:
    """Person-name mentions in extractable text, with what their context says.

    Args:
        doc: The parsed article.
        article: The article ``doc`` was parsed from (paragraphs, extractable text).
        lexicon: Lexicon matches of ``doc``.

    Returns:
        The mentions in text order, each with its own rank, title and affiliation.
    """
    mentions: list[Mention] = []
    taken: set[int] = set()
    named: set[str] = set()  # keys and surnames of the persons found so far
    candidates = candidate_spans(doc)
    whole = [_strip_name(doc, s, e, lexicon) for s, e, person in candidates if person]
    full = {normalise_name(doc[w[0] : w[1]].text) for w in whole if w and w[1] - w[0] > 1}
    for start, end, is_person in candidates:
        if not is_person and street_name(doc[start:end]):
            continue  # "King Street" (a facility): no title "King" before a person "Street"
        stripped = _strip_name(doc, start, end, lexicon)
        if stripped is None:
            continue
        start, end = stripped
        # an organisation ending in a full name of the article ("the Middle East Tobias Ellwood")
        cut = next((k for k in range(start + 1, end - 1) if normalise_name(doc[k:end].text) in full), None)
        start, is_person = (cut, True) if cut and not is_person else (start, is_person)
        span = doc[start:end]
        if taken & set(range(start, end)):
            continue
        if not article.is_extractable(span.start_char, span.end_char):
            continue
        floor, ceiling = _paragraph_bounds(doc, article, doc[start])
        rank, title, affiliation, _ = read_prefix(doc, start, lexicon, floor=floor)
        post_rank, post_title, post_affiliation = read_apposition(doc, end, lexicon, ceiling=ceiling)
        titled = bool(rank or title or post_title or post_rank)
        cued = titled or _has_speech_cue(span)
        if is_person and _in_place_context(span) and not cued:
            continue
        # organisations are often subjects of "said": only a rank or title makes a multi-word one
        # a person; one word outside the dictionary ("Stivender said") or a name or surname of a
        # person found before ("Butler") is one
        key = normalise_name(span.text)
        org = span.root.ent_type_ == "ORG" and len(span) > 1
        known = key in named and span.root.ent_type_ not in {"GPE", "LOC", "FAC"}
        if not is_person and not ((titled or (cued and not org) or known) and _name_like(span, lexicon)):
            continue
        named.update((key, key.split()[-1]))
        taken |= set(range(start, end))
        mentions.append(
            Mention(
                start,
                end,
                rank=rank or post_rank,
                title=title or post_title,
                affiliation=affiliation or post_affiliation,
                key=key,
                canonical=" ".join(span.text.replace("’", "'").split()),
            )
        )
    return sorted(mentions, key=lambda m: m.start)


def resolve_names(mentions: list[Mention]) -> None:
    """Merge spelling variants and resolve shorter names to a full name of the article.

    A name whose tokens (particles aside) end a longer name of the article
    ("Kamal", "al-Harki", "Abdul Rahman Mustafa") takes that name: the latest
    one before it, else the only one in the article.

    Args:
        mentions: Name mentions of one article; their ``key`` and ``canonical``
            are set in place.
    """
    first: dict[str, Mention] = {}
    for m in mentions:
        first.setdefault(m.key, m)
    for m in mentions:
        core = _core_tokens(m.key)
        longer = [f for key, f in first.items() if core and _shortens(core, _core_tokens(key))]
        before = [f for f in longer if f.start < m.start]
        target = (
            max(before, key=lambda f: f.start)
            if before
            else (longer[0] if len(longer) == 1 else first[m.key])
        )
        m.key, m.canonical = target.key, target.canonical


def _shortens(core: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when a name's core tokens are a short form of a longer name's: its last tokens
    ("Hadi" of "Abd-Rabbu Mansour Hadi"), or its first and last with words left out between
    ("Abu al-Adnani" of "Abu Mohammed al-Adnani").

    >>> _shortens(("hadi",), ("abd-rabbu", "mansour", "hadi"))
    True
    >>> _shortens(("abu", "adnani"), ("abu", "mohammed", "adnani"))
    True
    >>> _shortens(("ali", "hassan"), ("ali", "hussein", "saleh"))
    False
    """
    if len(full) <= len(core):
        return False
    if full[-len(core) :] == core:
        return True
    return len(core) >= 2 and core[0] == full[0] and core[-1] == full[-1] and set(core) <= set(full)


def nominal_mentions(doc: Doc, article: Article, lexicon: Lexicon, names: list[Mention]) -> list[Mention]:
    """Definite descriptions ("the major general", "the parliamentary official") of named persons.

    A description resolves to the latest earlier person with the same rank or title;
    failing that, to the only person named in the preceding sentence. Otherwise it is
    left out (not a new person).

    Args:
        doc: The parsed article.
        article: The article ``doc`` was parsed from.
        lexicon: Lexicon matches of ``doc``.
        names: The article's resolved name mentions.

    Returns:
        One ``nominal`` mention per resolved description.
    """
    used = {i for m in names for i in range(m.start, m.end)}
    profile: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"rank": set(), "title": set()})
    for m in names:
        profile[m.key]["rank"].add(m.rank.lower())
        profile[m.key]["title"].update(m.title.lower().split())
    starts = [m.start for m in names]  # in text order: binary search, not a scan per description
    described: dict[tuple[str, str], list[int]] = {}

    def last_described(kind: str, wanted: str, before: int, det: int) -> Mention | None:
        """The latest name among ``names[:before]``, ending by ``det``, with this rank or title."""
        if (kind, wanted) not in described:
            described[kind, wanted] = [i for i, m in enumerate(names) if wanted in profile[m.key][kind]]
        indexes = described[kind, wanted]
        latest = range(bisect_left(indexes, before) - 1, -1, -1)
        return next((names[indexes[k]] for k in latest if names[indexes[k]].end <= det), None)

    found: list[Mention] = []
    for kind in ("rank", "title"):
        for (hit_kind, start), hits in list(lexicon.by_start.items()):
            if hit_kind != kind or start in used:
                continue
            hit = max(hits, key=lambda h: h.end)
            if hit.end < len(doc) and doc[hit.end].pos_ == "PROPN":
                continue  # a title before a name, not a description
            det = hit.start - 1
            while det >= 0 and doc[det].pos_ == "ADJ":
                det -= 1
            if (
                det < 0
                or doc[det].lower_ not in function_words().definite_articles
                or any(i in used for i in range(det, hit.end))
            ):
                continue
            span = doc[det : hit.end]
            if not article.is_extractable(span.start_char, span.end_char):
                continue
            before = bisect_left(starts, det)  # names[:before] start before the description
            target = last_described(kind, hit.normalised.lower(), before, det)
            first = sentence_of(span).start
            if target is None and kind == "title" and first > 0:
                previous = sentence_of(doc[first - 1])
                keys = {
                    m.key
                    for m in names[bisect_left(starts, previous.start) : bisect_left(starts, previous.end)]
                    if m.end <= det
                }
                earlier = (names[i] for i in range(before - 1, -1, -1) if names[i].end <= det)
                target = next((m for m in earlier if m.key in keys), None) if len(keys) == 1 else None
            if target is None:
                continue
            used |= set(range(det, hit.end))
            found.append(
                Mention(
                    det,
                    hit.end,
                    rank=hit.normalised if kind == "rank" else "",
                    title=hit.normalised if kind == "title" else "",
                    mention="nominal",
                    key=target.key,
                    canonical=target.canonical,
                )
            )
    return found


def mention_row(
    article: Article,
    *,
    start: int | None,
    end: int | None,
    text: str,
    sentence: str,
    canonical: str,
    rank: str = "",
    title: str = "",
    affiliation: str = "",
    role: str,
    mention: str,
) -> dict:
    """One mention row, in the order of the ``person_mentions`` columns.

    Args:
        article: The article of the mention.
        start: Character offset of the mention in ``article.text`` (``None`` when not located).
        end: Character offset after the mention (``None`` when not located).
        text: The mention as written.
        sentence: The sentence (or credit line) holding it.
        canonical: The full form of the name; gives ``person_id``.
        rank: Normalised rank.
        title: Title or credit role.
        affiliation: Organisation, place or outlet.
        role: ``actor`` or ``author``.
        mention: ``name``, ``nominal`` or ``byline``.

    Returns:
        The row as a dict.
    """
    return {
        "article_id": article.article_id,
        "start_char": start,
        "end_char": end,
        "text": text,
        "sentence": sentence,
        "canonical": canonical,
        "person_id": person_id(canonical),
        "rank": rank,
        "title": title,
        "affiliation": affiliation,
        "role": role,
        "mention": mention,
    }
