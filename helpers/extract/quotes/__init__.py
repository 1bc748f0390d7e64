"""Quotations in an article and who said them: direct, partial and indirect speech."""

from helpers.extract.quotes.marks import quote_spans
from helpers.extract.quotes.quotes import extract_quotes

__all__ = ["extract_quotes", "quote_spans"]
