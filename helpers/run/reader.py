"""Read the tables of a corpus: :func:`load_tables` extracts only when something changed."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.run.output import MANIFEST
from helpers.run.runner import extract
from helpers.tables import SCHEMAS, read_table


def tables_dir(corpus: str | os.PathLike) -> Path:
    """Where :func:`load_tables` keeps the tables of ``corpus`` (under the cache folder)."""
    key = hashlib.sha256(str(Path(corpus).resolve()).encode()).hexdigest()[:12]
    return config.cache_dir() / "tables" / f"{Path(corpus).name}-{key}"


class Tables:
    """The extracted tables of one corpus, read on demand (only the columns asked for).

    Attributes:
        directory: The output folder.
        manifest: The run's manifest.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.manifest = json.loads((self.directory / MANIFEST).read_text(encoding="utf-8"))

    def read(self, table: str, *, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """One table, sorted by article and offset (or article and position)."""
        frame = read_table(self.directory, table, columns=columns)
        keys = [k for k in ("article_id", "start_char", "paragraph", "path", "record") if k in frame.columns]
        return frame.sort_values(keys, kind="stable", ignore_index=True) if keys else frame

    def __getattr__(self, table: str) -> pd.DataFrame:
        if table in SCHEMAS:
            return self.read(table)
        raise AttributeError(table)


def nothing_loaded(corpus: str | os.PathLike, tables: Tables, *, top: int = 3) -> str:
    """One line saying that no article of ``corpus`` could be loaded: what was skipped, and why.

    Args:
        corpus: The corpus.
        tables: Its tables.
        top: Reasons named (the most frequent first).

    Returns:
        E.g. ``no article could be loaded from news/: 3 inputs skipped (binary file: 2; empty file: 1)``.
    """
    reasons = tables.read("articles", columns=["reason"])["reason"].fillna("")
    if not len(reasons):
        return f"no article could be loaded from {corpus}: no input file found"
    # "unsupported file type .jpg; expected .txt, ..." is named by its first part
    counts = Counter(reason.split(";")[0].strip() or "unknown reason" for reason in reasons)
    named = "; ".join(f"{reason}: {count}" for reason, count in counts.most_common(top))
    more = f"; {len(counts) - top} other reasons" if len(counts) > top else ""
    noun = "input" if len(reasons) == 1 else "inputs"
    return f"no article could be loaded from {corpus}: {len(reasons)} {noun} skipped ({named}{more})"


def load_tables(
    corpus: str | os.PathLike | None = None,
    *,
    model: str | None = None,
    out: str | os.PathLike | None = None,
    progress: bool | None = None,
    actors: str | os.PathLike | Sequence[str | os.PathLike] | None = None,
) -> Tables:
    """The tables of ``corpus``, extracted now only if the corpus, the code, the model or
    the actor dictionaries changed.

    Args:
        corpus: Corpus folder or file; ``None`` means ``SITREP_CORPUS`` or ``seeds/``.
        model: spaCy pipeline name.
        out: Where the tables live; default :func:`tables_dir` of the corpus.
        progress: Show a parse progress bar.
        actors: The user's actor dictionaries (a CSV path or several);
            ``None`` means ``SITREP_ACTORS``.

    Returns:
        A :class:`Tables` reader.
    """
    corpus = Path(corpus) if corpus is not None else config.default_corpus()
    if not corpus.is_absolute() and not corpus.exists():
        corpus = config.PROJECT_DIR / corpus
    if actors is None:
        actors = config.default_actors()
    elif isinstance(actors, (str, os.PathLike)):
        actors = [actors]
    target = Path(out) if out is not None else tables_dir(corpus)
    extract(corpus, target, model=model, progress=progress, extra_dictionaries=list(actors))
    return Tables(target)
