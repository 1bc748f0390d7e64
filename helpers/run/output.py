"""An output folder of ``extract``: staging, publishing, the manifest, and freshness.

Tables are staged in a hidden folder and moved into place at the end, with
``manifest.json`` written last: an interrupted run leaves the previous complete
output (or none), never a half-written table that a later run would trust. The
manifest records what the tables were made from (corpus signature, code
version, model, options), so a later run can tell whether they are current.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import spacy.util
from filelock import FileLock, Timeout

from helpers import config
from helpers.atomic import write_atomic
from helpers.ingest import corpus_files, display_path
from helpers.nlp.parse import ParseStats
from helpers.tables import SCHEMAS

MANIFEST = "manifest.json"
#: The lock file of an output folder, held by the run writing it.
LOCK = ".sitrep.lock"

logger = logging.getLogger(__name__)


@dataclass
class ExtractResult:
    """What an ``extract`` run produced.

    Attributes:
        out: The output folder.
        rows: Rows written per table.
        stats: Parse counts (parsed, from cache, skipped).
        manifest: The run's manifest (also written as ``manifest.json``).
        skipped: True when the run was skipped because ``out`` was up to date.
    """

    out: Path
    rows: dict[str, int] = field(default_factory=dict)
    stats: ParseStats = field(default_factory=ParseStats)
    manifest: dict = field(default_factory=dict)
    skipped: bool = False

    @classmethod
    def up_to_date(cls, out: Path) -> ExtractResult:
        """The result of a skipped run: ``out`` already holds current tables."""
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        result = cls(out=out, rows=manifest["rows"], manifest=manifest)
        result.skipped = True
        return result

    def summary(self) -> str:
        """A short report for the terminal."""
        accounting = self.manifest["inputs"]
        if self.skipped:
            return (
                f"inputs: {accounting['total']} = {accounting['loaded']} loaded + "
                f"{accounting['skipped']} skipped\nparsed 0 documents: tables in {self.out} "
                "are up to date (same files, code, model and options; --force re-extracts)"
            )
        lines = [
            f"inputs: {accounting['total']} = {accounting['loaded']} loaded + "
            f"{accounting['skipped']} skipped",
            self.stats.summary(),
        ]
        lines += [f"{table}: {count} rows" for table, count in self.rows.items()]
        lines.append(f"tables written to {self.out}")
        return "\n".join(lines)


def run_fingerprint(corpus: Path) -> dict[str, str]:
    """What a run reads, taken before it reads it: the corpus files' signature and the code version.

    Taken at the start, so that a file or the code changed while the run goes
    makes the next run see its output as stale, not current.
    """
    return {"corpus_signature": corpus_signature(corpus), "code_version": code_version()}


def run_manifest(
    corpus: Path,
    meta: dict,
    *,
    fingerprint: dict[str, str],
    options: dict,
    inputs: dict,
    stats: ParseStats,
    rows: dict,
) -> dict:
    """The manifest describing a finished run (written last, as ``manifest.json``).

    ``meta`` is the pipeline's (``nlp.meta``: ``name``, ``version``, ``sitrep_key``);
    ``fingerprint`` is :func:`run_fingerprint`, taken when the run started.
    """
    return {
        "corpus": str(corpus),
        **fingerprint,
        "model": meta.get("name"),
        "model_version": meta.get("version"),
        "pipeline_key": meta.get("sitrep_key"),
        "options": options,
        "inputs": inputs,
        "parse": {"parsed": stats.parsed, "cached": stats.cached, "recomputed": stats.recomputed},
        "rows": rows,
    }


@contextmanager
def output_lock(out: Path, *, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock of the output folder ``out`` (created if needed) for one run.

    From the freshness check to the manifest, one run at a time writes ``out``:
    a second run waits (saying so) until the first has published, then finds its
    tables current or writes its own; never one run's manifest over another's tables.
    The lock is an OS file lock (``filelock``), released when the process ends.

    Args:
        out: The output folder.
        timeout: Seconds to wait at most; ``None`` waits as long as the other run lasts.

    Raises:
        TimeoutError: If ``timeout`` passed with the lock still held by another run.
    """
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(out / LOCK)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        logger.warning(
            "another extract run is writing %s; waiting for it to finish (lock %s)", out, lock.lock_file
        )
        try:
            lock.acquire(timeout=-1 if timeout is None else timeout)
        except Timeout:
            raise TimeoutError(
                f"another extract run is still writing {out} after {timeout:g} s (lock {lock.lock_file})"
            ) from None
    try:
        yield
    finally:
        lock.release()


