"""Casualty figures: who was killed, injured, kidnapped, missing or arrested, and how many."""

from helpers.extract.casualties.casualties import (
                                                   ANAPHORIC_COUNTS,
                                                   OUTCOMES,
                                                   Lexicon,
                                                   extract_casualties,
                                                   load_lexicon,
)

__all__ = ["ANAPHORIC_COUNTS", "OUTCOMES", "Lexicon", "extract_casualties", "load_lexicon"]
