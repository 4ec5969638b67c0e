"""The numbers in lesson 08's prose.

Counts, ranks and similarities come from :mod:`koit_lessons.networks` over the ten
groupings the lesson starts from (``networks.BASE``) or over all twelve
(``networks.GROUPINGS``, with RCEP and APEC), so a change in a membership list fails a
test until the sentence is changed too. Group sizes stated by a source (the G20's 19
countries, NATO's 32 members ...) are checked against the rows of the data set.
"""

from __future__ import annotations

import math

from koit_lessons import minerals, networks, policy
from koit_lessons.claims import Claim, Fixed

TEN = networks.BASE
TWELVE = networks.GROUPINGS


def _rank(country: str, measure: str, groupings: tuple[str, ...] = TEN) -> int:
    table = networks.centrality(measure, groupings)
    return int(table.loc[table["country"] == country, "rank"].iloc[0])


def _n(groupings: tuple[str, ...] = TEN) -> int:
    """How many countries (and member economies) the network has."""
    return len(networks.centrality("degree", groupings))


def _degree(country: str) -> float:
    table = networks.centrality("degree")
    return float(table.loc[table["country"] == country, "score"].iloc[0])


def _members(grouping: str) -> int:
    return int(networks.dated().set_index("grouping").loc[grouping, "members"])


def pairs_farther(country: str, groupings: tuple[str, ...] = TEN) -> tuple[int, int]:
    """How many pairs of other countries end up farther apart when ``country`` is taken out
    of the projection, and how many pairs of other countries there are (cell after
    Exercise 8: none of 1,830 for Korea, since Japan is in every club Korea is in)."""
    import networkx as nx

    full = networks.projection(groupings)
    before = dict(nx.all_pairs_shortest_path_length(full))
    rest = full.copy()
    rest.remove_node(country)
    after = dict(nx.all_pairs_shortest_path_length(rest))
    others = list(rest.nodes)
    pairs = [(a, b) for i, a in enumerate(others) for b in others[i + 1 :]]
    farther = sum(after[a].get(b, math.inf) > before[a][b] for a, b in pairs)
    return farther, len(pairs)


def _china_move() -> int:
    return _rank("China", "betweenness") - _rank("China", "betweenness", TWELVE)


def _rare_earths_china() -> float:
    """China's share of world rare-earth mine production in 2024 (USGS), as lesson 06."""
    table = minerals.producers("rare earths", 2024)
    return float(table.loc[table["iso3"] == "CHN", "share_pct"].iloc[0])


def _cap() -> float:
    """The CRMA's single-third-country ceiling (policy_targets)."""
    return policy.target_value("eu-single-country")


ENTRIES = [
    # the retrieval starter (lesson 06): the single-country cap
    Claim("China mined about 71 % of the world's rare earths", _rare_earths_china),
    Claim("**65 % single-country ceiling**", _cap),
    Claim("It passes: 65 % is a floor", _cap),
    Claim("and 71 % is above it", _rare_earths_china),
    Claim(
        "about 9 %: (71",
        lambda: (_rare_earths_china() - _cap()) / _cap() * 100,
    ),
    # section 1: the clubs (sizes as the sources state them, checked against the rows)
    Claim("19 countries, the European Union", lambda: _members("G20")),
    Claim("38 member countries", lambda: _members("OECD")),
    Claim("the 27 member states", lambda: _members("EU")),
    Claim("32 members since Sweden", lambda: _members("NATO")),
    Claim("(14 countries and the EU)", lambda: _members("MSP")),
    Claim("has 19 members here", lambda: _members("G20")),
    Claim("Economic Framework for Prosperity (14 partners)", lambda: _members("IPEF")),
    Fixed("listed Belgium as a 15th country", "Segye Ilbo, 19 November 2025 (MSP meeting)"),
    # section 2: the graphs
    Claim("62 countries plus", lambda: _n()),
    Claim("plus 10 clubs", lambda: len(TEN)),
    Claim("make 72 nodes", lambda: networks.graph().number_of_nodes()),
    Claim("the 163 country memberships", lambda: networks.graph().number_of_edges()),
    Claim("linked with weight 3", lambda: networks.projection()["Korea"]["Italy"]["weight"]),
    # section 3: centrality over the ten
    Claim("with 59 of the", lambda: _degree("United States")),
    Claim("of the 61 other countries", lambda: _n() - 1),
    Claim("tie on 53", lambda: _degree("Korea")),
    Claim("none of the 1,830 pairs", lambda: pairs_farther("Korea")[1]),
    # section 4: Jaccard
    Claim("0.33 became", lambda: networks.jaccard("Korea", "Italy"), digits=2),
    Claim("became 0.43", lambda: networks.jaccard("Korea", "Italy", _without_nato()), digits=2),
    # section 5: adding RCEP and APEC
    Claim("all 15 members by June 2023", lambda: _members("RCEP")),
    Claim("a forum of 21 **member economies**", lambda: _members("APEC")),
    Claim("rises from 39th", lambda: _rank("China", "betweenness")),
    Claim("of 62 to", _n),
    Claim("to 15th of", lambda: _rank("China", "betweenness", TWELVE)),
    Claim("of 68, and", lambda: _n(TWELVE)),
    Claim("near the top (3rd,", lambda: _rank("Korea", "betweenness", TWELVE)),
    Claim("rises from 28th", lambda: _rank("Korea", "eigenvector")),
    Claim("to 12th. Italy", lambda: _rank("Korea", "eigenvector", TWELVE)),
    Claim("slips from 6th", lambda: _rank("Italy", "betweenness")),
    Claim("to 9th by betweenness", lambda: _rank("Italy", "betweenness", TWELVE)),
    Claim("from 2nd to", lambda: _rank("Italy", "degree")),
    Claim("to 8th by degree", lambda: _rank("Italy", "degree", TWELVE)),
    # the model answers
    Claim("(Jaccard 0.33)", lambda: networks.jaccard("Korea", "Italy"), digits=2),
    Claim("(2nd over the ten clubs", lambda: _rank("Korea", "betweenness")),
    Claim("3rd, tied, over twelve", lambda: _rank("Korea", "betweenness", TWELVE)),
    Claim("moved China up 24 places", _china_move),
    # summary
    Claim("share **3 of", lambda: len(networks.shared("Korea", "Italy")[0])),
    Claim("of 10** clubs", lambda: len(TEN)),
    Claim("similarity** is 0.33", lambda: networks.jaccard("Korea", "Italy"), digits=2),
    Claim("rises to 0.43", lambda: networks.jaccard("Korea", "Italy", _without_nato()), digits=2),
    Claim("China up 24 places by betweenness", _china_move),
    Claim("similarity to 0.27", lambda: networks.jaccard("Korea", "Italy", TWELVE), digits=2),
    # after Exercise 12
    Claim("(0.27 against", lambda: networks.jaccard("Korea", "Italy", TWELVE), digits=2),
    Claim("against 0.33)", lambda: networks.jaccard("Korea", "Italy"), digits=2),
]


def _without_nato() -> list[str]:
    return [g for g in TEN if g not in ("NATO", "NATO IP4")]
