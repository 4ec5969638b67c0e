"""An automatic look at a finished figure: the rough edges a reader would see.

:func:`audit` draws a Matplotlib figure and returns its problems as plain sentences
(an empty list when it finds none). The rules, and their thresholds:

1. **Text on text.** No two pieces of text (titles, axis and tick labels, value labels,
   annotations, legend entries, the source line) overlap by more than
   :data:`OVERLAP_PX` pixels in both directions, no line from an annotation to its
   point runs through another text, and no legend covers a text that is not its own.
   An annotation's box is its letters' box (Matplotlib's extent adds its line).
2. **Lines and points through text.** No line drawn in an Axes (a data line or a
   reference line) passes through a piece of text in that Axes, and no scatter point's
   centre lies in one (the text's box shrunk by :data:`OVERLAP_PX`).
3. **Text inside the figure.** Every piece of text lies within the figure's edges (up
   to :data:`OVERLAP_PX`), so it shows whole in a saved file, not only in a notebook
   (which crops to what is drawn).
4. **Colour that means something is explained.** When the marks of an Axes (bars,
   scatter points, squares, data lines) come in two or more colours, every colour but
   one has a legend entry of that colour or a text drawn in that colour (a direct
   label, such as a country's name in its country colour). The one left may be the
   plain colour of "everything else".
5. **Time axes count whole periods.** On an axis whose label speaks of a year, a date,
   a quarter or time, every tick label is a whole year (``2024``), a quarter
   (``2024 Q1``, ``2024Q1``) or a date (``2024-01``); never ``2022.5``.
6. **Marks stand out.** Every mark colour (bars, points, squares, lines) has a contrast
   ratio of at least :data:`MIN_MARK_CONTRAST` (WCAG 2.1, 1.4.11: non-text contrast)
   against the Axes' background, and every text colour at least
   :data:`MIN_TEXT_CONTRAST` against the figure's (WCAG 1.4.3, for all text: the labels
   are smaller than WCAG's large text; Italy's green was darkened to 5.3:1 for this).
   Shading drawn with an alpha below 0.5 counts as background, not as a mark.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> _ = ax.bar(["a", "b"], [1, 2], color=["#0072B2", "#D55E00"])
>>> print(*audit(fig))  # doctest: +NORMALIZE_WHITESPACE
Axes 1: its marks come in 2 colours (#0072b2, #d55e00) but the legend or direct labels
explain only 0; add a legend or labels in those colours.
>>> _ = ax.legend(ax.patches, ["a", "b"])
>>> audit(fig)
[]
"""

from __future__ import annotations

import re

import numpy as np
from matplotlib import colors as mcolors
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox

__all__ = ["audit", "contrast_ratio", "MIN_MARK_CONTRAST", "MIN_TEXT_CONTRAST", "OVERLAP_PX"]

#: WCAG 2.1 success criterion 1.4.11 (graphical objects)
MIN_MARK_CONTRAST = 3.0
#: WCAG 2.1 success criterion 1.4.3 (normal text)
MIN_TEXT_CONTRAST = 4.5
#: how far (pixels at the figure's dpi) two boxes may touch before they overlap
OVERLAP_PX = 1.0

#: an axis label that starts with a time word, or has one second ("Data year ...")
_TIME_WORDS = re.compile(r"^\s*(\w+\s+)?(year|years|date|quarter|quarters|time)\b", re.IGNORECASE)
_WHOLE_PERIOD = re.compile(
    r"^\s*(\d{4}(\s?Q[1-4])?|\d{4}-\d{2}(-\d{2})?|Q[1-4](\s\d{4})?|[A-Z][a-z]{2} \d{4})\s*$"
)


