"""A faster, exact stand-in for spaCy's ``attribute_ruler`` component.

spaCy's ``AttributeRuler`` runs a token ``Matcher`` over every token for its
~180 rules (tag map, morphology and lemma exceptions): about a tenth of
``en_core_web_sm``'s parse time, for a lookup. Nearly all its rules test one
token for equality of ``TAG``, ``LOWER`` or ``DEP``, so :class:`AttributeRules`
indexes the rules by those values and applies them in the ruler's order (later
rules win). A token's rules are looked up once per distinct row of the attributes
the rules test, with every value no rule names (most words) standing as one, and
written to all tokens of that row in one numpy step. The result is the same
annotation; ``tests/test_parsing.py`` compares both on real text (on 989 GVA
articles, 405,809 tokens: identical, 1.3 s of CPU against the ruler's 10.2 s).

A pipeline whose ruler uses anything else (operators, other attributes) keeps
spaCy's component: :func:`compile_rules` returns ``None`` and
:func:`replace_attribute_ruler` leaves the pipeline as it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy
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
                k: _named_values(v, strings)
                for k, v in pattern[0].items()
                if isinstance(v, (str, bool)) or set(v) == {"IN"}
            }
            rules.append(Rule(order, tests, first_values, ruler.indices[order], attrs))
    return rules


def _value(value: str | bool, strings) -> int:
    """A test value as ``Doc.to_array`` holds it: a string's hash, a flag's 0/1."""
    return int(value) if isinstance(value, bool) else strings.add(value)


def _named_values(value: object, strings) -> frozenset[int]:
    """The values a token test names, as ``Doc.to_array`` holds them: its value, or its ``IN`` or
    ``NOT_IN`` list (none for a ``REGEX``)."""
    if isinstance(value, (str, bool)):
        return frozenset([_value(value, strings)])
    return frozenset(_value(v, strings) for v in value.get("IN", value.get("NOT_IN", ())))


def _predicate(value: object, strings) -> Callable[[int], bool]:
    if isinstance(value, (str, bool)):
        return _value(value, strings).__eq__
    if isinstance(value, dict) and set(value) == {"IN"}:
        return _named_values(value, strings).__contains__
    if isinstance(value, dict) and set(value) == {"NOT_IN"}:
        excluded = _named_values(value, strings)
        return lambda v: v not in excluded
    if isinstance(value, dict) and set(value) == {"REGEX"}:
        pattern, seen = re.compile(value["REGEX"]), {}

        def search(v: int) -> bool:  # memoised: the same words come back in every doc
            if v not in seen:
                seen[v] = pattern.search(strings[v]) is not None
            return seen[v]

        return search
    raise ValueError(f"unsupported token test {value!r}")


class RowRules(NamedTuple):
    """What the rules do to a token with one row of attributes.

    Attributes:
        one_token: The one-token rules it matches.
        longer: The longer rules whose first token it matches (the rest tested per position).
        settings: The one-token rules' attributes merged in the ruler's order (later rules win).
    """

    one_token: tuple[Rule, ...]
    longer: tuple[Rule, ...]
    settings: dict[int, int]


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
        self._memo: dict[tuple[int, ...], RowRules] = {}
        # Per tested column, the values a rule names and the regular expressions it applies;
        # every other value passes and fails the same tests, so one value stands for them all
        # in the memo's keys (else nearly every word would be a row of its own).
        self._named: dict[int, set[int]] = defaultdict(set)
        self._regexes: dict[int, list[re.Pattern]] = defaultdict(list)
        self._classes: dict[int, dict[int, int]] = defaultdict(dict)
        self._stand_in: dict[int, int] = {}

    def load(self, ruler: AttributeRuler, rules: list[Rule]) -> None:
        """Take over ``ruler``'s rules (compiled by :func:`compile_rules`)."""
        self.vocab = ruler.vocab
        self.patterns = ruler.patterns
        strings = ruler.vocab.strings
        for entry in ruler.patterns:
            for token in (token for pattern in entry["patterns"] for token in pattern):
                for key, value in token.items():
                    column = ATTRIBUTES.index(key)
                    if isinstance(value, dict) and "REGEX" in value:
                        self._regexes[column].append(re.compile(value["REGEX"]))
                    else:
                        self._named[column].update(_named_values(value, strings))
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

    def _value_class(self, column: int, value: int) -> int:
        """``value`` itself when a rule names it or one of the column's regular expressions
        finds it, else the one value that stands for all the others of ``column``."""
        classes = self._classes[column]
        if (found := classes.get(value)) is None:
            if len(classes) >= MEMO_LIMIT:
                classes.clear()
            strings = self.vocab.strings
            if value in self._named[column] or any(p.search(strings[value]) for p in self._regexes[column]):
                found = value
            else:
                found = self._stand_in.setdefault(column, value)
            classes[value] = found
        return found

    def _classed(self, values: numpy.ndarray) -> numpy.ndarray:
        """``values`` with each tested column's values replaced by their class, others by 0."""
        classed = numpy.zeros_like(values)
        for column in set(self._named) | set(self._regexes):
            words, where = numpy.unique(values[:, column], return_inverse=True)
            classes = [self._value_class(column, word) for word in words.tolist()]
            classed[:, column] = numpy.array(classes, dtype=values.dtype)[where.reshape(-1)]
        return classed

    def _row_rules(self, key: tuple[int, ...]) -> RowRules:
        """The rules of a token row, from the memo (emptied when it holds :data:`MEMO_LIMIT`)."""
        if (found := self._memo.get(key)) is None:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            one_token, longer = self._rules_at(list(key))
            settings: dict[int, int] = {}
            for rule in sorted(one_token, key=lambda r: r.order):  # the ruler's order: later rules win
                settings.update(rule.attrs)
            found = self._memo[key] = RowRules(one_token, longer, settings)
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # One row of ATTRIBUTES per token; the rules are looked up once per distinct row
        # and their settings written to every token with that row in one numpy step.
        values = doc.to_array(list(ATTRIBUTES))
        rows, inverse = numpy.unique(self._classed(values), axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        found = [self._row_rules(tuple(row)) for row in rows.tolist()]
        targets = self._longer_matches(values, inverse, found)
        columns = sorted({a for f in found for a in f.settings} | {a for t in targets.values() for a in t})
        if not columns:
            return doc
        table = numpy.zeros((len(rows), len(columns)), dtype=values.dtype)
        is_set = numpy.zeros((len(rows), len(columns)), dtype=bool)
        for u, rules in enumerate(found):
            for j, attr in enumerate(columns):
                if attr in rules.settings:
                    table[u, j], is_set[u, j] = rules.settings[attr], True
        array = doc.to_array(columns)
        if array.ndim == 1:
            array = array.reshape(-1, 1)
        array = numpy.where(is_set[inverse], table[inverse], array)
        for i, settings in targets.items():  # tokens a longer rule sets: their own order
            for j, attr in enumerate(columns):
                if attr in settings:
                    array[i, j] = settings[attr]
        doc.from_array(columns, array)
        return doc

    def _longer_matches(self, values: numpy.ndarray, inverse: numpy.ndarray, found: list[RowRules]) -> dict:
        """Tokens set by a rule of more than one token, with all the settings they get.

        Returns:
            Token index → attribute → value, applied in the ruler's order (rule number,
            then start and end), the token's own one-token rules included.
        """
        starts = [u for u, rules in enumerate(found) if rules.longer]
        if not starts:
            return {}
        rows = values.tolist()
        matches: dict[int, list] = defaultdict(list)  # token → (order, start, end, rule)
        for start in numpy.flatnonzero(numpy.isin(inverse, starts)).tolist():
            for rule in found[inverse[start]].longer:
                end = start + len(rule.tests)
                if end <= len(rows) and all(
                    test(rows[i][column])
                    for i, tests in zip(range(start + 1, end), rule.tests[1:])
                    for column, test in tests
                ):
                    matches[range(start, end)[rule.index]].append((rule.order, start, end, rule))
        targets = {}
        for i, longer in matches.items():
            own = [(rule.order, i, i + 1, rule) for rule in found[inverse[i]].one_token]
            settings: dict[int, int] = {}
            for *_, rule in sorted(own + longer, key=lambda m: m[:3]):
                settings.update(rule.attrs)
            targets[i] = settings
        return targets


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
