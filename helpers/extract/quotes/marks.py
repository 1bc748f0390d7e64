"""Quotation marks: pairing opening and closing marks in a text.

A character scanner, because quote pairing is not a token pattern. Quote marks are
punctuation, not vocabulary: they are listed here.
"""

from __future__ import annotations

import re

#: Opening quotation marks and the marks that close them.
QUOTE_PAIRS = {"“": "”", "„": "“", "«": "»", "‹": "›", '"': '"', "‘": "’", "「": "」"}


CLOSERS = frozenset(QUOTE_PAIRS.values())

#: Any opening or closing mark: the scanner visits only these characters, not every one.
_MARK = re.compile("[" + re.escape("".join(sorted(set(QUOTE_PAIRS) | CLOSERS))) + "]")


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Find quotations in ``text[start:end]`` as ``(open_mark, close_mark)`` offsets.

    Pairs curly, straight, guillemet and single marks; a single ’ between letters is an
    apostrophe. An unclosed quotation runs to ``end`` (news style for a quote
    continued in the next paragraph); stray closing marks are ignored.
    A character scanner, because quote pairing is not a token pattern.

    >>> t = 'He said “we’ll stay,” and left.'
    >>> [t[a + 1:b] for a, b in quote_spans(t)]
    ['we’ll stay,']
    >>> quote_spans('odd ” marks “here')
    [(12, 17)]
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    opener = None
    for found in _MARK.finditer(text, start, end):
        i, ch = found.start(), found.group()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if opener is None:
            if ch in QUOTE_PAIRS and not (ch in "‘'" and before.isalnum()) and not after.isspace():
                opener = i
        elif ch == QUOTE_PAIRS[text[opener]] and not (ch in "’'" and after.isalnum()) and i > opener + 1:
            spans.append((opener, i))
            opener = None
    if opener is not None and end - opener > 1:
        spans.append((opener, end))
    return spans
