"""Alliance networks (lesson 08): who belongs to which club, and who sits at the centre.

The data set ``alliance_memberships`` lists the members of twelve groupings that matter
for technology, minerals, trade and security: the ten of :data:`BASE` (G7, G20, OECD, EU,
NATO, NATO's Indo-Pacific partners, the Minerals Security Partnership, IPEF, the Quad and
"Chip 4"), nearly all Western or US-led, and the two of :data:`ADDED` (RCEP and APEC), in
which Korea sits with China. This module turns it into

- a **membership matrix** (countries x groupings, 1 = member),
- a **bipartite graph** (country nodes linked to grouping nodes),
- its **projection** onto countries (two countries are linked when they share a club;
  the edge weight is how many clubs they share),

and measures **centrality** and the **similarity** (Jaccard index) of two countries.
Every helper takes ``groupings=`` so that you can choose which clubs count: the
answers depend on that choice. Left out (None), it means the ten of :data:`BASE`; pass
:data:`GROUPINGS` for all twelve.

Only full members count (``role == "member"``) that are countries or APEC member
economies (``kind`` "country" or "economy"): the European Union and the African Union,
which are members of some groupings themselves, are left out of the networks, and so is
Spain's seat as a permanent guest of the G20. Hong Kong, China and Chinese Taipei (stored
as Taiwan, the same node as Taiwan in Chip 4) are nodes of their own, because each has
its own seat in APEC.

>>> from koit_lessons import networks
>>> networks.memberships("Korea", ["G7", "G20", "OECD"])
['G20', 'OECD']
>>> networks.jaccard("KOR", "Italy", ["G7", "G20", "OECD"])
0.6666666666666666
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from koit_lessons import data
from koit_lessons._results import Result
from koit_lessons.errors import KoitError, pick_name, require_whole, said
from koit_lessons.language import marked, tr

if TYPE_CHECKING:  # networkx is imported lazily: it is only needed for graphs
    import networkx as nx

__all__ = [
    "DATASET",
    "GROUPINGS",
    "BASE",
    "ADDED",
    "MEASURES",
    "RING",
    "SOURCE",
    "table",
    "countries",
    "groupings",
    "selection",
    "country_name",
    "shown",
    "memberships",
    "membership_matrix",
    "graph",
    "projection",
    "centrality",
    "jaccard",
    "shared",
    "dated",
    "compare_ranks",
    "ClubView",
    "club_view",
]

DATASET = "alliance_memberships"
#: The ten groupings lesson 08 starts from (the default of every ``groupings=``):
#: nearly all Western or US-led; only the G20 includes China.
BASE = (
    "G7",
    "G20",
    "OECD",
    "EU",
    "NATO",
    "NATO IP4",
    "MSP",
    "IPEF",
    "Quad",
    "Chip 4",
)
#: Two Asia-Pacific groupings in which Korea sits with China, added in lesson 08's
#: section on the choice of groupings.
ADDED = ("RCEP", "APEC")
#: All groupings in the data, in the order the lesson uses.
GROUPINGS = BASE + ADDED
#: The order in which drawings put the groupings on a ring (European clubs on one side,
#: Indo-Pacific clubs on the other); :func:`graph` adds grouping nodes in this order.
RING = (
    "EU",
    "NATO",
    "G7",
    "OECD",
    "G20",
    "APEC",
    "MSP",
    "IPEF",
    "RCEP",
    "Quad",
    "Chip 4",
    "NATO IP4",
)
#: What each centrality measure means, in plain words (marked: the club explorer shows
#: them in the lesson's language).
MEASURES = {
    "degree": marked("number of other countries it shares at least one club with"),
    "betweenness": marked(
        "share of shortest paths between two other countries that pass through it"
    ),
    "eigenvector": marked(
        "high when it is linked, by many shared clubs, to countries that are themselves central"
    ),
}
#: A short source line for figures drawn from this data set.
SOURCE = marked(  # the whole line translated where a figure shows it (data.localised_source)
    "Source: koit-lessons data set alliance_memberships: Italy's foreign ministry (G7, OECD), "
    "DFAT (G20), the EU, NATO and the\nEstonian Atlantic Treaty Association (NATO), the US "
    "Commerce Department (IPEF), the White House (Quad), Korea Herald/Yonhap (MSP),\n"
    "Reuters (Chip 4), Japan's foreign ministry and VNA (RCEP), Global Affairs Canada (APEC); "
    "each list's date in networks.dated(). See data.cite('alliance_memberships')."
)

# Other spellings a student may type, mapped to the names in the data (lower case keys).
_ALIASES = {
    "south korea": "Korea",
    "republic of korea": "Korea",
    "korea, rep.": "Korea",
    "korea, republic of": "Korea",
    "rok": "Korea",
    "s. korea": "Korea",
    "한국": "Korea",  # the short forms people write (the glossary has the official ones)
    "corea": "Korea",
    "corea del sud": "Korea",
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "türkiye": "Turkey",
    "turkiye": "Turkey",
    "czech republic": "Czechia",
    "slovak republic": "Slovakia",
    "viet nam": "Vietnam",
    "brunei darussalam": "Brunei",
    "italia": "Italy",
    "italian republic": "Italy",
    "republic of china": "Taiwan",
    "people's republic of china": "China",
    "prc": "China",
    "chinese taipei": "Taiwan",
    "hong kong, china": "Hong Kong",
    "hong kong sar": "Hong Kong",
    "lao pdr": "Laos",
    "lao people's democratic republic": "Laos",
    "russian federation": "Russia",
    "the netherlands": "Netherlands",
}
_GROUPING_ALIASES = {
    "ip4": "NATO IP4",
    "nato ip4": "NATO IP4",
    "indo-pacific partners": "NATO IP4",
    "chip4": "Chip 4",
    "fab 4": "Chip 4",
    "fab4": "Chip 4",
    "minerals security partnership": "MSP",
    "european union": "EU",
    "quadrilateral security dialogue": "Quad",
    "regional comprehensive economic partnership": "RCEP",
    "asia-pacific economic cooperation": "APEC",
    "asia pacific economic cooperation": "APEC",
}


def table() -> pd.DataFrame:
    """The membership rows the networks use: full members that are countries or APEC
    member economies.

    A fresh DataFrame each call (columns as in the data set ``alliance_memberships``).

    Returns
    -------
    pandas.DataFrame
        The rows with ``kind`` "country" or "economy" and ``role == "member"``, with a
        new index;
        ``attrs`` as in the data set.

    Examples
    --------
    >>> table()["grouping"].nunique()
    12
    """
    rows = _members().copy()
    rows.attrs = dict(_members().attrs)
    return rows


@functools.cache
def _members() -> pd.DataFrame:
    # filtered once per session from the shared data.table; table() hands out copies
    df = data.table(DATASET)
    counted = df["kind"].isin(["country", "economy"]) & (df["role"] == "member")
    rows = df[counted].reset_index(drop=True)
    rows.attrs = dict(df.attrs)
    return rows


def countries() -> list[str]:
    """All countries (and APEC member economies) in at least one grouping, sorted by name.

    Returns
    -------
    list of str
        Country names as in the data.

    Examples
    --------
    >>> countries()[:3]
    ['Albania', 'Argentina', 'Australia']
    """
    return sorted(_members()["country"].unique())


def groupings() -> list[str]:
    """The groupings in the data, in lesson order.

    Returns
    -------
    list of str
        The twelve names of :data:`GROUPINGS` (the ten of :data:`BASE`, then
        :data:`ADDED`).

    Examples
    --------
    >>> groupings()[:3]
    ['G7', 'G20', 'OECD']
    """
    return list(GROUPINGS)


@functools.cache
def _iso3() -> dict[str, str]:
    # read-only for its callers
    t = _members()
    return dict(zip(t["country"], t["iso3"], strict=True))


def shown(name: object) -> str:
    """A country's name as the lesson shows it: in a Korean or Italian lesson, the
    glossary's name (대한민국, Giappone); in English, as in the data. Tables and graphs of
    this module name countries this way; every helper reads a name in any language.

    Examples
    --------
    >>> shown("Korea"), shown("JPN")
    ('Korea', 'Japan')
    """
    from koit_lessons import glossary, language

    name = country_name(name)  # any language, alias or code; an unknown name is one sentence
    if language.current() == "en":
        return name
    return glossary.name(_iso3()[name], default=name)


def _shown_graph(G: nx.Graph) -> nx.Graph:
    """``G`` with its country nodes named as the lesson shows them (a copy, in order)."""
    import networkx as nx

    names = {n: shown(n) for n, d in G.nodes(data=True) if d.get("kind", "country") == "country"}
    if all(k == v for k, v in names.items()):
        return G
    return nx.relabel_nodes(G, names, copy=True)


def country_name(name: object) -> str:
    """The name used in the data for a country given by name, alias or ISO3 code.

    Parameters
    ----------
    name : str
        A country's name in the data, its ISO3 code or a known alias (case and surrounding
        spaces are ignored).

    Returns
    -------
    str
        The country's name as in the data.

    Raises
    ------
    KoitError
        If ``name`` is not text or names no country in the data.

    Examples
    --------
    >>> country_name("KOR"), country_name("south korea"), country_name("Türkiye")
    ('Korea', 'Korea', 'Turkey')
    >>> country_name("대한민국"), country_name("Francia"), country_name("Repubblica Ceca")
    ('Korea', 'France', 'Czechia')
    """
    from koit_lessons import glossary

    iso3 = _iso3()
    aliases = {**_ALIASES, **{code: n for n, code in iso3.items()}}
    code = glossary.identify(name, "country")  # a name in English, Korean or Italian
    by_code = {c: n for n, c in iso3.items()}
    if code in by_code:
        return by_code[code]
    return pick_name("country", name, sorted(iso3), "see networks.countries()", aliases)


def _grouping(name: object) -> str:
    return pick_name("grouping", name, GROUPINGS, aliases=_GROUPING_ALIASES)


def selection(selected: object = None) -> list[str]:
    """Check a choice of groupings (a ``groupings=`` argument) and put it in lesson order.

    Parameters
    ----------
    selected : list of str, str or None
        Grouping names, in any case or by a known alias (e.g. ``"nato"``), one name, or
        None for the ten of :data:`BASE` (pass :data:`GROUPINGS` for all twelve).

    Returns
    -------
    list of str
        The chosen groupings, each once, in the order of :data:`GROUPINGS`.

    Raises
    ------
    KoitError
        For an unknown grouping, an empty choice or something that is not a list of names.

    Examples
    --------
    >>> selection(["OECD", "g7"])
    ['G7', 'OECD']
    >>> len(selection()), len(selection(GROUPINGS))
    (10, 12)
    """
    if selected is None:
        return list(BASE)
    if isinstance(selected, str):
        selected = [selected]
    if not isinstance(selected, Iterable) or isinstance(selected, (bytes, dict)):
        raise KoitError(
            "groupings= must be a list of grouping names, e.g. ['G7', 'G20'], or None for "
            f"the ten of networks.BASE, not {said(selected)}."
        )
    chosen = {_grouping(g) for g in selected}
    if not chosen:
        raise KoitError(
            "groupings= is empty: choose at least one grouping, e.g. ['G20'], or None for "
            "the ten of networks.BASE."
        )
    return [g for g in GROUPINGS if g in chosen]


def _sets(selected: object = None) -> dict[str, set[str]]:
    """Each country's set of groupings (only countries in at least one chosen grouping)."""
    chosen = selection(selected)
    t = _members()
    t = t[t["grouping"].isin(chosen)]
    out: dict[str, set[str]] = {}
    for country, grouping in zip(t["country"], t["grouping"], strict=True):
        out.setdefault(country, set()).add(grouping)
    return dict(sorted(out.items()))


