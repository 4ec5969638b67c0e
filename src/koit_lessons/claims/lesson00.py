"""The numbers in lesson 00's prose."""

from __future__ import annotations

from koit_lessons import minerals
from koit_lessons.claims import Claim, Fixed

YEAR = 2024  # the latest year USGS Mineral Commodity Summaries 2026 revised
USGS_GRAPHITE = (
    "USGS, Mineral Commodity Summaries 2026, natural graphite chapter: 'In 2025, China was "
    "the world's leading natural graphite supplier, producing an estimated 82% of total world "
    "production.' (https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-graphite.pdf)"
)
GUIDELINES = (
    "U.S. Department of Justice and Federal Trade Commission, Merger Guidelines (2023), Guideline 1"
)


def _top1(mineral: str) -> float:
    return minerals.concentration(mineral, YEAR)["top1_pct"]


def _share(mineral: str, iso3: str) -> float:
    table = minerals.producers(mineral, YEAR)
    return float(table.loc[table["iso3"] == iso3, "share_pct"].sum())


ENTRIES = [
    # section 3: the HHI, explained with a made-up example
    Fixed("50 %, 30 % and 20 %", "worked example"),
    Fixed("to 10,000 (one producer has everything)", "definition: 100 squared"),
    Fixed("HHI above 1,800", GUIDELINES),
    Fixed("By the 1,800 line", GUIDELINES),
    Fixed("above 1,800 counts as *highly concentrated*", GUIDELINES),
    Fixed("0–10,000", "definition: 0 to 100 squared"),
    # exercise 6: predict the HHI of a made-up market
    Fixed("have 25 % each", "worked example"),
    Fixed("the 3,800 of", "worked example: 50^2 + 30^2 + 20^2"),
    Fixed("add up to 100 % in both markets", "definition: the shares of a whole add up to 100"),
    # the model answer of the Think! question
    Claim("about 99 % of the world's primary gallium", lambda: _top1("gallium")),
    Claim("about 82 % of its natural graphite", lambda: _top1("graphite")),
    Claim("HHI about 9,800", lambda: minerals.concentration("gallium", YEAR)["hhi"], digits=-2),
    Claim("and 6,800;", lambda: minerals.concentration("graphite", YEAR)["hhi"], digits=-2),
    Fixed('"an estimated 82%" of world graphite production in 2025', USGS_GRAPHITE),
    Claim("about 75 % of its cobalt", lambda: _top1("cobalt")),
    Claim(
        "under 1 %",
        lambda: max(_share(m, "KOR") for m in ("gallium", "graphite", "cobalt")),
        relation="under",
    ),
]
