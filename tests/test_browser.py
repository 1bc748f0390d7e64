"""The rendered reports in a real browser (headless Chromium via Playwright).

Needs Debian's ``chromium`` (``.ci/run`` installs it); skipped where it is absent.
Screenshots of every page are left in ``reports/browser-check/`` for review.
"""

import shutil

import pytest

from helpers import config
from helpers.views.report import build_reports, notebook_paths

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian package chromium not installed")
HOSTILE = """Hostile headline <script>window.__pwned = 1</script>

MOSUL (Test Wire) – Two soldiers were killed near Mosul <img src=x onerror="window.__pwned = 2">.

See <a href="javascript:window.__pwned = 3">this</a> and [that](javascript:window.__pwned=4).
"""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    for seed in (config.PROJECT_DIR / "seeds").glob("*"):
        shutil.copy(seed, corpus / seed.name)
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = config.PROJECT_DIR / "reports" / "browser-check"
    shutil.rmtree(out, ignore_errors=True)
    assert build_reports(corpus, out) == 0
    return out


@needs_chromium
def test_reports_load_cleanly_in_chromium(report_dir):
    from playwright.sync_api import sync_playwright

    pages = [report_dir / "index.html"]
    pages += [report_dir / p.with_suffix(".html").name for p in notebook_paths()]
    pages += sorted((report_dir / "articles").glob("*.html"))
    assert all(p.exists() for p in pages)
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.on(
            "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
        )
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
        for path in pages:
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            assert page.title().strip(), f"{path.name} has no title"
            assert page.locator("h1").count() >= 1, f"{path.name} shows no heading"
            widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.naturalWidth)")
            assert all(w > 0 for w in widths), f"{path.name} has an undecoded image"
            assert page.evaluate("() => window.__pwned === undefined"), f"script ran in {path.name}"
            assert page.locator('a[href^="javascript:"]').count() == 0
            page.screenshot(path=str(path.with_suffix(".png")), full_page=True)
        browser.close()
    assert problems == []


def test_notebook_pages_have_figures(report_dir):
    corpus_page = (report_dir / "01-corpus.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in corpus_page
    assert '<script src="http' not in corpus_page


def test_hostile_article_is_escaped(report_dir):
    hostile = (report_dir / "articles" / "hostile.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in hostile
    assert "<script>window.__pwned" not in hostile
    assert "<img src=x" not in hostile
    index = (report_dir / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in index


def test_a_failing_notebook_is_named_and_the_others_still_render(tmp_path, capsys):
    """Runs without a browser: one broken notebook, one good one."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for name, code in (("01-good.ipynb", "1 + 1"), ("02-broken.ipynb", "1 / 0")):
        notebook = new_notebook(
            cells=[
                new_markdown_cell(f"# {name}\n\nA test notebook."),
                new_code_cell("CORPUS = None", metadata={"tags": ["parameters"]}),
                new_code_cell(code),
            ]
        )
        notebook.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        nbformat.write(notebook, notebooks / name)
    out = tmp_path / "reports"
    assert build_reports(config.PROJECT_DIR / "seeds", out, notebooks_dir=notebooks) == 1
    assert (out / "01-good.html").exists() and (out / "02-broken.html").exists()
    error = capsys.readouterr().err
    assert "notebook 02-broken.ipynb failed in cell" in error and "ZeroDivisionError" in error
    assert "failed: notebook 02-broken.ipynb" in (out / "index.html").read_text(encoding="utf-8")


def test_index_accounts_for_every_input(report_dir):
    index = (report_dir / "index.html").read_text(encoding="utf-8")
    for line in ("<b>2</b> inputs (files or records)", "<b>2</b> articles loaded", "<b>0</b> inputs skipped"):
        assert line in index