def _order(names: Iterable[str]) -> list[str]:
    present = set(names)
    return [g for g in GROUPINGS if g in present]


def memberships(country: str, groupings: Iterable[str] | None = None) -> list[str]:
    """The groupings a country belongs to (in lesson order), among ``groupings``.

    Parameters
    ----------
    country : str
        A country, as :func:`country_name` reads it.
    groupings : list of str, optional
        The groupings that count, as :func:`selection` reads them; None (the default) for
        the ten of :data:`BASE`.

    Returns
    -------
    list of str
        The country's groupings in the order of :data:`GROUPINGS`; empty if it is in none.

    Raises
    ------
    KoitError
        If the country or a grouping is unknown.

    Examples
    --------
    >>> memberships("Italy")
    ['G7', 'G20', 'OECD', 'EU', 'NATO', 'MSP']
    """
    name = country_name(country)
    return _order(_sets(groupings).get(name, set()))


def membership_matrix(
    groupings: Iterable[str] | None = None, min_groupings: int = 1
) -> pd.DataFrame:
    """Countries x groupings, 1 where the country is a member, else 0.

    Rows are the countries in at least ``min_groupings`` chosen groupings, sorted by how
    many of the chosen groupings they belong to (most first), then by name. ``df.attrs["iso3"]``
    maps each country to its ISO3 code; ``df.attrs["source"]`` is a source line.

    Parameters
    ----------
    groupings : list of str, optional
        The groupings that count, as :func:`selection` reads them; None (the default) for
        the ten of :data:`BASE`.
    min_groupings : int, optional
        Keep the countries in at least this many chosen groupings (1 or more; default 1).

    Returns
    -------
    pandas.DataFrame
        Integers 0 or 1; index ``country``, columns ``grouping`` in the order of
        :data:`GROUPINGS`.

    Raises
    ------
    KoitError
        If ``min_groupings`` is not a whole number of 1 or more, a grouping is unknown, or
        no country is left.

    Examples
    --------
    >>> m = membership_matrix(["G7", "Quad"])
    >>> int(m.loc["Japan"].sum()), int(m.loc["Italy", "Quad"])
    (2, 0)
    """
    min_groupings = require_whole(
        min_groupings,
        minimum=1,
        message=f"min_groupings= must be a whole number of at least 1, not {said(min_groupings)}.",
    )
    chosen = selection(groupings)
    sets = {c: s for c, s in _sets(chosen).items() if len(s) >= min_groupings}
    if not sets:
        raise KoitError(
            f"No country is in {min_groupings} or more of the chosen groupings: lower "
            "min_groupings= or choose more groupings."
        )
    m = pd.DataFrame(
        [[int(g in s) for g in chosen] for s in sets.values()],
        index=pd.Index(list(sets), name="country"),
        columns=pd.Index(chosen, name="grouping"),
    )
    m = m.loc[sorted(sets, key=lambda c: (-len(sets[c]), c))]
    iso3 = _iso3()
    m.attrs = {"iso3": {shown(c): iso3[c] for c in m.index}, "source": SOURCE, "dataset": DATASET}
    m.index = pd.Index([shown(c) for c in m.index], name="country")
    return m


