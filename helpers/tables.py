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

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", S), ("path", S), ("record", I), ("status", S), ("reason", S),
        ("title", S), ("dateline", S), ("outlet", S), ("byline", S), ("date", S), ("url", S),
        ("n_paragraphs", I), ("n_words", I), ("n_repeats", I), ("n_boilerplate", I),
        ("text_sha256", S), ("duplicate_of", S),
    ]),
    "paragraphs": pa.schema([
        ("article_id", S), ("paragraph", I), ("start_char", I), ("end_char", I), ("kind", S),
        ("note", S), ("text", S),
    ]),
    "mentions": pa.schema([
        ("article_id", S), ("paragraph", I), ("sentence_id", I), ("start_char", I),
        ("end_char", I), ("text", S), ("label", S), ("sentence", S),
        ("actor_id", S), ("canonical", S), ("category", S),
        ("place_id", S), ("lat", F), ("lon", F), ("country", S), ("admin1", S),
        ("admin1_code", S), ("place_kind", S),
    ]),
    "person_mentions": pa.schema([
        ("article_id", S), ("start_char", I), ("end_char", I), ("text", S), ("sentence", S),
        ("canonical", S), ("person_id", S), ("rank", S), ("title", S), ("affiliation", S),
        ("role", S), ("mention", S),
    ]),
    "quotes": pa.schema([
        ("article_id", S), ("start_char", I), ("end_char", I), ("speaker", S), ("speaker_id", S),
        ("cue", S), ("quote", S), ("kind", S), ("sentence", S),
    ]),
    "place_mentions": pa.schema([
        ("article_id", S), ("start_char", I), ("end_char", I), ("text", S), ("sentence", S),
        ("label", S), ("role", S), ("place_id", S), ("geonameid", I), ("canonical", S),
        ("kind", S), ("lat", F), ("lon", F), ("country", S), ("admin1", S), ("admin1_code", S),
        ("precision", I), ("resolution", S),
    ]),
    "casualties": pa.schema([
        ("article_id", S), ("start_char", I), ("end_char", I), ("text", S), ("sentence", S),
        ("outcome", S), ("low", I), ("high", I), ("qualifier", S), ("victim", S),
        ("victim_group", S), ("perpetrator", S), ("perpetrator_id", S), ("place_id", S),
        ("place", S), ("admin1", S), ("time", S), ("rule", S), ("confidence", F),
        ("includes_killed", B), ("group", S), ("part_of", S), ("background", B),
        ("excluded", B), ("exclude_reason", S),
    ]),
    "actors": pa.schema([
        ("actor_id", S), ("canonical", S), ("category", S), ("country", S), ("wikidata", S),
        ("aliases_seen", S), ("in_dictionary", B), ("n_mentions", I), ("n_articles", I),
    ]),
    "persons": pa.schema([
        ("person_id", S), ("canonical", S), ("rank", S), ("title", S), ("affiliation", S),
        ("role", S), ("variants", S), ("n_mentions", I), ("n_articles", I),
    ]),
    "casualty_totals": pa.schema([
        ("article_id", S), ("outcome", S), ("best", I), ("low", I), ("high", I),
        ("n_figures", I), ("rows", S), ("place_id", S), ("admin1", S),
    ]),
    "incidents": pa.schema([
        ("incident_id", S), ("outcome", S), ("place_key", S), ("date_first", S), ("date_last", S),
        ("n_articles", I), ("article_ids", S), ("bests", S), ("acled_best", I), ("ucdp_low", I),
        ("ucdp_best", I), ("ucdp_high", I), ("conflict", B),
    ]),
    "places": pa.schema([
        ("place_id", S), ("canonical", S), ("geonameid", I), ("kind", S), ("lat", F), ("lon", F),
        ("admin1", S), ("admin1_code", S), ("country", S), ("precision", I), ("n_mentions", I),
        ("n_articles", I),
    ]),
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
        column.name: pa.array(frame[column.name] if column.name in frame else [None] * len(frame),
                              type=column.type, from_pandas=True)
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

    def __init__(self, directory: Path, table: str, *, fmt: str = "parquet",
                 schema: str | None = None) -> None:
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
            self._writer = (pq.ParquetWriter(self.partial, schema) if self.fmt == "parquet"
                            else pacsv.CSVWriter(self.partial, schema))
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


def read_table(directory: str | os.PathLike, table: str, *,
               columns: Iterable[str] | None = None) -> pd.DataFrame:
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
            types_mapper=_NULLABLE.get)
    if csv_path.exists():
        schema = SCHEMAS.get(table)
        options = pacsv.ConvertOptions(column_types=schema, include_columns=wanted,
                                       strings_can_be_null=False) if schema else None
        return pacsv.read_csv(csv_path, convert_options=options).to_pandas(
            types_mapper=_NULLABLE.get)
    raise FileNotFoundError(f"no table {table!r} in {directory}")


def is_missing(value: object) -> bool:
    """True for a missing cell: ``None``, ``NaN`` or ``pd.NA``.

    >>> [is_missing(v) for v in (None, float("nan"), pd.NA, "", 0)]
    [True, True, True, False, False]
    """
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def grouped_rows(frame: pd.DataFrame, keys: Sequence[str],
                 columns: Sequence[str]) -> dict[tuple, list[tuple]]:
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
    for key, row in zip(zip(*(frame[k].tolist() for k in keys)),
                        zip(*(frame[c].tolist() for c in columns))):
        if not any(is_missing(k) for k in key):
            groups.setdefault(key, []).append(row)
    return groups
