"""Checked exercises of lesson 02 (The chip value chain and its chokepoints). Answers are
computed from the shipped data with :mod:`koit_lessons.chips`, never typed in."""

from __future__ import annotations

from koit_lessons import chips
from koit_lessons.checks import Mistake, Question, question

QUARTER = "2025Q2"
SEGMENT = "below 10 nm"


def _company_share(company: str, quarter: str = QUARTER) -> float:
    table = chips.foundry_shares(quarter).set_index("company")
    return float(table.loc[company, "share_pct"])


def _country_share(iso3: str, quarter: str = QUARTER) -> float:
    table = chips.foundry_by_country(quarter).set_index("iso3")
    return float(table.loc[iso3, "share_pct"])


def _capacity_share(iso3: str, period: int) -> float:
    table = chips.capacity_shares(SEGMENT, period).set_index("iso3")
    return float(table.loc[iso3, "share_pct"])


def _most_concentrated_stage() -> str:
    table = chips.stage_table()
    return str(table.loc[table["hhi"].idxmax(), "stage"])


def _stage_aliases() -> dict[str, str]:
    names = {s: s for s in chips.stages()}
    # The labels shown in the lesson's table, e.g. 'EDA software (2019)', also count.
    table = chips.stage_table()
    names.update(dict(zip(table["label"], table["stage"], strict=True)))
    names.update(
        {
            "EDA": "EDA software",
            "electronic design automation": "EDA software",
            "electronic design automation software": "EDA software",
            "EDA tools": "EDA software",
            "IP": "core IP",
            "wafers": "silicon wafers",
            "ATP": "assembly, test and packaging",
        }
    )
    return names


question(
    Question(
        id="02-most-concentrated-stage",
        prompt="Which stage or input of the chain in chip_value_chain_shares has the highest "
        "HHI by country or region?",
        kind="text",
        expected=_most_concentrated_stage,
        aliases=_stage_aliases,
        hint="Find the stage with the largest value in the hhi column of the stage table "
        "(sorting the table by that column helps).",
        explain="Almost all EDA software, the tools every chip designer needs, came from "
        "US companies in 2019.",
    )
)

question(
    Question(
        id="02-tsmc-share",
        prompt="What share of world foundry revenue (in %) did TSMC have in the second "
        "quarter of 2025?",
        kind="number",
        unit="%",
        tolerance=0.1,
        expected=lambda: _company_share("TSMC"),
        hint="Use chips.foundry_shares('2025Q2') and read TSMC's share_pct.",
        explain="More than two thirds of the money paid for contract chip-making went to "
        "one company.",
    )
)

question(
    Question(
        id="02-taiwan-foundries",
        mistakes=(
            Mistake(
                "top1-not-all",
                "TSMC alone, not all the Taiwanese foundries",
                lambda: _company_share("TSMC"),
                "one company's share where a group's is asked",
            ),
        ),
        prompt="What share of world foundry revenue (in %) did the foundries headquartered "
        "in Taiwan have together in 2025Q2?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=lambda: _country_share("TWN"),
        hint="Keep the rows whose headquarters is 'Taiwan' and add up their share_pct, or "
        "use chips.foundry_by_country('2025Q2').",
        explain="Four Taiwanese companies (TSMC, UMC, VIS, PSMC) held about three quarters "
        "of the market.",
    )
)

question(
    Question(
        id="02-foundry-hhi",
        mistakes=(
            Mistake(
                "hhi-from-fractions",
                "an HHI from shares as fractions (0 to 1), not in % (0 to 10,000)",
                lambda: chips.foundry_concentration(QUARTER)["hhi"] / 10_000,
            ),
        ),
        prompt="What is the HHI of world foundry revenue by company in 2025Q2, computed "
        "over the ten listed foundries?",
        kind="number",
        tolerance=10.0,
        expected=lambda: chips.foundry_concentration(QUARTER)["hhi"],
        hint="The HHI adds up the squared market shares, in %, of every company in the table; "
        "metrics.hhi() does it for a column of shares.",
        explain="Far above 1,800: by the U.S. Merger Guidelines' bands the foundry market "
        "is highly concentrated, and most of the index comes from TSMC alone.",
    )
)

question(
    Question(
        id="02-sub10-hhi-2022",
        prompt="What is the HHI of world capacity below 10 nm by region in 2022?",
        kind="number",
        tolerance=5.0,
        expected=lambda: chips.capacity_concentration(SEGMENT, 2022)["hhi"],
        hint="Use chips.capacity_shares('below 10 nm', 2022) and metrics.hhi(...) on its "
        "share_pct column.",
        explain="In SIA/BCG's figures only two regions held capacity below 10 nm in 2022, "
        "so the index is very high. It is below the 2019 value, but that value comes from "
        "an earlier report.",
    )
)

question(
    Question(
        id="02-korea-sub10-change",
        mistakes=(
            Mistake(
                "sign-flipped",
                "the change with its sign flipped (2022 minus 2032)",
                lambda: _capacity_share("KOR", 2022) - _capacity_share("KOR", 2032),
                "a change with the wrong sign (start minus end)",
            ),
        ),
        prompt="By how many percentage points is South Korea's share of world capacity "
        "below 10 nm projected to change from 2022 to 2032? (A fall is negative.)",
        kind="number",
        unit="percentage points",
        tolerance=0.5,
        expected=lambda: _capacity_share("KOR", 2032) - _capacity_share("KOR", 2022),
        hint="Take Korea's share_pct in 2032 and subtract its share_pct in 2022.",
        explain="A smaller share need not mean less capacity: a share also falls when others "
        "build new fabs, as the projection has the US, Japan and Europe doing.",
    )
)


# --- own code (issue 20): completing a filter --------------------------------------------


def _taiwan_foundries() -> object:
    """The foundries headquartered in Taiwan in 2025Q2, with their shares."""
    table = chips.foundry_shares(QUARTER)
    return table.loc[table["headquarters"] == "Taiwan", ["company", "share_pct"]]


question(
    Question(
        id="02-taiwan-foundry-table",
        prompt="A table of the foundries headquartered in Taiwan in 2025Q2, with the columns "
        "company and share_pct.",
        kind="frame",
        tolerance=0.05,
        expected=_taiwan_foundries,
        hint="Copy the worked example: the condition inside the brackets compares the "
        "headquarters column with a name (==, not =); then keep two columns with [[...]].",
        explain="Your first filter: a condition picks the rows.",
    )
)
