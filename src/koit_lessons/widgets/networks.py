"""The club explorer of lesson 08, built on :mod:`koit_lessons.networks` and :mod:`plots`.

Tick which groupings count, pick a centrality measure and two countries: the ranking
and the two countries' Jaccard similarity are recomputed. The teaching point: the
answer depends on which clubs you count. Every number comes from
:func:`club_view`, a pure function that tests can call; the widget only shows it.

Run non-interactively, the explorer shows its default state (all ten groupings,
degree, Korea and Italy).
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable

import ipywidgets as w
import matplotlib.pyplot as plt
from IPython.display import display

from koit_lessons import networks, plots
from koit_lessons.errors import KoitError
from koit_lessons.widgets.base import Explorer, redraw

__all__ = ["club_view", "ClubExplorer", "club_explorer"]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def club_view(
    groupings: Iterable[str] | None = None,
    measure: str = "degree",
    a: str = "Korea",
    b: str = "Italy",
    top: int = 10,
) -> dict:
    """Everything the explorer shows, for one choice of clubs, measure and countries.

    Parameters
    ----------
    groupings : list of str, optional
        The clubs that count (see :func:`koit_lessons.networks.selection`; None: all ten).
    measure : str
        A centrality measure, one of :data:`koit_lessons.networks.MEASURES`.
    a, b : str
        The two countries to compare (names or ISO3 codes).
    top : int
        How many countries of the ranking to keep.

    Returns
    -------
    dict
        ``groupings`` (the chosen ones), ``measure``, ``a`` and ``b`` (names as in the
        data) and ``top``: the choice this view is for; ``jaccard`` (NaN if neither is
        in a chosen club), ``both``, ``only_a``, ``only_b`` (lists of groupings),
        ``ranking`` (the top ``top`` rows of :func:`koit_lessons.networks.centrality`),
        ``rank_a`` and ``rank_b`` (None for a country in no chosen club) and
        ``n_countries``.

    Examples
    --------
    >>> view = club_view(["G20", "OECD", "MSP"], "degree", "Korea", "Italy")
    >>> view["jaccard"], view["both"]
    (1.0, ['G20', 'OECD', 'MSP'])
    """
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise KoitError(f"top= must be a whole number of at least 1, not {top!r}.")
    chosen = networks.selection(groupings)
    name_a, name_b = networks.country_name(a), networks.country_name(b)
    both, only_a, only_b = networks.shared(name_a, name_b, chosen)
    table = networks.centrality(measure, chosen)
    ranks = dict(zip(table["country"], table["rank"], strict=True))
    return {
        "groupings": chosen,
        "measure": measure.strip().lower(),
        "a": name_a,
        "b": name_b,
        "top": top,
        "jaccard": networks.jaccard(name_a, name_b, chosen),
        "both": both,
        "only_a": only_a,
        "only_b": only_b,
        "ranking": table.head(top).reset_index(drop=True),
        "rank_a": ranks.get(name_a),
        "rank_b": ranks.get(name_b),
        "n_countries": len(table),
    }


def _listing(names: list[str]) -> str:
    return html.escape(", ".join(names)) if names else "none"


def summary_text(view: dict) -> str:
    """The text above the club explorer's figure, for a :func:`club_view` result.

    Parameters
    ----------
    view : dict
        What :func:`club_view` returned.

    Returns
    -------
    str
        HTML: the two countries' similarity and their ranks.

    Examples
    --------
    >>> summary_text(club_view(["Quad"])).split("<br>")[0]
    'Neither Korea nor Italy is in any of the clubs you ticked.'
    """
    needed = ("a", "b", "jaccard", "both", "only_a", "only_b", "rank_a", "rank_b", "measure")
    if not isinstance(view, dict) or any(k not in view for k in needed):
        raise KoitError("summary_text() needs the dict returned by club_view(), e.g. club_view().")
    a, b = html.escape(view["a"]), html.escape(view["b"])
    if math.isnan(view["jaccard"]):
        similarity = f"Neither {a} nor {b} is in any of the clubs you ticked."
    else:
        similarity = (
            f"<b>{a} and {b}: Jaccard similarity {view['jaccard']:.2f}</b> "
            f"(shared: {_listing(view['both'])}; only {a}: {_listing(view['only_a'])}; "
            f"only {b}: {_listing(view['only_b'])})."
        )
    ranks = []
    for name, rank in ((a, view["rank_a"]), (b, view["rank_b"])):
        ranks.append(
            f"{name} is not in any ticked club"
            if rank is None
            else f"{name} ranks {_ordinal(int(rank))} of {view['n_countries']}"
        )
    return (
        f"{similarity}<br>By <b>{view['measure']}</b> centrality in the country network of "
        f"{len(view['groupings'])} club(s): {'; '.join(ranks)} (ties share a rank)."
    )


class ClubExplorer(Explorer):
    """Tick clubs, choose a centrality measure and two countries; see the ranking and
    the two countries' similarity.

    Controls: one ``Checkbox`` per grouping (``self.boxes``, a dict by name), the
    ``measure`` dropdown (degree, betweenness, eigenvector), and the ``country_a`` and
    ``country_b`` dropdowns.

    Parameters
    ----------
    *choice, **named
        The starting choice (``groupings``, ``measure``, ``a``, ``b``, ``top``), as for
        :func:`club_view`, which checks it.

    Examples
    --------
    >>> ex = ClubExplorer(measure="betweenness")
    >>> ex.boxes["NATO"].value = False
    >>> len(ex.chosen()), ex.view()["measure"]
    (9, 'betweenness')
    """

    def __init__(self, *choice: object, **named: object) -> None:
        first = club_view(*choice, **named)  # validates, friendly errors
        self.top = first["top"]
        self.boxes = {
            g: w.Checkbox(
                value=g in first["groupings"],
                description=g,
                indent=False,
                layout=w.Layout(width="105px"),
            )
            for g in networks.GROUPINGS
        }
        self.measure = w.Dropdown(
            options=list(networks.MEASURES), value=first["measure"], description="Centrality"
        )
        names = networks.countries()
        self.country_a = w.Dropdown(options=names, value=first["a"], description="Country A")
        self.country_b = w.Dropdown(options=names, value=first["b"], description="Country B")
        controls = w.VBox(
            [
                w.HBox(list(self.boxes.values())[:5]),
                w.HBox(list(self.boxes.values())[5:]),
                w.HBox([self.measure, self.country_a, self.country_b]),
            ]
        )
        watch = [*self.boxes.values(), self.measure, self.country_a, self.country_b]
        self._assemble([controls], watch=watch)

    def chosen(self) -> list[str]:
        """The groupings ticked now."""
        return [g for g, box in self.boxes.items() if box.value]

    def view(self) -> dict | None:
        """:func:`club_view` for the current controls (None if no club is ticked)."""
        chosen = self.chosen()
        if not chosen:
            return None
        return club_view(
            chosen, self.measure.value, self.country_a.value, self.country_b.value, self.top
        )

    def summary_text(self) -> str:
        """The text above the figure, for the current controls."""
        return self._summary(self.view())

    def draw(self, ax: plt.Axes | None = None) -> plt.Axes | None:
        """Draw the top of the ranking for the current controls (None if nothing to draw)."""
        return self._draw(self.view(), ax)

    @staticmethod
    def _summary(view: dict | None) -> str:
        return "<b>Tick at least one club.</b>" if view is None else summary_text(view)

    def _draw(self, view: dict | None, ax: plt.Axes | None = None) -> plt.Axes | None:
        if view is None or view["ranking"].empty:
            return None
        ranking = view["ranking"]
        fmt = "{:.0f}" if view["measure"] == "degree" else "{:.3f}"
        return plots.barh(
            ranking,
            "score",
            "country",
            ax=ax,
            fmt=fmt,
            title=f"Most central countries by {view['measure']} "
            f"({len(view['groupings'])} of {len(networks.GROUPINGS)} clubs counted)",
            xlabel=f"{view['measure'].capitalize()}: {networks.MEASURES[view['measure']]}",
            source=networks.SOURCE,
        )

    def update(self, change: object = None) -> None:
        """Recompute and redraw after a control changed (the view is computed once, for
        the summary and the figure)."""
        view = self.view()
        self.summary.value = self._summary(view)
        redraw(self.output, lambda: self._draw(view))


def club_explorer(
    groupings: Iterable[str] | None = None,
    measure: str = "degree",
    a: str = "Korea",
    b: str = "Italy",
) -> None:
    """Show the club explorer with the given starting values.

    Parameters
    ----------
    groupings, measure, a, b
        The starting choice, as for :func:`club_view`.

    Examples
    --------
    >>> club_explorer(["G7", "G20"], measure="eigenvector")
    """
    display(ClubExplorer(groupings, measure, a, b).widget)
