"""Place mentions of an article, resolved to the gazetteer with article context.

One row per place mention in extractable text
(:func:`~helpers.extract.places.places.resolve_places`), with its evidence
(``article_id``, ``start_char``, ``end_char``, ``sentence``) and its resolution
(``place_id``, coordinates, country, province). The steps, one module each:

* :mod:`~helpers.extract.places.finding`: the mentions: place entities,
  mislabelled and nested names, names the NER missed, the dateline, demonyms
  and "Town, Division" pairs. Demonyms link to their country; "Kurdish"/"Kurds"
  link to the cultural region ``sr:kurdistan`` (no country), because Kurds live
  in four states and the word does not place an event.
* :mod:`~helpers.extract.places.article_context`: the article's countries and
  provinces (from the dateline, country names, demonyms and unambiguous
  places; a name never counts as its own context).
* :mod:`~helpers.extract.places.resolution`: each mention ranked with them
  and the cue word next to it
  (:mod:`helpers.knowledge.place_ranking`: feature type and population, main
  name, context, the article's main country, cue words).
* :mod:`~helpers.extract.places.sense`: a town resolved once keeps its place
  for the rest of the article, including occurrences the NER missed.
* :mod:`~helpers.extract.places.places`: the extractor and the article's main place.

Precision scheme (like ACLED's ``geo_precision``): 1 = town or village,
2 = district or part of a province, 3 = province or sub-national region,
4 = country, 5 = supranational region.
"""

from helpers.extract.places.places import main_place, resolve_places
from helpers.knowledge.place_ranking import resolve_name

__all__ = ["main_place", "resolve_name", "resolve_places"]
