"""Persons named in an article: names, ranks, titles, affiliations and authors."""

from helpers.extract.persons.persons import SPEECH_CUES, extract_persons, normalise_name, person_id

__all__ = ["SPEECH_CUES", "extract_persons", "normalise_name", "person_id"]
