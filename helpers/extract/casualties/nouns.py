"""Victim nouns: the lexicon keys of a noun, the people a plural pronoun stands for, the noun that
tells who a count of people were, and the victim group a noun names."""

from __future__ import annotations

from spacy.tokens import Token

from helpers.extract.casualties.syntax import complement_of, verb_subject
from helpers.knowledge.casualty_lexicon import Lexicon, casualty_cues
from helpers.knowledge.titles import rank_words

#: The victim group (and side, ``victim_sides.csv``) of security forces, whose killers are not attackers.
SECURITY_FORCES = "security forces"

#: Fine tags of a plural noun.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: The victim group of the members of an armed group no dictionary names ("an Iran-backed group").
ARMED_MEMBERS = "militants"


def noun_keys(token: Token) -> list[str]:
    """Lexicon keys for a noun: lemma, form and a naive singular.

    Written by hand because the tagger marks capitalised headline nouns
    ("Militiamen killed …") as proper nouns, which the lemmatizer leaves unchanged.
    """
    lower = token.lower_
    singular = (
        lower[:-3] + "man"
        if lower.endswith("men")
        else (lower[:-3] + "y" if lower.endswith("ies") else lower.rstrip("s"))
    )
    return [token.lemma_.lower(), lower, singular]


def plural_referent(pronoun: Token, lexicon: Lexicon) -> Token | None:
    """The noun a plural pronoun of people stands for: the nearest plural noun before it in its
    sentence that names a victim group of the lexicon other than "people" ("Police clashed with
    militants, killing two of them": the militants; "gunmen stopped a bus of pilgrims and shot
    six of them": the pilgrims), else None. Its own sentence only, and no coreference model: news
    writes "of them" right after the group it counts from.
    """
    if pronoun.pos_ != "PRON" or pronoun.lower_ not in casualty_cues().person_pronoun:
        return None
    if "Plur" not in pronoun.morph.get("Number"):
        return None
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if token.tag_ in PLURAL_TAGS and any(
            lexicon.victims.get(key, "people") != "people" for key in noun_keys(token)
        ):
            return token
    return None


def composition_noun(victim: Token) -> Token | None:
    """The noun that tells who a count of people were ("11 people, most of them soldiers", "20 people,
    all of them civilians", "30 people, mostly women and children"), or None: a noun in apposition to
    the victim (or, as the parser also reads it, a clause of its verb after it) held by a count "of
    them" or by an adverb of composition (``composition_adverb`` of ``casualty_cues.csv``).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["killed", "11", "people", ",", "most", "of", "them", "soldiers"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 2, 0, 2, 7, 4, 5, 2],
    ...           deps=["ROOT", "nummod", "dobj", "punct", "nsubj", "prep", "pobj", "appos"],
    ...           pos=["VERB", "NUM", "NOUN", "PUNCT", "ADJ", "ADP", "PRON", "NOUN"])
    >>> composition_noun(doc[2]).text
    'soldiers'
    """
    cues = casualty_cues()
    candidates = [c for c in victim.children if c.dep_ == "appos"]
    if victim.head.pos_ == "VERB":
        candidates += [c for c in victim.head.children if c.dep_ == "advcl" and c.i > victim.i]
    for noun in candidates:
        if noun.pos_ not in {"NOUN", "PROPN"}:
            continue
        for child in noun.children:
            of_them = any(
                g.lower_ == "of" and any(o.lower_ in cues.person_pronoun for o in g.children)
                for g in child.children
            )
            if of_them or (child.dep_ == "advmod" and child.lower_ in cues.composition_adverb):
                return noun
    return None


def victim_group_of(victim: Token | None, lexicon: Lexicon) -> str:
    """Victim group from the modifiers first (``police officers``), then the noun, then nationality."""
    if victim is None:
        return "people"
    cues = casualty_cues()
    target = victim
    if victim.lower_ in cues.reflexive and victim.head.pos_ in {"VERB", "AUX"}:
        target = verb_subject(victim.head) or victim  # "a 9-year-old boy shot himself": a child
    members = complement_of(target, cues.partitive | cues.membership)
    if target.lemma_.lower() in cues.group_member and members is not None:
        target = members
    target = plural_referent(target, lexicon) or target  # "clashed with militants, killing two of them"
    modifiers = [
        c.lemma_.lower() for c in target.children if c.dep_ in {"compound", "amod"} and not _name_word(c)
    ]
    for compound in (f"{m} {key}" for m in modifiers for key in noun_keys(target)):
        if compound in lexicon.victims:  # a compound of the lexicon first: "a security guard"
            return lexicon.victims[compound]
    if modifier := next((m for m in modifiers if m in lexicon.modifiers), None):
        return lexicon.modifiers[modifier]
    if target.lemma_.lower() in cues.group_noun and any(
        c.dep_ == "amod" and c.lower_ in cues.armed_marker for c in target.children
    ):
        return ARMED_MEMBERS  # "three members of an Iran-backed group", "of a Yazidi armed group"
    if members is not None and target.lemma_.lower() in cues.armed_group_noun:
        return ARMED_MEMBERS  # "two members of the Los Lobos gang"
    group = next((lexicon.victims[key] for key in noun_keys(target) if key in lexicon.victims), None)
    if group and group != "people":
        return group
    told = composition_noun(target) if group == "people" else None  # "11 people, most of them soldiers"
    for noun in [told, *told.conjuncts] if told is not None else []:  # "mostly women and children"
        if (group_of_told := victim_group_of(noun, lexicon)) != "people":
            return group_of_told
    if target.ent_type_ == "NORP" and target.pos_ in {"PROPN", "NOUN"}:
        return "people"
    if target.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lower_ in rank_words() for c in target.lefts
    ):
        return SECURITY_FORCES  # "Brigadier General Moussa Traore was killed": an officer
    return group or "people"


def _name_word(token: Token) -> bool:
    """A word of an organisation's name of several words, no modifier ("New People's Army rebels")."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    inside = token.ent_iob_ == "I" or (following is not None and following.ent_iob_ == "I")
    return token.ent_type_ == "ORG" and inside
