"""Checked exercises of lesson 07 (Korea and Italy: a partnership in numbers).

Every expected answer is computed by :mod:`koit_lessons.partnership` from the shipped
data; the only constants are the series, flows and years a question names.
"""

from __future__ import annotations

import pandas as pd

from koit_lessons import partnership
from koit_lessons.checks import Mistake, Question, question

EU = "eurostat_eur"
KOREA = "korea_usd"
ITALY_TO_KOREA = "Italy to Korea"
START, END = 2008, 2014
SUMMIT_YEAR = 2026


def _days_to_dialogue() -> int:
    """Days from the 2026 Seoul summit to the first dialogue after it, from the timeline."""
    tl = partnership.timeline()
    summit = tl[(tl["category"] == "summit") & (tl["year"] == SUMMIT_YEAR)]["date"].iloc[0]
    dialogue = tl[(tl["date"] > summit) & (tl["category"] == "dialogue")]["date"].iloc[0]
    return (pd.Timestamp(dialogue) - pd.Timestamp(summit)).days


def _korea_aliases() -> dict[str, str]:
    return {
        "South Korea": "Korea",
        "Republic of Korea": "Korea",
        "ROK": "Korea",
        "KOR": "Korea",
        "Italia": "Italy",
        "ITA": "Italy",
    }


question(
    Question(
        id="07-italy-export-growth",
        prompt="In EU statistics (series 'eurostat_eur'), by how many percent did Italy's "
        "exports of goods to Korea grow from 2008 to 2014?",
        kind="number",
        unit="%",
        tolerance=0.5,
        expected=lambda: partnership.growth(EU, ITALY_TO_KOREA, START, END),
        hint="Growth in % is (end − start) / start × 100, with Italy's exports to Korea in "
        "2008 and 2014; metrics.growth_rate() does it.",
        explain="In current euros, Italy's exports to Korea rose by about three fifths between "
        "2008 and 2014: before the FTA's provisional application (1 July 2011) and after it.",
    )
)

question(
    Question(
        id="07-italy-export-cagr",
        mistakes=(
            Mistake(
                "total-not-annual",
                "the growth over the whole period, not per year",
                lambda: partnership.growth(EU, ITALY_TO_KOREA, START, END),
            ),
        ),
        prompt="What was the compound annual growth rate (CAGR) of Italy's exports of goods to "
        "Korea from 2008 to 2014 (series 'eurostat_eur'), in % per year?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=lambda: partnership.cagr(EU, ITALY_TO_KOREA, START, END),
        hint="CAGR = (end / start) ** (1 / years) − 1, in %; count the years from 2008 to "
        "2014. metrics.cagr() does it for you.",
        explain="Now compare it with your prediction (the values are in current euros, not "
        "adjusted for prices).",
    )
)

question(
    Question(
        id="07-korea-balance-2018",
        mistakes=(
            Mistake(
                "sign-flipped",
                "imports minus exports, not exports minus imports",
                lambda: -float(partnership.trade(KOREA).set_index("year").loc[2018, "balance"]),
            ),
        ),
        prompt="Using the Korean figures (series 'korea_usd'), what was Korea's trade balance "
        "in goods with Italy in 2018, in USD billion (exports minus imports)?",
        kind="number",
        unit="USD billion",
        tolerance=0.01,
        expected=lambda: float(partnership.trade(KOREA).set_index("year").loc[2018, "balance"]),
        hint="Korea's exports to Italy minus Korea's imports from Italy: "
        "partnership.trade('korea_usd') has a balance column. A deficit is negative.",
        explain="A deficit of about USD 1.8 billion: Korea bought more from Italy than it sold, "
        "as Yonhap reported.",
    )
)

question(
    Question(
        id="07-surplus-2008",
        prompt="In EU statistics (series 'eurostat_eur'), which side sold more goods to the "
        "other in 2008, Korea or Italy?",
        kind="text",
        expected=lambda: partnership.surplus_side(EU, 2008),
        aliases=_korea_aliases,
        hint="Compare the two flows in 2008: the side that sells more to the other than it "
        "buys from it has the surplus.",
        explain="In 2008 Italy bought more from Korea than it sold there.",
    )
)

question(
    Question(
        id="07-italy-eu-rank",
        prompt="Among the EU member states that Eurostat names as the largest exporters of "
        "goods to Korea in 2014, in which position is Italy?",
        kind="number",
        tolerance=0,
        expected=lambda: partnership.eu_rank(2014, "exports to Korea", "Italy"),
        hint="Sort the 2014 table of EU members by value, largest first, and count down to Italy.",
        explain="That is a rank by EU exports to Korea in 2014; compare it with what Cheong Wa "
        "Dae's 'fourth-largest trading partner within the EU' (2026) measures.",
    )
)

question(
    Question(
        id="07-days-to-dialogue",
        prompt="The joint statement of 19 January 2026 asked for the next Strategic Dialogue "
        "'as soon as possible'. How many days after the Seoul summit did it meet?",
        kind="number",
        unit="days",
        tolerance=0,
        expected=_days_to_dialogue,
        hint="Keep the rows of the timeline dated after the summit and find the dialogue "
        "among them; two dates become a span when both are pandas Timestamps, and a span "
        "has a .days attribute.",
        explain="Right: the follow-up came within weeks, and the timeline dates it to the day.",
    )
)


#: the statements of 07-before-after-shows; only B is a description, not a cause
STATEMENTS = {
    "A": "The FTA caused Italy's exports to Korea to grow.",
    "B": "Italy's exports to Korea were higher after the FTA started than before; the data do "
    "not say why.",
    "C": "Without the FTA, Italy's exports to Korea would have fallen.",
}


def _what_the_data_show() -> str:
    """B if the data show a rise after the FTA's start (they describe, never explain)."""
    change = partnership.before_after(
        EU, ITALY_TO_KOREA, event_year=partnership.FTA_PROVISIONAL_YEAR
    )["change_pct"]
    return "B" if change > 0 else "none of them"


question(
    Question(
        id="07-before-after-shows",
        mistakes=(
            Mistake(
                "after-not-because",
                "a before/after comparison read as cause and effect",
                lambda: "A",
            ),
            Mistake(
                "unseen-counterfactual",
                "a claim about what would have happened without the FTA, which these data "
                "cannot show",
                lambda: "C",
            ),
        ),
        prompt="Which statement do the before/after figures support? "
        + " ".join(f"{k}: {v}" for k, v in STATEMENTS.items()),
        kind="text",
        expected=_what_the_data_show,
        aliases=lambda: {v: k for k, v in STATEMENTS.items()},
        hint="Ask of each statement: do two numbers, one before and one after, show it?",
        explain="That is all a before/after comparison can show.",
    )
)
