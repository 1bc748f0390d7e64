"""Document formats: web pages (HTML), PDF and Word (DOCX), each read by a well-kept library.

* HTML: ``trafilatura`` keeps the article's main text (no navigation, comments or
  page furniture) and reads the page's metadata: title, date (through
  ``htmldate``), author, site name and address.
* PDF: ``pdfminer.six`` groups the characters of each page into text boxes by
  their layout; a box is a paragraph, and each paragraph keeps its page number.
* DOCX: ``python-docx`` reads the body's paragraphs and tables in order, and the
  title of the document's properties.

Text as loaded: the title (when the format gives it apart from the text), a
blank line, then one paragraph per block, separated by blank lines. Each
library is imported when a file of its format is read, so a corpus without
such files does not pay for loading it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from helpers.articles import Article
from helpers.ingest.inputs import Fields, InputFile, fields_article, skipped

#: Date format asked of htmldate: the time and zone when the page gives them.
_HTML_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_NO_TIME = "T00:00:00"


def read_html(source: InputFile, raw: bytes) -> Iterator[Article]:
    """The article of a web page saved from a browser: its main text and metadata.

    Args:
        source: The file.
        raw: Its bytes (the page's own charset is honoured).

    Yields:
        Its one article, or a skipped one when the page holds no article text.
    """
    import trafilatura  # deferred: 0.4 s to import, paid only by corpora with web pages

    page = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={
            "extensive_search": True,
            "original_date": True,
            "outputformat": _HTML_DATE_FORMAT,
        },
    )
    if page is None or not (page.text or "").strip():
        yield skipped(source.stem_id, source.path, None, "web page without article text")
        return
    date = page.date or ""
    fields = Fields(
        body="\n\n".join(line.strip() for line in page.text.split("\n") if line.strip()),
        title=page.title or "",
        date=date.removesuffix(_NO_TIME),  # a day without a time of day
        url=page.url or "",
        site=page.sitename or "",
        author=page.author or "",
    )
    yield fields_article(source, fields)


def read_pdf(source: InputFile, raw: bytes) -> Iterator[Article]:
    """The article of a PDF: one paragraph per text box, each with its page number.

    Args:
        source: The file.
        raw: Its bytes.

    Yields:
        Its one article, or a skipped one when the PDF cannot be read or holds no text.
    """
    from pdfminer.high_level import extract_pages  # deferred: paid only by corpora with PDFs
    from pdfminer.layout import LAParams, LTTextContainer

    blocks: list[str] = []
    pages: list[int] = []
    length = 0
    try:
        for page in extract_pages(io.BytesIO(raw), laparams=LAParams()):
            pages.append(length)
            for element in page:
                if isinstance(element, LTTextContainer) and (box := " ".join(element.get_text().split())):
                    blocks.append(box)
                    length += len(box) + 2
    except Exception as error:  # pdfminer raises many kinds for damaged or encrypted files
        yield skipped(source.stem_id, source.path, None, f"unreadable PDF: {error or type(error).__name__}")
        return
    if not blocks:
        yield skipped(source.stem_id, source.path, None, "PDF without text (a scanned image?)")
        return
    yield fields_article(source, Fields(body="\n\n".join(blocks), pages=tuple(pages)))


def read_docx(source: InputFile, raw: bytes) -> Iterator[Article]:
    """The article of a Word document: its paragraphs and tables, in order, and its title property.

    Args:
        source: The file.
        raw: Its bytes.

    Yields:
        Its one article, or a skipped one when the file is no Word document or has no text.
    """
    import docx  # deferred: paid only by corpora with Word files
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as error:  # not a zip, not a Word package, a damaged part
        yield skipped(
            source.stem_id, source.path, None, f"unreadable Word file: {error or type(error).__name__}"
        )
        return
    blocks = []
    for part in document.iter_inner_content():
        if isinstance(part, Table):
            blocks += [" | ".join(cell.text.strip() for cell in row.cells) for row in part.rows]
        else:
            blocks.append(part.text)
    body = "\n\n".join(" ".join(block.split()) for block in blocks if block.strip())
    yield fields_article(source, Fields(body=body, title=document.core_properties.title or ""))
