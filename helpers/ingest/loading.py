"""Load a corpus of news articles: folders of .txt/.md files, or .jsonl/.csv records.

Every input file or record becomes one :class:`~helpers.articles.Article`, loaded
or skipped with a reason, so nothing is silently lost. Loading also finds the
structure that extraction must respect: title, dateline and outlet, credit lines
(bylines, editors), boilerplate link lines and paragraphs repeated within the
article, and exact duplicates across the corpus.

Text as loaded (the reference for every character offset):

* ``.txt``/``.md``: the decoded file, newlines normalised to ``\\n``.
* ``.jsonl``/``.csv``: the ``title`` column (when present and not already the
  first line of the text), a blank line, then the text column.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import stat
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from difflib import SequenceMatcher
from pathlib import Path
from typing import IO

import pandas as pd

from helpers.articles import Article, Paragraph
from helpers.tables import columns

TEXT_SUFFIXES = {".txt", ".md"}
RECORD_SUFFIXES = {".jsonl", ".csv"}
#: Column names accepted for each field of a .jsonl/.csv record, first found wins.
TEXT_COLUMNS = ("text", "content", "body", "article")
TITLE_COLUMNS = ("title", "headline")
DATE_COLUMNS = ("date", "dct", "published", "publication_date")
URL_COLUMNS = ("url", "uri", "link")
SOURCE_COLUMNS = ("source", "outlet", "publisher")
ID_COLUMNS = ("id", "doc_id", "article_id")

# Datelines: "ERBIL (Kurdistan 24) –", "MOSUL, Iraq (AP) —", "BEIRUT, March 3 (Reuters) -",
# "KIRKUK — ". No library parses news datelines, hence the pattern.
_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Z'’.\- ]{1,40}[A-Z])      # place in capitals
        (?:,\s*[A-Z][\w.’' ]{1,30}?)?                # optional ", Iraq" / ", March 3"
        \s*(?:\((?P<outlet>[^()\n]{2,40})\))?         # optional "(Outlet)"
        \s*(?:[-–—]{1,2}|:)\s+""",
    re.VERBOSE,
)
_CREDIT = re.compile(
    r"^(?:(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|translated|"
    r"translation)\s+by|by)\s+\S", re.IGNORECASE)
