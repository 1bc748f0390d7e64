"""Argument structure of casualty triggers, read off the dependency parse.

Walked by hand: victims hang off triggers through passives, conjunct chains and
participles at variable depth, which DependencyMatcher patterns (fixed shape)
would need dozens of near-duplicates to cover. Dependency labels and tags are
grammar and stay here; the few words tested (auxiliaries, age words) come from
:func:`helpers.knowledge.casualty_lexicon.casualty_cues`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.extract.casualties.sources import SUBJECTS, read_as_speaker, sources_after, speaks
from helpers.knowledge.casualty_lexicon import Lexicon, casualty_cues, quantity_words

#: Past participle: ``3 killed``, ``was found shot``.
PARTICIPLE_TAGS = frozenset({"VBN"})


def with_conjuncts(token: Token, lexicon: Lexicon, *, appositions: bool = False) -> list[Token]:
    """The token and the tokens conjoined to it (``an officer and three soldiers``).

    A conjunct with its own trigger (``3 killed, 5 injured``) is a separate
    figure. Appositions usually rename the same people (``three people --
    Renee, Joshua and Brian``; ``his father, Joe``) so they are followed only
    with ``appositions`` (lists of parts after ``including``).
    """
    if speaks(token):  # "killing 14 soldiers, two residents and an official said": the sources
        return [token]
    relations = {"conj", "appos"} if appositions else {"conj"}
    listed = next((c for c in token.children if _enumerates(token, c)), None)
    if listed is not None:  # "The soldiers killed, a corporal and two privates, …": the list counts
        return with_conjuncts(listed, lexicon, appositions=appositions)
    found = [token]
    sources = sources_after(token)
    for child in token.children:
        if child.i > sources:
            continue  # "killing 16 soldiers, two witnesses and a doctor said": the sources
        if (
            (child.dep_ in relations or _continues_list(token, child, lexicon))
            and child.pos_ in {"NOUN", "PROPN", "NUM", "PRON", "ADJ"}
            and not has_own_trigger(child, lexicon)
        ):
            if child.dep_ == "appos" and child.pos_ == "NUM" and token.pos_ != "NUM":
                continue  # "Smith, 25," is an age, not a second victim.
            found.extend(with_conjuncts(child, lexicon, appositions=appositions))
    return found


def _continues_list(token: Token, child: Token, lexicon: Lexicon) -> bool:
    """An apposition that adds other people to a counted group, sharing its verb: "Three
    soldiers were killed, one policeman and two civilians" (not a renaming, not a breakdown
    of "people": both are counted groups of different victim groups)."""
    if child.dep_ != "appos":
        return False
    if _list_of_singles(token, child):
        return True
    if not (_counted(token) and _counted(child)):
        return False
    head_group, child_group = _victim_group(token, lexicon), _victim_group(child, lexicon)
    return (
        bool(head_group and child_group)
        and head_group != child_group
        and "people" not in (head_group, child_group)
    )


def _list_of_singles(token: Token, child: Token) -> bool:
    """A list the parser reads as an apposition: "killed a farmer, a teacher and a nurse" (common
    nouns, each with an indefinite article, the apposition continued by "and"); a name with
    its description ("Ann Lee, a teacher and mother") is no list."""
    single = casualty_cues().singular_determiner
    return (
        token.pos_ == "NOUN"
        and all(any(c.dep_ == "det" and c.lower_ in single for c in t.children) for t in (token, child))
        and any(c.dep_ == "conj" for c in child.children)
    )


def _enumerates(token: Token, child: Token) -> bool:
    """An apposition that lists the people of an uncounted definite plural: "the soldiers,
    a first sergeant and three privates" (each item counted or with an article)."""
    if child.dep_ != "appos" or _counted(token) or token.tag_ not in {"NNS", "NNPS"}:
        return False
    if not any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in token.children):
        return False
    items = [child, *(c for c in child.children if c.dep_ == "conj")]
    return len(items) > 1 and all(_counted(i) or any(c.dep_ == "det" for c in i.children) for i in items)


