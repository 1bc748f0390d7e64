"""Bytes to text: decoding with an encoding fallback, binary detection and lone surrogates.

Every replaced byte or surrogate becomes U+FFFD and is counted, so the loader can
say in a warning what it changed.
"""

from __future__ import annotations

import codecs
import re
import threading

import regex

#: Bytes looked at to tell a binary file from a text file.
BINARY_HEAD_BYTES = 8192
#: Byte-order marks of UTF-16, whose text holds NUL bytes without being binary.
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Invisible format characters (Unicode category Cf) but the soft hyphen, which lies inside a word.
_INVISIBLE = regex.compile(r"[\p{Cf}--\xad]", regex.VERSION1)
#: A sentence end glued to the next sentence, as pages that lose their paragraph breaks run them
#: together ("in Winchester.Officers were called"): a word of two lower-case letters or more, its
#: full stop, question or exclamation mark, then a capitalised word ("St.Louis", "Ph.D", "U.S.Army"
#: and lower-case domains, "wsmv.com", stay whole).
_GLUED_SENTENCE = regex.compile(r"(?<=\b\p{L}*\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})")


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode ``raw``: a BOM first, then UTF-8, then a Windows code page.

    The fallback, when the bytes are not valid UTF-8:

    * if at least as many valid multi-byte UTF-8 characters as invalid bytes
      are found, the file is UTF-8 with a few damaged bytes: they are replaced;
    * otherwise it is a legacy single-byte file: **cp1256** (Windows Arabic)
      when most of its non-ASCII bytes come in runs of three or more (whole
      words in a non-Latin script), else **cp1252** (Windows Western, a superset
      of Latin-1 in practice); the few bytes cp1252 leaves undefined are replaced.

    Replaced bytes become U+FFFD; the warning names the encoding and counts them.

    Args:
        raw: The bytes of a file or of one JSON line.

    Returns:
        The text with newlines normalised to ``\\n``, and a warning ("" if clean).

    >>> decode_bytes(b"caf\\xc3\\xa9\\r\\n")
    ('café\\n', '')
    >>> decode_bytes(b"caf\\xc3\\xa9, bad \\xff byte")
    ('café, bad \\ufffd byte', 'warning: 1 undecodable byte replaced with U+FFFD')
    >>> decode_bytes(b"caf\\xe9 bombing")
    ('café bombing', 'warning: not UTF-8; decoded as cp1252, 0 bytes replaced with U+FFFD')
    >>> decode_bytes("قتل عشرة".encode("cp1256"))[1]
    'warning: not UTF-8; decoded as cp1256, 0 bytes replaced with U+FFFD'
    """
    for bom, bom_encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            text, replaced = _decode_counting(raw, bom_encoding)
            break
    else:
        text, replaced = _decode_counting(raw, "utf-8")
        if replaced and sum(1 for char in text if "\x7f" < char != "\ufffd") < replaced:
            encoding = "cp1256" if _looks_arabic(raw) else "cp1252"
            text, replaced = _decode_counting(raw, encoding)
            noun = "byte" if replaced == 1 else "bytes"
            return (
                normalise_newlines(text),
                f"warning: not UTF-8; decoded as {encoding}, {replaced} {noun} replaced with U+FFFD",
            )
    warning = ""
    if replaced:
        noun = "byte" if replaced == 1 else "bytes"
        warning = f"warning: {replaced} undecodable {noun} replaced with U+FFFD"
    return normalise_newlines(text), warning


def _count_replacement(error: UnicodeError) -> tuple[str, int]:
    """The ``sitrep_count`` codec error handler: U+FFFD for the bad bytes, counted for this thread."""
    _replaced.count += error.end - error.start
    return "\ufffd", error.end


# Codec error handlers are registered process-wide, so the handler is registered once and
# counts into a per-thread counter: decoding on several threads (Dask workers) cannot mix counts.
_replaced = threading.local()
codecs.register_error("sitrep_count", _count_replacement)


def _decode_counting(raw: bytes, encoding: str) -> tuple[str, int]:
    """``raw`` decoded with undecodable bytes replaced by U+FFFD, and how many were replaced."""
    try:
        return raw.decode(encoding), 0
    except UnicodeDecodeError:
        _replaced.count = 0
        return raw.decode(encoding, errors="sitrep_count"), _replaced.count


def _looks_arabic(raw: bytes) -> bool:
    """True when most non-ASCII bytes come in runs of 3+ (words of a non-Latin script).

    Western European text has isolated accented letters ("café", "Größe"); Arabic
    in a Windows code page writes whole words in bytes above 0x7F.

    >>> _looks_arabic("قتل عشرة".encode("cp1256")), _looks_arabic("Café Größe".encode("cp1252"))
    (True, False)
    """
    high = sum(1 for byte in raw if byte > 0x7F)
    in_runs = sum(len(run) for run in re.findall(rb"[\x80-\xff]{3,}", raw))
    return high > 0 and in_runs * 2 >= high


def normalise_newlines(text: str) -> str:
    """``text`` with ``\\r\\n`` and ``\\r`` line ends made ``\\n``.

    >>> normalise_newlines("a\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def blank_invisible(text: str) -> str:
    """``text`` with each invisible format character (Unicode category Cf: zero-width spaces,
    byte-order marks inside the text, direction marks) made a space. A reader sees none of them,
    but they glue a word to the one before ("\u200bNEW ORLEANS --", a web page's zero-width space
    before its dateline, is no dateline to the tokenizer); a space keeps every offset into the
    text. The soft hyphen is kept: it lies inside a word, which it does not split.

    >>> blank_invisible("\u200bNEW ORLEANS -- Po\u00adlice said\ufeff")
    ' NEW ORLEANS -- Po\xadlice said '
    """
    return _INVISIBLE.sub(" ", text)


def space_glued_sentences(text: str) -> str:
    """``text`` with a space between two sentences a page ran together, so that the tokenizer, the
    sentence splitter and the named-entity model see two sentences ("said.Three men were shot").
    Each space moves the offsets after it by one (:func:`glued_sentence_starts` tells where).

    >>> space_glued_sentences("in Winchester.Officers said.Three were shot in St.Louis, see wsmv.com")
    'in Winchester. Officers said. Three were shot in St.Louis, see wsmv.com'
    """
    return _GLUED_SENTENCE.sub(" ", text)


def glued_sentence_starts(text: str) -> list[int]:
    """The offsets in ``text`` (before :func:`space_glued_sentences`) where a space goes in: to map an
    offset of the spaced text back, take away the number of these that lie before it (the i-th
    space sits at ``starts[i] + i`` of the spaced text).

    >>> glued_sentence_starts("in Winchester.Officers said.Three were shot")
    [14, 28]
    """
    return [match.start() for match in _GLUED_SENTENCE.finditer(text)]


def looks_binary(raw: bytes) -> bool:
    """True when the head of ``raw`` holds a NUL byte (outside UTF-16) or over 10% control characters.

    The characters of UTF-16 text (after its byte-order mark) are counted, not its
    bytes: half of them are NUL for Latin script.

    >>> looks_binary(b"\\x00\\x01\\x02PNG"), looks_binary(b"Text\\n"), looks_binary("Text".encode("utf-16"))
    (True, False, False)
    """
    head = raw[:BINARY_HEAD_BYTES]
    if head.startswith(UTF16_BOMS):
        characters = [ord(c) for c in head[: len(head) // 2 * 2].decode("utf-16", errors="replace")]
    elif b"\x00" in head:
        return True
    else:
        characters = list(head)
    control = sum(1 for code in characters if code < 32 and code not in (9, 10, 12, 13))
    return control > len(characters) * 0.1


def replace_surrogates(record: dict) -> tuple[dict, int]:
    """``record`` with lone surrogates in its string values replaced by U+FFFD, and their count.

    JSON ``"\\ud800"`` escapes decode to lone surrogates, which no file format can store.

    Args:
        record: A decoded JSON object.

    Returns:
        A copy with clean strings, and how many surrogates were replaced.

    >>> replace_surrogates({"text": "a\\ud800b", "n": 1})
    ({'text': 'a\ufffdb', 'n': 1}, 1)
    """
    count = 0
    clean = {}
    for key, value in record.items():
        if isinstance(value, str):
            value, n = _SURROGATE.subn("\ufffd", value)
            count += n
        clean[key] = value
    return clean, count
