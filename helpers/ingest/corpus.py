"""Walk a corpus: every input file or record becomes one article, loaded or skipped.

A corpus is a folder of articles (text, Markdown, web pages, PDF and Word
files) and records (JSON Lines, JSON, CSV), see :data:`helpers.ingest.readers.READERS`,
or one such file. Nothing is silently lost: an input that cannot be read is an
article skipped with its reason. Ids are made unique across the corpus, exact
duplicate texts are flagged, and so are near duplicates (syndicated copies of
one story, :mod:`helpers.ingest.near_duplicates`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from helpers.articles import Article
from helpers.ingest.decoding import BINARY_HEAD_BYTES, UTF16_BOMS, decode_bytes, looks_binary
from helpers.ingest.inputs import InputFile, skipped
from helpers.ingest.near_duplicates import NearDuplicates
from helpers.ingest.readers import READERS

_EXPECTED_SUFFIXES = ", ".join(list(READERS)[:-1]) + " or " + list(READERS)[-1]


class CorpusNotFoundError(FileNotFoundError):
    """The corpus path does not exist."""


def load_corpus(path: str | os.PathLike) -> list[Article]:
    """Load every article (and every skipped input) under ``path``.

    Args:
        path: A folder (searched recursively) or a single input file.

    Returns:
        One :class:`Article` per input file or record, loaded or skipped, in
        sorted path order.

    Raises:
        CorpusNotFoundError: If ``path`` does not exist.
    """
    return list(iter_articles(path))


def iter_articles(path: str | os.PathLike) -> Iterator[Article]:
    """Yield articles one by one (see :func:`load_corpus`); memory stays flat.

    Args:
        path: A folder (searched recursively) or a single input file.

    Yields:
        One :class:`Article` per input file or record, in sorted path order.

    Raises:
        CorpusNotFoundError: If ``path`` does not exist.
    """
    root = existing_corpus(path)
    base = root if root.is_dir() else root.parent
    yield from mark_duplicates(
        article for file in corpus_files(root) for article in load_file(file, base=base)
    )


def existing_corpus(path: str | os.PathLike) -> Path:
    """``path`` as a ``Path``, checked to exist (without reading it).

    Raises:
        CorpusNotFoundError: If ``path`` does not exist.
    """
    root = Path(path)
    if not root.exists():
        raise CorpusNotFoundError(f"corpus not found: {root}")
    return root


def expected_articles(path: str | os.PathLike) -> int:
    """About how many articles :func:`iter_articles` will yield, counted without loading them.

    For a progress bar with a total and a time estimate: a file is one article,
    a JSON Lines file one per non-blank line, a CSV file one per line after the
    header (a quoted field spanning lines makes this an overestimate), a JSON
    file one (its items are only known once it is parsed). Reading line counts
    costs a fraction of a second per hundred megabytes.

    Args:
        path: A folder or a single input file (a missing path counts 0).

    Returns:
        The expected number of articles.
    """
    root = Path(path)
    if not root.exists():
        return 0
    expected = 0
    for file in corpus_files(root):
        suffix = file.suffix.lower()
        if suffix == ".jsonl":
            expected += count_lines(file, blank=False) or 1
        elif suffix == ".csv":
            expected += max((count_lines(file) or 1) - 1, 1)
        else:
            expected += 1
    return expected


def count_lines(file: Path, *, blank: bool = True) -> int | None:
    """Lines of a regular, readable file (blank ones too unless ``blank`` is false); else ``None``.

    ``None`` leaves the file to :func:`load_file`, which reports why it cannot be read.
    """
    try:
        if not stat.S_ISREG(file.stat().st_mode):
            return None
        with file.open("rb") as handle:
            return sum(1 for line in handle if blank or line.strip())
    except OSError:
        return None


def mark_duplicates(articles: Iterable[Article], *, near: bool = True) -> Iterator[Article]:
    """Make ids unique (``~2`` suffix) and flag exact and near duplicates, in input order.

    Args:
        articles: Articles of the corpus, in input order.
        near: Also flag near duplicates (their text must be loaded); ``False`` when the
            articles are stand-ins without text (the Dask driver flags those itself).

    Yields:
        The same articles, ids made unique, ``duplicate_of`` set on a loaded
        article whose text an earlier one has, ``near_duplicate_of`` and
        ``near_duplicate_similarity`` on a syndicated copy of an earlier story.
    """
    first_by_hash: dict[str, str] = {}
    used_ids: set[str] = set()
    stories = NearDuplicates()
    for article in articles:
        article.article_id = _unique_id(article.article_id, used_ids)
        if article.loaded:
            first = first_by_hash.setdefault(article.text_sha256, article.article_id)
            if first != article.article_id:
                article.duplicate_of = first
            elif near:
                stories.mark(article)
        yield article


def _unique_id(article_id: str, used: set[str]) -> str:
    """``article_id``, or ``article_id~2``, ``~3``… if taken; the result is added to ``used``.

    >>> used = {"a"}; _unique_id("a", used), _unique_id("a", used), _unique_id("b", used)
    ('a~2', 'a~3', 'b')
    """
    candidate, n = article_id, 1
    while candidate in used:
        n += 1
        candidate = f"{article_id}~{n}"
    used.add(candidate)
    return candidate


def corpus_files(root: Path) -> list[Path]:
    """Every input under ``root`` (or ``root`` itself), sorted; hidden ones left out.

    The walk keeps its own stack (no recursion, so any depth), never follows a
    symlinked folder (a symlink loop cannot recurse) and never stops on an error:
    symlinked folders and folders that cannot be listed are returned as inputs
    too, so that :func:`load_file` accounts for each as skipped with its reason.

    Args:
        root: The corpus folder, or one file.

    Returns:
        The files, symlinked folders and unreadable folders.
    """
    if not root.is_dir():
        return [root]
    files, folders = [], [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = [entry for entry in entries if not entry.name.startswith(".")]
        except OSError:
            files.append(folder)
            continue
        for entry in listed:
            path = Path(entry.path)
            (folders if _is_real_folder(entry) else files).append(path)
    return sorted(files)


def _is_real_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:  # the folder can be listed but not entered: load_file reports the file
        return False


def display_path(path: str) -> str:
    r"""``path`` as valid text: bytes of a file name that are not UTF-8 shown as ``\xNN``.

    >>> display_path("bad\udcffname.txt")
    'bad\\xffname.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _folder_reason(folder: Path) -> str:
    """Why a folder among the inputs was not read: a symlink, or it cannot be listed."""
    if folder.is_symlink():
        return "symlinked folder not followed (it could loop)"
    try:
        with os.scandir(folder):
            pass
    except OSError as error:
        return f"unreadable folder: {error.strerror or error}; its files were not read"
    return "unreadable folder: it could not be listed when the corpus was read"


