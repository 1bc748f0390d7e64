"""The rendered reports in a real browser (headless Chromium via Playwright).

Needs Debian's ``chromium`` (``.ci/run`` installs it); skipped where it is absent.
Screenshots of every page are left in ``reports/browser-check/`` for review.
"""

import re
import shutil
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect, sync_playwright

from helpers import config
from helpers.views.report import build_reports, notebook_paths, notebook_tables

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


@contextmanager
def chromium_page(problems: list[str]):
    """A headless Chromium page that records console errors, page errors, dialogs and every
    request leaving the disk (``file:`` and ``data:`` URLs are the pages and their images;
    ``blob:`` URLs are the page's own embedded table scripts)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.on(
            "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
        )
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on(
            "request",
            lambda r: (
                None
                if r.url.startswith(("file:", "data:", "blob:"))
                else problems.append(f"request: {r.url}")
            ),
        )
        yield page
        browser.close()


@needs_chromium
def test_reports_load_cleanly_in_chromium(report_dir):
    pages = [report_dir / "index.html", report_dir / "tables" / "index.html"]
    pages += [report_dir / p.with_suffix(".html").name for p in notebook_paths()]
    pages += sorted((report_dir / "articles").glob("*.html")) + sorted(
        (report_dir / "profiles").glob("*.html")
    )
    assert all(p.exists() for p in pages)
    problems: list[str] = []
    with chromium_page(problems) as page:
        for path in pages:
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            assert page.title().strip(), f"{path.name} has no title"
            assert page.locator("h1").count() >= 1, f"{path.name} shows no heading"
            widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.naturalWidth)")
            assert all(w > 0 for w in widths), f"{path.name} has an undecoded image"
            assert page.locator("img:not([alt])").count() == 0, f"{path.name} has an image without alt text"
            assert page.evaluate("() => window.__pwned === undefined"), f"script ran in {path.name}"
            assert page.locator('a[href^="javascript:"]').count() == 0
            page.screenshot(path=str(path.with_suffix(".png")), full_page=True)
    assert problems == []


@needs_chromium
def test_an_analyst_follows_the_links_offline(report_dir):
    """Findings -> a place's profile -> an article's evidence -> the evidence list -> a report
    and its CSV link -> back to the findings."""
    problems: list[str] = []
    with chromium_page(problems) as page:
        page.goto((report_dir / "index.html").as_uri())
        assert page.locator("h2", has_text="Casualty figures").count() == 1
        assert page.locator("img.map").get_attribute("alt").startswith("Map of ")
        page.locator("table a", has_text="Mosul").first.click()
        page.wait_for_load_state("load")
        assert "/profiles/place-" in page.url and page.locator("h1").inner_text() == "Mosul"
        assert page.locator("img.map").get_attribute("alt").startswith("Map of Mosul")
        page.locator('table a[href$="articles/hostile.html"]').first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/articles/hostile.html")
        marks = page.locator("mark[title]")
        assert marks.count() > 0 and " · id " in marks.first.get_attribute("title")
        assert page.locator("mark.casualty.counted").count() >= 1
        assert page.evaluate("() => window.__pwned === undefined")
        page.locator('mark a.tag[href*="profiles/"]').first.click()  # a highlight's label -> its profile
        page.wait_for_load_state("load")
        assert "/profiles/" in page.url
        page.go_back()
        page.wait_for_load_state("load")
        page.locator("nav.sitrep-nav a", has_text="Evidence pages").click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/articles/index.html")
        assert page.locator("table a", has_text="Hostile headline").count() == 1
        page.locator("nav.sitrep-nav a", has_text="04 ·").click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/04-casualties.html")
        page.locator("nav.sitrep-nav a", has_text="casualty_totals.csv").wait_for()
        page.locator("nav.sitrep-nav a", has_text="Findings").click()
        page.wait_for_load_state("load")
        assert (
            page.url.endswith("/index.html") and page.locator("h1", has_text="Sitrep findings").count() == 1
        )
    assert problems == []


def _sorts_and_filters(table, rows, headers) -> None:
    """A click on a column header sorts ``rows`` by that column; the search box filters them.

    ``count()`` and ``inner_text()`` do not wait, so each step first waits for the table's own
    sign that it is done (its info line, the header's ordering class, the filtered rows).
    """
    table.locator(".dt-info").wait_for()
    total = rows.count()
    assert total >= 3 and table.locator(".dt-info").inner_text() == f"showing 1–{total} of {total} rows"
    column = next(
        k
        for k in range(headers.count())
        if len({rows.nth(i).locator("td").nth(k).inner_text() for i in range(total)}) > 2
    )

    def cells() -> list[str]:
        return [rows.nth(i).locator("td").nth(column).inner_text() for i in range(rows.count())]

    before = cells()
    headers.nth(column).locator(".dt-column-order").click()
    expect(headers.nth(column)).to_have_class(re.compile(r"dt-ordering-(asc|desc)"))
    after = cells()
    assert sorted(after) == sorted(before)
    assert after in (sorted(before, key=str.casefold), sorted(before, key=str.casefold, reverse=True))
    term = next(c for c in after if c.strip())
    table.locator(".dt-search input").fill(term)
    if not all(term in c for c in before):
        expect(table.locator(".dt-info")).to_contain_text(f"(filtered from {total})")
    assert 1 <= rows.count() < total or all(term in c for c in before)
    assert all(term in rows.nth(i).inner_text() for i in range(rows.count()))
    assert f"(filtered from {total})" in table.locator(".dt-info").inner_text() or rows.count() == total


@needs_chromium
def test_report_tables_sort_and_filter_offline(report_dir):
    """A notebook report's table sorts on a click on its header and filters on a search, with no request."""
    problems: list[str] = []
    with chromium_page(problems) as page:
        page.goto((report_dir / "02-actors.html").as_uri())
        table = page.locator(".dt-container").filter(has=page.locator(".dt-search")).first
        _sorts_and_filters(
            table, table.locator(".dt-scroll-body tbody tr"), table.locator(".dt-scroll-head th")
        )
    assert problems == []


@needs_chromium
def test_findings_and_profile_tables_sort_and_filter_offline(report_dir):
    """The findings page's top actors keep their ranking until sorted, then sort and filter; a
    profile's table is interactive too; tables of a few rows are only sortable."""
    problems: list[str] = []
    with chromium_page(problems) as page:
        page.goto((report_dir / "index.html").as_uri())
        table = page.locator("h2:has-text('Top actors') + p + .dt-container")
        rows = table.locator("tbody tr")
        mentions = [int(rows.nth(i).locator("td").last.inner_text()) for i in range(rows.count())]
        assert mentions == sorted(mentions, reverse=True)  # the page's order, not the first column's
        _sorts_and_filters(table, rows, table.locator("thead tr").first.locator("th"))
        small = page.locator(".dt-container").filter(has_not=page.locator(".dt-search"))
        assert small.count() >= 1 and small.first.locator(".dt-column-order").count() >= 1
        page.locator("table a", has_text="Mosul").first.click()
        page.wait_for_load_state("load")
        page.locator(".dt-container").first.wait_for()  # tables.js enhances after its module loads
        assert page.locator(".dt-container").count() >= 1
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
    notebooks = _tiny_notebooks(
        tmp_path / "notebooks", {"01-good.ipynb": "1 + 1", "02-broken.ipynb": "1 / 0"}
    )
    out = tmp_path / "reports"
    assert build_reports(config.PROJECT_DIR / "seeds", out, notebooks_dir=notebooks) == 1
    assert (out / "01-good.html").exists() and (out / "02-broken.html").exists()
    error = capsys.readouterr().err
    assert "notebook 02-broken.ipynb failed in cell" in error and "ZeroDivisionError" in error
    assert "failed: notebook 02-broken.ipynb" in (out / "index.html").read_text(encoding="utf-8")


def test_index_accounts_for_every_input(report_dir):
    index = (report_dir / "index.html").read_text(encoding="utf-8")
    for label, count in (("inputs (files or records)", 2), ("articles loaded", 2), ("inputs skipped", 0)):
        assert f'<td>{label}</td><td class="num">{count}</td>' in index


def test_every_report_page_links_the_findings_its_tables_and_the_evidence(report_dir):
    for notebook in notebook_paths():
        page = (report_dir / notebook.with_suffix(".html").name).read_text(encoding="utf-8")
        nav = re.search(r'<nav[^>]*class="sitrep-nav"[^>]*>(.*?)</nav>', page, re.S).group(1)
        for target in ("index.html", "articles/index.html", "tables/index.html"):
            assert f'href="{target}"' in nav, f"{notebook.name} does not link {target}"
        for table in notebook_tables(notebook.stem):
            assert f'href="tables/{table}.csv"' in nav
    evidence = (report_dir / "articles" / "hostile.html").read_text(encoding="utf-8")
    assert 'href="../index.html"' in evidence and 'href="../tables/index.html"' in evidence


def _tiny_notebooks(directory, cells: dict[str, str]):
    """Numbered notebooks of one code cell each (plus a title and a parameters cell)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    directory.mkdir()
    for name, code in cells.items():
        notebook = new_notebook(
            cells=[
                new_markdown_cell(f"# {name}\n\nA test notebook."),
                new_code_cell("CORPUS = None\nACTORS = []", metadata={"tags": ["parameters"]}),
                new_code_cell(code),
            ]
        )
        notebook.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        nbformat.write(notebook, directory / name)
    return directory


PLOT = "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()"
ALT_IMAGE = (
    "import io\nimport matplotlib.pyplot as plt\nfrom IPython.display import Image, display\n"
    "buffer = io.BytesIO()\nplt.plot([1, 2])\nplt.savefig(buffer, format='png')\nplt.close()\n"
    "display(Image(buffer.getvalue(), alt='a rising line'))"
)


def test_the_report_console_shows_only_progress_and_the_index(tmp_path, capfd):
    """No kernel transport warning, no interrupt noise, no alt-text warning; one line per notebook."""
    notebooks = _tiny_notebooks(tmp_path / "notebooks", {"01-plot.ipynb": PLOT, "02-alt.ipynb": ALT_IMAGE})
    out = tmp_path / "reports"
    assert build_reports(config.PROJECT_DIR / "seeds", out, notebooks_dir=notebooks) == 0
    captured = capfd.readouterr()
    assert captured.err.strip() == ""
    lines = [line for line in captured.out.splitlines() if line.strip()]
    assert re.search(r"notebook 1/2: 01-plot … done in \d+ s \(about \d+ s left\)$", lines[-3])
    assert re.search(r"notebook 2/2: 02-alt … done in \d+ s$", lines[-2])
    assert lines[-1] == f"reports written to {out / 'index.html'}"
    assert 'alt="a rising line"' in (out / "02-alt.html").read_text(encoding="utf-8")
