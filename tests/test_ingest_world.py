"""Real-world inputs: a mixed folder of web pages, PDF, Word, JSON, odd spacing, capitals and copies."""

import numpy
import pandas as pd
import pytest

from helpers.cli import main
from helpers.ingest import load_corpus
from helpers.ingest.near_duplicates import PERMUTATIONS, NearDuplicates, from_hash_values
from helpers.run import Tables, extract
from helpers.views import corpus as views_corpus
from tests.fixtures_world import DOCX_TITLE, write_world_folder


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = write_world_folder(tmp_path_factory.mktemp("world") / "corpus")
    return folder, {a.article_id: a for a in load_corpus(folder)}


@pytest.fixture(scope="module")
def world_tables(world, tmp_path_factory):
    folder, _ = world
    out = tmp_path_factory.mktemp("world-out")
    extract(folder, out, progress=False)
    return Tables(out)


def paragraphs(article):
    return [(p.kind, article.text[p.start : p.end]) for p in article.paragraphs]


def test_every_input_is_accounted_for(world):
    _, articles = world
    assert sorted(articles) == [
        "brief",
        "caps",
        "copies/site-a",
        "copies/site-b",
        "copies/wire",
        "feed:r1",
        "feed:r2",
        "lines:1",
        "lines:2",
        "report",
        "saved-page",
        "single-breaks",
    ]
    assert all(a.loaded and not a.reason for a in articles.values())


def test_web_page_main_text_and_metadata(world):
    _, articles = world
    page = articles["saved-page"]
    assert page.title == "Militants attack port town"
    assert (page.dateline, page.outlet) == ("KISMAYO", "AP")  # the dateline names the outlet
    assert (page.date, page.published) == ("2021-06-02", "2021-06-02T08:30:00+03:00")
    assert page.url == "https://www.coastalherald.com/africa/port-attack"
    assert page.byline == "Amina Warsame"
    assert "Comments" not in page.text and "First!" not in page.text and "Sport" not in page.text
    kinds = [kind for kind, _ in paragraphs(page)]
    assert kinds == ["title", "body", "boilerplate", "body"]


def test_pdf_paragraphs_keep_their_page(world):
    _, articles = world
    report = articles["report"]
    assert report.title == "Situation report: clashes near Tal Afar"
    pages = [(p.kind, p.page) for p in report.paragraphs]
    assert pages == [("title", 1), ("body", 1), ("body", 2)]
    body = report.text[report.paragraphs[1].start : report.paragraphs[1].end]
    assert "\n" not in body and body.endswith("injured in the crossfire.")  # layout lines joined


def test_word_file_title_dateline_and_bracketed_credit(world):
    _, articles = world
    brief = articles["brief"]
    assert brief.title == DOCX_TITLE
    assert (brief.dateline, brief.outlet) == ("DARAA", "Reuters")
    assert [kind for kind, _ in paragraphs(brief)] == ["title", "body", "body", "credit"]
    assert brief.byline == "(Reporting by Lina Haddad; Editing by Mark Trevor)"


def test_json_array_and_json_lines_named_json(world):
    _, articles = world
    first, second = articles["feed:r1"], articles["feed:r2"]
    assert (first.title, first.record) == ("Curfew imposed in river city", 1)
    assert first.outlet == "rivernews-daily.org"  # from the archived URL's domain
    assert (first.date, first.published) == ("2020-11-03", "2020-11-03T21:15:00+00:00")
    assert (second.date, second.published) == ("2020-11-04", "2020-11-04")
    market, road = articles["lines:1"], articles["lines:2"]
    assert (market.title, market.outlet, market.date) == ("Market fire", "City Desk", "2019-02-10")
    assert (road.record, road.outlet) == (2, "")


def test_single_line_breaks_still_give_paragraph_roles(world):
    _, articles = world
    article = articles["single-breaks"]
    assert article.title == "Flooding displaces hundreds in northern province"
    assert (article.dateline, article.outlet) == ("DUHOK", "")
    assert [kind for kind, _ in paragraphs(article)] == [
        "title",
        "body",
        "repeat",
        "boilerplate",
        "body",
        "boilerplate",
        "boilerplate",
        "credit",
    ]


