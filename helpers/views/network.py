"""Who appears with whom: actor co-mentions per sentence or paragraph, as a table and a graph.

Two actors are co-mentioned when both are named in the same sentence (or
paragraph) of an article. Each pair keeps one example sentence as evidence.
"""

from __future__ import annotations

import itertools
import math

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

from helpers.views.plots import place_labels

#: Columns of :func:`co_mentions`' result (``n_units`` is named after the level).
LEVELS = {"sentence": ("sentence_id", "n_sentences"), "paragraph": ("paragraph", "n_paragraphs")}


def co_mentions(mentions: pd.DataFrame, *, level: str = "sentence") -> pd.DataFrame:
    """Count the sentences (or paragraphs) in which each pair of actors is named together.

    Args:
        mentions: Linked actor mentions with ``article_id``, ``paragraph``,
            ``sentence_id``, ``sentence``, ``actor_id``, ``canonical`` (and
            optionally ``start_char`` to order the evidence).
        level: ``"sentence"`` or ``"paragraph"``.

    Returns:
        Columns ``actor_a, actor_b, canonical_a, canonical_b, n_sentences`` (or
        ``n_paragraphs``), ``n_articles, article_id, sentence``: one row per
        unordered pair (``actor_a < actor_b``), with the first sentence naming
        both as evidence. Sorted by the count descending, then the names.

    Raises:
        ValueError: If ``level`` is not ``"sentence"`` or ``"paragraph"``.

    >>> rows = pd.DataFrame({"article_id": ["a", "a", "a"], "paragraph": [1, 1, 1],
    ...     "sentence_id": [0, 0, 1], "sentence": ["X met Y.", "X met Y.", "X left."],
    ...     "actor_id": ["x", "y", "x"], "canonical": ["X", "Y", "X"]})
    >>> co_mentions(rows)[["actor_a", "actor_b", "n_sentences", "sentence"]].values.tolist()
    [['x', 'y', 1, 'X met Y.']]
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {sorted(LEVELS)}, not {level!r}")
    unit, count_column = LEVELS[level]
    columns = [
        "actor_a",
        "actor_b",
        "canonical_a",
        "canonical_b",
        count_column,
        "n_articles",
        "article_id",
        "sentence",
    ]
    order = ["article_id", unit] + (["start_char"] if "start_char" in mentions else [])
    frame = mentions.dropna(subset=[unit]).sort_values(order, kind="stable")
    names = dict(zip(frame["actor_id"], frame["canonical"]))
    pairs = []
    for (article_id, _), group in frame.groupby(["article_id", unit], sort=False):
        actors_by_sentence = group.groupby("sentence", sort=False)["actor_id"].agg(set)
        for actor_a, actor_b in itertools.combinations(sorted(set(group["actor_id"])), 2):
            # Evidence: the first sentence of the unit naming both (in a paragraph they may differ).
            shared = [s for s, ids in actors_by_sentence.items() if {actor_a, actor_b} <= ids]
            pairs.append((actor_a, actor_b, article_id, shared[0] if shared else group["sentence"].iloc[0]))
    if not pairs:
        return pd.DataFrame(columns=columns)
    table = (
        pd.DataFrame(pairs, columns=["actor_a", "actor_b", "article_id", "sentence"])
        .groupby(["actor_a", "actor_b"], sort=False)
        .agg(
            **{
                count_column: ("article_id", "size"),
                "n_articles": ("article_id", "nunique"),
                "article_id": ("article_id", "first"),
                "sentence": ("sentence", "first"),
            }
        )
        .reset_index()
    )
    table["canonical_a"] = table["actor_a"].map(names)
    table["canonical_b"] = table["actor_b"].map(names)
    return table.sort_values(
        [count_column, "canonical_a", "canonical_b"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)[columns]


def co_mention_graph(co_mentions_table: pd.DataFrame, *, actors: pd.DataFrame | None = None) -> nx.Graph:
    """An undirected graph of actors, edges weighted by co-mention counts.

    Args:
        co_mentions_table: Result of :func:`co_mentions`.
        actors: Optional actors table (:func:`helpers.actors.actors_table`) giving
            nodes ``category`` and ``n_mentions``; without it ``n_mentions`` is the
            node's weighted degree.

    Returns:
        Nodes are ``actor_id`` with ``canonical``, ``category`` and ``n_mentions``;
        edges carry ``weight`` (the count), ``n_articles`` and ``sentence``.
    """
    count_column = next(c for c in co_mentions_table.columns if c in ("n_sentences", "n_paragraphs"))
    graph = nx.Graph()
    for row in co_mentions_table.itertuples(index=False):
        graph.add_node(row.actor_a, canonical=row.canonical_a)
        graph.add_node(row.actor_b, canonical=row.canonical_b)
        graph.add_edge(
            row.actor_a,
            row.actor_b,
            weight=int(getattr(row, count_column)),
            n_articles=int(row.n_articles),
            sentence=row.sentence,
        )
    known = actors.set_index("actor_id") if actors is not None else None
    for node, data in graph.nodes(data=True):
        if known is not None and node in known.index:
            data["category"] = known.at[node, "category"]
            data["n_mentions"] = int(known.at[node, "n_mentions"])
        else:
            data["category"] = ""
            data["n_mentions"] = int(graph.degree(node, weight="weight"))
    return graph


def spread_layout(graph: nx.Graph, *, seed: int = 0) -> dict:
    """Node positions: each connected group laid out on its own (spring layout, springs twice
    networkx's default length), in a square sized to its nodes, largest group first, in rows.

    >>> graph = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> positions = spread_layout(graph)
    >>> bool(max(positions[n][0] for n in "abc") < min(positions["x"][0], positions["y"][0]))
    True
    """
    groups = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    row_width = 2 * math.sqrt(graph.number_of_nodes())
    positions = {}
    x = y = row_height = 0.0
    for nodes in groups:
        size = math.sqrt(len(nodes))
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y - row_height - 0.5, 0.0
        layout = nx.spring_layout(
            graph.subgraph(nodes),
            seed=seed,
            weight="weight",
            k=2 / size,
            iterations=200,
            scale=size / 2,
            center=(x + size / 2, y - size / 2),
        )
        positions.update(layout)
        x += size + 0.5
        row_height = max(row_height, size)
    return positions


def draw_network(
    graph: nx.Graph,
    *,
    ax: plt.Axes | None = None,
    seed: int = 0,
    title: str = "Actors named in the same sentence",
) -> plt.Axes:
    """Draw the co-mention graph: nodes sized by mentions, coloured by category, labelled.

    The layout spreads the nodes (:func:`spread_layout`); labels are placed most mentioned
    first where they overlap no other label and stay inside the plot, and a note says how
    many found no free place.

    Args:
        graph: Result of :func:`co_mention_graph`.
        ax: Axes to draw on; a new figure when ``None``.
        seed: Seed of the spring layout, so the same graph always looks the same.
        title: Axes title.

    Returns:
        The axes.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 7))
    ax.set_title(title)
    ax.set_axis_off()
    if graph.number_of_nodes() == 0:
        return ax
    # Sorted nodes so the layout does not depend on insertion order.
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True)))
    ordered.add_edges_from(sorted(graph.edges(data=True)))
    positions = spread_layout(ordered, seed=seed)
    categories = sorted({data.get("category") or "uncategorised" for _, data in ordered.nodes(data=True)})
    colours = dict(zip(categories, itertools.cycle(plt.get_cmap("tab10").colors)))
    biggest = max(data.get("n_mentions", 1) for _, data in ordered.nodes(data=True)) or 1
    for category in categories:
        nodes = [n for n, d in ordered.nodes(data=True) if (d.get("category") or "uncategorised") == category]
        sizes = [200 + 1800 * ordered.nodes[n].get("n_mentions", 1) / biggest for n in nodes]
        nx.draw_networkx_nodes(
            ordered,
            positions,
            nodelist=nodes,
            node_size=sizes,
            node_color=[colours[category]],
            alpha=0.85,
            ax=ax,
            label=category,
        )
    widths = [
        0.5 + 2.5 * d["weight"] / max(w for *_, w in ordered.edges(data="weight"))
        for *_, d in ordered.edges(data=True)
    ]
    nx.draw_networkx_edges(ordered, positions, width=widths, alpha=0.4, ax=ax)
    ax.margins(0.15)
    ax.autoscale_view()
    by_mentions = sorted(ordered.nodes(data=True), key=lambda item: (-item[1].get("n_mentions", 1), item[0]))
    left_out = place_labels(
        ax, ((data.get("canonical", node), *positions[node]) for node, data in by_mentions)
    )
    if left_out:
        ax.text(
            1,
            0,
            f"{left_out} labels left out (no free place)",
            transform=ax.transAxes,
            ha="right",
            fontsize=7,
        )
    ax.legend(loc="lower left", fontsize=8, markerscale=0.4, frameon=False)
    return ax


def network_alt_text(graph: nx.Graph, *, title: str) -> str:
    """The alt text of a drawn co-mention graph: its size and strongest links.

    >>> graph = nx.Graph()
    >>> graph.add_edge("a", "b", weight=3)
    >>> graph.add_edge("a", "c", weight=1)
    >>> for node in graph:
    ...     graph.nodes[node]["canonical"] = node.upper()
    >>> network_alt_text(graph, title="Actors")
    'Network: Actors. 3 actors, 2 links; strongest: A and B (3), A and C (1).'
    """
    name = {node: data.get("canonical", node) for node, data in graph.nodes(data=True)}
    edges = sorted(graph.edges(data="weight"), key=lambda e: (-e[2], name[e[0]], name[e[1]]))
    strongest = ", ".join(f"{name[a]} and {name[b]} ({weight:,})" for a, b, weight in edges[:8])
    return (
        f"Network: {title}. {graph.number_of_nodes():,} actors, {graph.number_of_edges():,} links; "
        f"strongest: {strongest}."
    )
