"""An article's text as HTML with nested, labelled highlights that explain themselves on hover.

A place inside an organisation's name (``Kurdistan`` in ``Kurdistan Regional
Government``) is shown inside the organisation, both highlighted; each highlight's
``title`` (the browser's tooltip) gives its canonical name, id, scope and rule, and the
label of an actor or place that has a profile links to it. Casualty figures that count and
figures that do not are drawn in different styles. All text is escaped: an article holding
``<script>`` shows it as text. No script, no external file.
"""

from __future__ import annotations

import html

import pandas as pd

#: Highlight layers, highest priority first: a span crossing a higher one (overlapping without
#: either holding the other) is dropped, and a plain entity overlapping any kept span too.
LAYERS = ("casualty", "place", "actor", "person", "entity")
#: CSS class per display label (an unknown label is a plain entity).
CLASSES = {
    "CASUALTY": "casualty",
    "PLACE": "place",
    "DEMONYM": "demonym",
    "ACTOR": "actor",
    "PERSON": "person",
}
MARK_STYLE = """
mark { padding: .05em .2em; border-radius: .3em; line-height: 2; background: #ececec; color: inherit; }
mark mark { margin: 0 .1em; }
mark .tag { font-size: .6em; font-weight: 600; margin-left: .3em; vertical-align: middle; color: #444; }
mark a.tag { color: #1a4f8b; }
mark.place { background: #9fd3a8; } mark.demonym { background: #d7e7c8; }
mark.actor { background: #a9c8f0; } mark.person { background: #f3d28b; }
mark.casualty.counted { background: #f4a6a6; border: 2px solid #b22222; }
mark.casualty.excluded { background: #fff; border: 2px dashed #999; color: #555; }
mark[title] { cursor: help; }
.legend-row mark { line-height: 1.6; }
.article-text { white-space: pre-wrap; line-height: 2; }
"""
_LEGEND = (
    ("actor", "ACTOR", "an actor (in the dictionary or an organisation found in the text)"),
    ("person", "PERSON", "a person"),
    ("place", "PLACE", "a place found in the gazetteer"),
    ("demonym", "DEMONYM", "a nationality pointing to a country"),
    ("casualty counted", "CASUALTY", "a casualty figure counted in the toll"),
    ("casualty excluded", "CASUALTY", "a figure found but not counted (background, restated, …)"),
    ("", "ENTITY", "another named entity"),
)


def highlight_spans(spans: pd.DataFrame) -> list[dict]:
    """The spans to draw: nested ones kept, crossing ones and entities under others dropped.

    Args:
        spans: Columns ``start_char``, ``end_char``, ``label`` (display label) and ``layer``
            (one of :data:`LAYERS`), optionally ``tip`` (hover text), ``style``
            (extra CSS class, e.g. ``counted``) and ``href`` (the profile its label links to).

    Returns:
        ``[{"start", "end", "label"}]`` (plus ``tip``, ``style`` and ``href`` when given), sorted by
        offset, outer spans before the spans they hold.

    >>> frame = pd.DataFrame({"start_char": [0, 0, 10], "end_char": [9, 4, 15],
    ...                       "label": ["ACTOR", "PLACE", "CARDINAL"],
    ...                       "layer": ["actor", "place", "entity"]})
    >>> [(s["start"], s["end"], s["label"]) for s in highlight_spans(frame)]
    [(0, 9, 'ACTOR'), (0, 4, 'PLACE'), (10, 15, 'CARDINAL')]
    """
    if spans.empty:
        return []
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    ordered = spans.assign(
        _rank=spans["layer"].map(rank).fillna(len(LAYERS)), _len=spans["end_char"] - spans["start_char"]
    ).sort_values(["_rank", "_len", "start_char"], ascending=[True, False, True], kind="stable")
    extra = [c for c in ("tip", "style", "href") if c in spans.columns]
    taken: list[dict] = []
    for row in ordered.to_dict("records"):
        start, end = int(row["start_char"]), int(row["end_char"])
        if end <= start or any(_clash(start, end, row["layer"], t) for t in taken):
            continue
        taken.append(
            {"start": start, "end": end, "label": str(row["label"]), "layer": row["layer"]}
            | {c: "" if pd.isna(row[c]) else str(row[c]) for c in extra}
        )
    taken.sort(key=lambda s: (s["start"], -s["end"], rank.get(s["layer"], len(LAYERS))))
    return [{k: v for k, v in s.items() if k != "layer"} for s in taken]


def _clash(start: int, end: int, layer: str, kept: dict) -> bool:
    """True when a span may not be drawn with ``kept``: they cross, or it repeats or sits on it
    as a plain entity, or it repeats ``kept``'s extent and label."""
    if not (start < kept["end"] and kept["start"] < end):
        return False
    nested = (kept["start"] <= start and end <= kept["end"]) or (
        start <= kept["start"] and kept["end"] <= end
    )
    same = (start, end) == (kept["start"], kept["end"])
    return not nested or layer == "entity" or (same and layer == kept["layer"])


def _css(span: dict) -> str:
    return " ".join(c for c in (CLASSES.get(span["label"], ""), span.get("style", "")) if c)


def marked_text(text: str, spans: list[dict]) -> str:
    """``text`` escaped, with each span (from :func:`highlight_spans`) as a ``<mark>``.

    A span's label is a link when it has an ``href`` (label links never nest: an inner
    span's label closes before the outer span's).

    >>> marked_text("a <b> c", [{"start": 2, "end": 5, "label": "PLACE", "tip": "x & y"}])
    'a <mark class="place" title="x &amp; y">&lt;b&gt;<span class="tag">PLACE</span></mark> c'
    >>> marked_text("Mosul", [{"start": 0, "end": 5, "label": "PLACE", "href": "../p.html"}])
    '<mark class="place">Mosul<a class="tag" href="../p.html">PLACE</a></mark>'
    """
    parts: list[str] = []
    stack: list[tuple[int, str]] = []  # open spans: (end, closing markup)
    position = 0

    def close_until(offset: int) -> None:
        nonlocal position
        while stack and stack[-1][0] <= offset:
            end, closing = stack.pop()
            parts.append(html.escape(text[position:end]) + closing)
            position = end

    for span in spans:
        close_until(span["start"])
        parts.append(html.escape(text[position : span["start"]]))
        position = span["start"]
        css = f' class="{_css(span)}"' if _css(span) else ""
        tip = f' title="{html.escape(span["tip"])}"' if span.get("tip") else ""
        parts.append(f"<mark{css}{tip}>")
        label = html.escape(span["label"])
        tag = (
            f'<a class="tag" href="{html.escape(span["href"])}">{label}</a>'
            if span.get("href")
            else f'<span class="tag">{label}</span>'
        )
        stack.append((span["end"], f"{tag}</mark>"))
    close_until(len(text))
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def legend_html(spans: list[dict]) -> str:
    """A legend of the highlight styles the page uses, and what hovering shows.

    >>> "not counted" in legend_html([{"label": "CASUALTY", "style": "excluded"}])
    True
    """
    shown = {_css(span) for span in spans}
    items = "".join(
        f'<mark class="{css}">{label}</mark> {description}; '
        for css, label, description in _LEGEND
        if css in shown
    )
    profiles = " (a linked label opens its profile)" if any(s.get("href") for s in spans) else ""
    return (
        f'<p class="legend-row">Highlights: {items}hover over one for its name, id, scope and rule'
        f"{profiles}.</p>"
    )
