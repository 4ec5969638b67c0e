"""The numbers in lesson 04's prose."""

from __future__ import annotations

import re

from koit_lessons import data, minerals
from koit_lessons.claims import Claim, Fixed

YEAR = 2024  # the latest year USGS Mineral Commodity Summaries 2026 revised
USGS_2025 = (
    "USGS, Mineral Commodity Summaries 2025 (data release MCS2025_World_Data.csv): the first "
    "estimates for 2024 and the reserves as of 2024, which the 2026 edition replaced"
)
USGS_V13 = (
    "USGS, Mineral Commodity Summaries 2026 version history, version 1.3 (27 May 2026), "
    "https://pubs.usgs.gov/periodicals/mcs2026/versionHist.txt"
)
REFINING = minerals.PROCESSING
GUIDELINES = (
    "U.S. Department of Justice and Federal Trade Commission, Merger Guidelines (2023), Guideline 1"
)
IEA_PAGE = (
    "IEA, Critical Minerals topic page, key findings of the Global Critical Minerals Outlook "
    "2025 (https://www.iea.org/topics/critical-minerals), quoted"
)
MHL = (
    "MH&L, 'Supply gap in critical minerals' (2024), quoting the IEA Global Critical Minerals "
    "Outlook 2024 (a projection for 2030)"
)


def _concentration(mineral: str, key: str, dataset: str = minerals.DATASET) -> float:
    return minerals.concentration(mineral, YEAR, dataset=dataset)[key]


def _share_of(mineral: str, iso3: str, year: int) -> float:
    table = minerals.producers(mineral, year)
    return float(table.loc[table["iso3"] == iso3, "share_pct"].sum())


def _bauxite_idn_2024() -> float:
    """Indonesia's 2024 bauxite mining as revised in MCS 2026 (thousand dry t)."""
    table = minerals.producers("bauxite", YEAR)
    return float(table.loc[table["iso3"] == "IDN", "production"].iloc[0])


def _world_reserves_million(mineral: str) -> float:
    return _world_reserves(mineral) / 1e6


def _share_sum(mineral: str) -> float:
    """The sum of the countries' 2024 shares of world mine production (in %)."""
    return float(minerals.producers(mineral, 2024)["share_pct"].sum())


def _share(mineral: str, iso3: str, dataset: str = minerals.DATASET) -> float:
    table = minerals.producers(mineral, YEAR, dataset=dataset)
    return float(table.loc[table["iso3"] == iso3, "share_pct"].sum())


def _iea(mineral: str, stage: str, year: int, measure: str) -> float:
    df = data.load("iea_supply_concentration")
    row = df[
        (df["mineral"] == mineral)
        & (df["stage"] == stage)
        & (df["year"] == year)
        & (df["measure"] == measure)
    ]
    return float(row["share_pct"].iloc[0])


def _iea_average(year: int) -> float:
    """The IEA's average top-3 refining share of six key minerals."""
    return _iea("six-mineral average", "refining", year, "top-3 share (average)")


def _iea_china_rare_earths(stage: str) -> float:
    """China's share of rare-earth mining or refining in 2023 (a press report of the IEA)."""
    return _iea("rare earths", stage, 2023, "top-1 share")


def _usgs_nickel_top3_2023() -> float:
    """The top-3 share of nickel mining in 2023 by USGS (MCS 2025), section 5."""
    return minerals.concentration("nickel", 2023, dataset=minerals.EARLIER)["top3_pct"]


def _nickel_gap_pp() -> float:
    """USGS's minus the IEA's top-3 share of nickel mining in 2023, in percentage points."""
    return _usgs_nickel_top3_2023() - _iea("nickel", "mining", 2023, "top-3 share")


def _world_reserves(mineral: str) -> float:
    df = data.table(minerals.RESERVES)
    world = df[(df["mineral"] == mineral) & (df["kind"] == "world")]
    return float(world["reserves"].iloc[0])


def _reserves_million(mineral: str, iso3: str) -> float:
    table = minerals.reserve_holders(mineral)
    return float(table.loc[table["iso3"] == iso3, "reserves"].iloc[0]) / 1e6


def _jorc_million(mineral: str, iso3: str) -> float:
    """Australia's JORC-compliant reserves, as the data's note states them (million t)."""
    df = data.table(minerals.RESERVES)
    note = df.loc[(df["mineral"] == mineral) & (df["iso3"] == iso3), "note"].iloc[0]
    return float(re.search(r"reserves were ([\d.]+) million", note).group(1))


