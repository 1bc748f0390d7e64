"""Persons named in an article: names, ranks, titles, affiliations and authors."""

from helpers.extract.persons.names import SPEECH_CUES, normalise_name, person_id
from helpers.extract.persons.persons import extract_persons

__all__ = ["SPEECH_CUES", "extract_persons", "normalise_name", "person_id"]
