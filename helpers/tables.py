"""Table schemas and streaming table files (Parquet row groups or CSV chunks).

Every table the suite writes is declared here once, with its column types, so
that chunks written at different times agree and readers can ask for only the
columns they need. The README's data dictionary documents the same columns.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

STR, INT, FLOAT, BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", STR),
            ("path", STR),
            ("record", INT),
            ("status", STR),
            ("reason", STR),
            ("title", STR),
            ("dateline", STR),
            ("outlet", STR),
            ("byline", STR),
            ("date", STR),
            ("published", STR),
            ("url", STR),
            ("n_paragraphs", INT),
            ("n_words", INT),
            ("n_repeats", INT),
            ("n_boilerplate", INT),
            ("n_pages", INT),
            ("text_sha256", STR),
            ("duplicate_of", STR),
            ("near_duplicate_of", STR),
            ("near_duplicate_similarity", FLOAT),
        ]
    ),
    "paragraphs": pa.schema(
        [
            ("article_id", STR),
            ("paragraph", INT),
            ("start_char", INT),
            ("end_char", INT),
            ("kind", STR),
            ("note", STR),
            ("page", INT),
            ("text", STR),
        ]
    ),
    "mentions": pa.schema(
        [
            ("article_id", STR),
            ("paragraph", INT),
            ("sentence_id", INT),
            ("start_char", INT),
            ("end_char", INT),
            ("text", STR),
            ("label", STR),
            ("sentence", STR),
            ("actor_id", STR),
            ("canonical", STR),
            ("category", STR),
            ("place_id", STR),
            ("lat", FLOAT),
            ("lon", FLOAT),
            ("country", STR),
            ("admin1", STR),
            ("admin1_code", STR),
            ("place_kind", STR),
        ]
    ),
    "person_mentions": pa.schema(
        [
            ("article_id", STR),
            ("start_char", INT),
            ("end_char", INT),
            ("text", STR),
            ("sentence", STR),
            ("canonical", STR),
            ("person_id", STR),
            ("rank", STR),
            ("title", STR),
            ("affiliation", STR),
            ("role", STR),
            ("mention", STR),
        ]
    ),
    "quotes": pa.schema(
        [
            ("article_id", STR),
            ("start_char", INT),
            ("end_char", INT),
            ("speaker", STR),
            ("speaker_id", STR),
            ("cue", STR),
            ("quote", STR),
            ("kind", STR),
            ("sentence", STR),
        ]
    ),
    "place_mentions": pa.schema(
        [
            ("article_id", STR),
            ("start_char", INT),
            ("end_char", INT),
            ("text", STR),
            ("sentence", STR),
            ("label", STR),
            ("role", STR),
            ("place_id", STR),
            ("geonameid", INT),
            ("canonical", STR),
            ("kind", STR),
            ("lat", FLOAT),
            ("lon", FLOAT),
            ("country", STR),
            ("admin1", STR),
            ("admin1_code", STR),
            ("precision", INT),
            ("resolution", STR),
        ]
    ),
    "casualties": pa.schema(
        [
            ("article_id", STR),
            ("start_char", INT),
            ("end_char", INT),
            ("text", STR),
            ("sentence", STR),
            ("outcome", STR),
            ("low", INT),
            ("high", INT),
            ("qualifier", STR),
            ("victim", STR),
            ("victim_group", STR),
            ("victim_side", STR),
            ("perpetrator", STR),
            ("perpetrator_id", STR),
            ("place_id", STR),
            ("place", STR),
            ("admin1", STR),
            ("time", STR),
            ("rule", STR),
            ("confidence", FLOAT),
            ("includes_killed", BOOL),
            ("group", STR),
            ("part_of", STR),
            ("scope", STR),
            ("scope_cue", STR),
            ("scope_reason", STR),
            ("superseded_by", STR),
            ("excluded", BOOL),
            ("exclude_reason", STR),
        ]
    ),
    "actors": pa.schema(
        [
            ("actor_id", STR),
            ("canonical", STR),
            ("category", STR),
            ("country", STR),
            ("wikidata", STR),
            ("aliases_seen", STR),
            ("in_dictionary", BOOL),
            ("n_mentions", INT),
            ("n_articles", INT),
        ]
    ),
    "persons": pa.schema(
        [
            ("person_id", STR),
            ("canonical", STR),
            ("rank", STR),
            ("title", STR),
            ("affiliation", STR),
            ("role", STR),
            ("variants", STR),
            ("n_mentions", INT),
            ("n_articles", INT),
        ]
    ),
    "casualty_totals": pa.schema(
        [
            ("article_id", STR),
            ("outcome", STR),
            ("best", INT),
            ("low", INT),
            ("high", INT),
            ("armed_groups", INT),
            ("n_figures", INT),
            ("n_restatements", INT),
            ("needs_review", BOOL),
            ("review_reason", STR),
            ("rows", STR),
            ("copies", STR),
            ("place_id", STR),
            ("admin1", STR),
        ]
    ),
    "incidents": pa.schema(
        [
            ("incident_id", STR),
            ("outcome", STR),
            ("place_key", STR),
            ("date_first", STR),
            ("date_last", STR),
            ("n_articles", INT),
            ("article_ids", STR),
            ("bests", STR),
            ("acled_best", INT),
            ("ucdp_low", INT),
            ("ucdp_best", INT),
            ("ucdp_high", INT),
            ("conflict", BOOL),
        ]
    ),
    "event_reports": pa.schema(
        [
            ("article_id", STR),
            ("report", INT),
            ("start_char", INT),
            ("end_char", INT),
            ("sentence", STR),
            ("figures", STR),
            ("evidence", STR),
            ("event_date", STR),
            ("time_precision", INT),
            ("date_phrase", STR),
            ("date_reason", STR),
            ("disorder_type", STR),
            ("event_type", STR),
            ("sub_event_type", STR),
            ("type_cue", STR),
            ("actor1_id", STR),
            ("actor1", STR),
            ("inter1", INT),
            ("assoc_actor_1", STR),
            ("actor2_id", STR),
            ("actor2", STR),
            ("inter2", INT),
            ("assoc_actor_2", STR),
            ("interaction", INT),
            ("victim_sides", STR),
            ("country", STR),
            ("iso", STR),
            ("admin1", STR),
            ("admin2", STR),
            ("location", STR),
            ("place_id", STR),
            ("latitude", FLOAT),
            ("longitude", FLOAT),
            ("geo_precision", INT),
            ("source", STR),
            ("source_url", STR),
            ("notes", STR),
            ("excluded", BOOL),
            ("exclude_reason", STR),
        ]
    ),
    "events": pa.schema(
        [
            ("event_id", STR),
            ("event_date", STR),
            ("year", INT),
            ("time_precision", INT),
            ("disorder_type", STR),
            ("event_type", STR),
            ("sub_event_type", STR),
            ("actor1", STR),
            ("assoc_actor_1", STR),
            ("inter1", INT),
            ("actor2", STR),
            ("assoc_actor_2", STR),
            ("inter2", INT),
            ("interaction", INT),
            ("civilian_targeting", STR),
            ("iso", STR),
            ("country", STR),
            ("admin1", STR),
            ("admin2", STR),
            ("location", STR),
            ("latitude", FLOAT),
            ("longitude", FLOAT),
            ("geo_precision", INT),
            ("source", STR),
            ("notes", STR),
            ("fatalities", INT),
            ("actor1_id", STR),
            ("actor2_id", STR),
            ("deaths_low", INT),
            ("deaths_best", INT),
            ("deaths_high", INT),
            ("injured_low", INT),
            ("injured_best", INT),
            ("injured_high", INT),
            ("kidnapped", INT),
            ("arrested", INT),
            ("fatalities_range", STR),
            ("n_sources", INT),
            ("n_reports", INT),
            ("conflict", BOOL),
            ("competing", STR),
            ("source_urls", STR),
            ("article_ids", STR),
            ("reports", STR),
            ("evidence", STR),
            ("sentences", STR),
            ("date_phrase", STR),
            ("date_reason", STR),
        ]
    ),
    "places": pa.schema(
        [
            ("place_id", STR),
            ("canonical", STR),
            ("geonameid", INT),
            ("kind", STR),
            ("lat", FLOAT),
            ("lon", FLOAT),
            ("admin1", STR),
            ("admin1_code", STR),
            ("country", STR),
            ("precision", INT),
            ("n_mentions", INT),
            ("n_articles", INT),
        ]
    ),
}

FORMATS = ("parquet", "csv")


def columns(table: str) -> list[str]:
    """The columns of ``table``, in order: the one place they are declared is :data:`SCHEMAS`.

    >>> columns("casualty_totals")[:3]
    ['article_id', 'outcome', 'best']
    """
    return list(SCHEMAS[table].names)


# Integer columns may hold nulls (e.g. ``record`` for .txt files): read them as Int64.
_NULLABLE = {pa.int64(): pd.Int64Dtype()}


def to_arrow(rows: Sequence[dict] | pd.DataFrame, table: str) -> pa.Table:
    """Rows (dicts or a DataFrame) as an Arrow table of ``table``'s schema.

    Raises:
        ValueError: If a row has a column the schema does not declare.
    """
    schema = SCHEMAS[table]
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    unknown = set(frame.columns) - set(schema.names)
    if unknown:
        raise ValueError(f"table {table!r} has no column(s) {sorted(unknown)}")
    columns = {
        column.name: pa.array(
            frame[column.name] if column.name in frame else [None] * len(frame),
            type=column.type,
            from_pandas=True,
        )
        for column in schema
    }
    return pa.table(columns, schema=schema)


class TableWriter:
    """Write one table in chunks to ``<directory>/<table>.<format>``.

    ``schema`` names the table's schema when the file is a partition with
    another name (``<directory>/<part>.<format>``).

    The file is written under a temporary name and moved into place by
    :meth:`close`, so an interrupted run never leaves a table that looks complete.
    """

    def __init__(
        self, directory: Path, table: str, *, fmt: str = "parquet", schema: str | None = None
    ) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
        self.table, self.fmt = schema or table, fmt
        Path(directory).mkdir(parents=True, exist_ok=True)
        self.path = Path(directory) / f"{table}.{fmt}"
        self.partial = self.path.with_name(f".{self.path.name}.{os.getpid()}.partial")
        self.rows = 0
        self._writer: pq.ParquetWriter | pacsv.CSVWriter | None = None

    def write(self, rows: Sequence[dict] | pd.DataFrame) -> None:
        """Append rows (an empty chunk is fine)."""
        if len(rows) == 0:
            return
        arrow = to_arrow(rows, self.table)
        self._open().write_table(arrow)
        self.rows += arrow.num_rows

    def _open(self) -> pq.ParquetWriter | pacsv.CSVWriter:
        if self._writer is None:
            schema = SCHEMAS[self.table]
            self._writer = (
                pq.ParquetWriter(self.partial, schema)
                if self.fmt == "parquet"
                else pacsv.CSVWriter(self.partial, schema)
            )
        return self._writer

    def close(self) -> Path:
        """Finish the file and move it into place; returns its path."""
        self._open().close()
        os.replace(self.partial, self.path)
        return self.path

    def abort(self) -> None:
        """Drop the partial file."""
        if self._writer is not None:
            self._writer.close()
        self.partial.unlink(missing_ok=True)


def read_table(
    directory: str | os.PathLike, table: str, *, columns: Iterable[str] | None = None
) -> pd.DataFrame:
    """Read ``table`` from an output folder (Parquet or CSV), only ``columns`` if given.

    Raises:
        FileNotFoundError: If the folder has no such table.
    """
    directory = Path(directory)
    wanted = list(columns) if columns is not None else None
    parquet, csv_path = directory / f"{table}.parquet", directory / f"{table}.csv"
    partitions = directory / table
    if parquet.exists() or partitions.is_dir():
        source = parquet if parquet.exists() else partitions
        return pq.read_table(source, columns=wanted, schema=SCHEMAS.get(table)).to_pandas(
            types_mapper=_NULLABLE.get
        )
    if csv_path.exists():
        schema = SCHEMAS.get(table)
        options = (
            # the writer quotes every string: an unquoted empty cell is a missing value, a
            # quoted one an empty string, so a CSV reads back as the Parquet file does
            pacsv.ConvertOptions(
                column_types=schema,
                include_columns=wanted,
                strings_can_be_null=True,
                quoted_strings_can_be_null=False,
            )
            if schema
            else None
        )
        return pacsv.read_csv(csv_path, convert_options=options).to_pandas(types_mapper=_NULLABLE.get)
    raise FileNotFoundError(f"no table {table!r} in {directory}")


def is_missing(value: object) -> bool:
    """True for a missing cell: ``None``, ``NaN`` or ``pd.NA``.

    >>> [is_missing(v) for v in (None, float("nan"), pd.NA, "", 0)]
    [True, True, True, False, False]
    """
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def grouped_rows(
    frame: pd.DataFrame, keys: Sequence[str], columns: Sequence[str]
) -> dict[tuple, list[tuple]]:
    """The rows of ``frame`` grouped by ``keys``, in order of first appearance.

    Each row is a tuple of ``columns``; rows with a missing key are left out, as
    ``DataFrame.groupby`` does. Grouped in plain Python because the corpus tables
    aggregate thousands of small groups, where ``groupby(...).agg`` with Python
    functions spends most of its time building a Series per group.

    >>> frame = pd.DataFrame({"k": ["a", "b", "a", None], "v": [1, 2, 3, 4]})
    >>> grouped_rows(frame, ["k"], ["v"])
    {('a',): [(1,), (3,)], ('b',): [(2,)]}
    """
    groups: dict[tuple, list[tuple]] = {}
    for key, row in zip(zip(*(frame[k].tolist() for k in keys)), zip(*(frame[c].tolist() for c in columns))):
        if not any(is_missing(k) for k in key):
            groups.setdefault(key, []).append(row)
    return groups