def load_file(file: Path, *, base: Path, lines: tuple[int, int] | None = None) -> Iterator[Article]:
    """Articles of one input file (ids not yet made unique across files).

    The file is checked (readable, regular, a supported suffix, not binary, not
    empty) and decoded, then read by the reader of its suffix.

    Args:
        file: The input file.
        base: Corpus root; paths and ids are relative to it.
        lines: For .jsonl, only records on lines ``first..last`` (1-based, inclusive).

    Yields:
        Its articles, loaded or skipped; a file that cannot be read is one skipped article.
    """
    relative = file.relative_to(base).as_posix() if file.is_relative_to(base) else str(file)
    relative = display_path(file.name if relative == "." else relative)
    stem_id = relative.rsplit(".", 1)[0] if "." in Path(relative).name else relative
    source = InputFile(stem_id=stem_id, path=relative, lines=lines)
    suffix = file.suffix.lower()
    try:
        mode = file.stat().st_mode
    except OSError as error:  # a dangling symlink, a symlink loop, a file gone mid-run
        yield skipped(stem_id, relative, None, f"unreadable file: {error.strerror or error}")
        return
    if stat.S_ISDIR(mode):
        yield skipped(stem_id, relative, None, _folder_reason(file))
        return
    if not stat.S_ISREG(mode):  # reading a FIFO would block forever
        yield skipped(stem_id, relative, None, "not a regular file (FIFO, socket or device)")
        return
    reader = READERS.get(suffix)
    if reader is None:
        yield skipped(
            stem_id,
            relative,
            None,
            f"unsupported file type {suffix or '(none)'}; expected {_EXPECTED_SUFFIXES}",
        )
        return
    try:
        with file.open("rb") as handle:
            head = handle.read(BINARY_HEAD_BYTES)
            # a streamed format is read line by line, so a file of any size fits in memory;
            # UTF-16 lines cannot be split as bytes, so such a file is decoded whole
            if reader.stream and not head.startswith(UTF16_BOMS):
                if looks_binary(head):
                    yield skipped(stem_id, relative, None, "binary file")
                    return
                handle.seek(0)
                yield from reader.stream(source, handle)
                return
            raw = head + handle.read()
    except OSError as error:
        yield skipped(stem_id, relative, None, f"unreadable file: {error.strerror or error}")
        return
    if not raw.strip():
        yield skipped(stem_id, relative, None, "empty file")
        return
    if not reader.binary and looks_binary(raw):
        yield skipped(stem_id, relative, None, "binary file")
        return
    if reader.raw is not None:
        yield from reader.raw(source, raw)
        return
    text, warning = decode_bytes(raw)
    if not text.strip():  # only a BOM, or whitespace in another encoding
        yield skipped(stem_id, relative, None, "empty file")
        return
    yield from reader.read(source, text, warning)
