"""Casualty triggers that are phrases: a toll ("the death toll rose to 15", "put the number of dead
at 10"), a trigger with its complement ("lost their lives", "took … hostage", "claimed the lives
of", "injuries to 19 others", "left 12 dead"), read by
:func:`helpers.extract.casualties.triggers.trigger_victims`.
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.extract.casualties.counting import is_person
from helpers.extract.casualties.syntax import (
    SUBJECTS,
    complement_of,
    has_own_trigger,
    is_passive,
    objects_of,
    verb_subject,
)
from helpers.knowledge.casualty_lexicon import Lexicon, Phrase, casualty_cues, quantity_words

#: What a trigger's frame finds: outcome, victim heads, agent, rule name.
Found = tuple[str | None, list[Token], Token | None, str]


def nothing() -> Found:
    """No figure: the token is no trigger here."""
    return None, [], None, ""


def toll_victims(toll: Token, lexicon: Lexicon) -> Found:
    """``the death toll rose to 15`` / ``stands at 15`` / ``a toll of 15`` / ``raising the toll to 20``."""
    cues = casualty_cues()
    phrase = lexicon.phrase("death_toll")
    outcome = next(
        (
            phrase.complements[c.lemma_.lower()]
            for c in toll.children
            if c.lemma_.lower() in phrase.complements
        ),
        phrase.words[toll.lemma_.lower()],
    )
    candidates = [
        g
        for c in toll.children
        if c.dep_ == "prep" and c.lower_ in cues.partitive
        for g in c.children
        if g.dep_ == "pobj"
    ]
    holder = toll.head if toll.dep_ in SUBJECTS | {"dobj"} else None
    if holder is not None:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in cues.toll_value:
                candidates.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ in {"attr", "dobj"} and child is not toll:
                candidates.append(child)
    return (outcome, candidates, None, "death_toll") if candidates else nothing()


def toll_number_victims(number: Token, lexicon: Lexicon) -> Found:
    """``put the number of dead at 10``, ``the number of wounded rose to 19``, ``bringing to 45 the
    number of people killed``: the "of" complement (or its participle) gives the outcome, the value
    of the verb holding the noun gives the count."""
    cues = casualty_cues()
    phrase = lexicon.phrase("toll_number")
    of = complement_of(number, cues.partitive)
    outcome = phrase.complements.get(of.lemma_.lower()) or phrase.complements.get(of.lower_) if of else None
    if of is not None and not outcome:  # "the number of people killed": the participle's outcome
        described = [*of.children, *number.children]  # the parser hangs the participle on either
        outcome = next((lexicon.verbs[c.lemma_.lower()] for c in described if _participle(c, lexicon)), None)
    holder = number.head if number.dep_ in SUBJECTS | {"dobj"} else None
    if not outcome or holder is None:
        return nothing()
    values = [
        g
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ in cues.toll_value
        for g in c.children
        if g.dep_ == "pobj"
    ]
    values += [c for c in holder.children if c.dep_ in {"attr"}]
    return (outcome, values, None, "death_toll") if values else nothing()


def _participle(token: Token, lexicon: Lexicon) -> bool:
    """A participle of a verb of harm that describes the noun it hangs on ("people killed")."""
    return token.dep_ in {"acl", "amod"} and token.tag_ == "VBN" and token.lemma_.lower() in lexicon.verbs


def phrase_victims(trigger: Token, lexicon: Lexicon, lemma: str) -> Found | None:
    """Victims of a phrase head (``passed away``, ``lost their lives``, ``claimed 20 lives``,
    ``took … hostage``, ``left three dead``, ``took his own life``); None when the token heads no
    such phrase."""
    own = own_life_victims(trigger, lexicon, lemma)
    if own is not None:
        return own
    passed = lexicon.phrase("passed_away")
    if lemma in passed.words and any(
        c.dep_ == "prt" and c.lower_ in passed.complements for c in trigger.children
    ):
        subject = verb_subject(trigger)
        return passed.words[lemma], [subject] if subject is not None else [], None, "intransitive_subject"
    lost = lexicon.phrase("lost_lives")
    if lemma in lost.words and _lives(trigger, lost):
        subject = verb_subject(trigger)
        return lost.words[lemma], [subject] if subject is not None else [], None, "lost_lives"
    claimed = lexicon.phrase("claimed_lives")
    lives = _lives(trigger, claimed) if lemma in claimed.words else []
    if lives:
        # "claimed 20 lives" counts the lives; "claimed the lives of two policemen" the policemen.
        victims = [complement_of(life, casualty_cues().partitive) or life for life in lives]
        return claimed.words[lemma], victims, verb_subject(trigger), "claimed_lives"
    hostage = lexicon.phrase("taken_hostage")
    if lemma in hostage.words and any(
        c.lemma_.lower() in hostage.complements and c.dep_ in {"oprd", "dobj", "advmod", "npadvmod", "attr"}
        for c in trigger.children
    ):
        if is_passive(trigger):
            subject = verb_subject(trigger)
            return hostage.words[lemma], [subject] if subject is not None else [], None, "taken_hostage"
        return hostage.words[lemma], objects_of(trigger), verb_subject(trigger), "taken_hostage"
    away = lexicon.phrase("taken_away")
    if lemma in away.words and any(
        c.dep_ in {"prt", "advmod"} and c.lower_ in away.complements for c in trigger.children
    ):
        outcome = _taken_away_outcome(trigger, away.words[lemma])
        if outcome is None:
            return None
        if is_passive(trigger):
            subject = verb_subject(trigger)
            return outcome, [subject] if subject is not None else [], None, "taken_away"
        return outcome, objects_of(trigger), verb_subject(trigger), "taken_away"
    sent = lexicon.phrase("sent_to")
    if lemma in sent.words and any(
        g.lemma_.lower() in sent.complements
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ in casualty_cues().toll_value
        for g in c.children
    ):  # "the shooting sent four people to the hospital" (not "police sent officers to the hospital")
        subject = verb_subject(trigger)
        if is_passive(trigger):
            return sent.words[lemma], [subject] if subject is not None else [], None, "sent_to"
        if subject is not None and not is_person(subject, lexicon):
            return sent.words[lemma], objects_of(trigger), subject, "sent_to"
        return nothing()
    hurt = lexicon.phrase("injury_to")
    if lemma in hurt.words and trigger.pos_ == "NOUN":
        to = complement_of(trigger, frozenset(hurt.complements))
        # "injuries to 19 others"; a wound "to the chest" is the holder's (see condition_holder)
        if to is not None and (to.like_num or is_person(to, lexicon)):
            return hurt.words[lemma], [to], None, "injury_to"
    if lemma in lexicon.phrase("left_state").words:
        state = next(
            (
                c
                for c in trigger.children
                if c.dep_ in {"oprd", "xcomp", "ccomp", "acomp", "advcl"} and c.lower_ in lexicon.adjectives
            ),
            None,
        )
        if state is not None:
            victims = (
                # "left one man dead and six others with wounds": the others have their own outcome
                [c for c in trigger.children if c.dep_ == "dobj" and not has_own_trigger(c, lexicon)]
                or [c for c in state.children if c.dep_ in SUBJECTS]
                or [state for c in state.children if c.dep_ == "nummod"][:1]  # "left 12 dead"
            )
            return lexicon.adjectives[state.lower_], victims, verb_subject(trigger), "left_state"
    return None


def _left_with(token: Token, lexicon: Lexicon) -> bool:
    """``token`` is a verb of ``left three dead`` or a person it leaves: "left six others with
    gunshot wounds" (its object has the wounds, as the object of "rushed him to hospital with
    wounds" has)."""
    verb = token.head if token.dep_ in {"dobj", "conj"} and is_person(token, lexicon) else token
    return verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in lexicon.phrase("left_state").words


