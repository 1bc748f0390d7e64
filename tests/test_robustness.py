"""Faults and hostile input: interrupted and concurrent runs, full disks, bad files, huge files.

Whatever happens, a run either publishes complete tables with ``manifest.json``
written last, or leaves the previous output (or none) and says why in one line;
every input file or record is accounted for as loaded or skipped.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest

import helpers.run.local
from helpers import config
from helpers.cli import main
from helpers.ingest import decode_bytes, iter_articles, load_corpus
from helpers.nlp import DocCache, ParseStats, build_pipeline, parse, parse_articles
from helpers.run.output import LOCK, MANIFEST, is_current
from helpers.tables import SCHEMAS, read_table

N_ARTICLES = 40
#: Every table a local ``extract`` run writes.
TABLES = sorted(SCHEMAS)


@pytest.fixture(scope="module")
def nlp():
    """The project pipeline, built once; in-process CLI runs reuse it."""
    return build_pipeline()


@pytest.fixture
def fast_cli(nlp, monkeypatch, tmp_path) -> Callable[..., int]:
    """``main`` in-process with the module's pipeline and a private cache."""
    monkeypatch.setattr("helpers.run.lazy_pipeline.build_pipeline", lambda *args, **kwargs: nlp)
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("SITREP_PROGRESS", "0")
    return lambda *argv: main(["extract", *map(str, argv)])


