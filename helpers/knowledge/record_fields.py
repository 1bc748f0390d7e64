"""Record fields: which columns of a .jsonl/.csv record the loader reads for each article field.

Read from ``helpers/data/record_fields.csv``, a file of no language: column names
are input-format configuration, not words of the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from helpers.knowledge.vocabulary import read_vocabulary

RECORD_FIELDS_FILE = "record_fields.csv"


@dataclass(frozen=True)
class RecordFields:
    """The column names accepted for each field of a record, in order of preference.

    Attributes:
        text: The article text ("text", "content", ...).
        title: Its headline.
        date: Its publication date.
        url: Its address.
        source: Its outlet.
        site: The name of the site it was published on.
        author: Its authors.
        id: The record's id, the article id after the file's.
    """

    text: tuple[str, ...]
    title: tuple[str, ...]
    date: tuple[str, ...]
    url: tuple[str, ...]
    source: tuple[str, ...]
    site: tuple[str, ...]
    author: tuple[str, ...]
    id: tuple[str, ...]


@lru_cache(maxsize=1)
def record_fields() -> RecordFields:
    """The accepted column names of every record field.

    Returns:
        The names per field, lower case, first preferred.

    >>> record_fields().text
    ('text', 'content', 'body', 'article')
    """
    # language "" reads the file straight from helpers/data/: it belongs to no language
    rows = read_vocabulary(RECORD_FIELDS_FILE, language="")

    def names(field: str) -> tuple[str, ...]:
        return tuple(row["column"] for row in rows if row["field"] == field)

    return RecordFields(
        text=names("text"),
        title=names("title"),
        date=names("date"),
        url=names("url"),
        source=names("source"),
        site=names("site"),
        author=names("author"),
        id=names("id"),
    )
