"""The numbers in lesson 06's prose.

The targets (the CRMA's benchmarks and cap, Korea's 2030 targets and their baselines) are
claims on the ``policy_targets`` data set, so the prose follows the data there too.
"""

from __future__ import annotations

from koit_lessons import data, minerals, policy
from koit_lessons.claims import Claim, Fixed

YEAR = 2024  # the latest year USGS Mineral Commodity Summaries 2026 revised
STARTER = "lesson 05's scenario: a cut chosen for the exercise, not a forecast"


def _target(target_id: str) -> float:
    return policy.target_value(target_id)


def _baseline(target_id: str) -> float:
    """The "current" value a Korean target starts from (the ``baseline`` column)."""
    table = policy.targets().set_index("target_id")
    return float(table.loc[target_id, "baseline"])


def _cap() -> float:
    return _target("eu-single-country")


def _korea_goal() -> float:
    return _target("kor-single-country")


def _share(mineral: str, iso3: str, year: int = YEAR) -> float:
    # 2023 is only in the 2025 edition (mineral_production_2023); the lesson says so
    dataset = minerals.EARLIER if year == 2023 else minerals.DATASET
    table = minerals.producers(mineral, year, dataset=dataset)
    return float(table.loc[table["iso3"] == iso3, "share_pct"].sum())


def _iea_china_rare_earths(stage: str) -> float:
    """China's share of rare-earth mining or refining in 2023 (a press report of the IEA)."""
    df = data.load("iea_supply_concentration")
    row = df[
        (df["mineral"] == "rare earths")
        & (df["stage"] == stage)
        & (df["year"] == 2023)
        & (df["measure"] == "top-1 share")
    ]
    return float(row["share_pct"].iloc[0])


def _korea_lithium_china() -> float:
    """China's share of Korea's lithium hydroxide imports in 2023 (KITA)."""
    return float(policy.import_portfolio("Korea", "lithium hydroxide", 2023)["China"])


