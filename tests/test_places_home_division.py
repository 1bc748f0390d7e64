"""A bare town name in US and Canadian news lies in the dateline's state (issue #19).

Every sentence is written for the test; none is copied from a corpus.
"""

import pytest

from helpers.articles import Article, Paragraph
from helpers.extract.places import main_place, resolve_places
from helpers.ingest.datelines import find_dateline


def _article(text: str) -> Article:
    """An article whose dateline the loader finds ("COLUMBUS, Ohio (AP) -")."""
    dateline = find_dateline(text)
    return Article(
        "t",
        "t.txt",
        text=text,
        paragraphs=[Paragraph(0, 0, len(text))],
        dateline=dateline.place if dateline else "",
        dateline_span=dateline.place_span if dateline else None,
    )


def _resolved(nlp, text: str) -> dict[str, tuple[str | None, str]]:
    rows = resolve_places(nlp(text), _article(text))
    return {r["text"]: (r["admin1"], r["resolution"]) for r in rows}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("COLUMBUS, Ohio (AP) - A man was shot in the Linden neighborhood on Tuesday.", "Linden"),
        ("BALTIMORE (AP) - A teenager was shot near Windsor on Friday, county police said.", "Windsor"),
    ],
)
def test_a_small_town_of_another_state_named_bare_is_no_place_of_the_story(nlp, text, name):
    admin1, resolution = _resolved(nlp, text)[name]
    assert admin1 is None and "another state" in resolution


def test_the_article_is_placed_in_its_state_not_at_a_namesake_town_far_away(nlp):
    text = (
        "COLUMBUS, Ohio (AP) - Two men were wounded in a shooting in the Linden neighborhood on Tuesday. "
        "Police said both men were from Linden."
    )
    assert main_place(resolve_places(nlp(text), _article(text)))["canonical"] == "Columbus"


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        # written with its state: AP style for a town of another state
        (
            "COLUMBUS, Ohio (AP) - The suspect was arrested in Linden, N.J., on Monday.",
            "Linden",
            "New Jersey",
        ),
        # a big city needs no state
        ("COLUMBUS, Ohio (AP) - The suspect was arrested in Oakland on Monday.", "Oakland", "California"),
        # no dateline: the state the story is about is not known for sure, the best reading stands...
        ("A man was shot in Linden on Tuesday, Columbus, Ohio, police said.", "Linden", "New Jersey"),
        # ...but a part of a town lies in the article's province
        ("A man was shot in the Linden neighborhood of Columbus, Ohio, on Tuesday.", "Linden", "Ohio"),
    ],
)
def test_a_town_of_another_state_with_its_state_or_a_big_city_is_kept(nlp, text, name, state):
    assert _resolved(nlp, text)[name][0] == state


def test_iraqi_news_names_towns_of_other_provinces_bare(nlp):
    text = "BAGHDAD (Reuters) - Gunmen killed two soldiers in Ramadi on Sunday, an official in Baghdad said."
    assert _resolved(nlp, text)["Ramadi"][0] == "Al Anbar"


def test_a_dateline_shared_by_towns_of_several_states_is_read_beside_the_articles_other_places(nlp):
    # The title abbreviates the town; the body's dateline writes it out. Both name one town, and
    # Westmoreland County places it in Pennsylvania, not at the larger Mount Pleasant of South Carolina.
    title = "Mt. Pleasant teen pleads guilty in shooting"
    body = "MOUNT PLEASANT (AP) - A teenager who shot his friend in Westmoreland County pleaded guilty."
    text = f"{title}\n\n{body}"
    start = len(title) + 2
    dateline = find_dateline(body)
    article = Article(
        "t",
        "t.txt",
        text=text,
        paragraphs=[Paragraph(0, 0, len(title), "title"), Paragraph(1, start, len(text))],
        dateline=dateline.place,
        dateline_span=(start + dateline.place_span[0], start + dateline.place_span[1]),
    )
    rows = {r["text"]: r["admin1"] for r in resolve_places(nlp(text), article)}
    assert rows["Mt. Pleasant"] == rows["MOUNT PLEASANT"] == rows["Westmoreland County"] == "Pennsylvania"
    text = "MOUNT PLEASANT (AP) - A man was shot on Friday, Charleston County police said."
    assert _resolved(nlp, text)["MOUNT PLEASANT"][0] == "South Carolina"


