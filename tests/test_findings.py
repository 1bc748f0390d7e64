"""The findings page and the evidence pages on small corpora written for the test.

Each corpus is generated in a temporary folder: one with casualties, places, an
unknown organisation and a source URL; and corpora with no place, no casualty, no
date, or a single article, on which every section must say "none found" instead of failing.
"""

import json
import re

import pandas as pd
import pytest

from helpers.ingest import load_corpus
from helpers.run import Tables, extract
from helpers.tables import SCHEMAS
from helpers.views.evidence import write_evidence_pages
from helpers.views.findings import findings_sections, headline_figures
from helpers.views.profiles import profile_names, write_profiles
from helpers.views.report import NotebookRun, index_html, notebook_tables, whole_lists

RECORDS = [
    {
        "title": "Bombing kills five in Kirkuk",
        "date": "2024-03-02",
        "url": "https://news.example.org/kirkuk-bombing",
        "source": "Example Wire",
        "text": "KIRKUK (Example Wire) – A car bomb killed five civilians and wounded twelve others "
        "in Kirkuk on Saturday, police said. The Kurdistan Regional Government condemned the attack. "
        "The Northern Oil Company said its pipelines were safe.",
    },
    {
        "title": "Attack near Mosul <script>alert(1)</script>",
        "date": "2024-03-05",
        "source": "Other Daily",
        "text": "At least three soldiers were killed near Mosul, the Iraqi army said. "
        "Two years ago, 40 people were killed in the city.",
    },
]
NO_PLACE = "Committee meets\n\nThe committee met on Tuesday to discuss the budget, officials said."
NO_CASUALTY_NO_DATE = "Talks in Baghdad\n\nOfficials from Baghdad and Erbil discussed trade routes."


def _tables(root, files: dict[str, str]):
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    extract(corpus, root / "out", progress=False)
    tables = Tables(root / "out")
    pages = write_evidence_pages(load_corpus(corpus), tables, root / "report" / "articles")
    return tables, pages


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    root = tmp_path_factory.mktemp("findings")
    records = "\n".join(json.dumps(r) for r in RECORDS)
    tables, pages = _tables(root, {"news.jsonl": records})
    runs = [NotebookRun("01-x.ipynb", "01-x.html", "01 · X")]
    return root, tables, pages, index_html("news <b>", tables, runs, pages, {})


def test_headline_figures_add_the_casualty_totals(news):
    _, tables, _, page = news
    totals = tables.read("casualty_totals")
    figures = headline_figures(tables).set_index("outcome")
    for outcome in ("killed", "injured"):
        assert figures.loc[outcome, "best"] == totals.loc[totals["outcome"] == outcome, "best"].sum() > 0
    assert figures.loc["kidnapped", "best"] == 0
    killed = figures.loc["killed", "best"]
    assert re.search(rf'killed</div><div class="best">{killed}</div>', page)
    assert "40" not in re.sub(r"<[^>]+>", "", page.split("<h2>Where</h2>")[0].split("Casualty figures")[1])


def test_findings_link_names_to_evidence_pages_that_exist(news):
    root, _, _, page = news
    links = set(re.findall(r'href="(articles/[^"]+)"', page)) - {"articles/index.html"}
    assert links and all((root / "report" / link).exists() for link in links)
    assert re.search(r'<a href="articles/[^"]+">Kirkuk</a>', page)
    assert "2024-03-02 to 2024-03-05" in page and "Example Wire" in page


def test_findings_list_what_needs_review(news):
    _, _, _, page = news
    review = page.split("<h2>Needs review</h2>")[1].split("<h2>Inputs</h2>")[0]
    assert "Organisations not in the actor dictionary" in review
    assert "Northern Oil Company" in review
    assert "Example Wire" not in review  # the dateline's agency is an outlet, not an organisation to review


def test_corpus_text_is_escaped_on_the_findings_page(news):
    _, _, _, page = news
    assert "<script>" not in page and "news &lt;b&gt;" in page


