"""Tests for helpers.network: co-mention tables, graphs and drawing."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from helpers.views import network


@pytest.fixture()
def mentions() -> pd.DataFrame:
    rows = [  # article, paragraph, sentence id, sentence, actor
        ("a", 1, 0, "ISIS attacked the Peshmerga.", "isis", "Islamic State"),
        ("a", 1, 0, "ISIS attacked the Peshmerga.", "peshmerga", "Peshmerga"),
        ("a", 1, 1, "The PMF sent help.", "pmf", "Popular Mobilization Forces"),
        ("a", 2, 2, "The Peshmerga and Daesh clashed again.", "peshmerga", "Peshmerga"),
        ("a", 2, 2, "The Peshmerga and Daesh clashed again.", "isis", "Islamic State"),
        ("a", 2, 2, "The Peshmerga and Daesh clashed again.", "isis", "Islamic State"),
        ("b", 0, 0, "The PMF fought ISIS.", "pmf", "Popular Mobilization Forces"),
        ("b", 0, 0, "The PMF fought ISIS.", "isis", "Islamic State"),
    ]
    frame = pd.DataFrame(
        rows, columns=["article_id", "paragraph", "sentence_id", "sentence", "actor_id", "canonical"]
    )
    frame["category"] = frame["actor_id"].map(
        {"isis": "armed_group", "peshmerga": "state_force", "pmf": "militia"}
    )
    return frame


def test_sentence_co_mentions(mentions):
    table = network.co_mentions(mentions)
    assert table[["actor_a", "actor_b", "n_sentences", "n_articles", "sentence"]].values.tolist() == [
        ["isis", "peshmerga", 2, 1, "ISIS attacked the Peshmerga."],
        ["isis", "pmf", 1, 1, "The PMF fought ISIS."],
    ]


def test_paragraph_co_mentions(mentions):
    table = network.co_mentions(mentions, level="paragraph")
    assert table[["actor_a", "actor_b", "n_paragraphs", "n_articles"]].values.tolist() == [
        ["isis", "peshmerga", 2, 1],
        ["isis", "pmf", 2, 2],
        ["peshmerga", "pmf", 1, 1],
    ]
    evidence = table.set_index(["actor_a", "actor_b"]).loc[("peshmerga", "pmf"), "sentence"]
    assert evidence == "ISIS attacked the Peshmerga."


def test_bad_level_and_empty_input(mentions):
    with pytest.raises(ValueError):
        network.co_mentions(mentions, level="article")
    assert network.co_mentions(mentions.iloc[:1]).empty


def test_graph_and_drawing(mentions):
    actors_table = pd.DataFrame(
        {
            "actor_id": ["isis", "peshmerga", "pmf"],
            "category": ["armed_group", "state_force", "militia"],
            "n_mentions": [4, 2, 2],
        }
    )
    graph = network.co_mention_graph(network.co_mentions(mentions), actors=actors_table)
    assert sorted(graph.edges(data="weight")) == [("isis", "peshmerga", 2), ("isis", "pmf", 1)]
    assert graph.nodes["isis"] == {"canonical": "Islamic State", "category": "armed_group", "n_mentions": 4}
    plain = network.co_mention_graph(network.co_mentions(mentions))
    assert plain.nodes["isis"]["n_mentions"] == 3  # weighted degree without an actors table

    def positions(seed):
        ax = network.draw_network(graph, seed=seed)
        return sorted((t.get_text(), t.get_position()) for t in ax.texts)

    first = positions(0)
    assert [label for label, _ in first] == ["Islamic State", "Peshmerga", "Popular Mobilization Forces"]
    assert first == positions(0)
