"""Notebook views and evidence pages on a small corpus of hand-written articles."""

import re

import pandas as pd
import pytest

from helpers import views
from helpers.ingest import load_corpus
from helpers.run import Tables, extract
from helpers.views import interactive, plots
from helpers.views.evidence import corpus_spans, highlight_spans, write_evidence_pages

ARTICLES = {
    "a.txt": "Gunmen kill five soldiers in Kirkuk\n\nKIRKUK (Wire) – Gunmen killed five soldiers "
    "in Kirkuk on Monday, police said. Five soldiers were killed in the attack, which "
    "Islamic State claimed.\n\nEditing by Jane Roe",
    "b.txt": "Attack near Kirkuk\n\nAt least seven soldiers were killed and three civilians were "
    "wounded near Kirkuk, Iraqi officials said in a statement read out by a spokesman for the "
    "provincial council.",
    "c.txt": "Arrests in Mosul\n\nThe Iraqi army arrested two suspects in Mosul.",
}


@pytest.fixture(scope="module")
def corpus_tables(tmp_path_factory):
    root = tmp_path_factory.mktemp("views")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    extract(corpus, root / "out", progress=False)
    return corpus, Tables(root / "out")


def test_restated_figures_count_once_per_article(corpus_tables):
    _, tables = corpus_tables
    totals = tables.read("casualty_totals")
    killed = dict(
        zip(
            totals.loc[totals["outcome"] == "killed", "article_id"],
            totals.loc[totals["outcome"] == "killed", "best"],
        )
    )
    assert killed == {"a": 5, "b": 7}
    by_outcome = views.totals_by_outcome(tables)
    assert by_outcome.loc["killed", "article_best"] == 12
    assert by_outcome.loc["injured", "article_best"] == 3
    assert by_outcome.loc["arrested", "article_best"] == 2


def test_totals_by_victim_group_and_province(corpus_tables):
    _, tables = corpus_tables
    groups = views.totals_by(tables, "victim_group")
    assert groups.loc["security forces", "killed"] == 12
    assert groups.loc["civilians", "injured"] == 3
    provinces = views.totals_by(tables, "admin1")
    assert provinces.loc["Kirkuk", "killed"] == 12


def test_places_and_actors_views(corpus_tables):
    _, tables = corpus_tables
    places = views.places_view(tables)
    assert {"Kirkuk", "Mosul"} <= set(places["canonical"])
    assert set(views.mentions_by_province(tables)["admin1_code"]) >= {"IQ-KI", "IQ-NI"}
    actors = views.top_actors(tables)
    assert {"Islamic State", "Iraqi army"} <= set(actors["canonical"])
    assert "Wire" in set(actors["canonical"])  # the dateline's agency, an outlet
    assert "Wire" not in set(views.top_actors(tables, in_dictionary=False)["canonical"])  # not a party to add
    evidence = views.actor_evidence(tables, "Islamic State")
    assert evidence["sentence"].str.contains("Islamic State").all()
    assert views.persons_view(tables, role="author")["canonical"].tolist() == ["Jane Roe"]


def test_excluded_and_timeline_views(corpus_tables):
    _, tables = corpus_tables
    assert views.casualty_timeline(tables).empty  # no article has a date
    assert views.timeline_chart(tables).data.startswith("*None found: no article")
    excluded = views.excluded_figures(tables)
    assert set(excluded.columns) >= {"text", "reason", "sentence"}


def test_evidence_tables_are_whole_and_in_reading_order(corpus_tables):
    _, tables = corpus_tables
    figures = views.casualties_view(tables)
    assert figures.columns[:2].tolist() == ["date", "article"]
    assert figures["article"].tolist() == sorted(figures["article"])  # by title, not by article id
    assert figures["sentence"].str.len().max() > 120  # sentences are not cut to a snippet
    assert not figures["sentence"].str.endswith("…").any()


def test_figures_carry_alt_text(corpus_tables):
    _, tables = corpus_tables
    for figure, described in (
        (views.actors_chart(tables), "Bar chart of mentions: Most mentioned actors. Iraqi army 1"),
        (views.places_map(tables), "most mentioned: Kirkuk (5 mentions), Mosul (2)"),
        (views.province_map(tables), "Shaded by mentions: IQ-KI 5, IQ-NI 2"),
        (views.casualty_map(tables), "Shaded by people killed: IQ-KI 12"),
        (views.article_map(tables, "a"), "Places in article a"),
        (views.article_map(tables), "Places in article a"),
        (views.outcome_side_chart(tables), "killed: security forces 12; injured: civilians 3"),
    ):
        assert figure.axes and figure.get_size_inches()[0] > 0
        assert described in plots.alt_text(figure)
    # Islamic State and the Iraqi army are named in different sentences
    assert views.network_figure(tables).data == "*None found: no two actors are named in the same sentence.*"


