"""A warm re-run: the article cache reads a loaded corpus back, the corpus-table cache the corpus
tables, each giving what loading or aggregating again would give."""

from __future__ import annotations

import logging
import subprocess
import sys

import pandas as pd
import pytest

from helpers import config
from helpers.cli import main
from helpers.ingest import load_corpus
from helpers.run import article_cache
from helpers.run.article_cache import ArticleCache

#: A story long enough to be compared (more than 25 words), written for these tests.
STORY = (
    "Gunmen attacked a checkpoint on the road north of Kidal early on Monday, killing three soldiers "
    "and wounding five others, the army said in a statement. The attackers fled on motorbikes towards "
    "the border, and a search was under way, officials said."
)


@pytest.fixture
def corpus(tmp_path):
    """A folder with a dateline, a duplicate, a near duplicate, records and a skipped input."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Soldiers killed near Kidal\n\nKIDAL, Mali (AP) — {STORY}\n")
    (folder / "b.txt").write_text(f"Soldiers killed near Kidal\n\nKIDAL, Mali (AP) — {STORY}\n")
    (folder / "c.txt").write_text(f"Three soldiers killed near Kidal\n\n{STORY} More later.\n")
    (folder / "feed.jsonl").write_text(
        '{"id": "r1", "title": "Blast in Gao", "text": "Two people were hurt in Gao.", "date": "2024-03-05"}'
        "\n"
        "not json\n"
    )
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00binary")
    return folder


def read_twice(cache: ArticleCache, corpus, monkeypatch) -> tuple[list, list]:
    """The articles of a first run (loaded, stored) and of a second (read back, never loaded)."""
    first = list(cache.articles(corpus))

    def no_load(*args, **kwargs):
        raise AssertionError("the corpus was loaded again")

    monkeypatch.setattr(article_cache, "iter_articles", no_load)
    again = list(cache.articles(corpus))
    monkeypatch.undo()
    return first, again


def test_articles_read_back_are_the_loaded_ones(tmp_path, corpus, monkeypatch):
    first, again = read_twice(ArticleCache(tmp_path / "cache"), corpus, monkeypatch)
    loaded = load_corpus(corpus)
    assert [repr(a) for a in first] == [repr(a) for a in again] == [repr(a) for a in loaded]
    by_id = {a.article_id: a for a in again}
    assert by_id["b"].duplicate_of == "a"
    assert by_id["c"].near_duplicate_of == "a"
    assert by_id["a"].dateline_span is not None and isinstance(by_id["a"].dateline_span, tuple)
    assert sum(not a.loaded for a in again) == 2  # the bad JSON line and the picture


def test_a_changed_file_is_loaded_again(tmp_path, corpus):
    cache = ArticleCache(tmp_path / "cache")
    list(cache.articles(corpus))
    (corpus / "c.txt").write_text("Another story\n\nTwo soldiers were wounded in Gao.\n")
    again = {a.article_id: a for a in cache.articles(corpus)}
    assert again["c"].text.startswith("Another story")
    assert again["c"].near_duplicate_of == ""
    assert len(list((tmp_path / "cache").glob("*.jsonl.z"))) == 2


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_entry_is_dropped_and_the_articles_still_come(tmp_path, corpus, caplog, damage):
    cache = ArticleCache(tmp_path / "cache")
    expected = [repr(a) for a in cache.articles(corpus)]
    (entry,) = (tmp_path / "cache").glob("*.jsonl.z")
    data = entry.read_bytes()
    entry.write_bytes(b"not zlib" if damage == "garbage" else data[: len(data) // 2])
    with caplog.at_level(logging.WARNING):
        assert [repr(a) for a in cache.articles(corpus)] == expected
    assert "discarding article cache entry" in caplog.text
    assert not entry.exists()


def test_an_interrupted_run_stores_nothing(tmp_path, corpus):
    cache = ArticleCache(tmp_path / "cache")
    articles = cache.articles(corpus)
    next(articles)
    articles.close()
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_cache_that_cannot_be_written_is_done_without(tmp_path, corpus, caplog):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    cache = ArticleCache(blocked / "articles")
    with caplog.at_level(logging.WARNING):
        assert [repr(a) for a in cache.articles(corpus)] == [repr(a) for a in load_corpus(corpus)]
    assert "cannot write to the article cache" in caplog.text
    assert not cache.writable


def test_starting_the_command_line_imports_no_scipy():
    """SciPy (through datasketch, about a second) is imported only when an article is MinHashed."""
    code = "import sys, helpers.cli; print(sorted({'datasketch', 'scipy'} & set(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=config.PROJECT_DIR, check=True
    )
    assert out.stdout.strip() == "[]"


def test_corpus_tables_are_copied_when_the_article_tables_are_the_same(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("SITREP_PROGRESS", "0")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Gunmen killed three villagers near Kidal on Monday, officials said.")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "first")]) == 0

    def no_aggregate(*args, **kwargs):
        raise AssertionError("the corpus tables were built again from the same article tables")

    monkeypatch.setattr("helpers.run.stream.corpus_tables", no_aggregate)
    assert main(["extract", str(corpus), "--out", str(tmp_path / "again")]) == 0
    for table in ("actors", "places", "casualty_totals", "incidents", "events"):
        first = pd.read_parquet(tmp_path / "first" / f"{table}.parquet")
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "again" / f"{table}.parquet"), first)
    monkeypatch.undo()
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("SITREP_PROGRESS", "0")
    (stored,) = (tmp_path / "cache" / "corpus-tables").glob("*/*/casualty_totals.parquet")
    stored.write_bytes(b"damaged")
    with caplog.at_level(logging.WARNING):
        assert main(["extract", str(corpus), "--out", str(tmp_path / "third"), "--force"]) == 0
    assert "discarding corpus-table cache entry" in caplog.text
    totals = pd.read_parquet(tmp_path / "first" / "casualty_totals.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "third" / "casualty_totals.parquet"), totals)
