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


def _schema(spec: str) -> pa.Schema:
    """A schema from ``name:type`` words (``s`` string, ``i`` int64, ``f`` float64, ``b`` bool).

    >>> _schema("article_id:s low:i").names
    ['article_id', 'low']
    """
    types = {"s": STR, "i": INT, "f": FLOAT, "b": BOOL}
    return pa.schema([(name, types[kind]) for name, kind in (word.split(":") for word in spec.split())])


SCHEMAS: dict[str, pa.Schema] = {
    "articles": _schema(
        "article_id:s path:s record:i status:s reason:s title:s dateline:s outlet:s byline:s date:s "
        "published:s url:s n_paragraphs:i n_words:i n_repeats:i n_boilerplate:i n_pages:i text_sha256:s "
        "duplicate_of:s near_duplicate_of:s near_duplicate_similarity:f"
    ),
    "paragraphs": _schema("article_id:s paragraph:i start_char:i end_char:i kind:s note:s page:i text:s"),
    "mentions": _schema(
        "article_id:s paragraph:i sentence_id:i start_char:i end_char:i text:s label:s sentence:s "
        "actor_id:s canonical:s category:s place_id:s lat:f lon:f country:s admin1:s admin1_code:s "
        "place_kind:s"
    ),
    "person_mentions": _schema(
        "article_id:s start_char:i end_char:i text:s sentence:s canonical:s person_id:s rank:s title:s "
        "affiliation:s role:s mention:s"
    ),
    "quotes": _schema(
        "article_id:s start_char:i end_char:i speaker:s speaker_id:s cue:s quote:s kind:s sentence:s"
    ),
    "place_mentions": _schema(
        "article_id:s start_char:i end_char:i text:s sentence:s label:s role:s place_id:s geonameid:i "
        "canonical:s kind:s lat:f lon:f country:s admin1:s admin1_code:s precision:i resolution:s"
    ),
    "casualties": _schema(
        "article_id:s start_char:i end_char:i text:s sentence:s outcome:s low:i high:i qualifier:s "
        "victim:s victim_group:s victim_side:s perpetrator:s perpetrator_id:s place_id:s place:s admin1:s "
        "time:s rule:s confidence:f includes_killed:b group:s part_of:s scope:s scope_cue:s "
        "scope_reason:s superseded_by:s excluded:b exclude_reason:s"
    ),
    "actors": _schema(
        "actor_id:s canonical:s category:s country:s wikidata:s aliases_seen:s in_dictionary:b "
        "n_mentions:i n_articles:i"
    ),
    "persons": _schema(
        "person_id:s canonical:s rank:s title:s affiliation:s role:s variants:s n_mentions:i n_articles:i"
    ),
    "casualty_totals": _schema(
        "article_id:s outcome:s best:i low:i high:i armed_groups:i n_figures:i n_restatements:i "
        "needs_review:b review_reason:s rows:s copies:s place_id:s admin1:s"
    ),
    "incidents": _schema(
        "incident_id:s outcome:s place_key:s date_first:s date_last:s n_articles:i article_ids:s bests:s "
        "acled_best:i ucdp_low:i ucdp_best:i ucdp_high:i conflict:b"
    ),
    "event_reports": _schema(
        "article_id:s report:i start_char:i end_char:i sentence:s figures:s evidence:s event_date:s "
        "time_precision:i date_phrase:s date_reason:s date_of_act:b disorder_type:s event_type:s "
        "sub_event_type:s type_cue:s actor1_id:s actor1:s inter1:i assoc_actor_1:s actor2_id:s actor2:s "
        "inter2:i assoc_actor_2:s interaction:i victim_sides:s country:s iso:s admin1:s admin2:s location:s "
        "place_id:s latitude:f longitude:f geo_precision:i site:s site_span:s source:s source_url:s notes:s "
        "addresses:s excluded:b exclude_reason:s"
    ),
    "events": _schema(
        "event_id:s event_date:s year:i time_precision:i disorder_type:s event_type:s sub_event_type:s "
        "actor1:s assoc_actor_1:s inter1:i actor2:s assoc_actor_2:s inter2:i interaction:i "
        "civilian_targeting:s iso:s country:s admin1:s admin2:s location:s latitude:f longitude:f "
        "geo_precision:i source:s notes:s fatalities:i actor1_id:s actor2_id:s deaths_low:i deaths_best:i "
        "deaths_high:i deaths_civilians:i deaths_security_forces:i deaths_armed_groups:i deaths_unknown:i "
        "injured_low:i injured_best:i injured_high:i kidnapped:i arrested:i "
        "fatalities_range:s n_sources:i n_reports:i conflict:b competing:s source_urls:s article_ids:s "
        "reports:s evidence:s sentences:s site:s addresses:s date_phrase:s date_reason:s place_reason:s"
    ),
    "events_ged": _schema(
        "id:s year:i type_of_violence:i side_a:s side_b:s where_prec:i latitude:f longitude:f country:s "
        "adm_1:s adm_2:s where_coordinates:s where_description:s date_start:s date_end:s date_prec:i "
        "deaths_a:i deaths_b:i deaths_civilians:i deaths_unknown:i best:i high:i low:i number_of_sources:i "
        "source_article:s"
    ),
    "places": _schema(
        "place_id:s canonical:s geonameid:i kind:s lat:f lon:f admin1:s admin1_code:s country:s "
        "precision:i n_mentions:i n_articles:i"
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


def offset_spans(value: str | None) -> list[tuple[int, int]]:
    """The ``(start, end)`` pairs of an offsets column (``evidence``, ``figures``: ``start-end;…``).

    >>> offset_spans("0-40;41-80"), offset_spans("")
    ([(0, 40), (41, 80)], [])
    """
    spans = []
    for part in (value or "").split(";"):
        if part:
            start, end = part.split("-")
            spans.append((int(start), int(end)))
    return spans


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
