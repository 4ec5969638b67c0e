"""Figures in the koit-lessons house style.

Each figure function takes a tidy DataFrame and column names, accepts ``ax=`` to
draw into an existing Axes, returns the Axes, and writes a source line under the
figure. The source comes from ``df.attrs["source"]`` (set by
:func:`koit_lessons.data.load`) unless you pass ``source=``.

The style is opt-in: call :func:`use_style` once; nothing changes matplotlib's
global settings until you do.

Korea and Italy have the same colours in every lesson::

    >>> from koit_lessons.plots import COUNTRY_COLORS
    >>> COUNTRY_COLORS["KOR"], COUNTRY_COLORS["ITA"]
    ('#0072B2', '#009E73')
"""

from __future__ import annotations

import math
import sys
import textwrap
from collections.abc import Iterable

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from koit_lessons import metrics
from koit_lessons.errors import KoitError

__all__ = [
    "COUNTRY_COLORS",
    "PALETTE",
    "NEUTRAL",
    "use_style",
    "add_source",
    "barh",
    "hhi_bars",
    "line",
]

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common
# forms of colour-vision deficiency.
PALETTE = ["#E69F00", "#56B4E9", "#D55E00", "#CC79A7", "#F0E442", "#000000"]
COUNTRY_COLORS = {"KOR": "#0072B2", "ITA": "#009E73"}
NEUTRAL = "#9E9E9E"
#: characters per line of a source line (8-point text across an 8-inch figure)
SOURCE_WIDTH = 125

_STYLE = {
    "figure.figsize": (8, 4.5),
    "figure.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "legend.frameon": False,
    "font.size": 10,
    # FreeType without hinting: text looks the same at screen size and draws about
    # 20 % faster, which matters in lessons with several figures (bench/)
    "text.hinting": "no_hinting",
}


INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


def use_style() -> None:
    """Switch on the koit-lessons figure style for this session (opt-in).

    In a notebook (the inline backend) it also switches off a drawing nobody sees:
    after every cell pyplot redraws each open figure on its hidden canvas, and then the
    inline backend draws the figure again to show it as an image. Without the hidden
    redraw a figure costs a third less time (bench/); what the student sees is the same,
    because the inline backend always draws the figure afresh to show it.
    """
    mpl.rcParams.update(_STYLE)
    _skip_hidden_redraw()


def _skip_hidden_redraw() -> None:
    backend = mpl.get_backend()
    if backend not in (INLINE_BACKEND, "inline"):
        return
    shell = _ipython()
    if shell is None:
        return
    if not plt.get_fignums():
        # pyplot picks its backend, and installs its redraw hook, at the first figure;
        # do that now (with no figure open, switching closes nothing)
        plt.switch_backend(backend)
    # Switched off once this cell has run: with older Matplotlib (3.7) the inline
    # backend finishes its own set-up only then, and that set-up needs the hook in place.
    shell.events.register("post_run_cell", _uninstall_redraw_hook)


def _ipython():
    ipython = sys.modules.get("IPython")  # not imported here: only a running shell matters
    return ipython.get_ipython() if ipython else None


def _uninstall_redraw_hook(*_result) -> None:
    shell = _ipython()
    if shell is not None:
        shell.events.unregister("post_run_cell", _uninstall_redraw_hook)
    plt.uninstall_repl_displayhook()


def color_for(iso3: object, default: str = NEUTRAL) -> str:
    """The fixed colour of a country (by ISO 3166 alpha-3 code), or ``default``."""
    return COUNTRY_COLORS.get(str(iso3), default)


def _check_frame(df: object, columns: Iterable[str]) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise KoitError(f"Pass a table (a pandas DataFrame), not {type(df).__name__}.")
    if df.empty:
        raise KoitError("The table is empty, so there is nothing to draw. Check your filter.")
    missing = [c for c in columns if c is not None and c not in df.columns]
    if missing:
        raise KoitError(
            f"The table has no column {missing[0]!r}. "
            f"Its columns are: {', '.join(map(str, df.columns))}."
        )
    return df


