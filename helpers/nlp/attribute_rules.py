"""A faster, exact stand-in for spaCy's ``attribute_ruler`` component.

spaCy's ``AttributeRuler`` runs a token ``Matcher`` over every token for its
~180 rules (tag map, morphology and lemma exceptions): about a tenth of
``en_core_web_sm``'s parse time, for a lookup. Nearly all its rules test one
token for equality of ``TAG``, ``LOWER`` or ``DEP``, so :class:`AttributeRules`
indexes the rules by those values and applies them with the ruler's own
attribute setter, in the ruler's order (later rules win). The result is the
same annotation; ``tests/test_parsing.py`` compares both on real text.

A pipeline whose ruler uses anything else (operators, other attributes) keeps
spaCy's component: :func:`compile_rules` returns ``None`` and
:func:`replace_attribute_ruler` leaves the pipeline as it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

#: Token attributes a rule may test (read for a whole doc at once with ``Doc.to_array``).
ATTRIBUTES = ("TAG", "LOWER", "ORTH", "DEP", "POS", "IS_SPACE")
#: Attributes rules are indexed by, most selective first: a rule whose first
#: token must have one of a few values of one of these is only tried on tokens
#: with such a value.
INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")
_INDEXED_COLUMNS = tuple(ATTRIBUTES.index(key) for key in INDEXED)
#: Most distinct token rows remembered; the memo is emptied when it holds more.
MEMO_LIMIT = 200_000


@dataclass(frozen=True)
class Rule:
    """One ruler pattern: token tests, the token it sets, and the attributes it sets.

    Attributes:
        order: The ruler's rule number (later rules win).
        tests: Per token of the pattern, ``(attribute column, predicate)`` pairs;
            predicates take the attribute's value as ``Doc.to_array`` gives it.
        first_values: The first token's tests that allow a fixed set of values
            (attribute → values), from equality and ``IN`` tests.
        index: Which token of the match gets the attributes (may be negative).
        attrs: The attributes, as the ruler stores them.
    """

    order: int
    tests: tuple[tuple[tuple[int, Callable[[int], bool]], ...], ...]
    first_values: dict[str, frozenset]
    index: int
    attrs: dict


def compile_rules(ruler: AttributeRuler) -> list[Rule] | None:
    """The ruler's patterns as :class:`Rule` objects, or ``None`` if one cannot be compiled."""
    strings = ruler.vocab.strings
    rules = []
    for order, attrs in enumerate(ruler.attrs):
        _, patterns = ruler.matcher.get(str(order))
        for pattern in patterns:
            if not pattern or any(key not in ATTRIBUTES for token in pattern for key in token):
                return None
            try:
                tests = tuple(
                    tuple((ATTRIBUTES.index(key), _predicate(value, strings)) for key, value in token.items())
                    for token in pattern
                )
            except ValueError:
                return None
            first_values = {
                k: frozenset([_value(v, strings)])
                if isinstance(v, (str, bool))
                else frozenset(_value(x, strings) for x in v["IN"])
                for k, v in pattern[0].items()
                if isinstance(v, (str, bool)) or set(v) == {"IN"}
            }
            rules.append(Rule(order, tests, first_values, ruler.indices[order], attrs))
    return rules


def _value(value: str | bool, strings) -> int:
    """A test value as ``Doc.to_array`` holds it: a string's hash, a flag's 0/1."""
    return int(value) if isinstance(value, bool) else strings.add(value)


def _predicate(value: object, strings) -> Callable[[int], bool]:
    if isinstance(value, (str, bool)):
        return _value(value, strings).__eq__
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(_value(v, strings) for v in value["IN"]).__contains__
    if isinstance(value, dict) and set(value) == {"NOT_IN"}:
        excluded = frozenset(_value(v, strings) for v in value["NOT_IN"])
        return lambda v: v not in excluded
    if isinstance(value, dict) and set(value) == {"REGEX"}:
        pattern, seen = re.compile(value["REGEX"]), {}

        def search(v: int) -> bool:  # memoised: the same words come back in every doc
            if v not in seen:
                seen[v] = pattern.search(strings[v]) is not None
            return seen[v]

        return search
    raise ValueError(f"unsupported token test {value!r}")


