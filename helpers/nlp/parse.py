"""Parse articles with ``nlp.pipe`` in one pass over the corpus, reading and filling the cache.

A text longer than :data:`PIECE_CHARS` (or ``nlp.max_length``, if smaller) is
not truncated: it is cut after paragraph breaks into consecutive pieces
(:func:`split_text`), each parsed on its own, and the pieces are joined back
into one ``Doc`` whose text is the article's, so every character offset stays
valid. Sentences never cross a paragraph break
(:func:`helpers.nlp.pipeline.paragraph_and_dateline_starts`), so a cut at a
blank line changes no sentence; it keeps the model's working memory bounded: one 100,000-character
article parsed whole costs about 330 MB more.

A paragraph in capitals (or a Title Case headline) is parsed from a recased
copy of the same length (:mod:`helpers.nlp.casing`); the parsed piece then
gets the original text back, so docs always hold the article's own text.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from helpers.articles import Article
from helpers.nlp.case_lexicon import case_lexicon
from helpers.nlp.casing import normalise_case, with_text
from helpers.nlp.doc_cache import DocCache
from helpers.nlp.matrix_ops import one_blas_thread

ArticleSource = Sequence[Article] | Callable[[], Iterable[Article]]

#: Longest piece of text parsed in one go (characters); longer articles are cut at paragraph breaks.
PIECE_CHARS = 10_000

#: Most characters in one ``nlp.pipe`` batch of a single-process run. The parser's working
#: memory grows with the tokens of a batch (about 6 KB a token for the small model), so a
#: batch of 64 pieces of one long article would hold ten times the text of 64 news stories.
BATCH_CHARS = 200_000


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
        return f"parsed {self.parsed} {noun}, {self.cached} from cache" + (
            f" ({self.recomputed} corrupt entries recomputed)" if self.recomputed else ""
        )


def parse_articles(
    source: ArticleSource,
    nlp: Language | Callable[[], Language],
    *,
    cache: DocCache | None = None,
    processes: int = 1,
    batch_size: int = 64,
    progress: bool | None = None,
    stats: ParseStats | None = None,
    needs_doc: Callable[[Article], bool] | None = None,
    expected: int | None = None,
) -> Iterator[tuple[Article, Doc | None]]:
    """Parse every loaded article in one pass over ``source``, reading and filling the cache.

    Articles come back in input order. Only texts that are not cached go through
    the model: a skipped article, a cached one, or one ``needs_doc`` declines
    stands in the ``nlp.pipe`` stream as an empty text (which costs nothing to
    parse), so the order holds and at most one ``nlp.pipe`` batch is in memory.
    The pipeline is asked for only when a text needs it: articles before the first
    such text come back without it, and a run that needs none never builds it.

    Args:
        source: A sequence of articles, or a function returning an iterable of them.
        nlp: The pipeline from :func:`build_pipeline`, or a function building it.
        cache: Where parsed docs are kept; ``None`` parses everything.
        processes: Worker processes for ``nlp.pipe``.
        batch_size: ``nlp.pipe`` batch size.
        progress: Show a tqdm bar; ``None`` means unless ``SITREP_PROGRESS=0``.
        stats: Filled with counts as the run goes.
        needs_doc: Called once per loaded article, ahead of the parse (within one
            batch); ``False`` means the caller has what it needs from the cache
            (e.g. the article's extracted rows): the article is yielded with no
            doc and counted as from cache.
        expected: About how many articles ``source`` holds, for the progress bar's
            total and time estimate when ``source`` is not a sequence.

    Yields:
        ``(article, doc)``; ``doc`` is ``None`` for skipped articles and those
        ``needs_doc`` declined.
    """
    stats = stats if stats is not None else ParseStats()
    articles = source() if callable(source) else source
    pipeline = nlp if isinstance(nlp, Language) else None

    def model() -> Language:
        nonlocal pipeline
        if pipeline is None:
            pipeline = nlp()
        return pipeline

    show = _show_progress() if progress is None else progress
    progress_bar = tqdm
    if show:  # tqdm.auto picks the notebook widget or the terminal bar; it is imported only
        # here because importing it inside a kernel without ipywidgets prints a warning.
        from tqdm.auto import tqdm as progress_bar
    total = len(source) if isinstance(source, Sequence) else expected
    bar = progress_bar(total=total, desc="parsing", unit="article", disable=not show, leave=False)

    def plan() -> Iterator[tuple[str, tuple[Article, str, int, int, str | None]]]:
        seen: set[str] = set()
        for article in articles:
            if not article.loaded:
                yield "", (article, _SKIPPED, 0, 1, None)
            elif needs_doc is not None and not needs_doc(article):
                yield "", (article, _NOT_NEEDED, 0, 1, None)
            elif cache is not None and (article.text_sha256 in seen or cache.has(article.text_sha256)):
                yield (
                    "",
                    (article, _CACHED, 0, 1, None),
                )  # an identical text earlier in this run is stored first
            else:
                seen.add(article.text_sha256)
                pieces = texts_to_parse(model(), article.text, title=title_span(article))
                for number, (piece, original) in enumerate(pieces):
                    yield piece, (article, _PARSE, number, len(pieces), original)

    def counted(article: Article, doc: Doc | None) -> tuple[Article, Doc | None]:
        if bar.total is not None and bar.n >= bar.total:
            bar.total = bar.n + 1  # more articles than expected (CSV or JSON records)
        bar.update()
        return article, doc

    # Each text's plan rides beside the stream rather than through ``as_tuples``: with
    # worker processes, spaCy would tokenise every text in this process and send the
    # serialised doc, not the text, to a worker; nlp.pipe keeps the order, so the plans
    # come back out first in, first out.
    plans: deque[tuple[Article, str, int, int, str | None, int]] = deque()
    steps = plan()

    def texts() -> Iterator[str]:
        for text, step in steps:
            plans.append((*step, len(text)))
            yield text

    with bar:
        for text, step in steps:  # articles ahead of the first that needs the model
            if step[1] not in (_SKIPPED, _NOT_NEEDED):
                plans.append((*step, len(text)))
                break
            stats.skipped += step[1] == _SKIPPED
            stats.cached += step[1] == _NOT_NEEDED
            yield counted(step[0], None)
        else:
            return
        parts: list[Doc] = []
        stream = _pipe(model(), itertools.chain([text], texts()), batch_size=batch_size, processes=processes)
        for part in stream:
            article, action, number, count, original, length = plans.popleft()
            if parsed_length(part) != length:
                raise RuntimeError(
                    f"nlp.pipe returned docs out of step with their texts at {article.article_id}"
                )
            doc = None
            if action == _PARSE:
                parts.append(part if original is None else with_text(part, original))
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
                doc = cache.get(article.text_sha256, model())
                if doc is None:  # corrupt (or removed by another run): recompute now
                    doc = parse_text(model(), article.text, title=title_span(article))
                    cache.put(article.text_sha256, doc)
                    stats.recomputed += 1
                    stats.parsed += 1
                else:
                    stats.cached += 1
            yield counted(article, doc)
        if plans:
            raise RuntimeError(
                f"nlp.pipe returned docs out of step with their texts: none for {plans[0][0].article_id}"
            )


_PARSE, _CACHED, _SKIPPED, _NOT_NEEDED = "parse", "cached", "skipped", "not needed"


def _pipe(nlp: Language, texts: Iterable[str], *, batch_size: int, processes: int) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts``, as docs without tensors, in batches of :data:`BATCH_CHARS` at most.

    spaCy batches by count only; worker processes keep its batches (each call of
    ``nlp.pipe`` with workers would start them anew). In one process the first text is
    a batch of its own, so the first article's rows do not wait for a whole batch to be
    loaded and parsed. The model runs on one BLAS thread, and so do the workers
    forked here (:func:`helpers.nlp.matrix_ops.one_blas_thread`).
    """
    with one_blas_thread():
        if processes > 1:
            docs = nlp.pipe(texts, batch_size=batch_size, n_process=processes)
        else:
            texts = iter(texts)
            batches = itertools.chain(
                [first] if (first := list(itertools.islice(texts, 1))) else [],
                bounded_batches(texts, batch_size, BATCH_CHARS),
            )
            docs = (doc for batch in batches for doc in nlp.pipe(batch, batch_size=len(batch)))
        for doc in docs:
            # The tok2vec output (384 bytes a token) is read by no extractor, and cached docs
            # never have it; the pieces of a long article would hold it until they are joined.
            doc.tensor = numpy.zeros((0,), dtype="float32")
            yield doc


def bounded_batches(texts: Iterable[str], count: int, characters: int) -> Iterator[list[str]]:
    """Consecutive batches of at most ``count`` texts and ``characters`` characters.

    A text longer than ``characters`` is a batch of its own.

    >>> list(bounded_batches(["aa", "bb", "cccc", "d"], 3, 5))
    [['aa', 'bb'], ['cccc', 'd']]
    >>> list(bounded_batches(["aaaaaaa", "b"], 3, 5))
    [['aaaaaaa'], ['b']]
    """
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) == count or size + len(text) > characters):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def parsed_length(doc: Doc) -> int:
    """The length of the text ``doc`` was made from (without rebuilding ``doc.text``)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def piece_length(nlp: Language) -> int:
    """The longest text ``nlp`` parses in one go: :data:`PIECE_CHARS` or ``nlp.max_length``."""
    return min(PIECE_CHARS, nlp.max_length)


def parse_text(nlp: Language, text: str, *, title: tuple[int, int] | None = None) -> Doc:
    """Parse one text of any length (pieces of at most :func:`piece_length`, joined).

    Args:
        nlp: The pipeline.
        text: The text.
        title: The span of its headline, if any (a Title Case headline is recased).

    Returns:
        The doc, whose text is ``text``.
    """
    pieces = texts_to_parse(nlp, text, title=title)
    with one_blas_thread():
        docs = list(nlp.pipe(piece for piece, _ in pieces))
    return _joined(
        [doc if original is None else with_text(doc, original) for doc, (_, original) in zip(docs, pieces)]
    )


def texts_to_parse(
    nlp: Language, text: str, *, title: tuple[int, int] | None = None
) -> list[tuple[str, str | None]]:
    """The pieces ``nlp`` parses for ``text``: each piece, and the original piece when it was recased.

    The text is recased first when ``nlp`` has a case lexicon
    (:func:`helpers.nlp.casing.normalise_case`), then cut (:func:`split_text`); the
    original is cut at the same offsets, as both have the same length.

    """
    lexicon = case_lexicon(nlp)
    recased = text if lexicon is None else normalise_case(text, lexicon, title=title)
    pieces = split_text(recased, piece_length(nlp))
    if recased is text:
        return [(piece, None) for piece in pieces]
    result, start = [], 0
    for piece in pieces:
        original = text[start : start + len(piece)]
        result.append((piece, None if original == piece else original))
        start += len(piece)
    return result


def title_span(article: Article) -> tuple[int, int] | None:
    """The span of ``article``'s headline paragraph, if it has one."""
    first = article.paragraphs[0] if article.paragraphs else None
    return (first.start, first.end) if first is not None and first.kind == "title" else None


def _joined(pieces: list[Doc]) -> Doc:
    """One doc from the docs of consecutive pieces of a text (the text's offsets hold)."""
    return (
        pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])
    )


#: Where a piece of a long text may end, best first: a paragraph break, a line break,
#: a sentence end, a clause break, a space (the separator stays with the piece before).
CUTS = ("\n\n", "\n", ". ", "? ", "! ", '." ', "; ", ", ", " ")


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``limit`` characters.

    Each cut goes after the last separator of :data:`CUTS` that fits (a paragraph
    break, else a line break, a sentence end, a clause break, a space), else at
    ``limit``; a long paragraph on one line is thus cut between its sentences.
    The pieces joined give ``text`` back.

    >>> split_text("One.\\n\\nTwo two.\\nThree", 12)
    ['One.\\n\\n', 'Two two.\\n', 'Three']
    >>> split_text("One two. Three four, five six", 20)
    ['One two. ', 'Three four, five six']
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        for separator in CUTS:
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
