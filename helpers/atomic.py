"""Atomic file writes, shared by the caches and the published tables.

A reader (another run, a notebook, a crashed run's successor) never sees a
half-written file: data goes to a temporary file in the same folder and is
moved into place with ``os.replace``.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so no reader sees a partial file.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "sub" / "a.bin"
    >>> write_atomic(target, b"x"); target.read_bytes()
    b'x'
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_or_warn(path: Path, data: bytes, cache: str) -> bool:
    """:func:`write_atomic` for a cache, which is optional: on failure (a read-only or
    full disk) warn, naming the path, and return False (the caller stops writing)."""
    try:
        write_atomic(path, data)
    except OSError as error:
        log.warning("cannot write to the %s (%s: %s); going on without storing in it", cache, path, error)
        return False
    return True
