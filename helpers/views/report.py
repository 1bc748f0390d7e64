"""Static HTML reports: the findings page, the notebooks rendered as pages, evidence pages.

``build_reports`` extracts the corpus tables once (with a progress bar), writes the
evidence pages, executes every ``notebooks/NN-*.ipynb`` with papermill (the corpus
injected as the ``CORPUS`` parameter; one progress line each), renders each to
self-contained HTML with a navigation bar (images embedded, no code cells unless
asked, no external scripts), writes the full tables as CSV next to the reports, and
``index.html``: the findings page (:mod:`helpers.views.findings`). A failing notebook
is named (with its cell) and rendered as far as it ran; the others still render, and
the command exits non-zero.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from helpers import config
from helpers.ingest import iter_articles
from helpers.run import load_tables
from helpers.run.reader import nothing_loaded
from helpers.tables import SCHEMAS
from helpers.views.corpus import skipped_inputs
from helpers.views.evidence import evidence_list_page, write_evidence_pages
from helpers.views.execute import CELL_TIMEOUT, KERNEL, Progress, QuietKernelManager, execute_notebook
from helpers.views.findings import findings_sections, report_list
from helpers.views.page import full_list, html_table, nav_bar, page
from helpers.views.page_tables import TABLE_SCRIPT, write_table_script
from helpers.views.profiles import profile_names, write_profiles

NOTEBOOK_PATTERN = re.compile(r"^\d\d-[a-z0-9-]+\.ipynb$")
TEMPLATES = Path(__file__).with_name("templates")
_EXTERNAL_SCRIPT = re.compile(r"<script[^>]*\bsrc=[\"']https?://[^>]*>\s*</script>", re.IGNORECASE)
#: nbconvert's log: its warning about images without alternative text is not for the console
#: (Sitrep's own images carry alternative text; the notebooks give theirs with ``Image(alt=...)``).
RENDER_LOG = logging.getLogger("sitrep.render")
RENDER_LOG.setLevel(logging.ERROR)


@dataclass
class NotebookRun:
    """The outcome of one notebook: where its page is, and the error if it failed."""

    notebook: str
    html: str
    title: str
    error: str = ""


def notebook_paths(directory: Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks (``NN-kebab-case.ipynb``), in order."""
    return sorted(p for p in directory.glob("*.ipynb") if NOTEBOOK_PATTERN.match(p.name))


def notebook_title(path: Path) -> str:
    """The first ``# Title`` line of a notebook's first markdown cell."""
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def notebook_tables(stem: str) -> list[str]:
    """The tables behind a report notebook (``helpers/data/report_tables.json``); [] if not listed.

    >>> notebook_tables("04-casualties")
    ['casualties', 'casualty_totals', 'incidents']
    """
    listed = json.loads((config.DATA_DIR / "report_tables.json").read_text(encoding="utf-8"))
    return list(listed["notebooks"].get(stem, []))


def report_nav(
    runs: Sequence[NotebookRun], *, tables: Sequence[str] = (), prefix: str = ""
) -> list[tuple[str, str]]:
    """Links every page carries: the findings, each report, the evidence pages, the tables.

    Args:
        runs: The report pages.
        tables: CSV files (under ``tables/``) of the page's own tables, linked by name.
        prefix: Path from the page to the report folder (``../`` for evidence pages).
    """
    links = [("Findings", f"{prefix}index.html")]
    links += [(run.title, f"{prefix}{run.html}") for run in runs]
    links += [
        ("Evidence pages", f"{prefix}articles/index.html"),
        ("All tables (CSV)", f"{prefix}tables/index.html"),
    ]
    links += [(f"{name}.csv", f"{prefix}tables/{name}.csv") for name in tables]
    return links


def render_html(notebook_path: Path, *, show_code: bool = False, nav: Sequence[tuple[str, str]] = ()) -> str:
    """A notebook as self-contained HTML with a navigation bar: embedded images, no external scripts."""
    exporter = HTMLExporter(
        template_name="sitrep",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        log=RENDER_LOG,
    )
    body, _ = exporter.from_notebook_node(
        nbformat.read(notebook_path, as_version=4), resources={"sitrep_nav": nav_bar(nav)}
    )
    return _EXTERNAL_SCRIPT.sub("", body)


