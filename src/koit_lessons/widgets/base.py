"""What every explorer shares: the summary and figure areas, the update cycle, redraw.

An explorer is a small class whose ``.widget`` is shown in the notebook. Its
``update()`` does the work of one control change, so it can be tested and timed
without a browser. Run non-interactively, an explorer shows its default state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import ipywidgets as w
import matplotlib.pyplot as plt
from IPython.display import display

__all__ = ["Explorer", "redraw"]


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
    with output:
        output.clear_output(wait=True)
        ax = draw()
        if ax is not None:
            display(ax.figure)
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
                with self.output:
                    print(message)
