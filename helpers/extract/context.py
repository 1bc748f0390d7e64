"""The one context every extractor of a run shares: dictionary, gazetteer, lexicons, options.

Built once per run (per worker on Dask) by :meth:`Context.create` and passed to
every extractor, so a user's actor dictionary reaches every table: mentions,
person affiliations, quote speakers and casualty perpetrators link through the
same :class:`~helpers.knowledge.actors.ActorDictionary`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from helpers.knowledge.actors import ActorDictionary, load_dictionary
from helpers.knowledge.casualty_lexicon import Lexicon, load_lexicon
from helpers.knowledge.gazetteer import Gazetteer, default_gazetteer

#: Languages with vocabularies under ``helpers/data/<language>/``.
LANGUAGES = ("en",)


@dataclass(frozen=True)
class Context:
    """What the extractors of one run share.

    Attributes:
        dictionary: The actor dictionary: built-in rows plus the user's.
        gazetteer: The place gazetteer.
        casualty_lexicon: Casualty trigger words, victim nouns and their frames.
        language: Language of the vocabularies (``helpers/data/<language>/``).
        extra_dictionaries: Paths of the user's actor dictionaries, as given.
    """

    dictionary: ActorDictionary
    gazetteer: Gazetteer
    casualty_lexicon: Lexicon
    language: str = "en"
    extra_dictionaries: tuple[str, ...] = ()

    @classmethod
    def create(cls, extra_dictionaries: Sequence[str | os.PathLike] = (), *, language: str = "en") -> Context:
        """The context of a run with the built-in data plus the user's actor dictionaries.

        Raises:
            ValueError: If ``language`` has no vocabularies, or a dictionary is malformed.
        """
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        paths = tuple(str(path) for path in extra_dictionaries)
        return cls(
            dictionary=load_dictionary(paths),
            gazetteer=default_gazetteer(),
            casualty_lexicon=load_lexicon(language),
            language=language,
            extra_dictionaries=paths,
        )