def graph(groupings: Iterable[str] | None = None) -> nx.Graph:
    """The bipartite graph: one node per country (``bipartite=0``) and per grouping
    (``bipartite=1``), an edge where the country is a member.

    Parameters
    ----------
    groupings : list of str, optional
        The groupings that count, as :func:`selection` reads them; None (the default) for
        the ten of :data:`BASE`.

    Returns
    -------
    networkx.Graph
        Grouping nodes (``kind="grouping"``, in the order of :data:`RING`) and country nodes
        (``kind="country"``, with ``iso3``); countries in no chosen grouping are left out.

    Raises
    ------
    KoitError
        If a grouping is unknown.

    Examples
    --------
    >>> G = graph(["Quad"])
    >>> sorted(G["Quad"])
    ['Australia', 'India', 'Japan', 'United States']
    """
    import networkx as nx

    chosen = selection(groupings)
    sets = _sets(chosen)
    iso3 = _iso3()
    G = nx.Graph()
    G.add_nodes_from([g for g in RING if g in chosen], bipartite=1, kind="grouping")
    for country, clubs in sets.items():
        G.add_node(country, bipartite=0, kind="country", iso3=iso3[country])
        G.add_edges_from((country, g) for g in _order(clubs))
    return _shown_graph(G)


def projection(groupings: Iterable[str] | None = None) -> nx.Graph:
    """The country graph: an edge between two countries that share at least one chosen
    grouping, with ``weight`` = the number they share and ``groupings`` = which.

    Parameters
    ----------
    groupings : list of str, optional
        The groupings that count, as :func:`selection` reads them; None (the default) for
        the ten of :data:`BASE`.

    Returns
    -------
    networkx.Graph
        One node per country in a chosen grouping, with ``iso3`` and ``n_groupings``.

    Raises
    ------
    KoitError
        If a grouping is unknown.

    Examples
    --------
    >>> P = projection(["G7", "Quad"])
    >>> P["Japan"]["United States"]["weight"], P.has_edge("Italy", "India")
    (2, False)
    """
    return _shown_graph(_projection(groupings))


