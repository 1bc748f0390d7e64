"""The countries and provinces an article is about, which its place names are read in.

They come from the dateline, demonyms, "Town, Division" pairs, names whose reading is
clear without context and the areas of the phone numbers the article gives
(:func:`article_context`); :mod:`~helpers.extract.places.resolution`
ranks each mention's readings with them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from helpers.extract.places.evidence import KIND_CUES, place_cue
from helpers.extract.places.mention import Mention
from helpers.extract.places.phone_areas import PhoneArea
from helpers.knowledge.gazetteer import Gazetteer
from helpers.knowledge.place import Place
from helpers.knowledge.place_name_keys import expand_abbreviation, normalize_name
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
        self.dateline_area = ""  # the province written in the dateline ("COLUMBUS, Ohio", "HOLLIDAY, Mo.")
        self.dateline_admin1: set[str] = set()  # the provinces of the dateline's readings
        self.dateline_possible: set[str] = set()  # and of the other plausible readings of its town

    @property
    def dateline_provinces(self) -> frozenset[str]:
        """The provinces the article's dateline may lie in: the one it names ("COLUMBUS, Ohio"),
        else those of its town's plausible readings ("COLUMBUS": Ohio, Georgia, Nebraska ...);
        none without a dateline."""
        if self.dateline_area:
            return frozenset({self.dateline_area})
        if len(self.dateline_admin1) != 1:
            return frozenset()
        return frozenset(self.dateline_admin1 | self.dateline_possible)

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
#: Most a dateline town's other readings may score below its best (log10 of population: a
#: hundredth of its size) and still be the dateline's town.
DATELINE_MARGIN = 2.0


def _plausible_provinces(name: str, gazetteer: Gazetteer, country: str) -> set[str]:
    """Provinces of ``country`` where a town whose main name is written ``name`` may be the one
    meant without context: within :data:`DATELINE_MARGIN` of the best reading ("COLUMBUS": Ohio,
    Georgia, Indiana, Nebraska; not a hamlet of New Jersey, nor Pittsburg, Kansas, for "PITTSBURGH")."""
    written = {m.place.place_id for m in gazetteer.candidates(name) if m.exact and m.main}
    ranked = [
        (score, p) for score, p in ranked_candidates(name, gazetteer, None, None, "") if p.place_id in written
    ]
    best = ranked[0][0] if ranked else 0.0
    return {p.admin1_code for score, p in ranked if p.country == country and best - score <= DATELINE_MARGIN}


def article_context(
    mentions: list[Mention], gazetteer: Gazetteer, phones: Sequence[PhoneArea] = ()
) -> ArticleContext:
    """Countries and provinces the article is about: dateline, demonyms, clear names and the
    areas of the phone numbers it gives.

    A name counts when it is no word or person's name, or when a cue word or the NER's
    place label after a locative names it a place ("to Dallas"); its province counts too
    when its reading is clear (:func:`~helpers.knowledge.place_ranking.clear_reading`), its
    country alone when every reading lies in one country ("Henry County"). Each phone number
    counts for its country and province ("call 912-234-2020": Georgia).

    Args:
        mentions: The article's mentions (:func:`~helpers.extract.places.finding.find_mentions`).
        gazetteer: The gazetteer.
        phones: The areas of the article's phone numbers
            (:func:`~helpers.extract.places.phone_areas.phone_areas`).

    Returns:
        The context, with the names supporting each country and province.
    """
    context = ArticleContext()
    for phone in phones:
        context.add(f"phone:{phone.number}", phone.country, phone.admin1_code)
    datelines: list[tuple[str, Mention]] = []
    for row in mentions:
        key = normalize_name(expand_abbreviation(row["text"]))
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
                country, admin1_code = inside.pop()
                context.add(key, country, admin1_code)
                if row["role"] == "dateline" and admin1_code:
                    context.dateline_area = admin1_code
            continue
        if row["role"] == "dateline":
            datelines.append((key, row))
            continue
        cue = place_cue(row.span.doc, row.span.start, row.span.end)
        ranked = ranked_candidates(row["text"], gazetteer, None, None, cue)
        if cue != "street":
            context.add_possible(key, [p for _s, p in ranked[:PLAUSIBLE_READINGS]])
        placed = row["label"] in ("GPE", "LOC") and row["evidence"]  # "to Dallas": a place, not a man
        named = not doubtful_name(row["text"]) or cue in KIND_CUES or placed
        if not ranked or not named or cue == "street":  # "Virginia State Police"
            continue
        if clear_reading(ranked):
            context.add(key, ranked[0][1].country, ranked[0][1].admin1_code)
        elif len({p.country for _s, p in ranked}) == 1:  # "Henry County": a US county, whichever
            context.add(key, ranked[0][1].country)
    for key, row in datelines:  # read with the other names: a SANTA CRUZ dateline in Californian news,
        # a MOUNT PLEASANT dateline beside Westmoreland County (Pennsylvania's, not South Carolina's)
        ranked = ranked_candidates(
            row["text"],
            gazetteer,
            *context.without(key),
            "",
            nearby=context.nearby(key),
            neighbours=context.neighbours(key),
        )
        if context.dateline_area:  # "HOLLIDAY, Mo.": the town lies in the division written after it
            ranked = [item for item in ranked if item[1].admin1_code == context.dateline_area]
        if not ranked:
            continue
        place = ranked[0][1]
        context.add(key, place.country, place.admin1_code)
        if place.kind == "admin1":  # "COLUMBUS, Ohio"
            context.dateline_area = place.admin1_code
        elif place.admin1_code:
            context.dateline_admin1.add(place.admin1_code)
            context.dateline_possible |= _plausible_provinces(row["text"], gazetteer, place.country)
    return context
