"""What every figure shares: colours, the opt-in style, the checks of a figure's
input, and its finishing step (labels, title, source line).
"""

from __future__ import annotations

import logging
import re
import sys
import textwrap
import unicodedata
import weakref
from collections.abc import Iterable

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties

from koit_lessons import language as _language
from koit_lessons.errors import KoitError
from koit_lessons.language import current, marked
from koit_lessons.plots._describe import mimebundle, remember, show_pending

# Colours for categories other than Korea and Italy, each with a contrast of at least
# 3:1 against white (WCAG 2.1, 1.4.11; checked by plots._audit): Okabe & Ito's (2008)
# vermillion and reddish purple, Tol's wine, a dark brown, and black. Each pair of them,
# and each with Korea's and Italy's colours, stays apart (CAM02-UCS distance of 10 or
# more) for normal vision and with full protan, deutan and tritan colour-vision
# deficiency as colorspacious simulates them (tests/test_palette.py). The brown replaced
# Okabe & Ito's orange darkened (#B26B00), which protan readers could not tell from the
# vermillion (a distance of 0.3).
PALETTE = ["#D55E00", "#CC79A7", "#882255", "#6B4E00", "#000000"]
COUNTRY_COLORS = {"KOR": "#0072B2", "ITA": "#007A5A"}
#: "everything else": bars of other countries, dialogue events (4.95:1 on white)
NEUTRAL = "#707070"
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

    Nothing changes Matplotlib's global settings until you call it. In a notebook (the
    inline backend) it also switches off a drawing nobody sees: after every cell pyplot
    redraws each open figure on its hidden canvas, and then the inline backend draws
    the figure again to show it as an image. Without the hidden redraw a figure costs a
    third less time (bench/); what the student sees is the same, because the inline
    backend always draws the figure afresh to show it.

    Examples
    --------
    >>> import matplotlib
    >>> with matplotlib.rc_context():
    ...     use_style()
    ...     matplotlib.rcParams["axes.spines.top"]
    False
    """
    mpl.rcParams.update(_STYLE)
    _skip_hidden_redraw()
    _describe_outputs()


def _describe_outputs() -> None:
    """In IPython, a described figure's output carries its description (text/plain, and
    the PNG's alt metadata), and the cell's outputs end with the descriptions as a
    "details" element: see :mod:`._describe`."""
    shell = _ipython()
    if shell is not None:
        shell.display_formatter.mimebundle_formatter.for_type(mpl.figure.Figure, mimebundle)
        # once per session, however often use_style is called
        if show_pending not in shell.events.callbacks["post_run_cell"]:
            shell.events.register("post_run_cell", show_pending)


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
    """The fixed colour of a country, or ``default`` for a country without one.

    Parameters
    ----------
    iso3 : str
        An ISO 3166 alpha-3 code, e.g. ``"KOR"``.
    default : str
        The colour for every other country.

    Returns
    -------
    str
        A colour as hex text (Korea and Italy: :data:`COUNTRY_COLORS`).

    Examples
    --------
    >>> color_for("ITA"), color_for("FRA")
    ('#007A5A', '#707070')
    """
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


def add_source(
    ax: Axes,
    text: str,
    *,
    offset: float = -6,
    fontsize: float = 8,
    width: int | None = SOURCE_WIDTH,
) -> Axes:
    """Write ``text`` as a small grey source line under the Axes.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The Axes of the figure.
    text : str
        The source note, e.g. from :func:`koit_lessons.data.source_line`.
    offset : float
        How many points below the x-axis label the line starts (negative: below), or
        below the Axes' lower edge where the Axes show no x-axis label.
    fontsize : float
        The size of the text, in points.
    width : int or None
        Wrap the text at this many characters (by default about the width of a standard
        figure, so that a long citation cannot stretch it); None keeps the text's own
        line breaks.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, with the source line.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> add_source(ax, "Source: an example.").texts[0].get_text()
    'Source: an example.'
    """
    text = localised_source(text)
    korean_font(text)  # a Korean publisher's name draws in any edition
    below = ax.xaxis.label if ax.axison and ax.xaxis.label.get_text() else ax
    own = ax.figure in _OWN_FIGURES
    if width and own:  # no wider than the figure: SOURCE_WIDTH fits 8 inches
        width = min(width, int(SOURCE_WIDTH * ax.figure.get_figwidth() / 8))
    if width and current() != "en":  # an edition's Hangul is about twice a Latin letter wide
        wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
        width = max(20, width * len(text) // (len(text) + wide)) if wide else width
    ax.annotate(
        ("\n".join(textwrap.wrap(text, width)) if width else "") or text,
        xy=(0, 0),
        # under the x-axis label however many lines it has; in a figure function's own
        # figure from the figure's left edge (the Axes may start far right, after long
        # names), else from the Axes' left edge
        xycoords=("figure fraction" if own else "axes fraction", below),
        xytext=(4 if own else 0, offset),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=fontsize,
        color="#555555",
        wrap=True,  # and at the figure's right edge, should it still reach that far
    )
    return ax


# the source line in the lesson's language lives with the source line itself (data.py);
# figures use the same function
from koit_lessons.data import localised_source  # noqa: E402


def shown_name(name: object) -> str:
    """A bar's or group's name as a figure shows it: in the lesson's language where the
    glossary names the mineral ("copper" -> "rame") or the catalogue holds the data's name
    (the names marked in :data:`koit_lessons.chips.FIGURE_NAMES`, the stages of
    :data:`koit_lessons.minerals.DATASETS`), else as the data write it. Only the figure
    changes: the tables keep the data's English, which the exercises compare against.

    >>> shown_name("Mainland China")
    'Mainland China'
    """
    text = str(name)
    if current() == "en":
        return text
    shown = _shown_part(text)
    if shown != text:
        return shown
    # a label a lesson joined from parts ("gallium — China", "rare earths, refining (2023)",
    # "lithium hydroxide, 2022"): each part the glossary or the catalogue names is shown in
    # the lesson's language, the separators and the rest as they are
    parts = _LABEL_PARTS.split(text)
    return "".join(part if i % 2 else _shown_part(part) for i, part in enumerate(parts))


#: the separators of a joined label: a spaced dash, a comma, brackets
_LABEL_PARTS = re.compile(r"( [—–] |, | \(|\))")


def _shown_part(text: str) -> str:
    """One name in the lesson's language: a glossary mineral or a catalogue entry."""
    from koit_lessons import glossary

    mineral = glossary.identify(text, "mineral")
    return glossary.name(mineral) if mineral is not None else _language.tr(text)