def test_a_dateline_with_its_state_keeps_the_articles_counties_in_that_state(nlp):
    # "HOLLIDAY, Mo.": the town is too small for the gazetteer, its state is not
    text = "HOLLIDAY, Mo. (AP) - A man was shot in Monroe County on Friday, and another in Marion County."
    resolved = _resolved(nlp, text)
    assert resolved["Monroe County"][0] == resolved["Marion County"][0] == "Missouri"


def test_a_bare_dateline_shared_by_towns_of_several_states_leaves_their_counties_alone(nlp):
    # a bare COLUMBUS may be Nebraska's, beside Platte County; PITTSBURGH is Pennsylvania's only
    assert _resolved(nlp, "COLUMBUS (AP) - A man was shot in Platte County on Friday.")["Platte County"][0]
    text = "PITTSBURGH (AP) - Two men were shot in the Hill District late Friday."
    assert [name for name, (admin1, _) in _resolved(nlp, text).items() if admin1] == ["PITTSBURGH"]


@pytest.mark.parametrize(
    ("text", "name", "town", "state"),
    [
        ("FT. WAYNE, Ind. (AP) - A man was shot on Friday.", "FT. WAYNE", "Fort Wayne", "Indiana"),
        ("A man was shot in Mt. Pleasant, Pa., on Friday.", "Mt. Pleasant", "Mount Pleasant", "Pennsylvania"),
    ],
)
def test_an_abbreviated_first_word_names_the_town_written_out(nlp, text, name, town, state):
    rows = {r["text"]: r for r in resolve_places(nlp(text), _article(text))}
    assert (rows[name]["canonical"], rows[name]["admin1"]) == (town, state)


@pytest.mark.parametrize("name", ["Jefferson", "Orleans", "Calcasieu"])
def test_a_division_written_with_its_own_district_word_is_that_division(nlp, name):
    # "Parish" is Louisiana's word for a county: "Jefferson Parish" is not Jefferson County, Alabama,
    # and "Calcasieu" is known only with it: the parish, not a place located somewhere in Louisiana
    text = f"{name} Parish sheriff's deputies said a teenager was wounded in a shooting on Friday."
    row = next(r for r in resolve_places(nlp(text), _article(text)) if r["text"] == name)
    assert (row["canonical"], row["admin1"], row["kind"]) == (f"{name} Parish", "Louisiana", "admin2")


def test_a_local_paper_s_small_dateline_town_needs_no_support_from_the_other_places(nlp):
    text = "FALLS VILLAGE—A soldier back from Afghanistan spoke at the school board meeting on Monday."
    assert _resolved(nlp, text)["FALLS VILLAGE"][0] == "Connecticut"
    # but no village abroad is the dateline of news whose other names give its country
    text = "BUSTI—A man was shot in Jamestown, New York, on Monday, and a woman in Buffalo, New York."
    assert _resolved(nlp, text)["BUSTI"][0] is None


def test_a_part_of_a_town_lies_in_the_article_s_province_not_in_a_town_of_that_name_elsewhere(nlp):
    text = (
        "A teenager was shot in Duluth, Minnesota, on Tuesday. Officers set up a crime scene at "
        "4th Street in the East Hillside neighborhood."
    )
    # placed in the town the article names, as a place the gazetteer lacks
    assert _resolved(nlp, text)["Hillside"] == (
        "Minnesota",
        "resolved: not in the gazetteer, located in Duluth",
    )


@pytest.mark.parametrize(
    ("text", "name", "town"),
    [
        ("Gunmen opened fire in Old Town on Saturday, Wichita police said.", "Old Town", "Wichita"),
        ("Two men were shot in Old City on Friday night, Mosul police said.", "Old City", "Mosul"),
    ],
)
def test_a_name_many_towns_give_a_part_of_theirs_lies_in_the_article_s_town(nlp, text, name, town):
    resolution = _resolved(nlp, text)[name][1]
    assert resolution == f"resolved: not in the gazetteer, located in {town}"


def test_a_neighbourhood_named_like_a_big_town_elsewhere_lies_in_the_article_s_town(nlp):
    text = "Chicago police said a man was shot in the Austin neighborhood on the West Side on Friday."
    assert _resolved(nlp, text)["Austin"] == (
        "Illinois",
        "resolved: not in the gazetteer, located in Chicago",
    )
    # the town a neighbourhood is "of" is no part of a town
    text = (
        "A man was shot in the Crown Heights neighborhood of Brooklyn on Monday, police in California said."
    )
    assert _resolved(nlp, text)["Brooklyn"][0] == "New York"
    # with no town, province or country named, the neighbourhood's town is unknown: no town of New York
    admin1, resolution = _resolved(
        nlp, "A man was shot in the Washington Heights neighborhood early Saturday."
    )["Washington Heights"]
    assert admin1 is None and resolution.startswith("unresolved: a part of a town")


