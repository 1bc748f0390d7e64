"""Reliability (issue 18): options, unreadable paths, a lock on --out, the caches, hostile values.

Each test here failed on the main branch before the fix it guards.
"""

from __future__ import annotations

import errno
import json
import os
import pickle
import shutil
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from filelock import FileLock

from helpers.cli import main
from helpers.ingest import load_corpus
from helpers.knowledge import gazetteer
from helpers.nlp import DocCache, build_pipeline
from helpers.run import extract
from helpers.run.output import LOCK, MANIFEST, is_current, output_lock
from helpers.run.row_cache import RowCache
from helpers.tables import SCHEMAS, TableWriter, read_table
from helpers.views.evidence import page_name


@pytest.fixture(scope="module")
def nlp():
    """The project pipeline, built once; in-process CLI runs reuse it."""
    return build_pipeline()


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory) -> Path:
    """One cache folder for the module: the gazetteer index is built once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def fast_cli(nlp, monkeypatch, shared_cache) -> Callable[..., int]:
    """``main(["extract", ...])`` in-process with the module's pipeline and cache."""
    monkeypatch.setattr("helpers.run.lazy_pipeline.build_pipeline", lambda *args, **kwargs: nlp)
    monkeypatch.setenv("SITREP_CACHE", str(shared_cache))
    monkeypatch.setenv("SITREP_PROGRESS", "0")
    return lambda *argv: main(["extract", *map(str, argv)])


# --- item 1: option validation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--batch-size", "0", "must be 1 or more, not 0"),
        ("--processes", "0", "must be 1 or more, not 0"),
        ("--processes", "-3", "must be 1 or more, not -3"),
        ("--batch-size", "many", "'many' is not a whole number"),
    ],
)
def test_bad_counts_are_refused_naming_the_option(tmp_path, capsys, option, value, message):
    """A zero or negative count is a usage error (exit 2) naming the option; nothing is written."""
    (tmp_path / "a.txt").write_text("Ten soldiers were killed in Mosul.\n")
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), option, value])
    assert exit_.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert option in error and message in error
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("option", ["processes", "batch_size", "chunk_articles"])
def test_extract_refuses_counts_below_one(tmp_path, option):
    (tmp_path / "a.txt").write_text("Ten soldiers were killed in Mosul.\n")
    with pytest.raises(ValueError, match=f"{option} must be a whole number of at least 1, not 0"):
        extract(tmp_path / "a.txt", tmp_path / "out", **{option: 0})
    assert not (tmp_path / "out").exists()


# --- item 3: unreadable paths are skipped rows, whatever the depth or name -------------------


@pytest.fixture
def locked(monkeypatch):
    """Folders made unreadable (the tests may run as root, where chmod does not bite).

    ``locked["closed"]``: folders that cannot be listed; ``locked["listed"]``: folders
    that can be listed but not entered (nothing under them can be opened or stat'ed).
    """
    folders: dict[str, set[str]] = {"closed": set(), "listed": set()}
    real_scandir, real_stat, real_open = os.scandir, os.stat, os.open

    def check(path, *, listing: bool = False):
        if isinstance(path, int):  # an open folder's descriptor
            return
        path = os.path.abspath(os.fsdecode(path))
        inside = any(path.startswith(f + os.sep) for f in folders["closed"] | folders["listed"])
        if inside or (listing and path in folders["closed"]):
            raise PermissionError(errno.EACCES, "Permission denied", path)

    def scandir(path="."):
        check(path, listing=True)
        return real_scandir(path)

    def stat(path, *args, **kwargs):
        check(path)
        return real_stat(path, *args, **kwargs)

    def open_(path, *args, **kwargs):
        check(path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "open", open_)
    return folders


def _rows(corpus: Path) -> dict[str, tuple[str, str]]:
    return {a.path: (a.status, a.reason) for a in load_corpus(corpus)}


