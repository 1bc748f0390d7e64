"""Views: what the notebooks and reports show, one module per notebook.

* :mod:`helpers.views.corpus`: notebook 01 (what was read);
* :mod:`helpers.views.actors`: notebook 02 (who is involved);
* :mod:`helpers.views.locations`: notebook 03 (where);
* :mod:`helpers.views.casualties`: notebook 04 (what it cost);

with the shared :mod:`~helpers.views.plots`, :mod:`~helpers.views.maps`,
:mod:`~helpers.views.network` and :mod:`~helpers.views.evidence` (article pages), and
:mod:`~helpers.views.report` (the static HTML reports); :func:`interactive_outputs` makes
every table a notebook shows interactive (offline) and every figure an image with alt text.
The notebook functions of notebooks 02-04 are importable from here:
``from helpers import views; views.top_actors(tables)``.

Text from the corpus is drawn as written: matplotlib's mathtext is turned off, so an
organisation named ``Ca$h Mon}$y Brigade`` is a label, not a formula that fails.
"""

import matplotlib

from helpers.views.actors import (
    actor_evidence,
    actors_by_category,
    actors_chart,
    co_mention_table,
    network_figure,
    persons_view,
    quotes_by_speaker,
    quotes_view,
    state_actors_by_country,
    top_actors,
)
from helpers.views.casualties import (
    casualties_view,
    casualty_map,
    casualty_timeline,
    excluded_figures,
    incidents_view,
    outcome_side_chart,
    timeline_chart,
    tolls_to_review,
    totals_by,
    totals_by_outcome,
    totals_chart,
)
from helpers.views.interactive import interactive_outputs
from helpers.views.locations import (
    article_map,
    datelines_vs_places,
    demonyms_view,
    local_outlets,
    mentions_by_country,
    mentions_by_province,
    place_evidence,
    places_map,
    places_view,
    province_map,
    unresolved_places,
)

__all__ = [
    "actor_evidence",
    "actors_by_category",
    "actors_chart",
    "article_map",
    "casualties_view",
    "casualty_map",
    "casualty_timeline",
    "co_mention_table",
    "datelines_vs_places",
    "demonyms_view",
    "excluded_figures",
    "incidents_view",
    "interactive_outputs",
    "local_outlets",
    "mentions_by_country",
    "mentions_by_province",
    "network_figure",
    "outcome_side_chart",
    "persons_view",
    "place_evidence",
    "places_map",
    "places_view",
    "province_map",
    "quotes_by_speaker",
    "quotes_view",
    "state_actors_by_country",
    "timeline_chart",
    "tolls_to_review",
    "top_actors",
    "totals_by",
    "totals_by_outcome",
    "totals_chart",
    "unresolved_places",
]

matplotlib.rcParams["text.parse_math"] = False
