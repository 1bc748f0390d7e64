"""Each local outlet's home state and town, learnt from the corpus.

US and Canadian papers follow AP and Canadian Press style: a town of the paper's own state is
named bare ("Aurora"), a town of another state with its state ("Aurora, Ill."), unless it is a big,
well-known city. An article's dateline says which state is home
(:mod:`helpers.extract.places.home_division` reads its bare towns there), but most web pages of
local news carry none. The outlet's other articles do: a paper most of whose stories lie in one
state is that state's paper, the "local lexicon" of Lieberman, Samet and Sankaranarayanan
(ICDE 2010), who found it the strongest single cue for local news. The corpus is the evidence: no
list of outlets is kept, so an outlet the project has never seen gets a home once the corpus holds
enough of its stories.

An outlet's home town is learnt the same way (a paper's city; a wire or a national outlet has
none), in any country. :mod:`helpers.aggregate.rehoming` places the events by them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import pandas as pd

from helpers.extract.places.home_division import state_style_countries

#: Fewest of an outlet's articles placed in its home state for the outlet to have one.
MIN_HOME_ARTICLES = 3
#: Least share of an outlet's placed articles in one state for it to be the outlet's home.
MIN_HOME_SHARE = 0.6
#: Place roles that tell where an article's stories lie.
STORY_ROLES = ("event", "nested", "dateline")
#: The ``place_mentions`` columns an outlet's home is learnt from (:func:`outlet_homes`).
STORY_COLUMNS = ("article_id", "place_id", "canonical", "role", "kind", "country", "admin1", "admin1_code")
#: Kinds of place a bare name of another state may be misread as.
LOCAL_KINDS = ("city", "village", "admin2")
#: Kinds of a town.
TOWNS = ("city", "village")
#: Least share of an outlet's articles placed in a town that its home town holds.
MIN_TOWN_SHARE = 0.4


@dataclass(frozen=True)
class Home:
    """An outlet's home state.

    Attributes:
        country: ISO 3166-1 alpha-2 code.
        admin1_code: ISO 3166-2 code of the state or province.
        admin1: Its name.
        articles: The outlet's articles placed there.
        placed: The outlet's articles placed anywhere.
    """

    country: str
    admin1_code: str
    admin1: str
    articles: int
    placed: int


@dataclass(frozen=True)
class HomeTown:
    """An outlet's home town: the town most of its articles that name a town lie in.

    Attributes:
        place_id: The town's gazetteer id.
        name: Its canonical name.
        articles: The outlet's articles placed there.
        placed: The outlet's articles placed in a town.
    """

    place_id: str
    name: str
    articles: int
    placed: int


def _story_states(places: pd.DataFrame) -> dict[str, tuple[str, str, str]]:
    """Per article, the state most of its distinct local place names lie in (country, code, name)."""
    local = places[
        places["role"].isin(STORY_ROLES)
        & places["kind"].isin(LOCAL_KINDS)
        & places["country"].isin(state_style_countries())
        & (places["admin1_code"].fillna("") != "")
    ]
    return _most_common(
        local.drop_duplicates(["article_id", "place_id"]), ["country", "admin1_code", "admin1"]
    )


def _story_towns(places: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Per article, the town its story names most often, in any country (place id, name)."""
    towns = places[places["role"].isin(STORY_ROLES) & places["kind"].isin(TOWNS)]
    return _most_common(towns, ["place_id", "canonical"])


def _most_common(rows: pd.DataFrame, columns: list[str]) -> dict[str, tuple]:
    """Per article, the most frequent value of ``columns`` among ``rows`` (ties: the last in sort order)."""
    if rows.empty:
        return {}
    counts = rows.groupby(["article_id", *columns], sort=False, dropna=False).size().rename("n").reset_index()
    best = counts.sort_values(["article_id", "n", *columns]).drop_duplicates("article_id", keep="last")
    return {
        article_id: tuple(value)
        for article_id, *value in best[["article_id", *columns]].itertuples(index=False)
    }


def outlet_homes(places: pd.DataFrame, articles: pd.DataFrame) -> dict[str, Home]:
    """Each outlet's home state: the state of at least :data:`MIN_HOME_ARTICLES` of its articles and
    :data:`MIN_HOME_SHARE` of those placed in a state (a national outlet or a wire has none).

    Args:
        places: The ``place_mentions`` table (:data:`STORY_COLUMNS` at least).
        articles: ``article_id`` and ``outlet`` of every article.
    """
    homes = _outlet_majorities(_story_states(places), articles, MIN_HOME_SHARE)
    return {outlet: Home(*state, articles=n, placed=placed) for outlet, (state, n, placed) in homes.items()}


def outlet_towns(places: pd.DataFrame, articles: pd.DataFrame) -> dict[str, HomeTown]:
    """Each outlet's home town: the town of at least :data:`MIN_HOME_ARTICLES` of its articles and
    :data:`MIN_TOWN_SHARE` of those placed in a town (a paper's city; a wire or a national outlet has none).

    Args:
        places: The ``place_mentions`` table (:data:`STORY_COLUMNS` at least).
        articles: ``article_id`` and ``outlet`` of every article.
    """
    towns = _outlet_majorities(_story_towns(places), articles, MIN_TOWN_SHARE)
    return {outlet: HomeTown(*town, articles=n, placed=placed) for outlet, (town, n, placed) in towns.items()}


def _outlet_majorities(
    per_article: dict[str, tuple], articles: pd.DataFrame, share: float
) -> dict[str, tuple[tuple, int, int]]:
    """Per outlet, the value of at least :data:`MIN_HOME_ARTICLES` of its articles and ``share`` of
    those that have one, with both counts (ties: the last value in sort order)."""
    by_outlet: dict[str, Counter] = defaultdict(Counter)
    for article_id, outlet in zip(articles["article_id"], articles["outlet"].fillna("")):
        if outlet and article_id in per_article:
            by_outlet[outlet][per_article[article_id]] += 1
    found = {}
    for outlet, counts in by_outlet.items():
        value, n = max(counts.items(), key=lambda item: (item[1], item[0]))
        placed = sum(counts.values())
        if n >= MIN_HOME_ARTICLES and n >= share * placed:
            found[outlet] = (value, n, placed)
    return found
