"""Links between events that no date window reaches: a person they name, the scene's street address
they name, a rare toll they restate.

Events that name one person in their evidence (a victim, a suspect: a full name, no title or rank)
are one incident, whatever their dates and tolls, when their main places fit (:func:`main_places`,
the place most of an event's reports give, not a stray report's; :func:`places_fit`: near, in one
province, or named by the other's article): GVA links to an incident the follow-ups published weeks
later (the victim died, a trial, a funeral), which no date window reaches, and a town resolved in
the wrong state; a name shared by shootings in two states links nothing. A name in the evidence of
more than ``common`` events (events already joined counting once) is a public figure (a police chief
who speaks of every shooting) and links nothing; nor does a name whose events lie in different
countries. Events that name ``SHARED_PERSONS`` persons or more in common (a victim and a suspect,
the victims of a spree named again at the trial) are joined first, whatever their tolls: a trial's
story counts the victims its way ("three killed, two wounded" of the six dead). Otherwise, two
events that each give a toll join only when their tolls are at most ``TOLL_DAYS`` apart or the later
restates the earlier's victims (the same toll, a wounded victim who died, or only its several dead:
a trial's "the four people killed"), and never when each was told as the news of its day on days
more than ``FRESH_DAYS`` apart (:func:`fresh_days`: two shootings, each reported when it happened; a
suspect named in both, or the same toll of ten victims two years apart), nor when the articles of
one were all published before the other's harm (:func:`told_before`): a name shared by two
shootings weeks apart with different tolls (a common name, a lawyer, a relative) would otherwise
chain unrelated incidents into one (the rarest names are joined first). A street address
(:mod:`helpers.extract.places.addresses`: "the 6300 block of Hearne Avenue") links like a name: the
follow-ups of a shooting name its scene again; an article naming more than ``ROUNDUP_ADDRESSES``
addresses is a round-up of a city's shootings, and its addresses link nothing. The same join links
events by a rare toll at one place (:func:`restated_tolls`), which follow-ups restate.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

import pandas as pd

from helpers.aggregate.event_merge import place_score
from helpers.extract.places.sites import names_building, site_key
from helpers.knowledge.event_types import ground_words
from helpers.knowledge.vocabulary import name_part_nouns, read_vocabulary
from helpers.tables import offset_spans

#: Victims (killed and injured) of a toll that names its incident at one place (GVA's mass shooting).
MASS_TOLL = 7
#: Fewest mentions of a person outside the evidence for the name to link the article's lead incident.
PERSON_MENTIONS = 2
#: Most events whose evidence names one person for the name to link them (more: a public figure).
COMMON_PERSON = 5
#: Fewest persons two events' evidence names for them to be one incident whatever their tolls (a victim
#: and a suspect of a shooting, named again by its trial).
SHARED_PERSONS = 2
#: Most days between the tolls of two events a shared name joins (unless the later restates the victims).
TOLL_DAYS = 7
#: Fewest dead of a toll that counts only the dead for it to restate a toll that also counts wounded.
SEVERAL_DEAD = 2
#: Most days after the harm a report is the news of its day; most days apart two such days are one incident's.
FRESH_DAYS = 2
#: Most kilometres between the places of two events a shared name joins (else the same province).
NEAR_KM = 25.0
#: Most street addresses an article names for them to link its events (more: a round-up).
ROUNDUP_ADDRESSES = 2


def report_people(reports: pd.DataFrame, people: pd.DataFrame) -> dict[str, set[str]]:
    """Each report's persons: the full names (two words or more; no title or rank: an official is
    no party; no building or division: "Ben Taub Hospital", "Wayne County") its evidence sentences
    name, by ``person_id``.

    A name the evidence of no report names belongs to the article's first report (its lead
    incident) when the article mentions it again (``PERSON_MENTIONS``: a surname, a pronoun): the
    victim or suspect a follow-up is about, told in sentences without figures ("Jo Ray, 19, was
    arraigned Monday"); a reporter's byline or a neighbour quoted once links nothing.
    """
    if people.empty:
        return {}
    officials = people[(people["title"].fillna("") != "") | (people["rank"].fillna("") != "")]
    skip = set(zip(officials["article_id"], officials["person_id"]))
    mentions = Counter(zip(people["article_id"], people["person_id"]))
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for article_id, number, evidence in zip(reports["article_id"], reports["report"], reports["evidence"]):
        for start, end in offset_spans(evidence):
            spans[article_id].append((start, end, f"{article_id}#{number}"))
    first = {a for a, number in zip(reports["article_id"], reports["report"]) if number == 0}
    found: dict[str, set[str]] = defaultdict(set)
    elsewhere: set[tuple[str, str]] = set()
    # "Ben Taub Hospital", "Wayne County", "the Parish Sheriff" read as persons: places and offices
    not_names = name_part_nouns() | ground_words()
    for article_id, person, start in zip(people["article_id"], people["person_id"], people["start_char"]):
        words = (person or "").split("-")
        if len(words) < 2 or (article_id, person) in skip or not_names.intersection(words):
            continue
        keys = [key for low, high, key in spans.get(article_id, ()) if low <= start < high]
        for key in keys:
            found[key].add(person)
        if not keys:
            elsewhere.add((article_id, person))
    named = {(key.split("#")[0], p) for key, persons in found.items() for p in persons}
    for article_id, person in elsewhere - named:
        if article_id in first and mentions[article_id, person] >= PERSON_MENTIONS:
            found[f"{article_id}#0"].add(person)
    return found


def report_addresses(reports: pd.DataFrame) -> dict[str, set[str]]:
    """Each report's street addresses (``addresses`` of ``event_reports``) as links, by report key,
    unless its article names more than ``ROUNDUP_ADDRESSES`` (a round-up of a city's shootings).

    >>> reports = pd.DataFrame({"article_id": ["a", "a", "b"], "report": [0, 1, 0],
    ...                         "addresses": ["100 main street", "", "1 a street;2 b road;3 c way"]})
    >>> report_addresses(reports)
    {'a#0': {'address:100 main street'}}
    """
    found: dict[str, set[str]] = {}
    named: dict[str, set[str]] = defaultdict(set)
    for article_id, number, addresses in zip(reports["article_id"], reports["report"], reports["addresses"]):
        keys = {f"address:{a}" for a in (addresses or "").split(";") if a}
        named[article_id] |= keys
        if keys:
            found[f"{article_id}#{number}"] = keys
    return {key: keys for key, keys in found.items() if len(named[key.split("#")[0]]) <= ROUNDUP_ADDRESSES}


def report_sites(reports: pd.DataFrame) -> dict[str, set[str]]:
    """Each report's site of its scene at its place as a link, by report key, when the site is one
    building or compound (:func:`~helpers.extract.places.sites.names_building`: "the Blue Parrot
    Lounge", not "Main Street"): the follow-ups of an incident name its venue again, with its
    town; two towns have their own "Country Meadows Apartments".

    >>> reports = pd.DataFrame({"article_id": ["a", "b"], "report": [0, 0], "place_id": ["gn:1", "gn:1"],
    ...                         "site": ["the Blue Parrot Lounge", "Main Street"]})
    >>> report_sites(reports)
    {'a#0': {'site:gn:1:blue parrot lounge'}}
    """
    rows = zip(reports["article_id"], reports["report"], reports["place_id"], reports["site"])
    return {
        f"{article_id}#{number}": {f"site:{place_id}:{site_key(site)}"}
        for article_id, number, place_id, site in rows
        if site and names_building(site)
    }


def person_key(person_id: str) -> str:
    """A person's given name and surname, the words a name links events by: a middle name or an
    initial is often left out ("Brian E. Harleman" and "Brian Harleman", "Nidal Malik Hasan" and
    "Nidal M. Hasan"); a generation is not ("James Glass Jr." and "James Glass Sr.",
    ``name_generations.csv``).

    >>> person_key("brian-e-harleman"), person_key("james-lee-glass-jr"), person_key("jo-ray")
    ('brian-harleman', 'james-glass-jr', 'jo-ray')
    """
    words = person_id.split("-")
    if len(words) > 2 and words[-1] in _generations():
        return f"{words[0]}-{words[-2]}-{words[-1]}"
    return f"{words[0]}-{words[-1]}"


@lru_cache(maxsize=1)
def _generations() -> frozenset[str]:
    return frozenset(row["word"] for row in read_vocabulary("name_generations.csv"))


def restated_tolls(records: list[dict]) -> dict[str, set[str]]:
    """Each report's toll as a link between events: a toll of ``MASS_TOLL`` victims or more,
    killed and injured, at one town or county ("2 killed, 5 injured in Hope Mills"), is told again
    by the follow-ups of that incident weeks later (an arrest, a trial), which no date window
    reaches; a common toll is a common figure and links nothing (``join_by_people``)."""
    return {
        r["key"]: {f"toll:{r['place_id']}:{r['killed']}:{r['injured']}"}
        for r in records
        if r["killed"] + r["injured"] >= MASS_TOLL and r["place_id"] and (r["geo_precision"] or 3) < 3
    }


def report_links(
    records: list[dict], reports: pd.DataFrame, scenes: Mapping[str, set[str]], people: pd.DataFrame | None
) -> dict[str, set[str]]:
    """Each report's links, by report key: its rare toll (:func:`restated_tolls`), its scene's street
    addresses (``scenes``: :func:`report_addresses`) and site (:func:`report_sites`), and the persons
    its evidence names (:func:`report_people`, by :func:`person_key`), if ``people`` is given."""
    links = restated_tolls(records)
    for key, scene in (*scenes.items(), *report_sites(reports).items()):
        links[key] = links.get(key, set()) | scene
    for key, names in (report_people(reports, people) if people is not None else {}).items():
        links[key] = links.get(key, set()) | {person_key(name) for name in names}
    return links


def join_by_people(
    events: list[list[dict]], people: Mapping[str, Iterable[str]], *, common: int = COMMON_PERSON
) -> list[list[dict]]:
    """Events whose evidence names one person are one event (see the module docstring); events that
    name ``SHARED_PERSONS`` persons or more are joined first, whatever their tolls.

    Args:
        events: Events (lists of report records with ``key``, ``country``, ``date``).
        people: Report key -> its links: the person keys its evidence names, and its addresses,
            sites and rare tolls (which link like a name, never as a second person).
        common: Most events a name may link alone.

    >>> one = [{"key": "a#0", "country": "US", "date": dt.date(2014, 1, 2), "killed": 1, "injured": 0}]
    >>> later = [{"key": "b#0", "country": "US", "date": dt.date(2014, 3, 9), "killed": 0, "injured": 0}]
    >>> len(join_by_people([one, later], {"a#0": ["jo-ray"], "b#0": ["jo-ray"]}))
    1
    """
    joins = _Joins(events)
    owners: dict[str, list[int]] = defaultdict(list)
    for number, event in enumerate(events):
        for link in {link for r in event for link in people.get(r["key"], ())}:
            owners[link].append(number)
    shared: Counter[tuple[int, int]] = Counter()
    for link, numbers in owners.items():
        if _is_person(link) and len(numbers) <= common:  # a public figure's name joins no pair of events
            shared.update((a, b) for n, a in enumerate(numbers) for b in numbers[n + 1 :])
    for (first, other), count in sorted(shared.items()):
        if count >= SHARED_PERSONS:
            joins.join(first, other, check_tolls=False)
    for _name, numbers in sorted(owners.items(), key=lambda item: (len(item[1]), item[0])):
        # follow-ups join an event told on its day first, not one another
        roots = sorted({joins.root(n) for n in numbers}, key=lambda n: (not joins.fresh[n], n))
        countries = {r["country"] for n in numbers for r in events[n] if r["country"]}
        if not 1 < len(roots) <= common or len(countries) > 1:
            continue
        for n in roots[1:]:
            joins.join(roots[0], n, check_tolls=True)
    grouped: dict[int, list[dict]] = defaultdict(list)
    for number, event in enumerate(events):
        grouped[joins.root(number)] += event
    return [sorted(e, key=lambda r: (r["date"] or dt.date.max, r["key"])) for e in grouped.values()]


def _is_person(link: str) -> bool:
    """A person's key (:func:`person_key`), not another link, which names its kind before a colon
    ("address:", "site:", "toll:").

    >>> _is_person("jo-ray"), _is_person("address:100 main street")
    (True, False)
    """
    return ":" not in link


class _Joins:
    """Events joined so far (a union-find), with each group's tolls, places, news days and last
    publication day."""

    def __init__(self, events: list[list[dict]]) -> None:
        self.parent = list(range(len(events)))
        self.tolls = [
            {(r["date"], r["killed"], r["injured"]) for r in e if r["date"] and r["killed"] + r["injured"]}
            for e in events
        ]
        self.placed = [[r for r in e if r.get("place_id")] for e in events]
        self.fresh = [fresh_days(e) for e in events]
        self.last_published = [
            max((r["published"] for r in e if r.get("published")), default=None) for e in events
        ]

    def root(self, n: int) -> int:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def join(self, one: int, other: int, *, check_tolls: bool) -> None:
        """Join two events' groups when their places fit, neither was told apart from the other
        (:func:`told_apart`) or before its harm (:func:`told_before`) and, if asked, their tolls
        agree (:func:`tolls_agree`)."""
        first, second = self.root(one), self.root(other)
        if (
            first == second
            or (check_tolls and not tolls_agree(self.tolls[first], self.tolls[second]))
            or not places_fit(main_places(self.placed[first]), main_places(self.placed[second]))
            or told_apart(self.fresh[first], self.fresh[second])
            or told_before(self.last_published[first], self.fresh[second])
            or told_before(self.last_published[second], self.fresh[first])
        ):
            return
        self.parent[second] = first
        self.tolls[first] |= self.tolls[second]
        self.placed[first] += self.placed[second]
        self.fresh[first] |= self.fresh[second]
        self.last_published[first] = max(
            (d for d in (self.last_published[first], self.last_published[second]) if d), default=None
        )


def fresh_days(event: list[dict]) -> set[dt.date]:
    """The days of harm an event's reports tell as the news of the day: dated by the day of the harm
    itself (``date_of_act``: "shot Sunday", not "entered a plea Sunday" nor "died Sunday") and
    published at most ``FRESH_DAYS`` after it; a follow-up published weeks later tells none.

    >>> shot = {"date": dt.date(2016, 3, 6), "published": dt.date(2016, 3, 7), "date_of_act": True}
    >>> plea = dict(shot, date=dt.date(2016, 5, 2), published=dt.date(2016, 5, 2), date_of_act=False)
    >>> fresh_days([shot, plea, dict(shot, published=dt.date(2016, 4, 1))])
    {datetime.date(2016, 3, 6)}
    """
    return {
        r["date"]
        for r in event
        if r.get("date_of_act")
        and r["date"]
        and r.get("published")
        and 0 <= (r["published"] - r["date"]).days <= FRESH_DAYS
    }


def told_apart(one: set[dt.date], other: set[dt.date]) -> bool:
    """Two events each told as the news of its day (:func:`fresh_days`) on days more than
    ``FRESH_DAYS`` apart are two incidents.

    >>> sunday, tuesday = dt.date(2016, 3, 6), dt.date(2016, 3, 8)
    >>> told_apart({sunday}, {tuesday}), told_apart({sunday}, {dt.date(2016, 4, 16)})
    (False, True)
    >>> told_apart(set(), {sunday})
    False
    """
    return bool(one and other) and min(abs((a - b).days) for a in one for b in other) > FRESH_DAYS


def told_before(last_published: dt.date | None, fresh: set[dt.date]) -> bool:
    """An event whose articles were all published before the day of the other's harm, told as the
    news of its day (:func:`fresh_days`), is of another incident: the news of a shooting's trial
    published in March is not of a shooting in November on the same street with the same toll.
    (A day is allowed for an article's date against the harm's: a story filed before midnight.)

    >>> shot = {dt.date(2016, 11, 27)}
    >>> told_before(dt.date(2016, 3, 24), shot), told_before(dt.date(2016, 11, 26), shot)
    (True, False)
    """
    return bool(last_published and fresh) and (min(fresh) - last_published).days > 1


def main_places(placed: list[dict]) -> list[dict]:
    """The reports of an event at its most reported place (all, when places tie).

    >>> reports = [{"id": 1, "place_id": "a"}, {"id": 2, "place_id": "b"}, {"id": 3, "place_id": "a"}]
    >>> [r["id"] for r in main_places(reports)]
    [1, 3]
    """
    counts = Counter(r["place_id"] for r in placed)
    most = max(counts.values(), default=0)
    return [r for r in placed if counts[r["place_id"]] == most]


def places_fit(one: list[dict], other: list[dict], near_km: float = NEAR_KM) -> bool:
    """Whether two events' placed reports can be one incident's: either has none, or a place of
    one is a place of the other, lies within ``near_km`` of it or in its province, or is named by
    the other's article (:func:`~helpers.aggregate.event_merge.names_place`: a town the places layer
    read in another state). A follow-up names the victim and the town; one name shared by
    shootings in two states (a common name, a relative, a lawyer) links nothing.

    >>> chicago = {"place_id": "gn:1", "latitude": 41.9, "longitude": -87.6, "admin1": "Illinois",
    ...            "geo_precision": 1, "location": "Chicago", "named_places": set(), "place_words": " "}
    >>> joliet = dict(chicago, place_id="gn:2", latitude=41.5, longitude=-88.1, location="Joliet")
    >>> dover = dict(chicago, place_id="gn:3", latitude=39.2, longitude=-75.5, admin1="Delaware",
    ...              location="Dover")
    >>> places_fit([chicago], [joliet]), places_fit([chicago], [dover]), places_fit([], [dover])
    (True, False, True)
    >>> places_fit([dict(chicago, place_words=" dover man shot ")], [dover])
    True
    """
    if not one or not other:
        return True
    return any(
        (a["admin1"] and a["admin1"] == b["admin1"]) or place_score(a, b, near_km) > 0
        for a in one
        for b in other
    )


def tolls_agree(one: set[tuple], other: set[tuple]) -> bool:
    """Whether two events' tolls (``(date, killed, injured)``) can be one incident's: either gives
    none, two are at most ``TOLL_DAYS`` apart, or a later one restates an earlier one's victims
    (the same number, as many dead or more: a wounded victim died), or one of them counts only the
    dead, two or more and as many as the earlier or more (a trial's "six people killed" of a shooting
    that killed six and wounded three); one dead is too common a toll to tell an incident.

    >>> shot, died = (dt.date(2015, 6, 3), 0, 1), (dt.date(2015, 7, 20), 1, 0)
    >>> other = (dt.date(2015, 8, 9), 0, 3)
    >>> tolls_agree({shot}, {died}), tolls_agree({died}, {other}), tolls_agree(set(), {died})
    (True, False, True)
    >>> spree, trial = (dt.date(2016, 3, 9), 6, 3), (dt.date(2016, 5, 31), 6, 0)
    >>> tolls_agree({spree}, {trial}), tolls_agree({spree}, {(dt.date(2016, 5, 23), 3, 2)})
    (True, False)
    """
    if not one or not other:
        return True
    for mine in one:
        for theirs in other:
            early, late = sorted((mine, theirs))  # not swapping the loop's own names: that made the
            # answer depend on the sets' order, which changes from one Python process to the next
            if (late[0] - early[0]).days <= TOLL_DAYS:
                return True
            if sum(early[1:]) == sum(late[1:]) and late[1] >= early[1]:
                return True
            if 0 in (early[2], late[2]) and late[1] >= early[1] >= SEVERAL_DEAD:  # one counts only the dead
                return True
    return False
