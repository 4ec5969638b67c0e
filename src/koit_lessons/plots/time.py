"""Figures over time: a trend on a log scale (lesson 01) and a timeline of events
(lesson 07)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import LogLocator, NullLocator

from koit_lessons import language
from koit_lessons.errors import KoitError
from koit_lessons.plots._core import (
    _PLACES,
    COUNTRY_COLORS,
    NEUTRAL,
    PALETTE,
    _axes,
    _check_frame,
    _document,
    _finish,
    _free_spot,
    _source_text,
)
from koit_lessons.plots._describe import listing, number, sentence

__all__ = ["log_trend", "timeline"]


#: where a point's name may go (offsets in units of the gap, alignment): next to the
#: point first, then farther off, where a thin line leads to the point
_LABEL_PLACES = _PLACES + [
    (ux, uy, ha, "bottom" if uy > 0 else "top")
    for uy in (-2.5, 2.5, -4.0, 4.0)
    for ux, ha in ((-1.5, "right"), (1.5, "left"), (0, "center"))
]

#: marker areas (points squared) of the trend chart's points and highlighted points
_POINT_SIZE, _HIGHLIGHT_SIZE = 28, 70
#: beyond these offsets (points across, points up) a name gets a thin line to its point
_LEADER = (10.0, 12.0)


@_document
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
    df : pandas.DataFrame
        The points, one row each.
    x, y : str
        The columns on the two axes (``y`` positive: it is drawn on a log scale).
    fit : dict, optional
        ``slope_log10`` and ``intercept_log10`` (for example from
        :func:`koit_lessons.compute.fit_trend`); the line drawn is
        ``10 ** (intercept_log10 + slope_log10 * x)``. If it also has
        ``annual_growth``, it goes into the legend. The y axis has a tick and a gridline
        at every power of ten.
    label : str, optional
        The column with point names, used by ``annotate`` and ``highlight``.
    highlight : str, optional
        The name of a boolean column; those points are drawn larger, in
        ``highlight_color``, named in the legend as ``highlight_name`` and labelled.
    highlight_name, highlight_color : str
        The legend entry and the colour of the highlighted points.
    annotate : iterable of str
        Point names (values of ``label``) to write next to their points.
    {ax}
    title, xlabel, ylabel : str, optional
        The title and the axis labels (default: the column names).
    {source}

    {returns}

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"year": [2016, 2020, 2024], "flop": [1e21, 1e23, 1e25],
    ...                    "model": ["A", "B", "C"]})
    >>> ax = log_trend(df, "year", "flop", label="model", annotate=["C"],
    ...                fit={"slope_log10": 0.5, "intercept_log10": -987.0},
    ...                source="Source: an example.")
    >>> ax.get_yscale(), [t.get_text() for t in ax.texts][:1]
    ('log', ['C'])
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
        s=_POINT_SIZE,
        color=NEUTRAL,
        edgecolor="white",
        linewidth=0.5,
        label=language.tr("Notable models"),
        zorder=3,
    )
    if not special.empty:
        ax.scatter(
            special[x],
            special[y],
            s=_HIGHLIGHT_SIZE,
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
        trend = language.tr("Fitted trend")
        if "annual_growth" in fit:
            # the growth factor only: the doubling time is lesson 01's Exercise 3
            trend = language.tr(
                "Fitted trend: ×{growth} per year",
                growth=language.number(fit["annual_growth"], ",.1f"),
            )
        ax.plot(xs, ys, color=PALETTE[2], linewidth=2, linestyle="--", label=trend, zorder=2)
    ax.set_yscale("log")
    # a tick and a gridline at every power of ten, so that one gridline step is ×10
    # (matplotlib's default skips every second decade on a range this wide)
    ax.yaxis.set_major_locator(LogLocator(base=10, numticks=100))
    ax.yaxis.set_minor_locator(NullLocator())
    if label is not None:
        # room on the right for the names of the newest points
        lo, hi = ax.get_xlim()
        ax.set_xlim(lo, hi + 0.06 * (hi - lo))
    ax.grid(axis="y", visible=True, which="major")
    ax.legend(loc="upper left", fontsize=9)
    xlabel = xlabel if xlabel is not None else x
    ylabel = ylabel if ylabel is not None else y
    points = df.dropna(subset=[x, y]).sort_values(x)
    lo, hi = points.iloc[0], points.iloc[-1]
    body = language.tr(
        "{n} points from {a} in {x} to {b} in {y}",
        n=len(points),
        a=number(lo[y]),
        x=_year(lo[x]),
        b=number(hi[y]),
        y=_year(hi[x]),
    )
    top = points.loc[points[y].idxmax()]
    name = f" ({top[label]})" if label is not None else ""
    body += "; " + language.tr(
        "the largest {v} in {year}{name}", v=number(top[y]), year=_year(top[x]), name=name
    )
    extra = []
    if fit is not None and "annual_growth" in fit:
        # as in the legend, no doubling time: it is what lesson 01's Exercise 3 asks for
        growth = language.number(fit["annual_growth"], ",.1f")
        extra.append(language.tr("A dashed trend line grows ×{growth} per year", growth=growth))
    elif fit is not None:
        extra.append(language.tr("A dashed line shows the fitted trend"))
    if not special.empty and label is not None:
        marked_ = listing(special[label].astype(str), "more")
        extra.append(language.tr("Marked as {name}: {which}", name=highlight_name, which=marked_))
    described = sentence(
        language.tr("Scatter chart on a logarithmic scale"),
        language.tr("{y} by {x}", y=ylabel, x=xlabel), title, body, ". ".join(extra),
    )  # fmt: skip
    _finish(ax, src, title=title, xlabel=xlabel, ylabel=ylabel, description=described)
    source_text = ax.texts[-1]  # written by _finish
    # the names go where they cover least, judged on the figure as it will be laid out
    ax.figure.canvas.draw()
    names = set(annotate)
    if label is not None:
        names |= set(special[label].astype(str)) if highlight else set()
        chosen = df[df[label].astype(str).isin(names)]
        others = ax.transData.transform(df[[x, y]].to_numpy(dtype=float))
        # each point's marker half-width in pixels (areas 28 and 70 points squared)
        reach = np.where(mask.to_numpy(), _HIGHLIGHT_SIZE, _POINT_SIZE) ** 0.5 / 2
        reach = reach * ax.figure.dpi / 72
        trend_px = ax.transData.transform(ax.lines[0].get_xydata()) if ax.lines else None
        rows = [(i, row, str(row[label])) for i, row in chosen.iterrows()]
        # each name's box and line, placed one by one and then placed again twice among
        # all the others (a name placed early may take the only free spot of a later one)
        placed: dict[int, tuple] = {}
        spots: dict[int, tuple[float, float, str, str]] = {}
        for _sweep in range(3):
            for k, (i, row, text) in enumerate(rows):
                taken = [box for j, (box, _) in placed.items() if j != k]
                leaders = [seg for j, (_, seg) in placed.items() if j != k and seg is not None]
                n_lines = len(leaders)
                spots[k] = _free_spot(
                    ax,
                    (float(row[x]), float(row[y])),
                    text,
                    others,
                    trend_px,
                    gap=7.0 if mask.loc[i] else 5.0,  # clear of the larger highlight marker
                    taken=taken,
                    places=_LABEL_PLACES,
                    reach=reach,
                    leader=_LEADER,
                    leaders=leaders,
                )
                placed[k] = (taken[-1], leaders[-1] if len(leaders) > n_lines else None)
        for k, (i, row, text) in enumerate(rows):
            dx, dy, ha, va = spots[k]
            color = highlight_color if mask.loc[i] else "#333333"
            ax.annotate(
                text,
                xy=(row[x], row[y]),
                xytext=(dx, dy),
                textcoords="offset points",
                fontsize=8,
                ha=ha,
                va=va,
                color=color,
                # a name set farther off gets a thin line to its point
                arrowprops={"arrowstyle": "-", "color": color, "lw": 0.6, "shrinkB": 4}
                if abs(dx) > _LEADER[0] or abs(dy) > _LEADER[1]
                else None,
            )
    source_text.remove()  # the source line goes last again, as in every other figure
    # add_artist clips an artist to the axes by default: the line below them would vanish
    source_text.set_clip_on(False)
    ax.add_artist(source_text)
    return ax


def _year(x: object) -> str:
    """A decimal year (2013.4) as its year ("2013"); other values as numbers."""
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(x)
    return str(int(v)) if 1000 <= v < 3000 else number(v)


#: a colour and a marker for each kind of event (not Korea's or Italy's colours, which
#: mean those countries in every figure); the markers tell apart what colour alone may
#: not, for readers with a colour-vision deficiency
_EVENT_STYLES = {
    "treaty": ("#332288", "s"),  # Tol's indigo
    "diplomatic": (NEUTRAL, "o"),
    "trade agreement": (PALETTE[0], "D"),
    "partnership": (PALETTE[1], "h"),
    "visit": (PALETTE[3], "^"),
    "summit": (PALETTE[2], "*"),
    "agreement signed": (PALETTE[4], "P"),
    "dialogue": ("#999933", "v"),  # Tol's olive
}
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_MONTHS_IT = "gen feb mar apr mag giu lug ago set ott nov dic".split()
#: the kinds of event as the legend shows them (marked for the catalogues)
_EVENT_KINDS = {
    "treaty": language.marked("treaty"),
    "diplomatic": language.marked("diplomatic"),
    "trade agreement": language.marked("trade agreement"),
    "partnership": language.marked("partnership"),
    "visit": language.marked("visit"),
    "summit": language.marked("summit"),
    "agreement signed": language.marked("agreement signed"),
    "dialogue": language.marked("dialogue"),
}


def _date_text(value: object) -> str:
    """A date in one format however precise it is: '26 Jun 1884', 'Nov 1956', '1884'.

    >>> _date_text("1884-06-26"), _date_text("1956-11"), _date_text("1956")
    ('26 Jun 1884', 'Nov 1956', '1956')
    """
    parts = str(value).strip().split("-")
    lang = language.current()
    try:
        month = int(parts[1]) if len(parts) >= 2 else 0
        if not 1 <= month <= 12 and len(parts) >= 2:
            raise ValueError(month)
        if lang == "ko":  # 1884년 6월 26일, 1956년 11월
            if len(parts) == 3:
                return f"{parts[0]}년 {month}월 {int(parts[2])}일"
            if len(parts) == 2:
                return f"{parts[0]}년 {month}월"
        names = _MONTHS_IT if lang == "it" else _MONTHS
        if len(parts) == 3:
            return f"{int(parts[2])} {names[month - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{names[month - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return str(value)


@_document
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
    """Events top to bottom, oldest first: the date on the left, a dot coloured (and
    shaped) by category, the label on the right; the kinds of event in a legend above.

    Spacing is by order, not by time, so that events days apart stay readable next to
    events a century apart. Dates are written in one format ('26 Jun 1884', or
    'Nov 1956' where only the month is known). The source line keeps its own line
    breaks.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per event, e.g. :func:`koit_lessons.partnership.timeline`.
    date, label, category : str
        The columns with the dates (ISO text that sorts in time order, e.g.
        ``"1956-11"``), the event names and the kinds of event (which colour the dots).
    {ax}
    title : str, optional
        The title.
    {source}

    {returns}

    Examples
    --------
    >>> import pandas as pd
    >>> events = pd.DataFrame({"date": ["2026-01-19", "1884-06-26"],
    ...                        "short_label": ["Summit", "Treaty"],
    ...                        "category": ["summit", "treaty"]})
    >>> ax = timeline(events, source="Source: an example.")
    >>> [t.get_text() for t in ax.texts][:2]  # oldest first: date, then label
    ['26 Jun 1884', 'Treaty']
    """
    _check_frame(df, [date, label, category])
    src = _source_text(df, source)
    rows = df.sort_values(date, kind="stable").reset_index(drop=True)
    n = len(rows)
    kinds = list(dict.fromkeys(rows[category].astype(str)))
    legend_rows = -(-len(kinds) // 4)
    ax = _axes(ax, (6.6, max(2.5, 0.34 * n + 0.3 * legend_rows + 1.3)))
    ys = list(range(n))[::-1]
    ax.plot([0, 0], [-0.5, n - 0.5], color="#8C8C8C", linewidth=1.5, zorder=1)
    seen = set()
    for y, (_, row) in zip(ys, rows.iterrows(), strict=True):
        kind = str(row[category])
        color, marker = _EVENT_STYLES.get(kind, (PALETTE[0], "o"))
        ax.scatter(
            [0], [y], s=130 if marker == "*" else 70, zorder=2, color=color, marker=marker,
            edgecolor="white", linewidth=0.6,
            label=language.tr(_EVENT_KINDS.get(kind, kind)) if kind not in seen else None,
        )  # fmt: skip
        seen.add(kind)
        ax.annotate(_date_text(row[date]), (0, y), xytext=(-12, 0), textcoords="offset points",
                    ha="right", va="center", fontsize=9, color="#444444")  # fmt: skip
        ax.annotate(str(row[label]), (0, y), xytext=(12, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=9)  # fmt: skip
    # the line of dots a fifth of the way in: room for the dates on its left, the
    # labels on its right
    ax.set_xlim(-0.22, 1)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_axis_off()
    ax.legend(
        loc="lower left", bbox_to_anchor=(0, 1.0), ncol=4, fontsize=8,
        title=language.tr("Kind of event"),
        title_fontsize=8, alignment="left", borderaxespad=0.2, columnspacing=1.2,
        handletextpad=0.3,
    )  # fmt: skip
    events = [
        f"{_date_text(d)} {lab}" for d, lab in zip(rows[date], rows[label].astype(str), strict=True)
    ]
    described = sentence(
        language.tr("Timeline of {n} events, oldest first", n=n),
        None,
        title,
        listing(events, "more events"),
    )
    return _finish(
        ax, src, title=title, offset=-6, width=None, title_pad=20 + 13 * legend_rows,
        description=described,
    )  # fmt: skip