def test_evidence_page_nests_highlights_and_explains_them(news):
    root, _, pages, _ = news
    first = pages.loc[pages["title"].str.startswith("Bombing"), "page"].iloc[0]
    html = (root / "report" / "articles" / first).read_text(encoding="utf-8")
    assert '<a href="https://news.example.org/kirkuk-bombing"' in html
    # the place inside the organisation's name is drawn inside the organisation
    assert re.search(r'<mark class="actor"[^>]*>The <mark class="place"[^>]*>Kurdistan', html) or re.search(
        r'<mark class="actor"[^>]*><mark class="place"[^>]*>Kurdistan', html
    )
    assert re.search(r'<mark class="casualty counted" title="killed 5[^"]*rule [^"]+', html)
    assert 'title="Kirkuk · id gn:' in html
    second = pages.loc[pages["title"].str.startswith("Attack"), "page"].iloc[0]
    html = (root / "report" / "articles" / second).read_text(encoding="utf-8")
    assert '<mark class="casualty excluded" title="killed 40' in html
    assert "not counted" in html.split('class="legend-row"')[1].split("</p>")[0]
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize(
    "files",
    [
        {"a.txt": NO_PLACE},
        {"a.txt": NO_CASUALTY_NO_DATE, "b.txt": NO_PLACE},
        {"a.txt": NO_CASUALTY_NO_DATE},
    ],
    ids=["one article, no place, no casualty", "no casualty, no date", "one article with places only"],
)
def test_every_section_renders_on_sparse_corpora(tmp_path, files):
    tables, pages = _tables(tmp_path, files)
    html = findings_sections(tables, pages, {})
    assert "no article dated" in html
    assert html.count("none found") >= 4  # four outcomes without a figure, at least
    if "Baghdad" not in "".join(files.values()):
        assert "none found: no place with coordinates" in html
        assert html.split("<h2>Top places</h2>")[1].startswith('<p class="none">none found</p>')
    else:
        assert '<img class="map" alt="Map of ' in html


def test_events_are_shown_only_when_the_table_exists(news, tmp_path):
    _, tables, pages, page = news
    assert "<h2>Top events</h2>" in page  # extract writes an events table
    older = tmp_path / "older"  # output of a version without events
    older.mkdir()
    for file in tables.directory.iterdir():
        if not file.name.startswith("events"):
            (older / file.name).write_bytes(file.read_bytes())
    assert "Top events" not in findings_sections(Tables(older), pages, {})
    first = pages["article_id"].iloc[0]
    events = pd.DataFrame(
        {
            "event_id": ["E1", "E2"],
            "event_date": ["2024-03-02", "2024-03-05"],
            "event_type": ["Explosions/Remote violence", "Battles"],
            "sub_event_type": ["Remote explosive/landmine/IED", "Armed clash"],
            "actor1": ["Islamic State", "Islamic State"],
            "actor2": ["Civilians (Iraq)", "Iraqi army"],
            "location": ["Kirkuk", "Mosul"],
            "admin1": ["Kirkuk", "Nineveh"],
            "country": ["Iraq", "Iraq"],
            "deaths_best": [5, 3],
            "n_reports": [1, 1],
            "article_ids": [first, "unknown"],
        }
    )
    copy = tmp_path / "tables"
    copy.mkdir()
    for file in tables.directory.iterdir():
        (copy / file.name).write_bytes(file.read_bytes())
    events.to_parquet(copy / "events.parquet")
    html = findings_sections(Tables(copy), pages, {})
    section = html.split("<h2>Top events</h2>")[1].split("<h2>")[0]
    assert "2 of 2 events" in section and "Explosions/Remote violence" in section
    assert f'<a href="articles/{pages["page"].iloc[0]}">Explosions/Remote violence</a>' in section
    assert section.index("Kirkuk") < section.index("Mosul")
    headers = re.findall(r"<th[^>]*>([^<]+)</th>", section)
    assert headers.index("deaths_best") < 8  # the cost is in view, not scrolled off to the right


