"""Casualty figures: who was killed, injured, kidnapped, missing or arrested, and how many.

The method is explained in :mod:`helpers.extract.casualties.casualties`; the
lexicon and the other vocabularies are loaded by :mod:`helpers.knowledge.casualty_lexicon`.
"""

from helpers.extract.casualties.casualties import ANAPHORIC_COUNTS, OUTCOMES, extract_casualties
from helpers.knowledge.casualty_lexicon import Lexicon, load_lexicon

__all__ = ["ANAPHORIC_COUNTS", "OUTCOMES", "Lexicon", "extract_casualties", "load_lexicon"]
