"""General figures, used across the lessons: bars, paired bars by stage, lines, and
concentration (HHI) bars."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from koit_lessons import metrics
from koit_lessons.errors import KoitError
from koit_lessons.plots._core import (
    COUNTRY_COLORS,
    PALETTE,
    _axes,
    _check_frame,
    _document,
    _finish,
    _source_text,
    color_for,
)

__all__ = ["barh", "hhi_bars", "line", "stage_bars"]


@_document
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
    df : pandas.DataFrame
        One row per bar.
    value, label : str
        The column with the bar lengths and the one with the bar names.
    iso3 : str or None
        The column of ISO alpha-3 codes used for country colours (None for none).
    {ax}
    title, xlabel : str, optional
        The title, and the label under the bars (default: ``value``).
    {source}
    fmt : str
        How to print the value at the end of each bar.

    {returns}

    Examples
    --------
    >>> from koit_lessons import minerals
    >>> ax = barh(minerals.producers("gallium", 2024), "share_pct", "country", fmt="{:.1f}%")
    >>> ax.get_yticklabels()[-1].get_text()  # the largest on top
    'China'
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
    ax.grid(axis="y", visible=False)
    return _finish(ax, src, title=title, xlabel=xlabel if xlabel is not None else value)


@_document
def hhi_bars(
    df: pd.DataFrame,
    hhi: str = "hhi",
    label: str = "mineral",
    *,
    ax: Axes | None = None,
    title: str | None = "How concentrated is supply?",
    source: str | None = None,
) -> Axes:
    """Bars of Herfindahl–Hirschman indices, coloured by concentration band.

    The 1,800 line of the 2023 U.S. Merger Guidelines ('highly concentrated') and the
    1,000 line of the 1992 Horizontal Merger Guidelines are marked.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per bar, e.g. :func:`koit_lessons.minerals.concentration_table`.
    hhi, label : str
        The column of indices (0 to 10,000) and the one with the bar names.
    {ax}
    title : str, optional
        The title.
    {source}

    {returns}

    Examples
    --------
    >>> from koit_lessons import minerals
    >>> ax = hhi_bars(minerals.concentration_table(2024))
    >>> ax.get_xlim() == (0, 10_000)
    True
    """
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
    ax.grid(axis="y", visible=False)
    xlabel = "Herfindahl–Hirschman index (0 = dispersed, 10,000 = one supplier)"
    return _finish(ax, src, title=title, xlabel=xlabel)


@_document
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
    """Lines of ``y`` against ``x``, one per ``group``, with markers.

    Parameters
    ----------
    df : pandas.DataFrame
        The points, one row each.
    x, y : str
        The columns on the two axes.
    group : str, optional
        The column whose values get one line (and a legend entry) each.
    iso3 : str, optional
        A column of country codes: Korea's and Italy's lines get their fixed colours.
    {ax}
    title, xlabel, ylabel : str, optional
        The title and the axis labels (default: the column names).
    logy : bool
        A log scale for ``y``.
    {source}

    {returns}

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"year": [2023, 2024, 2023, 2024], "t": [1, 2, 2, 3],
    ...                    "country": ["Korea", "Korea", "Italy", "Italy"]})
    >>> ax = line(df, "year", "t", "country", source="Source: an example.")
    >>> [ln.get_label() for ln in ax.lines]
    ['Italy', 'Korea']
    """
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
    if group is not None:
        ax.legend()
    return _finish(
        ax,
        src,
        title=title,
        xlabel=xlabel if xlabel is not None else x,
        ylabel=ylabel if ylabel is not None else y,
    )


_STAGE_COLORS = [PALETTE[1], PALETTE[2], PALETTE[0], PALETTE[3], PALETTE[4], PALETTE[5]]


@_document
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

    Parameters
    ----------
    df : pandas.DataFrame
        One row per bar.
    value, label, stage : str
        The columns with the bar lengths, the group names and the stage names.
    {ax}
    title, xlabel : str, optional
        The title, and the label under the bars (default: ``value``).
    {source}
    fmt : str
        How to print the value at the end of each bar.

    {returns}

    Examples
    --------
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
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _finish(ax, src, title=title, xlabel=xlabel if xlabel is not None else value)
