"""The numbers in lesson 04's prose."""

from __future__ import annotations

import re

from koit_lessons import data, minerals
from koit_lessons.claims import Claim, Fixed

YEAR = 2024
REFINING = minerals.PROCESSING
GUIDELINES = (
    "U.S. Department of Justice and Federal Trade Commission, Merger Guidelines (2023), Guideline 1"
)
MHL = (
    "MH&L, 'Supply gap in critical minerals' (2024), quoting the IEA Global Critical Minerals "
    "Outlook 2024 (a projection for 2030)"
)


def _concentration(mineral: str, key: str, dataset: str = minerals.DATASET) -> float:
    return minerals.concentration(mineral, YEAR, dataset=dataset)[key]


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
    # introduction and summary: the IEA's average top-3 refining share (shipped data)
    Claim("**86% in 2024**", lambda: _iea_average(2024)),
    Claim("**82% in 2020**", lambda: _iea_average(2020)),
    Claim("at 86 % in 2024", lambda: _iea_average(2024)),
    Claim("around 82 % in 2020", lambda: _iea_average(2020)),
    # section 1: copper and bauxite mining
    Claim("mined about 23 % of the world's copper", lambda: _concentration("copper", "top1_pct")),
    Claim("HHI (about 1,040)", lambda: _concentration("copper", "hhi"), digits=-1),
    Fixed("far below the 1,800 line", GUIDELINES),
    Fixed("just above the 1,800 line", GUIDELINES),
    Claim("(about 1,900)", lambda: _concentration("bauxite", "hhi"), digits=-2),
    # section 2: reserves
    Claim('">130,000,000 t" of nickel content', lambda: _world_reserves("nickel")),
    Claim('">90,000,000 t" of rare-earth-oxide', lambda: _world_reserves("rare earths")),
    Claim("only 4.8 million t", lambda: _jorc_million("lithium", "AUS"), digits=1),
    Claim("of its 7.0 million t", lambda: _reserves_million("lithium", "AUS"), digits=1),
    # section 3: copper refining
    Claim(
        "(27,000 kt in 2024)",
        lambda: minerals.world_total("copper", YEAR, dataset=REFINING),
        digits=-3,
    ),
    Claim("(23,000 kt)", lambda: minerals.world_total("copper", YEAR), digits=-3),
    Claim("about 2 % of the world total", lambda: _share("copper", "KOR", REFINING)),
    # section 4: bauxite, alumina, silicon
    Claim("HHI of about 1,900", lambda: _concentration("bauxite", "hhi"), digits=-2),
    Claim("China made about 85 % of it", lambda: _concentration("silicon", "top1_pct", REFINING)),
    # the model answer of the Think! question (and the summary)
    Claim("China mined under 8 %", lambda: _share("copper", "CHN"), relation="under"),
    Claim(
        "refined about 44 % of the world's refined copper",
        lambda: _share("copper", "CHN", REFINING),
    ),
    Claim("refined about 59 % of the world's alumina", lambda: _share("alumina", "CHN", REFINING)),
    Claim("had about 29 % of mining", lambda: _share("bauxite", "GIN")),
    # section 5: the IEA's view (shipped data: iea_supply_concentration)
    Claim("China 62 % of mining", lambda: _iea_china_rare_earths("mining")),
    Claim("but 92 % of refining in 2023", lambda: _iea_china_rare_earths("refining")),
    Claim(
        "**69 %** of nickel mining in 2023", lambda: _iea("nickel", "mining", 2023, "top-3 share")
    ),
    Fixed('"over 90% of battery-grade graphite', MHL),
    Fixed("usually add up to less than 100 %", "definition: 'Other countries' is left out"),
    Claim(
        "add up to slightly more than 100 %",
        lambda: min(_share_sum(m) for m in ("graphite", "rare earths", "gallium")),
        relation="over",
    ),
    # the Think! discussion: three articles
    Claim('"China has 69 % of rare earths"', lambda: _share("rare earths", "CHN")),
    Claim('another "62 %"', lambda: _iea_china_rare_earths("mining")),
    Claim('a third "92 %"', lambda: _iea_china_rare_earths("refining")),
]