@pytest.mark.parametrize(
    "text",
    [
        # the headline names the part bare, the story writes it as a neighbourhood
        "Teenager shot dead in Austin\n\nA 16-year-old was shot dead in the Austin neighborhood on Friday "
        "night, Chicago police said.",
        # the name bare after the part, tagged or not
        "CHICAGO (AP) - Two men were wounded in a shooting in the Austin neighborhood on Friday. "
        "Austin residents said the block had been quiet.",
    ],
)
def test_every_mention_of_a_name_the_article_writes_as_a_part_of_a_town_is_that_part(nlp, text):
    rows = [r for r in resolve_places(nlp(text), _article(text)) if r["text"] == "Austin"]
    assert len(rows) >= 2
    assert {r["admin1"] for r in rows} == {"Illinois"}
    # a name never written as a part keeps its reading
    other = "Chicago police said a man from Austin was shot in the Austin Street garage on Friday."
    assert {r["admin1"] for r in resolve_places(nlp(other), _article(other)) if r["text"] == "Austin"} != {
        "Illinois"
    }


def test_a_town_written_before_a_neighbourhood_with_a_is_the_town_elsewhere_in_the_article(nlp):
    # "an Atlanta neighborhood" is one of Atlanta's, and names no part called Atlanta
    text = "Man killed in Atlanta\n\nA man was shot dead in an Atlanta neighborhood, Atlanta police said."
    rows = [r for r in resolve_places(nlp(text), _article(text)) if r["text"] == "Atlanta"]
    assert rows[0]["admin1"] == "Georgia"
    # the part is the longest name before the word: "South Chicago", not Chicago
    text = "CHICAGO (AP) - A man was shot in the South Chicago neighborhood on Friday, Chicago police said."
    rows = [r for r in resolve_places(nlp(text), _article(text)) if r["text"] == "Chicago"]
    assert rows and {r["place_id"] for r in rows} == {"gn:4887398"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a neighbourhood of the story's city that a small town abroad shares its name with
        (
            "A woman was shot on Sunday in Whitehaven, and Memphis police are looking for a gray car, "
            "WREG in Tennessee reported.",
            "Whitehaven",
        ),
        ("A man was shot in Gentilly on Tuesday, New Orleans police said, in Louisiana.", "Gentilly"),
    ],
)
def test_a_small_town_abroad_far_from_every_other_place_of_the_story_is_no_place_there(nlp, text, name):
    # unresolved; a name the NER called no place ("Gentilly" PERSON) is then no mention at all
    admin1, resolution = _resolved(nlp, text).get(name, (None, "unresolved: a small town abroad, far from"))
    assert admin1 is None and resolution.startswith("unresolved: a small town abroad, far from")


@pytest.mark.parametrize(
    ("text", "name", "province"),
    [
        # the town's country is named: a story abroad
        (
            "A woman was shot on Sunday in Whitehaven, England, a Memphis newspaper reported.",
            "Whitehaven",
            "England",
        ),
        # a town across the border of the story's country, near its places
        (
            "Gunmen who attacked Damasak fled to Diffa on Monday, officials in Maiduguri said.",
            "Diffa",
            "Diffa",
        ),
        # alone, or beside one other name, a name keeps its best reading
        ("A woman was shot on Sunday in Whitehaven.", "Whitehaven", "England"),
        ("A woman was shot on Sunday in Whitehaven, Memphis police said.", "Whitehaven", "England"),
        # a big city may be named bare anywhere
        (
            "A woman was shot on Sunday in Memphis, a week after a march in Bordeaux.",
            "Bordeaux",
            "Nouvelle-Aquitaine",
        ),
    ],
)
def test_a_foreign_town_with_its_country_near_the_story_or_big_keeps_its_reading(nlp, text, name, province):
    assert _resolved(nlp, text)[name][0] == province


def test_a_person_s_name_after_a_locative_is_a_town_of_the_article_s_province(nlp):
    # "Franklin" is a given name the model does not tag a place; the other names give Tennessee
    text = "A teenager was shot in Franklin on Sunday, Tennessee police said, south of Nashville, Tennessee."
    assert _resolved(nlp, text)["Franklin"][0] == "Tennessee"
    # "to" takes people as often: condolences to a person named so are no town
    text = "Friends sent condolences to Franklin on Sunday, police said, south of Nashville, Tennessee."
    assert _resolved(nlp, text).get("Franklin", (None,))[0] is None


