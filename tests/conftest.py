"""Fixtures shared by the test modules."""

import os

import pytest
import spacy
from spacy.language import Language

from helpers import config
from helpers.knowledge.gazetteer import default_gazetteer
from helpers.nlp import build_pipeline

# Tests with a private cache (and the CLI runs they start) open the installation's gazetteer
# index instead of building a 340 MB one each (built here once if missing).
os.environ.setdefault("SITREP_GAZETTEER", str(default_gazetteer().path.parent))


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The bare model (no Sitrep components), loaded once for the extractor tests."""
    return spacy.load(config.default_model())


@pytest.fixture(scope="session")
def project_nlp() -> Language:
    """The project's pipeline (entity rules, place names, the entity fixer), as the product parses."""
    return build_pipeline()