ENTRIES = [
    # section 1: the targets
    Claim("**10 / 40 / 25 %**", lambda: _target("eu-extraction")),
    Claim("40 / 25 %**", lambda: _target("eu-processing")),
    Claim("25 %** benchmarks", lambda: _target("eu-recycling")),
    Claim("The EU's **65 %** is a ceiling", _cap),
    Claim("no more than 65 % of the EU's", _cap),
    Claim("Korea's **50 %** is also a ceiling", _korea_goal),
    Claim("down from a stated **80 %**", lambda: _baseline("kor-single-country")),
    Claim("from **2 %**", lambda: _baseline("kor-recycling")),
    Claim("to **20 %**", lambda: _target("kor-recycling")),
    Claim("from **54**", lambda: _baseline("kor-stockpile")),
    Claim("to **100 days**", lambda: _target("kor-stockpile")),
    Claim("the 80 → 50 % target", lambda: _baseline("kor-single-country")),
    Claim("→ 50 % target", _korea_goal),
    Claim("we apply Korea's 50 % to one supplier", _korea_goal),
    # starter: lesson 05's rule 1 on a 25 % cut of Congo (Kinshasa)'s cobalt
    Claim("mined about 75 % of the world's cobalt", lambda: _share("cobalt", "COD")),
    Fixed("cut its output by **25 %**", STARTER),
    Fixed("**a** 25 % of world supply: the size of the cut", STARTER + " (a wrong option)"),
    Claim("About 19 % of world supply", lambda: _share("cobalt", "COD") * 25 / 100),
    Claim(
        "About 50 % of world supply: the share minus the cut",
        lambda: _share("cobalt", "COD") - 25,
    ),
    # section 2: the definition of a percentage point
    Fixed("a 70 % share is 5 pp above a 65 % cap", "definition: worked example"),
    # section 2: testing against the cap (exercises 1 and 2; the summary)
    Claim("above the 65 % cap, as an illustration", _cap),
    Claim("are over 65 %", _cap),
    Claim("more than 65 % of world production", _cap),
    # section 3: mining is not the whole chain
    Claim("mining share at 62 %", lambda: _iea_china_rare_earths("mining")),
    Claim("USGS at 68 % (2023, in its 2025 edition)", lambda: _share("rare earths", "CHN", 2023)),
    Claim("and 71 % (2024, in its 2026 edition)", lambda: _share("rare earths", "CHN")),
    Claim("near a 65 % line", _cap),
    Claim("above the 65 % cap", _cap),
    Claim("its 40 % processing benchmark", lambda: _target("eu-processing")),
    # exercise 1: what the processing benchmark measures
    Claim("— 40 % of what?", lambda: _target("eu-processing")),
    Claim("Its processing benchmark is 40 %", lambda: _target("eu-processing")),
    Claim("its 10 % extraction benchmark", lambda: _target("eu-extraction")),
    # exercise 5: the prediction (before the IEA's figures)
    Claim("Below 65 %: refining", _cap),
    Claim("Far above 65 %: further", _cap),
    Claim("a few points over the 65 % cap in 2024", _cap),
    # section 4: Korea's imports, the EU's (exercise 8) and back to Seoul
    Claim("Korea's 50 % figure", _korea_goal),
    Claim("**below** the 65 % cap", _cap),
    Claim("far over the 50 % figure of Korea's own strategy", _korea_goal),
    Claim("pass the 65 % line by weight", _cap),
    # section 4: the re-entry recap and what the data cannot say
    Claim("over the EU's 65 % cap in 2024", _cap),
    Claim("from 50 % with one supplier", _korea_goal),
    # exercise 6 (two steps) and exercise 9 (passing is not being safe)
    Claim("passes the 65 % cap and which fails", _cap),
    Claim("pass the 65 % single-country line", _cap),
    Claim("add up to more than 65 %", _cap),
    # section 5: the two lists
    Claim("the Regulation) names 17", lambda: len(policy.strategic_list("European Union"))),
    Claim("strategy names 10", lambda: len(policy.strategic_list("Korea"))),
    # the model answer of the Think! question
    Claim("about 71 % of the world's rare earths", lambda: _share("rare earths", "CHN")),
    Claim("and 82 % of its graphite", lambda: _share("graphite", "CHN")),
    Claim("Congo (Kinshasa) about 75 % of its cobalt", lambda: _share("cobalt", "COD")),
    Claim("top share was 92 % in 2023", lambda: _iea_china_rare_earths("refining")),
    Claim("27 points above", lambda: _iea_china_rare_earths("refining") - _cap()),
    Claim("the EU's 65 % cap", _cap),
    Claim("Korea's 100-day goal", lambda: _target("kor-stockpile")),
    Claim("still 79.6 % from China in 2023", _korea_lithium_china, digits=1),
    Claim("29.6 points above its goal", lambda: _korea_lithium_china() - _korea_goal(), digits=1),
    # the discussion's model answer (teacher version)
    Claim("25 % benchmarks), with a cap", lambda: _target("eu-recycling")),
    Claim("towards 40 % of its own", lambda: _target("eu-processing")),
    Claim("puts at about 80 %, fell", lambda: _baseline("kor-single-country")),
    Claim("fell towards 50 %. One", _korea_goal),
    Claim("imports was 79.6 % in 2023", _korea_lithium_china, digits=1),
    # summary
    Claim("(92 % vs 62 %, IEA", lambda: _iea_china_rare_earths("refining")),
    Claim("62 %, IEA, 2023)", lambda: _iea_china_rare_earths("mining")),
    Claim("at least **10 %** EU extraction", lambda: _target("eu-extraction")),
    Claim("**40 %** processing", lambda: _target("eu-processing")),
    Claim("**25 %** recycling", lambda: _target("eu-recycling")),
    Claim("at most **65 %** from any single third country", _cap),
    Claim("from about **80 %**", lambda: _baseline("kor-single-country")),
    Claim("to **50 %** by 2030", _korea_goal),
    Claim("recycling from 2 %", lambda: _baseline("kor-recycling")),
    Claim("to 20 % and stockpiles", lambda: _target("kor-recycling")),
    Claim("from 54 to", lambda: _baseline("kor-stockpile")),
    Claim("to 100 days (no deadline", lambda: _target("kor-stockpile")),
    Claim("was above 65 % for graphite", _cap),
    # glossary: the worked example of a percentage-point difference
    Claim("(79.6 % −", _korea_lithium_china, digits=1),
    Claim("− 50 % =", _korea_goal),
    Claim("= 29.6 pp", lambda: _korea_lithium_china() - _korea_goal(), digits=1),
]
