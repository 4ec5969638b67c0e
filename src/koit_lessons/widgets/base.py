"""What every explorer shares: the summary and figure areas, the update cycle, redraw.

An explorer is a small class whose ``.widget`` is shown in the notebook. Its
``update()`` does the work of one control change, so it can be tested and timed
without a browser. Run non-interactively, an explorer shows its default state.

The figure area is an ``ipywidgets.Output`` whose ``outputs`` the kernel sets itself
(:func:`redraw`, :func:`show_text`), not one that captures with ``with output:``. A
capturing Output asks the front end to record the figure and send it back: nbclient,
which runs notebooks for nbconvert, papermill and nbgrader, then sends a ``comm_msg`` on
its shell socket while it waits on that socket for the cell's ``execute_reply``, and
with pyzmq's asyncio sockets that wait can miss the reply's wake-up and sit idle for the
whole cell timeout (docs/research/runner-stall.md).
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import ipywidgets as w
import matplotlib.pyplot as plt

__all__ = ["Explorer", "redraw", "show_text"]


def _figure_output(figure: plt.Figure) -> dict[str, Any]:
    """The display_data output of ``figure``, as the notebook would show it.

    In IPython, the shell's display formatter makes it (the inline backend's format and
    resolution apply, and the figure's description, as :func:`koit_lessons.plots.use_style`
    set up); elsewhere (tests, scripts) a PNG is drawn directly, with the description.
    """
    from IPython import get_ipython

    from koit_lessons.plots._describe import describe, mimebundle, take_pending

    shell = get_ipython()
    if shell is not None:
        data, metadata = shell.display_formatter.format(figure)
        take_pending(describe(figure))  # shown with the figure here, not after the cell
    else:
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", bbox_inches="tight")
        data = {
            "image/png": base64.b64encode(buffer.getvalue()).decode("ascii"),
            "text/plain": repr(figure),
        }
        metadata = {}
        described = mimebundle(figure)
        if described is not None:
            data.update(described[0])
            metadata.update(described[1])
    return {"output_type": "display_data", "data": data, "metadata": metadata}


def _figure_outputs(figure: plt.Figure) -> tuple[dict[str, Any], ...]:
    """The figure's output and, for a described figure, its description in words as a
    closed "details" element under it (see :func:`koit_lessons.plots._describe.details_output`)."""
    from koit_lessons.plots._describe import describe, details_output

    text = describe(figure)
    figure_output = _figure_output(figure)
    return (figure_output, details_output([text])) if text else (figure_output,)


def show_text(output: w.Output, text: str) -> None:
    """Show ``text`` in ``output`` (as printed text), in place of what was there.

    Examples
    --------
    >>> import ipywidgets as w
    >>> out = w.Output()
    >>> show_text(out, "Tick at least one club.")
    >>> out.outputs[0]["text"]
    'Tick at least one club.\\n'
    """
    output.outputs = ({"output_type": "stream", "name": "stdout", "text": text + "\n"},)


def redraw(output: w.Output, draw: Callable[[], plt.Axes | None]) -> plt.Axes | None:
    """Show the figure ``draw()`` makes in ``output``, in place of what was there.

    The figure is closed once shown (the notebook would otherwise show it a second
    time).

    Parameters
    ----------
    output : ipywidgets.Output
        The output area to fill.
    draw : callable
        Called with no arguments; returns the Axes of a new figure, or None for no figure.

    Returns
    -------
    matplotlib.axes.Axes or None
        What ``draw()`` returned. If it is None the output is left empty.

    Examples
    --------
    >>> import ipywidgets as w
    >>> redraw(w.Output(), lambda: None) is None
    True
    """
    ax = draw()
    # one assignment, so the area never shows empty between two figures
    output.outputs = () if ax is None else _figure_outputs(ax.figure)
    if ax is not None:
        plt.close(ax.figure)
    return ax


class Explorer:
    """The base of the lesson explorers: controls in, a summary and a figure out.

    A subclass makes its controls, then calls :meth:`_assemble` with the rows to show
    above the summary and the controls that redraw when they change. It writes
    :meth:`summary_text` and, for a figure, :meth:`draw`; :meth:`update` puts both on
    the page.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What the notebook shows: the controls, the summary and the figure.
    summary : ipywidgets.HTML
        The text above the figure.
    output : ipywidgets.Output or None
        The figure area (None for an explorer without a figure).

    Examples
    --------
    >>> import ipywidgets as w
    >>> class Echo(Explorer):
    ...     def __init__(self):
    ...         self.word = w.Text("hello")
    ...         self._assemble([self.word], watch=[self.word], figure=False)
    ...     def summary_text(self):
    ...         return self.word.value.upper()
    >>> echo = Echo()
    >>> echo.word.value = "chips"
    >>> echo.summary.value
    'CHIPS'
    """

    summary: w.HTML
    output: w.Output | None
    widget: w.VBox
    _busy: bool = False

    def _assemble(
        self, rows: Iterable[w.Widget], watch: Iterable[w.ValueWidget], *, figure: bool = True
    ) -> None:
        """Lay out ``rows`` above the summary (and the figure area), redraw when a
        control in ``watch`` changes, and show the first state."""
        self.summary = w.HTML()
        self.output = w.Output() if figure else None
        self.widget = w.VBox([*rows, self.summary, *([self.output] if figure else [])])
        for control in watch:
            control.observe(self.update, names="value")
        self.update()

    @contextmanager
    def _switching(self) -> Iterator[None]:
        """Change several controls at once (e.g. a menu's options and its value) with
        one update at the end instead of one per change."""
        self._busy = True
        try:
            yield
        finally:
            self._busy = False
        self.update()

    def summary_text(self) -> str:
        """The text above the figure, for the current controls (HTML)."""
        raise NotImplementedError

    def draw(self, ax: plt.Axes | None = None) -> plt.Axes | None:
        """Draw the figure for the current controls and return its Axes (None: no figure)."""
        return None

    def no_figure_text(self) -> str:
        """What to print in the figure area when :meth:`draw` has nothing to draw."""
        return ""

    def update(self, change: object = None) -> None:
        """Recompute and redraw after a control changed."""
        if self._busy:
            return
        self.summary.value = self.summary_text()
        if self.output is not None and redraw(self.output, self.draw) is None:
            message = self.no_figure_text()
            if message:
                show_text(self.output, message)