def contrast_ratio(color1: object, color2: object) -> float:
    """The WCAG 2.1 contrast ratio of two colours, from 1 (the same) to 21.

    Examples
    --------
    >>> round(contrast_ratio("black", "white"), 1)
    21.0
    >>> round(contrast_ratio("#0072B2", "white"), 1)  # Korea's blue
    5.2
    """

    def luminance(color: object) -> float:
        rgb = np.array(mcolors.to_rgb(color))
        lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
        return float(lin @ [0.2126, 0.7152, 0.0722])

    a, b = sorted((luminance(color1), luminance(color2)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _hex(color: object) -> str:
    return mcolors.to_hex(color, keep_alpha=False)


def _alpha(color: object, artist_alpha: float | None) -> float:
    return mcolors.to_rgba(color)[3] * (1.0 if artist_alpha is None else artist_alpha)


def _texts(fig: Figure) -> list[Text]:
    """Every piece of text the figure draws: visible, not empty, not a tick label of a
    tick outside the view, not an axis label of an Axes drawn without axes."""
    ticks = {  # every tick an axis holds, also those left from an earlier drawing
        id(label)
        for ax in fig.axes
        for axis in (ax.xaxis, ax.yaxis)
        for tick in [*axis.majorTicks, *axis.minorTicks]
        for label in (tick.label1, tick.label2)
    }
    drawn_ticks = {id(t) for ax in fig.axes for t in _tick_labels(ax)}
    hidden = {id(t) for ax in fig.axes if not ax.axison for t in _axis_texts(ax)}
    found = []
    for t in fig.findobj(Text):
        if not t.get_visible() or not t.get_text().strip() or id(t) in hidden:
            continue
        if id(t) in ticks and id(t) not in drawn_ticks:
            continue
        if t.axes is not None and not t.axes.get_visible():
            continue
        found.append(t)
    return found


def _axis_texts(ax: Axes) -> list[Text]:
    return [ax.xaxis.label, ax.yaxis.label, ax.xaxis.offsetText, ax.yaxis.offsetText]


def _tick_labels(ax: Axes) -> list[Text]:
    """The tick labels Matplotlib draws: those of ticks inside the view limits."""
    if not ax.axison:
        return []
    out = []
    for axis in (ax.xaxis, ax.yaxis):
        if not axis.get_visible():
            continue
        # compared on the axis' scale (a log axis: in powers of ten)
        scale = axis.get_transform()
        lo, hi = sorted(scale.transform(np.asarray(axis.get_view_interval(), float)))
        slack = 1e-9 * abs(hi - lo)
        locs = scale.transform(np.asarray(axis.get_majorticklocs(), float))
        for tick, loc in zip(axis.get_major_ticks(), locs, strict=False):
            if not tick.get_visible() or not lo - slack <= loc <= hi + slack:
                continue
            for label in (tick.label1, tick.label2):
                if label.get_visible() and label.get_text().strip():
                    out.append(label)
    return out


def _box(artist, renderer) -> Bbox:
    """The box of a text's own letters: for an annotation, without its line to the point
    (Matplotlib's extent of an annotation includes the line; the line is checked on its
    own, see :func:`_leader`)."""
    if isinstance(artist, Annotation):
        artist.update_positions(renderer)
        return Text.get_window_extent(artist, renderer)
    return artist.get_window_extent(renderer)


def _sizes(coll) -> np.ndarray:
    """The marker areas (points squared) of a scatter, one per point or one for all."""
    sizes = np.asarray(coll.get_sizes(), dtype=float)
    return sizes if len(sizes) else np.array([36.0])  # Matplotlib's default, 6 pt


def _leader(artist) -> np.ndarray | None:
    """The two ends (pixels) of an annotation's straight line to its point, or None."""
    patch = getattr(artist, "arrow_patch", None)
    if patch is None or not patch.get_visible():
        return None
    pts = patch.get_path().transformed(patch.get_transform()).vertices
    pts = pts[np.isfinite(pts).all(axis=1)]
    return pts[[0, -1]] if len(pts) >= 2 else None


def _describe(text: Text) -> str:
    words = " ".join(text.get_text().split())
    return repr(words if len(words) <= 40 else words[:37] + "...")


def _overlap(a: Bbox, b: Bbox, slack: float = OVERLAP_PX) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > slack and min(a.y1, b.y1) - max(a.y0, b.y0) > slack


def _segment_hits_box(p: np.ndarray, q: np.ndarray, box: Bbox) -> bool:
    """Whether the segment p-q passes through the box (Liang-Barsky clipping)."""
    t0, t1 = 0.0, 1.0
    d = q - p
    for pi, di, lo, hi in ((p[0], d[0], box.x0, box.x1), (p[1], d[1], box.y0, box.y1)):
        if abs(di) < 1e-12:
            if pi < lo or pi > hi:
                return False
            continue
        a, b = (lo - pi) / di, (hi - pi) / di
        a, b = min(a, b), max(a, b)
        t0, t1 = max(t0, a), min(t1, b)
        if t0 > t1:
            return False
    return True


def _line_points(line: Line2D) -> np.ndarray:
    path = line.get_transform().transform_path(line.get_path())
    return path.vertices


def _is_reference(line: Line2D) -> bool:
    """A straight two-point line without a legend label: a reference line or a rule."""
    return len(line.get_xydata()) == 2 and line.get_label().startswith("_")


def _marks(ax: Axes) -> list[tuple[str, str, float | None]]:
    """The data marks of an Axes: (kind, colour, alpha) for each."""
    marks = []
    for patch in ax.patches:
        if isinstance(patch, Rectangle) and patch.get_visible() and patch.get_width() != 0:
            face = patch.get_facecolor()
            if patch.get_fill() and _alpha(face, None) >= 0.5:
                marks.append(("bar", _hex(face), None))
    for line in ax.lines:
        no_line = line.get_linestyle() in ("None", " ", "")
        if not line.get_visible() or (no_line and line.get_marker() in (None, "None", " ", "")):
            continue
        kind = "reference line" if _is_reference(line) else "line"
        marks.append((kind, _hex(line.get_color()), line.get_alpha()))
    for coll in ax.collections:
        if not coll.get_visible() or not isinstance(coll, PathCollection | PatchCollection):
            continue
        kind = "point" if isinstance(coll, PathCollection) else "square"
        for face in coll.get_facecolors():
            if _alpha(face, coll.get_alpha()) >= 0.5:
                marks.append((kind, _hex(face), None))
    return marks


def _legend_colours(fig: Figure, ax: Axes) -> set[str]:
    legends = [lg for lg in [ax.get_legend(), *fig.legends] if lg is not None]
    found = set()
    for legend in legends:
        # legendHandles before Matplotlib 3.7
        handles = getattr(legend, "legend_handles", None) or legend.legendHandles
        for handle in handles:
            for getter in ("get_facecolor", "get_color", "get_markerfacecolor"):
                if hasattr(handle, getter):
                    value = getattr(handle, getter)()
                    values = np.atleast_2d(mcolors.to_rgba_array(value))
                    found |= {_hex(v) for v in values if v[3] > 0}
    return found


def _anchor(text: Text) -> np.ndarray:
    """Where a text is anchored, in pixels: the point an annotation names, else the
    text's own position."""
    if isinstance(text, Annotation) and text.xycoords == "data":
        return text.axes.transData.transform(text.xy)
    return text.get_transform().transform(text.get_position())


def _background_of(text: Text, box: Bbox, fig: Figure) -> object:
    """The colour behind a text: its own box, a bar it sits in, else the figure's."""
    own = text.get_bbox_patch()
    if own is not None:
        return own.get_facecolor()
    x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    for ax in fig.axes:
        for patch in ax.patches:
            if (
                isinstance(patch, Rectangle)
                and patch.get_visible()
                and patch.get_fill()
                and _alpha(patch.get_facecolor(), None) >= 0.5
                and patch.contains_point((x, y))
            ):
                return patch.get_facecolor()
    return fig.get_facecolor()


def audit(fig: Figure) -> list[str]:
    """The problems a reader would see in ``fig``, as sentences (none: an empty list).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A finished figure; it is drawn once to measure its text.

    Returns
    -------
    list of str
        One sentence per problem, naming the Axes (counted from 1) and the text or
        colour at fault. The rules are in this module's docstring.
    """
    if not hasattr(fig.canvas, "get_renderer"):  # a closed pyplot figure
        FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    problems: list[str] = []
    texts = _texts(fig)
    boxes = {id(t): _box(t, renderer) for t in texts}
    number = {id(ax): i + 1 for i, ax in enumerate(fig.axes)}

    owner = {
        id(t): ax
        for ax in fig.axes
        for t in [*_axis_texts(ax), *ax.get_xticklabels(), *ax.get_yticklabels()]
    }

    def where(artist) -> str:
        ax = artist.axes or owner.get(id(artist))
        return f"Axes {number[id(ax)]}" if ax is not None and id(ax) in number else "The figure"

    # 1. text on text
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            if _overlap(boxes[id(a)], boxes[id(b)]):
                problems.append(
                    f"{where(a)}: the text {_describe(a)} overlaps the text {_describe(b)}."
                )
    # 1a. a name's line to its point through another text
    for a in texts:
        ends = _leader(a)
        if ends is None:
            continue
        for b in texts:
            if b is not a and _segment_hits_box(ends[0], ends[1], boxes[id(b)].padded(-OVERLAP_PX)):
                problems.append(
                    f"{where(a)}: the line from the text {_describe(a)} runs through the text "
                    f"{_describe(b)}."
                )
    # 1b. text under a legend (its frame, handles and entries)
    for legend in [lg for ax in fig.axes for lg in [ax.get_legend()] if lg is not None] + list(
        fig.legends
    ):
        if not legend.get_visible():
            continue
        frame = legend.get_window_extent(renderer)
        inside = {id(t) for t in legend.get_texts()} | {id(legend.get_title())}
        for t in texts:
            if id(t) not in inside and _overlap(boxes[id(t)], frame):
                problems.append(f"{where(t)}: the legend covers the text {_describe(t)}.")
    # 2. lines through text
    for ax in fig.axes:
        own = [t for t in texts if t.axes is ax and t not in _axis_texts(ax)]
        own = [t for t in own if t not in _tick_labels(ax)]
        for line in ax.lines:
            if not line.get_visible() or line.get_linestyle() in ("None", " ", ""):
                continue
            pts = _line_points(line)
            # the segments drawn: a NaN point is a break in the line, not a segment
            ok = np.isfinite(pts).all(axis=1)
            segments = [k for k in range(len(pts) - 1) if ok[k] and ok[k + 1]]
            for t in own:
                shrunk = boxes[id(t)].padded(-OVERLAP_PX)
                if any(_segment_hits_box(pts[k], pts[k + 1], shrunk) for k in segments):
                    kind = "reference line" if _is_reference(line) else "line"
                    problems.append(f"{where(t)}: a {kind} runs through the text {_describe(t)}.")
    # 2b. text over points (of a scatter)
    for ax in fig.axes:
        own = [t for t in texts if t.axes is ax and t not in _axis_texts(ax)]
        colls = [
            coll
            for coll in ax.collections
            if isinstance(coll, PathCollection) and coll.get_visible() and len(coll.get_offsets())
        ]
        if not colls:
            continue
        xy = np.vstack([c.get_offset_transform().transform(c.get_offsets()) for c in colls])
        # a marker's half-width in pixels: its area s is in points squared
        px = fig.dpi / 72
        reach = np.concatenate(
            [np.resize(np.sqrt(_sizes(c)) / 2 * px, len(c.get_offsets())) for c in colls]
        )
        for t in own:
            b = boxes[id(t)]
            # half the marker may peek under the letters' edge, not more
            near = reach / 2 - OVERLAP_PX
            hit = (xy[:, 0] > b.x0 - near) & (xy[:, 0] < b.x1 + near)
            hit &= (xy[:, 1] > b.y0 - near) & (xy[:, 1] < b.y1 + near)
            hit &= np.hypot(*(xy - _anchor(t)).T) > OVERLAP_PX  # not the point it names
            if hit.any():
                problems.append(f"{where(t)}: the text {_describe(t)} covers a data point.")
    # 3. text inside the figure
    edge = fig.bbox
    for t in texts:
        b = boxes[id(t)]
        if (
            b.x0 < edge.x0 - OVERLAP_PX
            or b.y0 < edge.y0 - OVERLAP_PX
            or b.x1 > edge.x1 + OVERLAP_PX
            or b.y1 > edge.y1 + OVERLAP_PX
        ):
            problems.append(f"{where(t)}: the text {_describe(t)} runs past the figure's edge.")
    # 4. colour that means something is explained
    text_colours = {_hex(t.get_color()) for t in texts}
    for ax in fig.axes:
        colours = sorted({c for kind, c, _ in _marks(ax) if kind != "reference line"})
        if len(colours) < 2:
            continue
        explained = (_legend_colours(fig, ax) | text_colours) & set(colours)
        if len(colours) - len(explained) > 1:
            problems.append(
                f"Axes {number[id(ax)]}: its marks come in {len(colours)} colours "
                f"({', '.join(colours)}) but the legend or direct labels explain only "
                f"{len(explained)}; add a legend or labels in those colours."
            )
    # 5. time axes count whole periods
    for ax in fig.axes:
        if not ax.axison:
            continue
        for axis, name in ((ax.xaxis, "x"), (ax.yaxis, "y")):
            if not _TIME_WORDS.search(axis.label.get_text()):
                continue
            bad = [
                t.get_text()
                for t in _tick_labels(ax)
                if t in axis.get_ticklabels()
                and not _WHOLE_PERIOD.match(t.get_text().replace("\N{MINUS SIGN}", "-"))
            ]
            if bad:
                problems.append(
                    f"Axes {number[id(ax)]}: the {name} axis is time, but its ticks "
                    f"{', '.join(repr(b) for b in bad[:4])} are not whole years or quarters."
                )
    # 6. contrast
    for ax in fig.axes:
        background = ax.get_facecolor() if ax.patch.get_visible() else fig.get_facecolor()
        seen = set()
        for kind, colour, _ in _marks(ax):
            if (kind, colour) in seen:
                continue
            seen.add((kind, colour))
            ratio = contrast_ratio(colour, background)
            if ratio < MIN_MARK_CONTRAST:
                problems.append(
                    f"Axes {number[id(ax)]}: a {kind} in {colour} has a contrast of "
                    f"{ratio:.1f}:1 against the background (at least {MIN_MARK_CONTRAST:.0f}:1)."
                )
    seen_text = set()
    for t in texts:
        colour = _hex(t.get_color())
        background = _background_of(t, boxes[id(t)], fig)
        key = (colour, _hex(background), t.get_fontweight())
        if key in seen_text:
            continue
        seen_text.add(key)
        ratio = contrast_ratio(colour, background)
        least = MIN_TEXT_CONTRAST  # WCAG 1.4.3 for all text: the labels are not large text
        if ratio < least:
            problems.append(
                f"{where(t)}: the text {_describe(t)} in {colour} has a contrast of "
                f"{ratio:.1f}:1 (at least {least:g}:1)."
            )
    return problems