def _source_text(df: pd.DataFrame, source: str | None) -> str:
    text = source if source is not None else df.attrs.get("source")
    if not text:
        raise KoitError(
            "This table carries no source note, and every figure needs one. "
            "Pass it yourself, e.g. source=data.source_line('mineral_production')."
        )
    return text


def add_source(ax: Axes, text: str, *, offset: float = -36, fontsize: float = 8) -> Axes:
    """Write ``text`` as a small grey source line under the Axes (wrapped at about
    the width of a standard figure, so that a long citation cannot stretch it),
    ``offset`` points below the Axes' lower edge."""
    ax.annotate(
        "\n".join(textwrap.wrap(text, SOURCE_WIDTH)) or text,
        xy=(0, 0),
        xycoords="axes fraction",
        xytext=(0, offset),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=fontsize,
        color="#555555",
    )
    return ax


def _axes(ax: Axes | None, figsize: tuple[float, float] | None = None) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    elif not isinstance(ax, Axes):
        raise KoitError(f"ax= must be a matplotlib Axes, not {type(ax).__name__}.")
    return ax


def barh(
    df: pd.DataFrame,
    value: str,
    label: str,
    *,
    iso3: str | None = "iso3",
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    source: str | None = None,
    fmt: str = "{:,.0f}",
) -> Axes:
    """Horizontal bars, largest on top, with Korea and Italy in their fixed colours.

    Parameters
    ----------
    df : DataFrame with one row per bar.
    value, label : the column with the bar lengths and the one with the bar names.
    iso3 : the column of ISO alpha-3 codes used for country colours (None for none).
    fmt : how to print the value at the end of each bar.
    """
    _check_frame(df, [value, label])
    if iso3 is not None and iso3 not in df.columns:
        iso3 = None
    if not pd.api.types.is_numeric_dtype(df[value]):
        raise KoitError(f"The column {value!r} must hold numbers to draw bars.")
    src = _source_text(df, source)
    rows = df.dropna(subset=[value]).sort_values(value)
    ax = _axes(ax, (8, max(2.5, 0.35 * len(rows) + 1.2)))
    colors = [color_for(c, PALETTE[1]) for c in rows[iso3]] if iso3 else PALETTE[1]
    bars = ax.barh(rows[label].astype(str), rows[value], color=colors)
    ax.bar_label(bars, labels=[fmt.format(v) for v in rows[value]], padding=3, fontsize=9)
    ax.margins(x=0.12)
    ax.set_xlabel(xlabel if xlabel is not None else value)
    ax.grid(axis="y", visible=False)
    if title:
        ax.set_title(title)
    add_source(ax, src)
    return ax


def hhi_bars(
    df: pd.DataFrame,
    hhi: str = "hhi",
    label: str = "mineral",
    *,
    ax: Axes | None = None,
    title: str | None = "How concentrated is supply?",
    source: str | None = None,
) -> Axes:
    """Bars of Herfindahl–Hirschman indices, coloured by concentration band, with
    the 1,800 line of the 2023 U.S. Merger Guidelines ('highly concentrated') and the
    1,000 line of the 1992 Horizontal Merger Guidelines marked."""
    _check_frame(df, [hhi, label])
    src = _source_text(df, source)
    rows = df.sort_values(hhi)
    band_colors = {
        "highly concentrated": PALETTE[2],
        "moderately concentrated": PALETTE[0],
        "unconcentrated": PALETTE[1],
    }
    colors = [band_colors[metrics.hhi_band(v)] for v in rows[hhi]]
    ax = _axes(ax, (8, max(2.5, 0.4 * len(rows) + 1.2)))
    bars = ax.barh(rows[label].astype(str), rows[hhi], color=colors)
    ax.bar_label(bars, labels=[f"{v:,.0f}" for v in rows[hhi]], padding=3, fontsize=9)
    for x, name in ((1000, "1,000"), (1800, "1,800: highly concentrated")):
        ax.axvline(x, color="#444444", linestyle="--", linewidth=1)
        ax.annotate(
            name,
            xy=(x, 1),
            xycoords=("data", "axes fraction"),
            xytext=(3, -2),
            textcoords="offset points",
            va="top",
            fontsize=8,
            color="#444444",
        )
    ax.set_xlim(0, 10_000)
    ax.set_xlabel("Herfindahl–Hirschman index (0 = dispersed, 10,000 = one supplier)")
    ax.grid(axis="y", visible=False)
    if title:
        ax.set_title(title)
    add_source(ax, src)
    return ax