@pytest.mark.parametrize(
    ("text", "town", "state"),
    [
        (
            "BIRMINGHAM, Ala (WKRP): A boy was wounded on Friday, Birmingham police said.",
            "BIRMINGHAM",
            "Alabama",
        ),
        ("PARIS, Tenn (WKRP) - A woman was shot on Sunday, police said.", "PARIS", "Tennessee"),
    ],
)
def test_a_dateline_s_state_abbreviation_written_without_its_period_names_the_state(nlp, text, town, state):
    # broadcasters' sites drop the AP abbreviation's period: the state still decides the town
    assert _resolved(nlp, text)[town][0] == state


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # a big town or a division before "a ... neighborhood" is the town whose part it is
        ("Nine people were shot in a D.C. neighborhood on Friday night.", "D.C.", "Washington, D.C."),
        ("Bullets flew through a Detroit neighborhood on Sunday, killing a man.", "Detroit", "Michigan"),
        # a small town's name there is the part's own: no town far away
        ("A man was shot inside a Chatham neighborhood home on Friday.", "Chatham", None),
        # where the article names a province, the part lies there, whatever its article
        (
            "A boy was killed in a South Austin neighborhood shooting, Chicago police said.",
            "Austin",
            "Illinois",
        ),
    ],
)
def test_a_big_town_written_with_a_before_a_part_word_is_the_town_where_no_province_is_named(
    nlp, text, name, admin1
):
    assert _resolved(nlp, text)[name][0] == admin1


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        # namesake counties with nothing else named: the most populous, not the first by id
        (
            "Deputies from the King County Sheriff's Office said two men were shot on Tuesday.",
            "King County",
            "Washington",
        ),
        (
            "A woman was wounded in a shooting in Richland County late Friday, deputies said.",
            "Richland County",
            "South Carolina",
        ),
    ],
)
def test_a_bare_county_named_by_many_states_is_the_most_populous(nlp, text, name, state):
    admin1, resolution = _resolved(nlp, text)[name]
    assert admin1 == state and resolution.startswith("resolved")


@pytest.mark.parametrize(
    ("text", "name", "country", "state"),
    [
        # a country's name: the dateline's state says it is the town
        ("LEBANON, Ohio (WXYZ) - A teenager was wounded on Saturday.", "LEBANON", "US", "Ohio"),
        ("PARIS, Texas (AP) - Two men were shot outside a bar on Friday night.", "PARIS", "US", "Texas"),
        # a bigger namesake in another state
        (
            "COLUMBUS, Ohio (AP) - Two men from Lowndes County were shot outside a bar on Friday night.",
            "COLUMBUS",
            "US",
            "Ohio",
        ),
        ("KANSAS CITY, Mo. (AP) - A man was shot on a bus on Friday night.", "KANSAS CITY", "US", "Missouri"),
        # a country after a dateline: a town of that country
        ("TRIPOLI, Lebanon (AP) - Gunmen fired on a checkpoint on Friday night.", "TRIPOLI", "LB", ""),
        # a county: its town, not the bigger namesake of another state
        ("GREENVILLE, Pitt County (WXYZ) - A man was shot on Friday.", "GREENVILLE", "US", "North Carolina"),
    ],
)
def test_a_dateline_with_its_state_or_country_is_a_town_there(nlp, text, name, country, state):
    row = next(r for r in resolve_places(nlp(text), _article(text)) if r["text"] == name)
    assert row["kind"] in ("city", "village") and row["country"] == country
    assert not state or row["admin1"] == state


def test_a_town_written_with_its_county_is_the_county_town_the_gazetteer_files_under_none(nlp):
    # GeoNames' towns carry no county code: the county's point and province place them
    resolved = _resolved(nlp, "A man was shot in Greenville, Pitt County, on Friday.")
    assert resolved["Greenville"] == ("North Carolina", "resolved: town, division")
    assert _resolved(nlp, "A man was shot in Smithfield, Cache County, on Friday.")["Smithfield"][0] == "Utah"
    # a list is no "Town, County": Hamilton and Madison are two more counties of Ohio
    text = "The program is open to people of Butler, Clark, Hamilton, Madison and Warren counties in Ohio."
    assert _resolved(nlp, text)["Hamilton"][0] == "Ohio"
