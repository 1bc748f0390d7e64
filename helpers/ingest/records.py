"""Record formats: JSON Lines, JSON (an array of records, one record, or JSON Lines named ``.json``)
and CSV, one article per record.

Which columns are read is :func:`helpers.knowledge.record_fields.record_fields`.
CSV is read with ``pyarrow`` (quoted fields may span lines and have any size;
Python's ``csv`` module would need its process-wide field size limit raised).
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO

import pyarrow as pa
import pyarrow.csv as pacsv

from helpers.articles import Article
from helpers.ingest.decoding import decode_bytes, replace_surrogates
from helpers.ingest.inputs import Fields, InputFile, fields_article, skipped
from helpers.knowledge.record_fields import record_fields


def read_jsonl(source: InputFile, handle: IO[bytes]) -> Iterator[Article]:
    """The articles of a JSON Lines file, one per object line, read line by line.

    Args:
        source: The file (``source.lines``: only records on those lines).
        handle: The file open in binary mode, at its start.

    Yields:
        The articles of its records, loaded or skipped, in line order.
    """
    yield from _json_lines(source, (decode_bytes(line) for line in handle))


def read_jsonl_text(source: InputFile, text: str, warning: str) -> Iterator[Article]:
    """The articles of a JSON Lines file decoded whole (UTF-16): its lines, each with the file's warning.

    Args:
        source: The file.
        text: Its decoded text.
        warning: Its decoding warning ("" if clean), kept as each record's reason.

    Yields:
        The articles of its records (see :func:`read_jsonl`).
    """
    yield from _json_lines(source, ((line, warning) for line in text.split("\n")))


def _json_lines(source: InputFile, lines: Iterable[tuple[str, str]]) -> Iterator[Article]:
    """Records of decoded JSON lines (each with its decoding warning).

    Blank lines are not records; a malformed line or one that is not an object
    is skipped with its line number. A file without records is one skipped
    "empty file", unless only some lines were asked for.
    """
    first, last = source.lines or (1, sys.maxsize)
    records = 0
    for number, (line, warning) in enumerate(lines, start=1):
        if number < first:
            continue
        if number > last:
            break
        if not line.strip():
            continue
        records += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            reason = f"malformed JSON at line {number}: {error.msg}"
            yield skipped(f"{source.stem_id}:{number}", source.path, number, reason)
            continue
        yield _record(source, number, record, warning, what=f"line {number}")
    if records == 0 and source.lines is None:
        yield skipped(source.stem_id, source.path, None, "empty file")


def read_json(source: InputFile, text: str, warning: str) -> Iterator[Article]:
    """The articles of a ``.json`` file: an array of records, one record, or JSON Lines.

    Args:
        source: The file.
        text: Its decoded text.
        warning: Its decoding warning ("" if clean), kept as each record's reason.

    Yields:
        One article per record (numbered from 1 in the array), loaded or skipped.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # one JSON value per line: JSON Lines named .json
            yield from read_jsonl_text(source, text, warning)
            return
        yield skipped(
            source.stem_id, source.path, None, f"malformed JSON at line {error.lineno}: {error.msg}"
        )
        return
    if isinstance(data, dict):
        yield _record(source, 1, data, warning, what="the file")
    elif isinstance(data, list) and data:
        for number, record in enumerate(data, start=1):
            yield _record(source, number, record, warning, what=f"item {number}")
    else:
        yield skipped(source.stem_id, source.path, None, "JSON file holds no record")