def line(
    df: pd.DataFrame,
    x: str,
    y: str,
    group: str | None = None,
    *,
    iso3: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    logy: bool = False,
    source: str | None = None,
) -> Axes:
    """Lines of ``y`` against ``x``, one per ``group`` (Korea and Italy in their colours
    when ``iso3`` names a column of country codes)."""
    _check_frame(df, [x, y, group, iso3])
    src = _source_text(df, source)
    ax = _axes(ax)
    groups = [(None, df)] if group is None else list(df.groupby(group, sort=True))
    others = iter(PALETTE * 3)
    for name, part in groups:
        part = part.sort_values(x)
        code = part[iso3].iloc[0] if iso3 else None
        color = COUNTRY_COLORS.get(str(code)) or next(others)
        ax.plot(
            part[x], part[y], marker="o", label=None if name is None else str(name), color=color
        )
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel if xlabel is not None else x)
    ax.set_ylabel(ylabel if ylabel is not None else y)
    if group is not None:
        ax.legend()
    if title:
        ax.set_title(title)
    add_source(ax, src)
    return ax


def log_trend(
    df: pd.DataFrame,
    x: str,
    y: str,
    *,
    fit: dict | None = None,
    label: str | None = None,
    highlight: str | None = None,
    highlight_name: str = "highlighted",
    highlight_color: str = COUNTRY_COLORS["KOR"],
    annotate: Iterable[str] = (),
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    source: str | None = None,
) -> Axes:
    """Points of ``y`` against ``x`` on a log scale, with an optional fitted trend line.

    Parameters
    ----------
    fit : a dict with ``slope_log10`` and ``intercept_log10`` (for example from
        :func:`koit_lessons.compute.fit_trend`); the line drawn is
        ``10 ** (intercept_log10 + slope_log10 * x)``. If it also has
        ``annual_growth`` and ``doubling_months``, they go into the legend.
    label : the column with point names, used by ``annotate`` and ``highlight``.
    highlight : the name of a boolean column; those points are drawn larger, in
        ``highlight_color``, named in the legend as ``highlight_name`` and labelled.
    annotate : point names (values of ``label``) to write next to their points.
    """
    _check_frame(df, [x, y, label, highlight])
    src = _source_text(df, source)
    if not pd.api.types.is_numeric_dtype(df[y]) or not (df[y].dropna() > 0).all():
        raise KoitError(f"The column {y!r} must hold positive numbers for a log scale.")
    ax = _axes(ax, (9, 5.2))
    mask = df[highlight].fillna(False).astype(bool) if highlight else pd.Series(False, df.index)
    rest, special = df[~mask], df[mask]
    ax.scatter(
        rest[x],
        rest[y],
        s=28,
        color=PALETTE[1],
        edgecolor="white",
        linewidth=0.5,
        label="Notable models",
        zorder=3,
    )
    if not special.empty:
        ax.scatter(
            special[x],
            special[y],
            s=70,
            color=highlight_color,
            edgecolor="black",
            linewidth=0.6,
            marker="D",
            label=highlight_name,
            zorder=4,
        )
    if fit is not None:
        xs = pd.Series([df[x].min(), df[x].max()], dtype="float64")
        ys = 10 ** (fit["intercept_log10"] + fit["slope_log10"] * xs)
        trend = "Fitted trend"
        if "annual_growth" in fit and "doubling_months" in fit:
            trend += (
                f": ×{fit['annual_growth']:.1f} per year "
                f"(doubles every {fit['doubling_months']:.1f} months)"
            )
        ax.plot(xs, ys, color=PALETTE[2], linewidth=2, linestyle="--", label=trend, zorder=2)
    names = set(annotate)
    if label is not None:
        names |= set(special[label].astype(str)) if highlight else set()
        for _, row in df[df[label].astype(str).isin(names)].iterrows():
            ax.annotate(
                str(row[label]),
                xy=(row[x], row[y]),
                xytext=(5, -3),
                textcoords="offset points",
                fontsize=8,
                va="top",
                color=highlight_color if mask.loc[_] else "#333333",
            )
    ax.set_yscale("log")
    ax.grid(axis="y", visible=True, which="major")
    ax.set_xlabel(xlabel if xlabel is not None else x)
    ax.set_ylabel(ylabel if ylabel is not None else y)
    ax.legend(loc="upper left", fontsize=9)
    if title:
        ax.set_title(title)
    add_source(ax, src)
    return ax