_BOILERPLATE = re.compile(
    r"^(?:read\s+more|related|see\s+also|also\s+read|read\s+also|recommended|"
    r"click\s+here|subscribe|sign\s+up|follow\s+us|share\s+this|advertisement|"
    r"(?:photo|image|video)\s*(?:credit)?\s*:)\b", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LINE = re.compile(r"[^\n]+")
MAX_BOILERPLATE_WORDS = 40
MIN_REPEAT_WORDS = 8
REPEAT_SIMILARITY = 0.85
#: Paragraphs compared word by word for near repeats; later ones are checked for exact
#: repeats only, so a huge file (a dump, not an article) still loads in linear time.
MAX_FUZZY_REPEAT_PARAGRAPHS = 200
_SURROGATE = re.compile("[\ud800-\udfff]")


class CorpusNotFoundError(FileNotFoundError):
    """The corpus path does not exist."""


def load_corpus(path: str | os.PathLike) -> list[Article]:
    """Load every article (and every skipped input) under ``path``.

    Args:
        path: A folder (searched recursively) or a single .txt/.md/.jsonl/.csv file.

    Returns:
        One :class:`Article` per input file or record, loaded or skipped, in
        sorted path order.

    Raises:
        CorpusNotFoundError: If ``path`` does not exist.
    """
    return list(iter_articles(path))


def iter_articles(path: str | os.PathLike) -> Iterator[Article]:
    """Yield articles one by one (see :func:`load_corpus`); memory stays flat."""
    root = Path(path)
    if not root.exists():
        raise CorpusNotFoundError(f"corpus not found: {root}")
    base = root if root.is_dir() else root.parent
    yield from mark_duplicates(
        article for file in corpus_files(root) for article in load_file(file, base=base))


def mark_duplicates(articles: Iterable[Article]) -> Iterator[Article]:
    """Make ids unique (``~2`` suffix) and flag exact duplicate texts, in input order."""
    first_by_hash: dict[str, str] = {}
    used_ids: set[str] = set()
    for article in articles:
        article.article_id = _unique_id(article.article_id, used_ids)
        if article.loaded:
            first = first_by_hash.setdefault(article.text_sha256, article.article_id)
            if first != article.article_id:
                article.duplicate_of = first
        yield article


def text_sha256(text: str) -> str:
    """The hash that identifies an article text (and its cached parse).

    >>> text_sha256("")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """The ``articles`` table: one row per input, loaded or skipped.

    >>> articles_frame([Article("a", "a.txt", status="skipped", reason="empty file")]).status.tolist()
    ['skipped']
    """
    names = columns("articles")
    rows = []
    for article in articles:
        row = {key: value for key, value in asdict(article).items() if key in names}
        kinds = [p.kind for p in article.paragraphs]
        row.update(n_paragraphs=len(kinds), n_words=len(article.text.split()),
                   n_repeats=kinds.count("repeat"), n_boilerplate=kinds.count("boilerplate"))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=names)
    return frame.astype({"record": "Int64", "n_paragraphs": "int64", "n_words": "int64",
                         "n_repeats": "int64", "n_boilerplate": "int64"})


def paragraph_rows(article: Article) -> list[dict]:
    """The ``paragraphs`` table rows of one article (kinds and notes, with text)."""
    return [{"article_id": article.article_id, "paragraph": p.index, "start_char": p.start,
             "end_char": p.end, "kind": p.kind, "note": p.note,
             "text": article.text[p.start:p.end]} for p in article.paragraphs]


def corpus_files(root: Path) -> list[Path]:
    """Every input file under ``root`` (or ``root`` itself), sorted; hidden ones left out."""
    if root.is_file():
        return [root]
    files = []
    # os.walk does not follow symlinked folders, so a symlink loop cannot recurse; they are
    # listed as inputs so that load_file accounts for them as skipped.
    for folder, dirs, names in os.walk(root):
        linked = {d for d in dirs if (Path(folder) / d).is_symlink()}
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in linked)
        files.extend(Path(folder) / name for name in [*names, *linked] if not name.startswith("."))
    return sorted(files)


def load_file(file: Path, *, base: Path, lines: tuple[int, int] | None = None) -> Iterator[Article]:
    """Articles of one input file (ids not yet made unique across files).

    Args:
        file: The input file.
        base: Corpus root; paths and ids are relative to it.
        lines: For .jsonl, only records on lines ``first..last`` (1-based, inclusive).
    """
    relative = file.relative_to(base).as_posix() if file.is_relative_to(base) else str(file)
    stem_id = relative.rsplit(".", 1)[0] if "." in Path(relative).name else relative
    suffix = file.suffix.lower()
    try:
        mode = file.stat().st_mode
    except OSError as error:  # a dangling symlink, a symlink loop, a file gone mid-run
        yield _skipped(stem_id, relative, None, f"unreadable file: {error.strerror or error}")
        return
    if stat.S_ISDIR(mode):
        yield _skipped(stem_id, relative, None, "symlinked folder not followed (it could loop)")
        return
    if not stat.S_ISREG(mode):  # reading a FIFO would block forever
        yield _skipped(stem_id, relative, None, "not a regular file (FIFO, socket or device)")
        return
    if suffix not in TEXT_SUFFIXES | RECORD_SUFFIXES:
        yield _skipped(stem_id, relative, None, f"unsupported file type {suffix or '(none)'}; "
                       "expected .txt, .md, .jsonl or .csv")
        return
    try:
        with file.open("rb") as handle:
            head = handle.read(8192)
            if suffix == ".jsonl" and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                if _looks_binary(head):
                    yield _skipped(stem_id, relative, None, "binary file")
                    return
                handle.seek(0)
                # JSON Lines stream line by line, so a file of any size fits in memory
                yield from _jsonl_articles(stem_id, relative, handle, lines)
                return
            raw = head + handle.read()
    except OSError as error:
        yield _skipped(stem_id, relative, None, f"unreadable file: {error.strerror or error}")
        return
    if not raw.strip():
        yield _skipped(stem_id, relative, None, "empty file")
        return
    if _looks_binary(raw):
        yield _skipped(stem_id, relative, None, "binary file")
        return
    text, warning = decode_bytes(raw)
    if not text.strip():  # only a BOM, or whitespace in another encoding
        yield _skipped(stem_id, relative, None, "empty file")
        return
    if suffix in TEXT_SUFFIXES:
        yield _text_article(stem_id, relative, text, warning, markdown=suffix == ".md")
    elif suffix == ".jsonl":
        yield from _jsonl_articles(stem_id, relative, io.BytesIO(text.encode("utf-8")), lines)
    else:
        yield from _csv_articles(stem_id, relative, text, warning)


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode ``raw``: a BOM first, then UTF-8, then a Windows code page.

    The fallback, when the bytes are not valid UTF-8:

    * if at least as many valid multi-byte UTF-8 characters as invalid bytes
      are found, the file is UTF-8 with a few damaged bytes: they are replaced;
    * otherwise it is a legacy single-byte file: **cp1256** (Windows Arabic)
      when most of its non-ASCII bytes come in runs of three or more (whole
      words in a non-Latin script), else **cp1252** (Windows Western, a superset
      of Latin-1 in practice); the few bytes cp1252 leaves undefined are replaced.

    Replaced bytes become U+FFFD; the warning names the encoding and counts them.

    Returns:
        The text with newlines normalised to ``\\n``, and a warning ("" if clean).

    >>> decode_bytes(b"caf\\xc3\\xa9\\r\\n")
    ('café\\n', '')
    >>> decode_bytes(b"caf\\xc3\\xa9, bad \\xff byte")
    ('café, bad \\ufffd byte', 'warning: 1 undecodable byte replaced with U+FFFD')
    >>> decode_bytes(b"caf\\xe9 bombing")
    ('café bombing', 'warning: not UTF-8; decoded as cp1252, 0 bytes replaced with U+FFFD')
    >>> decode_bytes("قتل عشرة".encode("cp1256"))[1]
    'warning: not UTF-8; decoded as cp1256, 0 bytes replaced with U+FFFD'
    """
    for bom, bom_encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                              (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            text, replaced = _decode_counting(raw, bom_encoding)
            break
    else:
        text, replaced = _decode_counting(raw, "utf-8")
        if replaced and sum(1 for char in text if "\x7f" < char != "\ufffd") < replaced:
            encoding = "cp1256" if _looks_arabic(raw) else "cp1252"
            text, replaced = _decode_counting(raw, encoding)
            noun = "byte" if replaced == 1 else "bytes"
            return (_normalise_newlines(text),
                    f"warning: not UTF-8; decoded as {encoding}, {replaced} {noun} replaced "
                    "with U+FFFD")
    warning = ""
    if replaced:
        noun = "byte" if replaced == 1 else "bytes"
        warning = f"warning: {replaced} undecodable {noun} replaced with U+FFFD"
    return _normalise_newlines(text), warning


def _decode_counting(raw: bytes, encoding: str) -> tuple[str, int]:
    """``raw`` decoded with undecodable bytes replaced by U+FFFD, and how many were replaced."""
    replaced = 0

    def count_replacements(error: UnicodeError) -> tuple[str, int]:
        nonlocal replaced
        replaced += error.end - error.start
        return "\ufffd", error.end

    codecs.register_error("sitrep_count", count_replacements)
    try:
        return raw.decode(encoding), 0
    except UnicodeDecodeError:
        return raw.decode(encoding, errors="sitrep_count"), replaced


def _looks_arabic(raw: bytes) -> bool:
    """True when most non-ASCII bytes come in runs of 3+ (words of a non-Latin script).

    Western European text has isolated accented letters ("café", "Größe"); Arabic
    in a Windows code page writes whole words in bytes above 0x7F.

    >>> _looks_arabic("قتل عشرة".encode("cp1256")), _looks_arabic("Café Größe".encode("cp1252"))
    (True, False)
    """
    high = sum(1 for byte in raw if byte > 0x7F)
    in_runs = sum(len(run) for run in re.findall(rb"[\x80-\xff]{3,}", raw))
    return high > 0 and in_runs * 2 >= high


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    control = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return control > len(head) * 0.1


def _skipped(article_id: str, path: str, record: int | None, reason: str) -> Article:
    return Article(article_id=article_id, path=path, record=record, status="skipped",
                   reason=reason)


def _text_article(article_id: str, path: str, text: str, warning: str, *,
                  markdown: bool = False) -> Article:
    article = Article(article_id=article_id, path=path, text=text, reason=warning)
    _analyse(article, markdown=markdown)
    return article


def _jsonl_articles(stem_id: str, path: str, handle: IO[bytes],
                    lines: tuple[int, int] | None) -> Iterator[Article]:
    first, last = lines or (1, sys.maxsize)
    records = 0
    for number, raw_line in enumerate(handle, start=1):
        if number < first:
            continue
        if number > last:
            break
        line, warning = decode_bytes(raw_line)
        if not line.strip():
            continue
        records += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield _skipped(f"{stem_id}:{number}", path, number,
                           f"malformed JSON at line {number}: {error.msg}")
            continue
        if not isinstance(record, dict):
            yield _skipped(f"{stem_id}:{number}", path, number,
                           f"line {number} is a JSON {type(record).__name__}, not an object")
            continue
        record, lone = _replace_surrogates(record)
        if lone:  # "\ud800" escapes decode to lone surrogates, which no file format can store
            noun = "surrogate" if lone == 1 else "surrogates"
            warning = "; ".join(w for w in (warning, f"warning: {lone} lone {noun} replaced "
                                            "with U+FFFD") if w)
        yield _record_article(stem_id, path, number, record, warning)
    if records == 0 and lines is None:
        yield _skipped(stem_id, path, None, "empty file")


def _replace_surrogates(record: dict) -> tuple[dict, int]:
    """``record`` with lone surrogates in its string values replaced by U+FFFD, and their count.

    >>> _replace_surrogates({"text": "a\\ud800b", "n": 1})
    ({'text': 'a\ufffdb', 'n': 1}, 1)
    """
    count = 0
    clean = {}
    for key, value in record.items():
        if isinstance(value, str):
            value, n = _SURROGATE.subn("\ufffd", value)
            count += n
        clean[key] = value
    return clean, count


def _csv_articles(stem_id: str, path: str, text: str, warning: str) -> Iterator[Article]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c for c in (reader.fieldnames or []) if c is not None]
    if not any(c.strip().lower() in TEXT_COLUMNS for c in columns):
        found = ", ".join(columns) if columns else "none"
        yield _skipped(stem_id, path, None,
                       f"CSV has no text column (expected one of {', '.join(TEXT_COLUMNS)}; "
                       f"found: {found})")
        return
    try:
        for number, record in enumerate(reader, start=1):
            if None in record:  # more cells than header columns
                extra = record.pop(None)
                warning_row = f"row {number} has {len(extra)} cells beyond the header"
                article = _record_article(stem_id, path, number, record, warning)
                article.reason = "; ".join(r for r in (article.reason, warning_row) if r)
                yield article
            else:
                yield _record_article(stem_id, path, number, record, warning)
    except csv.Error as error:
        yield _skipped(f"{stem_id}:error", path, None, f"malformed CSV: {error}")


def _pick(record: dict, names: tuple[str, ...]) -> str:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value is not None and str(value).strip():
            return str(value).strip() if name not in TEXT_COLUMNS else str(value)
    return ""


def _record_article(stem_id: str, path: str, number: int, record: dict,
                    warning: str) -> Article:
    record_id = _pick(record, ID_COLUMNS)
    article_id = f"{stem_id}:{record_id or number}"
    body = _pick(record, TEXT_COLUMNS).replace("\r\n", "\n").replace("\r", "\n")
    title = " ".join(_pick(record, TITLE_COLUMNS).split())
    if not body.strip():
        return _skipped(article_id, path, number, f"record {number} has an empty text field")
    text = body if not title or body.lstrip().startswith(title) else f"{title}\n\n{body}"
    article = Article(article_id=article_id, path=path, record=number, text=text,
                      reason=warning, url=_pick(record, URL_COLUMNS),
                      outlet=_pick(record, SOURCE_COLUMNS))
    _analyse(article, title_given=bool(title))
    if date := _parse_date(_pick(record, DATE_COLUMNS)):
        article.date = date
    return article


def _parse_date(value: str) -> str:
    """An ISO date from a date field or line; ``""`` when it is not a date.

    >>> _parse_date("2014-01-28"), _parse_date("28 January 2014, 10:05"), _parse_date("soon")
    ('2014-01-28', '2014-01-28', '')
    """
    if not value:
        return ""
    if _ISO_DATE.fullmatch(value):  # the common case, without pandas' slower format guessing
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return ""
    stamp = pd.to_datetime(value, errors="coerce", utc=True)
    return "" if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")


def _analyse(article: Article, *, markdown: bool = False, title_given: bool = False) -> None:
    """Fill in paragraphs, title, dateline, outlet, byline, date and the text hash."""
    text = article.text
    article.text_sha256 = text_sha256(text)
    spans = _paragraph_spans(text)
    paragraphs: list[Paragraph] = []
    credits: list[str] = []
    seen: list[tuple[int, list[str], Counter]] = []
    exact: dict[tuple[str, ...], int] = {}
    for index, (start, end) in enumerate(spans):
        chunk = text[start:end]
        kind, note = "body", ""
        if index == 0 and (title_given or len(spans) > 1) and len(chunk.split()) <= 40:
            kind = "title"
            article.title = " ".join(chunk.lstrip("#").split()) if markdown else " ".join(chunk.split())
        elif _is_credit(chunk):
            kind, note = "credit", "byline or editor credit"
            credits.append(" ".join(chunk.split()))
        elif _BOILERPLATE.match(chunk) and len(chunk.split()) <= MAX_BOILERPLATE_WORDS:
            kind, note = "boilerplate", "link or boilerplate line"
        else:
            if not article.dateline and index <= 3 and (match := _DATELINE.match(chunk)):
                place = match.group("place").strip()
                if len(place) >= 3 and not place.isdigit():
                    article.dateline = place
                    article.dateline_span = (start + match.start("place"), start + match.end("place"))
                    if match.group("outlet") and not article.outlet:
                        article.outlet = match.group("outlet").strip()
                    start += match.end()
                    chunk = text[start:end]
            if not article.date and index <= 3 and len(chunk.split()) <= 6:
                if date := _parse_date_line(chunk):
                    article.date = date
            words = _words(chunk)
            repeat_of = exact.get(tuple(words)) if len(words) >= MIN_REPEAT_WORDS else None
            if repeat_of is None and index < MAX_FUZZY_REPEAT_PARAGRAPHS:
                repeat_of = _find_repeat(words, seen)
            if repeat_of is not None:
                kind, note = "repeat", f"repeat of paragraph {repeat_of}"
            elif len(words) >= MIN_REPEAT_WORDS:
                exact.setdefault(tuple(words), index)
                if index < MAX_FUZZY_REPEAT_PARAGRAPHS:
                    seen.append((index, words, Counter(words)))
        paragraphs.append(Paragraph(index=index, start=start, end=end, kind=kind, note=note))
    article.paragraphs = paragraphs
    if credits:
        article.byline = "; ".join(credits)


def _is_credit(chunk: str) -> bool:
    """A byline or credit line: "Editing by …", "Reporting by …", or "By Jane Doe".

    >>> _is_credit("Editing by John J. Catherine"), _is_credit("By the end of the day, ten died.")
    (True, False)
    """
    words = chunk.split()
    if not _CREDIT.match(chunk) or len(words) > 25:
        return False
    if words[0].lower() != "by":
        return True
    names = [w for w in words[1:] if w.lower() not in {"and", "in", "&"}]
    capitalised = sum(1 for w in names if w[:1].isupper())
    return len(words) <= 10 and capitalised >= 0.6 * max(len(names), 1)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans, split on blank lines, or on line breaks if there are none."""
    pieces: list[tuple[int, int]] = []
    position = 0
    breaks = list(_PARAGRAPH_BREAK.finditer(text))
    splitter = breaks if breaks else list(re.finditer(r"\n", text))
    for match in splitter + [None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            pieces.append((position + lead, end - trail))
        if match:
            position = match.end()
    return pieces


def _words(chunk: str) -> list[str]:
    return re.findall(r"\w+", chunk.lower())


def _find_repeat(words: list[str], seen: list[tuple[int, list[str], Counter]]) -> int | None:
    """Index of an earlier paragraph that ``words`` (nearly) repeats, if any.

    Similarity is difflib's ``ratio``; the word-count overlap (difflib's
    ``quick_ratio``, an upper bound of ``ratio``) is checked first from counts
    made once per paragraph.
    """
    if len(words) < MIN_REPEAT_WORDS:
        return None
    counts = Counter(words)
    matcher = SequenceMatcher(None, b=words, autojunk=False)  # indexes ``words`` once, not per pair
    for index, earlier, earlier_counts in seen:
        total = len(earlier) + len(words)
        if abs(len(earlier) - len(words)) > 0.2 * max(len(words), len(earlier)):
            continue
        if 2 * sum((counts & earlier_counts).values()) < REPEAT_SIMILARITY * total:
            continue
        matcher.set_seq1(earlier)
        if matcher.ratio() >= REPEAT_SIMILARITY:
            return index
    return None


def _parse_date_line(chunk: str) -> str:
    """A paragraph that is only a date ("March 3, 2020", "2020-03-03", "Published 3 March 2020")."""
    candidate = re.sub(r"^(?:published|updated|posted|date)\s*:?\s*", "", chunk.strip(),
                       flags=re.IGNORECASE)
    if not re.search(r"\b(1[89]|20)\d\d\b", candidate):
        return ""
    return _parse_date(candidate)


def _unique_id(article_id: str, used: set[str]) -> str:
    candidate, n = article_id, 1
    while candidate in used:
        n += 1
        candidate = f"{article_id}~{n}"
    used.add(candidate)
    return candidate
