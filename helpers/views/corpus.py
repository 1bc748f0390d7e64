"""What is in a corpus: the tables behind notebook 01 and the report index."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown
from matplotlib.figure import Figure

from helpers.aggregate.counts import count_mentions
from helpers.run import Tables
from helpers.views import plots
from helpers.views.common import evidence_table, none_found


def accounting(tables: Tables) -> pd.DataFrame:
    """Inputs = loaded + skipped, plus exact and near duplicates, as a two-column table."""
    articles = tables.read("articles", columns=["status", "duplicate_of", "near_duplicate_of"])
    loaded = int((articles["status"] == "loaded").sum())
    rows = [
        ("inputs (files or records)", len(articles)),
        ("loaded", loaded),
        ("skipped", int((articles["status"] == "skipped").sum())),
        ("exact duplicates of another article", int((articles["duplicate_of"].fillna("") != "").sum())),
        (
            "near duplicates (syndicated copies of a story)",
            int((articles["near_duplicate_of"].fillna("") != "").sum()),
        ),
    ]
    return pd.DataFrame(rows, columns=["what", "count"]).set_index("what")


def overview(tables: Tables) -> pd.DataFrame:
    """Corpus size: articles, paragraphs by kind, words, dates, outlets and datelines."""
    articles = tables.read("articles")
    loaded = articles[articles["status"] == "loaded"]
    paragraphs = tables.read("paragraphs", columns=["kind"])
    kinds = paragraphs["kind"].value_counts()
    dates = loaded["date"].replace("", pd.NA).dropna()
    rows = [
        ("articles loaded", len(loaded)),
        ("words", int(loaded["n_words"].sum())),
        ("paragraphs", len(paragraphs)),
        *[
            (f"paragraphs: {kind}", int(kinds.get(kind, 0)))
            for kind in ("title", "body", "repeat", "boilerplate", "credit")
        ],
        ("articles with a dateline", int((loaded["dateline"] != "").sum())),
        ("articles with an outlet", int((loaded["outlet"] != "").sum())),
        ("articles with a date", len(dates)),
        ("earliest date", dates.min() if len(dates) else "—"),
        ("latest date", dates.max() if len(dates) else "—"),
    ]
    return pd.DataFrame(rows, columns=["what", "value"]).astype({"value": str}).set_index("what")


def articles_list(tables: Tables) -> pd.DataFrame:
    """Every loaded article, newest first (undated ones last, by title): date, title, outlet, size, id."""
    articles = tables.read("articles")
    loaded = articles[articles["status"] == "loaded"]
    view = loaded[
        ["date", "title", "outlet", "dateline", "n_paragraphs", "n_words", "duplicate_of", "article_id"]
    ]
    return view.sort_values(
        ["date", "title", "article_id"], ascending=[False, True, True], kind="stable", ignore_index=True
    )


def near_duplicate_clusters(tables: Tables) -> pd.DataFrame:
    """Stories published more than once (syndicated copies with small edits), largest first.

    Each row is one story: its first article, the copies (with their similarity to
    the closest earlier copy) and their outlets. A story's figures count once in the
    casualty totals and incidents.
    """
    articles = tables.read(
        "articles",
        columns=["article_id", "title", "outlet", "near_duplicate_of", "near_duplicate_similarity"],
    )
    copies = articles[articles["near_duplicate_of"].fillna("") != ""]
    if copies.empty:
        return pd.DataFrame(columns=["story", "title", "articles", "outlets", "copies"])
    first = articles.set_index("article_id")
    rows = []
    for story, group in copies.groupby("near_duplicate_of", sort=False):
        outlets = (
            [first.at[story, "outlet"], *group["outlet"]] if story in first.index else list(group["outlet"])
        )
        rows.append(
            {
                "story": story,
                "title": first.at[story, "title"] if story in first.index else "",
                "articles": len(group) + 1,
                "outlets": ", ".join(sorted({o for o in outlets if o})),
                "copies": "; ".join(
                    f"{a} ({s:.2f})" for a, s in zip(group["article_id"], group["near_duplicate_similarity"])
                ),
            }
        )
    view = pd.DataFrame(rows)
    return view.sort_values(["articles", "story"], ascending=[False, True], kind="stable", ignore_index=True)


def value_counts(tables: Tables, column: str) -> pd.DataFrame:
    """How many loaded articles have each value of ``column`` (e.g. outlet, dateline)."""
    articles = tables.read("articles", columns=["status", column])
    values = articles.loc[articles["status"] == "loaded", column].replace("", "(none)")
    counts = values.value_counts().rename_axis(column).reset_index(name="articles")
    return counts.sort_values(["articles", column], ascending=[False, True], kind="stable", ignore_index=True)


def flagged_paragraphs(tables: Tables) -> pd.DataFrame:
    """Paragraphs kept in the text but left out of extraction (repeat, boilerplate, credit)."""
    paragraphs = tables.read("paragraphs")
    flagged = paragraphs[paragraphs["kind"].isin(["repeat", "boilerplate", "credit"])]
    columns = ["article_id", "paragraph", "kind", "note", "text"]
    return evidence_table(tables, flagged, columns, order=("date", "article", "paragraph"))


def skipped_inputs(tables: Tables) -> pd.DataFrame:
    """Every skipped input with its reason, plus inputs loaded with a warning."""
    articles = tables.read("articles", columns=["path", "record", "status", "reason"])
    noted = articles[(articles["status"] == "skipped") | (articles["reason"] != "")]
    return noted.reset_index(drop=True)


def label_counts(tables: Tables) -> pd.DataFrame:
    """Entity mentions per label, with the number of articles each label occurs in."""
    return count_mentions(tables.read("mentions", columns=["article_id", "label"]), by="label")


def labels_chart(tables: Tables) -> Figure | Markdown:
    """Bar chart of :func:`label_counts`."""
    labels = label_counts(tables)
    if labels.empty:
        return none_found("the language model found no entity")
    return plots.bar_chart(
        labels, label="label", value="n_mentions", title="Entity mentions by label", xlabel="mentions"
    )
