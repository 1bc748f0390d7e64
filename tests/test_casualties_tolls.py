"""The article toll of incidents told by place and of updated lists of counts.

Test sentences are written for these tests in the style of wire copy.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.aggregate.totals import casualty_totals
from helpers.extract.casualties import extract_casualties
from helpers.extract.places import main_place, resolve_places
from helpers.nlp import build_pipeline
from tests.test_casualties import article_from


@pytest.fixture(scope="module")
def project_nlp():
    """The project's pipeline: the tolls of incidents told by place need place names."""
    return build_pipeline()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A total told first, then its incidents by province: the total, not the total and the parts.
        (
            "Taliban kill nine police officers in two attacks\n\n"
            "At least nine police officers were killed in two attacks on checkpoints, officials said. "
            "In Kandahar province, gunmen killed five officers. "
            "In Herat province, an attack on a checkpoint killed four officers.",
            {"killed": 9},
        ),
        # Every count of the list after "up from" is the toll the update replaces.
        (
            "Thirty-two people were killed and 51 wounded in the raid, the group said. "
            "The toll is up from 27 dead and 47 wounded reported on Wednesday.",
            {"killed": 32, "injured": 51},
        ),
    ],
)
def test_article_tolls(project_nlp, text, expected):
    doc = project_nlp(text)
    article = article_from(text, kinds={0: "title"} if "\n\n" in text else None)
    places = resolve_places(doc, article)
    rows = extract_casualties(doc, article, places=places, main_place=main_place(places))
    totals = casualty_totals(pd.DataFrame(rows)).set_index("outcome")["best"].to_dict()
    assert totals == expected