def test_all_caps_text_has_a_dateline_and_entities(world, world_tables):
    _, articles = world
    caps = articles["caps"]
    assert (caps.dateline, caps.outlet, caps.title) == ("LAGOS", "REUTERS", "")
    mentions = world_tables.read("mentions")
    caps_mentions = mentions[mentions["article_id"] == "caps"]
    found = set(zip(caps_mentions["text"], caps_mentions["label"]))
    assert {("NIGERIA", "GPE"), ("TUESDAY", "DATE")} <= found  # evidence shows the original capitals
    persons = world_tables.read("person_mentions")
    assert "IBRAHIM MUSA" in " ".join(persons.loc[persons["article_id"] == "caps", "text"])


def test_syndicated_copies_are_one_story_counted_once(world, world_tables):
    _, articles = world
    copies = {aid: a for aid, a in articles.items() if aid.startswith("copies/")}
    first = min(copies)  # in input order
    assert copies[first].near_duplicate_of == ""
    for aid, article in copies.items():
        if aid != first:
            assert article.near_duplicate_of == first
            assert 0.5 <= article.near_duplicate_similarity <= 1
    assert all(not a.near_duplicate_of for aid, a in articles.items() if aid not in copies)
    totals = world_tables.read("casualty_totals")
    story = totals[totals["article_id"].str.startswith("copies/")]
    assert story[["article_id", "outcome", "best"]].values.tolist() == [[first, "killed", 12]]
    assert set(story["copies"].iloc[0].split(";")) == set(copies) - {first}
    incidents = world_tables.read("incidents")
    assert incidents["article_ids"].str.contains("copies/").sum() == 1


def test_each_figure_is_counted_once(world_tables):
    totals = world_tables.read("casualty_totals")
    best = {(a, o): b for a, o, b in zip(totals["article_id"], totals["outcome"], totals["best"])}
    assert best[("saved-page", "killed")] == 4
    assert best[("caps", "killed")] == 7
    assert best[("report", "injured")] == 6
    assert int(totals.loc[totals["outcome"] == "killed", "best"].sum()) == 4 + 7 + 12


def test_articles_table_columns(world_tables):
    articles = world_tables.read("articles")
    report = articles.set_index("article_id").loc["report"]
    assert report["n_pages"] == 2
    copies = articles[articles["near_duplicate_of"].fillna("") != ""]
    assert len(copies) == 2 and copies["near_duplicate_similarity"].between(0.5, 1).all()
    pages = world_tables.read("paragraphs")
    assert pages.loc[pages["article_id"] == "report", "page"].tolist() == [1, 1, 2]
    assert pages.loc[pages["article_id"] == "caps", "page"].isna().all()


