"""Who claimed an attack: the armed group that took responsibility for it.

A bombing's toll is told first and its author after, in a sentence of its own: "The Islamic State
group claimed responsibility for the attack", "Boko Haram claimed the killings", "responsibility was
claimed by al-Shabaab". ACLED codes a claimed attack to the group that claimed it, so the claimant
is the attacker of the article's violence whose evidence names none, before the armed group the
article names most (:func:`~helpers.extract.events.coding.article_group`).

A claim is a verb of claiming (``event_cues.csv`` kind ``claimed``: claim, accept, admit, assume,
take) whose object is responsibility or credit (kind ``responsibility``), or "claim" whose object is
a word of violence ("claimed the bombing"), or a verb of telling whose reported clause says the
speaker did it ("Boko Haram said it carried out the attack", "said its fighters carried out the
raid", "said they were behind the bombing"), or a verb of doing whose object is a word of violence
("the attack was carried out by the G9 gang", as a source attributes it); its claimant is an armed
group the subject (or a passive's "by" agent) names. A source that blames a group ("security sources
blamed Islamic State militants", "blamed the attack on the ADF"; kind ``blamed``) names the attacker
when no group claimed it, before the group the article names most. A claim denied ("No group has
claimed responsibility", "the Taliban did not claim") or not made ("may claim", "is expected to
claim") names no one, and a group that denies the attack ("denied responsibility", "denied any
involvement", "denied the attack", "said they were not behind the bombing") is not its attacker,
however often the article names it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from helpers.extract.casualties.attribution import breakaway
from helpers.extract.events.coding import article_group
from helpers.extract.events.leads import planned
from helpers.extract.places.ground import names_patron
from helpers.knowledge.actor_names import force_words
from helpers.knowledge.casualty_lexicon import casualty_cues, load_lexicon
from helpers.knowledge.event_types import cue_words, violent_words
from helpers.knowledge.speech import speech_verbs

#: Prepositions after a participle of affiliation whose object is the patron ("linked to", "backed by").
AFFILIATION_PREPOSITIONS = frozenset({"to", "with", "by"})

#: The actor category of a claimant (ACLED's armed groups; a state does not claim an attack).
CLAIMANTS = frozenset({"armed_group"})
#: Categories of the actors a source may blame: armed groups and a state's forces ("a resistance
#: committee said, blaming the Sudanese army").
BLAMED = CLAIMANTS | {"state_force"}
#: Dependents by which a clause's subject or agent names the claimant.
CLAIMANT_DEPS = frozenset({"nsubj", "agent"})


def patron_only(doc: Doc, mention: dict) -> bool:
    """Whether an actor mention names only the patron or ally of the group it describes ("the al
    Qaeda-linked JNIM", "Iran-backed militias", "jihadists linked to al Qaeda", "rebels backed by
    Rwanda": ``force_words.csv`` kind ``affiliation``), or the
    group another broke away from ("dissidents of the former FARC": ``breakaway`` of
    ``casualty_cues.csv``): no party to that group's events, no claimant of its attacks.

    >>> import spacy
    >>> doc = spacy.blank("en")("an al Qaeda-linked group attacked")
    >>> al_qaeda, group = {"start_char": 3, "end_char": 11}, {"start_char": 19, "end_char": 24}
    >>> patron_only(doc, al_qaeda), patron_only(doc, group)
    (True, False)
    >>> from spacy.tokens import Doc
    >>> doc = Doc(doc.vocab, ["militants", "linked", "to", "Qaeda"], heads=[0, 0, 1, 2],
    ...     deps=["ROOT", "acl", "prep", "pobj"])
    >>> patron_only(doc, {"start_char": 21, "end_char": 26})
    True
    """
    span = doc.char_span(mention["start_char"], mention["end_char"], alignment_mode="expand")
    if span is None:
        return False
    root = span.root  # "dissidents of the former FARC guerrilla group", "a splinter of the TTP": the parent
    while root.dep_ in ("compound", "amod", "nmod") and root.head is not root:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and breakaway(root.head.head):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in AFFILIATION_PREPOSITIONS:
        return root.head.head.lower_ in force_words().affiliations  # "jihadists linked to al Qaeda"
    return names_patron(span)


def parties(doc: Doc, mentions: Sequence[dict]) -> list[dict]:
    """The linked actor mentions that may be parties to the article's events: none that names only a
    patron (:func:`patron_only`), each marked ``speaker`` when it names only whom a source speaks for
    ("a Taliban spokesman said", "according to a police official"): a voice of the violence, which
    claims or tells it (:func:`article_attacker`) but is not by that mention its attacker."""
    return [
        dict(m, speaker=_speaks_for(doc, m)) for m in mentions if m["actor_id"] and not patron_only(doc, m)
    ]


def _speaks_for(doc: Doc, mention: dict) -> bool:
    """Whether a mention modifies a noun that is the subject of a verb of speech, or the object of
    "according to" ("a Taliban spokesman said")."""
    span = doc.char_span(mention["start_char"], mention["end_char"], alignment_mode="expand")
    if span is None or span.root.dep_ not in {"compound", "amod", "poss", "nmod"}:
        return False
    noun = span.root
    while noun.dep_ in {"compound", "amod", "poss", "nmod"} and noun.head is not noun:
        noun = noun.head
    said = speech_verbs().cues
    if noun.dep_ == "nsubj":
        return noun.head.lemma_.lower() in said
    return noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according"


def article_attacker(doc: Doc, mentions: Sequence[dict]) -> dict | None:
    """The attacker of the article's violence whose evidence names none, as an actor mention: the
    armed group that claimed it (the first claim), else the armed group the article names most
    (:func:`~helpers.extract.events.coding.article_group`) unless it denied the attack, else None.

    Args:
        doc: The parsed article.
        mentions: Its actor mentions (``start_char``, ``end_char``, ``actor_id``, ``category``).
    """
    groups = [m for m in mentions if m.get("category") in BLAMED and m.get("actor_id")]
    if not groups:
        return None
    claimants = [m for m in groups if m["category"] in CLAIMANTS]
    denied: set[str] = set()
    blamed: list[dict] = []
    for verb, denial in _claims(doc):
        words = _claimant_words(verb)
        blaming = verb.lemma_.lower() in cue_words("blamed")
        # an armed group first: "blamed the National Liberation Army" names no army of the state
        named = _holder(words, claimants) or (_holder(words, groups) if blaming else None)
        if named is not None and denial:
            denied.add(named["actor_id"])
        elif named is not None and blaming:
            blamed.append(named)
        elif named is not None and not planned(verb):
            return named
    return next(iter(blamed), None) or article_group([m for m in mentions if m.get("actor_id") not in denied])


def _holder(words: Sequence[Token], mentions: Sequence[dict]) -> dict | None:
    """The mention that holds the first of ``words`` any of ``mentions`` holds, or None."""
    return next((m for t in words for m in mentions if m["start_char"] <= t.idx < m["end_char"]), None)


def _claims(doc: Doc) -> Iterator[tuple[Token, bool]]:
    """The verbs of the article that claim or deny an attack, each with whether it denies it."""
    verbs, objects, telling = cue_words("claimed"), cue_words("responsibility"), cue_words("spoke")
    denying, doing, blaming = cue_words("denied"), cue_words("perpetrated"), cue_words("blamed")
    violence = violent_words() | load_lexicon().events
    for token in doc:
        if token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        done = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        things = [c.lemma_.lower() for c in done]
        if lemma in verbs and any(t in objects or (lemma == "claim" and t in violence) for t in things):
            yield token, _denied(token)
        elif lemma in denying and any(t in objects or t in violence for t in things):
            yield token, True
        elif (lemma in doing and any(_this_violence(t) for t in done if t.lemma_.lower() in violence)) or (
            lemma in blaming
        ):
            yield token, _denied(token)  # "was carried out by the G9 gang", "sources blamed the ADF"
        elif lemma in telling:
            for clause in (c for c in token.children if c.dep_ == "ccomp" and _did_it(c, violence)):
                yield token, _denied(token) or any(c.dep_ == "neg" for c in clause.children)


def _did_it(clause: Token, violence: frozenset[str]) -> bool:
    """A reported clause in which the speaker tells whether it did the violence: its subject a
    pronoun or what a pronoun owns ("it carried out the attack", "its fighters carried out the
    raid", "they were (not) behind the bombing", "it had killed more than 50 soldiers"), its verb one
    of violence, or one of doing (``event_cues.csv`` kind ``perpetrated``) with a word of violence as
    object, or "behind" one."""
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if not any(s.pos_ == "PRON" or any(c.dep_ == "poss" for c in s.children) for s in subjects):
        return False
    if clause.lemma_.lower() in violence:
        return True
    doing = cue_words("perpetrated")
    objects = [c for c in clause.children if c.dep_ == "dobj"] if clause.lemma_.lower() in doing else []
    objects += [o for c in clause.children if c.dep_ == "prep" and c.lower_ in doing for o in c.children]
    return any(o.lemma_.lower() in violence for o in objects)


def _this_violence(noun: Token) -> bool:
    """Whether a word of violence names the violence told ("the attack", "Sunday's bombing"), not a
    kind of it ("similar attacks in the past", "attacks on mosques")."""
    told = any(
        (c.dep_ == "det" and c.lower_ in casualty_cues().anaphoric_determiner) or c.dep_ == "poss"
        for c in noun.children
    )
    return told and not any(c.lower_ in cue_words("other") for c in noun.children)


def _denied(verb: Token) -> bool:
    """The claim is negated ("did not claim") or its subject denies it ("No group has claimed")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    cues = casualty_cues()  # the words that count nobody ("No group", "nobody", "none of the groups")
    denials = cues.negative_pronoun | cues.negative_determiner
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(w.lower_ in denials for s in subjects for w in s.subtree if w.i <= s.i)


def _claimant_words(verb: Token) -> list[Token]:
    """The words of the claim's subject, or of a passive's "by" agent ("was claimed by al-Shabaab");
    of a blame, who is blamed: its object, a passive's subject ("CODECO militiamen were suspected of
    carrying out the attack"), or the object of "on" ("blamed the attack on the ADF")."""
    if verb.lemma_.lower() in cue_words("blamed"):  # "blamed X", "X were blamed", "X were suspected of"
        on = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children]
        blamed = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        return [w for child in [*blamed, *on] for w in child.subtree]
    return [w for child in verb.children if child.dep_ in CLAIMANT_DEPS for w in child.subtree]
