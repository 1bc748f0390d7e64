"""Fixtures shared by the test modules."""

import pytest
import spacy
from spacy.language import Language

from helpers import config


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The bare model (no Sitrep components), loaded once for the extractor tests."""
    return spacy.load(config.default_model())
