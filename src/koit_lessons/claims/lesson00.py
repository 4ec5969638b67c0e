"""The numbers in lesson 00's prose."""

from __future__ import annotations

from koit_lessons import minerals
from koit_lessons.claims import Claim, Fixed

YEAR = 2024
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
    Fixed("above the 1,800 line", GUIDELINES),
    Fixed("above 1,800 counts as *highly concentrated*", GUIDELINES),
    Fixed("0–10,000", "definition: 0 to 100 squared"),
    # the model answer of the Think! question
    Claim("about 99 % of the world's primary gallium", lambda: _top1("gallium")),
    Claim("about 79 % of its natural graphite", lambda: _top1("graphite")),
    Claim("HHI about 9,700", lambda: minerals.concentration("gallium", YEAR)["hhi"], digits=-2),
    Claim("and 6,400)", lambda: minerals.concentration("graphite", YEAR)["hhi"], digits=-2),
    Claim("about 76 % of its cobalt", lambda: _top1("cobalt")),
    Claim(
        "under 1 %",
        lambda: max(_share(m, "KOR") for m in ("gallium", "graphite", "cobalt")),
        relation="under",
    ),
]