def _projection(groupings: Iterable[str] | None = None) -> nx.Graph:
    """:func:`projection` with countries named as in the data."""
    import networkx as nx

    sets = _sets(groupings)
    iso3 = _iso3()
    P = nx.Graph()
    for country in sets:
        P.add_node(country, iso3=iso3[country], n_groupings=len(sets[country]))
    names = list(sets)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            both = sets[a] & sets[b]
            if both:
                P.add_edge(a, b, weight=len(both), groupings=_order(both))
    return P


def centrality(measure: str = "degree", groupings: Iterable[str] | None = None) -> pd.DataFrame:
    """Rank the countries of the projection by a centrality measure.

    Parameters
    ----------
    measure : str, optional
        "degree" (the default; how many other countries a country shares a club with),
        "betweenness" (how often it lies on the shortest path between two others; edge
        weights are ignored) or "eigenvector" (weighted by the number of shared clubs).
        If the chosen groupings share no member, the network falls apart into pieces
        and eigenvector centrality gives 0 to every country outside the dominant piece.
    groupings : list of str, optional
        Which groupings count, as :func:`selection` reads them (None: the ten of
        :data:`BASE`).

    Returns
    -------
    pandas.DataFrame
        Columns rank, country, iso3, score and n_groupings (how many of the chosen
        groupings the country is in), highest score first; ties share a rank and are
        listed by name.

    Raises
    ------
    KoitError
        If ``measure`` is not a key of :data:`MEASURES`, or a grouping is unknown.

    Examples
    --------
    >>> centrality("degree", ["Quad", "Chip 4"]).iloc[0]["country"]
    'Japan'
    """
    import networkx as nx

    measure = pick_name("centrality measure", measure, MEASURES)
    P = _projection(groupings)
    if measure == "degree":
        scores = {n: float(d) for n, d in P.degree()}
    elif measure == "betweenness":
        scores = nx.betweenness_centrality(P, normalized=True)
    else:
        scores = nx.eigenvector_centrality(P, weight="weight", max_iter=5000, tol=1e-10)
    rows = pd.DataFrame(
        {
            "country": list(P.nodes),
            "iso3": [P.nodes[n]["iso3"] for n in P.nodes],
            "score": [round(float(scores[n]), 10) for n in P.nodes],
            "n_groupings": [P.nodes[n]["n_groupings"] for n in P.nodes],
        }
    )
    rows = rows.sort_values(["score", "country"], ascending=[False, True]).reset_index(drop=True)
    rows.insert(0, "rank", rows["score"].rank(method="min", ascending=False).astype(int))
    rows["country"] = [shown(c) for c in rows["country"]]  # ties stay in the data's order
    rows.attrs = {"source": SOURCE, "dataset": DATASET, "measure": measure}
    return rows