def test_unreadable_folders_are_skipped_rows(tmp_path, locked):
    """A folder that cannot be listed, and one that can be listed but not entered, each give
    skipped rows naming the path and the reason; the rest of the corpus loads."""
    (tmp_path / "closed" / "deeper").mkdir(parents=True)
    (tmp_path / "closed" / "deeper" / "a.txt").write_text("Ten killed in Mosul.\n")
    (tmp_path / "listed" / "sub").mkdir(parents=True)
    (tmp_path / "listed" / "b.txt").write_text("Two killed in Kirkuk.\n")
    (tmp_path / "listed" / "sub" / "c.txt").write_text("Three killed in Erbil.\n")
    (tmp_path / "ok.txt").write_text("Four killed in Duhok.\n")
    locked["closed"].add(str(tmp_path / "closed"))
    locked["listed"].add(str(tmp_path / "listed"))
    rows = _rows(tmp_path)
    assert rows["ok.txt"] == ("loaded", "")
    assert rows["closed"] == ("skipped", "unreadable folder: Permission denied; its files were not read")
    assert rows["listed/b.txt"] == ("skipped", "unreadable file: Permission denied")
    assert rows["listed/sub"][0] == "skipped"
    assert rows["listed/sub"][1].startswith("unreadable")
    assert len(rows) == 4


def test_unreadable_corpus_root_is_a_skipped_row_and_exit_1(tmp_path, locked, capsys, fast_cli):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Ten killed in Mosul.\n")
    locked["closed"].add(str(tmp_path / "corpus"))
    assert _rows(tmp_path / "corpus") == {
        "corpus": ("skipped", "unreadable folder: Permission denied; its files were not read")
    }
    assert fast_cli(tmp_path / "corpus", "--out", tmp_path / "out") == 1
    captured = capsys.readouterr()
    assert "inputs: 1 = 0 loaded + 1 skipped" in captured.out
    assert "unreadable folder: Permission denied" in captured.err


def test_file_name_not_utf8_loads_with_an_escaped_path(tmp_path, capsys, fast_cli):
    """A name that is not valid UTF-8 neither stops the run nor loses the file."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(os.path.join(os.fsencode(corpus), b"bad\xffname.txt"), "wb") as handle:
        handle.write(b"Ten soldiers were killed in Mosul.\n")
    assert _rows(corpus) == {"bad\\xffname.txt": ("loaded", "")}
    assert fast_cli(corpus, "--out", tmp_path / "out") == 0
    assert "inputs: 1 = 1 loaded + 0 skipped" in capsys.readouterr().out


def test_folders_nested_1200_deep_are_read(tmp_path):
    deep = str(tmp_path)
    for _ in range(1200):  # os.makedirs and Path.mkdir(parents=True) recurse
        deep = os.path.join(deep, "d")
        os.mkdir(deep)
    Path(deep, "a.txt").write_text("Ten soldiers were killed in Mosul.\n")
    try:
        rows = _rows(tmp_path)
    finally:  # shutil.rmtree recurses too: pytest could not remove the folder later
        os.remove(os.path.join(deep, "a.txt"))
        while deep != str(tmp_path):
            os.rmdir(deep)
            deep = os.path.dirname(deep)
    assert list(rows.values()) == [("loaded", "")]
    assert next(iter(rows)).count("/") == 1200


# --- item 4: a lock on --out ----------------------------------------------------------------


def test_second_run_into_one_out_waits_for_the_first(tmp_path, fast_cli, caplog):
    """While a run holds ``--out``, another waits (saying so) and publishes only after it."""
    corpus = tmp_path / "a.txt"
    corpus.write_text("Ten soldiers were killed in Mosul.\n")
    out = tmp_path / "out"
    out.mkdir()
    holder = FileLock(out / LOCK)
    holder.acquire()
    codes: list[int] = []
    second = threading.Thread(target=lambda: codes.append(fast_cli(corpus, "--out", out)))
    try:
        second.start()
        deadline = time.monotonic() + 60
        while "waiting for it to finish" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.05)
        assert f"another extract run is writing {out}" in caplog.text
        time.sleep(0.5)
        assert not (out / MANIFEST).exists()  # nothing published under another run's lock
    finally:
        holder.release()
        second.join(120)
    assert codes == [0]
    assert (out / MANIFEST).exists()


def test_lock_wait_can_time_out_with_a_clear_message(tmp_path):
    holder = FileLock(tmp_path / LOCK)
    holder.acquire()
    try:
        with (
            pytest.raises(TimeoutError, match=f"another extract run is still writing {tmp_path}"),
            output_lock(tmp_path, timeout=0.2),
        ):
            pass
    finally:
        holder.release()
    with output_lock(tmp_path):  # free again
        pass


# --- item 10: a row cache that cannot run code and serves only its own article --------------


def _two_articles(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("Mosul blast\n\nTen soldiers were killed in Mosul on Monday.\n")
    (folder / "b.txt").write_text("Kirkuk attack\n\nThree civilians were wounded in Kirkuk.\n")
    return folder


def _row_cache(nlp) -> RowCache:
    return RowCache.beside(DocCache.for_pipeline(nlp))


def test_planted_pickle_in_the_row_cache_runs_no_code(tmp_path, fast_cli, nlp, caplog):
    corpus = _two_articles(tmp_path / "corpus")
    assert fast_cli(corpus, "--out", tmp_path / "out1") == 0
    marker = tmp_path / "pwned"
    planted = pickle.dumps(_Exploit(str(marker)))
    cache = _row_cache(nlp)
    for article in load_corpus(corpus):
        cache.path(article).write_bytes(zlib.compress(planted))
    assert fast_cli(corpus, "--out", tmp_path / "out2") == 0
    assert not marker.exists()
    assert "discarding row cache entry" in caplog.text and str(cache.directory) in caplog.text
    for table in ("casualties", "mentions"):
        assert read_table(tmp_path / "out1", table).equals(read_table(tmp_path / "out2", table))


class _Exploit:
    """A pickle that creates a file when loaded."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (Path.touch, (Path(self.path),))


