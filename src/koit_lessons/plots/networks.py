"""Figures of networks (lesson 08): who belongs to which club, as a grid and as a graph."""

from __future__ import annotations

import math
from collections.abc import Iterable

import matplotlib as mpl
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from koit_lessons.errors import KoitError, require_whole, said
from koit_lessons.language import tr
from koit_lessons.plots._core import (
    PALETTE,
    _axes,
    _check_frame,
    _document,
    _finish,
    _free_spot,
    _source_text,
    color_for,
)
from koit_lessons.plots._describe import listing, sentence

__all__ = ["membership_grid", "network"]


def _highlighted(highlight: Iterable[str]) -> set[str]:
    """The names to highlight, as given and as the lesson shows them: the default
    ("Korea", "Italy") also finds "Repubblica di Corea" and "Italia" in an Italian lesson,
    whose tables and graphs name countries in its language (names that are not countries,
    e.g. a club, stay as given)."""
    from koit_lessons import networks

    special = {str(h) for h in highlight}
    for name in list(special):
        try:
            special.add(networks.shown(name))
        except KoitError:
            pass
    return special


@_document
def membership_grid(
    matrix: pd.DataFrame,
    *,
    highlight: Iterable[str] = ("Korea", "Italy"),
    iso3: dict | None = None,
    ax: Axes | None = None,
    title: str | None = "Who belongs to which club?",
    source: str | None = None,
) -> Axes:
    """A grid of countries (rows) x groupings (columns): a filled square where the
    country is a member.

    Parameters
    ----------
    matrix : pandas.DataFrame
        A 0/1 table such as :func:`koit_lessons.networks.membership_matrix`.
    highlight : iterable of str
        Rows that get their country colour (Korea and Italy by default) and a bold label.
    iso3 : dict, optional
        Row names to ISO3 codes (default: ``matrix.attrs["iso3"]``).
    {ax}
    title : str, optional
        The title.
    {source}

    {returns}

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"G7": [1, 0], "G20": [1, 1]}, index=["Italy", "Korea"])
    >>> ax = membership_grid(m, iso3={"Italy": "ITA", "Korea": "KOR"}, source="Source: example.")
    >>> len(ax.get_yticklabels())
    2
    """
    _check_frame(matrix, [])
    values = matrix.to_numpy()
    if not ((values == 0) | (values == 1)).all():
        raise KoitError("The membership table must hold only 0 and 1.")
    src = _source_text(matrix, source)
    codes = iso3 if iso3 is not None else matrix.attrs.get("iso3", {})
    special = _highlighted(highlight)
    n_rows, n_cols = matrix.shape
    ax = _axes(ax, (max(6.0, 0.62 * n_cols + 2.8), max(3.0, 0.2 * n_rows + 1.6)))
    squares, colors = [], []
    for i, country in enumerate(matrix.index):
        color = color_for(codes.get(country), PALETTE[1]) if country in special else "#5A5A5A"
        if country in special:
            ax.axhspan(i - 0.5, i + 0.5, color=color, alpha=0.15, linewidth=0)
        for j in range(n_cols):
            if values[i, j]:
                squares.append(mpl.patches.Rectangle((j - 0.38, i - 0.38), 0.76, 0.76))
                colors.append(color)
    # one collection instead of a patch per square: the same picture, drawn much faster
    ax.add_collection(
        mpl.collections.PatchCollection(squares, facecolors=colors, edgecolors="none", lw=0)
    )
    ax.set_xlim(-0.5, n_cols - 0.5)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.set_xticks(range(n_cols), [str(c) for c in matrix.columns], rotation=45, ha="left")
    ax.xaxis.tick_top()
    ax.set_yticks(range(n_rows), [str(r) for r in matrix.index], fontsize=8)
    for label in ax.get_yticklabels():
        if label.get_text() in special:
            label.set_fontweight("bold")
            label.set_color(color_for(codes.get(label.get_text()), "#000000"))
    ax.grid(False)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    counts = matrix.sum(axis=1)
    rows = [
        tr("{country} in {k} of {n}", country=country, k=int(counts[country]), n=n_cols)
        for country in matrix.index
        if country in special
    ]
    described = sentence(
        tr(
            "Membership grid of {rows} countries (rows) and {cols} groupings (columns), a "
            "square for each membership",
            rows=n_rows,
            cols=n_cols,
        ),
        None,
        title,
        tr("groupings {names}", names=listing([str(c) for c in matrix.columns], "more"))
        + ("; " + "; ".join(rows) if rows else ""),
    )
    return _finish(
        ax, src, title=title, title_pad=12, offset=-10, fontsize=7, description=described
    )