#: the figures a figure function made itself (not an ``ax=`` of the caller's): their
#: height may grow to make room for the source line
_OWN_FIGURES: weakref.WeakSet = weakref.WeakSet()


def _layout_once(fig) -> None:
    """Lay ``fig`` out at its first drawing only: a notebook draws a figure twice to
    show it (once to find its bounding box), and the layout costs about as much as a
    drawing; nothing changes the figure between the two."""

    def freeze(_event) -> None:
        fig.canvas.mpl_disconnect(connection)
        fig.set_layout_engine("none")

    connection = fig.canvas.mpl_connect("draw_event", freeze)


#: the font for Hangul: Noto Sans KR (SIL Open Font License 1.1), shipped on PyPI by
#: pylopdf-fonts-ko, a dependency; registered only when a Korean figure is drawn
KOREAN_FONT = "Noto Sans KR"


#: a Hangul syllable or letter (jamo, compatibility jamo)
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def korean_font(text: str = "") -> bool:
    """In a Korean edition (see :mod:`koit_lessons.language`), or for a ``text`` that
    holds Hangul in any edition (a Korean publisher's name in a source line), make
    Hangul drawable.

    The first Korean figure registers Noto Sans KR with Matplotlib and adds it after the
    font families in use, as the fallback for characters they lack: Latin letters and
    digits keep their font, and Hangul draws with no missing-glyph warning. In English
    and Italian nothing changes and nothing is loaded.

    Returns
    -------
    bool
        Whether the Korean font is in use.

    Examples
    --------
    >>> from koit_lessons import language
    >>> korean_font()  # in English
    False
    """
    from koit_lessons import language

    if language.current() != "ko" and not _HANGUL.search(text):
        return False
    families = list(mpl.rcParams["font.family"])
    if KOREAN_FONT not in families:
        names = {f.name for f in mpl.font_manager.fontManager.ttflist}
        if KOREAN_FONT not in names:
            import pylopdf_fonts_ko

            mpl.font_manager.fontManager.addfont(str(pylopdf_fonts_ko.sans_path()))
            # the package ships the Regular weight only: Hangul in a bold title is drawn
            # in Regular, which Matplotlib would report on every bold Korean text
            logging.getLogger("matplotlib.font_manager").addFilter(_regular_only)
        mpl.rcParams["font.family"] = [*families, KOREAN_FONT]
    return True


def _regular_only(record: logging.LogRecord) -> bool:
    """Drop Matplotlib's "Failed to find font weight bold for Noto Sans KR" report."""
    return not (KOREAN_FONT in record.getMessage() and "font weight" in record.getMessage())