__all__ += ["log_trend"]


_STAGE_COLORS = [PALETTE[1], PALETTE[2], PALETTE[0], PALETTE[3], PALETTE[4], PALETTE[5]]


def stage_bars(
    df: pd.DataFrame,
    value: str,
    label: str,
    stage: str = "stage",
    *,
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    source: str | None = None,
    fmt: str = "{:.0f}%",
) -> Axes:
    """Paired horizontal bars: one group per ``label`` (a mineral or supply chain), one
    bar per ``stage`` (e.g. mining and refining), to compare concentration by stage.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"chain": ["copper", "copper"], "stage": ["mining", "refining"],
    ...                    "top1_pct": [23.0, 44.4]})
    >>> ax = stage_bars(df, "top1_pct", "chain", source="Source: example.")
    >>> len(ax.patches)
    2
    """
    _check_frame(df, [value, label, stage])
    if not pd.api.types.is_numeric_dtype(df[value]):
        raise KoitError(f"The column {value!r} must hold numbers to draw bars.")
    src = _source_text(df, source)
    rows = df.dropna(subset=[value]).astype({label: str, stage: str})
    labels = list(dict.fromkeys(rows[label]))[::-1]
    stages = list(dict.fromkeys(rows[stage]))
    if len(stages) > len(_STAGE_COLORS):
        raise KoitError(
            f"At most {len(_STAGE_COLORS)} stages fit in one figure, not {len(stages)}."
        )
    ax = _axes(ax, (8, max(2.5, 0.5 * len(labels) * len(stages) + 1.2)))
    height = 0.8 / len(stages)
    for i, name in enumerate(stages):
        part = rows[rows[stage] == name].set_index(label)[value]
        offset = ((len(stages) - 1) / 2 - i) * height
        ys = [j + offset for j, lab in enumerate(labels) if lab in part.index]
        vals = [float(part[lab]) for lab in labels if lab in part.index]
        bars = ax.barh(ys, vals, height=height * 0.95, color=_STAGE_COLORS[i], label=name)
        ax.bar_label(bars, labels=[fmt.format(v) for v in vals], padding=3, fontsize=9)
    ax.set_yticks(range(len(labels)), labels)
    ax.margins(x=0.12)
    ax.set_xlabel(xlabel if xlabel is not None else value)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    if title:
        ax.set_title(title)
    add_source(ax, src)
    return ax


