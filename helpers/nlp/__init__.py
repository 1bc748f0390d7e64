"""NLP: the spaCy pipeline with Sitrep's components, parsing in one pass, and the parse cache."""

from helpers.nlp.doc_cache import DocCache
from helpers.nlp.parse import ParseStats, parse_articles, parse_text
from helpers.nlp.pipeline import ModelNotFoundError, build_pipeline

__all__ = ["DocCache", "ModelNotFoundError", "ParseStats", "build_pipeline", "parse_articles", "parse_text"]
