"""Static HTML reports: run the numbered notebooks on a corpus and render each page.

``build_reports`` extracts the corpus tables once (with a progress bar), then
executes every ``notebooks/NN-*.ipynb`` with papermill (the corpus injected as
the ``CORPUS`` parameter), renders each to self-contained HTML (images
embedded, no code cells unless asked, no external scripts), writes the full
tables as CSV next to the reports, and an ``index.html`` linking everything.
A failing notebook is named (with its cell) and rendered as far as it ran; the
others still render, and the command exits non-zero.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd
import papermill
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from helpers import config
from helpers.ingest import iter_articles
from helpers.run import load_tables
from helpers.run.reader import nothing_loaded
from helpers.tables import SCHEMAS
from helpers.views.corpus import skipped_inputs
from helpers.views.evidence import write_evidence_pages

NOTEBOOK_PATTERN = re.compile(r"^\d\d-[a-z0-9-]+\.ipynb$")
KERNEL = "python3"
CELL_TIMEOUT = 1800
MAX_INDEX_ARTICLES = 200
_EXTERNAL_SCRIPT = re.compile(r"<script[^>]*\bsrc=[\"']https?://[^>]*>\s*</script>", re.IGNORECASE)


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


def render_html(notebook_path: Path, *, show_code: bool = False) -> str:
    """A notebook as self-contained HTML: embedded images, no external scripts."""
    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(nbformat.read(notebook_path, as_version=4))
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
    """Execute and render every notebook on ``corpus``; write ``out/index.html``.

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
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    print(f"extracting tables from {corpus_path}", flush=True)
    actors = [str(Path(path).resolve()) for path in actors]
    tables = load_tables(corpus_path, model=model, actors=actors)
    csv_files = _export_csv(tables, out / "tables")
    if tables.manifest["inputs"]["loaded"] == 0:
        message = nothing_loaded(corpus_path, tables)
        (out / "index.html").write_text(
            nothing_to_show_html(corpus_path.name or str(corpus_path), message, skipped_inputs(tables)),
            encoding="utf-8",
        )
        print(f"error: {message}; wrote {out / 'index.html'}", file=sys.stderr, flush=True)
        return 1
    pages = write_evidence_pages(iter_articles(corpus_path), tables, out / "articles")
    notebooks = notebook_paths(notebooks_dir)
    runs: list[NotebookRun] = []
    env_model = {"SITREP_MODEL": model} if model else {}
    os.environ.update(env_model)
    os.environ["SITREP_PROGRESS"] = "0"
    with tempfile.TemporaryDirectory() as work:
        for number, notebook in enumerate(notebooks, start=1):
            print(f"[{number}/{len(notebooks)}] executing {notebook.name}", flush=True)
            executed = Path(work) / notebook.name
            error = ""
            try:
                papermill.execute_notebook(
                    str(notebook),
                    str(executed),
                    parameters={"CORPUS": str(corpus_path.resolve()), "ACTORS": actors},
                    kernel_name=KERNEL,
                    progress_bar=False,
                    cwd=str(notebook.parent),
                    execution_timeout=CELL_TIMEOUT,
                )
            except Exception as exc:  # report it, render what ran, go on with the others
                error = _describe_failure(notebook.name, exc)
                print(error, file=sys.stderr, flush=True)
            page = notebook.with_suffix(".html").name
            if executed.exists():
                (out / page).write_text(render_html(executed, show_code=show_code), encoding="utf-8")
            runs.append(NotebookRun(notebook.name, page, notebook_title(notebook), error))
    counts = _headline_counts(tables)
    (out / "index.html").write_text(
        index_html(
            corpus_path.name or str(corpus_path), runs, counts, skipped_inputs(tables), pages, csv_files
        ),
        encoding="utf-8",
    )
    print(f"reports written to {out / 'index.html'}", flush=True)
    return 1 if any(run.error for run in runs) else 0


def _describe_failure(name: str, error: Exception) -> str:
    cell = getattr(error, "exec_count", None) or getattr(error, "cell_index", None)
    kind = getattr(error, "ename", type(error).__name__)
    value = getattr(error, "evalue", str(error))
    where = f" in cell {cell}" if cell is not None else ""
    return f"notebook {name} failed{where}: {kind}: {value}"


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


