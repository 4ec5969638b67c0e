"""The trade-growth explorer of lesson 07, built on :mod:`koit_lessons.partnership`.

Pick a trade series, a flow and two years; see growth and CAGR (computed by
:mod:`koit_lessons.partnership`, which calls :mod:`koit_lessons.metrics`) above the
series' trade figure.
"""

from __future__ import annotations

import ipywidgets as w
import matplotlib.pyplot as plt
from IPython.display import display

from koit_lessons import partnership, plots
from koit_lessons.errors import KoitError, pick_name
from koit_lessons.language import marked, number, tr
from koit_lessons.widgets.base import Explorer

__all__ = ["TradeGrowthExplorer", "trade_growth_explorer"]

#: the flows and units as the explorer shows them (the data's English, marked to translate)
_SHOWN = {
    "Korea to Italy": marked("Korea to Italy"),
    "Italy to Korea": marked("Italy to Korea"),
    "EUR billion": marked("EUR billion"),
    "USD billion": marked("USD billion"),
}


def _capital(label: str) -> str:
    """An axis label starts with a capital, also where the unit does not ("miliardi")."""
    return label[:1].upper() + label[1:]


def _shown(text: str) -> str:
    """A flow or unit of the data in the edition's words ("Italia → Corea", "miliardi di
    euro"); anything else unchanged."""
    return tr(_SHOWN[text]) if text in _SHOWN else text


class TradeGrowthExplorer(Explorer):
    """Choose a series and a flow, then a start and an end year among the published ones.

    Parameters
    ----------
    series : str
        A trade series (see :func:`koit_lessons.partnership.series_names`).
    flow : str
        A direction of trade, one of :data:`koit_lessons.partnership.FLOWS`.

    Examples
    --------
    >>> ex = TradeGrowthExplorer()
    >>> ex.summary.value
    '<b>Italy to Korea</b>, EUR billion, 2008 → 2014: +61.5% in all, +8.3% a year (CAGR).'
    >>> ex.series.value = "korea_usd"  # the year menus follow the series
    >>> ex.start.options
    (2017, 2018)
    """

    def __init__(self, series: str = "eurostat_eur", flow: str = "Italy to Korea") -> None:
        years = list(partnership.flows(series, flow).index)  # validates, with a friendly message
        info = partnership.series_info(series)  # the names as the data spell them
        self.series = w.Dropdown(
            options=partnership.series_names(), value=info["series"], description=tr("Series")
        )
        flow = pick_name("trade flow", flow, partnership.FLOWS)
        self.flow = w.Dropdown(
            options=[(_shown(f), f) for f in partnership.FLOWS], value=flow, description=tr("Flow")
        )  # the value stays the data's flow ("Italy to Korea")
        self.start = w.Dropdown(options=years, value=years[0], description=tr("From"))
        self.end = w.Dropdown(options=years, value=years[-1], description=tr("To"))
        self.series.observe(self._new_years, names="value")
        self.flow.observe(self._new_years, names="value")
        rows = [w.HBox([self.series, self.flow]), w.HBox([self.start, self.end])]
        self._assemble(rows, watch=[self.start, self.end])

    def _new_years(self, change: object = None) -> None:
        years = list(partnership.flows(self.series.value, self.flow.value).index)
        with self._switching():  # one redraw, once both year menus have changed
            self.start.options, self.end.options = years, years
            self.start.value, self.end.value = years[0], years[-1]

    def summary_text(self) -> str:
        """The sentence above the figure, for the current choice."""
        series, flow = self.series.value, self.flow.value
        info = partnership.series_info(series)
        start, end = self.start.value, self.end.value
        name, unit = _shown(flow), _shown(info["unit"])
        if start is None or end is None or end <= start:
            return tr(
                "<b>{flow}</b> ({unit}): pick a start year before the end year. "
                "Years published in this series: {years}.",
                flow=name,
                unit=unit,
                years=info["years"],
            )
        try:
            growth = partnership.growth(series, flow, start, end)
            cagr = partnership.cagr(series, flow, start, end)
        except KoitError as err:  # e.g. press_usd: two publishers, statistics not named
            return f"<b>{name}</b> ({unit}), {start} → {end}: <i>{err}</i>"
        return tr(
            "<b>{flow}</b>, {unit}, {start} → {end}: {growth}% in all, {cagr}% a year (CAGR).",
            flow=name,
            unit=unit,
            start=start,
            end=end,
            growth=number(growth, "+.1f"),
            cagr=number(cagr, "+.1f"),
        )

    def draw(self, ax: plt.Axes | None = None) -> plt.Axes:
        """Draw the trade figure of the chosen series and return its Axes, from the side of
        the country whose statistics it is (Eurostat's figures are Italy's exports and
        imports, as lesson 07 section 2 teaches)."""
        reporter = partnership.series_info(self.series.value)["reporter"]
        side = "Italy" if reporter.startswith("Italy") else "Korea"
        table = partnership.trade(self.series.value, side=side)
        unit = table["unit"].iloc[0]
        return plots.trade_bars(
            table,
            side=side,
            ax=ax,
            title=tr(
                "Korea–Italy trade in goods, series {series} ({unit})",
                series=self.series.value,
                unit=_shown(unit),
            ),
            ylabel=_capital(tr("{unit} (current prices)", unit=_shown(unit))),
        )


def trade_growth_explorer(series: str = "eurostat_eur", flow: str = "Italy to Korea") -> None:
    """Show the trade-growth explorer: series and flow menus, two year menus, a live figure.

    Parameters
    ----------
    series : str
        The trade series shown first: ``"eurostat_eur"`` (Eurostat, EUR), ``"korea_usd"``
        or ``"press_usd"`` (see :func:`koit_lessons.partnership.series_names`).
    flow : str
        ``"Italy to Korea"`` or ``"Korea to Italy"``.

    Examples
    --------
    >>> trade_growth_explorer("korea_usd", "Korea to Italy")
    """
    display(TradeGrowthExplorer(series, flow).widget)