@pytest.fixture(scope="module")
def corpus40(tmp_path_factory) -> Path:
    """Forty short, distinct articles: enough work for a run to be caught mid-way."""
    folder = tmp_path_factory.mktemp("corpus40")
    for n in range(N_ARTICLES):
        paragraphs = [
            f"Clashes near village {n}",
            f"MOSUL, Iraq (Reuters) - {n + 3} soldiers were killed and {n + 5} civilians "
            f"wounded near Kirkuk on day {n}, the Iraqi army said.",
            f'"We will respond to attack {n}," said Brig. Gen. Yahya Rasool, adding that '
            f"Islamic State fighters had kidnapped {n + 2} shepherds near Hawija.",
            f"Peshmerga forces in Erbil said {n + 1} of their members were missing.",
        ]
        (folder / f"a{n:02d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


def _cli_process(corpus: Path, out: Path, cache: Path) -> subprocess.Popen:
    """``python -m helpers extract`` in a subprocess, one document per ``nlp.pipe`` batch.

    SIGINT is reset to its default in the child: a shell may start background jobs
    with SIGINT ignored, and Python then never raises KeyboardInterrupt.
    """
    env = {**os.environ, "SITREP_CACHE": str(cache), "SITREP_PROGRESS": "0"}
    return subprocess.Popen(
        [sys.executable, "-m", "helpers", "extract", str(corpus), "--out", str(out), "--batch-size", "1"],
        cwd=config.PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _cache_entries(cache: Path) -> list[Path]:
    return list((cache / "docs").glob("*/*/*.spacy"))


def _wait_mid_run(process: subprocess.Popen, cache: Path, *, entries: int = 3) -> None:
    """Return once ``process`` has cached ``entries`` documents and is still running."""
    deadline = time.monotonic() + 180
    while len(_cache_entries(cache)) < entries:
        assert process.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline, "the run never started parsing"
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be interrupted"


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    """Every table of ``out``, rows sorted, for comparing two runs."""
    frames = {}
    for table in TABLES:
        frame = read_table(out, table)
        frames[table] = frame.sort_values(list(frame.columns), ignore_index=True)
    return frames


def _accounting(output: str) -> tuple[int, int, int]:
    line = next(line for line in output.splitlines() if line.startswith("inputs: "))
    total, rest = line.removeprefix("inputs: ").split(" = ")
    loaded, skipped = rest.replace(" loaded", "").replace(" skipped", "").split(" + ")
    return int(total), int(loaded), int(skipped)


def _from_cache(output: str) -> int:
    line = next(line for line in output.splitlines() if line.startswith("parsed "))
    return int(line.split(", ")[1].split()[0])


# --- interrupted runs -----------------------------------------------------------------------


def test_sigint_keeps_the_old_output_and_the_rerun_uses_the_cache(corpus40, tmp_path, fast_cli, capsys):
    """Ctrl-C mid-run: exit 130, old manifest and tables untouched, no staging left."""
    old_corpus = tmp_path / "old"
    old_corpus.mkdir()
    (old_corpus / "one.txt").write_text("Old title\n\nTwo soldiers were killed in Mosul.\n")
    out = tmp_path / "out"
    assert fast_cli(old_corpus, "--out", out) == 0
    old_manifest = (out / MANIFEST).read_bytes()
    capsys.readouterr()

    cache = tmp_path / "cache"  # shared with fast_cli, which cached one.txt
    process = _cli_process(corpus40, out, cache)
    _wait_mid_run(process, cache, entries=len(_cache_entries(cache)) + 3)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == "interrupted; no partial table was left in place"
    assert (out / MANIFEST).read_bytes() == old_manifest
    assert read_table(out, "articles")["path"].tolist() == ["one.txt"]
    assert not list(out.glob(".staging-*"))

    assert fast_cli(corpus40, "--out", out) == 0
    rerun = capsys.readouterr().out
    assert _accounting(rerun) == (N_ARTICLES, N_ARTICLES, 0)
    assert _from_cache(rerun) >= 3
    assert json.loads((out / MANIFEST).read_text())["inputs"]["total"] == N_ARTICLES


def test_sigkill_leaves_nothing_a_rerun_trusts(corpus40, tmp_path, fast_cli, capsys):
    """A killed run leaves no manifest; its staging folder is ignored by the rerun."""
    out, cache = tmp_path / "out", tmp_path / "cache"
    process = _cli_process(corpus40, out, cache)
    _wait_mid_run(process, cache)
    process.kill()
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert not (out / MANIFEST).exists()
    assert not is_current(out, corpus40)
    assert not any((out / f"{table}.parquet").exists() for table in TABLES)
    assert list(out.glob(".staging-*")), "a killed run cannot clean up: the test needs leftovers"

    assert fast_cli(corpus40, "--out", out) == 0
    rerun = capsys.readouterr().out
    assert _accounting(rerun) == (N_ARTICLES, N_ARTICLES, 0)
    assert _from_cache(rerun) >= 3
    assert "corrupt" not in rerun  # every cache entry the killed run left is whole
    assert is_current(out, corpus40)
    assert len(read_table(out, "articles")) == N_ARTICLES


def test_rerun_cleans_staging_left_by_a_killed_run(tmp_path, fast_cli, capsys):
    """A ``.staging-<pid>`` of a dead process is removed by the next run."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title\n\nTen soldiers were killed in Mosul.\n")
    out = tmp_path / "out"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    leftover = out / f".staging-{dead.stdout.strip()}"
    (leftover / "articles.parquet").mkdir(parents=True)
    assert fast_cli(corpus, "--out", out) == 0
    assert not leftover.exists()


def test_corpus_is_read_once_in_input_order(tmp_path, nlp):
    """One pass over the source: parsed, cached and skipped articles come back in input order."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(f"Title {name}\n\nTen soldiers died in Mosul.\n")
    (corpus / "d.txt").write_bytes(b"")
    cache = DocCache.for_pipeline(nlp, tmp_path / "cache")
    list(parse_articles(lambda: iter_articles(corpus / "b.txt"), nlp, cache=cache, progress=False))
    passes = 0

    def source() -> Iterator:
        nonlocal passes
        passes += 1
        return iter_articles(corpus)

    stats = ParseStats()
    rows = [
        (a.article_id, a.status, doc is not None)
        for a, doc in parse_articles(source, nlp, cache=cache, progress=False, stats=stats)
    ]
    assert passes == 1
    assert rows == [
        ("a", "loaded", True),
        ("b", "loaded", True),
        ("c", "loaded", True),
        ("d", "skipped", False),
    ]
    assert (stats.parsed, stats.cached, stats.skipped) == (2, 1, 1)


# --- concurrent runs ------------------------------------------------------------------------


def test_two_concurrent_runs_share_a_cache(corpus40, tmp_path):
    """Two extract processes on one corpus and one cache both finish with identical tables."""
    cache = tmp_path / "cache"
    runs = [_cli_process(corpus40, tmp_path / f"out{n}", cache) for n in (1, 2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (stdout, stderr) in zip(runs, outputs):
        assert run.returncode == 0, stderr
        assert _accounting(stdout) == (N_ARTICLES, N_ARTICLES, 0)
    first, second = _tables(tmp_path / "out1"), _tables(tmp_path / "out2")
    for table in TABLES:
        pd.testing.assert_frame_equal(first[table], second[table], obj=table)
    assert len(_cache_entries(cache)) == N_ARTICLES
    assert not list(cache.rglob("*.tmp"))


# --- disks that refuse to be written --------------------------------------------------------


@pytest.mark.parametrize("kind", ["parent is a file", "out is a file"])
def test_unwritable_output_is_one_line_exit_2(tmp_path, fast_cli, capsys, kind):
    """An output folder that cannot be created fails cleanly, also as root."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title\n\nTen soldiers were killed in Mosul.\n")
    blocker = tmp_path / "blocker"
    blocker.write_text("a regular file")
    out = blocker / "out" if kind == "parent is a file" else blocker
    assert fast_cli(corpus, "--out", out) == 2
    captured = capsys.readouterr()
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("error: ") and str(blocker) in line
    assert captured.out == ""
    assert blocker.read_text() == "a regular file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder_is_one_line_exit_2(tmp_path, fast_cli, capsys):
    """A read-only output folder (non-root only) fails cleanly."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title\n\nTen soldiers were killed in Mosul.\n")
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        assert fast_cli(corpus, "--out", out) == 2
    finally:
        out.chmod(0o755)
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("error: ") and "Permission denied" in line


def _no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(
    "target",
    [
        "helpers.tables.TableWriter.write",
        "helpers.run.output.write_json",
    ],
)
def test_full_disk_is_one_line_exit_2_and_publishes_nothing(tmp_path, fast_cli, capsys, monkeypatch, target):
    """ENOSPC while writing tables or the manifest: exit 2, nothing trusted (a full cache is
    done without: ``test_reliability.py::test_full_cache_is_done_without_with_a_warning``)."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title\n\nTen soldiers were killed in Mosul.\n")
    (corpus / "b.txt").write_text("Title\n\nThree civilians were wounded in Kirkuk.\n")
    out = tmp_path / "out"
    monkeypatch.setattr(target, _no_space)
    assert fast_cli(corpus, "--out", out) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == "error: [Errno 28] No space left on device"
    assert not (out / MANIFEST).exists()
    assert not is_current(out, corpus)
    assert not list(out.glob("*.partial")) and not list(out.glob("*/.*.partial"))
    if target != "helpers.run.output.write_json":  # failed before publishing
        assert [p.name for p in out.iterdir()] == [LOCK]  # the lock file, and nothing else


def test_full_disk_keeps_the_previous_output(tmp_path, fast_cli, capsys, monkeypatch):
    """A run that fails on a full disk leaves the previous complete output as it was."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title\n\nTen soldiers were killed in Mosul.\n")
    out = tmp_path / "out"
    assert fast_cli(corpus, "--out", out) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (corpus / "b.txt").write_text("Title\n\nThree civilians were wounded in Kirkuk.\n")
    monkeypatch.setattr("helpers.tables.TableWriter.write", _no_space)
    assert fast_cli(corpus, "--out", out) == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


# --- bad inputs -----------------------------------------------------------------------------


def _timeout(signum: int, frame: object) -> None:
    raise TimeoutError("extract hung (reading a FIFO?)")


def test_corpus_of_bad_files_is_accounted_for(tmp_path, fast_cli, capsys):
    """Every bad input is a skipped row with its reason; the CLI prints the accounting."""
    corpus = tmp_path / "bad"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "good.txt").write_text("Title\n\nTen soldiers were killed in Mosul.\n")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "bom-only.md").write_bytes(b"\xef\xbb\xbf \n")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    (corpus / "cp1252.txt").write_bytes("Title\n\nCafé bombing: “ten” killed.".encode("cp1252"))
    (corpus / "feed.jsonl").write_bytes(
        b'{"text": "Two soldiers died in Kirkuk."}\n{oops\n[1, 2]\n{"url": "http://e/no-text"}\n'
    )
    (corpus / "notext.csv").write_text("headline,body_html\nA,B\n")
    (corpus / "rows.csv").write_text('text,title\n"Line one\nline two in Mosul",T\n')
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (corpus / "loop.txt").symlink_to("loop.txt")
    (corpus / "sub" / "up").symlink_to("..", target_is_directory=True)
    (corpus / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(corpus / "pipe.txt")
    expected = {  # path -> reasons of its rows (one per record)
        "good.txt": [""],
        "empty.txt": ["empty file"],
        "bom-only.md": ["empty file"],
        "binary.txt": ["binary file"],
        "cp1252.txt": ["warning: not UTF-8; decoded as cp1252, 0 bytes replaced with U+FFFD"],
        "feed.jsonl": [
            "",
            "malformed JSON at line 2",
            "line 3 is a JSON list, not an object",
            "record 4 has an empty text field",
        ],
        "notext.csv": ["CSV has no text column"],
        "rows.csv": [""],
        "photo.jpg": ["unsupported file type .jpg"],
        "loop.txt": ["unreadable file: Too many levels of symbolic links"],
        "sub/up": ["symlinked folder not followed"],
        "dangling.txt": ["unreadable file: No such file or directory"],
        "pipe.txt": ["not a regular file"],
    }
    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(120)
    try:
        assert fast_cli(corpus, "--out", tmp_path / "out") == 0
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    n_rows = sum(len(reasons) for reasons in expected.values())
    n_loaded = 4
    assert _accounting(capsys.readouterr().out) == (n_rows, n_loaded, n_rows - n_loaded)
    articles = read_table(tmp_path / "out", "articles")
    assert sorted(set(articles["path"])) == sorted(expected)
    for path, reasons in expected.items():
        found = articles[articles["path"] == path].sort_values("record", na_position="first")
        assert len(found) == len(reasons), path
        for reason, row in zip(reasons, found.itertuples()):
            assert row.reason.startswith(reason) if reason else row.reason == "", (path, row)
    assert (articles["status"] == "loaded").sum() == n_loaded


# --- input limits ---------------------------------------------------------------------------


def test_twenty_megabyte_text_file_loads(tmp_path):
    """A 20 MB .txt of many paragraphs loads whole, in seconds (repeat detection stays linear)."""
    paragraph = (
        "Paragraph {n}: ten soldiers were killed near Mosul and the army said militants "
        "attacked checkpoint {n} before dawn, officials reported on condition of anonymity."
    )
    text = "Title\n\n" + "\n\n".join(paragraph.format(n=n) for n in range(120_000))
    assert len(text) > 20_000_000
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    started = time.monotonic()
    (article,) = load_corpus(tmp_path)
    assert time.monotonic() - started < 60
    assert article.loaded and article.text == text
    assert len(article.paragraphs) == 120_001


def test_long_document_is_parsed_in_pieces(tmp_path, nlp):
    """Past ``nlp.max_length``: parsed at paragraph breaks, joined, offsets intact, cached."""
    text = "Title\n\n" + "\n\n".join(f"Ten soldiers were killed in Mosul on day {n}." for n in range(30))
    (tmp_path / "long.txt").write_text(text)
    articles = load_corpus(tmp_path)
    cache = DocCache.for_pipeline(nlp, tmp_path / "cache")
    limit, nlp.max_length = nlp.max_length, 200
    try:
        for expected in ((1, 0), (0, 1)):  # parsed, then read back from the cache
            stats = ParseStats()
            ((_, doc),) = parse_articles(articles, nlp, cache=cache, progress=False, stats=stats)
            assert (stats.parsed, stats.cached) == expected
            assert doc.text == text
            assert [e.start_char for e in doc.ents if e.text == "Mosul"] == [
                m for m in range(len(text)) if text.startswith("Mosul", m)
            ]
            assert all(t.is_sent_start for t in doc if t.i and "\n" in doc[t.i - 1].text_with_ws)
    finally:
        nlp.max_length = limit


def test_pieces_of_a_long_document_fill_batches_of_bounded_size(tmp_path, nlp, monkeypatch):
    """No ``nlp.pipe`` batch holds more than ``BATCH_CHARS``; the docs keep no tok2vec tensor."""
    text = "Title\n\n" + "\n\n".join(f"Ten soldiers were killed in Mosul on day {n}." for n in range(60))
    (tmp_path / "long.txt").write_text(text)
    articles = load_corpus(tmp_path)
    batches: list[int] = []
    pipe = nlp.pipe

    def recording_pipe(texts, **kwargs):
        texts = list(texts)
        batches.append(sum(map(len, texts)))
        return pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", recording_pipe)
    monkeypatch.setattr(parse, "PIECE_CHARS", 200)
    monkeypatch.setattr(parse, "BATCH_CHARS", 700)
    ((_, doc),) = parse_articles(articles, nlp, progress=False)
    assert doc.text == text
    assert len(batches) > 1 and max(batches) <= 700 and sum(batches) == len(text)
    assert doc.tensor.size == 0


@pytest.mark.parametrize(
    "data, text, warning",
    [
        ("\ufeffTitle\n\nBody".encode("utf-8"), "Title\n\nBody", ""),
        ("Title\n\nBody".encode("utf-16"), "Title\n\nBody", ""),
        (b"\xfe\xff" + "Title\n\nBody".encode("utf-16-be"), "Title\n\nBody", ""),
        (
            "Café «ten» killed".encode("cp1252"),
            "Café «ten» killed",
            "warning: not UTF-8; decoded as cp1252, 0 bytes replaced with U+FFFD",
        ),
        (
            b"caf\xe9 \x81",
            "café \ufffd",
            "warning: not UTF-8; decoded as cp1252, 1 byte replaced with U+FFFD",
        ),
        (
            "قتل عشرة جنود في الموصل".encode("cp1256"),
            "قتل عشرة جنود في الموصل",
            "warning: not UTF-8; decoded as cp1256, 0 bytes replaced with U+FFFD",
        ),
        (
            "Erbil — أربيل, 3 killed".encode() + b"\xff",
            "Erbil — أربيل, 3 killed\ufffd",
            "warning: 1 undecodable byte replaced with U+FFFD",
        ),
    ],
)
def test_encodings_are_detected(data, text, warning):
    """BOM, then UTF-8, then cp1256 (Arabic-looking bytes) or cp1252; the warning says which."""
    assert decode_bytes(data) == (text, warning)


# --- extracted rows reused --------------------------------------------------------------------


def _row_entries(cache: Path) -> list[Path]:
    return list((cache / "rows").glob("*/*/*/*.json.z"))


def test_rerun_reads_rows_not_docs(corpus40, tmp_path, fast_cli, capsys):
    """A forced re-run takes each article's rows from the cache: it needs no parsed doc."""
    assert fast_cli(corpus40, "--out", tmp_path / "out1") == 0
    cache = tmp_path / "cache"
    assert len(_row_entries(cache)) == N_ARTICLES
    for entry in _cache_entries(cache):
        entry.unlink()  # without docs, only the row cache can serve this run
    capsys.readouterr()
    assert fast_cli(corpus40, "--out", tmp_path / "out2") == 0
    assert f"parsed 0 documents, {N_ARTICLES} from cache" in capsys.readouterr().out
    first, second = _tables(tmp_path / "out1"), _tables(tmp_path / "out2")
    for table in TABLES:
        pd.testing.assert_frame_equal(first[table], second[table], obj=table)


def test_grown_corpus_extracts_only_new_articles(corpus40, tmp_path, fast_cli, capsys):
    """Adding an article re-extracts that one; the tables equal a run from scratch."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    for path in sorted(corpus40.glob("*.txt"))[:5]:
        (corpus / path.name).write_bytes(path.read_bytes())
    assert fast_cli(corpus, "--out", tmp_path / "out") == 0
    (corpus / "new.txt").write_text("Blast in Kirkuk\n\nTwo policemen were wounded in Kirkuk.\n")
    capsys.readouterr()
    assert fast_cli(corpus, "--out", tmp_path / "out") == 0
    assert "parsed 1 document, 5 from cache" in capsys.readouterr().out
    casualties = read_table(tmp_path / "out", "casualties")
    assert (
        (casualties["article_id"] == "new") & (casualties["outcome"] == "injured") & (casualties["low"] == 2)
    ).any()
    for entry in _row_entries(tmp_path / "cache"):
        entry.unlink()
    for entry in _cache_entries(tmp_path / "cache"):
        entry.unlink()
    assert fast_cli(corpus, "--out", tmp_path / "scratch") == 0
    grown, scratch = _tables(tmp_path / "out"), _tables(tmp_path / "scratch")
    for table in TABLES:
        pd.testing.assert_frame_equal(grown[table], scratch[table], obj=table)


def test_corrupt_row_entry_is_recomputed(corpus40, tmp_path, fast_cli):
    """An unreadable row entry is dropped and the article re-extracted from its doc."""
    assert fast_cli(corpus40, "--out", tmp_path / "out1") == 0
    for entry in _row_entries(tmp_path / "cache")[:3]:
        entry.write_bytes(b"not a cache entry")
    assert fast_cli(corpus40, "--out", tmp_path / "out2") == 0
    first, second = _tables(tmp_path / "out1"), _tables(tmp_path / "out2")
    for table in TABLES:
        pd.testing.assert_frame_equal(first[table], second[table], obj=table)
    assert len(_row_entries(tmp_path / "cache")) == N_ARTICLES


def test_rows_of_other_code_versions_are_pruned(corpus40, tmp_path, fast_cli, monkeypatch):
    """Rows extracted by other code can never be read again: a run deletes them."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes((corpus40 / "a00.txt").read_bytes())
    for module in ("helpers.run.output", "helpers.run.row_cache"):
        monkeypatch.setattr(f"{module}.code_version", lambda: "old")
    assert fast_cli(corpus, "--out", tmp_path / "out") == 0
    for module in ("helpers.run.output", "helpers.run.row_cache"):
        monkeypatch.setattr(f"{module}.code_version", lambda: "new")
    assert fast_cli(corpus, "--out", tmp_path / "out") == 0
    assert [p.parent.parent.name for p in _row_entries(tmp_path / "cache")] == ["new"]


def test_two_parse_processes_give_the_same_tables(corpus40, tmp_path, monkeypatch):
    """``--processes 2`` (spaCy worker processes) writes what one process writes."""
    from helpers.run import extract

    corpus = tmp_path / "c"
    corpus.mkdir()
    for path in sorted(corpus40.glob("*.txt"))[:6]:
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "empty.txt").write_bytes(b"")
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache-1"))
    one = extract(corpus, tmp_path / "one", processes=1, progress=False)
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache-2"))
    two = extract(corpus, tmp_path / "two", processes=2, progress=False)
    assert (two.stats.parsed, two.stats.skipped) == (one.stats.parsed, one.stats.skipped) == (6, 1)
    first, second = _tables(tmp_path / "one"), _tables(tmp_path / "two")
    for table in TABLES:
        pd.testing.assert_frame_equal(first[table], second[table], obj=table)


def test_a_file_changed_during_the_run_is_extracted_by_the_next(tmp_path, fast_cli, monkeypatch):
    """The corpus and code are fingerprinted when the run starts: a file added while it runs is
    not taken as read, so the next run is not "up to date" (regression: it used to be)."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title\n\nTen soldiers were killed in Mosul.\n")
    streamed = helpers.run.local.extract_stream

    def stream_and_add_a_file(*args, **kwargs):
        result = streamed(*args, **kwargs)
        (corpus / "b.txt").write_text("Title\n\nThree civilians were wounded in Kirkuk.\n")
        return result

    monkeypatch.setattr("helpers.run.local.extract_stream", stream_and_add_a_file)
    assert fast_cli(corpus, "--out", tmp_path / "out") == 0
    assert not is_current(tmp_path / "out", corpus)
    monkeypatch.undo()