def test_row_entry_copied_from_another_article_is_not_served(tmp_path, fast_cli, nlp, caplog):
    corpus = _two_articles(tmp_path / "corpus")
    assert fast_cli(corpus, "--out", tmp_path / "out1") == 0
    cache = _row_cache(nlp)
    a, b = load_corpus(corpus)
    cache.path(b).write_bytes(cache.path(a).read_bytes())  # b's entry now holds a's rows
    assert fast_cli(corpus, "--out", tmp_path / "out2", "--force") == 0
    assert f"discarding row cache entry {cache.path(b)}: key is" in caplog.text
    casualties = read_table(tmp_path / "out2", "casualties")
    assert casualties.equals(read_table(tmp_path / "out1", "casualties"))
    assert set(casualties["article_id"]) == {"a", "b"}
    assert cache.get(b) is not None  # recomputed and stored again


def test_row_entry_is_json_bound_to_text_and_code(tmp_path, fast_cli, nlp):
    corpus = _two_articles(tmp_path / "corpus")
    assert fast_cli(corpus, "--out", tmp_path / "out") == 0
    cache = _row_cache(nlp)
    a = load_corpus(corpus)[0]
    entry = json.loads(zlib.decompress(cache.path(a).read_bytes()))
    assert entry["text_sha256"] == a.text_sha256 and entry["code_version"] == cache.code
    entry["code_version"] = "0" * 16
    cache.path(a).write_bytes(zlib.compress(json.dumps(entry).encode()))
    assert cache.get(a) is None and not cache.path(a).exists()


# --- item 9: the gazetteer index is rebuilt when unreadable; caches are optional -------------


def _no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def quick_build(monkeypatch) -> None:
    """Building an index copies the installation's (two minutes saved)."""

    def copy_index(data_dir: Path, target: Path) -> None:
        shutil.copyfile(gazetteer.default_gazetteer().path, target)

    monkeypatch.setattr(gazetteer, "build_index", copy_index)
    monkeypatch.delenv("SITREP_GAZETTEER", raising=False)  # no prebuilt index to fall back on