def test_nothing_loaded_is_exit_1_naming_the_reasons(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("SITREP_PROGRESS", "0")  # the one line on stderr is the message
    corpus = tmp_path / "bad"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(b"\x00\x01\x02" * 10)
    (corpus / "b.jpg").write_bytes(b"\xff\xd8")
    (corpus / "c.txt").write_text("  \n")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out")]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"error: no article could be loaded from {corpus}: 3 inputs skipped (")
    assert "binary file: 1" in line and "empty file: 1" in line and "unsupported file type .jpg: 1" in line
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["extract", str(empty), "--out", str(tmp_path / "out2")]) == 1
    assert "no input file found" in capsys.readouterr().err


def test_report_of_nothing_is_a_page_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    corpus = tmp_path / "bad"
    corpus.mkdir()
    (corpus / "photo.png").write_bytes(b"\x89PNG")
    assert main(["report", str(corpus), "--out", str(tmp_path / "reports")]) == 1
    page = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    assert "Nothing to show" in page and "unsupported file type .png" in page
    assert "Traceback" not in page


def test_unreadable_documents_are_skipped_with_reasons(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a word file")
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (tmp_path / "bad.json").write_text('{"text": "unclosed', encoding="utf-8")
    (tmp_path / "list.json").write_text('["a string", {"text": "A record with text."}]', encoding="utf-8")
    reasons = {(a.path, a.record): (a.status, a.reason) for a in load_corpus(tmp_path)}
    assert reasons[("broken.pdf", None)][1].startswith("unreadable PDF")
    assert reasons[("broken.docx", None)][1].startswith("unreadable Word file")
    assert reasons[("empty.html", None)][1] == "web page without article text"
    assert reasons[("bad.json", None)][1].startswith("malformed JSON at line 1")
    assert reasons[("list.json", 1)] == ("skipped", "item 1 is a JSON str, not an object")
    assert reasons[("list.json", 2)] == ("loaded", "")


def test_csv_rows_that_do_not_fit_the_header_are_skipped(tmp_path):
    (tmp_path / "t.csv").write_text(
        "title,text\nA,First text.\nB,Second,extra\nC,Third text.\n", encoding="utf-8"
    )
    articles = load_corpus(tmp_path)
    loaded = [(a.record, a.title) for a in articles if a.loaded]
    assert loaded == [(1, "A"), (2, "C")]
    (bad,) = [a for a in articles if not a.loaded]
    assert bad.reason == "malformed CSV: a row of 3 cells (the header has 2)"


def test_near_duplicates_are_not_different_reports_of_one_event(tmp_path):
    """Two reports of the same event in different words are no copies of each other."""
    (tmp_path / "a.txt").write_text(
        "Blast in market\n\nA bomb exploded in a crowded market on Monday morning, killing five people "
        "and wounding a dozen others, the provincial police chief told reporters at the scene. "
        "Shops were damaged and the market was closed for the rest of the day.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Five dead in bombing\n\nFive people died when an explosive device went off among fruit stalls "
        "early on Monday, according to a statement from the governor's office, which said that twelve "
        "people were taken to hospital and that an investigation had begun.",
        encoding="utf-8",
    )
    assert [a.near_duplicate_of for a in load_corpus(tmp_path)] == ["", ""]


def test_records_without_text_are_skipped_or_read_as_a_headline(tmp_path):
    records = '[{"url": "http://e/1"}, {"title": "Two dead in flood"}]'
    (tmp_path / "r.json").write_text(records, encoding="utf-8")
    empty, headline = load_corpus(tmp_path)
    assert (empty.status, empty.reason) == ("skipped", "record 1 has an empty text field")
    assert pd.isna(empty.near_duplicate_similarity)
    assert (headline.status, headline.reason) == ("loaded", "headline only: record 2 has an empty text field")
    assert [headline.text[p.start : p.end] for p in headline.paragraphs] == ["Two dead in flood"]


def test_a_title_that_is_no_headline_is_skipped_with_its_reason(tmp_path):
    records = '[{"title": "en", "text": ""}, {"title": "Page not found", "text": " "}]'
    (tmp_path / "r.json").write_text(records, encoding="utf-8")
    code, error_page = load_corpus(tmp_path)
    assert (code.status, code.reason) == (
        "skipped",
        "record 1 has an empty text field and its title 'en' is no headline",
    )
    assert error_page.status == "skipped" and "'Page not found' is no headline" in error_page.reason


def test_corpus_view_shows_the_clusters(world_tables):
    clusters = views_corpus.near_duplicate_clusters(world_tables)
    assert clusters[["story", "articles", "outlets"]].values.tolist() == [["copies/site-a", 3, "Wire"]]
    assert clusters.loc[0, "copies"].count("copies/") == 2
    accounting = views_corpus.accounting(world_tables)
    assert accounting.loc["near duplicates (syndicated copies of a story)", "count"] == 2


def test_alike_bodies_under_headlines_sharing_one_word_are_two_stories():
    """A site's template as the body of two pages about its town is no syndicated copy."""
    stories = NearDuplicates()
    same = from_hash_values(numpy.arange(PERMUTATIONS, dtype=numpy.uint32))
    assert stories.add("a", same, title="Boy hurt by stray bullet near Fairview flats") is None
    assert stories.add("b", same, title="Teen killed in Fairview shooting on Sunday") is None
    assert stories.add("c", same, title="Fairview teen killed in Sunday shooting") == ("b", 1.0)
    # A copy is compared with the story's first article, never with another copy.
    assert stories.add("d", same, title="Sunday shooting: police name the teen") == ("b", 1.0)