def test_report_tables_name_real_tables():
    listed = {
        t
        for stem in ("01-corpus", "02-actors", "03-locations", "04-casualties", "05-events")
        for t in notebook_tables(stem)
    }
    assert listed <= set(SCHEMAS)
    assert notebook_tables("99-unknown") == []


def test_profiles_of_the_top_actors_and_places_are_linked_from_the_findings(news):
    root, tables, pages, _ = news
    profiles = write_profiles(tables, pages, root / "report" / "profiles")
    assert profiles and all((root / "report" / link).exists() for link in profiles.values())
    index = index_html("news", tables, [], pages, profiles)
    kirkuk = tables.read("places").query("canonical == 'Kirkuk'")["place_id"].iloc[0]
    assert f'<a href="{profiles[kirkuk]}">Kirkuk</a>' in index
    place = (root / "report" / profiles[kirkuk]).read_text(encoding="utf-8")
    assert '<img class="map" alt="Map of Kirkuk' in place
    killed = tables.read("casualty_totals").query("place_id == @kirkuk and outcome == 'killed'")["best"].sum()
    assert f'<td>killed</td><td class="num">{killed}</td>' in place and killed == 5
    assert "car bomb killed five civilians" in place.split("Evidence sentences")[1]
    army = (root / "report" / profiles["iraqi_army"]).read_text(encoding="utf-8")
    assert "At least three soldiers were killed near Mosul" in army
    assert re.search(r'<a href="[^"]+">Mosul</a>', army.split("Places named with it")[1])


def test_cut_lists_say_where_every_row_is(news):
    _, tables, pages, _ = news
    runs = [NotebookRun("02-actors.ipynb", "02-actors.html", "02 · Who is involved")]
    html = findings_sections(tables, pages, {}, whole_lists(runs))
    top_actors = html.split("<h2>Top actors</h2>")[1].split("<table")[0]
    assert "of" in top_actors and "actors · all in" in top_actors
    assert '<a href="02-actors.html">02 · Who is involved</a>' in top_actors
    assert '<a href="tables/actors.csv">actors.csv</a>' in top_actors


def test_outlets_are_listed_apart_from_the_top_actors(tmp_path):
    text = (
        "Blast in Mosul\n\nA roadside bomb killed two soldiers near Mosul on Monday, the Iraqi army said. "
        "CBS News reported that Islamic State claimed the attack."
    )
    tables, pages = _tables(tmp_path, {"blast.txt": text})
    html = findings_sections(tables, pages, {})
    top_actors = html.split("<h2>Top actors</h2>")[1].split("<h2>")[0]
    listed, outlets = top_actors.split("Outlets and media named in the texts")
    assert "Islamic State" in listed and "CBS News" not in listed
    assert "CBS News (1)" in outlets


def test_evidence_highlights_link_the_profiles_of_the_top_actors_and_places(news, tmp_path):
    root, tables, _, _ = news
    names = profile_names(tables)
    linked = {key: f"../profiles/{name}" for key, name in names.items()}
    pages = write_evidence_pages(load_corpus(root / "corpus"), tables, tmp_path, profiles=linked)
    first = pages.loc[pages["title"].str.startswith("Bombing"), "page"].iloc[0]
    html = (tmp_path / first).read_text(encoding="utf-8")
    kirkuk = tables.read("places").query("canonical == 'Kirkuk'")["place_id"].iloc[0]
    assert f'<a class="tag" href="../profiles/{names[kirkuk]}">PLACE</a>' in html
    assert "a linked label opens its profile" in html.split('class="legend-row"')[1].split("</p>")[0]
    assert html.count('<a class="tag"') == sum(
        html.count(f'href="../profiles/{name}"') for name in set(names.values())
    )
    plain = write_evidence_pages(load_corpus(root / "corpus"), tables, tmp_path / "plain")
    assert '<a class="tag"' not in (tmp_path / "plain" / first).read_text(encoding="utf-8")
    assert plain["page"].tolist() == pages["page"].tolist()
