"""The hash that identifies an article text: duplicates across the corpus, the parse cache key."""

from __future__ import annotations

import hashlib


def text_sha256(text: str) -> str:
    """The SHA-256 of ``text`` (lone surrogates kept as they are), in hex.

    Args:
        text: An article text as loaded.

    Returns:
        64 hex digits.

    >>> text_sha256("")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
