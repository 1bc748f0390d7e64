"""Casualty triggers: the tokens that state a harm, their outcome, their victims and agent.

A trigger is a token whose lemma or lower-case form is a trigger word of the
lexicon (:attr:`~helpers.knowledge.casualty_lexicon.Lexicon.trigger_words`):
verbs (``kill``, ``die``, ``wound``, ``kidnap``, ``arrest``, ``shoot`` …),
nouns (``deaths``, ``casualties``, ``bodies``), predicate adjectives (``dead``,
``injured``, ``missing``) and the heads of phrases (``passed away``, ``lost
their lives``, ``took … hostage``, ``the death toll rose to 15``, ``in critical
condition``). :func:`trigger_victims` reads its victims off its arguments, as
its frame in the lexicon says.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from helpers.extract.casualties.counting import is_person
from helpers.extract.casualties.numbers import parse_number
from helpers.extract.casualties.phrases import (
    Found,
    aimed_at_people,
    condition_victims,
    counted_object_after,
    fatal_modifier,
    nothing,
    phrase_victims,
    struck_by_projectile,
    toll_number_victims,
    toll_victims,
)
from helpers.extract.casualties.syntax import (
    PARTICIPLE_TAGS,
    SUBJECTS,
    _shares_object,
    across_line_break,
    comma_participle,
    complement_of,
    is_passive,
    negated_cue,
    objects_of,
    subset_count,
    verb_subject,
)
from helpers.knowledge.casualty_lexicon import HARMED, Lexicon, casualty_cues


def trigger_candidates(doc: Doc, lexicon: Lexicon) -> list[int]:
    """Indexes of the tokens whose lemma or lower-case form is a trigger word, in order.

    Read with one ``Doc.to_array`` and a look at each distinct value, instead of
    every token's strings: most tokens of an article are no trigger.
    """
    if not len(doc):
        return []
    words, strings = lexicon.trigger_words, doc.vocab.strings
    lowers, lemmas = doc.to_array([LOWER, LEMMA]).T
    lower_hits = [key for key in set(lowers.tolist()) if strings[key] in words]
    lemma_hits = [key for key in set(lemmas.tolist()) if strings[key].lower() in words]
    return numpy.flatnonzero(numpy.isin(lowers, lower_hits) | numpy.isin(lemmas, lemma_hits)).tolist()


#: Relations of a fatal word to an injury verb that make it killed ("shot dead", "fatally shot").
_FATAL_CUE_DEPS = frozenset({"advmod", "oprd", "acomp", "prt", "conj", "xcomp", "amod", "compound"})


def _verb_outcome(verb: Token, lexicon: Lexicon, lemma: str | None = None) -> str | None:
    """Outcome of a trigger verb; ``shoot``/``stab``/``wound`` become killed with a fatal cue.

    ``lemma`` overrides the token's lemma (a verb the tagger read as a noun).
    """
    outcome = lexicon.verbs.get(lemma or verb.lemma_.lower())
    if outcome is None:
        return None
    if outcome in {HARMED, "injured"}:
        # "shot and killed", not "five were shot and one was killed": a verb with its own subject
        related = [c for c in verb.children if not (c.dep_ == "conj" and _has_subject(c))]
        related += [verb.head] if verb.dep_ == "conj" and not _has_subject(verb) else []
        for other in related:
            lemma = other.lemma_.lower()
            fatal = lemma in lexicon.fatal and (outcome == HARMED or lemma in lexicon.fatal_injury)
            # "checked their cards and shot dead 23 people": the parser hangs "dead" as a clause
            adjacent = other.dep_ == "advcl" and other.pos_ == "ADJ" and other.i == verb.i + 1
            if (
                (other.dep_ in _FATAL_CUE_DEPS or adjacent)
                and fatal
                and subset_count(other) is None
                and not negated_cue(other)
                and not (other.pos_ == "VERB" and objects_of(other) and objects_of(verb))
            ):
                return "killed"
            if comma_participle(verb, other) and fatal:
                return "killed"
            if (
                other.dep_ == "prep"
                and lemma in casualty_cues().fatal_preposition
                and any(g.lemma_ in lexicon.fatal_objects for g in other.children)
            ):
                return "killed"
    if verb.lemma_.lower() in lexicon.particle_verbs and not any(c.dep_ == "prt" for c in verb.children):
        return None
    if verb.lemma_.lower() in lexicon.struck_verbs and not struck_by_projectile(verb):
        return None
    return outcome


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


#: Relations that make a noun ``shot`` an argument or modifier, not a headline's verb.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "compound", "amod"})


def _headline_shot(shot: Token, lexicon: Lexicon) -> list[Token]:
    """Victims of a headline ``shot`` the tagger read as a noun: ``4 shot in …``, ``Teen shot …``.

    Only a bare ``shot`` (no determiner, not a subject, object or modifier: ``one
    shot was fired``, ``a warning shot``, ``a six-shot revolver``; not ``shot and
    wounded two``) with a count of at least two (``1 shot`` is a gunshot) or a
    person (``Teen shot``, ``Three People Shot``, ``11-year-old shot``).
    """
    if (
        (shot.dep_ in _ARGUMENTS and not across_line_break(shot))
        or any(c.dep_ == "det" for c in shot.children)
        or _shares_object(shot)
    ):
        return []
    victims = [
        c
        for c in shot.children
        if (c.dep_ == "nummod" and (parse_number(c.text) or 0) >= 2)
        or (c.dep_ in {"compound", "nsubj", "amod"} and c.pos_ != "NUM" and is_person(c, lexicon))
    ]
    # A flat headline parse hangs every modifier on "shot" ("Female teen shot"): the last
    # one is the head noun.
    return victims[-1:]


def _present_tense(verb: Token) -> bool:
    """A present-tense form or participle, never a reduced passive: "arrests", "arrest" tagged as a
    present (a headline's "shot" is tagged so too, but it is not its lemma's form), "shooting" ("a
    camera recorded him shooting a boy": he shot)."""
    return verb.tag_ in ("VBZ", "VBG") or (verb.tag_ == "VBP" and verb.lower_ == verb.lemma_.lower())


def _verb_victims(trigger: Token, lexicon: Lexicon, lemma: str) -> Found:
    """Victims of a trigger verb: the subject of an intransitive or passive, the object of an active one."""
    outcome = _verb_outcome(trigger, lexicon)
    if outcome is None:
        return nothing()
    objects = objects_of(trigger)
    # "was shot and killed by her husband": the by-agent may hang on a conjoined verb
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    agent = next(
        (g for v in verbs for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
        None,
    )
    if lemma in lexicon.intransitive and objects:
        # "drowned his son": used transitively, the object is the one harmed; "recovered a gun",
        # "recovered three bodies": no one (the bodies are counted by their own noun)
        people = [o for o in objects if is_person(o, lexicon) and o.lemma_.lower() not in lexicon.nouns]
        return (outcome, people, verb_subject(trigger), "active_object") if people else nothing()
    if lemma in lexicon.intransitive and any(c.dep_ in {"auxpass", "nsubjpass"} for c in trigger.children):
        return nothing()  # "three bodies have been recovered": what was recovered was not hurt
    if lemma in lexicon.intransitive:
        subject = verb_subject(trigger)
        if subject is not None and subject.pos_ == "VERB" and subject.tag_ in PARTICIPLE_TAGS | {"VBD"}:
            subject = verb_subject(subject)  # "Teen shot in X has died": the parser's subject is "shot"
        if subject is None and trigger.dep_ == "ccomp" and trigger.head.lemma_ in casualty_cues().state_verb:
            subject = verb_subject(trigger.head)  # "Wounded teen found in X dies": read as found's clause
        return outcome, [subject] if subject is not None else [], None, "intransitive_subject"
    passive_subject = any(c.dep_ in {"auxpass", "nsubjpass"} for c in trigger.children)
    if objects and not passive_subject:  # a passive's "object" is a misread time ("killed dawn Monday")
        # "killed 31 in X and 13 in Y", "shot three men and then himself", "killed two, then
        # himself": the parser hangs the second count, or the shooter himself, on the verb.
        reflexive = casualty_cues().reflexive
        objects += [
            c
            for c in trigger.children
            if c.i > objects[0].i
            and (
                (c.dep_ == "conj" and (c.like_num or c.lower_ in reflexive))
                or (c.dep_ in {"npadvmod", "dep"} and c.lower_ in reflexive)
            )
        ]
        return outcome, objects, verb_subject(trigger), "active_object"
    if aimed_at_people(trigger, lexicon):
        return nothing()  # "the gunman shot at officers": no one was hit, the subject fired
    if (misread := counted_object_after(trigger, lexicon)) is not None:  # "fighters abducted 20 women"
        return outcome, [misread], verb_subject(trigger) or trigger.head, "active_object"
    if is_passive(trigger) and trigger.dep_ == "amod" and trigger.head.pos_ in {"NOUN", "PROPN"}:
        return outcome, [trigger.head], None, "participle"  # "the murdered teen"
    if is_passive(trigger):
        subject = verb_subject(trigger)
        if subject is not None and subject.lower_ in lexicon.headline_verbs and subject.pos_ == "NOUN":
            # "17-year-old shot, killed inside house": the victim of the headline "shot" it follows
            subject = next(iter(_headline_shot(subject, lexicon)), subject)
        return outcome, [subject] if subject is not None else [], agent, "passive_subject"
    subject = verb_subject(trigger)
    if (
        subject is not None
        and not _present_tense(trigger)
        and not any(c.dep_ in {"aux", "neg", "prt"} or c.dep_ in {"ccomp", "xcomp"} for c in trigger.children)
        and not _shares_object(trigger)
    ):
        # Headline style "Four teens shot while leaving party": a transitive
        # trigger with a subject, no object and no auxiliary is a reduced passive;
        # a present tense is active ("Police arrest 15-year-old": the age read as no object).
        return outcome, [subject], None, "reduced_passive"
    return nothing()


def _adjective_victims(trigger: Token, lexicon: Lexicon) -> Found | None:
    """Victims of a state adjective.

    Its subject as a predicate (``is dead``, ``remains missing``) or the noun it modifies
    (``three dead suspects``).
    """
    lower = trigger.lower_
    if lower in lexicon.adjectives and trigger.pos_ in {"ADJ", "VERB"}:
        cues = casualty_cues()
        head = trigger.head
        outcome = lexicon.adjectives[lower]
        if trigger.dep_ in {"acomp", "oprd", "xcomp"} and head.lemma_.lower() in cues.state_verb:
            subject = verb_subject(head)
            return outcome, [subject] if subject is not None else [], None, "predicate_state"
        own_subject = next((c for c in trigger.children if c.dep_ in SUBJECTS), None)
        if trigger.dep_ == "ccomp" and head.lemma_.lower() in cues.state_verb and own_subject is not None:
            # "found two men dead": the object and its complement, parsed as a small clause
            return outcome, [own_subject], None, "object_state"
        copulas = [c for c in trigger.children if c.dep_ == "aux" and c.lemma_ in cues.copula]
        # "60 are missing": the subject hangs on the adjective, or (misparsed) on its copula.
        own_subject = next((c for t in (trigger, *copulas) for c in t.children if c.dep_ in SUBJECTS), None)
        if own_subject is not None and (copulas or trigger.dep_ == "ROOT"):
            # a headline drops the copula: "Singer Ann Lee dead at 31"
            return outcome, [own_subject], None, "predicate_state"
    if lower in lexicon.adjectives and trigger.dep_ == "amod" and trigger.head.pos_ in {"NOUN", "PROPN"}:
        head = trigger.head
        counted = [c.i for c in head.lefts if c.dep_ in {"nummod", "det"}]
        if counted and trigger.i < min(counted) and head.dep_ == "dobj" and head.head.pos_ == "VERB":
            # "police shot dead two men": the verb's complement before its object, misread as the
            # object's modifier; the verb's subject did it
            return lexicon.adjectives[lower], [head], verb_subject(head.head), "object_state"
        return lexicon.adjectives[lower], [head], None, "state_modifier"
    if (
        lower in lexicon.adjectives
        and trigger.dep_ == "acl"
        and trigger.pos_ == "ADJ"
        and trigger.i > trigger.head.i
        and trigger.head.pos_ in {"NOUN", "PROPN", "PRON"}
    ):
        # "found a girl dead in the basement": the object's complement, after it
        return lexicon.adjectives[lower], [trigger.head], None, "object_state"
    return None


def _noun_victims(trigger: Token, lexicon: Lexicon, lemma: str, nouns: dict[str, str]) -> Found:
    """Victims of a noun trigger.

    The noun itself (``ten deaths``) or its of-object (``the deaths of six people``).
    """
    cues = casualty_cues()
    lower = trigger.lower_
    outcome = nouns.get(lower) or nouns[lemma]
    if lemma in lexicon.object_nouns:
        return nothing()
    if outcome == HARMED and fatal_modifier(trigger, lexicon.fatal | cues.fatal_adjective):
        outcome = "killed"  # "the fatal shooting of …"
    state = next(
        (
            lexicon.adjectives[c.lower_]
            for c in trigger.children
            if c.dep_ == "amod" and c.lower_ in lexicon.adjectives
        ),
        None,
    )
    if outcome == HARMED and state in {"killed", "injured"}:
        outcome = state  # "the two wounded victims" were not killed
    if outcome == HARMED and any(
        c.dep_ == "compound" and nouns.get(c.lemma_.lower()) == "killed" for c in trigger.children
    ):
        outcome = "killed"  # "31 murder victims"
    counted = any(
        c.dep_ in {"nummod", "quantmod", "det"} and (c.like_num or c.lower_ in cues.negative_determiner)
        for c in trigger.children
    )
    of_object = complement_of(trigger, cues.partitive)
    if of_object is None and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in lexicon.verbs:
        # a headline's "charged in shooting death of 3-year-old": "of" hangs on "shooting" read as a verb
        of_object = next(
            (
                g
                for c in trigger.head.children
                if c.dep_ == "prep" and c.lower_ in cues.partitive and c.i == trigger.i + 1
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    if not counted and of_object is not None:
        return outcome, [of_object], None, "noun_of"  # "the deaths of six people", "the shooting of a teen"
    owner = next((c for c in trigger.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if not counted and owner is not None and outcome == "killed":
        return outcome, [owner], None, "noun_of"  # "her son's shooting death"
    if lemma in lexicon.of_nouns:
        return nothing()  # "three shootings" counts incidents, not people
    return outcome, [trigger], None, "noun_trigger"


def trigger_victims(trigger: Token, lexicon: Lexicon) -> Found:
    """Find outcome, victim heads, agent and rule name for one trigger token.

    A count written right before the trigger first (:func:`_count_before`), unless the
    trigger modifies a noun after it (``two wounded soldiers``); then the trigger's frame
    in the parse when it finds a count or people; else the count before it.
    """
    surface, found = _count_before(trigger, lexicon), _frame_victims(trigger, lexicon)
    if surface[0] is not None and not (trigger.dep_ == "amod" and trigger.head.i > trigger.i):
        if found[0] is not None and surface[1][0] in found[1]:
            return found  # the parse agrees ("3 killed by gunmen": passive subject)
        return surface[0], surface[1], found[2], surface[3]  # the frame's agent, if any
    if found[0] is not None and any(
        v is not None and (v.like_num or is_person(v, lexicon)) for v in found[1]
    ):
        return found
    return surface if surface[0] is not None else found


def _count_before(trigger: Token, lexicon: Lexicon) -> Found:
    """``25 killed, four wounded, around 60 missing``, ``27 dead and 47 wounded``, ``15 more
    injured``: a count right before a participle or state adjective.

    Lists of tolls and headlines drop the verb, and the parser reads them as anything
    (``25`` as an auxiliary, ``wounded`` modifying a noun further on); the word order is
    what tells.
    """
    lower, lemma = trigger.lower_, trigger.lemma_.lower()
    outcome = lexicon.adjectives.get(lower)
    if outcome is None and trigger.tag_ in PARTICIPLE_TAGS | {"VBD"} and lemma in lexicon.verbs:
        outcome = _verb_outcome(trigger, lexicon)
    if outcome is None or trigger.i == 0:
        return nothing()
    before = trigger.nbor(-1)
    if before.lower_ in casualty_cues().count_addition and before.i > 0:
        before = before.nbor(-1)
    if not (before.like_num or before.pos_ == "NUM"):
        return nothing()
    owner = (
        before.head.head
        if before.dep_ == "pobj" and before.head.lower_ in casualty_cues().partitive
        else None
    )
    if (
        owner is not None
        and owner.pos_ in {"NOUN", "PROPN"}
        and owner.tag_ in {"NN", "NNP"}
        and owner.lower_ not in casualty_cues().collective_noun  # "Family of 5 killed" are five
    ):
        return nothing()  # "Father of 5 killed": the father's children are no count of the dead
    return outcome, [before], None, "count_before"


def _frame_victims(trigger: Token, lexicon: Lexicon) -> Found:
    """Outcome, victim heads, agent and rule name from the trigger's frame in the parse."""
    lemma = trigger.lemma_.lower()
    lower = trigger.lower_
    if trigger.pos_ in {"VERB", "AUX"} and lemma in lexicon.verbs:
        return _verb_victims(trigger, lexicon, lemma)
    found = phrase_victims(trigger, lexicon, lemma) or _adjective_victims(trigger, lexicon)
    if found is not None:
        return found
    if lemma in lexicon.phrase("death_toll").words:
        return toll_victims(trigger, lexicon)
    if lemma in lexicon.phrase("toll_number").words:
        return toll_number_victims(trigger, lexicon)
    if lower in lexicon.headline_verbs and trigger.pos_ in {"NOUN", "PROPN"}:
        victims = _headline_shot(trigger, lexicon)
        return (
            (_verb_outcome(trigger, lexicon, lexicon.headline_verbs[lower]), victims, None, "headline_shot")
            if victims
            else nothing()
        )
    negative = casualty_cues().negative_determiner
    if lemma in lexicon.state_nouns and any(
        c.dep_ == "det" and c.lower_ in negative for c in trigger.children
    ):
        return lexicon.state_nouns[lemma], [trigger], None, "noun_trigger"
    condition = lexicon.phrase("condition")
    if (
        lemma in condition.words and any(c.lower_ in condition.complements for c in trigger.children)
    ) or lemma in lexicon.state_nouns:
        return condition_victims(trigger, lexicon)
    nouns = {**lexicon.nouns, **lexicon.of_nouns}
    if trigger.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} and (lemma in nouns or lower in nouns):
        return _noun_victims(trigger, lexicon, lemma, nouns)
    if trigger.dep_ in {"acl", "amod"} and trigger.tag_ in PARTICIPLE_TAGS and lemma in lexicon.verbs:
        return _verb_outcome(trigger, lexicon), [trigger.head], None, "participle"
    return nothing()