ENTRIES = [
    # the retrieval starter (lesson 00): lithium's top-3 share, graphite's HHI
    Claim("About 37 %, Australia's share", lambda: _share("lithium", "AUS")),
    Fixed("100 %: the three of them", "definition: the whole world total is 100 %"),
    Claim(
        "(Herfindahl–Hirschman index) of about 6,800",
        lambda: _concentration("graphite", "hhi"),
        digits=-2,
    ),
    # Back to Seoul (section 3): Korea refines copper it does not mine
    Claim(
        "refined about 2 % of the world's refined copper",
        lambda: _share("copper", "KOR", REFINING),
    ),
    # introduction and summary: the IEA's average top-3 refining share (shipped data)
    Claim("**86% in 2024**", lambda: _iea_average(2024)),
    Claim("**82% in 2020**", lambda: _iea_average(2020)),
    Claim("at 86 % in 2024", lambda: _iea_average(2024)),
    Claim("around 82 % in 2020", lambda: _iea_average(2020)),
    # section 1: copper and bauxite mining
    Claim("mined about 24 % of the world's copper", lambda: _concentration("copper", "top1_pct")),
    Claim("HHI (about 1,060)", lambda: _concentration("copper", "hhi"), digits=-1),
    Fixed("far below the 1,800 line", GUIDELINES),
    Fixed("is above the 1,800 line", GUIDELINES),
    Claim("(about 2,100)", lambda: _concentration("bauxite", "hhi"), digits=-2),
    # section 2: reserves
    Fixed("from 30 million t in the 2025 edition", USGS_2025),
    Fixed("at 30 million t in its 2025 edition", USGS_2025),
    Claim("at 37 million t in its 2026 edition", lambda: _world_reserves_million("lithium")),
    Claim("to 37 million t in the 2026 one", lambda: _world_reserves_million("lithium")),
    Claim('">140,000,000 t" of nickel content', lambda: _world_reserves("nickel")),
    Claim('">75,000,000 t" of rare-earth-oxide', lambda: _world_reserves("rare earths")),
    Claim("only 5.1 million t", lambda: _jorc_million("lithium", "AUS"), digits=1),
    Claim("of its 8.4 million t", lambda: _reserves_million("lithium", "AUS"), digits=1),
    Fixed("from 21 million t to 11 million t", USGS_V13),
    Claim("to 11 million t in a correction", lambda: _reserves_million("rare earths", "BRA")),
    # section 3: copper refining
    Claim(
        "(27,600 kt in 2024)",
        lambda: minerals.world_total("copper", YEAR, dataset=REFINING),
        digits=-2,
    ),
    Claim("(23,000 kt)", lambda: minerals.world_total("copper", YEAR), digits=-3),
    Claim("about 2 % of the world total", lambda: _share("copper", "KOR", REFINING)),
    # section 4: bauxite, alumina, silicon
    Claim("HHI of about 2,100", lambda: _concentration("bauxite", "hhi"), digits=-2),
    Fixed("above the 1,800 line.", GUIDELINES),
    Claim("China made about 87 % of it", lambda: _concentration("silicon", "top1_pct", REFINING)),
    # the model answer of the Think! question (and the summary)
    Claim("China mined about 8 %", lambda: _share("copper", "CHN")),
    Claim(
        "refined about 45 % of the world's refined copper",
        lambda: _share("copper", "CHN", REFINING),
    ),
    Claim("refined about 60 % of the world's alumina", lambda: _share("alumina", "CHN", REFINING)),
    Claim("had about 33 % of mining", lambda: _share("bauxite", "GIN")),
    # the model answer quotes the IEA's own sentence (read on its page, see
    # docs/research/iea_refining/notes.md); its two figures are also in the shipped data
    Claim("rose to 86% in 2024 from around", lambda: _iea_average(2024)),
    Claim("share rose to 86% in 2024", lambda: _iea_average(2024)),
    Claim("from around 82% in 2020.", lambda: _iea_average(2020)),
    # section 5: the IEA's view (shipped data: iea_supply_concentration)
    Claim("China alone 62 % of mining", lambda: _iea_china_rare_earths("mining")),
    Claim("together (85 %", lambda: _iea("rare earths", "mining", 2023, "top-3 share")),
    Claim("and 98 %)", lambda: _iea("rare earths", "refining", 2023, "top-3 share")),
    # section 5: percentage points, Exercise 11 and the glossary (USGS 2023 vs the IEA)
    Claim("USGS's 71.3 %", _usgs_nickel_top3_2023, digits=1),
    Claim("and the IEA's 69 %", lambda: _iea("nickel", "mining", 2023, "top-3 share")),
    Claim("differ by 2.3 pp", _nickel_gap_pp, digits=1),
    Claim("nickel miners 71.3 % in 2023", _usgs_nickel_top3_2023, digits=1),
    Claim("the IEA 69 %", lambda: _iea("nickel", "mining", 2023, "top-3 share")),
    Claim("percentages: 71.3 %", _usgs_nickel_top3_2023, digits=1),
    Claim("and 69 % differ", lambda: _iea("nickel", "mining", 2023, "top-3 share")),
    Claim("differ by 2.3 percentage points", _nickel_gap_pp, digits=1),
    Claim("but 92 % of refining in 2023", lambda: _iea_china_rare_earths("refining")),
    Claim(
        "**69 %** of nickel mining in 2023", lambda: _iea("nickel", "mining", 2023, "top-3 share")
    ),
    Fixed('"over 90% of battery-grade graphite', MHL),
    Fixed("usually add up to less than 100 %", "definition: 'Other countries' is left out"),
    Claim(
        "add up to slightly more than 100 %",
        lambda: min(_share_sum(m) for m in ("graphite", "rare earths", "lithium")),
        relation="over",
    ),
    # the Think! discussion: three articles
    Claim('"China has 71 % of rare earths"', lambda: _share("rare earths", "CHN")),
    # section 5: revisions between editions
    Fixed("2024 bauxite mining at 32,000 thousand t", USGS_2025),
    Claim("at 9,900 thousand t", _bauxite_idn_2024, digits=-2),
    Claim('another "62 %"', lambda: _iea_china_rare_earths("mining")),
    Claim('a third "92 %"', lambda: _iea_china_rare_earths("refining")),
    # its model answer (issue 20)
    Fixed("**more than 5 %**", "the threshold chosen for exercise 6's filter (a definition)"),
    Claim("The 71 % is China's share", lambda: _share("rare earths", "CHN")),
    Claim("The 62 % is its share", lambda: _iea_china_rare_earths("mining")),
    Claim("The 92 % is its share", lambda: _iea_china_rare_earths("refining")),
    Claim("China mined 71 % of the world's rare earths", lambda: _share("rare earths", "CHN")),
]
