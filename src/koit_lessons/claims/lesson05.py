"""The numbers in lesson 05's prose."""

from __future__ import annotations

from koit_lessons import minerals, policy, shocks
from koit_lessons.claims import Claim, Fixed

YEAR = 2024  # the latest year USGS Mineral Commodity Summaries 2026 revised
#: the lesson's scenario: China halves its rare-earth mining; the assumed elasticity
CUT = 50.0
ELASTICITY = 0.5
SCENARIO = "model assumption: the lesson's example shock (a cut the student or lesson chooses)"
GUIDELINES = (
    "U.S. Department of Justice and Federal Trade Commission, Merger Guidelines (2023), Guideline 1"
)
TARGET = "model assumption: the exercise's target price rise"
EUROSTAT = (
    "Eurostat, 'Imports of rare earth elements saw 30% drop in 2024' (news item, "
    "9 April 2025): the title of the source"
)


def _share(mineral: str, iso3: str) -> float:
    table = minerals.producers(mineral, YEAR)
    return float(table.loc[table["iso3"] == iso3, "share_pct"].sum())


def _lost() -> float:
    """The share of world rare-earth supply lost when China halves its mining."""
    return shocks.supply_lost_pct(_share("rare earths", "CHN"), CUT)


def _price_rise(stockpile_months: float = 0) -> float:
    return shocks.price_change_pct(shocks.net_loss_pct(_lost(), stockpile_months), ELASTICITY)


def _constant_elasticity_rise() -> float:
    """The rise with a constant-elasticity demand curve, as section 3 computes it."""
    return ((1 - _lost() / 100) ** (-1 / ELASTICITY) - 1) * 100


def _import(importer: str, material: str, year: int, *partners: str) -> float:
    return float(policy.import_portfolio(importer, material, year)[list(partners)].sum())


def _lithium(year: int, partner: str = "China") -> float:
    return _import("Korea", "lithium hydroxide", year, partner)


def _magnets(year: int, partner: str = "China") -> float:
    return _import("Korea", "neodymium permanent magnets", year, partner)


