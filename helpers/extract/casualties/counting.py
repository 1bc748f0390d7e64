"""Counting a victim phrase: how many people it stands for, and which group they belong to.

A count comes from a number phrase (:mod:`helpers.extract.casualties.count_phrases`; parsed by
:func:`helpers.extract.casualties.numbers.parse_quantity`), or from the
noun itself: ``a``/``one`` + a person noun, a named person or ``he``/``she``
count 1, ``no one`` counts 0 and a bare plural gives a figure with no number.
Only victims that are people count (:func:`is_person`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from helpers.extract.casualties.entities import entity_at, is_surname
from helpers.extract.casualties.not_counts import count_read_as_date, may_count
from helpers.extract.casualties.nouns import PLURAL_TAGS, noun_keys
from helpers.extract.casualties.numbers import (
    VAGUE_EXACT,
    VAGUE_LOW_BOUNDS,
    Quantity,
    parse_quantity,
)
from helpers.extract.casualties.syntax import (
    SUBJECTS,
    complement_of,
    has_own_trigger,
    is_age,
    with_conjuncts,
)
from helpers.knowledge.casualty_lexicon import Lexicon, casualty_cues
from helpers.knowledge.vocabulary import name_part_nouns

#: Entity labels whose numbers are never counts of people (years, ages, money …).
NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


@dataclass
class Count:
    quantity: Quantity | None
    span: Span
    victim: Token | None
    rule: str
    confidence: float


def count_of(
    victim: Token, quantities: dict[int, Span], lexicon: Lexicon, *, animate: bool = False
) -> Count | None:
    """How many people a victim head stands for, or None if it is not people.

    With ``animate`` (the trigger only takes people: killed, wounded, arrested …)
    any common noun outside the non-person list counts as people.
    """
    cues = casualty_cues()
    doc = victim.doc
    lower = victim.lower_
    # "no one", "nobody", "no casualties", "none of them"
    determiners = [c for c in victim.children if c.dep_ == "det"]
    if lower in cues.negative_pronoun or any(d.lower_ in cues.negative_determiner for d in determiners):
        start = min([victim.i] + [d.i for d in determiners])
        return Count(Quantity(0, 0, "exact", 0), doc[start : victim.i + 1], victim, "negation", 0.9)
    if victim.lemma_.lower() in cues.total_noun:
        # "a total of 649 individuals": the count is in the "of" complement.
        inner = complement_of(victim, cues.partitive)
        return count_of(inner, quantities, lexicon, animate=animate) if inner is not None else None
    if victim.lemma_.lower() in cues.collective_noun:
        # "a family of four": the number after it counts its people ("a family" alone is one victim).
        inner = complement_of(victim, cues.partitive)
        if inner is not None and inner.i in quantities:
            return count_of(inner, quantities, lexicon, animate=animate)
    if victim.i in quantities:
        # The count itself heads the phrase: "killing three", "three of the soldiers".
        span = quantities[victim.i]
        if (victim.ent_type_ in NOT_COUNTS and not count_read_as_date(span)) or not may_count(span):
            return None
        after = doc[min(victim.i + 1, len(doc) - 1)]  # "scores of houses", "of" however attached
        counted = complement_of(victim, cues.partitive) or next(
            (c for c in after.children if c.dep_ == "pobj" and after.lower_ in cues.partitive), None
        )
        quantity = parse_quantity(span.text)
        if quantity is None:
            return None
        # "victims …, two of which have died": a relative pronoun after a verb only people undergo
        relative = animate and counted is not None and counted.tag_ in {"WDT", "WP"}
        if counted is not None and not relative and not is_person(counted, lexicon, animate=animate):
            return None
        return Count(quantity, span, counted, "count_head", 0.8)
    modifiers = [victim] + [
        c
        for c in victim.children
        # "a dozen aid workers": dozen hangs on "aid"; "two sheriff's deputies": a singular
        # owner cannot be two, so the number counts the plural noun it owns
        if c.dep_ == "compound" or (c.dep_ == "poss" and c.tag_ in {"NN", "NNP"} and victim.tag_ == "NNS")
    ]
    # one named person is no count: "the death of eight-month Ann Lee" gives her age; "both Ann
    # and Bo" count the listed names
    named_one = (
        victim.tag_ != "NNPS"
        and (victim.ent_type_ == "PERSON" or is_surname(victim))
        and not any(c.dep_ == "conj" for c in victim.children)
    )
    numbers = [
        c
        for m in modifiers
        for c in m.children
        if not named_one
        and c.i in quantities
        and c.dep_ not in {"prep", "conj", "appos", "acl", "relcl", "cc"}
        and c.ent_type_ != "ORDINAL"
        and may_count(quantities[c.i])
    ]  # "a second man" is one person, counted below; "two 17-year-olds" are two
    if numbers:
        if (
            not is_person(victim, lexicon, animate=animate)
            and victim.lemma_.lower() not in lexicon.nouns
            and victim.lower_ not in lexicon.nouns
        ):
            return None
        span = quantities[numbers[0].i]
        if numbers[0].ent_type_ in NOT_COUNTS and not count_read_as_date(span):
            return None
        quantity = parse_quantity(span.text)
        return Count(quantity, span, victim, "number", 0.9) if quantity is not None else None
    members = complement_of(victim, cues.partitive)
    if victim.pos_ in {"PRON", "DET", "ADJ"} and victim.lower_ in VAGUE_LOW_BOUNDS and members is not None:
        # "some of the attackers", "several of them": a vague share of people.
        if not is_person(members, lexicon, animate=animate):
            return None
        quantity = parse_quantity(victim.lower_)
        return Count(quantity, doc[victim.i : victim.i + 1], members, "vague", 0.6) if quantity else None
    vague_of = victim.lower_ in VAGUE_LOW_BOUNDS or any(
        f"{victim.lower_} {of}" in VAGUE_LOW_BOUNDS for of in cues.partitive
    )
    if victim.i in quantities or (vague_of and victim.tag_ == "NNS"):
        quantity = parse_quantity(victim.lower_)
        return Count(quantity, doc[victim.i : victim.i + 1], victim, "vague", 0.6) if quantity else None
    if not is_person(victim, lexicon, animate=animate) and not (
        victim.lemma_.lower() in lexicon.nouns or lower in lexicon.nouns
    ):
        return None
    if lower in cues.singular_pronoun:
        return Count(Quantity(1, 1, "exact", 1), doc[victim.i : victim.i + 1], victim, "pronoun", 0.4)
    if lower in cues.reflexive:
        return Count(Quantity(1, 1, "exact", 1), doc[victim.i : victim.i + 1], victim, "reflexive", 0.6)
    if lower in cues.additional_person:  # "seriously wounded another"
        return Count(Quantity(1, 1, "exact", 1), doc[victim.i : victim.i + 1], victim, "singular", 0.6)
    common_noun = any(key in lexicon.victims for key in noun_keys(victim))
    if (victim.ent_type_ == "PERSON" or victim.pos_ == "PROPN" or is_surname(victim)) and not common_noun:
        entity = entity_at(doc, victim.i) or doc[victim.i : victim.i + 1]
        return Count(Quantity(1, 1, "exact", 1), entity, victim, "named_person", 0.6)
    if not _is_plural(victim) and victim.pos_ != "PRON":
        article = next((d for d in determiners if d.lower_ in cues.singular_determiner), None)
        start = (
            article.i
            if article is not None
            else min(
                [victim.i] + [d.i for d in determiners] + ([victim.left_edge.i] if is_age(victim) else [])
            )
        )
        rule, confidence = ("singular", 0.8) if article is not None else ("singular_definite", 0.5)
        return Count(Quantity(1, 1, "exact", 1), doc[start : victim.i + 1], victim, rule, confidence)
    if _is_plural(victim):
        return Count(None, doc[victim.i : victim.i + 1], victim, "unspecified_plural", 0.3)
    return None


def in_pair(victim: Token) -> bool:
    """Whether a victim is the second of "both X and Y": the "both" before X counts the pair (2).

    Not after a plural ("both young men and a woman" are three).
    """
    first = victim.head
    return (
        victim.dep_ == "conj"
        and (first.pos_ == "PROPN" or not _is_plural(first))  # "Bass" is one
        and any(c.dep_ in {"preconj", "det"} and VAGUE_EXACT.get(c.lower_) == 2 for c in first.children)
    )


def _is_plural(token: Token) -> bool:
    return (
        token.tag_ in PLURAL_TAGS
        or "Plur" in token.morph.get("Number")
        or noun_keys(token)[2] != token.lower_
    )


def is_person(token: Token, lexicon: Lexicon, *, animate: bool = False) -> bool:
    """True when a noun denotes people (lexicon, nationality, named person, pronoun).

    ``animate``: the trigger takes only living beings, so any common noun that is
    not a known non-person (``lexicon.non_persons``) and not a date/number entity counts.
    """
    cues = casualty_cues()
    keys = noun_keys(token)
    if any(key in lexicon.victims for key in keys):
        return True
    if (
        animate
        and token.pos_ == "NOUN"
        # an event, a weapon or a place is no one ("An airstrike … killed at least 17", its object
        # misparsed; "the most murders of any state")
        and not any(key in lexicon.non_persons or key in lexicon.events for key in keys)
        and token.lower_ not in name_part_nouns()
        and token.ent_type_ not in NOT_COUNTS | {"GPE", "LOC", "FAC"}
    ):
        return True
    if token.ent_type_ in {"NORP", "PERSON"}:
        return True
    if is_surname(token):
        return True  # "Dobbins died": the surname of "Mark Dobbins", named earlier
    if token.pos_ == "PROPN" and any(c.dep_ == "appos" and c.like_num for c in token.children):
        return True  # "Smith, 25," - an age in apposition marks a person.
    if token.pos_ == "PROPN" and token.dep_ == "conj" and token.head.ent_type_ == "PERSON":
        return True  # "Daniel and Ismael": a name listed with a person's name
    if token.pos_ == "PROPN" and _age_before_name(token):
        return True  # "15-year-old Ann Lee"
    if is_age(token):
        return True  # "a 12-year-old" used as a noun.
    if (
        token.pos_ == "PRON"
        and token.lower_ in cues.singular_pronoun | cues.negative_pronoun | cues.person_pronoun
    ):
        return True
    if token.lower_ in cues.reflexive and token.dep_ in {"dobj", "obj", "conj", "pobj", "npadvmod", "dep"}:
        return True
    if token.lower_ in cues.person_numeral:
        return True
    return token.pos_ == "NUM"


def _age_before_name(name: Token) -> bool:
    """An age right before a name: "15-year-old Ann Lee" (not "a 7-year-old girl - WMC News")."""
    start = min([name.i] + [c.i for c in name.children if c.dep_ == "compound"])
    return any(c.dep_ == "amod" and c.i + 1 == start and is_age(c) for c in name.children)


def phrase_of(token: Token | None) -> str:
    """The victim phrase: the noun with its left modifiers and ``of``/``among``/``from`` complement."""
    if token is None:
        return ""
    cues = casualty_cues()
    doc = token.doc
    left = [
        c
        for c in token.lefts
        if c.dep_ in {"amod", "compound", "nmod", "poss", "nummod", "det", "advmod", "quantmod"}
    ]
    start = min([token.i] + [t.i for c in left for t in c.subtree])
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in cues.partitive | cues.membership | cues.origin:
            end = max(end, child.right_edge.i + 1)
    counted = set()
    for child in token.children:
        if child.dep_ in {"nummod", "quantmod", "det"} or child.like_num:
            counted.update(t.i for t in child.subtree)
    words = [t for t in doc[start:end] if t.i not in counted]
    text = "".join(t.text_with_ws for t in words).strip(" ,-")
    return text or token.text


#: Left dependents inside one listed noun phrase ("2 children", "the two teens", "young boy").
_PHRASE_DEPS = frozenset({"det", "nummod", "amod", "compound", "quantmod", "poss"})


def listed_around(first: Token, last: Token, lexicon: Lexicon) -> list[Token]:
    """People listed with a headline's victim with commas and no "and": "Man, woman shot", "Mother,
    father, toddler dead", "Woman, 2 children killed". Headlines drop the "and"; the parser then
    reads the list as appositions, compounds or loose dependents, never as one list. Each item is
    a person noun of the lexicon (not a name: "Smith, wife shot" counts the wife), with its own
    number or article before it, and no trigger of its own ("Man killed, woman hurt").

    Args:
        first: The first victim the trigger counts (its phrase starts at its first left dependent
            of :data:`_PHRASE_DEPS`).
        last: The last one.
        lexicon: The casualty lexicon.
    """
    doc = first.doc
    outcome_words = (lexicon.verbs, lexicon.nouns, lexicon.adjectives, lexicon.headline_verbs)

    def listed(noun: Token) -> bool:
        keys = noun_keys(noun)
        return (
            any(key in lexicon.victims for key in keys)
            and not any(key in words for key in keys for words in outcome_words)  # "1 dead, 4 hurt"
            and noun.ent_type_ != "PERSON"
            and not has_own_trigger(noun, lexicon)
        )

    start = min([first.i] + [c.i for c in first.lefts if c.dep_ in _PHRASE_DEPS])
    found = []
    while start >= 2 and doc[start - 1].text == "," and listed(doc[start - 2]):
        noun = doc[start - 2]
        found.append(noun)
        start = noun.i
        while start > 0 and doc[start - 1].dep_ in _PHRASE_DEPS and doc[start - 1].head == noun:
            start -= 1
    end = last.i + 1
    while end + 1 < len(doc) and doc[end].text == ",":
        item = end + 1
        # the item's words before its noun, an age among them ("2-year-old boy": a number,
        # hyphens and "year" hang on "old")
        while (
            item < len(doc) - 1
            and doc[item].head.i > item
            and (doc[item].dep_ in _PHRASE_DEPS or doc[item].dep_ == "npadvmod" or doc[item].text == "-")
        ):
            item += 1
        if not listed(doc[item]):
            break
        found.append(doc[item])
        end = item + 1
    return found


def listed_subjects(trigger: Token, heads: list[Token], lexicon: Lexicon) -> list[Token]:
    """People a trigger's victims are listed with when ages in commas split the list for the
    parser: another subject of the same verb, "and" between them, the first with its age ("A
    woman, 30, and a boy, 4, were shot"), and the people before the one a participle hangs on
    in a list of nouns with "and" ("Mother, 30, and son, 4, killed", "3-year-old and four adults
    shot": the participle modifies the last, the others are its heads). People with a trigger of
    their own ("Man killed, woman hurt") are not added.

    Args:
        trigger: The trigger.
        heads: The victims it counts so far.
        lexicon: The casualty lexicon.
    """
    doc = trigger.doc

    def aged(person: Token) -> bool:  # "woman, 30,"
        return any(c.dep_ == "appos" and c.like_num for c in person.children)

    def joined(low: Token, high: Token) -> bool:
        return any(t.dep_ == "cc" and t.lower_ in {"and", "&"} for t in doc[low.i + 1 : high.i])

    found: list[Token] = []
    for head in heads:
        if head.dep_ in SUBJECTS and head.head == trigger:
            for sibling in trigger.children:
                first, second = sorted((head, sibling), key=lambda t: t.i)
                if sibling != head and sibling.dep_ == head.dep_ and aged(first) and joined(first, second):
                    found += with_conjuncts(sibling, lexicon)
        elif trigger.dep_ == "acl" and trigger.head == head and head.dep_ == "conj":
            listed = [head]
            while listed[-1].dep_ == "conj" and listed[-1].head.i < listed[-1].i:
                listed.append(listed[-1].head)
            between = doc[listed[-1].i + 1 : head.i]
            if (
                all(t.pos_ in {"NOUN", "PROPN"} or is_age(t) for t in listed)
                and joined(listed[-1], head)
                and not any(t.pos_ in {"VERB", "AUX"} for t in between)  # one phrase, no clause in it
            ):
                found += [t for t in with_conjuncts(listed[-1], lexicon) if t != head]
    return [t for t in found if t not in heads and is_person(t, lexicon) and not has_own_trigger(t, lexicon)]


def gapped_counts(trigger: Token, heads: list[Token], lexicon: Lexicon) -> list[Token]:
    """Numbers that stand for the trigger's victims again with the verb left out ("Five soldiers
    were killed in Kidal and three in Gao", "Ten were arrested in Lagos and 12 in Abuja"): each a
    figure of its own, of the victims its trigger already counts (some may be among ``heads``).
    The number's own phrase tells what the verb left out ("three in Gao"): none without one, and
    none with an outcome of its own ("and four seriously wounded", whatever the parse). The parser
    hangs the number on the verb or on the verb's preposition ("in Riverton and four")."""
    if trigger.pos_ != "VERB" or not any(head.head == trigger for head in heads):
        return []
    gap_heads = [trigger, *(c for c in trigger.rights if c.dep_ == "prep")]
    numbers = (c for head in gap_heads for c in head.rights if c.dep_ == "conj" and c.tag_ == "CD")
    return [c for c in numbers if any(g.dep_ == "prep" for g in c.rights) and not has_own_trigger(c, lexicon)]