#: Most words of a qualifier between a verb and the count of its object ("at least", "more than").
_QUALIFIER_TOKENS = 3


def counted_object_after(verb: Token, lexicon: Lexicon) -> Token | None:
    """The people a verb read as a reduced passive counts right after it, its object misread ("Boko
    Haram fighters abducted at least 20 women who …": the parse hangs "abducted" on "fighters" and
    "women" on a later verb): a number, after a qualifier of ``quantities.csv`` if any, counting a
    common noun of people. A passive participle is followed by its agent or setting, not by such a
    count ("Teen shot during 1 of 3 robbery attempts", "One shot outside 7-Eleven"). None when none.
    """
    doc, qualifiers = verb.doc, quantity_words().qualifiers
    for end in range(verb.i + 1, min(verb.i + 2 + _QUALIFIER_TOKENS, len(doc))):
        number = doc[end]
        if number.like_num or number.pos_ == "NUM":
            between = " ".join(t.lower_ for t in doc[verb.i + 1 : end])
            head = number.head
            people = head.i > end and head.pos_ == "NOUN" and is_person(head, lexicon)
            return head if people and (not between or between in qualifiers) else None
    return None


def condition_victims(noun: Token, lexicon: Lexicon) -> Found:
    """Who has an injury or a condition (:func:`condition_holder`), injured, or killed when the
    injury is fatal ("suffered a fatal gunshot wound", "died of mortal wounds" is read by its verb).

    >>> import spacy
    >>> from helpers.knowledge.casualty_lexicon import load_lexicon
    >>> doc = spacy.blank("en")("boy suffered fatal wound")
    >>> for token, (dep, head, lemma) in zip(doc, [("nsubj", 1, "boy"), ("ROOT", 1, "suffer"),
    ...                                           ("amod", 3, "fatal"), ("dobj", 1, "wound")]):
    ...     token.dep_, token.head, token.lemma_ = dep, doc[head], lemma
    >>> outcome, holders, _, rule = condition_victims(doc[3], load_lexicon())
    >>> outcome, [h.text for h in holders], rule
    ('killed', ['boy'], 'suffered_injury')
    """
    holder = condition_holder(noun, lexicon)
    if holder is None:
        return nothing()
    lemma = noun.lemma_.lower()
    outcome = lexicon.state_nouns.get(lemma) or lexicon.phrase("condition").words[lemma]
    if lemma in lexicon.state_nouns and fatal_modifier(noun, casualty_cues().fatal_adjective):
        outcome = "killed"
    return outcome, [holder], None, "suffered_injury"