def shared(
    a: str, b: str, groupings: Iterable[str] | None = None
) -> tuple[list[str], list[str], list[str]]:
    """The groupings both countries are in, those only ``a`` is in, and those only ``b``.

    Parameters
    ----------
    a, b : str
        Two countries, as :func:`country_name` reads them.
    groupings : list of str, optional
        The groupings that count, as :func:`selection` reads them; None (the default) for
        the ten of :data:`BASE`.

    Returns
    -------
    tuple of three lists of str
        Both, only ``a``, only ``b``; each in the order of :data:`GROUPINGS`.

    Raises
    ------
    KoitError
        If a country or a grouping is unknown.

    Examples
    --------
    >>> shared("Korea", "Italy", ["G7", "G20", "NATO IP4"])
    (['G20'], ['NATO IP4'], ['G7'])
    """
    sets = _sets(groupings)
    sa = sets.get(country_name(a), set())
    sb = sets.get(country_name(b), set())
    return _order(sa & sb), _order(sa - sb), _order(sb - sa)


def jaccard(a: str, b: str, groupings: Iterable[str] | None = None) -> float:
    """Jaccard similarity of two countries' memberships: shared groupings divided by the
    groupings at least one of them is in (0 = nothing shared, 1 = the same clubs).

    Returns NaN when neither country is in any of the chosen groupings.

    Parameters
    ----------
    a, b : str
        Two countries, as :func:`country_name` reads them.
    groupings : list of str, optional
        The groupings that count, as :func:`selection` reads them; None (the default) for
        the ten of :data:`BASE`.

    Returns
    -------
    float
        From 0 to 1, or NaN.

    Raises
    ------
    KoitError
        If a country or a grouping is unknown.

    Examples
    --------
    >>> jaccard("Japan", "Australia", ["Quad", "NATO IP4"])
    1.0
    """
    both, only_a, only_b = shared(a, b, groupings)
    union = len(both) + len(only_a) + len(only_b)
    return len(both) / union if union else math.nan


