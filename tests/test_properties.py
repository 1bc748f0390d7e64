"""Property tests: hostile bytes and text never crash the loader, the extractors or the number parser.

Every extracted row must point inside the article text (``0 <= start <= end <=
len(text)``), its text column must be exactly ``text[start:end]``, and casualty
bounds must satisfy ``low <= high``. The spaCy pipeline is built once per module.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers.articles import Article
from helpers.extract.casualties import extract_casualties
from helpers.extract.casualties.numbers import parse_number, parse_quantity
from helpers.extract.mentions import extract_mentions
from helpers.extract.persons import extract_persons
from helpers.extract.places import resolve_places
from helpers.extract.quotes import extract_quotes
from helpers.ingest import decode_bytes, iter_articles, load_file
from helpers.ingest.decoding import blank_invisible, normalise_newlines, space_glued_sentences
from helpers.knowledge.actors import load_dictionary
from helpers.knowledge.gazetteer import default_gazetteer
from helpers.nlp import build_pipeline, parse_text

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

#: Pieces of conflict news, so that random texts also reach the extractors' rules.
NEWS = [
    "MOSUL, Iraq (Reuters) - ",
    "ERBIL (Kurdistan 24) – ",
    "Ten soldiers were killed in Mosul.",
    "At least 12 civilians were wounded near Kirkuk",
    "between 10 and 20 people died",
    "dozens were kidnapped by Islamic State fighters",
    '"We will respond," said Brig. Gen. Yahya Rasool.',
    "the Peshmerga said",
    "Lieutenant Colonel Ahmed al-Jubouri",
    "more than 2,000",
    "no one was hurt",
    "an officer and three soldiers",
    "Read More: ",
    "Editing by John Doe",
    "Baghdad",
    "ISIS",
    "three killed, including a soldier",
    "up to fifty",
    "twenty-five",
    "“",
    "”",
    '"',
    "'",
]
#: Characters that break naive code: RTL and bidi controls, zero-width joiners and
#: spaces, combining marks, BOM, NUL and other controls, emoji sequences, line separators.
NASTY = [
    "\u200f",
    "\u202e",
    "\u2066",
    "\u200d",
    "\u200b",
    "\u200c",
    "\u0301",
    "\u0651",
    "\ufeff",
    "\x00",
    "\x07",
    "\x1b",
    "\u2028",
    "\u2029",
    "\x85",
    "\r",
    "\r\n",
    "\t",
    "\ufffd",
    "👩\u200d👩\u200d👧",
    "🇮🇶",
    "الموصل",
    "قتل عشرة جنود",
    "שלום",
    "İ",
    "ß",
    "ﬁ",
    "Ⅻ",
    "٣",
]
PIECES = st.one_of(st.sampled_from(NEWS), st.sampled_from(NASTY), st.text(max_size=30))
SEPARATORS = st.sampled_from(["", " ", "\n", "\n\n", " \n \n "])
TEXTS = st.lists(st.tuples(PIECES, SEPARATORS), max_size=25).map(
    lambda parts: "".join(piece + separator for piece, separator in parts)
)

LONG_LINE = "Ten soldiers were killed in Mosul " * 400
EXAMPLES = [
    "\u202eTen soldiers were killed in Mosul.\u202c",
    "Ten\u200d soldiers were kil\u200bled in Mo\u0301sul.\n\nقتل عشرة جنود في الموصل",
    "Ten soldiers\x00 were killed\x00 in Mosul.",
    "At least 12 civilians were \ud800wounded\udfff near Kirkuk.",
    "\ufeffERBIL (Kurdistan 24) – More than 2,000 people died.\r\n\r\nRead More: x",
    '"We will respond," said Brig. Gen. Yahya Rasool.\n\n“Unclosed quote said Baghdad',
    LONG_LINE,
    "",
    "\n\n\n",
]


@pytest.fixture(scope="module")
def kit() -> dict:
    """The pipeline, actor dictionary and gazetteer, built once for the module."""
    return {"nlp": build_pipeline(), "dictionary": load_dictionary(), "gazetteer": default_gazetteer()}


def _write(directory: Path, name: str, data: bytes) -> Path:
    path = directory / name
    path.write_bytes(data)
    return path


def _load(name: str, data: bytes) -> list[Article]:
    with tempfile.TemporaryDirectory() as folder:
        return list(load_file(_write(Path(folder), name, data), base=Path(folder)))


def _article(text: str) -> Article | None:
    """``text`` loaded through the public loader as a .jsonl record (escapes keep NULs)."""
    line = json.dumps({"id": "p", "text": text}).encode("utf-8")
    (article,) = _load("p.jsonl", line + b"\n")
    return article if article.loaded else None


def _check_article(article: Article) -> None:
    assert article.status in {"loaded", "skipped"}
    if not article.loaded:
        assert article.reason and not article.text
        return
    assert article.text.strip()
    assert "\r" not in article.text
    article.text.encode("utf-8")  # no lone surrogate survives loading
    previous_end = 0
    for paragraph in article.paragraphs:
        assert previous_end <= paragraph.start < paragraph.end <= len(article.text)
        previous_end = paragraph.end
    if article.dateline_span:
        start, end = article.dateline_span
        assert article.text[start:end] == article.dateline


def _check_spans(rows: list[dict], text: str, text_column: str | None) -> None:
    for row in rows:
        start, end = row["start_char"], row["end_char"]
        assert 0 <= start <= end <= len(text), row
        if text_column:
            assert text[start:end] == row[text_column], row


# --- loader ---------------------------------------------------------------------------------


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".jsonl", ".csv"]))
@example(data=b"", suffix=".txt")
@example(data=b"\x00\x01\x02\x03" * 50, suffix=".txt")
@example(data=b"\xed\xa0\x80 lone surrogate in UTF-8 bytes", suffix=".txt")
@example(data=b'{"text": "a\\ud800b"}\n{"text": 1}\n[1]\n{bad\n', suffix=".jsonl")
@example(data=b'text,title\n"multi\nline",x\n"unclosed,y\n', suffix=".csv")
@example(data=b"\xff\xfe" + "Title\n\nBody".encode("utf-16-le"), suffix=".txt")
@example(data=b"\xff\xfe\x00", suffix=".txt")
@example(data="قتل عشرة جنود في الموصل".encode("cp1256"), suffix=".txt")
@example(data=b"\xef\xbb\xbf", suffix=".md")
def test_any_bytes_load_without_raising(data: bytes, suffix: str) -> None:
    """Any file content gives loaded or skipped articles, never an exception or nothing."""
    articles = _load("f" + suffix, data)
    assert articles, "every input file is accounted for"
    if suffix in {".txt", ".md"}:
        assert len(articles) == 1
    for article in articles:
        _check_article(article)


@SETTINGS
@given(text=st.text(max_size=2000), bom=st.sampled_from([b"", b"\xef\xbb\xbf"]))
@example(text="Ten killed\u2028in Mosul\r\n\r\nقتل", bom=b"\xef\xbb\xbf")
@example(text="x" * 20000, bom=b"")
@example(text="0\U0001d173", bom=b"")  # an invisible format character (Cf) becomes a space
@example(text="\U0001d173\u200b", bom=b"")  # nothing visible: no text
def test_utf8_text_round_trips(text: str, bom: bytes) -> None:
    """Valid UTF-8 (with or without BOM) is loaded exactly but for the loader's documented
    normalisations (newlines; invisible format characters made spaces; a space between glued
    sentences), with no warning; a file with nothing visible is skipped with the reason."""
    (article,) = _load("t.txt", bom + text.encode("utf-8", "surrogatepass"))
    expected = space_glued_sentences(blank_invisible(normalise_newlines(text)))
    if article.loaded:
        assert article.text == expected and article.reason == ""
    else:
        assert article.reason in {"empty file", "binary file", "file has no text"}
        assert not expected.strip() or "\x00" in expected or article.reason == "binary file"
    _check_article(article)


@SETTINGS
@given(data=st.binary(max_size=2000))
@example(data=b"caf\xe9 \x81\x8d\x8f\x90\x9d")
@example(data=b"\xed\xa0\x80\xed\xbf\xbf")
def test_decode_bytes_always_gives_clean_text(data: bytes) -> None:
    """Decoding never fails; the result is encodable UTF-8, and a warning says what was done."""
    text, warning = decode_bytes(data)
    text.encode("utf-8")
    assert "\r" not in text
    try:
        clean = data.decode("utf-8")
    except UnicodeDecodeError:
        assert warning.startswith("warning: ")
    else:
        if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            assert warning == ""
            assert text == clean.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


@SETTINGS
@given(
    files=st.lists(
        st.tuples(st.sampled_from([".txt", ".jsonl", ".csv", ".md", ".bin", ""]), st.binary(max_size=300)),
        max_size=6,
    )
)
def test_folder_accounting(files: list[tuple[str, bytes]]) -> None:
    """Every file of a folder yields at least one row; ids are unique."""
    with tempfile.TemporaryDirectory() as folder:
        for number, (suffix, data) in enumerate(files):
            _write(Path(folder), f"f{number}{suffix}", data)
        articles = list(iter_articles(folder))
    assert {a.path for a in articles} == {f"f{n}{s}" for n, (s, _) in enumerate(files)}
    assert len({a.article_id for a in articles}) == len(articles)


# --- extractors -----------------------------------------------------------------------------


def _all_rows(kit: dict, article: Article) -> Iterator[tuple[str, list[dict], str | None]]:
    doc = parse_text(kit["nlp"], article.text)
    assert doc.text == article.text
    persons = extract_persons(doc, article)
    places = resolve_places(doc, article, gazetteer=kit["gazetteer"])
    yield "mentions", extract_mentions(doc, article, dictionary=kit["dictionary"]), "text"
    yield "persons", [p for p in persons if p["role"] != "author"], "text"
    yield "places", places, "text"
    yield "quotes", extract_quotes(doc, article, persons=persons), "quote"
    yield "casualties", extract_casualties(doc, article, places=places), "text"


@SETTINGS
@given(text=TEXTS)
@example(text=EXAMPLES[0])
@example(text=EXAMPLES[1])
@example(text=EXAMPLES[2])
@example(text=EXAMPLES[3])
@example(text=EXAMPLES[4])
@example(text=EXAMPLES[5])
@example(text=EXAMPLES[6])
@example(text=EXAMPLES[7])
@example(text=EXAMPLES[8])
def test_extractors_never_raise_and_offsets_hold(kit: dict, text: str) -> None:
    """Mentions (with actors), persons, places, quotes and casualties on hostile text."""
    article = _article(text)
    if article is None:
        return
    _check_article(article)
    for table, rows, text_column in _all_rows(kit, article):
        _check_spans(rows, article.text, text_column)
        if table == "mentions":
            assert all(r["actor_id"] == "" or r["label"] in {"ORG", "NORP"} for r in rows)
        if table == "casualties":
            for row in rows:
                if row["low"] is not None and row["high"] is not None:
                    assert row["low"] <= row["high"], row


def test_chunked_parse_keeps_offsets(kit: dict) -> None:
    """A text longer than ``nlp.max_length`` is parsed in pieces, not truncated."""
    nlp = kit["nlp"]
    text = "\n\n".join(f"Ten soldiers were killed in Mosul on day {n}, the army said." for n in range(40))
    (article,) = _load("long.txt", text.encode("utf-8"))
    limit = nlp.max_length
    nlp.max_length = 500
    try:
        rows = list(_all_rows(kit, article))
        doc = parse_text(nlp, article.text)
    finally:
        nlp.max_length = limit
    assert doc.text == article.text
    assert sum(1 for e in doc.ents if e.text == "Mosul") == 40
    for _, table_rows, text_column in rows:
        _check_spans(table_rows, article.text, text_column)


# --- number parser --------------------------------------------------------------------------

NUMBER_WORDS = st.sampled_from(
    [
        "at least",
        "more than",
        "up to",
        "about",
        "nearly",
        "dozens",
        "a dozen",
        "ten",
        "twenty-five",
        "one hundred and five",
        "2,000",
        "or more",
        "plus",
        "fewer than",
        "no more than",
        "0",
        "-",
        "first",
        "hundreds",
        "thousand",
        "a",
        "an",
        "and",
        "point",
        "zero",
        "½",
    ]
)
PHRASES = st.one_of(st.lists(NUMBER_WORDS, max_size=5).map(" ".join), st.text(max_size=40))


@SETTINGS
@given(phrase=PHRASES)
@example(phrase="")
@example(phrase="٣٠")
@example(phrase="1,00,000")
@example(phrase="9" * 400)
@example(phrase="fewer than zero")
@example(phrase="under 0")
@example(phrase="twenty\u200dfive")
@example(phrase="more than dozens or more")
def test_number_parser_never_raises(phrase: str) -> None:
    """``parse_number``/``parse_quantity`` return a count or None; bounds are ordered."""
    value = parse_number(phrase)
    assert value is None or (isinstance(value, int) and value >= 0)
    quantity = parse_quantity(phrase)
    if quantity is not None:
        assert quantity.low is None or quantity.low >= 0
        if quantity.low is not None and quantity.high is not None:
            assert quantity.low <= quantity.high
        assert isinstance(quantity.best, int)
