"""Checked exercises of lesson 06 (Policy answers). Answers are computed by
:mod:`koit_lessons.policy` from the shipped data, never typed in."""

from __future__ import annotations

from koit_lessons import data, policy
from koit_lessons.checks import Mistake, Question, question

YEAR = 2024


def _eu_cap() -> float:
    return policy.target_value("eu-single-country")


def _refining_top1(mineral: str) -> float:
    df = data.table("iea_supply_concentration")
    rows = df[(df["mineral"] == mineral) & (df["stage"] == "refining")]
    rows = rows[rows["measure"] == "top-1 share"].sort_values("year")
    return float(rows["share_pct"].iloc[-1])


question(
    Question(
        id="06-rare-earth-excess",
        prompt="Treat world rare-earth mine production in 2024 as a supply portfolio. By how "
        "many percentage points is the largest producer above the CRMA's 65% single-country "
        "threshold (an illustration, not a test of the EU's consumption)?",
        kind="number",
        unit="percentage points",
        tolerance=0.2,
        expected=lambda: (
            policy.single_country_check(
                policy.production_portfolio("rare earths", YEAR),
                _eu_cap(),
                rounding_pp=policy.USGS_ROUNDING_PP,
            ).excess_pp
        ),
        hint="Build the 2024 production portfolio of rare earths, test it against the 65 % cap"
        " with policy.single_country_check(), allowing for USGS's rounding "
        "(policy.USGS_ROUNDING_PP: USGS shares can add up to a little over 100), and read"
        " excess_pp.",
        explain="China's share of mining is only a few points above the cap.",
    )
)

question(
    Question(
        id="06-minerals-over-cap",
        prompt="Which minerals in the data had a single country supplying more than 65% of "
        "world production in 2024 (mine production; primary production for gallium)?",
        kind="names",
        expected=lambda: sorted(
            policy.cap_table(YEAR, _eu_cap()).query("not passes")["mineral"].tolist()
        ),
        hint="Use policy.cap_table(2024) and keep the rows where passes is False.",
        explain="All but gallium are over 65% at the mining stage, and gallium at its first "
        "refining stage (USGS reports primary production of low-purity gallium).",
    )
)

question(
    Question(
        id="06-refining-excess",
        prompt="The IEA reports the top refining country's share of rare earths (latest year "
        "in iea_supply_concentration). By how many percentage points is it above the 65% cap?",
        kind="number",
        unit="percentage points",
        tolerance=0.2,
        expected=lambda: _refining_top1("rare earths") - _eu_cap(),
        hint="Find the rare-earth refining row with measure 'top-1 share' and subtract 65.",
        explain="Now compare it with the mining figure of Exercise 3.",
    )
)

question(
    Question(
        id="06-korea-lithium-gap",
        prompt="In 2023, how many percentage points did China's share of Korea's lithium "
        "hydroxide imports exceed Korea's 50% figure (used here as an illustrative "
        "single-supplier threshold)?",
        kind="number",
        unit="percentage points",
        tolerance=0.2,
        expected=lambda: (
            policy.single_country_check(
                policy.import_portfolio("Korea", "lithium hydroxide", 2023),
                policy.target_value("kor-single-country"),
            ).excess_pp
        ),
        hint="Korea's goal is the value of 'kor-single-country' in policy.targets(); test "
        "policy.import_portfolio('Korea', 'lithium hydroxide', 2023) against it.",
        explain="China's share fell from 2022 to 2023, "
        "but it is still far above Korea's 50% figure.",
    )
)


def _measure(target_id: str) -> str:
    """What a target is a share of, e.g. "EU annual consumption of strategic raw materials"."""
    unit = policy.targets().set_index("target_id").loc[target_id, "unit"]
    return str(unit).removeprefix("% of ").strip()


def _options() -> dict[str, str]:
    """The choices of 06-processing-of-what: B is read from the data."""
    return {
        "A": "world production of strategic raw materials",
        "B": _measure("eu-processing"),
        "C": "the EU's imports from one single supplier country",
    }


def _targets(direction: str) -> list[str]:
    t = policy.targets()
    return sorted(t.loc[t["direction"] == direction, "target_id"])


question(
    Question(
        id="06-processing-of-what",
        mistakes=(
            Mistake(
                "world-not-eu-consumption",
                "a share of world production, as in the cap table; the benchmarks count the "
                "EU's own use",
                lambda: "A",
                "a CRMA benchmark read as a share of world production",
            ),
            Mistake(
                "cap-not-benchmark",
                "the measure of a single-supplier cap, not of a capacity benchmark",
                lambda: "C",
                "a capacity benchmark read as a limit on one supplier",
            ),
        ),
        prompt="The CRMA's 40 % processing benchmark is 40 % of what? A: world production of "
        "strategic raw materials; B: the EU's annual consumption of them; C: the EU's imports "
        "from one single supplier country.",
        kind="text",
        expected=lambda: next(k for k, v in _options().items() if v == _measure("eu-processing")),
        aliases=lambda: {v: k for k, v in _options().items()},
        hint="Read the unit column of the eu-processing row: what is the 40 % a share of?",
        explain="That is what every one of the EU's three capacity benchmarks measures.",
    )
)

question(
    Question(
        id="06-ceilings",
        mistakes=(
            Mistake(
                "floors-not-ceilings",
                "the floors ('at least'), not the ceilings ('at most')",
                lambda: _targets("at least"),
                "targets to reach where limits not to pass are asked",
            ),
        ),
        prompt="Which targets in policy.targets() are ceilings ('at most'), not floors? Give "
        "their target_id values.",
        kind="names",
        expected=lambda: _targets("at most"),
        hint="Filter the table on its direction column, then take the target_id column of the "
        "rows you kept.",
        explain="Both are limits on dependence, but they are measured differently: see the "
        "unit column.",
    )
)