def build_reports(
    corpus: str | os.PathLike | None,
    out: str | os.PathLike,
    *,
    model: str | None = None,
    show_code: bool = False,
    actors: Sequence[str | os.PathLike] = (),
    notebooks_dir: Path = config.NOTEBOOKS_DIR,
) -> int:
    """Execute and render every notebook on ``corpus``; write ``out/index.html``, the findings page.

    Args:
        corpus: Corpus folder or file (default ``seeds/``).
        out: Report folder.
        model: spaCy pipeline name.
        show_code: Keep code cells in the HTML.
        actors: The user's actor dictionaries (CSV), used by every table and notebook.
        notebooks_dir: Where the numbered notebooks are.

    Returns:
        0 when every notebook ran, 1 otherwise (the failures are printed), or when no
        article could be loaded (the index then says there is nothing to show, and why).
    """
    corpus_path = Path(corpus) if corpus else config.default_corpus()
    corpus_name = corpus_path.name or str(corpus_path)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    print(f"extracting tables from {corpus_path}", flush=True)
    actors = [str(Path(path).resolve()) for path in actors]
    tables = load_tables(corpus_path, model=model, actors=actors)
    csv_files = _export_csv(tables, out / "tables")
    if tables.manifest["inputs"]["loaded"] == 0:
        message = nothing_loaded(corpus_path, tables)
        (out / "index.html").write_text(
            nothing_to_show_html(corpus_name, message, skipped_inputs(tables)), encoding="utf-8"
        )
        print(f"error: {message}; wrote {out / 'index.html'}", file=sys.stderr, flush=True)
        return 1
    notebooks = notebook_paths(notebooks_dir)
    runs = [NotebookRun(nb.name, nb.with_suffix(".html").name, notebook_title(nb)) for nb in notebooks]
    print("writing evidence pages and profiles", flush=True)
    below = report_nav(runs, prefix="../")  # the links of pages one folder down
    write_table_script(out)
    script = "../" + TABLE_SCRIPT  # the same for pages one folder down
    profiled = {key: f"../profiles/{name}" for key, name in profile_names(tables).items()}
    pages = write_evidence_pages(
        iter_articles(corpus_path), tables, out / "articles", nav=below, script=script, profiles=profiled
    )
    profiles = write_profiles(tables, pages, out / "profiles", nav=below, script=script)
    (out / "articles" / "index.html").write_text(
        evidence_list_page(tables, pages, nav=below, script=script), encoding="utf-8"
    )
    (out / "tables" / "index.html").write_text(
        tables_page(corpus_name, tables, csv_files, nav=below, script=script), encoding="utf-8"
    )
    if model:
        os.environ["SITREP_MODEL"] = model
    os.environ["SITREP_PROGRESS"] = "0"
    progress = Progress(len(notebooks))
    parameters = {"CORPUS": str(corpus_path.resolve()), "ACTORS": actors}
    with tempfile.TemporaryDirectory() as work:
        for notebook, run in zip(notebooks, runs):
            progress.start(notebook.stem)
            executed = Path(work) / notebook.name
            run.error = execute_notebook(notebook, executed, parameters)
            progress.finish(failed=bool(run.error))
            if run.error:
                print(run.error, file=sys.stderr, flush=True)
            own = [t for t in notebook_tables(notebook.stem) if f"{t}.csv" in csv_files]
            if executed.exists():
                rendered = render_html(executed, show_code=show_code, nav=report_nav(runs, tables=own))
                (out / run.html).write_text(rendered, encoding="utf-8")
    (out / "index.html").write_text(index_html(corpus_name, tables, runs, pages, profiles), encoding="utf-8")
    print(f"reports written to {out / 'index.html'}", flush=True)
    return 1 if any(run.error for run in runs) else 0


#: First characters that make a spreadsheet read a cell as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells starting like a formula begin with ``'`` (OWASP).

    >>> frame = pd.DataFrame({"a": ["=HYPERLINK(1)", "ok", "@x"], "n": [-1, 2, 3]})
    >>> neutralise_formulas(frame).to_dict("list")
    {'a': ["'=HYPERLINK(1)", 'ok', "'@x"], 'n': [-1, 2, 3]}
    """
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v
            )
    return frame


def _export_csv(tables, directory: Path) -> list[str]:
    """Every table as CSV for spreadsheets, formulas neutralised (the Parquet tables keep the raw text)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in SCHEMAS:
        try:
            neutralise_formulas(tables.read(table)).to_csv(directory / f"{table}.csv", index=False)
        except FileNotFoundError:
            continue
        written.append(f"{table}.csv")
    return written


def input_counts(tables) -> pd.DataFrame:
    """Inputs (loaded + skipped) and the size of each extracted table, as ``what, count`` rows."""
    articles = tables.read("articles", columns=["status"])
    loaded = int((articles["status"] == "loaded").sum())
    casualties = tables.read("casualties", columns=["excluded"])
    excluded = int(casualties["excluded"].astype(bool).sum())
    rows = {
        "inputs (files or records)": len(articles),
        "articles loaded": loaded,
        "inputs skipped": len(articles) - loaded,
        "entity mentions": len(tables.read("mentions", columns=["article_id"])),
        "actors": len(tables.read("actors", columns=["actor_id"])),
        "persons": len(tables.read("persons", columns=["person_id"])),
        "places": len(tables.read("places", columns=["place_id"])),
        "casualty figures counted": len(casualties) - excluded,
        "casualty figures found but not counted": excluded,
    }
    return pd.DataFrame({"what": list(rows), "count": list(rows.values())})