def _counted(token: Token) -> bool:
    return any(c.dep_ == "nummod" for c in token.children)


def _victim_group(token: Token, lexicon: Lexicon) -> str:
    return lexicon.victims.get(token.lemma_.lower()) or lexicon.victims.get(token.lower_, "")


def has_own_trigger(token: Token, lexicon: Lexicon) -> bool:
    """A conjunct with its own outcome: a participle or state ("5 injured"), a condition
    ("left one dead and two others in critical condition") or wounds ("and six others with
    gunshot wounds")."""
    condition = lexicon.phrase("condition")
    return any(
        (
            c.dep_ in {"acl", "relcl", "amod"}
            and (c.lemma_.lower() in lexicon.verbs or c.lower_ in lexicon.adjectives)
        )
        or (
            c.dep_ == "prep"
            and any(
                (
                    g.lemma_.lower() in condition.words
                    and any(m.lower_ in condition.complements for m in g.children)
                )
                or (c.lower_ in casualty_cues().wound_preposition and g.lemma_.lower() in lexicon.state_nouns)
                for g in c.children
            )
        )
        for c in token.children
    )


def across_line_break(token: Token) -> bool:
    """The parser hung ``token`` on a head past a line break: a headline read into the next
    paragraph ("5 shot in X" made the subject of the first verb below it)."""
    low, high = sorted((token.i, token.head.i))
    return any("\n" in t.text or "\n" in t.whitespace_ for t in token.doc[low:high])


def word_piece(token: Token) -> bool:
    """A piece of a hyphenated word the parser split into arguments of their own ("ex" and "-"
    of "killing his ex-wife"): the next token is glued to it and has the same head and relation."""
    doc = token.doc
    if token.whitespace_ or token.i + 1 >= len(doc):
        return False
    following = doc[token.i + 1]
    return following.head == token.head and following.dep_ == token.dep_


def is_passive(verb: Token) -> bool:
    perfect = casualty_cues().perfect_auxiliary
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or (
        verb.tag_ in PARTICIPLE_TAGS
        and not any(c.dep_ == "aux" and c.lemma_ in perfect for c in verb.children)
    )


def verb_subject(verb: Token) -> Token | None:
    """The subject of a verb, inherited from the verb it is conjoined to when missing.

    Of two subjects (a headline the parser reads as one clause: "Soldier killed in X, 4
    militants shot dead"), the one nearest before the verb.
    """
    while True:
        for child in [*reversed(list(verb.lefts)), *verb.rights]:
            if child.dep_ in SUBJECTS:
                if child.tag_ in {"WDT", "WP"}:
                    # "the shelling that killed …": the subject is the shelling; "eleven
                    # soldiers, which it said were killed": the clause inside a relative clause.
                    relative = next((a for a in [verb, *verb.ancestors] if a.dep_ in {"relcl", "acl"}), None)
                    if relative is not None:
                        return relative.head
                return age_under_article(child)
        if (verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX", "ADJ"}) or (
            verb.dep_ == "xcomp" and verb.tag_ in PARTICIPLE_TAGS
        ):
            verb = verb.head  # "was shot and killed"; "was found shot"
            continue
        if verb.dep_ in {"acl", "relcl"} and (
            verb.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON"} or is_age(verb.head)
        ):
            return verb.head
        return headline_subject(verb)