def fatal_modifier(noun: Token, words: frozenset[str]) -> bool:
    """Whether a word modifying ``noun`` is one of ``words`` (fatal ones: "a fatal shooting", "deadly
    wounds") not negated before it ("non-fatal injuries", "not fatal").

    >>> import spacy
    >>> doc = spacy.blank("en")("a non - fatal shooting and a fatal one")
    >>> for i in (1, 2, 3):
    ...     doc[i].head = doc[4]
    >>> doc[7].head = doc[8]
    >>> fatal_modifier(doc[4], frozenset({"fatal"})), fatal_modifier(doc[8], frozenset({"fatal"}))
    (False, True)
    """
    negation = casualty_cues().negation
    for child in noun.children:
        if (child.lemma_ or child.text).lower() in words:
            before = [t.lower_ for t in noun.doc[max(child.i - 2, 0) : child.i] if t.text != "-"]
            if not before or before[-1] not in negation:
                return True
    return False


def condition_holder(noun: Token, lexicon: Lexicon) -> Token | None:
    """The person who has an injury or condition: subject of ``suffered injuries``,
    ``was taken to hospital with wounds``, ``escaped with injuries``, ``was in critical condition``;
    the person the condition describes (``two others in critical condition``); none "without" it."""
    cues = casualty_cues()
    token = noun
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        token = token.head
        if (
            noun.lemma_.lower() in lexicon.phrase("condition").words
            and token.head.pos_ in {"NOUN", "PRON", "NUM"}
            and is_person(token.head, lexicon)
        ):
            return token.head  # "two others in critical condition" (not "a boy with a wound": found dead)
        if token.lower_ in cues.wound_preposition and _left_with(token.head, lexicon):
            if token.head.pos_ not in {"VERB", "AUX"}:
                return token.head  # "left one dead and six others with wounds"
            return next((o for o in reversed(objects_of(token.head)) if o.i < token.i), None)
    if token.lower_ in cues.absence_preposition:
        return None  # "escaped without injuries"
    if token.dep_ in {"prep", "dobj", "attr"} and token.head.lemma_.lower() in cues.holder_verb:
        verb = token.head
        return (
            verb_subject(verb)
            if verb.lemma_.lower() not in cues.transfer_verb or is_passive(verb)
            else next(iter(objects_of(verb)), None)
        )
    return None


