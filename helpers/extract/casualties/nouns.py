"""Victim nouns: the lexicon keys of a noun, and the people a plural pronoun stands for."""

from __future__ import annotations

from spacy.tokens import Token

from helpers.knowledge.casualty_lexicon import Lexicon, casualty_cues

#: Fine tags of a plural noun.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


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
