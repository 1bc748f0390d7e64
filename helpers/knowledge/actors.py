"""Conflict actors: the actor dictionary and canonical linking.

The dictionary (``helpers/data/actors.csv``, versioned in its header comment)
lists armed groups, state forces, militias, governments, parties, international
bodies, NGOs and media with their aliases. The spaCy rules built from it live in
the nlp layer (:mod:`helpers.nlp.actor_rules`, which sets dictionary hits as
entities, and :mod:`helpers.nlp.entity_fixer`). :func:`canonicalize` links any
mention text to its dictionary entry (or to a normalised id users can add to the
dictionary); :func:`helpers.aggregate.actors.actors_table` counts linked mentions
per actor.

Linking rules, applied to every alias and mention:

* apostrophes, quotes, dashes, diacritics and case are folded (``Da’esh`` =
  ``Da'esh``, ``Hashd al Shaabi`` = ``Hashd al-Shaabi``);
* an alias with an all-capitals token (``IS``, ``AP``, ``SAF``) is looked up with
  its capitals, so "is" and "ap" never link;
* leading articles and hedges ("the", "so-called"), possessives and a trailing
  generic force noun ("Peshmerga forces", :func:`force_words`) are dropped from a
  mention before it is looked up.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from helpers import config
from helpers.knowledge.actor_names import FORCE_WORDS_FILE as FORCE_WORDS_FILE
from helpers.knowledge.actor_names import POSSESSIVE, QUOTES, Actor, force_suffix, leading_words, lookup_key
from helpers.knowledge.actor_names import ForceWords as ForceWords
from helpers.knowledge.actor_names import fold as fold
from helpers.knowledge.actor_names import force_words as force_words
from helpers.knowledge.actor_names import is_acronym as is_acronym
from helpers.knowledge.outlets import is_outlet
from helpers.knowledge.state_actors import lookup_state, state_actor, state_names

ACTORS_CSV = config.DATA_DIR / "actors.csv"
#: The world's conflicts (Sahel to Myanmar, Haiti to Ukraine), loaded before ``actors.csv``.
WORLD_CSV = config.DATA_DIR / "actors_world.csv"
CONTEXTS_CSV = config.DATA_DIR / "actor_contexts.csv"

#: Columns of an actor dictionary (built-in or user CSV).
DICTIONARY_COLUMNS = ("actor_id", "canonical", "category", "country", "wikidata", "label", "aliases")
#: Actor categories of the built-in dictionary; ``ngo`` covers humanitarian and
#: human-rights organisations, which report casualties but are not parties to a conflict.
CATEGORIES = ("armed_group", "state_force", "militia", "government", "party", "international", "ngo", "media")
#: Entity labels :func:`canonicalize` looks up in the dictionary (others are never actors).
LINKABLE_LABELS = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", ""})
#: Entity labels whose mentions go into the actors table: every ORG, and NORP
#: mentions that the dictionary knows (groups, not nationality adjectives).
ACTOR_LABELS = frozenset({"ORG", "NORP"})


@dataclass
class ActorDictionary:
    """Actors by id with alias indexes for linking.

    Attributes:
        actors: Actors by ``actor_id``, in file order (built-in first, then user rows).
        cased_index: Case-sensitive keys (aliases containing an acronym) to actor ids.
        folded_index: Case-folded keys of the other aliases to actor ids.
        contexts: Folded keys of aliases that name another group in some countries
            (``actor_contexts.csv``) to ``{country: actor_id}``.
    """

    actors: dict[str, Actor]
    cased_index: dict[str, str] = field(default_factory=dict)
    folded_index: dict[str, str] = field(default_factory=dict)
    contexts: dict[str, dict[str, str]] = field(default_factory=dict)
    _state_cache: dict[str, Actor | None] = field(default_factory=dict, repr=False)
    _covered: dict[str, str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for actor in reversed(self.actors.values()):  # later (user) rows win shared aliases
            for alias in actor.aliases:
                if any(is_acronym(word) for word in re.split(r"[\s-]+", alias)):
                    self.cased_index.setdefault(lookup_key(alias, cased=True), actor.actor_id)
                else:
                    self.folded_index.setdefault(lookup_key(alias), actor.actor_id)

    def get(self, actor_id: str) -> Actor | None:
        """The actor of an id: a dictionary row, else a generic state actor (``state:ML:army``).

        A state actor the dictionary names ("Sudanese army" for ``state:SD:army``) is the
        dictionary's, so "Sudan's army" and "the Sudanese army" are one actor; so is one a
        dictionary actor of the same country and kind covers under another of the country's
        names ("U.S. Army" of ``us_forces`` for ``state:US:army``, written "the Army").
        """
        if actor_id in self.actors or not actor_id.startswith("state:"):
            return self.actors.get(actor_id)
        if actor_id not in self._state_cache:
            known = (self.lookup(name) for name in state_names(actor_id))
            found = next((a for a in known if a is not None), None)
            covering = self.covered().get(actor_id)
            self._state_cache[actor_id] = found or self.actors.get(covering or "") or state_actor(actor_id)
        return self._state_cache[actor_id]

    def covered(self) -> dict[str, str]:
        """Generic state ids to the dictionary actor that names the same body: an alias of a
        state force or government naming its own country's body ("US Army" of ``us_forces``
        covers ``state:US:army``). Later (user) rows win; built once, on first use."""
        if self._covered is None:
            self._covered = {}
            for actor in reversed(self.actors.values()):
                for alias in actor.aliases:
                    state = state_actor(lookup_state(alias))
                    if state and state.country == actor.country and state.category == actor.category:
                        self._covered.setdefault(state.actor_id, actor.actor_id)
        return self._covered

    def in_context(self, actor: Actor, text: str, countries: Sequence[str]) -> Actor:
        """The actor a mention names given the article's countries, first the most telling.

        An alias shared by groups of different countries ("al-Shabaab" in Somalia and in
        Mozambique, "SNA" in Syria and in Somalia) names the group of the first of
        ``countries`` that ``actor_contexts.csv`` lists for it; otherwise ``actor``.
        """
        choices = self.contexts.get(lookup_key(force_suffix().sub("", text.strip())))
        if choices:
            for country in countries:
                if country in choices and choices[country] in self.actors:
                    return self.actors[choices[country]]
        return actor

    def described(self, text: str, countries: Sequence[str]) -> Actor | None:
        """The group a phrase of no dictionary name stands for in the news of one of ``countries``
        (``actor_contexts.csv``: "separatist fighters" in Cameroon are the Ambazonian separatists),
        read without its first words ("Suspected separatist fighters"); None elsewhere.

        >>> dictionary = load_dictionary()
        >>> dictionary.described("Suspected separatist fighters", ["CM"]).canonical
        'Ambazonian separatists'
        >>> dictionary.described("separatist fighters", ["UA"]) is None
        True
        """
        words = text.split()
        for start in range(len(words)):
            choices = self.contexts.get(lookup_key(" ".join(words[start:])))
            if choices:
                found = next((choices[c] for c in countries if choices.get(c) in self.actors), "")
                return self.actors[found] if found else None
        return None

    def lookup(self, text: str) -> Actor | None:
        """The actor a mention names, trying it with and without a trailing force noun."""
        candidates = [text]
        stripped = force_suffix().sub("", text.strip())
        if stripped != text.strip():
            candidates.append(stripped)
        for candidate in candidates:
            actor_id = self.cased_index.get(lookup_key(candidate, cased=True)) or self.folded_index.get(
                lookup_key(candidate)
            )
            if actor_id:
                return self.actors[actor_id]
        return None


def read_dictionary_rows(path: str | PathLike) -> list[Actor]:
    """Read an actor dictionary CSV (lines starting with ``#`` are comments).

    Args:
        path: CSV with the columns of :data:`DICTIONARY_COLUMNS`; ``label`` may be
            missing or empty (ORG), ``aliases`` is ``|``-separated.

    Returns:
        One :class:`Actor` per row; the canonical name always counts as an alias.

    Raises:
        ValueError: If a required column is missing or a row has no ``actor_id``.
    """
    with open(path, encoding="utf-8", newline="") as handle:
        # csv has no comment syntax; the header comment carries the dictionary's version.
        reader = csv.DictReader(line for line in handle if not line.startswith("#"))
        missing = {"actor_id", "canonical", "category", "aliases"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)}")
        actors = []
        for number, row in enumerate(reader, start=1):
            row = {key: (value or "").strip() for key, value in row.items() if key}
            if not row["actor_id"]:
                raise ValueError(f"{path}: row {number} has no actor_id")
            aliases = [row["canonical"], *row["aliases"].split("|")]
            actors.append(
                Actor(
                    actor_id=row["actor_id"],
                    canonical=row["canonical"] or row["actor_id"],
                    category=row["category"],
                    country=row.get("country", ""),
                    wikidata=row.get("wikidata", ""),
                    label=row.get("label") or "ORG",
                    aliases=tuple(dict.fromkeys(alias.strip() for alias in aliases if alias.strip())),
                )
            )
    return actors


@functools.lru_cache(maxsize=8)
def _load_dictionary(paths: tuple[str, ...]) -> ActorDictionary:
    actors: dict[str, Actor] = {}
    for path in paths:
        for actor in read_dictionary_rows(path):
            actors.pop(actor.actor_id, None)  # a later (user) row replaces the earlier one
            actors[actor.actor_id] = actor
    contexts: dict[str, dict[str, str]] = {}
    for row in _read_contexts():
        contexts.setdefault(lookup_key(row["alias"]), {})[row["country"]] = row["actor_id"]
    return ActorDictionary(actors, contexts=contexts)


def _read_contexts() -> list[dict[str, str]]:
    """Rows of ``actor_contexts.csv``: ``alias``, ``country``, ``actor_id``."""
    with CONTEXTS_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def load_dictionary(extra_dictionaries: Sequence[str | PathLike] = ()) -> ActorDictionary:
    """The built-in actor dictionaries (``actors_world.csv``, then ``actors.csv``, whose rows win)
    merged with user dictionaries (user rows win).

    Args:
        extra_dictionaries: Paths of user CSVs with the built-in columns. A row
            whose ``actor_id`` exists replaces the built-in row; an alias listed by
            a user row links to the user's actor.

    Returns:
        The merged :class:`ActorDictionary` (cached per list of paths).
    """
    return _load_dictionary((str(WORLD_CSV), str(ACTORS_CSV), *(str(Path(p)) for p in extra_dictionaries)))


def _slug(text: str) -> str:
    return re.sub(r"\W+", "_", lookup_key(text)).strip("_")


def known(actor_id: str) -> bool:
    """Whether an actor id is the built-in dictionary's (or a state actor's), not a mention's own
    ("org:federal_police" of an ORG it lacks).

    >>> known("isis"), known("state:MX:police"), known("org:federal_police"), known("")
    (True, True, False, False)
    """
    return bool(actor_id) and load_dictionary().get(actor_id) is not None


def canonicalize(
    text: str, label: str, *, dictionary: ActorDictionary | None = None, country: str = ""
) -> dict:
    """Link an entity mention to its actor.

    Args:
        text: The mention as written ("the Kurdistan Region’s Peshmerga forces").
        label: Its entity label; only organisation-like labels (:data:`LINKABLE_LABELS`)
            are looked up, persons, dates and numbers never are.
        dictionary: Actor dictionary; default the built-in one.
        country: The article's country (ISO code), for a bare state body ("the Defence Ministry").

    Returns:
        ``actor_id``, ``canonical``, ``category``, ``country``, ``wikidata``,
        ``in_dictionary``. An unknown mention gets its cleaned text as
        ``canonical`` and ``<label>:<slug>`` as ``actor_id`` (e.g. ``org:security_and_defence_committee``)
        so equal spellings group together and users can add them to a dictionary; an unknown
        outlet (:func:`helpers.knowledge.outlets.is_outlet`) gets the category ``media``.

    >>> canonicalize("Da’esh", "ORG")["canonical"]
    'Islamic State'
    >>> canonicalize("the Security Council's", "ORG")["actor_id"]
    'unsc'
    >>> canonicalize("the Defence Committee", "ORG")["actor_id"]
    'org:defence_committee'
    >>> canonicalize("Ghana's army", "ORG")["actor_id"]
    'state:GH:army'
    >>> canonicalize("the Health Ministry", "ORG", country="LY")["canonical"]
    'Ministry of Health (Libya)'
    >>> canonicalize("the Houston Chronicle", "ORG")["category"]
    'media'
    """
    dictionary = dictionary or load_dictionary()
    actor = dictionary.lookup(text) if label in LINKABLE_LABELS else None
    if actor is None and label in LINKABLE_LABELS:
        actor = dictionary.get(lookup_state(text, country=country))
    if actor is not None:
        return {
            "actor_id": actor.actor_id,
            "canonical": actor.canonical,
            "category": actor.category,
            "country": actor.country,
            "wikidata": actor.wikidata,
            "in_dictionary": True,
        }
    cleaned = POSSESSIVE.sub("", leading_words().sub("", " ".join(text.translate(QUOTES).split())))
    return {
        "actor_id": f"{(label or 'entity').lower()}:{_slug(text)}",
        "canonical": cleaned.strip(),
        "category": "media" if label == "ORG" and is_outlet(cleaned) else "",
        "country": "",
        "wikidata": "",
        "in_dictionary": False,
    }
