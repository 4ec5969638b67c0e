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
}


def use_style() -> None:
    """Switch on the koit-lessons figure style for this session (opt-in)."""
    mpl.rcParams.update(_STYLE)


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


def add_source(ax: Axes, text: str) -> Axes:
    """Write ``text`` as a small grey source line under the Axes."""
    ax.annotate(
        text,
        xy=(0, 0),
        xycoords="axes fraction",
        xytext=(0, -36),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=8,
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