def headline_subject(verb: Token) -> Token | None:
    """The subject of a headline participle that the parser hung on the verb as a modifier.

    Headlines drop the auxiliary ("17-year-old killed after shooting") and give an age in
    commas ("Boy, 3, killed by father"); the parser then reads the age as the verb's
    adjective or the noun as an interjection. The subject is the clause's first word when
    it is an age used as a noun, or a noun followed by an age in commas.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Boy", ",", "3", ",", "killed", "by", "father"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[4, 0, 0, 0, 4, 4, 5],
    ...           deps=["intj", "punct", "npadvmod", "punct", "ROOT", "agent", "pobj"],
    ...           tags=["UH", ",", "CD", ",", "VBN", "IN", "NN"])
    >>> headline_subject(doc[4]).text
    'Boy'
    >>> words = ["Police", ":", "Girl", ",", "5", ",", "wounded"]  # "wounded" parsed as a clause of "Girl"
    >>> doc = Doc(doc.vocab, words=words, heads=[0, 0, 0, 2, 2, 2, 2],
    ...           deps=["ROOT", "punct", "intj", "punct", "appos", "punct", "advcl"],
    ...           tags=["NNS", ":", "UH", ",", "CD", ",", "VBN"])
    >>> headline_subject(doc[6]).text
    'Girl'
    """
    if verb.tag_ not in PARTICIPLE_TAGS:
        return None
    doc = verb.doc
    # the noun may also be read as the head the verb hangs on ("Boy" the root, "killed" its clause)
    for child in [*verb.lefts, *([verb.head] if verb.head.i < verb.i else [])]:
        first = child.left_edge
        # the headline's start, or after a source's label ("Police: Boy, 3, wounded")
        if child.dep_ in SUBJECTS or not (first.is_sent_start or doc[first.i - 1].text == ":"):
            continue
        if is_age(child):
            return child
        after = doc[child.i + 1 : child.i + 4]
        if (
            child.tag_ in {"NN", "NNP", "UH"}
            and len(after) == 3
            and after[0].text == ","
            and after[1].like_num
            and after[2].text == ","
        ):
            return child
    return None


def is_age(token: Token) -> bool:
    """``old`` in ``a 12-year-old`` used as a noun."""
    cues = casualty_cues()
    return token.lower_ in cues.age_adjective and any(
        c.lemma_.lower() in cues.age_unit for c in token.children
    )


def listed_after_age_noun(span: Span) -> bool:
    """A number listed after "ages" or "aged" is an age ("five children between the ages of 11
    and 15", "two men, aged 19 and 23"), whatever the parser made of the list."""
    cues = casualty_cues()
    for token in reversed(span.doc[max(span.start - 8, 0) : span.start]):
        if token.lower_ in cues.age_noun:
            return True
        if not (token.like_num or token.lower_ in cues.age_list_word):
            return False
    return False


def subset_count(cue: Token) -> Token | None:
    """The count a fatal cue applies to.

    ``1 dead`` (its subject), ``9 shot, 1 fatally`` (the number before it).
    """
    own = next((c for c in cue.children if c.dep_ in {"nsubj", "nummod"} and c.like_num), None)
    if own is not None:
        return own
    before = cue.doc[cue.i - 1] if cue.i else None
    return (
        before
        if before is not None
        and before.like_num
        # the parser may hang the count on the verb ("dep") or on a noun after it ("4 shot at
        # bus stop, 1 fatally")
        and (before.head == cue.head or cue.head in before.ancestors)
        and before.dep_ in {"appos", "npadvmod", "dep"}
        else None
    )


def _shares_object(verb: Token) -> bool:
    """``shot and wounded two men``: a conjoined verb holds the object of both."""
    return any(c.dep_ == "conj" and c.pos_ == "VERB" and objects_of(c) for c in verb.children)


def objects_of(verb: Token) -> list[Token]:
    """The verb's objects; an age after it is one whatever the parser made of it ("kills
    4-year-old": "old" read as a complement), and so is a number, or a counted noun, after a
    qualifier the parser made a preposition ("wounded over 42": "over" a preposition, 42 its object;
    "killing up to 280 servicemen": "up" a particle, "to" a preposition)."""
    found = [
        age_under_article(c)
        for c in verb.children
        if c.dep_ in {"dobj", "obj"} or (c.i > verb.i and c.dep_ in _AGE_OBJECT_DEPS and is_age(c))
    ]
    qualifiers = quantity_words().qualifiers  # a time or a year is no count: "died around 4 a.m."
    return (
        found
        or [
            g
            for c in verb.rights
            if c.dep_ == "prep"
            and (c.lower_ in qualifiers or f"{c.nbor(-1).lower_} {c.lower_}" in qualifiers)
            for g in c.children
            if g.dep_ == "pobj"
            and (g.like_num or any(n.dep_ == "nummod" and n.like_num for n in g.children))
            and g.ent_type_ != "TIME"
            and g.shape_ != "dddd"
        ]
        or read_as_speaker(verb)
    )