def _axes(ax: Axes | None, figsize: tuple[float, float] | None = None) -> Axes:
    korean_font()
    if ax is None:
        # constrained layout keeps every label, the title and the source line inside
        # the figure, in a saved file as much as in a notebook
        fig, ax = plt.subplots(figsize=figsize, layout="constrained")
        _OWN_FIGURES.add(fig)
        _layout_once(fig)
    elif not isinstance(ax, Axes):
        raise KoitError(f"ax= must be a matplotlib Axes, not {type(ax).__name__}.")
    return ax


def _fit(text: str, inches: float, size_key: str) -> str:
    """``text`` wrapped into lines that fit half of ``inches`` (room for long bar names)
    at the font size of ``size_key`` (an average character taken as 0.62 em); lines it
    already breaks are kept."""
    size = mpl.font_manager.FontProperties(size=mpl.rcParams[size_key]).get_size_in_points()
    width = max(20, int(inches * 72 * 0.5 / (0.62 * size)))
    return "\n".join(
        "\n".join(textwrap.wrap(line, width)) or line for line in str(text).split("\n")
    )


def _finish(
    ax: Axes,
    source: str,
    *,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    title_pad: float | None = None,
    description: str = "",
    **source_style: object,
) -> Axes:
    """The last step of every figure: the axis labels and the title where given, then
    the source line (``source_style`` as for :func:`add_source`), and the figure's
    description kept with it (see :mod:`._describe`). Returns the Axes."""
    fig = ax.figure
    if description:
        remember(ax, description)
    if xlabel is not None:
        ax.set_xlabel(_fit(xlabel, fig.get_figwidth(), "axes.labelsize"), wrap=True)
    if ylabel is not None:
        ax.set_ylabel(_fit(ylabel, fig.get_figheight(), "axes.labelsize"), wrap=True)
    if title:
        # wrapped to the figure's width here (Matplotlib 3.7's wrap=True does not wrap a
        # title in a constrained layout), and at its right edge by Matplotlib if it still
        # reaches that far
        ax.set_title(_fit(title, fig.get_figwidth(), "axes.titlesize"), pad=title_pad, wrap=True)
    add_source(ax, source, **source_style)
    if fig in _OWN_FIGURES:
        # room for the source line, its wrapped lines at 8 points (x 1.2), and for a
        # title that wraps, so that the plot keeps its height
        lines = ax.texts[-1].get_text().count("\n") + 1
        title_lines = -(-len(title or "") * 13 * 0.62 // (fig.get_figwidth() * 72 * 0.8))
        fig.set_figheight(
            fig.get_figheight() + (lines * 9.6 + max(title_lines - 1, 0) * 16 + 6) / 72
        )
    return ax


#: What every figure function documents alike. A figure's docstring names these parts
#: as {ax}, {source} and {returns}; :func:`_document` writes them in.
_DOCS = {
    "ax": """ax : matplotlib.axes.Axes, optional
    Draw into this Axes instead of a new figure.""",
    "source": """source : str, optional
    The source line (default: the table's ``attrs["source"]``, which every table of
    the package carries).""",
    "returns": """Returns
-------
matplotlib.axes.Axes
    The Axes drawn into, with the source line under it.""",
}


def _document(func):
    """Write the shared parts (:data:`_DOCS`) into a figure function's docstring."""
    doc = func.__doc__
    for name, text in _DOCS.items():
        doc = doc.replace("{" + name + "}", text.replace("\n", "\n    "))
    func.__doc__ = doc
    return func


#: where a point's name may go: the direction from the point (times ``gap`` points) and
#: the name's alignment; the first that covers nothing wins
_PLACES = [
    (1, -0.6, "left", "top"),
    (-1, 0.6, "right", "bottom"),
    (1, 0.6, "left", "bottom"),
    (-1, -0.6, "right", "top"),
    (0, 1.4, "center", "bottom"),
    (0, -1.4, "center", "top"),
]


def _crosses(segment, rect) -> bool:
    """Whether the straight segment ((x0, y0), (x1, y1)) passes through the rectangle
    (left, bottom, right, top); all in pixels (Liang–Barsky clipping)."""
    (x0, y0), (x1, y1) = segment
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - rect[0]), (dx, rect[2] - x0), (-dy, y0 - rect[1]), (dy, rect[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _text_width(ax: Axes, text: str, fontsize: float) -> float:
    """The width in pixels of ``text`` at ``fontsize`` as ``ax``'s figure will draw it.

    Measured with the canvas's renderer (capitals such as "K-EXAONE" are much wider than
    an average character, and glyph widths differ between Matplotlib versions); a canvas
    without a renderer gets an estimate of 0.7 em per character.
    """
    px = ax.figure.dpi / 72
    get_renderer = getattr(ax.figure.canvas, "get_renderer", None)
    if get_renderer is None:
        return fontsize * 0.7 * len(text) * px
    props = FontProperties(size=fontsize)
    width, _, _ = get_renderer().get_text_width_height_descent(text, props, ismath=False)
    return float(width)


def _free_spot(
    ax: Axes,
    xy: tuple[float, float],
    text: str,
    others,
    trend_px=None,
    *,
    fontsize: float = 8.0,
    gap: float = 5.0,
    taken: list[tuple[float, float, float, float]] | None = None,
    places: list[tuple[float, float, str, str]] | None = None,
    reach=None,
    leader: tuple[float, float] | None = None,
    leaders: list | None = None,
) -> tuple[float, float, str, str]:
    """Where to write the name of the point ``xy`` (data coordinates) so that it covers
    the fewest of the ``others`` (points, in pixels) and the least of the straight line
    ``trend_px`` (its two ends, in pixels) and stays inside the Axes, judged on the
    Axes as they stand (the name as wide as the renderer measures it).

    ``taken``, if given, holds the boxes (left, bottom, right, top, in pixels) of names
    already written: a place that overlaps one costs more, and the chosen box is added.
    ``places`` replaces the candidate places (offsets in units of ``gap``, and the
    alignment); the first of equal cost wins. ``reach``, if given, holds each of the
    ``others``' marker half-width in pixels: a name keeps clear of more than half of it
    (the figure audit's rule); by default a point needs 3 pixels. ``leader`` is the
    offset (points across, points up) beyond which the caller draws a line from the
    name to its point: such a line must not cross a name already written, nor a new
    name one of the ``leaders`` (the lines already drawn, in pixels; the chosen one is
    added).

    Returns ``(dx, dy, ha, va)``: the offset in points and the alignment, for
    ``ax.annotate(..., xytext=(dx, dy), textcoords="offset points", ha=ha, va=va)``.
    """
    px = ax.figure.dpi / 72
    x0, y0 = ax.transData.transform(xy)
    w, h = _text_width(ax, text, fontsize), fontsize * 1.25 * px
    box = ax.get_window_extent()
    margin = 3.0 if reach is None else np.maximum(np.asarray(reach, dtype=float) / 2 + 1, 3.0)
    line = []
    if trend_px is not None:
        (ax0, ay0), (bx, by) = trend_px
        line = [(ax0 + t / 50 * (bx - ax0), ay0 + t / 50 * (by - ay0)) for t in range(51)]
    best, best_cost = None, None
    for ux, uy, ha, va in places or _PLACES:
        dx, dy = ux * gap, uy * gap
        left = x0 + dx * px - {"left": 0, "right": w, "center": w / 2}[ha]
        bottom = y0 + dy * px - (0 if va == "bottom" else h)
        right, top = left + w, bottom + h
        inside = (others[:, 0] > left - margin) & (others[:, 0] < right + margin)
        inside &= (others[:, 1] > bottom - margin) & (others[:, 1] < top + margin)
        inside &= (abs(others[:, 0] - x0) > 0.5) | (abs(others[:, 1] - y0) > 0.5)
        cost = int(inside.sum())
        cost += sum(left < lx < left + w and bottom < ly < bottom + h for lx, ly in line)
        if trend_px is not None and _crosses(
            trend_px, (left - 2, bottom - 2, left + w + 2, bottom + h + 2)
        ):
            cost += 50
        if left < box.x0 or left + w > box.x1 or bottom < box.y0 or bottom + h > box.y1:
            cost += 100
        for tl, tb, tr, tt in taken or ():
            if left < tr and tl < right and bottom < tt and tb < top:
                cost += 50
        segment = None
        if leader is not None and (abs(dx) > leader[0] or abs(dy) > leader[1]):
            segment = ((x0, y0), ((left + right) / 2, (bottom + top) / 2))
            cost += 50 * sum(_crosses(segment, t) for t in taken or ())
        rect = (left, bottom, right, top)
        cost += 50 * sum(_crosses(seg, rect) for seg in leaders or ())
        if best_cost is None or cost < best_cost:
            best, best_cost = (dx, dy, ha, va), cost
            best_box, best_segment = rect, segment
    if taken is not None:
        taken.append(best_box)
    if leaders is not None and best_segment is not None:
        leaders.append(best_segment)
    return best