@_document
def network(
    G: object,
    *,
    highlight: Iterable[str] = ("Korea", "Italy"),
    label_min_degree: int = 5,
    seed: int = 8,
    ax: Axes | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Axes:
    """Draw a membership network with a fixed layout: the same graph always gives the
    same picture.

    For a bipartite graph, the groupings sit on a ring (in the graph's order) and each
    country at the centre of its clubs (countries with the same clubs share a small
    circle; countries in one club sit just outside it). A country projection is laid
    out by networkx's spring layout with the fixed ``seed``.

    Parameters
    ----------
    G : networkx.Graph
        The bipartite graph of :func:`koit_lessons.networks.graph` (grouping nodes drawn
        as large orange squares with their names) or a country projection
        (:func:`koit_lessons.networks.projection`; thicker lines for more shared clubs).
    highlight : iterable of str
        Countries drawn in their fixed colours, larger and labelled.
    label_min_degree : int
        Countries with at least this many links are labelled too.
    seed : int
        The seed of the spring layout (projections only).
    {ax}
    title : str, optional
        The title.
    source : str
        The source line (required: a graph carries none), e.g.
        :data:`koit_lessons.networks.SOURCE`.

    {returns}

    Examples
    --------
    >>> from koit_lessons import networks
    >>> ax = network(networks.graph(["G7", "Quad"]), source=networks.SOURCE)
    >>> "Korea" in [t.get_text() for t in ax.texts]
    False
    """
    import networkx as nx

    if not isinstance(G, nx.Graph):
        raise KoitError(f"Pass a networkx Graph (e.g. networks.graph()), not {type(G).__name__}.")
    if G.number_of_nodes() == 0:
        raise KoitError("The graph has no nodes, so there is nothing to draw.")
    if not source:
        raise KoitError("Every figure needs a source line: pass source=..., e.g. networks.SOURCE.")
    seed = require_whole(seed, message=f"seed= must be a whole number, not {said(seed)}.")
    label_min_degree = require_whole(
        label_min_degree,
        minimum=0,
        message="label_min_degree= must be a whole number of 0 or more, "
        f"not {said(label_min_degree)}.",
    )
    ax = _axes(ax, (10, 8))
    ordered = G
    special = _highlighted(highlight)
    clubs = [n for n, d in ordered.nodes(data=True) if d.get("kind") == "grouping"]
    if clubs:  # groupings on a ring, in the graph's order; countries pulled to their clubs
        ring = {
            n: (math.cos(math.pi / 2 - 2 * math.pi * i / len(clubs)),
                math.sin(math.pi / 2 - 2 * math.pi * i / len(clubs)))
            for i, n in enumerate(clubs)
        }  # fmt: skip
        pos = dict(ring)
        profiles: dict[tuple, list] = {}
        for n in ordered.nodes:
            if n not in ring:
                key = tuple(c for c in clubs if ordered.has_edge(n, c))
                profiles.setdefault(key, []).append(n)
        for key, members in profiles.items():
            members = sorted(members, key=str)
            if len(key) == 1:  # on an arc just outside their only club
                (cx, cy), base = ring[key[0]], math.atan2(*ring[key[0]][::-1])
                spread = min(1.6, 0.22 * len(members))
                for i, n in enumerate(members):
                    a = base + (i - (len(members) - 1) / 2) * spread / max(len(members) - 1, 1)
                    pos[n] = (cx + 0.2 * math.cos(a), cy + 0.2 * math.sin(a))
                continue
            cx = 0.85 * sum(ring[c][0] for c in key) / len(key)
            cy = 0.85 * sum(ring[c][1] for c in key) / len(key)
            r = 0.0 if len(members) == 1 else 0.045 * math.sqrt(len(members))
            for i, n in enumerate(members):  # countries with the same clubs share a circle
                a = 2 * math.pi * i / len(members) + math.pi / 2
                pos[n] = (cx + r * math.cos(a), cy + r * math.sin(a))
    else:
        pos = nx.spring_layout(ordered, seed=seed, iterations=300, weight=None)
    people = [n for n in ordered.nodes if n not in set(clubs)]
    widths = [0.4 + 0.5 * (d.get("weight", 1) - 1) for _, _, d in ordered.edges(data=True)]
    nx.draw_networkx_edges(ordered, pos, ax=ax, width=widths, edge_color="#BBBBBB", alpha=0.6)
    colors = [
        color_for(ordered.nodes[n].get("iso3"), PALETTE[1]) if n in special else "#8C8C8C"
        for n in people
    ]
    sizes = [160 if n in special else 40 for n in people]
    nx.draw_networkx_nodes(
        ordered, pos, nodelist=people, node_color=colors, node_size=sizes, ax=ax, linewidths=0
    )
    if clubs:
        nx.draw_networkx_nodes(
            ordered, pos, nodelist=clubs, node_color=PALETTE[0], node_shape="s", node_size=520,
            ax=ax, edgecolors="#333333", linewidths=0.8,
        )  # fmt: skip
        nx.draw_networkx_labels(
            ordered, pos, labels={n: n for n in clubs}, font_size=9, font_weight="bold", ax=ax
        )
    named = [n for n in people if n in special or ordered.degree(n) >= label_min_degree]
    ax.autoscale_view()
    dots = ax.transData.transform([pos[n] for n in ordered.nodes])
    for n in named:
        x, y = pos[n]
        # Korea's and Italy's names where they cover no other dot
        dx, dy, ha, va = (
            _free_spot(ax, (x, y), n, dots, fontsize=10, gap=9) if n in special
            else (4, 4, "left", "bottom")
        )  # fmt: skip
        ax.annotate(
            n,
            xy=(x, y),
            xytext=(dx, dy),
            ha=ha,
            va=va,
            textcoords="offset points",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8}
            if n in special
            else None,
            fontsize=10 if n in special else 7,
            fontweight="bold" if n in special else "normal",
            color=color_for(ordered.nodes[n].get("iso3"), "#333333") if n in special else "#333333",
        )
    handles = [
        Line2D([], [], linestyle="", marker="o", markersize=5, color="#8C8C8C", label=tr("country"))
    ]
    if clubs:
        club = tr("club (grouping)")
        handles.insert(0, Line2D([], [], linestyle="", marker="s", markersize=9, color=PALETTE[0],
                                 markeredgecolor="#333333", label=club))  # fmt: skip
    ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)
    ax.set_axis_off()
    ax.margins(0.05)
    if clubs:
        kind = tr(
            "Network of {n} countries and the {k} groupings they belong to",
            n=len(people),
            k=len(clubs),
        )
        body = tr("groupings {names}", names=listing(clubs, "more"))
    else:
        kind = tr("Network of {n} countries, linked where they share a grouping", n=len(people))
        body = ""
    most = sorted(people, key=lambda n: -ordered.degree(n))[:5]
    links = [tr("{name} ({k} links)", name=n, k=ordered.degree(n)) for n in most]
    body += ("; " if body else "") + tr("most connected: {which}", which=", ".join(links))
    for n in people:
        if n in special:
            body += "; " + tr("{name} has {k} links", name=n, k=ordered.degree(n))
    described = sentence(kind, None, title, body)
    return _finish(ax, source, title=title, offset=-6, fontsize=7, description=described)