ENTRIES = [
    # the retrieval starter (lesson 04): the HHI floor from one share
    Claim(
        "China mined about 71 % of the world's rare earths",
        lambda: _share("rare earths", "CHN"),
    ),
    Claim(
        "It is at least about 5,000",
        lambda: _share("rare earths", "CHN") ** 2,
        digits=-2,
        relation="over",
    ),
    Fixed("so highly concentrated (above 1,800)", GUIDELINES),
    # section 1: the elasticity, and the straight-line rule against a constant elasticity
    Fixed("a 1 % higher price lowers demand by 0.5 %", "definition of an elasticity of 0.5"),
    Fixed("only half as much per 1 % of price", "definition of an elasticity (an answer option)"),
    Claim("About 141 % instead", _constant_elasticity_rise),
    Claim("instead of 71 %", _price_rise),
    # section 2: supply lost
    Claim("(about 8 % and", lambda: _share("rare earths", "AUS")),
    Claim("and 7 %)", lambda: _share("rare earths", "MMR")),
    Fixed("rare-earth mine production by **50 %**", SCENARIO),
    # section 3: the price rule
    Claim("whole loss of about 36 %", _lost),
    Claim("a price rise of about 71 %", _price_rise),
    Claim("(That 71 % equals", _price_rise),
    Claim("China's 71 % share only by coincidence", lambda: _share("rare earths", "CHN")),
    Fixed("the 50 % cut halves the share", SCENARIO),
    Fixed("(China, rare earths, 50 %)", SCENARIO),
    # section 4: two shocks (exercise 3)
    Fixed("mine output by **40 %**", SCENARIO),
    Fixed("mine output by **25 %**", SCENARIO),
    Fixed("(−100 %)", SCENARIO),
    Fixed("(−50 %)", SCENARIO),
    Fixed("a 100 % cut is as large as a cut can be", "a wrong answer option: a whole output"),
    Fixed("from 10 % to 15 % is 5 percentage points", "definition: worked example"),
    Fixed("Shock B cuts less (25 %) than shock A (40 %)", SCENARIO),
    # section 5: the stockpile (exercise 4 and the model answer)
    Fixed("China cuts rare earths by 50 %", SCENARIO),
    Fixed("down to **20 %**", TARGET),
    Claim("(about 36 % of world supply", _lost),
    Claim("becomes about 18 %)", lambda: shocks.net_loss_pct(_lost(), 6)),
    Fixed("price rise to 20 % in our example", TARGET),
    # section 6: who is exposed
    Claim("China mined about 19 % of the world's lithium", lambda: _share("lithium", "CHN")),
    Claim("it supplied about 80 % of Korea's lithium hydroxide", lambda: _lithium(2023)),
    Fixed("Here is a 50 % cut in China's rare earths", SCENARIO),
    Claim("China supplied 84.7 %", lambda: _magnets(2023), digits=1),
    Claim(
        "and 46.3 % of the weight",
        lambda: _import("European Union", "rare earth elements (REE+)", 2024, "China"),
        digits=1,
    ),
    Claim(
        "of the EU's (48.3 %)",
        lambda: _import("European Union", "rare earth elements (REE+)", 2024, "Russia", "Malaysia"),
        digits=1,
    ),
    Fixed("lithium hydroxide fall by **50 %**", SCENARIO),
    # Exercise 5a: the newspaper's sentence quotes the two bars of the exposure chart
    Claim("as Europe (42 %", lambda: _magnets(2023) * CUT / 100),
    Claim(
        "vs 23 %)",
        lambda: _import("European Union", "rare earth elements (REE+)", 2024, "China") * CUT / 100,
    ),
    # the Think! discussion
    Claim("from about 88 % (2022)", lambda: _lithium(2022)),
    Claim("to about 80 % (2023)", lambda: _lithium(2023)),
    Claim("from about 11 %", lambda: _lithium(2022, "Chile")),
    Claim("to about 18 %", lambda: _lithium(2023, "Chile")),
    Fixed("China cutting rare earths by 50 %", SCENARIO),
    # summary
    Claim("more than a third (about 36 %)", _lost),
    Claim("China's 80 % of Korea's lithium hydroxide imports", lambda: _lithium(2023)),
    Claim("its 19 % of world lithium mining", lambda: _share("lithium", "CHN")),
    # glossary
    Fixed("(from 10 % to 15 % is 5 percentage points, but a rise of 50 %)", "definition"),
    Fixed('above 1,800 is "highly concentrated"', GUIDELINES),
    # sources: the figures as the press reports give them (shipped in import_sources)
    Claim("(China 79.6 % in 2023", lambda: _lithium(2023), digits=1),
    Claim("87.9 % in 2022; Chile", lambda: _lithium(2022), digits=1),
    Claim("Chile 17.5 %", lambda: _lithium(2023, "Chile"), digits=1),
    Claim("and 10.7 %)", lambda: _lithium(2022, "Chile"), digits=1),
    Claim("(China 84.7 % in 2023", lambda: _magnets(2023), digits=1),
    Claim("87.5 % in 2022", lambda: _magnets(2022), digits=1),
    Claim("Philippines 14.3 %", lambda: _magnets(2023, "Philippines"), digits=1),
    Claim("and 11 %)", lambda: _magnets(2022, "Philippines")),
    Claim(
        "(72.8 %)",
        lambda: _import("Korea", "cobalt oxide and cobalt hydroxide", 2022, "China"),
        digits=1,
    ),
    Claim("(93.9 %;", lambda: _import("Korea", "graphite", 2022, "China"), digits=1),
    Claim("lithium figure (87.9 %)", lambda: _lithium(2022), digits=1),
    Fixed("saw 30% drop in 2024", EUROSTAT),
]
