"""A token ``Matcher`` run only where its patterns can start.

spaCy's ``Matcher`` tests each pattern's first token on every token of a document, and a
word-list (``IN``) or ``REGEX`` predicate is a Python call each time: about 2 ms an article for a
few such patterns. When every match starts at a token a quick test finds (a weekday or month
word, a house number) and spans at most ``length`` tokens, the Matcher reads only the stretches of
``length`` tokens from those tokens, joined where they overlap, and finds the same matches.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token


def windowed_matches(
    matcher: Matcher, doc: Doc, starts: Callable[[Token], bool], length: int
) -> list[tuple[int, int, int]]:
    """``(match_id, start, end)`` of ``matcher`` in ``doc`` (token offsets in ``doc``), read only in
    the stretches of ``length`` tokens from each token ``starts`` accepts.

    >>> import spacy
    >>> doc = spacy.blank("en")("They met on Friday , May 5 and on Monday .")
    >>> matcher = Matcher(doc.vocab)
    >>> matcher.add("DAY", [[{"LOWER": {"IN": ["friday", "monday"]}}, {"TEXT": ",", "OP": "?"}]])
    >>> [doc[s:e].text for _, s, e in windowed_matches(matcher, doc, lambda t: t.is_title, 2)]
    ['Friday', 'Friday ,', 'Monday']
    """
    windows: list[list[int]] = []
    for token in doc:
        if starts(token):
            end = min(token.i + length, len(doc))
            if windows and token.i < windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([token.i, end])
    return [
        (match_id, first + start, first + end)
        for first, last in windows
        for match_id, start, end in matcher(doc[first:last])
    ]