#: the list dates of the data set that are more than a year or a month, marked to be
#: translated where :func:`dated` shows them (a date not listed here is shown as it is)
_AS_OF_WORDS = (
    marked("2021 or later (38 members)"),
    marked("2020 or later (27 countries)"),
    marked("2023-06 (all 15 in force)"),
    marked("1998 or later (21 member economies)"),
)


def dated() -> pd.DataFrame:
    """What each grouping's member list is dated to, and who published it.

    Memberships change (the MSP became FORGE in February 2026); each row of the data set
    stores when its source's list applies (``data_as_of``). This table gives, per
    grouping, the date of its newest source list.

    Returns
    -------
    pandas.DataFrame
        One row per grouping in the order of :data:`GROUPINGS`: ``grouping``, ``members``
        (how many countries and member economies the networks count), ``list_as_of``
        (the ``data_as_of`` text of its newest source list) and ``publishers`` (the
        sources of its rows).

    Examples
    --------
    >>> dated().set_index("grouping").loc["MSP", "list_as_of"]
    '2024'
    """
    df = data.table(DATASET)
    counted = _members().groupby("grouping")["country"].nunique()
    rows = []
    for g in GROUPINGS:
        part = df[df["grouping"] == g]
        years = part["data_as_of"].str.extract(r"(\d{4})", expand=False).astype(int)
        newest = part.loc[years == years.max(), "data_as_of"].value_counts()
        texts = newest[newest == newest.max()].index
        rows.append(
            {
                "grouping": g,
                "members": int(counted.get(g, 0)),
                "list_as_of": tr(max(texts, key=len)),  # in the edition's words
                "publishers": "; ".join(dict.fromkeys(part["source_publisher"])),
            }
        )
    out = pd.DataFrame(rows)
    out.attrs = {"source": SOURCE, "dataset": DATASET}
    return out


def compare_ranks(
    measure: str = "degree",
    before: Iterable[str] | None = None,
    after: Iterable[str] | None = GROUPINGS,
) -> pd.DataFrame:
    """Each country's centrality rank for two choices of groupings, side by side.

    Parameters
    ----------
    measure : str, optional
        A key of :data:`MEASURES` (default "degree").
    before : list of str, optional
        The first choice, as :func:`selection` reads it (None, the default: the ten of
        :data:`BASE`).
    after : list of str, optional
        The second choice (default: all of :data:`GROUPINGS`).

    Returns
    -------
    pandas.DataFrame
        Columns country, iso3, rank_before, rank_after (ranks as :func:`centrality` gives
        them; empty for a country in none of that choice's groupings) and moved
        (rank_before minus rank_after: positive when the country moves up), ordered by
        rank_after. ``attrs`` hold the measure, both choices and how many countries each
        network has (``n_before``, ``n_after``).

    Raises
    ------
    KoitError
        If ``measure`` or a grouping is unknown.

    Examples
    --------
    >>> t = compare_ranks("degree", ["G7"], ["G7", "Quad"])
    >>> t.set_index("country").loc["India", ["rank_before", "rank_after"]].tolist()
    [<NA>, 8]
    """
    first, second = selection(before), selection(after)
    a, b = centrality(measure, first), centrality(measure, second)
    ranks_a = dict(zip(a["country"], a["rank"], strict=True))
    out = b[["country", "iso3"]].copy()
    out.insert(2, "rank_before", pd.array([ranks_a.get(c) for c in out["country"]], "Int64"))
    out.insert(3, "rank_after", pd.array(b["rank"], "Int64"))
    gone = a[~a["country"].isin(b["country"])]
    if len(gone):  # countries only in the first choice's groupings
        extra = pd.DataFrame(
            {
                "country": gone["country"],
                "iso3": gone["iso3"],
                "rank_before": pd.array(gone["rank"], "Int64"),
                "rank_after": pd.array([None] * len(gone), "Int64"),
            }
        )
        out = pd.concat([out, extra], ignore_index=True)
    out["moved"] = out["rank_before"] - out["rank_after"]
    out = out.reset_index(drop=True)
    out.attrs = {
        "source": SOURCE,
        "dataset": DATASET,
        "measure": a.attrs["measure"],
        "before": first,
        "after": second,
        "n_before": len(a),
        "n_after": len(b),
    }
    return out