def new_staging(out: Path, *, engine: str = "local") -> Path:
    """A fresh, empty staging folder for one run in ``out`` (created with ``out``).

    Staging folders of dead runs are removed first; the new one is named after
    this process (``.staging-<pid>``, ``.staging-dask-<pid>``) so a later run
    can tell whether its writer is still alive.
    """
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(out)
    staging = out / (f".staging-{os.getpid()}" if engine == "local" else f".staging-{engine}-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    return staging


def remove_stale_staging(out: Path) -> None:
    """Delete ``.staging-*`` folders whose run is gone (killed, or the machine restarted).

    Folders of runs still alive on this host are left alone: they are being written.
    """
    for folder in out.glob(".staging-*"):
        pid = folder.name.rsplit("-", 1)[-1]  # .staging-<pid> and .staging-dask-<pid>
        if pid.isdigit() and not _process_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    return True


def publish(staging: Path, out: Path, manifest: dict) -> None:
    """Move staged tables into ``out``, replacing the old ones; the manifest goes last.

    The manifest gets the sha256 of every table file (``tables``), so a table
    deleted, truncated or edited after the run makes the output stale.
    """
    manifest["tables"] = table_checksums(staging)
    (out / MANIFEST).unlink(missing_ok=True)
    for table in SCHEMAS:
        for old in (out / f"{table}.parquet", out / f"{table}.csv", out / table):
            if old.is_dir():
                shutil.rmtree(old)
            else:
                old.unlink(missing_ok=True)
    for path in sorted(staging.iterdir()):
        os.replace(path, out / path.name)
    write_json(out / MANIFEST, manifest)
    shutil.rmtree(staging, ignore_errors=True)


def table_checksums(folder: Path) -> dict[str, str]:
    """The sha256 of every table file in ``folder`` (partitions included), by relative path."""
    checksums = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            checksums[relative.as_posix()] = file_sha256(path)
    return checksums


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read a block at a time."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _tables_intact(out: Path, expected: object) -> bool:
    """True when every table file the manifest lists is in ``out`` with its checksum."""
    if not isinstance(expected, dict) or not expected:
        return False
    try:
        return all(file_sha256(out / name) == digest for name, digest in expected.items())
    except OSError:
        return False


def write_json(path: Path, data: dict) -> None:
    """Write ``data`` as indented, sorted JSON, atomically."""
    write_atomic(path, json.dumps(data, indent=2, sort_keys=True).encode("utf-8"))


def corpus_signature(corpus: Path) -> str:
    """A hash of every input's relative path, size and modification time (the inputs of
    :func:`~helpers.ingest.corpus_files`; one that cannot be read counts with its error)."""
    digest = hashlib.sha256()
    for path in corpus_files(corpus):
        try:
            stat = path.stat()
            state = f"{stat.st_mode}|{stat.st_size}|{stat.st_mtime_ns}"
        except OSError as error:
            state = f"error {error.errno}"
        name = display_path(str(path.relative_to(corpus.parent)))
        digest.update(f"{name}|{state}\n".encode())
    return digest.hexdigest()[:16]


def code_version() -> str:
    """A hash of the package's code and data, so tables are rebuilt when either changes.

    A run asks several times (freshness, each cache): the files are read again only
    when their sizes or modification times changed since the last time in this process.
    """
    files = [
        (path, path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted([*config.PACKAGE_DIR.rglob("*.py"), *config.DATA_DIR.rglob("*")])
        if path.is_file()
    ]
    state = tuple(files)
    if state not in _CODE_VERSIONS:
        digest = hashlib.sha256()
        for path, _, _ in files:
            digest.update(path.relative_to(config.PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
        _CODE_VERSIONS.clear()
        _CODE_VERSIONS[state] = digest.hexdigest()[:16]
    return _CODE_VERSIONS[state]


#: The last code version computed, by the files' paths, sizes and modification times.
_CODE_VERSIONS: dict[tuple, str] = {}


def run_options(
    *, fmt: str = "parquet", engine: str = "local", extra_dictionaries: Sequence[str | os.PathLike] = ()
) -> dict:
    """The options that change a run's output, as recorded in its manifest."""
    digest = hashlib.sha256()
    for path in extra_dictionaries:
        digest.update(Path(path).read_bytes())
    return {
        "format": fmt,
        "engine": engine,
        "extra_dictionaries": digest.hexdigest()[:16] if extra_dictionaries else "",
    }


def is_current(out: Path, corpus: Path, *, model: str | None = None, options: dict | None = None) -> bool:
    """True when ``out`` holds a complete extraction of ``corpus`` by the current code,
    with the same model and options (default: :func:`run_options` defaults), and its
    table files are those the manifest lists (same checksums)."""
    try:
        manifest = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        manifest.get("corpus_signature") == corpus_signature(Path(corpus))
        and manifest.get("code_version") == code_version()
        and manifest.get("model") == _model_name(model)
        and manifest.get("options") == (options or run_options())
        and _tables_intact(Path(out), manifest.get("tables"))
    )


def _model_name(model: str | None) -> str:
    name = model or config.default_model()
    meta = spacy.util.get_package_path(name) / "meta.json" if spacy.util.is_package(name) else None
    if meta and meta.exists():
        return json.loads(meta.read_text(encoding="utf-8")).get("name", name)
    return name
