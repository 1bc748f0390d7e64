"""The report's "Places not found" list holds only names that plausibly are places (issue #16)."""

import pandas as pd

from helpers.extract.places.resolution import NOT_IN_GAZETTEER
from helpers.knowledge.place_names import reviewable_place_name
from helpers.views.review import unresolved_places


class _Tables:
    """Stands in for :class:`helpers.run.Tables`: one ``place_mentions`` table."""

    def __init__(self, rows: list[tuple[str, str, str | None, str, str]]) -> None:
        self.frame = pd.DataFrame(rows, columns=["article_id", "text", "place_id", "role", "resolution"])

    def read(self, name: str, columns: list[str]) -> pd.DataFrame:
        assert name == "place_mentions"
        return self.frame[columns]


def test_only_names_the_gazetteer_lacks_that_may_be_places_are_listed():
    tables = _Tables(
        [
            ("a1", "Kfar Hamra", None, "event", NOT_IN_GAZETTEER),
            ("a2", "Kfar Hamra", None, "event", NOT_IN_GAZETTEER),
            ("a1", "Democratic", None, "event", NOT_IN_GAZETTEER),
            ("a1", "North East", None, "event", NOT_IN_GAZETTEER),
            ("a2", "Chad", None, "event", "unresolved: given name without place evidence"),
            ("a2", "Springfield", None, "event", "unresolved: ambiguous (Springfield, US / Springfield, US)"),
            ("a2", "Mosul", "gn:99072", "event", "resolved: best match"),
        ]
    )
    listed = unresolved_places(tables, {"a1": "a1.html"})
    assert listed["as written"].tolist() == ["Kfar Hamra"]
    assert listed["mentions"].tolist() == [2]
    assert listed["href"].tolist() == ["a1.html"]


def test_reviewable_place_names():
    assert reviewable_place_name("Wadi Hamra")
    assert not reviewable_place_name("East")
    assert not reviewable_place_name("north-west")
    assert not reviewable_place_name("Man")
