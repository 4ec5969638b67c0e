"""General figures, used across the lessons: bars, paired bars by stage, lines, and
concentration (HHI) bars."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MultipleLocator, StrMethodFormatter

from koit_lessons import metrics
from koit_lessons.errors import KoitError, pick_name, require_number, unknown_name
from koit_lessons.language import current as _current
from koit_lessons.language import number as _number
from koit_lessons.language import tr
from koit_lessons.plots._audit import contrast_ratio
from koit_lessons.plots._core import (
    COUNTRY_COLORS,
    NEUTRAL,
    PALETTE,
    _axes,
    _check_frame,
    _document,
    _finish,
    _source_text,
    color_for,
    shown_name,
)
from koit_lessons.plots._describe import listing, number, sentence

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
    lines: dict[float, str] | None = None,
    order: str = "value",
    xmax: float | None = None,
) -> Axes:
    """Horizontal bars, largest on top (or in the table's own order), with Korea and
    Italy in their fixed colours (their names too, as direct labels) and every other bar
    in :data:`NEUTRAL` grey.

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
    lines : dict, optional
        Reference lines to draw across the bars, each value with the words that say what
        it is, e.g. ``{65: "CRMA threshold: 65%"}``. A value label the line would cross
        moves inside its bar.
    order : str
        "value" (the default): largest on top; "given": the table's first row on top, for
        bars that stand for years or quarters, which read in time order.
    xmax : float, optional
        Where the value axis ends (it starts at 0): give charts meant to be compared the
        same ``xmax``, so that equal lengths mean equal values. By default it fits the bars.

    {returns}

    Examples
    --------
    >>> from koit_lessons import minerals
    >>> ax = barh(minerals.producers("gallium", 2024), "share_pct", "country", fmt="{:.1f}%",
    ...           lines={65: "CRMA threshold: 65%"})
    >>> ax.get_yticklabels()[-1].get_text()  # the largest on top
    'China'
    >>> "CRMA threshold: 65%" in [t.get_text() for t in ax.texts]
    True
    """
    _check_frame(df, [value, label])
    if iso3 is not None and iso3 not in df.columns:
        iso3 = None
    if not pd.api.types.is_numeric_dtype(df[value]):
        raise KoitError(f"The column {value!r} must hold numbers to draw bars.")
    src = _source_text(df, source)
    order = pick_name("bar order", order, ["value", "given"])
    rows = df.dropna(subset=[value])
    rows = rows.sort_values(value) if order == "value" else rows.iloc[::-1]
    ax = _axes(ax, (8, max(2.5, 0.35 * len(rows) + 1.2)))
    colors = [color_for(c) for c in rows[iso3]] if iso3 else [NEUTRAL] * len(rows)
    names = [shown_name(n) for n in rows[label]]  # in the edition's words
    bars = ax.barh(names, rows[value], color=colors)
    ax.margins(x=0.12)
    if xmax is not None:
        top = require_number(xmax, "xmax", finite=True)
        if top <= 0 or top < float(rows[value].max()):
            raise KoitError(
                f"xmax must be at least the longest bar ({float(rows[value].max()):,.4g}), "
                f"not {top:,.4g}."
            )
        ax.set_xlim(0, top)
    ax.grid(axis="y", visible=False)
    for tick, color in zip(ax.get_yticklabels(), colors, strict=True):
        if color != NEUTRAL:  # Korea's and Italy's names in their colours: direct labels
            tick.set_color(color)
            tick.set_fontweight("bold")
    texts = [_formatted(fmt, v) for v in rows[value]]
    _value_labels(ax, bars, rows[value].tolist(), texts, dict(lines or {}), names)
    _reference_lines(ax, dict(lines or {}))
    xlabel = xlabel if xlabel is not None else value
    shown = [f"{n} {t}" for n, t in zip(names, texts, strict=True)][::-1]
    marks = "; ".join(tr("a line marks {name}", name=name) for name in dict(lines or {}).values())
    described = sentence(tr("Horizontal bar chart"), xlabel, title, listing(shown), marks)
    return _finish(
        ax,
        src,
        title=title,
        xlabel=xlabel,
        title_pad=16 if lines else None,  # room for the names of the lines
        description=described,
    )


_LABEL_PT = 9  # the size of value labels


def _formatted(fmt: str, value: object) -> str:
    """A bar's value as ``fmt`` writes it, with the current language's separators: Italian
    writes 6,02 and 1.638,0 (second reader of lesson 03 in Italian).

    >>> _formatted("{:,.1f}", 1638.04)
    '1,638.0'
    """
    text = fmt.format(value)
    return text.translate(str.maketrans(",.", ".,")) if _current() == "it" else text


def _ink(fill: object) -> str:
    """White text on a bar of this colour where it reads at 4.5:1 or better, else black
    (white on the palette's vermillion is only 3.9:1)."""
    return "white" if contrast_ratio("white", fill) >= 4.5 else "black"


def _value_labels(ax, bars, values, texts, lines, names) -> None:
    """Write each bar's value at its end. A label that a reference line would cross
    goes inside the bar, at its end or else at its start (white or black on the bar's
    colour, whichever reads),
    or, where neither fits, just past the last line it would cross."""
    lo, hi = ax.get_xlim()
    # the data units per point, from a guess of the bars' width: the figure's, less
    # the bars' names (10 points, 0.6 em a character) and the margins; and a character
    # of a 9-point label is at most 0.62 em wide
    longest = max((len(str(n)) for n in names), default=0)
    room = ax.figure.get_figwidth() * 72 - (longest * 6 + 24) - 24
    per_pt = (hi - lo) / max(room, ax.figure.get_figwidth() * 72 * 0.3)
    outside = []
    for bar, v, text in zip(bars, values, texts, strict=True):
        width = (0.62 * _LABEL_PT * len(text) + 2) * per_pt
        pad = 4 * per_pt

        def clear(a: float, b: float) -> bool:
            return not any(a - 2 * per_pt <= x <= b + 2 * per_pt for x in lines)

        y = bar.get_y() + bar.get_height() / 2
        if clear(v + 3 * per_pt, v + 3 * per_pt + width):
            outside.append(text)
            continue
        outside.append("")
        style = {"va": "center", "fontsize": _LABEL_PT, "textcoords": "offset points"}
        ink = _ink(bar.get_facecolor())
        if width + 2 * pad < v and clear(v - pad - width, v):
            ax.annotate(text, (v, y), xytext=(-4, 0), ha="right", color=ink,
                        fontweight="bold", **style)  # fmt: skip
        elif width + 2 * pad < v and clear(0, pad + width):
            ax.annotate(text, (0, y), xytext=(4, 0), ha="left", color=ink,
                        fontweight="bold", **style)  # fmt: skip
        else:
            last = max(x for x in lines if x >= v - 2 * per_pt)
            ax.annotate(text, (last, y), xytext=(4, 0), ha="left", **style)
    ax.bar_label(bars, labels=outside, padding=3, fontsize=_LABEL_PT)


def _reference_lines(ax, lines: dict[float, str], *, above: bool = True) -> None:
    """Dashed vertical lines, each named just above the Axes: left of the line when the
    line stands right of the middle, else right of it."""
    lo, hi = ax.get_xlim()
    for x, name in sorted(lines.items()):
        ax.axvline(x, color="#333333", linestyle="--", linewidth=1)
        right_side = (x - lo) / (hi - lo) > 0.6
        ax.annotate(
            name, xy=(x, 1), xycoords=("data", "axes fraction"),
            xytext=(-3 if right_side else 3, 3), textcoords="offset points",
            ha="right" if right_side else "left", va="bottom", fontsize=8, color="#333333",
        )  # fmt: skip


@_document
def hhi_bars(
    df: pd.DataFrame,
    hhi: str = "hhi",
    label: str = "mineral",
    *,
    ax: Axes | None = None,
    title: str | None = "How concentrated is supply?",
    source: str | None = None,
    projected: tuple[str, ...] | list[str] = (),
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
    projected : list of str, optional
        Names (values of ``label``) of bars that are projections: drawn hatched with a
        dashed edge, as in :func:`stage_bars`, so that a forecast never looks measured.

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
    colors = [_BAND_COLORS[metrics.hhi_band(v)] for v in rows[hhi]]
    ax = _axes(ax, (8, max(3.4, 0.4 * len(rows) + 2.4)))
    names = [shown_name(n) for n in rows[label]]  # in the edition's words
    bars = ax.barh(names, rows[hhi], color=colors)
    projected = [str(p) for p in projected]
    unknown = [p for p in projected if p not in set(rows[label].astype(str))]
    if unknown:
        raise unknown_name("projected bar", unknown[0], rows[label].astype(str).tolist())
    for bar, name, color in zip(bars, rows[label].astype(str), colors, strict=True):
        if name in projected:  # a projection must not look like a measurement
            bar.set(facecolor="none", edgecolor=color, hatch="///", linestyle="--", linewidth=1.2)
    ax.set_xlim(0, 10_000)
    # numbers as the edition writes them (Italian: 9.789, where 9,789 would read 9.8)
    texts = [_number(v) for v in rows[hhi]]
    _value_labels(ax, bars, rows[hhi].tolist(), texts, {1000: "", 1800: ""}, names)
    marks = ((1000, _number(1000), "right"), (1800, tr("1,800: highly concentrated"), "left"))
    for x, name, side in marks:
        ax.axvline(x, color="#333333", linestyle="--", linewidth=1)
        ax.annotate(
            name, xy=(x, 1), xycoords=("data", "axes fraction"),
            xytext=(-3 if side == "right" else 3, 3), textcoords="offset points",
            ha=side, va="bottom", fontsize=8, color="#333333",
        )  # fmt: skip
    ax.xaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))  # as the bar labels
    ax.grid(axis="y", visible=False)
    handles = [
        Patch(color=color, label=f"{band_name(band)}\n({rule})")
        for (band, color), rule in zip(
            _BAND_COLORS.items(),
            (tr("above 1,800"), tr("1,000 to 1,800"), tr("below 1,000")),
            strict=True,
        )
    ]
    # the bands' legend in one row above the names of the lines, under the title (from
    # the right: where the Axes are narrow, it may reach over the bars' names)
    ax.legend(
        handles=handles, loc="lower right", bbox_to_anchor=(1, 1), ncol=3, fontsize=8,
        borderaxespad=1.7, borderpad=0, handlelength=1.2, columnspacing=1.5,
    )  # fmt: skip
    xlabel = tr("Herfindahl–Hirschman index (0 = dispersed, 10,000 = one supplier)")
    shown = [
        f"{n} {t} ({band_name(metrics.hhi_band(v))})"
        for n, t, v in zip(names, texts, rows[hhi], strict=True)
    ][::-1]
    described = sentence(
        tr("Horizontal bar chart"),
        xlabel,
        title,
        listing(shown),
        tr("Dashed lines mark 1,000 and 1,800 (highly concentrated above 1,800)")
        + (
            "; "
            + tr(
                "hatched bars with a dashed edge are projections ({which})",
                which=", ".join(shown_name(p) for p in projected),
            )
            if projected
            else ""
        ),
    )
    return _finish(ax, src, title=title, xlabel=xlabel, title_pad=46, description=described)


#: the colours of the concentration bands: darker for more concentrated
def band_name(band: str) -> str:
    """A concentration band's name (as :func:`koit_lessons.metrics.hhi_band` gives it) in
    the lesson's language.

    Parameters
    ----------
    band : str
        "highly concentrated", "moderately concentrated" or "unconcentrated".

    Returns
    -------
    str

    Examples
    --------
    >>> band_name("unconcentrated")
    'unconcentrated'
    """
    names = {
        "highly concentrated": tr("highly concentrated"),
        "moderately concentrated": tr("moderately concentrated"),
        "unconcentrated": tr("unconcentrated"),
    }
    return names[band]


_BAND_COLORS = {
    "highly concentrated": PALETTE[2],
    "moderately concentrated": PALETTE[0],
    "unconcentrated": NEUTRAL,
}


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
    period: str | None = None,
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
    period : {{"year", "quarter"}}, optional
        ``x`` is time in years (a quarter as a quarter year: 2025Q2 is 2025.25, as in
        :func:`koit_lessons.memory.dram_history`). The axis is then marked in whole
        years (quarters as small ticks) and a line breaks where periods are missing
        instead of bridging them.
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
    >>> q = pd.DataFrame({"time": [2021.75, 2023.5, 2023.75], "v": [1, 2, 3]})
    >>> ax = line(q, "time", "v", period="quarter", source="Source: an example.")
    >>> all(t.get_text().isdigit() for t in ax.get_xticklabels())  # whole years
    True
    >>> int(ax.lines[0].get_xdata().size)  # a break (NaN) where 2022Q1-2023Q1 are missing
    4
    """
    _check_frame(df, [x, y, group, iso3])
    steps = {None: None, "year": 1.0, "quarter": 0.25}
    if period not in steps:
        raise KoitError(f"period must be 'year', 'quarter' or None, not {period!r}.")
    src = _source_text(df, source)
    ax = _axes(ax)
    groups = [(None, df)] if group is None else list(df.groupby(group, sort=True))
    others = iter(PALETTE * 3)
    markers = iter(_MARKERS * 4)
    for name, part in groups:
        part = part.sort_values(x)
        code = part[iso3].iloc[0] if iso3 else None
        color = COUNTRY_COLORS.get(str(code)) or next(others)
        xs, ys = _with_breaks(part[x], part[y], steps[period])
        ax.plot(
            xs, ys, marker=next(markers), label=None if name is None else str(name), color=color
        )
    if period is not None:
        ax.xaxis.set_major_locator(MultipleLocator(1))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.0f}"))
        if period == "quarter":
            ax.xaxis.set_minor_locator(MultipleLocator(0.25))
    if logy:
        ax.set_yscale("log")
    if group is not None:
        ax.legend()
    xlabel = xlabel if xlabel is not None else x
    ylabel = ylabel if ylabel is not None else y
    spans = []
    for name, part in groups:
        part = part.dropna(subset=[y]).sort_values(x)
        if part.empty:
            continue
        first, last = part.iloc[0], part.iloc[-1]
        who = "" if name is None else f"{name} "
        ends = {"who": who, "a": number(first[y]), "x": _when(first[x])}
        ends.update(b=number(last[y]), y=_when(last[x]))
        if period:
            spans.append(tr("{who}from {a} in {x} to {b} in {y}", **ends))
        else:
            spans.append(tr("{who}from {a} at {x} to {b} at {y}", **ends))
    kind = tr("Line chart (logarithmic scale)") if logy else tr("Line chart")
    measure = tr("{y} by {x}", y=ylabel, x=xlabel)
    described = sentence(kind, measure, title, listing(spans, "more lines"))
    return _finish(ax, src, title=title, xlabel=xlabel, ylabel=ylabel, description=described)


_MARKERS = ["o", "s", "D", "^", "v"]


def _when(x: object) -> str:
    """An x value in words: a year as a year, a quarter's decimal year (2024.25) as
    its quarter ("2024Q2")."""
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(x)
    if v.is_integer():
        return str(int(v))
    quarter = round((v - int(v)) * 4)
    return f"{int(v)}Q{quarter + 1}" if abs((v - int(v)) * 4 - quarter) < 1e-6 else number(v)


def _with_breaks(xs: pd.Series, ys: pd.Series, step: float | None) -> tuple[list, list]:
    """The points, with a gap (NaN) wherever the next x is more than one ``step`` on."""
    if step is None:
        return xs.tolist(), ys.tolist()
    out_x, out_y = [], []
    for i, (a, b) in enumerate(zip(xs, ys, strict=True)):
        if i and a - xs.iloc[i - 1] > step * 1.01:
            out_x.append(float("nan"))
            out_y.append(float("nan"))
        out_x.append(a)
        out_y.append(b)
    return out_x, out_y


_STAGE_COLORS = [PALETTE[0], PALETTE[2], PALETTE[1], PALETTE[3], PALETTE[4], NEUTRAL]


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
    projected: tuple[str, ...] | list[str] = (),
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
    projected : list of str, optional
        Stages that are projections, not measurements (e.g. "2032 (projection)"): drawn
        as outlined, hatched bars with a dashed edge, and named so in the description.

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
    projected = [str(p) for p in projected]
    unknown = [p for p in projected if p not in stages]
    if unknown:
        raise unknown_name("projected stage", unknown[0], stages)
    ax = _axes(ax, (8, max(2.5, 0.5 * len(labels) * len(stages) + 1.2)))
    height = 0.8 / len(stages)
    for i, name in enumerate(stages):
        part = rows[rows[stage] == name].set_index(label)[value]
        offset = ((len(stages) - 1) / 2 - i) * height
        ys = [j + offset for j, lab in enumerate(labels) if lab in part.index]
        vals = [float(part[lab]) for lab in labels if lab in part.index]
        look = {"color": _STAGE_COLORS[i]}
        if name in projected:  # a projection must not look like a measurement
            look = {
                "facecolor": "none",
                "edgecolor": _STAGE_COLORS[i],
                "hatch": "///",
                "linestyle": "--",
                "linewidth": 1.2,
            }
        bars = ax.barh(ys, vals, height=height * 0.95, label=shown_name(name), **look)
        ax.bar_label(bars, labels=[_formatted(fmt, v) for v in vals], padding=3, fontsize=9)
    ax.set_yticks(range(len(labels)), [shown_name(lab) for lab in labels])
    ax.margins(x=0.12)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    xlabel = xlabel if xlabel is not None else value
    groups = []
    for lab in labels[::-1]:
        part = rows[rows[label] == lab]
        values = ", ".join(
            f"{shown_name(st)} {_formatted(fmt, v)}"
            for st, v in zip(part[stage], part[value], strict=True)
        )
        groups.append(f"{shown_name(lab)}: {values}")
    marks = (
        tr(
            "hatched bars with a dashed edge are projections ({which})",
            which=", ".join(shown_name(p) for p in projected),
        )
        if projected
        else ""
    )
    more = "; " + tr("and {n} more", n=len(groups) - 8) if len(groups) > 8 else ""
    described = sentence(
        tr(
            "Grouped horizontal bar chart ({stages})",
            stages=", ".join(shown_name(st) for st in stages),
        ),
        xlabel,
        title,
        "; ".join(groups[:8]) + more,
        marks,
    )
    return _finish(ax, src, title=title, xlabel=xlabel, description=described)
