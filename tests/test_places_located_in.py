"""A town the text puts "in" a division (twenty-sixth stop). Sentences are written for the test."""

from tests.test_places_reading import _rows


def _place(rows: list[dict], text: str) -> dict:
    (row,) = [r for r in rows if r["text"] == text]
    return row


def test_a_town_in_a_named_division_is_its_namesake_there(project_nlp):
    """Nouna is a city of Burkina Faso and a village of Mali's Mopti region: "in Mopti region" says which."""
    text = "Jihadists burned the village of Nouna in Mopti region on Sunday, a mayor said."
    nouna = _place(_rows(project_nlp, text), "Nouna")
    assert (nouna["country"], nouna["admin1"]) == ("ML", "Mopti")


def test_a_town_none_of_whose_namesakes_lies_in_its_division_is_a_place_of_that_division(project_nlp):
    """No Masala of the gazetteer lies in North Kivu: the village is one the gazetteer lacks, placed in
    Beni territory of North Kivu, not a Masala of another province."""
    text = (
        "Rebels killed 12 farmers in a raid on Masala village in Beni territory, North Kivu province, "
        "on Friday, a local official said."
    )
    masala = _place(_rows(project_nlp, text), "Masala")
    assert (masala["country"], masala["admin1"]) == ("CD", "Nord Kivu")
    text = "Fighters killed 20 people in the village of Masala in North Kivu province on Friday."
    assert _place(_rows(project_nlp, text), "Masala")["admin1"] == "Nord Kivu"