__all__ += ["stage_bars"]


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
    country is a member. Rows named in ``highlight`` get their country colour (Korea and
    Italy by default) and a bold label.

    ``matrix`` is a 0/1 table such as :func:`koit_lessons.networks.membership_matrix`;
    ``iso3`` maps row names to ISO3 codes (default: ``matrix.attrs["iso3"]``).

    >>> import pandas as pd
    >>> m = pd.DataFrame({"G7": [1, 0], "G20": [1, 1]}, index=["Italy", "Korea"])
    >>> ax = membership_grid(m, iso3={"Italy": "ITA", "Korea": "KOR"}, source="Source: example.")
    >>> len(ax.get_yticklabels())
    2
    """
    if not isinstance(matrix, pd.DataFrame):
        raise KoitError(f"Pass a table (a pandas DataFrame), not {type(matrix).__name__}.")
    if matrix.empty:
        raise KoitError("The table is empty, so there is nothing to draw. Check your filter.")
    values = matrix.to_numpy()
    if not ((values == 0) | (values == 1)).all():
        raise KoitError("The membership table must hold only 0 and 1.")
    src = _source_text(matrix, source)
    codes = iso3 if iso3 is not None else matrix.attrs.get("iso3", {})
    special = {str(h) for h in highlight}
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
    if title:
        ax.set_title(title, pad=12)
    return add_source(ax, src, offset=-10, fontsize=7)


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

    Works for the bipartite graph of :func:`koit_lessons.networks.graph` (grouping nodes
    drawn as large orange squares with their names) and for a country projection
    (:func:`koit_lessons.networks.projection`; thicker lines for more shared clubs).
    Countries in ``highlight`` are drawn in their fixed colours; countries with at least
    ``label_min_degree`` links are labelled too. ``source`` is required.
    """
    import networkx as nx

    if not isinstance(G, nx.Graph):
        raise KoitError(f"Pass a networkx Graph (e.g. networks.graph()), not {type(G).__name__}.")
    if G.number_of_nodes() == 0:
        raise KoitError("The graph has no nodes, so there is nothing to draw.")
    if not source:
        raise KoitError("Every figure needs a source line: pass source=..., e.g. networks.SOURCE.")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise KoitError(f"seed= must be a whole number, not {seed!r}.")
    ax = _axes(ax, (10, 8))
    ordered = G
    special = {str(h) for h in highlight}
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
    for n in named:
        x, y = pos[n]
        ax.annotate(
            n,
            xy=(x, y),
            xytext=(7, -14) if n in special else (4, 4),
            textcoords="offset points",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8}
            if n in special
            else None,
            fontsize=10 if n in special else 7,
            fontweight="bold" if n in special else "normal",
            color=color_for(ordered.nodes[n].get("iso3"), "#333333") if n in special else "#333333",
        )
    ax.set_axis_off()
    ax.margins(0.05)
    if title:
        ax.set_title(title)
    return add_source(ax, source, offset=-6, fontsize=7)


__all__ += ["membership_grid", "network"]


# --- lesson 07: Korea and Italy, a partnership in numbers ---------------------------------
_EVENT_COLORS = {
    "treaty": PALETTE[0],
    "diplomatic": PALETTE[1],
    "trade agreement": PALETTE[2],
    "partnership": PALETTE[3],
    # not Korea's or Italy's colours, which mean those countries in every figure
    "visit": PALETTE[4],
    "summit": "#882255",  # Tol's "wine", distinct for colour-blind readers
    "agreement signed": PALETTE[5],
    "dialogue": NEUTRAL,
}


