"""The countries and provinces an article is about, which its place names are read in.

They come from the dateline, demonyms, "Town, Division" pairs and names whose reading is
clear without context (:func:`article_context`); :mod:`~helpers.extract.places.resolution`
ranks each mention's readings with them.
"""

from __future__ import annotations

from collections import Counter

from helpers.extract.places.evidence import place_cue
from helpers.extract.places.mention import Mention
from helpers.knowledge.gazetteer import Gazetteer
from helpers.knowledge.place import Place
from helpers.knowledge.place_name_keys import normalize_name
from helpers.knowledge.place_names import demonyms, doubtful_name
from helpers.knowledge.place_ranking import Neighbours, clear_reading, ranked_candidates


class ArticleContext:
    """Countries and provinces an article is about, with the names that support each.

    Support comes from the dateline, demonyms and names whose best reading is clear
    without context. Each distinct name (normalised) counts once, and a name never
    supports its own reading (:meth:`without`): a repeated "Alexandria" must not
    make its own article Egyptian; "Virginia" elsewhere in the text does the work.
    """

    def __init__(self) -> None:
        self.countries: dict[str, set[str]] = {}
        self.admin1_codes: dict[str, set[str]] = {}
        self.possible_admin1: dict[str, set[str]] = {}  # province -> names with a reading in it
        self.local: dict[str, list[Place]] = {}  # name -> its town and district readings
        self._neighbours: Neighbours | None = None  # the index of ``local``, built when first asked

    def add(self, key: str, country: str, admin1_code: str = "") -> None:
        """Record that the name ``key`` supports ``country`` (and ``admin1_code``)."""
        if country:
            self.countries.setdefault(country, set()).add(key)
        if admin1_code:
            self.admin1_codes.setdefault(admin1_code, set()).add(key)

    def add_possible(self, key: str, readings: list[Place]) -> None:
        """Record the plausible readings of the name ``key``: their provinces and local readings."""
        for code in {p.admin1_code for p in readings if p.admin1_code}:
            self.possible_admin1.setdefault(code, set()).add(key)
        local = [p for p in readings if p.precision <= 2 and p.lat is not None and p.lon is not None]
        if local:
            self.local.setdefault(key, []).extend(local)
            self._neighbours = None

    def without(self, key: str) -> tuple[Counter, Counter]:
        """Counters of supporting names per country and per province, leaving out ``key``."""
        return _count(self.countries, key), _count(self.admin1_codes, key)

    def nearby(self, key: str) -> Counter:
        """Per province, how many other names could lie in it ("Gainesville" beside "Hall County")."""
        return _count(self.possible_admin1, key)

    def neighbours(self, key: str) -> Neighbours:
        """The town and district readings of the other names ("Walker County" for "Huntsville")."""
        if self._neighbours is None:
            self._neighbours = Neighbours(self.local)
        return self._neighbours.without(key)


def _count(table: dict[str, set[str]], key: str) -> Counter:
    return Counter({code: len(keys - {key}) for code, keys in table.items() if keys - {key}})


#: Readings of a name (best first, without context) that may place it in a province.
PLAUSIBLE_READINGS = 6


def article_context(mentions: list[Mention], gazetteer: Gazetteer) -> ArticleContext:
    """Countries and provinces the article is about: dateline, demonyms and clear names.

    A name counts when it is no word or person's name, or when a cue word or the NER's
    place label after a locative names it a place ("to Dallas"); its province counts too
    when its reading is clear (:func:`~helpers.knowledge.place_ranking.clear_reading`), its
    country alone when every reading lies in one country ("Henry County").

    Args:
        mentions: The article's mentions (:func:`~helpers.extract.places.finding.find_mentions`).
        gazetteer: The gazetteer.

    Returns:
        The context, with the names supporting each country and province.
    """
    context = ArticleContext()
    datelines: list[tuple[str, Mention]] = []
    for row in mentions:
        key = normalize_name(row["text"])
        if row["role"] == "demonym":
            place = gazetteer.get(demonyms()[row["text"]])
            if place and place.country:
                context.add(key, place.country)
            continue
        if row["context_only"]:
            continue
        if row.get("allowed"):  # "Town, Division": both name the division
            inside = {(p.country, p.admin1_code) for p in map(gazetteer.get, row["allowed"]) if p}
            if len(inside) == 1:
                context.add(key, *inside.pop())
            continue
        if row["role"] == "dateline":
            datelines.append((key, row))
            continue
        cue = place_cue(row.span.doc, row.span.start, row.span.end)
        ranked = ranked_candidates(row["text"], gazetteer, None, None, cue)
        if cue != "street":
            context.add_possible(key, [p for _s, p in ranked[:PLAUSIBLE_READINGS]])
        placed = row["label"] in ("GPE", "LOC") and row["evidence"]  # "to Dallas": a place, not a man
        named = not doubtful_name(row["text"]) or cue in ("admin", "district", "settlement") or placed
        if not ranked or not named or cue == "street":  # "Virginia State Police"
            continue
        if clear_reading(ranked):
            context.add(key, ranked[0][1].country, ranked[0][1].admin1_code)
        elif len({p.country for _s, p in ranked}) == 1:  # "Henry County": a US county, whichever
            context.add(key, ranked[0][1].country)
    for key, row in datelines:  # read with the other names: a SANTA CRUZ dateline in Californian news
        ranked = ranked_candidates(row["text"], gazetteer, *context.without(key), "")
        if ranked:
            context.add(key, ranked[0][1].country, ranked[0][1].admin1_code)
    return context
