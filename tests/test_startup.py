"""Start-up data: derived data cached per data version, and the place ruler that loads it."""

import json
import logging

import pytest
import spacy
from spacy.lang.en import English

from helpers.knowledge import derived
from helpers.nlp.phrase_index import PhraseIndex, tokenise
from helpers.nlp.place_rules import PlaceRuler


def test_cached_json_builds_once_per_key(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_GAZETTEER", "")
    calls = []

    def build():
        calls.append(1)
        return {"names": ["Mosul", "Kirkuk"], "count": len(calls)}

    first = derived.cached_json("names", "k1", build, cache_dir=tmp_path)
    again = derived.cached_json("names", "k1", build, cache_dir=tmp_path)
    assert first == again == {"names": ["Mosul", "Kirkuk"], "count": 1}
    assert len(calls) == 1
    newer = derived.cached_json("names", "k2", build, cache_dir=tmp_path)
    assert newer["count"] == 2
    assert [p.name for p in (tmp_path / "derived").iterdir()] == ["names-k2.json"]  # the old key is gone


def test_cached_json_rebuilds_an_unreadable_entry(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("SITREP_GAZETTEER", "")
    (tmp_path / "derived").mkdir()
    (tmp_path / "derived" / "names-k.json").write_bytes(b'{"trunc')
    with caplog.at_level(logging.WARNING):
        assert derived.cached_json("names", "k", lambda: [1, 2], cache_dir=tmp_path) == [1, 2]
    assert "unreadable" in caplog.text
    assert json.loads((tmp_path / "derived" / "names-k.json").read_text()) == [1, 2]


def test_cached_json_reads_the_installation_and_survives_a_read_only_cache(tmp_path, monkeypatch):
    installed = tmp_path / "installed"
    (installed / "derived").mkdir(parents=True)
    (installed / "derived" / "names-k.json").write_text('["from the installation"]')
    monkeypatch.setenv("SITREP_GAZETTEER", str(installed))
    private = tmp_path / "private"
    assert derived.cached_json("names", "k", lambda: ["built"], cache_dir=private) == [
        "from the installation"
    ]
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")  # the cache folder cannot be created: built, not stored
    assert derived.cached_json("names", "other", lambda: ["built"], cache_dir=blocked) == ["built"]


def test_files_key_follows_content(tmp_path):
    path = tmp_path / "rules.csv"
    path.write_text("a")
    before = derived.files_key([path])
    path.write_text("b")
    assert derived.files_key([path]) != before


def test_phrase_index_matches_like_a_phrase_matcher():
    nlp = English()
    names = ["New York", "York", "Deir ez-Zor", "Kafr Nabl", "U.S."]
    index = PhraseIndex((tokenise(name), name) for name in names)
    matcher = spacy.matcher.PhraseMatcher(nlp.vocab)
    for name in names:
        matcher.add(name, [nlp.make_doc(name)])
    doc = nlp("From New York to Deir ez-Zor, then York and Kafr Nabl; U.S. officials said Yorkshire.")
    expected = sorted((nlp.vocab.strings[key], start, end) for key, start, end in matcher(doc))
    assert sorted(index.matches(doc)) == expected
    assert len(expected) == 6  # "York" inside "New York" too, as the phrase matcher gives


def test_phrase_index_reads_token_texts_or_given_words():
    index = PhraseIndex([(["al", "-", "Qaim"], "town"), (["Qaim"], "short")])
    doc = English()("Fighting near al-Qaim; qaim and QAIM.")
    assert index.matches(doc) == [("town", 2, 5), ("short", 4, 5)]
    assert index.matches(doc, [token.lower_.replace("q", "Q") for token in doc])[-2:] == [
        ("short", 6, 7),
        ("short", 8, 9),
    ]
    assert index.matches(English()("")) == []


def test_phrase_index_at_the_end_of_a_doc():
    index = PhraseIndex([(["Deir", "ez", "-", "Zor", "province"], "long"), (["Deir", "ez"], "short")])
    doc = English()("They reached Deir ez")
    assert index.matches(doc) == [("short", 2, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Clashes in New York City and York spread to New York.",
        "The governor of Nineveh Province met officials in Nineveh.",
        "He flew from Erbil to Kirkuk.",
    ],
)
def test_place_ruler_sets_entities_as_the_entity_ruler_does(nlp, text):
    patterns = [
        {"label": "GPE", "pattern": "New York", "id": "ny"},
        {"label": "GPE", "pattern": "New York City", "id": "nyc"},
        {"label": "GPE", "pattern": "York", "id": "york"},
        {"label": "GPE", "pattern": "Nineveh", "id": "nineveh"},
        {"label": "GPE", "pattern": "Nineveh Province", "id": "nineveh-province"},
        {"label": "GPE", "pattern": "Kirkuk", "id": "kirkuk"},
    ]
    reference = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    ruler = reference.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(patterns)
    ours = PlaceRuler()
    ours.add_patterns(patterns)
    expected = [(e.start, e.end, e.label_, e.ent_id_) for e in reference(text).ents]
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:  # the bare model with ours where the reference has its ruler
        if name == "ner":
            doc = ours(doc)
        doc = component(doc)
    assert [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents] == expected