def timeline(
    df: pd.DataFrame,
    *,
    date: str = "date",
    label: str = "short_label",
    category: str = "category",
    ax: Axes | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Axes:
    """Events top to bottom, oldest first: the date on the left, a dot coloured by
    category, the label on the right. Spacing is by order, not by time, so that
    events days apart stay readable next to events a century apart."""
    _check_frame(df, [date, label, category])
    src = _source_text(df, source)
    rows = df.sort_values(date, kind="stable").reset_index(drop=True)
    n = len(rows)
    ax = _axes(ax, (9, max(2.5, 0.38 * n + 1.2)))
    ys = list(range(n))[::-1]
    ax.plot([0, 0], [-0.5, n - 0.5], color="#BBBBBB", linewidth=1.5, zorder=1)
    seen = set()
    for y, (_, row) in zip(ys, rows.iterrows(), strict=True):
        kind = str(row[category])
        ax.scatter(
            [0], [y], s=60, zorder=2, color=_EVENT_COLORS.get(kind, PALETTE[1]),
            edgecolor="#444444", linewidth=0.5, label=kind if kind not in seen else None,
        )  # fmt: skip
        seen.add(kind)
        ax.annotate(str(row[date]), (0, y), xytext=(-12, 0), textcoords="offset points",
                    ha="right", va="center", fontsize=9, color="#444444")  # fmt: skip
        ax.annotate(str(row[label]), (0, y), xytext=(12, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=9)  # fmt: skip
    ax.set_xlim(-1, 3)
    ax.set_ylim(-0.8, n - 0.2)
    ax.set_axis_off()
    ax.legend(loc="lower right", fontsize=8, title="Kind of event", title_fontsize=8)
    if title:
        ax.set_title(title)
    ax.annotate(src, xy=(0, 0), xycoords="axes fraction", xytext=(0, -6),
                textcoords="offset points", ha="left", va="top", fontsize=8,
                color="#555555", wrap=True)  # fmt: skip
    return ax


def trade_bars(
    df: pd.DataFrame,
    *,
    year: str = "year",
    exports: str = "exports",
    imports: str = "imports",
    balance: str | None = "balance",
    side: str = "Korea",
    ax: Axes | None = None,
    title: str | None = None,
    ylabel: str | None = None,
    source: str | None = None,
) -> Axes:
    """Paired bars per year: ``side``'s exports and imports in the two countries'
    colours (goods leaving Korea in Korea's blue, goods leaving Italy in Italy's
    green), with the balance as a black diamond. Missing values stay gaps."""
    _check_frame(df, [year, exports, imports, balance])
    if side not in ("Korea", "Italy"):
        raise KoitError(f"side must be 'Korea' or 'Italy', not {side!r}.")
    src = _source_text(df, source)
    rows = df.sort_values(year).reset_index(drop=True)
    other = "Italy" if side == "Korea" else "Korea"
    out_color = COUNTRY_COLORS["KOR" if side == "Korea" else "ITA"]
    in_color = COUNTRY_COLORS["ITA" if side == "Korea" else "KOR"]
    ax = _axes(ax)
    xs = list(range(len(rows)))
    width = 0.38
    b1 = ax.bar([x - width / 2 for x in xs], rows[exports], width, color=out_color,
                label=f"{side} to {other} ({side}'s exports)")  # fmt: skip
    b2 = ax.bar([x + width / 2 for x in xs], rows[imports], width, color=in_color,
                label=f"{other} to {side} ({side}'s imports)")  # fmt: skip
    for bars in (b1, b2):
        ax.bar_label(bars, labels=["" if pd.isna(v) else f"{v:,.1f}" for v in bars.datavalues],
                     padding=2, fontsize=8)  # fmt: skip
    for offset, col in ((-width / 2, exports), (width / 2, imports)):
        for x, v in zip(xs, rows[col], strict=True):
            if pd.isna(v):
                ax.annotate(
                    "no figure", (x + offset, 0), xytext=(0, 4), textcoords="offset points",
                    ha="center", va="bottom", rotation=90, fontsize=8, color=NEUTRAL,
                )  # fmt: skip
    if balance is not None and rows[balance].notna().any():
        ax.scatter(xs, rows[balance], marker="D", color="#000000", zorder=3,
                   label=f"{side}'s balance (exports − imports)")  # fmt: skip
        for x, v in zip(xs, rows[balance], strict=True):
            if pd.notna(v):
                ax.annotate(f"{v:+,.2f}", (x, v), xytext=(8, 0), textcoords="offset points",
                            va="center", fontsize=8)  # fmt: skip
    top = max(rows[[exports, imports]].max().max(), 0)
    ax.set_ylim(top=top * 1.45 if top > 0 else None)
    ax.axhline(0, color="#444444", linewidth=0.8)
    ax.set_xticks(xs, [str(v) for v in rows[year]])
    ax.set_xlim(-0.6, len(xs) - 0.4)
    ax.set_xlabel("Data year (only the years a source published)")
    ax.set_ylabel(ylabel if ylabel is not None else "Value")
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.legend(fontsize=8, loc="upper left")
    if title:
        ax.set_title(title)
    add_source(ax, src)
    return ax


__all__ += ["timeline", "trade_bars"]
