"""The model's products on numpy's BLAS, one thread: same annotations as thinc's BLIS."""

import numpy
import pytest
import spacy
from threadpoolctl import threadpool_info

from helpers import config
from helpers.nlp.matrix_ops import MODEL_OPS, numpy_blas_ops, one_blas_thread, ops_name
from helpers.nlp.parse import _pipe

TEXTS = [
    "Gunmen killed seven villagers and wounded 12 others near the market town on Tuesday, officials said.",
    "The army's spokesman, Colonel Amadou Diallo, told reporters that two soldiers were missing.",
    "BREAKING: Three Policemen Shot Dead In Northern Province Ambush",
    "Residents fled as fighting spread to the outskirts of the provincial capital late on Sunday night.",
]
ATTRIBUTES = ["TAG", "POS", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START", "LEMMA"]


@pytest.fixture(scope="module")
def numpy_model():
    with numpy_blas_ops():
        return spacy.load(config.default_model())


def _blis_layers(nlp) -> set[str]:
    return {
        node.name
        for _, component in nlp.pipeline
        if getattr(component, "model", None) is not None
        for node in component.model.walk()
        if node.ops.use_blis
    }


def test_every_layer_of_the_loaded_model_uses_numpy_blas(numpy_model, nlp):
    # The parser's and NER's output layer ("linear") is made anew when their labels are
    # loaded; spaCy's compiled step computes its products (with BLIS) either way.
    assert _blis_layers(numpy_model) <= {"linear"}
    assert ops_name(numpy_model) == MODEL_OPS
    assert "maxout" in _blis_layers(nlp)  # the bare model, loaded outside the block, keeps BLIS
    assert ops_name(nlp) == "BLIS"


def test_annotations_are_those_of_blis(numpy_model, nlp):
    with one_blas_thread():
        ours = list(numpy_model.pipe(TEXTS))
    theirs = list(nlp.pipe(TEXTS))
    for mine, raw in zip(ours, theirs):
        assert numpy.array_equal(mine.to_array(ATTRIBUTES), raw.to_array(ATTRIBUTES)), mine.text
        assert [(e.start, e.end, e.label_) for e in mine.ents] == [
            (e.start, e.end, e.label_) for e in raw.ents
        ]


def _blas_threads() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


def test_the_model_runs_on_one_blas_thread(numpy_model):
    """Within the parse stream numpy's BLAS has one thread; outside, its own setting again."""
    before = _blas_threads()
    seen = []
    for _ in _pipe(numpy_model, TEXTS[:2], batch_size=2, processes=1):
        seen.append(_blas_threads())
    assert seen == [{1}, {1}]
    assert _blas_threads() == before


def test_a_blas_loaded_after_the_first_limit_is_limited_too(numpy_model):
    """SciPy's own OpenBLAS, imported after a first parse, runs on one thread within the next."""
    with one_blas_thread():
        pass
    import scipy.linalg  # noqa: F401  (loads SciPy's OpenBLAS if no test did before)

    with one_blas_thread():
        assert _blas_threads() == {1}
