"""The numbers in lesson 09's prose.

The capstone's numbers depend on the student's topic; the prose states only the worked
example's (gallium, the notebook's default ``TOPIC``) and the rules the lesson applies
(the 1,800 line, the shock model).
"""

from __future__ import annotations

from koit_lessons import capstone, minerals
from koit_lessons.claims import Claim, Fixed

TOPIC = "gallium"
YEAR = 2024  # capstone.MINERAL_YEAR: the latest year USGS Mineral Commodity Summaries 2026 revised
#: the model answer's scenario: the top supplier halves its output, elasticity 0.5
CUT, ELASTICITY = 50, 0.5
GUIDELINES = (
    "U.S. Department of Justice and Federal Trade Commission, Merger Guidelines (2023), Guideline 1"
)
GUIDELINES_1992 = (
    "U.S. Department of Justice and Federal Trade Commission, Horizontal Merger Guidelines "
    "(1992), section 1.51 (the bands of metrics.hhi_band)"
)


def _profile(field: str) -> float:
    return capstone.profile(TOPIC)[field]


def _share(who: str) -> float:
    return capstone.share_of(TOPIC, who)


def _tonnes(iso3: str | None = None) -> float:
    """Gallium production in t (the data are in kg): a country's, or the world's."""
    if iso3 is None:
        return minerals.world_total(TOPIC, YEAR) / 1000
    table = minerals.producers(TOPIC, YEAR)
    return float(table.loc[table["iso3"] == iso3, "production"].sum()) / 1000


def _supply_lost() -> float:
    return capstone.scenario(TOPIC, CUT)["supply_lost_pct"]


def _price_rise(stockpile_months: float) -> float:
    return capstone.scenario(TOPIC, CUT, elasticity=ELASTICITY, stockpile_months=stockpile_months)[
        "price_change_pct"
    ]


def _nickel_top1() -> float:
    """The starter's shock: Indonesia's share of world nickel mine production, 2024."""
    return float(minerals.producers("nickel", YEAR)["share_pct"].iloc[0])


def _alumina_top1() -> float:
    return minerals.concentration("alumina", YEAR, dataset="mineral_processing")["top1_pct"]


ENTRIES = [
    # the starter (lesson 05's rule on nickel, 2024)
    Claim("about 62 % of the world's nickel", _nickel_top1),
    Fixed("About 50 %: the size of the cut", "definition: the starter's cut (an answer option)"),
    Claim("About 31 %: half of Indonesia's share", lambda: _nickel_top1() / 2),
    Claim("About 62 %: Indonesia's share", _nickel_top1),
    # Exercises 2 and 5 and the shock model (rules, not data)
    Fixed("at least** 10 % — 10 % itself included", "definition: the exercise's line"),
    Fixed("an HHI above 1,800", GUIDELINES),
    Fixed("called 1,000 to 1,800 **moderately concentrated** and below 1,000", GUIDELINES_1992),
    Fixed("Unconcentrated (below 1,000)", GUIDELINES_1992),
    Fixed("Moderately concentrated (1,000 to 1,800)", GUIDELINES_1992),
    Fixed("Highly concentrated (above 1,800)", GUIDELINES),
    Fixed("the world loses *s* × *c* / 100 % of its supply", "definition: lesson 05's model"),
    Fixed("every cut from 0 to 100 %", "definition: the range of cuts the figure draws"),
    Fixed("cuts its output by half (50 %)", "definition: the exercise's scenario"),
    Fixed('write "not listed", never "0 %"', "definition: how a brief states a missing share"),
    Fixed("stops altogether** (a cut of 100 %)", "definition: Exercise 8's scenario"),
    # Part D's example of a quoted number
    Claim("about 99 % of the world's primary low-purity gallium", lambda: _profile("top1_pct")),
    # Brief 1, model answer
    Claim("about **98.9 %**", lambda: _profile("top1_pct"), digits=1),
    Claim("a rounded world total of 848 t", _tonnes, digits=0),
    Claim("(China, Russia, Japan) **100.0 %**", lambda: _profile("top3_pct"), digits=1),
    Claim("the HHI is about **9,790**", lambda: _profile("hhi"), digits=-1),
    Fixed("of a possible 10,000", "definition: 100 squared"),
    Fixed("far above the 1,800 line", GUIDELINES),
    # Brief 2, model answer
    Claim("the world would lose about **49 %**", _supply_lost),
    Claim("(Russia, the next, produced 0.7 %)", lambda: _share("Russia"), digits=1),
    Claim("price rise of about **99 %**", lambda: _price_rise(0)),
    Claim("three months of stocks, about **74 %**", lambda: _price_rise(3)),
    # Brief 3, model answer
    Claim("about **60 %** of the world's refined alumina", _alumina_top1),
    Claim("lowers the 99 % share itself", lambda: _profile("top1_pct")),
    Claim("Chinese supply from about 99 %", lambda: _price_rise(0)),
    Claim("to 74 %. Korea and Italy", lambda: _price_rise(3)),
]
