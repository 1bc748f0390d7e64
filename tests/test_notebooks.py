"""The notebooks follow the house rules; nbval (run by the same pytest command) checks their outputs."""

import re

import nbformat
import pytest

from helpers import config
from helpers.views.report import build_reports, notebook_paths

NOTEBOOKS = notebook_paths()


def test_every_notebook_is_numbered_kebab_case():
    every = sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))
    assert NOTEBOOKS and every == NOTEBOOKS, "every notebook is named NN-kebab-case.ipynb"
    numbers = [int(p.name[:2]) for p in NOTEBOOKS]
    assert numbers == list(range(1, len(NOTEBOOKS) + 1)), "notebooks are numbered 01, 02, … in order"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_shape(path):
    notebook = nbformat.read(path, as_version=4)
    first = notebook.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert len(first.source.split("\n\n", 1)[1]) > 100  # a purpose paragraph
    parameters = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(parameters) == 1 and "CORPUS = None" in parameters[0].source
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "regenerate with `make notebooks`"
    assert not any(o.output_type == "error" for c in code for o in c.outputs)
    assert not any(c.source.rstrip().endswith(";") for c in code)
    for cell in code:  # thin notebooks: no function definitions or loops
        assert not re.search(r"^\s*(def|class|for|while) ", cell.source, re.MULTILINE)


#: Tiny corpora (one article each, no publication date) where sections have nothing to show:
#: nothing at all (no entity, place, actor or casualty), and casualties without a place.
EMPTY_CORPORA = {
    "nothing": "Markets steady\n\nShares closed slightly higher as traders waited for news.",
    "no-place": "Soldiers killed in ambush\n\nGunmen killed four soldiers in an ambush, the army said. "
    "Three other soldiers were wounded.",
}
#: What a page must say on each corpus instead of failing.
NONE_FOUND = {
    "nothing": {
        "01-corpus.html": ["None found: the language model found no entity"],
        "02-actors.html": ["None found: no actor is named", "None found: no two actors"],
        "03-locations.html": ["None found: no place has coordinates", "no article names a place"],
        "04-casualties.html": ["None found: no casualty figure counts", "None found: no figure of people"],
    },
    "no-place": {
        "03-locations.html": ["None found: no place has coordinates"],
        "04-casualties.html": ["None found: no figure of people killed has a place", "publication date"],
    },
}


@pytest.mark.parametrize("name", sorted(EMPTY_CORPORA))
def test_notebooks_say_none_found_on_empty_corpora(name, tmp_path, monkeypatch):
    """Every notebook runs (papermill, as ``python -m helpers report`` does) and says what it did not find."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    corpus = tmp_path / name
    corpus.mkdir()
    (corpus / "article.txt").write_text(EMPTY_CORPORA[name], encoding="utf-8")
    assert build_reports(corpus, tmp_path / "reports") == 0
    for page, phrases in NONE_FOUND[name].items():
        html = (tmp_path / "reports" / page).read_text(encoding="utf-8")
        assert "Traceback" not in html
        for phrase in phrases:
            assert phrase in html, f"{page} does not say {phrase!r}"
