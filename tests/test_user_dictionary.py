"""A user's actor dictionary reaches every table, from ``extract``, ``report`` and the notebooks.

The armed group and the article are made up for the test: without the user's
dictionary none of its names links to ``my_brigade``.
"""

from __future__ import annotations

import csv
import os

import pandas as pd
import pytest

from helpers.cli import main
from helpers.knowledge.actors import DICTIONARY_COLUMNS
from helpers.run import Tables, load_tables

ARTICLE = """Attack near Kirkuk

Militants of the CDB killed five soldiers in an attack on an army post near Kirkuk on Monday, police said.

Colonel Rami Haddad, commander of the Crimson Dawn Front, said the group would continue its attacks.

The Crimson Dawn Front said: "Our fighters will strike again."
"""
ACTOR_ID, CANONICAL = "my_brigade", "Crimson Dawn Brigade"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("user-dictionary")
    (root / "corpus").mkdir()
    (root / "corpus" / "raid.txt").write_text(ARTICLE, encoding="utf-8")
    with (root / "actors.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(DICTIONARY_COLUMNS)
        writer.writerow([ACTOR_ID, CANONICAL, "armed_group", "IQ", "", "ORG", "Crimson Dawn Front|CDB"])
    return root


@pytest.fixture
def environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("SITREP_PROGRESS", "0")
    monkeypatch.delenv("SITREP_ACTORS", raising=False)


def links(read) -> dict[str, set[str]]:
    """The actor ids (or names) each table gives the made-up group."""
    mentions, persons = read("mentions"), read("person_mentions")
    quotes, casualties = read("quotes"), read("casualties")
    return {
        "mentions": set(mentions.loc[mentions["text"].str.contains("CDB|Crimson"), "actor_id"]),
        "persons": set(persons.loc[persons["text"] == "Rami Haddad", "affiliation"]),
        "quotes": set(quotes.loc[quotes["kind"] == "direct", "speaker_id"]),
        "casualties": set(casualties["perpetrator_id"]),
        "actors": set(read("actors")["actor_id"]),
    }


def linked_everywhere(found: dict[str, set[str]]) -> bool:
    return (
        found["mentions"] == {ACTOR_ID}
        and found["persons"] == {CANONICAL}
        and found["quotes"] == {ACTOR_ID}
        and found["casualties"] == {ACTOR_ID}
        and ACTOR_ID in found["actors"]
    )


def test_extract_links_every_table_through_the_user_dictionary(corpus, tmp_path, environment):
    without, with_user = tmp_path / "without", tmp_path / "with"
    assert main(["extract", str(corpus / "corpus"), "--out", str(without)]) == 0
    assert (
        main(
            [
                "extract",
                str(corpus / "corpus"),
                "--out",
                str(with_user),
                "--actors",
                str(corpus / "actors.csv"),
            ]
        )
        == 0
    )
    found = links(Tables(with_user).read)
    assert linked_everywhere(found), found
    baseline = links(Tables(without).read)
    assert not any(ACTOR_ID in ids or CANONICAL in ids for ids in baseline.values()), baseline


def test_notebook_tables_take_the_dictionary_from_sitrep_actors(corpus, monkeypatch, environment):
    monkeypatch.setenv("SITREP_ACTORS", str(corpus / "actors.csv"))
    tables = load_tables(corpus / "corpus")
    assert linked_everywhere(links(tables.read))
    monkeypatch.delenv("SITREP_ACTORS")
    assert ACTOR_ID not in set(load_tables(corpus / "corpus").read("actors")["actor_id"])


def test_report_and_its_notebooks_use_the_dictionary(corpus, tmp_path, environment):
    """``report --actors``: the exported tables and the notebooks papermill ran all link the group."""
    out = tmp_path / "reports"
    assert (
        main(["report", str(corpus / "corpus"), "--out", str(out), "--actors", str(corpus / "actors.csv")])
        == 0
    )
    assert linked_everywhere(
        links(lambda table: pd.read_csv(out / "tables" / f"{table}.csv", keep_default_na=False))
    )
    actors_page = (out / "02-actors.html").read_text(encoding="utf-8")
    assert CANONICAL in actors_page
    assert os.environ.get("SITREP_ACTORS") is None
