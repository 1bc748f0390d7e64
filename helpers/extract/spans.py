"""Character spans queried by binary search, so per-token and per-row checks stay linear overall."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate


class Spans:
    """A fixed set of ``(start, end)`` character spans.

    >>> spans = Spans([(10, 20), (0, 5), (12, 30)])
    >>> spans.overlaps(4, 8), spans.overlaps(5, 10), spans.covers(13, 21), spans.inside(9, 31)
    (True, False, True, True)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._ends = [e for _, e in ordered]
        self._max_end = list(accumulate(self._ends, max))  # the furthest end of the spans so far

    def overlaps(self, start: int, end: int) -> bool:
        """True when a span shares a character with ``start:end`` (``s < end and start < e``)."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._max_end[k - 1] > start

    def covers(self, start: int, end: int, slack: int = 0) -> bool:
        """True when a span holds ``start:end`` (``s - slack <= start and end <= e + slack``)."""
        k = bisect_right(self._starts, start + slack)
        return k > 0 and self._max_end[k - 1] >= end - slack

    def inside(self, start: int, end: int) -> bool:
        """True when a span lies within ``start:end`` (``start <= s and e <= end``)."""
        first, last = bisect_left(self._starts, start), bisect_right(self._starts, end)
        return any(e <= end for e in self._ends[first:last])


class DisjointSpans:
    """A growing set of spans that never overlap one another (the caller adds only
    spans for which :meth:`overlaps` is false), so their ends ascend with their starts.

    >>> spans = DisjointSpans(); spans.add(10, 20); spans.add(0, 5)
    >>> spans.overlaps(4, 8), spans.overlaps(5, 10), spans.overlaps(19, 40)
    (True, False, True)
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none of the others."""
        k = bisect_left(self._starts, start)
        self._starts.insert(k, start)
        self._ends.insert(k, end)

    def overlaps(self, start: int, end: int) -> bool:
        """True when a span shares a character with ``start:end``."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._ends[k - 1] > start


class RowsByStart:
    """Rows (dicts with ``start_char``) sorted by start, found inside character spans by binary search.

    >>> rows = RowsByStart([{"start_char": 9}, {"start_char": 2}, {"start_char": 5}])
    >>> [r["start_char"] for r in rows.within([(0, 6), (9, 12)])]
    [2, 5, 9]
    """

    def __init__(self, rows: Iterable[dict]) -> None:
        self.rows = sorted(rows, key=lambda row: row["start_char"])  # stable: ties keep their order
        self._starts = [row["start_char"] for row in self.rows]

    def within(self, spans: Iterable[tuple[int, int]]) -> list[dict]:
        """The rows starting in each span (``start <= start_char < end``), span by span."""
        return [
            self.rows[i]
            for start, end in spans
            for i in range(bisect_left(self._starts, start), bisect_left(self._starts, end))
        ]
