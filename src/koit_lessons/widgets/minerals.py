"""The mineral explorer of lessons 00 and 04, built on :mod:`koit_lessons.minerals`.

Pick a mineral and a year; see who mines it and how concentrated that is.
"""

from __future__ import annotations

import ipywidgets as w
import matplotlib.pyplot as plt
from IPython.display import display

from koit_lessons import glossary, metrics, minerals, plots
from koit_lessons.errors import require_year
from koit_lessons.language import marked, number, tr
from koit_lessons.plots.basic import band_name
from koit_lessons.widgets.base import Explorer

__all__ = ["MineralExplorer", "mineral_explorer"]

#: The units of ``mineral_production``, which the explorer's axis label names: marked so
#: that a Korean or Italian label names them in its language too.
UNITS = (
    marked("t lithium content"),
    marked("t cobalt content"),
    marked("t nickel content"),
    marked("thousand t copper content"),
    marked("t natural graphite"),
    marked("t rare-earth-oxide equivalent"),
    marked("thousand dry t bauxite"),
    marked("kg gallium content (primary low-purity gallium)"),
)


class MineralExplorer(Explorer):
    """Pick a mineral and a year; see who mines it and how concentrated that is.

    Parameters
    ----------
    mineral : str
        The mineral to start with (see :func:`koit_lessons.minerals.mineral_names`).
    year : int, optional
        The year to start with (default: the latest in the data).

    Examples
    --------
    >>> ex = MineralExplorer("cobalt")
    >>> ex.mineral.value = "gallium"
    >>> ex.summary.value.startswith("<b>Gallium")
    True
    """

    def __init__(self, mineral: str = "lithium", year: int | None = None) -> None:
        first = minerals.concentration(mineral, year)  # validates both, with a friendly message
        self.mineral = w.Dropdown(
            options=[(glossary.name(m), m) for m in minerals.mineral_names()],
            value=first["mineral"],
            description=tr("Mineral"),
        )
        known = minerals.years()
        self.year = w.ToggleButtons(
            options=known,
            value=max(known) if year is None else require_year(year, known, ""),  # an int
            description=tr("Year"),
        )
        self._assemble([w.HBox([self.mineral, self.year])], watch=[self.mineral, self.year])

    def summary_text(self) -> str:
        """The sentence above the figure, for the current choice."""
        c = minerals.concentration(self.mineral.value, self.year.value)
        sentence = (
            marked(
                "<b>{mineral}, {year}:</b> {top} mined {top1}% of the world total; "
                "the top three {top3}%. HHI = {hhi} ({band})."
            )
            if minerals.is_mined(self.mineral.value)
            else marked(
                "<b>{mineral}, {year}:</b> {top} produced {top1}% of the world total; "
                "the top three {top3}%. HHI = {hhi} ({band})."
            )
        )
        return tr(
            sentence,
            mineral=glossary.name(c["mineral"]).capitalize(),
            year=self.year.value,
            top=c["top_country"],
            top1=number(c["top1_pct"]),
            top3=number(c["top3_pct"]),
            hhi=number(c["hhi"]),
            band=band_name(metrics.hhi_band(c["hhi"])),
        )

    def draw(self, ax: plt.Axes | None = None) -> plt.Axes:
        """Draw the bar chart for the current choice and return its Axes."""
        table = minerals.producers(self.mineral.value, self.year.value)
        mined = minerals.is_mined(self.mineral.value)
        # in the lesson's language (UNITS); no string literal inside tr(): Babel 2.12
        # would take "unit" for a message to translate
        data_unit = str(table["unit"].iloc[0])
        unit = tr(data_unit)
        return plots.barh(
            table,
            "share_pct",
            "country",
            ax=ax,
            fmt="{:.1f}%",
            title=tr(
                "Who mines {mineral}? ({year})",
                mineral=glossary.name(self.mineral.value),
                year=self.year.value,
            )
            if mined
            else tr(
                "Who produces {mineral}? ({year})",
                mineral=glossary.name(self.mineral.value),
                year=self.year.value,
            ),
            xlabel=tr("Share of world mine production, % (measured in {unit})", unit=unit)
            if mined
            else tr("Share of world production, % (measured in {unit})", unit=unit),
        )


def mineral_explorer(mineral: str = "lithium", year: int | None = None) -> None:
    """Show the mineral explorer: a mineral menu, a year switch and a live bar chart.

    Parameters
    ----------
    mineral : str
        The mineral shown first, e.g. ``"nickel"`` (see
        :func:`koit_lessons.minerals.mineral_names`).
    year : int, optional
        The year shown first (default: the latest in the data).

    Examples
    --------
    >>> mineral_explorer("nickel")
    """
    display(MineralExplorer(mineral, year).widget)