@pytest.mark.parametrize("damage", ["empty", "truncated"])
def test_unreadable_gazetteer_index_is_rebuilt(tmp_path, quick_build, damage, caplog):
    good = gazetteer.default_gazetteer().path.read_bytes()
    index = tmp_path / "cache" / gazetteer.default_gazetteer().path.name
    index.parent.mkdir()
    index.write_bytes(b"" if damage == "empty" else good[: len(good) // 2])
    rebuilt = gazetteer.load_gazetteer(cache_dir=index.parent)
    assert f"gazetteer index {index} is unreadable" in caplog.text
    assert rebuilt.lookup("Mosul") and rebuilt.path == index and index.stat().st_size == len(good)


def test_gazetteer_index_that_cannot_be_written_is_done_without(tmp_path, quick_build, monkeypatch, caplog):
    copy_index = gazetteer.build_index

    def full_cache(data_dir: Path, target: Path) -> None:
        if target.parent == tmp_path / "cache":
            raise sqlite3.OperationalError("database or disk is full")
        copy_index(data_dir, target)

    monkeypatch.setattr(gazetteer, "build_index", full_cache)
    built = gazetteer.load_gazetteer(cache_dir=tmp_path / "cache")
    assert built.lookup("Mosul") and built.path.parent != tmp_path / "cache"
    assert "cannot write to the gazetteer index" in caplog.text and str(tmp_path / "cache") in caplog.text


@pytest.mark.parametrize("no_cache", [False, True])
def test_full_cache_is_done_without_with_a_warning(
    tmp_path, fast_cli, shared_cache, monkeypatch, capsys, caplog, no_cache
):
    """A full (or read-only) cache: extract finishes with complete tables and warns, naming the path."""
    corpus = _two_articles(tmp_path / "corpus")
    (corpus / "new.txt").write_text(f"Report {time.time_ns()}\n\nFour were killed in Tikrit.\n")  # not cached
    monkeypatch.setattr("helpers.atomic.write_atomic", _no_space)
    options = ["--no-cache"] if no_cache else []
    assert fast_cli(corpus, "--out", tmp_path / "out", *options) == 0
    assert "inputs: 3 = 3 loaded + 0 skipped" in capsys.readouterr().out
    assert len(read_table(tmp_path / "out", "articles")) == 3
    if not no_cache:
        assert "cannot write to the parse cache" in caplog.text and str(shared_cache) in caplog.text
        assert caplog.text.count("cannot write to the parse cache") == 1  # warned once


# --- item 6: numbers beyond a sane bound are kept as text --------------------------------------


def test_huge_number_is_text_with_a_warning_and_the_run_goes_on(tmp_path, fast_cli, caplog):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Big claims\n\nMore than 9223372036854775807 people were killed in the war, a post said. "
        "Ten soldiers were killed in Mosul on Monday.\n"
    )
    assert fast_cli(corpus, "--out", tmp_path / "out") == 0
    assert "'9223372036854775807' is beyond 100,000,000,000 people" in caplog.text
    casualties = read_table(tmp_path / "out", "casualties")
    assert 10 in set(casualties["low"].dropna())
    assert casualties["low"].dropna().max() <= 10**11


# --- item 8: a CSV run reads back as the Parquet run ---------------------------------------------


def test_csv_tables_read_back_as_the_parquet_tables(tmp_path, fast_cli):
    """Missing values stay missing and empty strings stay empty: the two formats give equal frames."""
    corpus = _two_articles(tmp_path / "corpus")
    (corpus / "feed.jsonl").write_text('{"text": "Five people were wounded in Erbil.", "title": ""}\n')
    assert fast_cli(corpus, "--out", tmp_path / "pq") == 0
    assert fast_cli(corpus, "--out", tmp_path / "csv", "--format", "csv") == 0
    for table in SCHEMAS:
        parquet, csv = read_table(tmp_path / "pq", table), read_table(tmp_path / "csv", table)
        pd.testing.assert_frame_equal(csv, parquet, obj=table)
    places = read_table(tmp_path / "csv", "places")
    assert not (places["place_id"] == "").any()


def test_csv_keeps_missing_apart_from_empty(tmp_path):
    """An unresolved place (no ``place_id``) reads back as missing, not as a blank place."""
    rows = [
        {
            "article_id": "a",
            "start_char": 0,
            "end_char": 5,
            "text": "Zzyzx",
            "place_id": None,
            "canonical": "",
        },
        {"article_id": "a", "start_char": 9, "end_char": 14, "text": "Mosul", "place_id": "gn:99072"},
    ]
    for fmt in ("parquet", "csv"):
        writer = TableWriter(tmp_path / fmt, "place_mentions", fmt=fmt)
        writer.write(rows)
        writer.close()
    parquet, csv = (
        read_table(tmp_path / "parquet", "place_mentions"),
        read_table(tmp_path / "csv", "place_mentions"),
    )
    pd.testing.assert_frame_equal(csv, parquet)
    assert csv["place_id"].isna().tolist() == [True, False]
    assert csv["canonical"].tolist()[0] == ""


# --- item 11: reports --------------------------------------------------------------------------


def test_page_names_are_unique_and_bounded():
    ids = ["x/y", "x_y", "x?y", "a" * 300, "a" * 301, "seed-1"]
    names = [page_name(i) for i in ids]
    assert len(set(names)) == len(ids)
    assert all(len(n.encode()) <= 120 for n in names)
    assert page_name("seed-1") == "seed-1.html"


def test_dollar_signs_in_labels_are_drawn_as_text():
    """An organisation named like a mathtext formula is a label, not a parse error."""
    import matplotlib.pyplot as plt

    import helpers.views  # noqa: F401  (turns mathtext off)

    figure, ax = plt.subplots()
    ax.barh(["Ca$h Mon}$y Brigade", "$x$"], [3, 1])
    ax.set_title("Ca$h Mon}$y Brigade")
    figure.canvas.draw()  # raised ValueError ("Unknown symbol") before
    plt.close(figure)


def test_csv_export_neutralises_formulas_and_parquet_keeps_them(tmp_path):
    from helpers.views.report import _export_csv

    class Tables:
        def read(self, table):
            if table != "actors":
                raise FileNotFoundError(table)
            return pd.DataFrame(
                {"name": ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "ok"], "n": [-1] * 5}
            )

    assert _export_csv(Tables(), tmp_path) == ["actors.csv"]
    exported = pd.read_csv(tmp_path / "actors.csv")
    assert exported["name"].tolist() == ['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)", "ok"]
    assert exported["n"].tolist() == [-1] * 5


# --- item 5: malformed CSV quotes and JSON texts that are not strings ---------------------------


def test_unclosed_csv_quote_is_a_skipped_row_not_a_merged_text(tmp_path):
    rows = 'title,text\nT1,"Ten killed in Mosul.\nT2,Two killed in Kirkuk.\nT3,Three\n'
    (tmp_path / "rows.csv").write_text(rows)
    (article,) = load_corpus(tmp_path)
    assert article.status == "skipped"
    assert article.reason == (
        "malformed CSV: row 1 opens a quote that is never closed; it and the 2 line(s) after it were not read"
    )


@pytest.mark.parametrize(
    ("value", "kind"), [("NaN", "number"), ("true", "boolean"), ("1e309", "number"), ('{"a": 1}', "object")]
)
def test_json_text_that_is_not_a_string_is_skipped(tmp_path, value, kind):
    (tmp_path / "feed.jsonl").write_text(f'{{"text": {value}}}\n{{"text": "Ten killed in Mosul."}}\n')
    first, second = load_corpus(tmp_path)
    assert (first.status, first.reason) == ("skipped", f"line 1: its text field is a JSON {kind}, not text")
    assert second.status == "loaded"


# --- item 2: table files are verified against the manifest -----------------------------------


@pytest.mark.parametrize("damage", ["deleted", "truncated", "edited"])
def test_damaged_table_makes_the_output_stale(tmp_path, fast_cli, capsys, damage):
    corpus = _two_articles(tmp_path / "corpus")
    out = tmp_path / "out"
    assert fast_cli(corpus, "--out", out) == 0
    assert is_current(out, corpus)
    table = out / "casualties.parquet"
    if damage == "deleted":
        table.unlink()
    elif damage == "truncated":
        table.write_bytes(table.read_bytes()[:100])
    else:
        data = bytearray(table.read_bytes())
        data[len(data) // 2] ^= 1
        table.write_bytes(bytes(data))
    assert not is_current(out, corpus)
    capsys.readouterr()
    assert fast_cli(corpus, "--out", out) == 0
    assert "up to date" not in capsys.readouterr().out
    assert is_current(out, corpus) and len(read_table(out, "casualties")) > 0
