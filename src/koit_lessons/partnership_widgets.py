"""The lesson 07 explorer: pick a trade series, a flow and two years; see growth and CAGR.

Built from :mod:`koit_lessons.partnership` (which calls :mod:`metrics`) and
:mod:`plots`. ``update()`` does the work of one control change, so it runs headless;
run non-interactively, the explorer shows its default state.
"""

from __future__ import annotations

import ipywidgets as w
import matplotlib.pyplot as plt
from IPython.display import display

from koit_lessons import partnership, plots
from koit_lessons.errors import KoitError
from koit_lessons.widgets import redraw

__all__ = ["TradeGrowthExplorer", "trade_growth_explorer"]


class TradeGrowthExplorer:
    """Choose a series and a flow, then a start and an end year among the published ones."""

    def __init__(self, series: str = "eurostat_eur", flow: str = "Italy to Korea") -> None:
        years = list(partnership.flows(series, flow).index)  # validates, with a friendly message
        self.series = w.Dropdown(
            options=partnership.series_names(), value=series, description="Series"
        )
        self.flow = w.Dropdown(options=list(partnership.FLOWS), value=flow, description="Flow")
        self.start = w.Dropdown(options=years, value=years[0], description="From")
        self.end = w.Dropdown(options=years, value=years[-1], description="To")
        self.summary = w.HTML()
        self.output = w.Output()
        self._busy = False
        self.widget = w.VBox(
            [w.HBox([self.series, self.flow]), w.HBox([self.start, self.end]), self.summary,
             self.output]
        )  # fmt: skip
        self.series.observe(self._new_years, names="value")
        self.flow.observe(self._new_years, names="value")
        self.start.observe(self.update, names="value")
        self.end.observe(self.update, names="value")
        self.update()

    def _new_years(self, change: object = None) -> None:
        years = list(partnership.flows(self.series.value, self.flow.value).index)
        self._busy = True  # no redraw while the year menus change
        try:
            self.start.options, self.end.options = years, years
            self.start.value, self.end.value = years[0], years[-1]
        finally:
            self._busy = False
        self.update()

    def summary_text(self) -> str:
        """The sentence above the figure, for the current choice."""
        series, flow = self.series.value, self.flow.value
        info = partnership.series_info(series)
        start, end = self.start.value, self.end.value
        if start is None or end is None or end <= start:
            return (
                f"<b>{flow}</b> ({info['unit']}): pick a start year before the end year. "
                f"Years published in this series: {info['years']}."
            )
        try:
            growth = partnership.growth(series, flow, start, end)
            cagr = partnership.cagr(series, flow, start, end)
        except KoitError as err:  # e.g. press_usd: two publishers, statistics not named
            return f"<b>{flow}</b> ({info['unit']}), {start} → {end}: <i>{err}</i>"
        return (
            f"<b>{flow}</b>, {info['unit']}, {start} → {end}: "
            f"{growth:+.1f}% in all, {cagr:+.1f}% a year (CAGR)."
        )

    def draw(self, ax: plt.Axes | None = None) -> plt.Axes:
        """Draw the trade figure of the chosen series and return its Axes."""
        table = partnership.trade(self.series.value)
        unit = table["unit"].iloc[0]
        return plots.trade_bars(
            table,
            ax=ax,
            title=f"Korea–Italy trade in goods, series {self.series.value} ({unit})",
            ylabel=f"{unit} (current prices)",
        )

    def update(self, change: object = None) -> None:
        """Recompute and redraw after a control changed."""
        if self._busy:
            return
        self.summary.value = self.summary_text()
        redraw(self.output, self.draw)


def trade_growth_explorer(series: str = "eurostat_eur", flow: str = "Italy to Korea") -> None:
    """Show the explorer: series and flow menus, two year menus and a live figure."""
    display(TradeGrowthExplorer(series, flow).widget)
