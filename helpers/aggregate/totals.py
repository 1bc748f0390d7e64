"""Casualty totals per article: each reported figure counted once (see :func:`casualty_totals`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from helpers.extract.casualties.casualties import ANAPHORIC_COUNTS
from helpers.tables import columns, is_missing

#: Count rules for one person referred back to (see :func:`casualty_totals`, rule 5).
_ANAPHORIC_RULES = tuple(f"+{rule}" for rule in ANAPHORIC_COUNTS)


#: Columns of the table returned by :func:`casualty_totals`.


def casualty_totals(casualties: pd.DataFrame, stories: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Per article (per story, for syndicated copies) and outcome, the number of people it reports.

    Counting rule (each figure counted once):

    1. Rows that are ``excluded`` (boilerplate, repeat, restated headline,
       background, later died …), rows that are ``part_of`` a total and rows
       without a number (``qualifier == "unspecified"``) are ignored.
    2. Rows sharing a ``group`` (one enumeration: ``an officer and three
       soldiers``) are added into one figure (low and high summed; an open
       high stays open).
    3. The remaining figures of one outcome are taken as restatements or
       updates of the same toll: the article's ``best`` is the largest figure
       (``low``, or ``high`` when only an upper bound is known); ``low``/``high``
       are those of that figure. Figures are never summed across sentences.
    4. Injured: a figure that counts killed and injured together
       (``includes_killed``, e.g. ``four people were shot``) contributes
       itself minus the article's killed ``best`` (never below 0).
    5. Injured, when the article reports someone killed: a single person
       referred back to (``the boy was shot``, ``she was injured``, a named
       person; rules ``singular_definite``, ``pronoun``, ``named_person``) is
       taken to be a victim already counted (no coreference resolution), so
       the row does not count; ``a man was wounded`` (a new person), a member
       of an enumeration (``she and three others were shot``) and a person
       said to survive (rule suffix ``+survived``: ``she is in stable
       condition``, ``was also shot``) do.
    6. Near-duplicate copies of a story (the same wire report on several sites,
       ``stories``) are one report: their figures are restatements of the
       story's toll, counted under the story's first article.

    Args:
        casualties: Rows from :func:`helpers.extract.casualties.extract_casualties` (several articles).
        stories: Article id -> the first article of its story, for near-duplicate copies.

    Returns:
        One row per article (or story) and outcome with the ``casualty_totals`` columns;
        ``rows`` lists the ``"start-end"`` offsets of the counted figures (``"copy:start-end"``
        for a copy's), ``copies`` the copies merged into the story.
    """
    stories = stories or {}
    if casualties.empty:
        return pd.DataFrame(columns=columns("casualty_totals"))
    usable = casualties[
        ~casualties["excluded"].astype(bool)
        & (casualties["part_of"].fillna("") == "")
        & (casualties["qualifier"] != "unspecified")
    ]
    # Plain dicts grouped in Python: a pandas groupby per article costs ~10 ms an article.
    needed = [
        "article_id",
        "outcome",
        "group",
        "low",
        "high",
        "includes_killed",
        "rule",
        "start_char",
        "end_char",
        "place_id",
        "admin1",
    ]
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in usable.reindex(columns=needed).to_dict("records"):
        by_article[stories.get(row["article_id"], row["article_id"])].append(row)
    records = []
    for article_id in sorted(by_article):
        article_rows = by_article[article_id]
        killed_best = max(
            (f["best"] for f in _figures([r for r in article_rows if r["outcome"] == "killed"])), default=0
        )
        if killed_best:
            article_rows = [r for r in article_rows if not _referred_back(r)]
        by_outcome: dict[str, list[dict]] = defaultdict(list)
        for row in article_rows:
            by_outcome[row["outcome"]].append(row)
        for outcome, outcome_rows in sorted(by_outcome.items()):
            outcome_figures = _figures(outcome_rows)
            if outcome == "injured":
                for figure in outcome_figures:
                    if figure["includes_killed"]:
                        figure["best"] = max(figure["best"] - killed_best, 0)
                        figure["low"] = None if figure["low"] is None else max(figure["low"] - killed_best, 0)
                        figure["high"] = (
                            None if figure["high"] is None else max(figure["high"] - killed_best, 0)
                        )
            chosen = max(outcome_figures, key=lambda f: (f["best"], not f["includes_killed"]))
            records.append(
                {
                    "article_id": article_id,
                    "outcome": outcome,
                    "best": chosen["best"],
                    "low": chosen["low"],
                    "high": chosen["high"],
                    "n_figures": len(outcome_rows),
                    "rows": ";".join(_offsets(r, article_id) for r in outcome_rows),
                    "copies": ";".join(sorted({r["article_id"] for r in outcome_rows} - {article_id})),
                    "place_id": mode_of(r["place_id"] for r in outcome_rows),
                    "admin1": mode_of(r["admin1"] for r in outcome_rows),
                }
            )
    return pd.DataFrame.from_records(records, columns=columns("casualty_totals"))


def _offsets(row: dict, story: str) -> str:
    """``"start-end"`` of a figure, prefixed with its article's id when it is a copy's."""
    offsets = f"{row['start_char']}-{row['end_char']}"
    return offsets if row["article_id"] == story else f"{row['article_id']}:{offsets}"


def _referred_back(row: dict) -> bool:
    """An injured row taken to be a killed person referred back to (rule 5 of :func:`casualty_totals`).

    A member of an enumeration (``she and three others were shot``) is counted.
    """
    return (
        row["outcome"] == "injured"
        and _text(row["rule"]).endswith(_ANAPHORIC_RULES)
        and not _text(row["group"])
    )


def _figures(rows: list[dict]) -> list[dict]:
    """Collapse enumeration groups into single figures (in order of first appearance)."""
    units: dict[str, list[dict]] = {}
    for number, row in enumerate(rows):
        units.setdefault(_text(row["group"]) or f"row{number}", []).append(row)
    figures = []
    for unit in units.values():
        lows = [None if pd.isna(r["low"]) else int(r["low"]) for r in unit]
        highs = [None if pd.isna(r["high"]) else int(r["high"]) for r in unit]
        low = None if any(v is None for v in lows) else sum(lows)
        high = None if any(v is None for v in highs) else sum(highs)
        best = sum(lo if lo is not None else (hi or 0) for lo, hi in zip(lows, highs))
        figures.append(
            {
                "best": best,
                "low": low,
                "high": high,
                "includes_killed": all(bool(r["includes_killed"]) for r in unit),
            }
        )
    return figures


def _text(value: Any) -> str:
    """A string cell as text (missing → ``""``)."""
    return value if isinstance(value, str) else ""


def mode_of(values: Iterable | None) -> Any:
    """The most common present value (the first seen on a tie), or ``None``.

    >>> mode_of(["b", "a", "b", None]), mode_of([None])
    ('b', None)
    """
    if values is None:
        return None
    counted = Counter(v for v in values if not is_missing(v))
    return counted.most_common(1)[0][0] if counted else None
