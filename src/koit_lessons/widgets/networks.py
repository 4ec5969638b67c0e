"""The club explorer of lesson 08, built on :mod:`koit_lessons.networks` and :mod:`plots`.

Tick which groupings count — untick any of the ten the lesson starts from, or add RCEP
and APEC, the two Asia-Pacific groupings in which Korea sits with China — pick a
centrality measure and two countries: the ranking and the two countries' Jaccard
similarity are recomputed. The teaching point: the answer depends on which clubs you
count. Every number comes from
:func:`networks.club_view`, a pure function that tests can call; the widget only shows it.

Run non-interactively, the explorer shows its default state (the ten groupings of
``networks.BASE`` ticked, RCEP and APEC not; degree; Korea and Italy).
"""

from __future__ import annotations

import html
import math
import unicodedata
from collections.abc import Iterable

import ipywidgets as w
import matplotlib.pyplot as plt
from IPython.display import display

from koit_lessons import networks, plots
from koit_lessons.errors import KoitError
from koit_lessons.language import current, marked, numerals, tr
from koit_lessons.networks import ClubView, club_view, shown
from koit_lessons.widgets.base import Explorer, redraw

__all__ = ["club_view", "ClubExplorer", "club_explorer"]


def _ordinal(n: int) -> str:
    if current() != "en":
        return tr("{n}th", n=n)  # 3위, 3º
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _alphabetical(option: tuple[str, str]) -> str:
    """A dropdown option's sort key: its shown name without accents, case-folded."""
    decomposed = unicodedata.normalize("NFKD", option[0])
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c))).casefold()


def _listing(names: list[str]) -> str:
    return html.escape(", ".join(names)) if names else tr("none")


#: the measures' descriptions, as networks.MEASURES writes them, to translate where shown
_MEASURE_WORDS = networks.MEASURES  # marked where they are defined
_MEASURE_NAMES = {"degree": marked("degree"), "betweenness": marked("betweenness"),
                  "eigenvector": marked("eigenvector")}  # fmt: skip


def summary_text(view: ClubView) -> str:
    """The text above the club explorer's figure, for a :func:`club_view` result.

    Parameters
    ----------
    view : ClubView
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
    if not isinstance(view, ClubView):
        raise KoitError("summary_text() needs the result of club_view(), e.g. club_view().")
    a, b = html.escape(shown(view["a"])), html.escape(shown(view["b"]))
    if math.isnan(view["jaccard"]):
        similarity = tr("Neither {a} nor {b} is in any of the clubs you ticked.", a=a, b=b)
    else:
        similarity = tr(
            "<b>{a} and {b}: Jaccard similarity {j}</b> (shared: {both}; only {a}: {only_a}; "
            "only {b}: {only_b}).",
            a=a,
            b=b,
            j=numerals(format(view["jaccard"], ".2f")),
            both=_listing(view["both"]),
            only_a=_listing(view["only_a"]),
            only_b=_listing(view["only_b"]),
        )
    ranks = []
    for name, rank in ((a, view["rank_a"]), (b, view["rank_b"])):
        ranks.append(
            tr("{name} is not in any ticked club", name=name)
            if rank is None
            else tr(
                "{name} ranks {rank} of {n}",
                name=name,
                rank=_ordinal(int(rank)),
                n=view["n_countries"],
            )
        )
    return tr(
        "{similarity}<br>By <b>{measure}</b> centrality in the country network of {n} "
        "club(s): {ranks} (ties share a rank).",
        similarity=similarity,
        measure=tr(_MEASURE_NAMES[view["measure"]]),
        n=len(view["groupings"]),
        ranks="; ".join(ranks),
    )


class ClubExplorer(Explorer):
    """Tick clubs, choose a centrality measure and two countries; see the ranking and
    the two countries' similarity.

    Controls: one ``Checkbox`` per grouping (``self.boxes``, a dict by name: the ten of
    ``networks.BASE`` on two rows, then the groupings that can be added,
    ``networks.ADDED``, on a third), the ``measure`` dropdown (degree, betweenness,
    eigenvector), and the ``country_a`` and ``country_b`` dropdowns.

    Parameters
    ----------
    *choice, **named
        The starting choice (``groupings``, ``measure``, ``a``, ``b``, ``top``), as for
        :func:`club_view`, which checks it.

    Examples
    --------
    >>> ex = ClubExplorer(measure="betweenness")
    >>> ex.boxes["NATO"].value = False
    >>> ex.boxes["RCEP"].value = True
    >>> len(ex.chosen()), ex.view()["measure"]
    (10, 'betweenness')
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
            options=[(tr(_MEASURE_NAMES[m]), m) for m in networks.MEASURES],
            value=first["measure"],
            description=tr("Centrality"),
        )
        # shown in the lesson's words and in their alphabetical order (가나다순 in Korean),
        # so a student finds a country where the language puts it; English is unchanged
        names = sorted(((shown(n), n) for n in networks.countries()), key=_alphabetical)
        self.country_a = w.Dropdown(options=names, value=first["a"], description=tr("Country A"))
        self.country_b = w.Dropdown(options=names, value=first["b"], description=tr("Country B"))
        base = [self.boxes[g] for g in networks.BASE]
        added = [self.boxes[g] for g in networks.ADDED]
        controls = w.VBox(
            [
                w.HBox(base[:5]),
                w.HBox(base[5:]),
                w.HBox([w.Label(tr("Add (Korea sits with China):")), *added]),
                w.HBox([self.measure, self.country_a, self.country_b]),
            ]
        )
        watch = [*self.boxes.values(), self.measure, self.country_a, self.country_b]
        self._assemble([controls], watch=watch)

    def chosen(self) -> list[str]:
        """The groupings ticked now."""
        return [g for g, box in self.boxes.items() if box.value]

    def problem(self) -> str | None:
        """Why the current controls show nothing (no club ticked, or the same country
        twice), as one sentence; None when they are fine."""
        if not self.chosen():
            return tr("Tick at least one club.")
        if self.country_a.value == self.country_b.value:
            return tr(
                "Country A and country B are both {name}: pick two different countries.",
                name=shown(self.country_a.value),
            )
        return None

    def view(self) -> ClubView | None:
        """:func:`club_view` for the current controls (None if :meth:`problem` says why
        there is nothing to show)."""
        if self.problem() is not None:
            return None
        chosen = self.chosen()
        return club_view(
            chosen, self.measure.value, self.country_a.value, self.country_b.value, self.top
        )

    def summary_text(self) -> str:
        """The text above the figure, for the current controls."""
        return self._summary(self.view())

    def draw(self, ax: plt.Axes | None = None) -> plt.Axes | None:
        """Draw the top of the ranking for the current controls (None if nothing to draw)."""
        return self._draw(self.view(), ax)

    def _summary(self, view: ClubView | None) -> str:
        if view is None:
            return f"<b>{html.escape(self.problem() or '')}</b>"
        return summary_text(view)

    def _draw(self, view: ClubView | None, ax: plt.Axes | None = None) -> plt.Axes | None:
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
            title=tr(
                "Most central countries by {measure} ({n} of {total} clubs counted)",
                measure=tr(_MEASURE_NAMES[view["measure"]]),
                n=len(view["groupings"]),
                total=len(networks.GROUPINGS),
            ),
            xlabel=tr(
                "{Measure}: {description}",
                Measure=tr(_MEASURE_NAMES[view["measure"]]).capitalize(),
                description=tr(_MEASURE_WORDS[view["measure"]]),
            ),
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