class AttributeRules:
    """Apply an ``AttributeRuler``'s rules by indexed lookup instead of a token matcher.

    Attributes:
        patterns: The replaced ruler's patterns (part of the pipeline's cache key).
    """

    def __init__(self) -> None:
        self.vocab = None
        self.patterns: list[dict] = []
        self.by_value: dict[tuple[int, int], list[Rule]] = defaultdict(list)
        self.unindexed: list[Rule] = []
        # What each distinct token row matches: the rules test one token's attributes only
        # (longer rules are tested per position), and the same rows recur in every doc.
        self._memo: dict[tuple[int, ...], tuple[tuple[Rule, ...], tuple[Rule, ...]]] = {}

    def load(self, ruler: AttributeRuler, rules: list[Rule]) -> None:
        """Take over ``ruler``'s rules (compiled by :func:`compile_rules`)."""
        self.vocab = ruler.vocab
        self.patterns = ruler.patterns
        for rule in rules:
            key = next((k for k in INDEXED if k in rule.first_values), None)
            if key is None:
                self.unindexed.append(rule)
            for value in rule.first_values.get(key, ()):
                self.by_value[ATTRIBUTES.index(key), value].append(rule)

    def _rules_at(self, row: list[int]) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
        """The one-token rules a token with ``row``'s attributes matches, and the longer
        rules whose first token it matches (their later tokens are tested per position)."""
        by_value = self.by_value
        indexed = [rule for column in _INDEXED_COLUMNS for rule in by_value.get((column, row[column]), ())]
        first_matches = [
            rule
            for rule in indexed + self.unindexed
            if all(test(row[column]) for column, test in rule.tests[0])
        ]
        return (
            tuple(rule for rule in first_matches if len(rule.tests) == 1),
            tuple(rule for rule in first_matches if len(rule.tests) > 1),
        )

    def __reduce__(self) -> tuple:
        # The compiled predicates are closures; a copy (e.g. for a spawned worker) recompiles.
        return _rebuild, (self.vocab, self.patterns)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values = doc.to_array(list(ATTRIBUTES)).tolist()  # one row of ATTRIBUTES per token
        matches = []
        for start, row in enumerate(values):
            key = tuple(row)
            if (found := self._memo.get(key)) is None:
                if len(self._memo) >= MEMO_LIMIT:
                    self._memo.clear()
                found = self._memo[key] = self._rules_at(row)
            one_token, longer = found
            matches.extend((rule.order, start, start + 1, rule) for rule in one_token)
            for rule in longer:
                end = start + len(rule.tests)
                if end <= len(values) and all(
                    test(values[i][column])
                    for i, tests in zip(range(start + 1, end), rule.tests[1:])
                    for column, test in tests
                ):
                    matches.append((rule.order, start, end, rule))
        matches.sort(key=lambda m: m[:3])  # the ruler's order: later rules win
        settings: dict[int, dict] = defaultdict(dict)  # token → attribute id → value
        for _, start, end, rule in matches:
            settings[range(start, end)[rule.index]].update(rule.attrs)
        columns = sorted({attr for values in settings.values() for attr in values})
        if columns:
            # One write for the whole doc; the ruler sets the same token fields one match at a time.
            array = doc.to_array(columns)
            if array.ndim == 1:
                array = array.reshape(-1, 1)
            for i, values in settings.items():
                for j, attr in enumerate(columns):
                    if attr in values:
                        array[i, j] = values[attr]
            doc.from_array(columns, array)
        return doc


def _rebuild(vocab, patterns: list[dict]) -> AttributeRules:
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(patterns)
    rules = AttributeRules()
    rules.load(ruler, compile_rules(ruler))
    return rules


FAST_ATTRIBUTE_RULES = "sitrep_attribute_rules"


@Language.factory(FAST_ATTRIBUTE_RULES)
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """An empty :class:`AttributeRules`; :func:`replace_attribute_ruler` fills it."""
    return AttributeRules()


def replace_attribute_ruler(nlp: Language) -> bool:
    """Swap the pipeline's ``attribute_ruler`` for :class:`AttributeRules` when its rules compile.

    Returns:
        True when the component was replaced.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    rules = compile_rules(ruler)
    if rules is None:
        return False
    nlp.add_pipe(FAST_ATTRIBUTE_RULES, after="attribute_ruler").load(ruler, rules)
    nlp.remove_pipe("attribute_ruler")
    return True
