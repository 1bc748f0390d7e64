"""Ranks, titles and affiliations written around a person's name.

The words around a name are read against the lexicon in ``data/<language>/ranks.csv``
(:func:`helpers.knowledge.titles.load_ranks`): ranks such as "Lt. Gen.", titles
such as "Deputy Commander in Chief", and the organisation head nouns that turn
"of the Peshmerga Ministry" into an affiliation. :class:`Lexicon` holds the
matches of one doc; :func:`read_prefix` reads what is written before a name
("Iraqi Prime Minister Haider al-Abadi") and :func:`read_apposition` a title
apposition after it ("Nasser al-Harki, a Kurdish member of the … Committee,").
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from helpers.knowledge.actors import ActorDictionary, canonicalize
from helpers.knowledge.grammar import function_words, word_alternation
from helpers.knowledge.titles import load_ranks
from helpers.knowledge.vocabulary import place_nouns
from helpers.nlp.phrase_index import tokenise_all

#: Lexicon kinds that make up a title phrase before a name.
TITLE_KINDS = ("title", "modifier", "portfolio", "rank")


@functools.cache
def _pattern_words() -> dict[str, list[str]]:
    """Every casing of every lexicon variant, tokenised as spaCy's English tokenizer does
    (once per lexicon version, :func:`~helpers.nlp.phrase_index.tokenise_all`)."""
    forms = (form for variant in load_ranks()["variant"] for form in _casings(variant))
    return tokenise_all(forms, "title-lexicon-tokens")


def _casings(variant: str) -> tuple[str, str, str]:
    return variant, variant.title(), variant.upper()


def _variant_tokenisations(variant: str) -> set[tuple[str, ...]]:
    """Token sequences of a variant as written in lower, title and upper case.

    The tokenizer's abbreviation exceptions are case-sensitive ("Gen." is one
    token, "gen." two), so every casing is tokenised.
    """
    words = _pattern_words()
    return {tuple(words[form]) for form in _casings(variant)}


@functools.cache
def _lexicon_index() -> dict[tuple[str, tuple[str, ...]], str]:
    """Map (kind, lower-cased tokens) to the normalised form."""
    return {
        (row.kind, tuple(w.lower() for w in words)): row.normalised
        for row in load_ranks().itertuples()
        for words in _variant_tokenisations(row.variant)
    }


def _phrase_matcher(vocab: Vocab) -> PhraseMatcher:
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


_MATCHERS: dict[int, tuple[Vocab, PhraseMatcher]] = {}


@dataclass(frozen=True)
class _Hit:
    """A lexicon match: token span, kind and normalised form."""

    start: int
    end: int
    kind: str
    normalised: str


#: How far back from a lexicon hit's end :meth:`Lexicon.covers` looks (tokens).
_COVER_WINDOW = 5


class Lexicon:
    """Lexicon matches of one doc, indexed by start and end token, and the actor
    dictionary that names affiliations."""

    def __init__(self, doc: Doc, dictionary: ActorDictionary | None = None) -> None:
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


@functools.lru_cache(maxsize=1)
def _leading_article() -> re.Pattern:
    """An article at the start of an affiliation ("the Peshmerga Ministry")."""
    return re.compile(rf"^(?:{word_alternation(function_words().articles)})\s+", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _title_joiners() -> frozenset[str]:
    """Function words that join the words of a title phrase before a name ("of", "and", "the")."""
    words = function_words()
    return words.title_connectors | words.title_conjunctions | words.definite_articles


@functools.lru_cache(maxsize=1)
def _title_phrase_words() -> frozenset[str]:
    """Function words that may sit inside a title phrase before a name: joiners and "'s"."""
    return _title_joiners() | function_words().possessives


def _actor_affiliation(text: str, label: str, lexicon: Lexicon) -> str:
    """An affiliation as the actor dictionary names it (unknown ones cleaned of articles, possessives)."""
    text = _leading_article().sub("", " ".join(text.split()))
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


def _is_body(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """True when tokens ``start..end`` name an organisation or place (an affiliation)."""
    last = doc[end - 1]
    if lexicon.ending(("body",), end) is not None:
        return True
    return all(doc[i].ent_type_ in {"GPE", "NORP"} for i in range(start, end)) or bool(
        last.ent_type_ == "ORG" and doc[start].lower_ in function_words().definite_articles
    )


def _read_title(
    doc: Doc, head: _Hit, stop: int, lexicon: Lexicon, *, floor: int
) -> tuple[str, str, int, int]:
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
    grammar = function_words()
    while i < stop and doc[i].lower_ in grammar.title_connectors:
        j = i + 1
        while j < stop and doc[j].lower_ not in grammar.title_connectors:
            j += 1
        content = i + 1 + (doc[i + 1].lower_ in grammar.definite_articles if i + 1 < j else 0)
        if content >= j:
            break
        if _is_body(doc, content, j, lexicon):
            affiliation_span = doc[content:stop]
            affiliation = _actor_affiliation(
                affiliation_span.text, _entity_label(doc, content, stop), lexicon
            )
            i = stop
            break
        words.append(f"{doc[i].lower_} {doc[content:j].text}")
        i = j
    return " ".join(words), affiliation, start, i


def _title_window_token(token: Token, lexicon: Lexicon) -> bool:
    """True when ``token`` may belong to a title phrase written before a name."""
    if token.ent_type_ == "PERSON" and not lexicon.covers(token.i, TITLE_KINDS):
        return False
    if token.lower_ in _title_phrase_words():
        return True
    if lexicon.covers(token.i, (*TITLE_KINDS, "body")):
        return True
    return not token.is_punct and (token.is_title or token.is_upper) and token.pos_ != "VERB"


def after_office(doc: Doc, start: int, end: int, lexicon: Lexicon) -> int:
    """The first token of the name after an office the recogniser read into a person's span behind
    its administrative unit ("Marlow County Sheriff Dan Pruitt", "Kent County Coroner Ann
    Price": "Dan", "Ann"), else ``start``. The unit's word must come right before the office, so
    a name holding a title word ("Martin Luther King Jr.") is kept whole."""
    units = place_nouns().after_name
    for i in range(start + 1, end - 1):
        if doc[i - 1].lower_ in units and lexicon.starting(TITLE_KINDS, i, limit=end - 1) is not None:
            return i
    return start


def read_prefix(doc: Doc, name_start: int, lexicon: Lexicon, *, floor: int) -> tuple[str, str, str, int]:
    """Read rank, title and affiliation written before a name.

    Handles "Director of Military Intelligence Lieutenant General Saad al-Alaq",
    "Iraqi Prime Minister Haider al-Abadi", "Peshmerga spokesman Jabar Yawar".

    Args:
        doc: The parsed article.
        name_start: First token of the name.
        lexicon: Lexicon matches of ``doc``.
        floor: Leftmost token the prefix may reach (the paragraph's first).

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
        h for i in range(window, cursor) for h in lexicon.by_start.get(("title", i), []) if h.end <= cursor
    ]
    title, affiliation, first = "", "", cursor
    if heads:
        head = min(heads, key=lambda h: (h.start, -h.end))
        title, affiliation, first, read_to = _read_title(doc, head, cursor, lexicon, floor=window)
        if read_to != cursor:  # "leader of Al Qaeda": the name is the title's object, not its holder
            return rank, "", "", cursor
        left = doc[window:first]
        while len(left) and left[0].lower_ in _title_joiners():
            left = left[1:]
        if left and not affiliation:
            affiliation = _actor_affiliation(left.text, _entity_label(doc, left.start, left.end), lexicon)
        first = left.start if len(left) else first
    elif cursor > floor and doc[cursor - 1].ent_type_ in {"NORP", "GPE", "ORG"} and rank:
        ent = next(e for e in doc.ents if e.start <= cursor - 1 < e.end)
        affiliation = _actor_affiliation(ent.text, ent.label_, lexicon)
        first = ent.start
    return rank, title, affiliation, first


def read_apposition(doc: Doc, name_end: int, lexicon: Lexicon, *, ceiling: int) -> tuple[str, str, str]:
    """Read a title apposition after a name: ", a Kurdish member of the … Committee,".

    The apposition runs from the comma to the next punctuation mark; it must hold a
    title (or rank) head before any verb and no other person.

    Args:
        doc: The parsed article.
        name_end: Token after the name.
        lexicon: Lexicon matches of ``doc``.
        ceiling: Token the apposition must end by (the paragraph's end).

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
