"""The parse cache: one spaCy ``DocBin`` per article text, on disk.

Entries live under a folder named by the pipeline key
(:func:`helpers.nlp.pipeline.pipeline_key`): an unchanged corpus parses nothing
twice, and a changed rule set invalidates exactly the documents parsed with the
old rules. Writes are atomic (temporary file + ``os.replace``), so concurrent
and interrupted runs never leave a half-written entry that a later run would
trust; a corrupt entry is discarded and recomputed with a warning.
"""

from __future__ import annotations

import logging
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy
import spacy.attrs
import srsly.msgpack
from spacy.language import Language
from spacy.morphology import Morphology
from spacy.tokens import Doc, DocBin

from helpers import config
from helpers.atomic import write_or_warn
from helpers.ingest import text_sha256 as text_hash

log = logging.getLogger(__name__)


@dataclass
class DocCache:
    """Parsed docs on disk, one ``DocBin`` file per article text.

    Attributes:
        directory: Folder of this pipeline's entries (``<cache>/docs/<pipeline key>``).
        writable: False once a write failed (read-only or full cache): later docs are not stored.
    """

    directory: Path
    writable: bool = True

    @classmethod
    def for_pipeline(cls, nlp: Language, root: Path | None = None) -> DocCache:
        """The cache of ``nlp`` under ``root`` (default :func:`config.cache_dir`)."""
        return cls.named(nlp.meta["sitrep_key"], root)

    @classmethod
    def named(cls, key: str, root: Path | None = None) -> DocCache:
        """The cache of the pipeline whose key is ``key`` (known before it is built)."""
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
            log.warning("discarding corrupt cache entry %s (%s); it will be recomputed", path.name, error)
            path.unlink(missing_ok=True)
            return None

    def put(self, text_sha256: str, doc: Doc) -> None:
        """Store ``doc`` atomically (a reader never sees a partial file).

        A cache that cannot be written (read-only, full) is not an error: the run
        goes on without storing, after one warning naming the folder.
        """
        if self.writable:
            self.writable = write_or_warn(self.path(text_sha256), doc_bin_bytes(doc), "parse cache")


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
    texts.update(
        "" if strings[key] == Morphology.EMPTY_MORPH else strings[key]
        for key in numpy.unique(tokens[:, morph_column]).tolist()
    )
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
