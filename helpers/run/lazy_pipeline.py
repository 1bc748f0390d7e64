"""The pipeline of a run, built only when a text needs the model.

The parse and row caches are named by the pipeline key
(:func:`helpers.nlp.pipeline.pipeline_key`), a hash of the built pipeline:
learning it by building the pipeline costs seconds (load the model, compile the
place and actor patterns). So the first build of each *recipe* (model name and
version, spaCy's version, the project's code and data, the user's dictionaries)
records the key and the model's name and version in the cache
(``pipelines/<recipe>.json``), and later runs read them back: a run that finds
every article's rows cached never builds the pipeline.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

import spacy
from spacy.language import Language

from helpers import config
from helpers.atomic import write_or_warn
from helpers.nlp.pipeline import build_pipeline
from helpers.run.output import code_version

#: What a run records of its pipeline (``nlp.meta`` keys).
META_KEYS = ("lang", "name", "version", "sitrep_key")


class LazyPipeline:
    """A pipeline that is built on the first call, with its metadata known before that.

    Args:
        model: Installed pipeline name or path (default ``SITREP_MODEL``).
        extra_dictionaries: The user's actor dictionaries (CSV).
        root: The cache folder (default :func:`config.cache_dir`).
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        extra_dictionaries: Sequence[str | os.PathLike] = (),
        root: Path | None = None,
    ) -> None:
        self.model = model or config.default_model()
        self.extra_dictionaries = tuple(extra_dictionaries)
        self.root = root or config.cache_dir()
        self.built: Language | None = None

    def __call__(self) -> Language:
        """The pipeline, built on the first call; its metadata is then recorded for later runs."""
        if self.built is None:
            self.built = build_pipeline(self.model, extra_dictionaries=self.extra_dictionaries)
            meta = {key: self.built.meta.get(key) for key in META_KEYS}
            recipe = self.recipe
            if recipe is not None:
                write_or_warn(self._memo(recipe), json.dumps(meta).encode(), "pipeline cache")
        return self.built

    @cached_property
    def meta(self) -> dict:
        """``lang``, ``name``, ``version`` and ``sitrep_key``, recorded or (first time) by building."""
        recipe = self.recipe
        if recipe is not None and self.built is None:
            try:
                meta = json.loads(self._memo(recipe).read_text(encoding="utf-8"))
                if set(META_KEYS) <= set(meta):
                    return meta
            except (OSError, ValueError):
                pass  # not recorded yet, or unreadable: build
        built = self()
        return {key: built.meta.get(key) for key in META_KEYS}

    @property
    def key(self) -> str:
        """The pipeline key that names its caches."""
        return self.meta["sitrep_key"]

    @cached_property
    def recipe(self) -> str | None:
        """A hash of what the pipeline is built from; ``None`` when the model is not installed.

        A model named by a path contributes its ``meta.json`` and ``config.cfg``; an
        installed package its version.
        """
        path = Path(self.model)
        if path.is_dir():
            model = b"".join(
                (path / name).read_bytes() for name in ("meta.json", "config.cfg") if (path / name).is_file()
            )
        else:
            version = spacy.util.get_package_version(self.model)
            if version is None:
                return None  # building will raise ModelNotFoundError, naming what to install
            model = f"{self.model}=={version}".encode()
        digest = hashlib.sha256(model)
        digest.update(f"spacy {spacy.__version__}; code {code_version()}".encode())
        for dictionary in self.extra_dictionaries:
            digest.update(Path(dictionary).read_bytes())
        return digest.hexdigest()[:24]

    def _memo(self, recipe: str) -> Path:
        return self.root / "pipelines" / f"{recipe}.json"
