"""Places a source spoke from, not where the violence happened.

Wire copy from a war names the town its sources spoke from beside the place of the attack: "the
military said in a statement **from Rawalpindi**", "an official told reporters **in Kabul**", "a
witness, speaking by telephone **from Mogadishu**". The capital or the army's headquarters is not
where the district's checkpoint was attacked. Such a mention keeps its place but gets the role
``speaker``: like a hospital's town, it places no figure and no event, and places an article's
event only when the article names no other place
(:func:`~helpers.extract.places.places.main_place`).

A place is the speaker's when it is the object of a preposition of location (in, from, at) whose
phrase belongs to the telling: a verb of telling (``event_cues.csv`` kind ``spoke``: say, tell,
speak, announce…), its listeners ("told reporters in Kabul") or the statement it was made in
("said in a statement from Rawalpindi"). The first verb above the place decides: "officials said
the attack in Kabul killed 12" places the attack (its verb is "killed"), and "officers responded to
a shooting in Indio" the shooting. The place of the speaker is not taken: "police in Houston said",
"a spokesman in Lashkar Gah said" name the authorities of the place where the violence was, in
local news as in wire copy.
"""

from __future__ import annotations

from spacy.tokens import Span

from helpers.knowledge.event_types import cue_words

#: Prepositions of the place a source spoke from.
LOCATIVE = frozenset({"in", "from", "at"})
#: Dependencies by which the listeners' or the statement's phrase hangs on the verb of telling.
SPEAKING = frozenset({"dobj", "prep", "pobj", "dative"})
#: Most nouns between the place's preposition and the verb ("said in a statement from X": one).
STEPS = 3


def spoken_from(span: Span) -> bool:
    """Whether the place name is where a source spoke from (see the module docstring).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["He", "told", "reporters", "in", "Kabul"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 2, 3],
    ...           deps=["nsubj", "ROOT", "dobj", "prep", "pobj"],
    ...           pos=["PRON", "VERB", "NOUN", "ADP", "PROPN"],
    ...           lemmas=["he", "tell", "reporter", "in", "Kabul"])
    >>> spoken_from(doc[4:5])
    True
    """
    root = span.root
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ not in LOCATIVE:
        return False
    token = preposition.head
    for _ in range(STEPS):
        if token.pos_ in {"VERB", "AUX"}:
            return token.lemma_.lower() in cue_words("spoke")
        if token.dep_ not in SPEAKING or token.head.i == token.i:
            return False
        token = token.head
    return token.pos_ == "VERB" and token.lemma_.lower() in cue_words("spoke")
