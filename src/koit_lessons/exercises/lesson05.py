"""Checked exercises of lesson 05 (The supply-shock simulator). Answers are computed
by :mod:`koit_lessons.shocks` from the shipped data, never typed in."""

from __future__ import annotations

from koit_lessons import shocks
from koit_lessons.checks import Question, question

YEAR = 2024
#: The exercises' assumed elasticity: a value chosen for the exercise, not a measured one.
ELASTICITY = 0.5


def _rare_earths(stockpile_months: float = 0) -> shocks.ShockResult:
    return shocks.simulate(
        "rare earths",
        "China",
        50,
        elasticity=ELASTICITY,
        stockpile_months=stockpile_months,
        year=YEAR,
    )


def _lost(mineral: str, country: str, cut: float) -> float:
    return shocks.simulate(mineral, country, cut, elasticity=ELASTICITY, year=YEAR).supply_lost_pct


question(
    Question(
        id="05-hand-supply-lost",
        prompt="China cuts its rare-earth mine production by 50% (2024 data). What share of "
        "world supply (in %) is lost?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=lambda: _rare_earths().supply_lost_pct,
        hint="Multiply China's share of world rare-earth mine production (in %) by the cut as "
        "a fraction: share × 50 / 100.",
        explain="One country's half-cut removes about a third of the world's mined rare earths.",
    )
)

question(
    Question(
        id="05-hand-price",
        prompt="Same cut, with 3 months of stocks and an assumed elasticity of 0.5: what "
        "average price rise (in %) over the first 12 months does the teaching model give?",
        kind="number",
        unit="%",
        tolerance=0.5,
        expected=lambda: _rare_earths(stockpile_months=3).price_change_pct,
        hint="First the average loss over 12 months: loss × (12 − 3) / 12. Then divide it by "
        "the elasticity, 0.5.",
        explain="The stockpile removes a quarter of the loss over the year; the small "
        "elasticity doubles what is left into the price.",
    )
)

question(
    Question(
        id="05-compare-shocks",
        prompt="Shock A: Australia cuts lithium mine output by 40%. Shock B: Congo (Kinshasa) "
        "cuts cobalt mine output by 25% (2024 data). How many percentage points more of world "
        "supply does shock B remove than shock A?",
        kind="number",
        unit="percentage points",
        tolerance=0.1,
        expected=lambda: (
            _lost("cobalt", "Congo (Kinshasa)", 25) - _lost("lithium", "Australia", 40)
        ),
        hint="Compute the supply lost for each shock (share × cut / 100) and subtract A from B.",
        explain="The smaller cut removes more supply, because Congo (Kinshasa) mines a much "
        "larger share of the world's cobalt than Australia does of lithium.",
    )
)

question(
    Question(
        id="05-stockpile-months",
        prompt="China cuts rare earths by 50%, elasticity 0.5. How many months of stocks keep "
        "the model's average price rise over the first 12 months down to 20%?",
        kind="number",
        unit="months",
        tolerance=0.1,
        expected=lambda: shocks.stockpile_needed(_rare_earths().supply_lost_pct, 20 * ELASTICITY),
        hint="At elasticity e, a price rise of p % comes from an average supply loss of "
        "p × e %. Find the months m for which loss × (12 − m) / 12 equals that, or see "
        "shocks.stockpile_needed().",
        explain="More than eight months of stocks, and that only softens the first year.",
    )
)

question(
    Question(
        id="05-korea-lithium-risk",
        prompt="Suppose China's exports of lithium hydroxide fall by 50%, spread evenly across "
        "its buyers. What share (in %) of Korea's lithium hydroxide imports is at risk "
        "(latest data year)?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=lambda: float(
            shocks.exposure("lithium", "China", 50, YEAR)
            .set_index("importer_code")
            .loc["KOR", "imports_at_risk_pct"]
        ),
        hint="The share of Korea's lithium imports at risk is China's share of those imports "
        "times the cut as a fraction; shocks.exposure() works it out for every importer.",
        explain="China mined less than a fifth of the world's lithium (world total excluding "
        "the U.S.), but Korea buys most of its lithium hydroxide, a refined chemical, from "
        "China.",
    )
)


def _rare_earth_measures() -> float:
    from koit_lessons import data

    covered = data.load("china_export_controls")["lesson_minerals"].fillna("")
    return float(covered.str.split("; ").apply(lambda names: "rare earths" in names).sum())


question(
    Question(
        id="05-rare-earth-measures",
        prompt="How many of the measures in china_export_controls cover rare earths "
        "(according to its lesson_minerals column)?",
        kind="number",
        tolerance=0,
        expected=_rare_earth_measures,
        hint="Keep the rows whose lesson_minerals column mentions rare earths (the .str "
        "methods of a text column help; empty cells are NaN), then count the rows.",
        explain="Rare earths were the mineral China's measures targeted most often.",
    )
)


# --- own code (issue 20): a filter with two conditions ------------------------------------


def _suspended_rare_earth_measures() -> object:
    """The measures that cover rare earths and were later suspended (document, announced)."""
    from koit_lessons import data

    controls = data.load("china_export_controls")
    covers = controls["lesson_minerals"].fillna("").str.contains("rare earths")
    suspended = controls["suspended"].notna()
    return controls.loc[covers & suspended, ["document", "announced"]]


question(
    Question(
        id="05-suspended-rare-earth-measures",
        prompt="A table of the measures that cover rare earths and were later suspended, with "
        "the columns document and announced.",
        kind="frame",
        expected=_suspended_rare_earth_measures,
        hint="Two conditions, each True or False per row, joined with & (each in its own "
        "round brackets); an empty suspended cell is missing, and .notna() finds the others.",
        explain="Two conditions in one filter.",
    )
)
