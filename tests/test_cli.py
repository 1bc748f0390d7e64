"""The command line: extract writes tables and reuses the cache; errors are one line."""

import subprocess
import sys

import pandas as pd

from helpers import config
from helpers.cli import main


def test_extract_twice_parses_nothing_the_second_time(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    seeds = config.PROJECT_DIR / "seeds"
    assert main(["extract", str(seeds), "--out", str(tmp_path / "out")]) == 0
    first = capsys.readouterr().out
    assert "inputs: 1 = 1 loaded + 0 skipped" in first
    assert "parsed 1 document, 0 from cache" in first
    assert main(["extract", str(seeds), "--out", str(tmp_path / "out")]) == 0
    assert "parsed 0 documents: tables in" in capsys.readouterr().out
    assert main(["extract", str(seeds), "--out", str(tmp_path / "out"), "--force"]) == 0
    assert "parsed 0 documents, 1 from cache" in capsys.readouterr().out
    assert main(["extract", str(seeds), "--out", str(tmp_path / "other")]) == 0
    assert "parsed 0 documents, 1 from cache" in capsys.readouterr().out
    mentions = pd.read_parquet(tmp_path / "out" / "mentions.parquet")
    assert {"article_id", "start_char", "end_char", "text", "label", "sentence"} <= set(mentions)
    assert (tmp_path / "out" / "manifest.json").exists()


def test_extract_csv_format(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    seeds = config.PROJECT_DIR / "seeds"
    assert main(["extract", str(seeds), "--out", str(tmp_path / "o"), "--format", "csv"]) == 0
    articles = pd.read_csv(tmp_path / "o" / "articles.csv")
    assert articles.loc[0, "outlet"] == "Kurdistan 24"


def test_missing_corpus_is_one_line_exit_2(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "helpers", "extract", str(tmp_path / "nope"), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [f"error: corpus not found: {tmp_path / 'nope'}"]


def test_help_lists_commands():
    run = subprocess.run([sys.executable, "-m", "helpers", "--help"], capture_output=True, text=True)
    assert run.returncode == 0
    for command in ("extract", "report", "notebooks"):
        assert command in run.stdout


def test_parse_progress_shows_the_expected_total(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("SITREP_PROGRESS", "1")
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text(
        "".join(f'{{"id": "a{n}", "text": "Two people were hurt in town {n}."}}\n' for n in range(3))
    )
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out")]) == 0
    bar = capsys.readouterr().err
    assert "parsing:   0%|          | 0/3 [" in bar  # a total, so tqdm shows the time left


def test_a_run_whose_rows_are_all_cached_builds_no_pipeline(tmp_path, capsys, monkeypatch):
    from helpers.run import article_cache, lazy_pipeline

    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Gunmen killed three villagers near Kidal on Monday, officials said.")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "first")]) == 0
    first = pd.read_parquet(tmp_path / "first" / "casualties.parquet")

    def no_build(*args, **kwargs):
        raise AssertionError("the pipeline was built although every article's rows were cached")

    def no_load(*args, **kwargs):
        raise AssertionError("the corpus was loaded again although its files are unchanged")

    monkeypatch.setattr(lazy_pipeline, "build_pipeline", no_build)
    monkeypatch.setattr(article_cache, "iter_articles", no_load)
    assert main(["extract", str(corpus), "--out", str(tmp_path / "again")]) == 0
    assert "parsed 0 documents, 1 from cache" in capsys.readouterr().out
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "again" / "casualties.parquet"), first)
    (corpus / "b.txt").write_text("Two soldiers were wounded in a blast in Gao on Tuesday.")
    monkeypatch.undo()
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    assert main(["extract", str(corpus), "--out", str(tmp_path / "grown")]) == 0
    assert "parsed 1 document, 1 from cache" in capsys.readouterr().out