def read_csv(source: InputFile, text: str, warning: str) -> Iterator[Article]:
    """The articles of a CSV file with a header row, one per row.

    A file without a text column is one skipped article naming the columns found;
    a row whose cells do not match the header is skipped with its cell count; a
    CSV error skips the file.

    Args:
        source: The file.
        text: Its decoded text.
        warning: Its decoding warning ("" if clean), kept as each article's reason.

    Yields:
        The articles of its rows, loaded or skipped, in row order.
    """
    bad_rows: list[str] = []

    def bad_row(row: pacsv.InvalidRow) -> str:
        bad_rows.append(f"a row of {row.actual_columns} cells (the header has {row.expected_columns})")
        return "skip"

    try:
        # The header is read as a row of data, so every column holds text.
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, invalid_row_handler=bad_row),
            convert_options=pacsv.ConvertOptions(strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, ValueError) as error:
        yield skipped(source.stem_id, source.path, None, f"malformed CSV: {error}")
        return
    rows = [["" if cell is None else str(cell) for cell in row] for row in zip(*table.to_pydict().values())]
    columns = [name.strip() for name in rows[0]] if rows else []
    text_columns = record_fields().text
    if not any(c.lower() in text_columns for c in columns):
        found = ", ".join(columns) if columns else "none"
        expected = ", ".join(text_columns)
        reason = f"CSV has no text column (expected one of {expected}; found: {found})"
        yield skipped(source.stem_id, source.path, None, reason)
        return
    if len(rows) < 2 and not bad_rows:
        yield skipped(source.stem_id, source.path, None, "CSV has a header but no rows")
        return
    # Quotes come in pairs in a well-formed CSV ("" escapes one): with an odd count, one
    # opened in the last row read never closes and that row swallowed the lines after it.
    unclosed = len(rows) - 1 if text.count('"') % 2 and len(rows) > 1 else None
    for number, row in enumerate(rows[1:], start=1):
        if number == unclosed:
            lines = max(len(row[-1].splitlines()) - 1, 0) if row else 0
            reason = (
                f"malformed CSV: row {number} opens a quote that is never closed; "
                f"it and the {lines} line(s) after it were not read"
            )
            yield skipped(f"{source.stem_id}:{number}", source.path, number, reason)
            continue
        yield _record(source, number, dict(zip(columns, row)), warning, what=f"row {number}")
    for number, reason in enumerate(bad_rows, start=1):
        yield skipped(f"{source.stem_id}:bad{number}", source.path, None, f"malformed CSV: {reason}")


_JSON_TYPES = {bool: "boolean", int: "number", float: "number", dict: "object", list: "array"}


def _record(source: InputFile, number: int, record: object, warning: str, *, what: str) -> Article:
    """The article of record ``number``, or a skipped one when it is no object or has no text."""
    if not isinstance(record, dict):
        reason = f"{what} is a JSON {type(record).__name__}, not an object"
        return skipped(f"{source.stem_id}:{number}", source.path, number, reason)
    record, lone = replace_surrogates(record)
    if lone:
        noun = "surrogate" if lone == 1 else "surrogates"
        warning = "; ".join(w for w in (warning, f"warning: {lone} lone {noun} replaced with U+FFFD") if w)
    names = record_fields()
    lowered = {str(k).strip().lower(): v for k, v in record.items()}

    def pick(columns: tuple[str, ...], *, strip: bool = True) -> str:
        for column in columns:
            value = lowered.get(column)
            if value is not None and not isinstance(value, (dict, list)) and str(value).strip():
                return str(value).strip() if strip else str(value)
        return ""

    not_text = next(
        (
            (column, value)
            for column in names.text
            if (value := lowered.get(column)) is not None and not isinstance(value, str)
        ),
        None,
    )
    if not_text is not None:  # NaN, true, 1e309 or an object would load as its printed form
        column, value = not_text
        kind = _JSON_TYPES.get(type(value), type(value).__name__)
        reason = f"{what}: its {column} field is a JSON {kind}, not text"
        return skipped(f"{source.stem_id}:{number}", source.path, number, reason)
    record_id = pick(names.id)
    fields = Fields(
        body=pick(names.text, strip=False),
        title=pick(names.title),
        date=pick(names.date),
        url=pick(names.url),
        outlet=pick(names.source),
        site=pick(names.site),
        author=pick(names.author),
    )
    article = fields_article(source, fields, record=number, warning=warning)
    if record_id:
        article.article_id = f"{source.stem_id}:{record_id}"
    return article
