"""Reported-speech vocabulary: speech verbs and the other words that name a source.

Read from ``helpers/data/<language>/speech_verbs.csv`` (verbs that report
speech, and the prepositions that introduce their content) and
``speech_sources.csv`` (documents that stand for their author, the
prepositions naming that author, and phrases such as "according to"); cached
per language. The persons extractor reads speech verbs as a person cue, the
quotes extractor reads all of them to attribute quotations.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from helpers import config
from helpers.knowledge.vocabulary import read_vocabulary

SPEECH_VERBS_FILE = "speech_verbs.csv"
SPEECH_SOURCES_FILE = "speech_sources.csv"


@dataclass(frozen=True)
class SpeechVerbs:
    """Verbs that report speech (``speech_verbs.csv``).

    Attributes:
        cues: Lemmas of the verbs that report speech ("say", "warn").
        content_prepositions: Lemma -> prepositions whose object is the reported
            content ("warn" -> "of", "about", "against").
    """

    cues: frozenset[str]
    content_prepositions: dict[str, frozenset[str]]


@lru_cache(maxsize=4)
def speech_verbs(language: str = config.DEFAULT_LANGUAGE) -> SpeechVerbs:
    """The speech verbs of ``language``.

    >>> verbs = speech_verbs()
    >>> "warn" in verbs.cues, sorted(verbs.content_prepositions["call"])
    (True, ['for'])
    """
    rows = read_vocabulary(SPEECH_VERBS_FILE, language)
    return SpeechVerbs(
        cues=frozenset(r["lemma"] for r in rows if r["speech_cue"] == "yes"),
        content_prepositions={
            r["lemma"]: frozenset(r["content_prepositions"].split())
            for r in rows
            if r["content_prepositions"]
        },
    )


@dataclass(frozen=True)
class SpeechSources:
    """Words that name the source of reported speech (``speech_sources.csv``).

    Attributes:
        documents: Nouns that stand for their author ("statement", "report").
        author_prepositions: Prepositions introducing a document's author ("by", "from").
        attributions: Head word -> preposition of the phrases whose object is the
            source of a clause ("according" -> "to").
    """

    documents: frozenset[str]
    author_prepositions: frozenset[str]
    attributions: dict[str, str]


@lru_cache(maxsize=4)
def speech_sources(language: str = config.DEFAULT_LANGUAGE) -> SpeechSources:
    """The source words of ``language``.

    >>> sources = speech_sources()
    >>> "statement" in sources.documents, sources.attributions
    (True, {'according': 'to'})
    """
    rows = read_vocabulary(SPEECH_SOURCES_FILE, language)
    return SpeechSources(
        documents=frozenset(r["word"] for r in rows if r["kind"] == "document"),
        author_prepositions=frozenset(r["word"] for r in rows if r["kind"] == "author_preposition"),
        attributions=dict(r["word"].split() for r in rows if r["kind"] == "attribution"),
    )
