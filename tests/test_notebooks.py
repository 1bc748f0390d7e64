"""The notebooks follow the house rules; nbval (run by the same pytest command) checks their outputs."""

import re

import nbformat
import pytest

from helpers import config
from helpers.views.report import notebook_paths

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
