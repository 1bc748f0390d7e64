"""The ``persons`` table: person mentions merged across articles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from helpers.tables import columns, grouped_rows, is_missing


def _most_specific(values: Iterable) -> str:
    """The most frequent non-empty value; ties go to the longest (most specific)."""
    counts = Counter(v for v in values if isinstance(v, str) and v)
    if not counts:
        return ""
    return max(counts, key=lambda v: (counts[v], len(v), v))


def persons_table(person_mentions: pd.DataFrame) -> pd.DataFrame:
    """Merge person mentions across articles into one row per person and role.

    Args:
        person_mentions: Rows from :func:`helpers.extract.persons.extract_persons` (any number of articles).

    Returns:
        The ``persons`` columns: ``variants`` is the ``; ``-joined distinct
        names as written (descriptions such as "the major general" excluded);
        ``n_mentions`` counts names and descriptions, not pronouns ("he" rows are
        evidence in ``person_mentions``, not a measure of prominence); sorted by
        ``n_mentions`` (descending), then ``canonical``.
    """
    if person_mentions.empty:
        return pd.DataFrame(columns=columns("persons"))
    records = []
    for (person_id, role), rows in grouped_rows(
        person_mentions,
        ["person_id", "role"],
        ["canonical", "rank", "title", "affiliation", "text", "article_id", "mention"],
    ).items():
        named = [row for row in rows if row[-1] != "pronoun"]
        if not named:
            continue
        canonical, rank, title, affiliation, texts, articles, kinds = zip(*named)
        records.append(
            {
                "person_id": person_id,
                "role": role,
                "canonical": _most_specific(canonical),
                "rank": _most_specific(rank),
                "title": _most_specific(title),
                "affiliation": _most_specific(affiliation),
                "variants": "; ".join(sorted({t for t, kind in zip(texts, kinds) if kind != "nominal"})),
                "n_mentions": len(named),
                "n_articles": len({a for a in articles if not is_missing(a)}),
            }
        )
    table = pd.DataFrame.from_records(records, columns=columns("persons"))
    return table[columns("persons")].sort_values(
        ["n_mentions", "n_articles", "canonical"], ascending=[False, False, True], ignore_index=True
    )