def whole_lists(runs: list[NotebookRun]) -> dict[str, str]:
    """Table -> where its rows are all shown: the first report built on it and its CSV.

    >>> whole_lists([NotebookRun("03-locations.ipynb", "03-locations.html", "03 · Where")])["places"]
    'all in <a href="03-locations.html">03 · Where</a> and <a href="tables/places.csv">places.csv</a>'
    """
    whole: dict[str, str] = {}
    for run in runs:
        for table in notebook_tables(Path(run.notebook).stem):
            whole.setdefault(table, full_list(run.html, run.title, table))
    return whole


def index_html(
    corpus_name: str, tables, runs: list[NotebookRun], pages: pd.DataFrame, profiles: dict[str, str]
) -> str:
    """The findings page: findings first, then the input accounting, the reports and the pages.

    Args:
        corpus_name: Shown in the title.
        tables: The corpus tables.
        runs: The notebooks and their pages.
        pages: Evidence pages (``article_id``, ``title``, ``page``).
        profiles: Actor or place id -> its profile page.

    Every value from the corpus is HTML-escaped.
    """
    esc = html.escape
    body = f"""<h1>Sitrep findings: {esc(corpus_name)}</h1>
<p class="muted">Generated {dt.date.today().isoformat()}. Names link to their evidence.</p>
{findings_sections(tables, pages, profiles, whole_lists(runs))}
<h2>Inputs</h2>{html_table(input_counts(tables))}
<h3>Skipped inputs and warnings</h3>{_skipped_table(skipped_inputs(tables))}
<h2>Reports</h2>{report_list(runs)}
<p><a href="articles/index.html">Every article with its highlighted evidence</a>
({(pages["page"] != "").sum():,} pages) · <a href="tables/index.html">every table as CSV</a></p>
<p class="muted">Places: GeoNames (CC BY 4.0). Boundaries: Natural Earth (public domain).</p>"""
    return page(f"Sitrep findings: {corpus_name}", body, nav=report_nav(runs), script=TABLE_SCRIPT)


def tables_page(corpus_name: str, tables, csv_files: list[str], *, nav, script: str = "") -> str:
    """The list of CSV tables with their row counts."""
    rows = pd.DataFrame(
        {
            "table": [name.removesuffix(".csv") for name in csv_files],
            "rows": [
                tables.manifest.get("rows", {}).get(name.removesuffix(".csv"), pd.NA) for name in csv_files
            ],
            "href": csv_files,
        }
    )
    body = f"""<h1>Tables: {html.escape(corpus_name)}</h1>
<p>Every table in full, as CSV for spreadsheets (cells that would start a formula begin with ').
The columns are described in the README ("Tables").</p>{html_table(rows, links={"table": "href"})}"""
    return page(f"Tables: {corpus_name}", body, nav=nav, script=script)


def nothing_to_show_html(corpus_name: str, message: str, skipped) -> str:
    """The report index of a corpus where no article could be loaded: why, and every skipped input.

    Args:
        corpus_name: Shown in the title.
        message: The one-line reason (:func:`helpers.run.reader.nothing_loaded`).
        skipped: Skipped inputs (``path``, ``record``, ``status``, ``reason``).

    Every value from the corpus is HTML-escaped.

    >>> "Nothing to show" in nothing_to_show_html("<x>", "no article", [])
    True
    """
    body = f"""<h1>Sitrep report: {html.escape(corpus_name)}</h1>
<h2>Nothing to show</h2>
<p class="error">{html.escape(message)}.</p>
<p>Sitrep reads .txt, .md, .html, .pdf and .docx articles and .json, .jsonl and .csv records
(see "Your own corpus" in the README). Every input and the reason it was skipped:</p>
{_skipped_table(skipped)}"""
    return page(f"Sitrep report: {corpus_name}", body)


def _skipped_table(skipped) -> str:
    """Skipped inputs and warnings as an HTML table (escaped), or a line saying there are none."""
    if not len(skipped):
        return "<p>None: every input was loaded without warnings.</p>"
    return html_table(skipped)


def refresh_notebooks(directory: Path = config.NOTEBOOKS_DIR) -> int:
    """Re-execute every numbered notebook in place on ``seeds/`` (keeps execution counts)."""
    os.environ["SITREP_PROGRESS"] = "0"
    notebooks = notebook_paths(directory)
    progress = Progress(len(notebooks))
    for notebook in notebooks:
        progress.start(notebook.stem)
        node = nbformat.read(notebook, as_version=4)
        NotebookClient(
            node,
            timeout=CELL_TIMEOUT,
            kernel_name=KERNEL,
            kernel_manager_class=QuietKernelManager,
            resources={"metadata": {"path": str(directory)}},
        ).execute()
        nbformat.write(node, notebook)
        progress.finish()
    return 0
