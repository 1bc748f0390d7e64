"""The state-actor rule of the spaCy pipeline: "Malian army", "Kenya's police", "the Interior Ministry".

:class:`StateMatcher` runs after the dictionary's actor matcher and before the
NER. It finds country prefixes (names and demonyms) and body phrases
(:mod:`helpers.knowledge.state_actors`) with two phrase matchers on folded
norms and joins them:

* ``<prefix> <body>`` ("Malian armed forces", "Burkina Faso military"),
  ``<prefix>'s <body>`` ("Ethiopia's military"), ``<body> of [the] <prefix>``
  ("the Armed Forces of Mali"); a prefix in lower case never counts ("turkey");
* an alliance gives one actor per country: "Malian and French forces" gives
  ``Malian`` (``state:ML:armed_forces``) and ``French forces``;
* a bare body names the article's country (``state:?:<body>``): a Title Case
  phrase as written ("the Interior Ministry", "National Police"), a lower-case
  one only after "the" ("the army");
* a span overlapping a dictionary actor is left to the dictionary.

:func:`acts_as_party` tells, from the parse, when a country's name stands for its state acting in
the sentence ("Turkey launched", "support for Iraq") rather than for the land.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from helpers.knowledge.actors import ACTOR_LABELS, fold
from helpers.knowledge.grammar import function_words
from helpers.knowledge.state_actors import UNKNOWN_COUNTRY, PartyWords, party_words, state_tables

STATE_MATCHER_NAME = "sitrep_state_matcher"
_JOINERS = frozenset({"and", ",", "or", "&"})
#: Prepositions after an action noun whose object is a party ("support for", "attacks against").
PARTY_NOUN_PREPOSITIONS = frozenset({"for", "against", "with", "between", "alongside"})
#: Prepositions after a verb that takes a state whose object is that state ("work with", "stand by").
PARTY_VERB_PREPOSITIONS = frozenset({"with", "by", "against", "alongside"})


class StateMatcher:
    """Sets generic state actors as ORG entities with ids ``state:<ISO>:<body>``."""

    def __init__(self, nlp: Language) -> None:
        tables = state_tables()
        self.articles = function_words().definite_articles
        self.minor = function_words().articles | {"of", "and", "for", "'s", "’s"}
        self.prefixes = PhraseMatcher(nlp.vocab, attr="NORM")
        self.bodies = PhraseMatcher(nlp.vocab, attr="NORM")
        self.iso: list[str] = []
        self.body_of: list[tuple[str, bool, bool]] = []  # (body, bare, written in Title Case)
        for key, iso in tables.prefixes.items():
            self._add(self.prefixes, nlp, key, str(len(self.iso)))
            self.iso.append(iso)
        for key, body in tables.phrases.items():
            self._add(self.bodies, nlp, key, str(len(self.body_of)))
            self.body_of.append((body, False, False))
        for key, (body, written) in tables.bare.items():
            self._add(self.bodies, nlp, key, str(len(self.body_of)))
            self.body_of.append((body, True, not written[:1].islower()))

    @staticmethod
    def _add(matcher: PhraseMatcher, nlp: Language, text: str, key: str) -> None:
        doc = nlp.make_doc(text)
        for token in doc:
            token.norm_ = fold(token.text)
        matcher.add(key, [doc])

    def _capitalised(self, span: Span) -> bool:
        return all(not t.is_lower or t.lower_ in self.minor for t in span) and not span[0].is_lower

    def __call__(self, doc: Doc) -> Doc:
        prefixes_by_end: dict[int, list[tuple[int, str]]] = {}
        prefixes_by_start: dict[int, list[tuple[int, str]]] = {}
        for key, start, end in self.prefixes(doc):
            if self._capitalised(doc[start:end]):
                iso = self.iso[int(doc.vocab.strings[key])]
                prefixes_by_end.setdefault(end, []).append((start, iso))
                prefixes_by_start.setdefault(start, []).append((end, iso))
        spans = []
        for key, start, end in self.bodies(doc):
            body, bare, title_case = self.body_of[int(doc.vocab.strings[key])]
            spans += self._spans(doc, start, end, body, bare, title_case, prefixes_by_end, prefixes_by_start)
        spans = [s for s in spans if not any(_is_actor(doc[i]) for i in range(s.start, s.end))]
        if spans:
            doc.ents = filter_spans([*spans, *doc.ents])
        return doc

    def _spans(self, doc, start, end, body, bare, title_case, by_end, by_start) -> list[Span]:
        """The state spans a body phrase at ``start:end`` gives (none, one or an alliance)."""
        possessive = start > 0 and doc[start - 1].lower_ in ("'s", "’s")
        if bare:
            owner = start - 1 - possessive
            if owner >= 0 and _is_actor(doc[owner]):
                return []  # a group's own body: "a Hezbollah military commander", "Hamas's military wing"
            if title_case and self._capitalised(doc[start:end]):
                return [Span(doc, start, end, label="ORG", span_id=f"state:{UNKNOWN_COUNTRY}:{body}")]
            if not title_case:  # "the army": the matched phrase starts with "the"
                first = start + (doc[start].lower_ in self.articles)
                return [Span(doc, first, end, label="ORG", span_id=f"state:{UNKNOWN_COUNTRY}:{body}")]
            return []
        before = by_end.get(start - possessive)
        if before:
            prefix_start, iso = min(before)
            spans = [Span(doc, prefix_start, end, label="ORG", span_id=f"state:{iso}:{body}")]
            while (
                prefix_start > 1 and doc[prefix_start - 1].lower_ in _JOINERS and by_end.get(prefix_start - 1)
            ):
                prefix_start, iso = min(by_end[prefix_start - 1])
                member = Span(
                    doc, prefix_start, spans[-1].start - 1, label="ORG", span_id=f"state:{iso}:{body}"
                )
                spans.append(member)
            return spans
        after = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ in self.articles)
        of_country = end < len(doc) and doc[end].lower_ == "of" and by_start.get(after)
        if of_country and self._capitalised(doc[start:end]):
            prefix_end, iso = max(by_start[after])
            return [Span(doc, start, prefix_end, label="ORG", span_id=f"state:{iso}:{body}")]
        return []


def _is_actor(token) -> bool:
    """True for a token of a dictionary actor set by the actor matcher."""
    return bool(token.ent_id_) and token.ent_type_ in ACTOR_LABELS


def acts_as_party(span: Span) -> bool:
    """Whether a country's name stands for its state acting in the sentence: the subject of a
    verb that is not stative ("Turkey launched", not "Iraq borders") or of "be" with a role only a
    state has ("France is a key partner", "Turkey is one of our allies", "the UK is committed"; not
    "Iraq is a country"), the agent of a passive ("strikes by Russia"), the possessor or modifier of
    an action noun ("Iran's support", "U.S. airstrikes") or of an organisation's name ("Iraq's
    National Symphony Orchestra"), the object of an action noun or of a verb that takes a state
    ("support for Iraq", "work with Turkey", "join Jordan"), a role's apposition ("our ally
    Turkey"), or joined by "and" or a hyphen to such a country ("by Russia and Turkey", "UK-France
    co-operation").
    """
    root, words = span.root, party_words()
    while (root.dep_ == "conj" and root.head.i < root.i) or root.dep_ in {"compound", "nmod"}:
        if root.head.ent_type_ != root.ent_type_ or root.head.i == root.i:
            break
        root = root.head
    head = root.head
    if root.dep_ == "nsubj":
        if head.lemma_ == "be":
            return any(
                _role(child, words.roles) for child in head.children if child.dep_ in {"attr", "acomp"}
            )
        return head.pos_ == "VERB" and head.lemma_.lower() not in words.stative
    if root.dep_ == "nsubjpass":
        return head.lower_ in words.roles
    if root.dep_ == "appos":
        return head.lemma_.lower() in words.roles
    if root.dep_ == "dobj":
        return head.pos_ == "VERB" and head.lemma_.lower() in words.verbs
    if root.dep_ == "pobj":
        return head.dep_ == "agent" or _party_object(head, words)
    if root.dep_ not in {"poss", "compound"} or head.pos_ not in {"NOUN", "PROPN", "VERB"}:
        return False
    return head.lemma_.lower() in words.nouns or (
        head.ent_type_ == "ORG" and not head.ent_id_.startswith("state:")
    )


def _party_object(preposition: Token, words: PartyWords) -> bool:
    """True for a preposition whose object is a party: after an action noun ("support for Iraq",
    "attacks against the United States", "partnership between Iraq and the US") or a verb that
    takes a state ("work with Turkey", "stand by Iraq")."""
    word, governor = preposition.lower_, preposition.head
    if governor.pos_ == "NOUN" and word in PARTY_NOUN_PREPOSITIONS:
        return governor.lemma_.lower() in words.nouns
    verb = governor.pos_ == "VERB" and word in PARTY_VERB_PREPOSITIONS
    return verb and governor.lemma_.lower() in words.verbs


def _role(word: Token, roles: frozenset[str]) -> bool:
    """True for a role after "be" ("a partner", "committed"), or "one of" roles ("one of our allies")."""
    if word.lemma_.lower() in roles:
        return True
    return word.like_num and any(
        child.lower_ == "of" and any(_role(grand, roles) for grand in child.children)
        for child in word.children
    )


@Language.factory(STATE_MATCHER_NAME)
def make_state_matcher(nlp: Language, name: str) -> StateMatcher:
    """spaCy factory for :class:`StateMatcher` (registered on import of this module)."""
    return StateMatcher(nlp)
