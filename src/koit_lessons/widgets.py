"""Interactive explorers for the lessons, built from :mod:`metrics` and :mod:`plots`.

Each explorer is a small class whose ``.widget`` is shown in the notebook. Its
``update()`` method does the work of one control change, so it can be tested and
timed without a browser. Run non-interactively, an explorer shows its default state.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w
import matplotlib.pyplot as plt
from IPython.display import display

from koit_lessons import metrics, minerals, plots

__all__ = ["MineralExplorer", "mineral_explorer", "redraw"]


def redraw(output: w.Output, draw: Callable[[], plt.Axes | None]) -> plt.Axes | None:
    """Replace what ``output`` shows with the figure ``draw()`` makes, and close that
    figure (the notebook would otherwise show it a second time). Shared by the explorers.
    If ``draw()`` returns None the output is left empty, and None is returned."""
    with output:
        output.clear_output(wait=True)
        ax = draw()
        if ax is not None:
            display(ax.figure)
            plt.close(ax.figure)
    return ax


class MineralExplorer:
    """Pick a mineral and a year; see who mines it and how concentrated that is."""

    def __init__(self, mineral: str = "lithium", year: int | None = None) -> None:
        minerals.producers(mineral, year)  # validates both, with a friendly message
        self.mineral = w.Dropdown(
            options=minerals.mineral_names(), value=mineral.strip().lower(), description="Mineral"
        )
        self.year = w.ToggleButtons(
            options=minerals.years(),
            value=year if year is not None else max(minerals.years()),
            description="Year",
        )
        self.summary = w.HTML()
        self.output = w.Output()
        self.widget = w.VBox([w.HBox([self.mineral, self.year]), self.summary, self.output])
        self.mineral.observe(self.update, names="value")
        self.year.observe(self.update, names="value")
        self.update()

    def summary_text(self) -> str:
        """The sentence above the figure, for the current choice."""
        c = minerals.concentration(self.mineral.value, self.year.value)
        return (
            f"<b>{c['mineral'].capitalize()}, {self.year.value}:</b> "
            f"{c['top_country']} mined {c['top1_pct']:.0f}% of the world total; "
            f"the top three {c['top3_pct']:.0f}%. HHI = {c['hhi']:,.0f} "
            f"({metrics.hhi_band(c['hhi'])})."
        )

    def draw(self, ax: plt.Axes | None = None) -> plt.Axes:
        """Draw the bar chart for the current choice and return its Axes."""
        table = minerals.producers(self.mineral.value, self.year.value)
        unit = table["unit"].iloc[0]
        return plots.barh(
            table,
            "share_pct",
            "country",
            ax=ax,
            fmt="{:.1f}%",
            title=f"Who mines {self.mineral.value}? ({self.year.value})",
            xlabel=f"Share of world mine production, % (measured in {unit})",
        )

    def update(self, change: object = None) -> None:
        """Recompute and redraw after a control changed."""
        self.summary.value = self.summary_text()
        redraw(self.output, self.draw)


def mineral_explorer(mineral: str = "lithium", year: int | None = None) -> None:
    """Show the mineral explorer: a mineral menu, a year switch and a live bar chart."""
    display(MineralExplorer(mineral, year).widget)