#: The rule of a figure for a person who killed himself ("took his own life"): the attacker's own death.
OWN_LIFE = "own_life"


def own_life_victims(verb: Token, lexicon: Lexicon, lemma: str) -> Found | None:
    """``took his own life``, ``committed suicide``, ``turned the gun on himself``: the subject
    killed himself (the reflexive, or the subject of the clause the phrase is in: "killed his
    wife before taking his own life"); None when the verb heads no such phrase."""
    phrase = lexicon.phrase(OWN_LIFE)
    if lemma not in phrase.words:
        return None
    reflexives = [
        g
        for c in verb.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj" and g.lower_ in casualty_cues().reflexive
    ]
    for thing in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in phrase.complements):
        need = phrase.complements[thing.lemma_.lower()]
        if need == "reflexive" and reflexives:
            return phrase.words[lemma], reflexives[:1], None, OWN_LIFE
        named = need == "killed" or (
            not need and any(phrase.complements.get(m.lower_) == "killed" for m in thing.children)
        )
        subject = _clause_subject(verb) if named else None
        if subject is not None:
            return phrase.words[lemma], [subject], None, OWN_LIFE
    return None


def _clause_subject(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb its clause modifies ("killed his wife before taking …")."""
    subject = verb_subject(verb)
    if subject is None and verb.dep_ in {"pcomp", "advcl"}:
        head = verb.head.head if verb.head.dep_ == "prep" else verb.head
        subject = verb_subject(head) if head.pos_ in {"VERB", "AUX"} else None
    return subject


def _lives(trigger: Token, phrase: Phrase) -> list[Token]:
    """The objects of ``lost``/``claimed`` that are the phrase's complement (``lives``)."""
    return [c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in phrase.complements]


def aimed_at_people(verb: Token, lexicon: Lexicon) -> bool:
    """``shot at a dozen people``: a shot aimed at people (not ``Teen shot at party``), told
    without a passive auxiliary (the parser may read the verb as a participle)."""
    cues = casualty_cues()
    if verb.lemma_.lower() not in cues.aim_verb or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    aim = cues.aim_preposition
    return any(
        c.dep_ == "prep" and c.lower_ in aim and g.dep_ == "pobj" and is_person(g, lexicon)
        for c in verb.children
        for g in c.children
    )


def struck_by_projectile(verb: Token) -> bool:
    """``was hit by a stray bullet``, ``struck in the chest``, ``a bullet hit her``: a projectile
    as the agent or subject, or a body part where it struck (not "hit by a car", "the town was hit")."""
    cues = casualty_cues()
    for child in verb.children:
        if child.dep_ in {"nsubj", "agent", "prep"}:
            nouns = [child] if child.dep_ == "nsubj" else [g for g in child.children if g.dep_ == "pobj"]
            for noun in nouns:
                if noun.lemma_.lower() in cues.projectile or (
                    child.dep_ == "prep" and noun.lemma_.lower() in cues.body_part
                ):
                    return True
    return False


def _taken_away_outcome(trigger: Token, outcome: str) -> str | None:
    """What "taken away" did to its people: carried for care ("in ambulances", "on stretchers", "to a
    hospital") is no figure of its own, arrested by a force ("in handcuffs", "by police", "into
    custody") an arrest, else ``outcome`` (abducted: "gunmen took away 27 students")."""
    cues = casualty_cues()
    for prep in trigger.children:
        if prep.dep_ not in {"prep", "agent"}:
            continue
        for thing in (c for c in prep.children if c.dep_ == "pobj"):
            word = thing.lemma_.lower()
            if word in cues.care_word:
                return None
            if word in cues.custody_word:
                return "arrested"
    return outcome
