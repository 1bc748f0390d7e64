"""Generic state actors of every country: "Malian army", "Kenya's police", "the Interior Ministry".

A state actor is a country's body (army, armed forces, police, government,
ministry, parliament …, ``en/state_bodies.csv``) named by the country's
adjective or name. Countries come from the gazetteer's country table
(``geo_countries.csv``: names and formal names), its country aliases
(``geo_aliases.csv``: "U.S.", "Britain") and its demonyms (``geo_demonyms.csv``).
Ids are ``state:<ISO 3166-1 alpha-2>:<body>`` (``state:ML:army``); an actor of
the dictionary (``actors.csv``) with the same name stays more specific and wins.

A bare body ("the Defence Ministry", "the army") names the body of the
article's country: its id is written ``state:?:<body>`` until the extractor
knows the country (:func:`with_country`).
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from helpers import config
from helpers.knowledge.actor_names import Actor, lookup_key
from helpers.knowledge.vocabulary import read_vocabulary

STATE_BODIES_FILE = "state_bodies.csv"
COUNTRIES_CSV = config.DATA_DIR / "geo_countries.csv"
DEMONYMS_CSV = config.DATA_DIR / "geo_demonyms.csv"
ALIASES_CSV = config.DATA_DIR / "geo_aliases.csv"
UNKNOWN_COUNTRY = "?"


@dataclass(frozen=True)
class Body:
    """One kind of state body (a row of ``state_bodies.csv``)."""

    body: str
    category: str
    canonical: str
    phrases: tuple[str, ...]
    bare: tuple[str, ...]


@dataclass(frozen=True)
class StateTables:
    """What state actors are built from.

    Attributes:
        bodies: Bodies by name, in file order.
        phrases: Folded body phrase ("defence ministry") to body name.
        bare: Folded bare phrase to ``(body, as written)``; see ``state_bodies.csv``.
        prefixes: Folded country name or demonym to ISO code.
        names: ISO code to ``(country name, demonym)``.
        shared: Folded names and demonyms of two states or more to their ISO codes ("congo",
            "congolese": the Republic and the Democratic Republic).
    """

    bodies: dict[str, Body]
    phrases: dict[str, str]
    bare: dict[str, tuple[str, str]]
    prefixes: dict[str, str]
    names: dict[str, tuple[str, str]]
    shared: dict[str, frozenset[str]]


def _read(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@functools.lru_cache(maxsize=4)
def state_tables(language: str = config.DEFAULT_LANGUAGE) -> StateTables:
    """The bodies, phrases and country prefixes of ``language``.

    >>> tables = state_tables()
    >>> tables.prefixes["malian"], tables.phrases["defence ministry"], tables.names["ML"]
    ('ML', 'ministry_defence', ('Mali', 'Malian'))
    """
    bodies = {
        row["body"]: Body(
            body=row["body"],
            category=row["category"],
            canonical=row["canonical"],
            phrases=tuple(p for p in row["phrases"].split("|") if p),
            bare=tuple(p for p in row["bare"].split("|") if p),
        )
        for row in read_vocabulary(STATE_BODIES_FILE, language)
    }
    phrases = {lookup_key(p): b.body for b in bodies.values() for p in b.phrases}
    bare = {lookup_key(p): (b.body, p) for b in bodies.values() for p in b.bare}
    countries = _read(COUNTRIES_CSV)
    by_geonameid = {row["geonameid"]: row["iso2"] for row in countries}
    prefixes: dict[str, str] = {}
    named: dict[str, set[str]] = {}  # every state a prefix names

    def add(prefix: str, iso: str) -> None:
        prefixes.setdefault(lookup_key(prefix), iso)
        named.setdefault(lookup_key(prefix), set()).add(iso)

    demonyms: dict[str, str] = {}
    for row in _read(DEMONYMS_CSV):
        if row["target"] in by_geonameid.values():
            add(row["demonym"], row["target"])
            demonyms.setdefault(row["target"], row["demonym"])
    for row in countries:
        for name in [row["name"], *row["names"].split("|")]:
            if name and "," not in name:
                add(name, row["iso2"])
    for row in _read(ALIASES_CSV):
        iso = by_geonameid.get(row["place_id"].removeprefix("gn:"))
        if iso:
            add(row["alias"], iso)
    names = {row["iso2"]: (row["name"], demonyms.get(row["iso2"], row["name"])) for row in countries}
    shared = {prefix: frozenset(isos) for prefix, isos in named.items() if len(isos) > 1}
    return StateTables(bodies, phrases, bare, prefixes, names, shared)


def state_actor(actor_id: str, language: str = config.DEFAULT_LANGUAGE) -> Actor | None:
    """The generic state actor of an id such as ``state:ML:army`` (``None`` if not one).

    >>> state_actor("state:ML:army").canonical
    'Malian Army'
    >>> state_actor("state:LY:ministry_health").canonical
    'Ministry of Health (Libya)'
    """
    parts = actor_id.split(":")
    tables = state_tables(language)
    if len(parts) != 3 or parts[0] != "state" or parts[2] not in tables.bodies:
        return None
    body = tables.bodies[parts[2]]
    if parts[1] not in tables.names:
        return None
    country, demonym = tables.names[parts[1]]
    return Actor(
        actor_id=actor_id,
        canonical=body.canonical.format(country=country, demonym=demonym),
        category=body.category,
        country=parts[1],
        wikidata="",
        label="ORG",
        aliases=(),
    )


def state_names(actor_id: str, language: str = config.DEFAULT_LANGUAGE) -> list[str]:
    """Names of a state actor as the dictionary would list them: "<demonym> <phrase>", each phrase.

    >>> state_names("state:SD:army")[:2]
    ['Sudanese army', 'Sudanese national army']
    """
    parts = actor_id.split(":")
    tables = state_tables(language)
    if len(parts) != 3 or parts[1] not in tables.names or parts[2] not in tables.bodies:
        return []
    demonym = tables.names[parts[1]][1]
    return [f"{demonym} {phrase}" for phrase in tables.bodies[parts[2]].phrases]


def lookup_state(text: str, *, country: str = "", language: str = config.DEFAULT_LANGUAGE) -> str:
    """The state actor id a mention names: "<demonym|country>['s] <body>", "<body> of <country>",
    or a bare body of ``country`` (the article's); ``""`` if none.

    >>> lookup_state("the Malian armed forces"), lookup_state("Kenya's police")
    ('state:ML:armed_forces', 'state:KE:police')
    >>> lookup_state("the Ministry of Defence of Nigeria"), lookup_state("Health Ministry", country="LY")
    ('state:NG:ministry_defence', 'state:LY:ministry_health')
    >>> lookup_state("Congo's army", country="CD"), lookup_state("Congo's army", country="CG")
    ('state:CD:army', 'state:CG:army')
    """
    tables = state_tables(language)
    key = lookup_key(text)
    words = key.split()
    for i in range(1, len(words)):
        prefix, rest = " ".join(words[:i]), " ".join(words[i:])
        if prefix not in tables.prefixes and prefix.endswith("s"):  # "congos" of "Congo's"
            prefix = prefix[:-1]
        iso = tables.prefixes.get(prefix)
        if iso and country in tables.shared.get(prefix, ()):  # "Congo's army" in a story from Goma
            iso = country
        if iso and rest in tables.phrases:
            return f"state:{iso}:{tables.phrases[rest]}"
    for match in re.finditer(r" of (?:the )?", key):
        body, place = key[: match.start()], key[match.end() :]
        if body in tables.phrases and place in tables.prefixes:
            return f"state:{tables.prefixes[place]}:{tables.phrases[body]}"
    if key in tables.bare and country:
        return f"state:{country}:{tables.bare[key][0]}"
    return ""


def with_country(actor_id: str, country: str) -> str:
    """A bare body's id with the article's country (``""`` when the country is unknown).

    >>> with_country("state:?:army", "AF"), with_country("state:?:army", ""), with_country("isis", "AF")
    ('state:AF:army', '', 'isis')
    """
    if not actor_id.startswith(f"state:{UNKNOWN_COUNTRY}:"):
        return actor_id
    return actor_id.replace(UNKNOWN_COUNTRY, country, 1) if country else ""


@dataclass(frozen=True)
class PartyWords:
    """Words that make a country a party in its sentence (``state_party_words.csv``).

    Attributes:
        nouns: Action nouns a country's possessive makes its own ("Iran's support").
        stative: Verbs whose subject is the land, not the state ("Iraq lies").
        roles: Nouns and adjectives after "be" that make its subject the state ("a partner").
        verbs: Verbs whose object is a state ("support Iraq", "work with Turkey").
    """

    nouns: frozenset[str]
    stative: frozenset[str]
    roles: frozenset[str]
    verbs: frozenset[str]


@functools.lru_cache(maxsize=4)
def party_words(language: str = config.DEFAULT_LANGUAGE) -> PartyWords:
    """The party words of ``language``.

    >>> words = party_words()
    >>> "support" in words.nouns, "border" in words.stative, "partner" in words.roles
    (True, True, True)
    """
    rows = read_vocabulary("state_party_words.csv", language)
    kinds = {
        kind: frozenset(r["word"] for r in rows if r["kind"] == kind)
        for kind in ("noun", "stative", "role", "verb")
    }
    return PartyWords(nouns=kinds["noun"], stative=kinds["stative"], roles=kinds["role"], verbs=kinds["verb"])
