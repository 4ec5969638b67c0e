"""The supply-shock simulator of lesson 05, built on :mod:`koit_lessons.shocks`.

The widget only reads controls and shows results: every number comes from
:func:`koit_lessons.shocks.simulate` and :func:`koit_lessons.shocks.exposure`.
"""

from __future__ import annotations

import html

import ipywidgets as w
import matplotlib.pyplot as plt
from IPython.display import display

from koit_lessons import glossary, minerals, plots, shocks
from koit_lessons.language import marked, number, tr
from koit_lessons.widgets.base import Explorer

__all__ = ["ShockSimulator", "shock_simulator"]


def _verb(mineral: str) -> str:
    """'mined' for minerals measured by mine production, 'produced' otherwise (gallium:
    primary production, a refining stage); see :func:`koit_lessons.minerals.is_mined`."""
    return "mined" if minerals.is_mined(mineral) else "produced"


#: the summary's first sentence, by the verb of :func:`_verb`
_SUMMARY = {
    "mined": marked(
        "<b>{country} cuts its {mineral} output by {cut}% ({year} data).</b> It mined "
        "{share}% of the world total, so the world loses <b>{lost}%</b> of its supply."
    ),
    "produced": marked(
        "<b>{country} cuts its {mineral} output by {cut}% ({year} data).</b> It produced "
        "{share}% of the world total, so the world loses <b>{lost}%</b> of its supply."
    ),
}


class ShockSimulator(Explorer):
    """Pick a mineral, a producing country, a cut, stockpile cover and an elasticity;
    see the share of world supply lost, the model's price response and the importers
    most exposed.

    ``elasticity`` starts at 0.5, an illustrative assumption (not a sourced value):
    change it and see how much the answer depends on it.

    Parameters
    ----------
    mineral, country, cut_pct, stockpile_months, elasticity, year
        The starting values, as for :func:`koit_lessons.shocks.simulate`.

    Examples
    --------
    >>> sim = ShockSimulator("cobalt", "Congo (Kinshasa)", cut_pct=30)
    >>> sim.cut.value = 60
    >>> round(sim.result().supply_lost_pct, 1)
    44.5
    """

    def __init__(
        self,
        mineral: str = "rare earths",
        country: str = "China",
        cut_pct: float = 50,
        stockpile_months: float = 0,
        elasticity: float = 0.5,
        year: int | None = None,
    ) -> None:
        # Validate everything first, with the model's friendly messages.
        first = shocks.simulate(
            mineral,
            country,
            cut_pct,
            elasticity=elasticity,
            stockpile_months=stockpile_months,
            year=year,
        )
        self.year = first.year
        self.mineral = w.Dropdown(
            options=[(glossary.name(m), m) for m in minerals.mineral_names()],
            value=first.mineral,
            description=tr("Mineral"),
        )
        self.country = w.Dropdown(
            options=shocks.producing_countries(first.mineral, self.year),
            value=first.country,
            description=tr("Producer"),
        )
        self.cut = w.FloatSlider(
            value=first.cut_pct, min=0, max=100, step=5, description=tr("Cut (%)")
        )
        self.stockpile = w.FloatSlider(
            value=first.stockpile_months, min=0, max=24, step=1, description=tr("Stocks (mo)")
        )
        self.elasticity = w.FloatSlider(
            value=first.elasticity, min=0.1, max=2.0, step=0.05, description=tr("Elasticity")
        )
        controls = w.VBox(
            [
                w.HBox([self.mineral, self.country]),
                w.HBox([self.cut, self.stockpile, self.elasticity]),
            ]
        )
        self.mineral.observe(self._mineral_changed, names="value")
        watch = [self.country, self.cut, self.stockpile, self.elasticity]
        self._assemble([controls], watch=watch)

    def _mineral_changed(self, change: object = None) -> None:
        countries = shocks.producing_countries(self.mineral.value, self.year)
        with self._switching():  # the country list changes: redraw once, at the end
            self.country.options = countries
            self.country.value = countries[0]

    def result(self) -> shocks.ShockResult:
        """The model's result for the current controls."""
        return shocks.simulate(
            self.mineral.value,
            self.country.value,
            self.cut.value,
            elasticity=self.elasticity.value,
            stockpile_months=self.stockpile.value,
            year=self.year,
        )

    def summary_text(self) -> str:
        """The text above the figure, for the current controls."""
        r = self.result()
        first = tr(
            _SUMMARY[_verb(r.mineral)],
            country=html.escape(r.country),
            mineral=html.escape(glossary.name(r.mineral)),
            cut=number(r.cut_pct),
            year=r.year,
            share=number(r.producer_share_pct, ",.1f"),
            lost=number(r.supply_lost_pct, ",.1f"),
        )
        rest = tr(
            "With {stocks} months of stocks, the average loss over {horizon} months is "
            "{net}%. With your elasticity of {elasticity}, the teaching model gives an "
            "average price rise over the year of <b>{rise}%</b> (a model, not a forecast).",
            stocks=number(r.stockpile_months),
            horizon=number(r.horizon_months),
            net=number(r.net_loss_pct, ",.1f"),
            elasticity=number(r.elasticity, ",.2f"),
            rise=number(r.price_change_pct),
        )
        return f"{first} {rest}"

    def exposure_table(self):
        """The exposure table for the current controls (see :func:`shocks.exposure`)."""
        return shocks.exposure(self.mineral.value, self.country.value, self.cut.value, self.year)

    def draw(self, ax: plt.Axes | None = None) -> plt.Axes | None:
        """Draw the importers' exposure for the current controls and return the Axes,
        or None when the data hold no sourced import shares for this choice."""
        table = self.exposure_table().dropna(subset=["imports_at_risk_pct"])
        if table.empty:
            return None
        title = tr(
            "Imports at risk if {country}'s exports of these materials fell by {cut}%",
            country=self.country.value,
            cut=number(self.cut.value),
        )
        if table["material"].nunique() > 1 or table["basis"].nunique() > 1:
            # the bars cannot rank the importers (lesson 05, section 6): say so on the chart
            title += "\n" + tr("(not comparable: different goods; value vs weight)")
        return plots.barh(
            table,
            "imports_at_risk_pct",
            "label",
            iso3="importer_code",
            ax=ax,
            fmt="{:.1f}%",
            title=title,
            xlabel=tr("Share of the importer's imports of the material at risk (%)"),
        )

    def no_figure_text(self) -> str:
        """What the figure area says when the data hold no sourced import shares."""
        return tr(
            "No sourced import shares from {country} for {mineral} in the data: exposure "
            "cannot be shown.",
            country=self.country.value,
            mineral=glossary.name(self.mineral.value),
        )


def shock_simulator(
    mineral: str = "rare earths",
    country: str = "China",
    cut_pct: float = 50,
    stockpile_months: float = 0,
    elasticity: float = 0.5,
    year: int | None = None,
) -> None:
    """Show the supply-shock simulator with the given starting values.

    Parameters
    ----------
    mineral, country, cut_pct, stockpile_months, elasticity, year
        The starting values, as for :class:`ShockSimulator` (``year`` None: the latest).

    Examples
    --------
    >>> shock_simulator("gallium", "China", cut_pct=80)
    >>> shock_simulator("rare earths", "China", year=2024)
    """
    display(
        ShockSimulator(mineral, country, cut_pct, stockpile_months, elasticity, year=year).widget
    )