def _headline_counts(tables) -> dict[str, int]:
    """Inputs (loaded + skipped) and the size of each extracted table."""
    articles = tables.read("articles", columns=["status"])
    loaded = int((articles["status"] == "loaded").sum())
    casualties = tables.read("casualties", columns=["excluded"])
    return {
        "inputs (files or records)": len(articles),
        "articles loaded": loaded,
        "inputs skipped": len(articles) - loaded,
        "entity mentions": len(tables.read("mentions", columns=["article_id"])),
        "actors": len(tables.read("actors", columns=["actor_id"])),
        "persons": len(tables.read("persons", columns=["person_id"])),
        "places": len(tables.read("places", columns=["place_id"])),
        "casualty figures counted": int((~casualties["excluded"].astype(bool)).sum()),
        "casualty figures found but not counted": int(casualties["excluded"].astype(bool).sum()),
    }


def index_html(
    corpus_name: str, runs: list[NotebookRun], counts: dict[str, int], skipped, pages, tables: list[str]
) -> str:
    """The report index: corpus, run date, counts, links to each page, skipped inputs.

    Args:
        corpus_name: Shown in the title.
        runs: The notebooks and their pages.
        counts: Headline counts.
        skipped: Skipped inputs and warnings (``path``, ``record``, ``status``, ``reason``).
        pages: Evidence pages (``article_id``, ``title``, ``page``).
        tables: File names of the full tables written as CSV under ``tables/``.

    Every value from the corpus is HTML-escaped.
    """
    esc = html.escape
    today = dt.date.today().isoformat()
    count_items = "".join(f"<li><b>{value:,}</b> {esc(label)}</li>" for label, value in counts.items())
    links = "".join(
        f'<li><a href="{esc(run.html)}">{esc(run.title)}</a>'
        + (f' <span class="error">failed: {esc(run.error)}</span>' if run.error else "")
        + "</li>"
        for run in runs
    )
    skipped_html = _skipped_table(skipped)
    article_links = "".join(
        f'<li><a href="articles/{esc(row.page)}">{esc(row.title or row.article_id)}</a></li>'
        if row.page
        else f"<li>{esc(row.title or row.article_id)} (no page: over the limit)</li>"
        for row in pages.head(MAX_INDEX_ARTICLES).itertuples(index=False)
    )
    table_links = ", ".join(f'<a href="tables/{esc(name)}">{esc(name)}</a>' for name in tables)
    more = len(pages) - MAX_INDEX_ARTICLES
    if more > 0:
        article_links += f"<li>… and {more:,} more (see tables/articles.csv)</li>"
    return f"""{_page_head(corpus_name)}
<h1>Sitrep report: {esc(corpus_name)}</h1>
<p class="muted">Generated {today}. Full tables as CSV: {table_links}.</p>
<h2>Counts</h2><ul>{count_items}</ul>
<h2>Reports</h2><ol>{links}</ol>
<h2>Articles with highlighted evidence</h2><ul>{article_links}</ul>
<h2>Skipped inputs and warnings</h2>{skipped_html}
<p class="muted">Places: GeoNames (CC BY 4.0). Boundaries: Natural Earth (public domain).</p>
</body></html>
"""


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
    return f"""{_page_head(corpus_name)}
<h1>Sitrep report: {html.escape(corpus_name)}</h1>
<h2>Nothing to show</h2>
<p class="error">{html.escape(message)}.</p>
<p>Sitrep reads .txt, .md, .html, .pdf and .docx articles and .json, .jsonl and .csv records
(see "Your own corpus" in the README). Every input and the reason it was skipped:</p>
{_skipped_table(skipped)}
</body></html>
"""


def _page_head(corpus_name: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Sitrep report: {html.escape(corpus_name)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; color: #222; }}
h1 {{ color: #1f4e79; }} table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; }}
.error {{ color: #b00020; }} .muted {{ color: #666; }}
</style></head><body>"""


def _skipped_table(skipped) -> str:
    """Skipped inputs and warnings as an HTML table (escaped), or a line saying there are none."""
    if not len(skipped):
        return "<p>None: every input was loaded without warnings.</p>"
    esc = html.escape
    rows = "".join(
        "<tr>" + "".join(f"<td>{esc('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in skipped.itertuples(index=False)
    )
    header = "".join(f"<th>{esc(c)}</th>" for c in skipped.columns)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"


def refresh_notebooks(directory: Path = config.NOTEBOOKS_DIR) -> int:
    """Re-execute every numbered notebook in place on ``seeds/`` (keeps execution counts)."""
    os.environ["SITREP_PROGRESS"] = "0"
    for notebook in notebook_paths(directory):
        print(f"executing {notebook.name}", flush=True)
        node = nbformat.read(notebook, as_version=4)
        NotebookClient(
            node, timeout=CELL_TIMEOUT, kernel_name=KERNEL, resources={"metadata": {"path": str(directory)}}
        ).execute()
        nbformat.write(node, notebook)
    return 0
