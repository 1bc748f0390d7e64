"""Casualty totals per article: each reported figure counted once (see :func:`casualty_totals`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from helpers.extract.casualties.tolls import ANAPHORIC_COUNTS, figure_key, killed_self
from helpers.tables import columns, is_missing

#: Count rules for one person referred back to (see :func:`casualty_totals`, rule 5).
_ANAPHORIC_RULES = tuple(f"+{rule}" for rule in ANAPHORIC_COUNTS)


#: Columns of the table returned by :func:`casualty_totals`.


def casualty_totals(casualties: pd.DataFrame, stories: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Per article (per story, for syndicated copies) and outcome, the number of people it reports now.

    Counting rule (each figure counted once):

    1. Only ``current`` figures count: rows that are ``excluded`` (background,
       cumulative, boilerplate, repeat, restated headline, later died …), rows
       that are ``part_of`` a total and rows without a number are left out.
    2. Rows sharing a ``group`` (one enumeration: ``an officer and three
       soldiers``) are added into one figure.
    3. Figures restating or updating another (``superseded_by`` set by
       :func:`helpers.extract.casualties.tolls.supersede`) stand aside; the
       remaining ones are different victim groups or incidents and are added:
       that sum is ``best`` (``low``, or ``high`` when only an upper bound is known).
       ``low`` and ``high`` span the restatements (UCDP-style: the lowest and
       the highest figure given for each toll), and ``needs_review`` says the
       restatements disagree.
    4. Injured: a figure that counts killed and injured together
       (``includes_killed``, e.g. ``four people were shot``) stands for itself
       minus the article's killed ``best`` (never below 0), unless the injured
       figures the article gives apart add up to more.
    5. Injured, when the article reports someone killed: a single person
       referred back to (``the boy was shot``, ``she was injured``, a named
       person; rules ``singular_definite``, ``pronoun``, ``named_person``) is
       taken to be a victim already counted (no coreference resolution), so
       the row does not count; ``a man was wounded`` (a new person), a member
       of an enumeration (``she and three others were shot``) and a person
       said to survive (rule suffix ``+survived``: ``she is in stable
       condition``, ``was also shot``) do, and so does one named beside a
       dead victim in the same sentence (``left a girl dead and her friend
       injured``, ``wounded Tom Lee, whose father then killed the intruder``).

    ``armed_groups`` is how many of ``best`` are members of armed groups
    (militants, attackers): counted, as ACLED counts every fatality, and kept
    apart so an analyst can tell them from civilians and security forces.

    Near-duplicate copies of a story (the same wire report on several sites,
    ``stories``) are one report: each copy's toll is worked out as above and
    the story keeps the largest (a later copy often carries the updated toll),
    under the story's first article.

    Args:
        casualties: Rows from :func:`helpers.extract.casualties.extract_casualties` (several articles).
        stories: Article id -> the first article of its story, for near-duplicate copies.

    Returns:
        One row per article (or story) and outcome with the ``casualty_totals`` columns;
        ``rows`` lists the ``"start-end"`` offsets of the counted figures (``"copy:start-end"``
        when a copy's toll is kept), ``copies`` the copies merged into the story.
    """
    stories = stories or {}
    if casualties.empty:
        return pd.DataFrame(columns=columns("casualty_totals"))
    current = casualties[
        ~casualties["excluded"].astype(bool)
        & (casualties["part_of"].fillna("") == "")
        & (casualties["qualifier"] != "unspecified")
    ]
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
        "victim_side",
        "superseded_by",
        "sentence",
        "victim",
    ]
    # Plain dicts grouped in Python: a pandas groupby per article costs ~10 ms an article.
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in current.reindex(columns=needed).to_dict("records"):
        by_article[row["article_id"]].append(row)
    by_story: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for article_id, article_rows in by_article.items():
        story = stories.get(article_id, article_id)
        for record in _article_records(article_id, article_rows):
            by_story[story, record["outcome"]].append(record)
    records = []
    for (story, _), found in sorted(by_story.items()):
        # The largest toll; between equals, the story's first article.
        chosen = max(found, key=lambda r: (r["best"], r["article_id"] == story))
        copies = sorted({r["article_id"] for r in found} - {story})
        rows = chosen["rows"]
        if chosen["article_id"] != story:
            rows = ";".join(f"{chosen['article_id']}:{offsets}" for offsets in rows.split(";") if offsets)
        records.append(dict(chosen, article_id=story, rows=rows, copies=";".join(copies)))
    return pd.DataFrame.from_records(records, columns=columns("casualty_totals"))


