"""Who struck from the air or from afar: the owner of the drones, jets or guns an event names.

News names the attacker of an air strike or a shelling by the weapon's owner, a country's
adjective or name or an actor written before the weapon: "a Turkish drone killed two SDF
fighters", "an Israeli drone strike killed three Hezbollah members", "US missile strikes",
"Syrian regime airstrikes killed five civilians", "Houthi drones". The armed group the sentence
also names is then the target, not the attacker. A country's adjective, name or government
stands for its armed forces (``state:<ISO>:armed_forces``: ACLED's military forces of the state;
the government of the actor dictionary too, by its country); a named force or armed group
stands for itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from spacy.tokens import Span, Token

from helpers.knowledge.actor_names import lookup_key
from helpers.knowledge.actors import load_dictionary
from helpers.knowledge.casualty_lexicon import casualty_cues
from helpers.knowledge.event_types import event_types
from helpers.knowledge.speech import speech_verbs
from helpers.knowledge.state_actors import state_actor, state_tables

#: ACLED's sub-event types of strikes from the air or from afar.
STRIKE_TYPES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
#: ACLED's sub-event types of violence a generic word names ("killed", "attack"), which a strike a
#: force owns makes an air strike.
GENERIC_VIOLENCE = frozenset({"Attack", "Armed clash"})
#: ACLED's sub-event type of a strike whose weapon is left unsaid.
AIR_STRIKE = "Air/drone strike"
#: The bare noun of a strike, a military one only when a force owns it ("an Israeli strike").
STRIKE = "strike"
#: Dependents by which a word names the owner of a weapon ("Turkish drone", "US strikes", "Israel's jets").
OWNER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
#: Dependents that only a noun takes: a strike word with one is a noun, whatever its tag.
MODIFIER_DEPS = frozenset({"amod", "compound"})
#: Actor categories that strike for themselves; a government strikes through its armed forces.
FORCES = frozenset({"state_force", "armed_group", "militia"})


@lru_cache(maxsize=1)
def strike_words() -> frozenset[str]:
    """The weapons and strikes of the strike sub-event types (``event_types.csv``), the last word
    of a phrase standing for it ("air strike" -> "strike").

    >>> sorted({"drone", "strike", "shelling", "artillery"} & strike_words())
    ['artillery', 'drone', 'shelling', 'strike']
    """
    words: set[str] = set()
    for kind in event_types():
        if kind.sub_event_type in STRIKE_TYPES:
            words |= {lemma.split(":")[0].split()[-1] for lemma in kind.lemmas}
    return frozenset(words)


def strike_owner(sentences: Sequence[Span], mentions: Sequence[dict]) -> dict | None:
    """The actor whose weapon struck, as an actor mention (``actor_id``, ``canonical``,
    ``category``), or None.

    Args:
        sentences: The event's evidence sentences.
        mentions: The actor mentions of the evidence (``start_char``, ``actor_id``, ``canonical``,
            ``category``).

    Returns:
        The first owner written before a strike word or a weapon of the sentences ("Turkish" of
        "a Turkish drone", "Syrian regime" of "Syrian regime airstrikes").
    """
    return next(_owners(sentences, mentions, strike_words(), _weapon_noun), None)


def owned_strike(sentences: Sequence[Span], mentions: Sequence[dict]) -> dict | None:
    """The armed force whose "strike" the sentences name ("killed in an Israeli strike", "US strikes
    on the town"), as an actor mention, or None: a bare "strike" is an air strike only when a state
    or an armed force owns it (a workers' strike or a hunger strike is none). ACLED codes a strike
    whose weapon the report leaves unsaid as an air or drone strike.

    Args:
        sentences: The event's evidence sentences.
        mentions: The actor mentions of the evidence (see :func:`strike_owner`).
    """
    owners = _owners(sentences, mentions, frozenset({STRIKE}), lambda token: token.pos_ == "NOUN")
    return next((owner for owner in owners if owner.get("category") in FORCES), None)


def _owners(
    sentences: Sequence[Span],
    mentions: Sequence[dict],
    words: frozenset[str],
    nominal: Callable[[Token], bool],
) -> Iterator[dict]:
    """The owners of the ``words`` of the sentences, in text order: the agent after "by" ("shelling by
    Syrian government forces", "a town shelled by the army"); written before the words read as nouns
    (``nominal``): "Israeli drone strike" may name its owner on "drone"; the subject of the verb whose
    object they are too ("Pakistan carried out airstrikes": its armed forces)."""
    for sentence in sentences:
        for token in sentence:
            if token.lemma_.lower() not in words:
                continue
            for child in token.children:  # "shelling by government forces", "a town shelled by the army"
                if child.dep_ in {"prep", "agent"} and child.lower_ in casualty_cues().agent_preposition:
                    agents = (g for g in child.children if g.dep_ == "pobj")
                    yield from (owner for g in agents if (owner := _owner(g, mentions)) is not None)
            if nominal(token):
                for child in token.children:
                    if child.dep_ in OWNER_DEPS and (owner := _owner(child, mentions)) is not None:
                        yield owner
                if token.dep_ == "dobj":
                    subjects = (_speaker(c) for c in token.head.children if c.dep_ == "nsubj")
                    yield from (owner for c in subjects if (owner := _owner(c, mentions)) is not None)


def _speaker(subject: Token) -> Token:
    """The one a pronoun subject of reported speech stands for: the speaker ("The U.S. military said
    it carried out an air strike": the military), else the subject itself."""
    verb = subject.head
    said = verb.head if verb.dep_ == "ccomp" and subject.pos_ == "PRON" else None
    if said is None or said.lemma_.lower() not in speech_verbs().cues:
        return subject
    return next((c for c in said.children if c.dep_ == "nsubj"), subject)


def _weapon_noun(token: Token) -> bool:
    """A noun, or a word the tagger misread with a noun's modifier ("Russian shelling" as AUX)."""
    return token.pos_ in ("NOUN", "PROPN") or any(c.dep_ in MODIFIER_DEPS for c in token.children)


def _owner(token: Token, mentions: Sequence[dict]) -> dict | None:
    """The actor a weapon's modifier names: an actor mention over it, else a country's adjective or
    name (its armed forces); a compound that is itself a weapon ("drone" of "drone strike") is
    searched in turn."""
    for mention in mentions:
        if mention["start_char"] <= token.idx < mention["end_char"] and mention.get("actor_id"):
            if mention.get("category") in FORCES:
                return mention
            return _forces(_country(mention["actor_id"])) or mention  # "Syrian regime airstrikes"
    if token.lemma_.lower() in strike_words():
        return next((o for c in token.children if c.dep_ in OWNER_DEPS if (o := _owner(c, mentions))), None)
    return _forces(state_tables().prefixes.get(lookup_key(token.text), ""))


def _country(actor_id: str) -> str:
    """The country (ISO 3166-1 alpha-2) of a state actor or a dictionary actor, or ""."""
    parts = actor_id.split(":")
    if parts[0] == "state" and len(parts) == 3:
        return parts[1]
    actor = load_dictionary().get(actor_id)
    return actor.country if actor is not None else ""


def _forces(iso: str) -> dict | None:
    """The armed forces of a country (ISO 3166-1 alpha-2) as an actor mention."""
    actor = state_actor(f"state:{iso}:armed_forces") if iso else None
    if actor is None:
        return None
    return {"actor_id": actor.actor_id, "canonical": actor.canonical, "category": actor.category}
