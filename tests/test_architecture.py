"""The package's shape: layers along the data path, no import loops, one registry of tables.

The import graph is read from the source (``ast``), so a loop or a layer
violation is found even where Python would tolerate it at run time.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from helpers import config
from helpers.aggregate.registry import AGGREGATES, CORPUS_TABLES
from helpers.extract.registry import ARTICLE_TABLES, EXTRACTORS, LOADER_TABLES
from helpers.tables import SCHEMAS

PACKAGE = config.PACKAGE_DIR
#: Layers of the data path, lowest first: a module may import from its own layer or a lower one.
#: ``cli`` also holds the package's own ``__init__``: the public names of ``import helpers``.
LAYERS = ("base", "knowledge", "ingest", "nlp", "extract", "aggregate", "run", "views", "cli")
BASE_MODULES = {"helpers.config", "helpers.tables", "helpers.articles", "helpers.atomic"}
#: The only imports inside functions, each for a reason: Dask is an optional extra; the
#: report commands' Jupyter libraries take seconds to import, which ``extract`` should not pay;
#: importing ``tqdm.auto`` in a kernel without ipywidgets prints a warning, so only a shown bar does;
#: the readers of web pages, PDF and Word files (0.7 s to import together) load their library only
#: when a corpus holds such a file.
DEFERRED_IMPORTS = {
    ("helpers.run.dask", "dask.distributed"),
    ("helpers.ingest.documents", "trafilatura"),
    ("helpers.ingest.documents", "pdfminer.high_level"),
    ("helpers.ingest.documents", "pdfminer.layout"),
    ("helpers.ingest.documents", "docx"),
    ("helpers.ingest.documents", "docx.table"),
    ("helpers.cli", "helpers.views"),
    ("helpers.nlp.parse", "tqdm.auto"),
    # datasketch imports SciPy (about a second): a run reading its articles from the cache needs neither
    ("helpers.ingest.near_duplicates", "datasketch"),
}
#: Largest module, in lines (data tables aside).
MAX_MODULE_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    if module in BASE_MODULES:
        return "base"
    if module in {"helpers", "helpers.cli", "helpers.__main__"}:
        return "cli"
    return module.split(".")[1]


def resolve(name: str) -> str | None:
    """The project module an imported name refers to (a module, or the package holding a name)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports(module: str) -> tuple[set[str], set[str]]:
    """Project modules imported at module level, and every module imported inside a function."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    top, nested = set(), set()
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    inside = {id(n) for f in functions for n in ast.walk(f)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] if id(node) in inside else [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            if id(node) in inside:
                nested.add(name)
            elif name.startswith("helpers") and (target := resolve(name)) and target != module:
                top.add(target)
    return top, nested


GRAPH = {module: imports(module)[0] for module in MODULES}


def test_every_module_is_in_a_layer():
    assert {layer(m) for m in MODULES} <= set(LAYERS)


def test_no_relative_imports():
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level]
        assert not relative, f"{module} uses relative imports at lines {relative}"


def test_lower_layers_never_import_higher_ones():
    wrong = [
        (module, target)
        for module, targets in GRAPH.items()
        for target in targets
        if LAYERS.index(layer(target)) > LAYERS.index(layer(module))
    ]
    assert not wrong, f"imports against the data path: {wrong}"


def test_no_import_loops():
    """No module imports, directly or through others, a module that imports it
    (a package's ``__init__`` importing its own sub-modules is not a loop)."""

    def edges(module: str) -> set[str]:
        return {
            t
            for t in GRAPH[module]
            if not module.startswith(f"{t}.") and not t.startswith(f"{module}.") and t != "helpers"
        }

    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    loops: list[list[str]] = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in edges(module):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                loops.append(sorted(component))

    for module in MODULES:
        if module not in index:
            visit(module)
    assert not loops, f"import loops: {loops}"


def test_imports_sit_at_module_top():
    nested = {(module, name) for module in MODULES for name in imports(module)[1]}
    assert nested <= DEFERRED_IMPORTS, f"imports inside functions: {sorted(nested - DEFERRED_IMPORTS)}"


def test_modules_are_small():
    large = {
        module: n
        for module, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not large, f"modules over {MAX_MODULE_LINES} lines: {large}"


def test_every_table_has_one_producer_and_a_schema():
    produced = [*LOADER_TABLES, *(t for e in EXTRACTORS for t in e.writes), *CORPUS_TABLES]
    assert sorted(produced) == sorted(SCHEMAS), "every schema is written by exactly one producer"
    assert list(ARTICLE_TABLES) + list(CORPUS_TABLES) == produced
    built = set(ARTICLE_TABLES)
    for aggregate in AGGREGATES:
        assert set(aggregate.reads) <= built, f"{aggregate.table} reads a table built after it"
        built.add(aggregate.table)


def readme_sections() -> dict[str, str]:
    """The README's data dictionary: the text under each ``### `table` …`` heading."""
    text = (config.PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    dictionary = text.split("## Data dictionary", 1)[1].split("\n## ", 1)[0]
    sections: dict[str, str] = {}
    for heading, body in re.findall(r"^### ([^\n]+)\n(.*?)(?=^### |\Z)", dictionary, re.M | re.S):
        for table in re.findall(r"`(\w+)`", heading):
            sections[table] = sections.get(table, "") + body
    return sections


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_readme_documents_every_column(table):
    sections = readme_sections()
    assert table in sections, f"the README's data dictionary has no section for {table!r}"
    missing = [c for c in SCHEMAS[table].names if f"`{c}`" not in sections[table]]
    assert not missing, f"README section of {table!r} does not name {missing}"