def _article_records(article_id: str, article_rows: list[dict]) -> list[dict]:
    """One ``casualty_totals`` record per outcome of one article's current rows (rules 2-5)."""
    killed_rows = [r for r in article_rows if r["outcome"] == "killed"]
    killed = _toll(killed_rows)
    # "shot three people and then killed himself": the shooter is not one of the people he shot
    # (but "fatally shot himself … shot himself in the chest" is)
    shot_self = any(r["includes_killed"] and _text(r["rule"]).endswith("+reflexive") for r in article_rows)
    shooters = sum(
        _best(r) for r in killed_rows if killed_self(r) and not _text(r["superseded_by"]) and not shot_self
    )
    if killed["best"]:
        # "left a girl dead and her friend injured": the one injured beside a dead victim in
        # the same sentence is someone else (neither a pronoun: "the teen died after he was taken",
        # "the child was taken to hospital, and he later died")
        dead: dict[str, set[str]] = defaultdict(set)  # sentence -> its dead victims
        for r in killed_rows:
            if not _pronoun(r):
                dead[r["sentence"]].add(_text(r["victim"]).casefold())
        article_rows = [
            r
            for r in article_rows
            if not _referred_back(r)
            or (not _pronoun(r) and bool(dead.get(r["sentence"], set()) - {_text(r["victim"]).casefold()}))
        ]
    by_outcome: dict[str, list[dict]] = defaultdict(list)
    for row in article_rows:
        by_outcome[row["outcome"]].append(row)
    records = []
    for outcome, outcome_rows in sorted(by_outcome.items()):
        toll = killed if outcome == "killed" else _toll(outcome_rows, killed_best=killed["best"] - shooters)
        counted = [r for r in outcome_rows if not _text(r["superseded_by"])]
        records.append(
            {
                "article_id": article_id,
                "outcome": outcome,
                **toll,
                "n_figures": len(outcome_rows),
                "n_restatements": len(outcome_rows) - len(counted),
                "rows": ";".join(figure_key(r) for r in counted),
                "place_id": mode_of(r["place_id"] for r in outcome_rows),
                "admin1": mode_of(r["admin1"] for r in outcome_rows),
            }
        )
    return records


def _toll(rows: list[dict], *, killed_best: int = 0) -> dict[str, Any]:
    """``best``, ``low``, ``high``, ``armed_groups`` and the review flag of one outcome's rows (rules 2-4)."""
    standing = [r for r in rows if not _text(r["superseded_by"])]
    figures = _figures(standing)
    separate = [f for f in figures if not f["includes_killed"]]
    best = sum(f["best"] for f in separate)
    low, high = _span(rows, separate)
    armed = sum(f["armed_groups"] for f in separate)
    harmed = [dict(f, best=max(f["best"] - killed_best, 0)) for f in figures if f["includes_killed"]]
    together = max(harmed, key=lambda f: f["best"], default=None)
    if together is not None and together["best"] > best:
        best, armed = together["best"], 0
        low = None if together["low"] is None else max(together["low"] - killed_best, 0)
        high = None if together["high"] is None else max(together["high"] - killed_best, 0)
    values = _restated_values(rows)
    conflicting = sorted(key for key, found in values.items() if len(found) > 1)
    reason = "; ".join(f"{key}: {', '.join(map(str, sorted(values[key])))}" for key in conflicting)
    return {
        "best": best,
        "low": low,
        "high": high,
        "armed_groups": armed,
        "needs_review": bool(conflicting),
        "review_reason": f"figures disagree ({reason})" if conflicting else "",
    }


def _restated_values(rows: list[dict]) -> dict[str, set[int]]:
    """For each standing figure (by offsets), the values it and its restatements give."""
    values: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        key = _text(row["superseded_by"]) or figure_key(row)
        if not _text(row["group"]):
            values[key].add(_best(row))
    return values


def _span(rows: list[dict], separate: list[dict]) -> tuple[int | None, int | None]:
    """UCDP-style low and high: per standing figure, the lowest and highest of its restatements."""
    values = _restated_values(rows)
    lows, highs = [], []
    for figure in separate:
        found = values.get(figure["key"], set())
        lows.append(min([figure["low"], *found]) if figure["low"] is not None and found else figure["low"])
        highs.append(
            max([figure["high"], *found]) if figure["high"] is not None and found else figure["high"]
        )
    low = None if any(v is None for v in lows) else sum(lows)
    high = None if any(v is None for v in highs) else sum(highs)
    return low, high


def _best(row: dict) -> int:
    """A row's number: its low bound, else its high bound."""
    return int(row["low"]) if not pd.isna(row["low"]) else int(row["high"]) if not pd.isna(row["high"]) else 0


def _pronoun(row: dict) -> bool:
    """A row whose victim is a pronoun ("he was shot")."""
    return _text(row["rule"]).endswith("+pronoun")


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
        armed = sum(_best(r) for r in unit if r["victim_side"] == "armed groups")
        figures.append(
            {
                "best": best,
                "low": low,
                "high": high,
                "armed_groups": armed,
                "key": figure_key(unit[0]),
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
