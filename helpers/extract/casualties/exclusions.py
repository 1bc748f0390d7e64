"""Why a figure found is not counted: where it stands, and figures that restate others.

Rows are kept with ``excluded`` and ``exclude_reason`` rather than dropped, so an
analyst sees every figure and why it does not count: outside the title and body
(``boilerplate``, ``repeat``, ``credit``) or in a list of videos (``boilerplate``), a
``duplicate`` article, an injured person who ``later died``, a ``restated headline``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.articles import Article

#: A video's running time before its title in a list of videos ("0:50 One dead after shooting …").
_RUNNING_TIME = re.compile(r"(?<![\d:.])\d{1,2}:\d\d (?=[A-Z0-9'\"“‘])")
#: Running times that make a paragraph a list of videos, not a report.
VIDEO_LIST_TIMES = 3


def exclusion(article: Article, start: int, end: int) -> str:
    """Why a figure at ``start..end`` is not counted ("" when it is): the article is a
    duplicate, or the figure lies outside title and body paragraphs (boilerplate, repeat,
    credit) or in a list of videos ("1:19 Autopsy results revealed Pause 0:50 One dead …").

    >>> text = "1:19 Autopsy results revealed Pause 0:50 One dead after shooting 2:06 Officer hurt"
    >>> from helpers.articles import Paragraph
    >>> exclusion(Article("a", "a.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))]), 46, 49)
    'boilerplate'
    """
    if article.duplicate_of:
        return "duplicate"
    paragraph = article.paragraph_at(start)
    if article.is_extractable(start, end):
        in_list = paragraph is not None and _video_list(article.text, paragraph.start, paragraph.end)
        return "boilerplate" if in_list else ""
    return paragraph.kind if paragraph is not None else "outside paragraphs"


@lru_cache(maxsize=64)
def _video_list(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a list of videos (read once per paragraph, not per figure)."""
    return len(_RUNNING_TIME.findall(text, start, end)) >= VIDEO_LIST_TIMES


def resolve_overlaps(rows: list[dict]) -> None:
    """Same figure, several triggers: keep the specific outcome; injured-then-died counts as killed."""
    by_span: dict[tuple[int, int], list[dict]] = {}
    for row in rows:
        by_span.setdefault((row["start_char"], row["end_char"]), []).append(row)
    for same in by_span.values():
        killed = [r for r in same if r["outcome"] == "killed"]
        if not killed:
            continue
        for row in same:
            if row["outcome"] != "injured":
                continue
            if row["includes_killed"]:
                rows.remove(row)  # "shot and killed": the shot figure is the killed figure.
            elif not row["excluded"]:
                row["excluded"], row["exclude_reason"] = True, "later died"


#: The exclusion reason of a headline figure the body restates.
RESTATED_HEADLINE = "restated headline"


def flag_restated_headline(rows: list[dict], article: Article) -> None:
    """A headline figure equal to a body figure (same outcome, same bounds) is a restatement."""
    body = {
        (r["outcome"], r["low"], r["high"]) for r in rows if not r["excluded"] and _kind(article, r) == "body"
    }
    for row in rows:
        if (
            not row["excluded"]
            and _kind(article, row) == "title"
            and (row["outcome"], row["low"], row["high"]) in body
        ):
            row["excluded"], row["exclude_reason"] = True, RESTATED_HEADLINE


def _kind(article: Article, row: dict) -> str:
    paragraph = article.paragraph_at(row["start_char"])
    return paragraph.kind if paragraph is not None else ""
