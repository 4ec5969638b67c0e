"""What every figure shares: colours, the opt-in style, the checks of a figure's
input, and its finishing step (labels, title, source line).
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterable

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from koit_lessons.errors import KoitError

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
    ('#009E73', '#9E9E9E')
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
    offset: float = -36,
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
        How many points below the Axes' lower edge the line starts (negative: below).
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
    ax.annotate(
        ("\n".join(textwrap.wrap(text, width)) if width else "") or text,
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


def _finish(
    ax: Axes,
    source: str,
    *,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    title_pad: float | None = None,
    **source_style: object,
) -> Axes:
    """The last step of every figure: the axis labels and the title where given, then
    the source line (``source_style`` as for :func:`add_source`). Returns the Axes."""
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, pad=title_pad)
    return add_source(ax, source, **source_style)


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