def test_evidence_pages_highlight_every_layer(corpus_tables, tmp_path):
    corpus, tables = corpus_tables
    spans = corpus_spans(tables)
    assert {"casualty", "place", "actor"} <= set(spans["layer"])
    pages = write_evidence_pages(load_corpus(corpus), tables, tmp_path)
    assert pages["page"].tolist() == ["a.html", "b.html", "c.html"]
    html = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "CASUALTY" in html and "PLACE" in html and "Casualty figures" in html


def test_highlight_spans_prefer_casualties_over_entities():
    spans = pd.DataFrame(
        {
            "start_char": [0, 0, 10],
            "end_char": [9, 4, 15],
            "label": ["CARDINAL", "CASUALTY", "PLACE"],
            "layer": ["entity", "casualty", "place"],
        }
    )
    assert highlight_spans(spans) == [
        {"start": 0, "end": 4, "label": "CASUALTY"},
        {"start": 10, "end": 15, "label": "PLACE"},
    ]


def test_count_mentions_by_normalized_text():
    from helpers.aggregate.counts import count_mentions

    frame = pd.DataFrame(
        {
            "article_id": ["a", "a", "b"],
            "label": ["ORG"] * 3,
            "text": ["the Peshmerga’s", "Peshmerga", "PESHMERGA"],
        }
    )
    assert count_mentions(frame, by="normalized").values.tolist() == [["peshmerga", 3, 2]]


def test_tables_are_interactive_offline_whole_and_without_missing_markers():
    rows = 2_000
    frame = pd.DataFrame(
        {
            "n": pd.array([*range(rows - 1), None], dtype="Int64"),
            "sentence": ["A long sentence. " * 20] * (rows - 1) + [None],
        }
    ).set_index("n")
    assert "none found" in interactive.table_html(pd.DataFrame({"sentence": pd.Series([], dtype=str)}))
    html = interactive.table_html(frame)
    assert html.count("A long sentence. " * 20) >= rows - 1  # every row, never downsampled
    assert "<NA>" not in html and "NaN" not in html and "None" not in html
    assert "showing _START_\\u2013_END_ of _TOTAL_ rows" in html and '"pageLength": 25' in html
    assert not re.search(r"(src|href)=[\"']?https?://", html)  # no resource nor link online
    assert "<th>n</th>" in html and "<th></th>" not in html  # the named index is a column
    first, second = re.findall(r'<table id="(sitrep_table_\d+)"', html + interactive.table_html(frame))
    assert int(second.rsplit("_", 1)[1]) == int(first.rsplit("_", 1)[1]) + 1  # ids follow display order


def test_misspelt_parameters_get_close_matches(corpus_tables):
    _, tables = corpus_tables
    assert len(views.actor_evidence(tables, "islamic state")) == 1  # case does not matter
    hints = {
        "actor": views.actor_evidence(tables, "Islamc State"),
        "place": views.place_evidence(tables, "Kirkuc"),
        "article": views.article_map(tables, "aa"),
        "outcome": views.casualty_map(tables, outcome="kiled"),
    }
    assert (
        hints["actor"].data
        == "*None found: 'Islamc State' is not a known actor; did you mean Islamic State?*"
    )
    assert "did you mean Kirkuk?" in hints["place"].data
    assert "'aa' is not a known article; did you mean a?" in hints["article"].data
    assert "did you mean killed?" in hints["outcome"].data
    assert views.actor_evidence(tables, "Zzyzx").data == "*None found: 'Zzyzx' is not a known actor*"


def test_timeline_chart_by_day_and_by_week():
    days = pd.DataFrame(
        {"killed": [3, 0, 5], "injured": [1, 2, 0]}, index=["2024-01-01", "2024-01-02", "2024-01-09"]
    )
    daily = plots.alt_text(plots.timeline_chart(days, title="Toll", ylabel="people"))
    assert "day by day from 2024-01-01 to 2024-01-09; totals: killed 8, injured 3" in daily
    assert "most in the day of 2024-01-09 (5 people)" in daily
    months = days.set_axis(["2024-01-01", "2024-03-05", "2024-06-30"])
    weekly = plots.alt_text(plots.timeline_chart(months, title="Toll", ylabel="people"))
    assert "week by week from 2024-01-01 to 2024-06-24" in weekly  # summed per week, weeks starting on Monday
