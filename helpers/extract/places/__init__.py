"""Place mentions of an article, resolved to the gazetteer with article context."""

from helpers.extract.places.places import main_place, resolve_name, resolve_places

__all__ = ["main_place", "resolve_name", "resolve_places"]