#: What the parser makes of an age after a verb when it reads "old" as an adjective.
_AGE_OBJECT_DEPS = frozenset(
    {"acomp", "oprd", "attr", "xcomp", "ccomp", "advcl", "dep", "advmod", "npadvmod"}
)


def age_under_article(token: Token) -> Token:
    """The age an article introduces when the parser made the article the noun ("A 17-year-old
    was shot": "A" the subject, "old" its modifier); any other token unchanged.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["A", "17", "-", "year", "-", "old", "was", "shot"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[7, 3, 3, 5, 5, 0, 7, 7],
    ...           deps=["nsubjpass", "nummod", "punct", "npadvmod", "punct", "amod", "auxpass", "ROOT"],
    ...           tags=["DT", "CD", "HYPH", "NN", "HYPH", "JJ", "VBD", "VBN"],
    ...           lemmas=["a", "17", "-", "year", "-", "old", "be", "shoot"])
    >>> age_under_article(doc[0]).text, verb_subject(doc[7]).text
    ('old', 'old')
    """
    if token.tag_ == "DT":
        return next((c for c in token.children if is_age(c)), token)
    return token


def complement_of(token: Token, prepositions: frozenset[str]) -> Token | None:
    """The first object of a preposition in ``prepositions`` that hangs on ``token``.

    ``the deaths of six people``.
    """
    return next(
        (
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in prepositions
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )


def clause_head(token: Token) -> Token:
    """The head of the clause ``token`` is in."""
    while token.dep_ not in {"ROOT", "conj", "advcl", "ccomp", "relcl"} and token.head is not token:
        token = token.head
    return token


def including_parts(total_victim: Token, trigger: Token, lexicon: Lexicon) -> list[Token]:
    """Victims listed after ``including``/``among them`` that break a total down."""
    including = casualty_cues().including
    parts: list[Token] = []
    for holder in (total_victim, trigger, trigger.head):
        for child in holder.children:
            if child.lower_ in including and child.dep_ in {"prep", "advcl", "acl"}:
                for grand in child.children:
                    if grand.dep_ in {"pobj", "dobj"}:
                        parts.extend(with_conjuncts(grand, lexicon, appositions=True))
    return parts


#: Dependents that give a participle a clause of its own: not a headline's second participle.
_OWN_CLAUSE = frozenset({"mark", "aux", "auxpass", "nsubj", "nsubjpass", "dobj"})


def comma_participle(verb: Token, other: Token) -> bool:
    """``Boy shot, killed in …``: a headline's second participle after a comma, the parser's
    adverbial clause of the first, with no subject, auxiliary or conjunction of its own."""
    return (
        other.dep_ == "advcl"
        and other.tag_ == "VBN"
        and other.i == verb.i + 2
        and other.doc[verb.i + 1].text == ","
        and not any(c.dep_ in _OWN_CLAUSE for c in other.children)
    )


def negated_cue(cue: Token) -> bool:
    """A cue said not to hold: "shot, but not fatally", "four were hit, none fatally", "neither
    fatally" (a negation or a negative pronoun on it or right before it)."""
    cues = casualty_cues()
    words = cues.negation | cues.negative_pronoun
    before = cue.doc[cue.i - 1] if cue.i else None
    return any(c.lower_ in words for c in cue.children) or (before is not None and before.lower_ in words)