@dataclass(frozen=True, eq=False)
class ClubView(Result):
    """What the club explorer of lesson 08 shows for one choice of clubs, measure and
    two countries (see :func:`club_view`); fields can also be read by name,
    ``view["jaccard"]``.

    Parameters
    ----------
    groupings : list of str
        The chosen groupings, in the order of :data:`GROUPINGS`.
    measure : str
        The centrality measure, in lower case.
    a, b : str
        The two countries, named as in the data.
    top : int
        How many rows of the ranking are kept.
    jaccard : float
        Their Jaccard similarity (NaN if neither is in a chosen grouping).
    both, only_a, only_b : list of str
        The groupings both are in, only ``a`` is in and only ``b`` is in.
    ranking : pandas.DataFrame
        The first ``top`` rows of :func:`centrality`.
    rank_a, rank_b : int or None
        Their ranks; None for a country in no chosen grouping.
    n_countries : int
        How many countries the network has.
    """

    groupings: list[str]
    measure: str
    a: str
    b: str
    top: int
    jaccard: float
    both: list[str]
    only_a: list[str]
    only_b: list[str]
    ranking: pd.DataFrame
    rank_a: int | None
    rank_b: int | None
    n_countries: int


def club_view(
    groupings: Iterable[str] | None = None,
    measure: str = "degree",
    a: str = "Korea",
    b: str = "Italy",
    top: int = 10,
) -> ClubView:
    """Everything the club explorer shows, for one choice of clubs, measure and countries.

    Returns a :class:`ClubView` with ``groupings`` (the chosen ones), ``measure``, ``a``
    and ``b`` (names as in the data) and ``top``: the choice it is for; ``jaccard`` (NaN
    if neither is in a chosen club), ``both``,
    ``only_a``, ``only_b`` (lists of groupings), ``ranking`` (the top ``top`` rows of
    :func:`centrality`), ``rank_a`` and ``rank_b`` (None for a country in no chosen
    club) and ``n_countries``.

    Parameters
    ----------
    groupings : list of str, optional
        The groupings that count, as :func:`selection` reads them; None (the default) for
        the ten of :data:`BASE`.
    measure : str, optional
        A key of :data:`MEASURES` (default "degree").
    a, b : str, optional
        Two countries, as :func:`country_name` reads them (default "Korea" and "Italy").
    top : int, optional
        How many rows of the ranking to keep, 1 or more (default 10).

    Returns
    -------
    ClubView

    Raises
    ------
    KoitError
        If ``top`` is not a whole number of 1 or more, a grouping, country or measure is
        unknown, or ``a`` and ``b`` name the same country (a country compared with itself
        says nothing).

    Examples
    --------
    >>> view = club_view(["G20", "OECD", "MSP"], "degree", "Korea", "Italy")
    >>> view.jaccard, view.both
    (1.0, ['G20', 'OECD', 'MSP'])
    >>> club_view(a="Korea", b="South Korea")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    koit_lessons.errors.KoitError: Country A and country B are both Korea: pick two ...
    """
    top = require_whole(
        top, minimum=1, message=f"top= must be a whole number of at least 1, not {said(top)}."
    )
    chosen = selection(groupings)
    name_a, name_b = country_name(a), country_name(b)
    if name_a == name_b:
        raise KoitError(f"Country A and country B are both {name_a}: pick two different countries.")
    both, only_a, only_b = shared(name_a, name_b, chosen)
    table = centrality(measure, chosen)
    ranks = dict(zip(table["country"], table["rank"], strict=True))
    return ClubView(
        groupings=chosen,
        measure=table.attrs["measure"],
        a=name_a,
        b=name_b,
        top=top,
        jaccard=jaccard(name_a, name_b, chosen),
        both=both,
        only_a=only_a,
        only_b=only_b,
        ranking=table.head(top).reset_index(drop=True),
        rank_a=ranks.get(shown(name_a)),
        rank_b=ranks.get(shown(name_b)),
        n_countries=len(table),
    )
