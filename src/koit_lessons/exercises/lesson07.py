"""Checked exercises of lesson 07 (Korea and Italy: a partnership in numbers).

Every expected answer is computed by :mod:`koit_lessons.partnership` (or, for the
starter on lesson 06, :mod:`koit_lessons.policy`) from the shipped data; the only
constants are the series, flows and years a question names.

Hints escalate (issue 20): each ``hint`` has two lines, a nudge for the first wrong
answer and a pointer to where the lesson shows the method; neither gives the finished
line. Typical wrong answers are named as :class:`~koit_lessons.checks.Mistake`\\ s or as
wrong :class:`~koit_lessons.checks.Choice`\\ s.
"""

from __future__ import annotations

import pandas as pd

from koit_lessons import partnership, policy
from koit_lessons.checks import Choice, Mistake, Question, question

EU = "eurostat_eur"
KOREA = "korea_usd"
ITALY_TO_KOREA = "Italy to Korea"
START, END = 2008, 2014
SUMMIT_YEAR = 2026
#: the year and flow of the rank exercise (a transfer of 2014's worked example to another
#: list: the 2008 importers from Korea, whose answer the lesson does not state before)
RANK_YEAR, RANK_FLOW = 2008, "imports from Korea"
#: the list behind "fourth" (the 2014 worked example and the exporters of 2008)
CLAIM_FLOW = "exports to Korea"
#: lesson 06's illustration: Korea's lithium hydroxide imports against its 50 % goal
LITHIUM_YEAR = 2023


def _days_to_dialogue() -> int:
    """Days from the 2026 Seoul summit to the first dialogue after it, from the timeline."""
    tl = partnership.timeline()
    summit = tl[(tl["category"] == "summit") & (tl["year"] == SUMMIT_YEAR)]["date"].iloc[0]
    dialogue = tl[(tl["date"] > summit) & (tl["category"] == "dialogue")]["date"].iloc[0]
    return (pd.Timestamp(dialogue) - pd.Timestamp(summit)).days


def _korea_aliases() -> dict[str, str]:
    # every edition's names of the two sides (한국, 이탈리아, Corea ...) and the codes
    return {
        **partnership.side_aliases(),
        "South Korea": "Korea",
        "Republic of Korea": "Korea",
        "ROK": "Korea",
        "KOR": "Korea",
        "Italia": "Italy",
        "ITA": "Italy",
    }


def _balance_2018() -> float:
    return float(partnership.trade(KOREA).set_index("year").loc[2018, "balance"])


# --- retrieval starter: lesson 06 (the targets and the single-supplier test) -------------


def _eu_ceiling_letter() -> str:
    """'b' when the CRMA's 65 % is a ceiling on one third country's share of consumption."""
    row = policy.targets().set_index("target_id").loc["eu-single-country"]
    if row["direction"] == "at most" and "single third country" in row["measures"]:
        return "b"
    return "a" if row["direction"] == "at least" else "c"


question(
    Question(
        id="07-recall-1",
        prompt="Lesson 06: the EU's Critical Raw Materials Act has a 65% figure for 2030. "
        "What does it set?",
        kind="choice",
        expected=_eu_ceiling_letter,
        choices=(
            Choice(
                "a",
                "A floor: the EU should extract or process at least 65 % of what it uses.",
                "floor-for-ceiling",
                "The CRMA's floors (extraction, processing, recycling) are lower numbers. Was "
                "the 65 % an 'at least' or an 'at most'?",
                "a ceiling on dependence read as a floor for own production",
            ),
            Choice(
                "b",
                "A ceiling: at most 65 % of the EU's yearly consumption of each strategic raw "
                "material from any single third country.",
            ),
            Choice(
                "c",
                "A limit on any one country's share of world production.",
                "world-share-cap",
                "An EU law sets aims for the EU's own supply, not for other countries' output: "
                "whose consumption does the 65 % count?",
                "a target on the EU's own supply read as a cap on world production",
            ),
        ),
        hint="Lesson 06 sorted the targets into floors ('at least') and ceilings ('at most')."
        "\n"
        "Lesson 06, section 1: read the direction and unit columns of the row "
        "eu-single-country in policy.targets().",
        explain="You remembered what the 65 % measures.",
    )
)

#: the options of 07-recall-2: the gap (percentage points), the relative excess (%),
#: and the share left to other suppliers
_GAP_OPTIONS = {"a": "29.6 percentage points", "b": "59.2 %", "c": "20.4 percentage points"}


def _lithium_check() -> policy.CapCheck:
    goal = policy.target_value("kor-single-country")
    portfolio = policy.import_portfolio("Korea", "lithium hydroxide", LITHIUM_YEAR)
    return policy.single_country_check(portfolio, goal)


def _gap_letter() -> str:
    """The option that states the gap: the top share minus the goal, in percentage points."""
    result = _lithium_check()
    values = {
        "a": result.excess_pp,
        "b": (result.top_share_pct / result.cap_pct - 1) * 100,
        "c": 100 - result.top_share_pct,
    }
    for letter, text in _GAP_OPTIONS.items():
        if abs(values["a"] - float(text.split()[0])) < 0.05:
            return letter
    return "none of them"  # the data changed: the options need new numbers


question(
    Question(
        id="07-recall-2",
        prompt="Lesson 06: in 2023 China supplied 79.6% of the value of Korea's lithium "
        "hydroxide imports; Korea's goal is at most 50%. By how much did it miss the goal? "
        + " ".join(f"{k}: {v}" for k, v in _GAP_OPTIONS.items()),
        kind="choice",
        expected=_gap_letter,
        choices=(
            Choice("a", _GAP_OPTIONS["a"]),
            Choice(
                "b",
                _GAP_OPTIONS["b"],
                "relative-for-pp",
                "That is how much bigger 79.6 is than 50 as a ratio. The gap between two "
                "percentages is their plain difference, in percentage points.",
                "a relative change given where a difference in percentage points is asked",
            ),
            Choice(
                "c",
                _GAP_OPTIONS["c"],
                "gap-to-100",
                "That is the share left to the other suppliers, not the distance to Korea's goal.",
                "the distance to 100 % taken for the distance to the goal",
            ),
        ),
        hint="The gap between a share and a ceiling is one subtraction: which two numbers?"
        "\n"
        "Lesson 06, section 2: the single-supplier test reports the largest share minus the "
        "cap, in percentage points.",
        explain="You remembered how lesson 06 measured a gap.",
    )
)


# --- section 1: the precise words of the timeline ----------------------------------------


def _visit_terms() -> str:
    """'a' when the timeline gives Mattarella's 2023 trip the head of state's term (state
    visit) and Meloni's 2026 trip the head of government's (official visit)."""
    tl = partnership.timeline()
    visits = tl[tl["category"] == "visit"]

    def term(name: str) -> str:
        return str(visits[visits["event"].str.contains(name)]["official_term"].iloc[0])

    if term("Mattarella").startswith("state visit") and term("Meloni").startswith("official visit"):
        return "a"
    return "none of them"


question(
    Question(
        id="07-visit-kind",
        prompt="The timeline calls President Mattarella's trip to Seoul (7-9 November 2023) a "
        "state visit, and Prime Minister Meloni's (17-19 January 2026) an official visit. "
        "Why the different terms?",
        kind="choice",
        expected=_visit_terms,
        choices=(
            Choice(
                "a",
                "Mattarella is Italy's head of state and Meloni its head of government: the "
                "kind of visit follows who travels.",
            ),
            Choice(
                "b",
                "A state visit is the more important event: the term says how much was agreed.",
                "visit-by-importance",
                "The kind of visit is fixed by protocol before anything is signed. Look at who "
                "travelled each time, not at what was agreed.",
                "the kind of visit read as a measure of its importance or results",
            ),
            Choice(
                "c",
                "The two terms mean the same; the sources just chose different words (Reuters "
                "called Meloni's trip a state visit too).",
                "terms-interchangeable",
                "Reuters' wording was loose; the official sources use the two terms on "
                "purpose. What differs between Mattarella's office and Meloni's?",
                "protocol terms taken as interchangeable because a press report mixed them",
            ),
        ),
        hint="Both trips were to Seoul; what differs is who made them. What office does "
        "each hold?"
        "\n"
        "The timeline's event column names each traveller's office; section 1 states the "
        "rule after this exercise.",
        explain="",
    )
)


# --- section 2: trade over time ----------------------------------------------------------


question(
    Question(
        id="07-korea-balance-2018",
        mistakes=(
            Mistake(
                "sign-flipped",
                "imports minus exports, not exports minus imports",
                lambda: -_balance_2018(),
                "a difference taken the wrong way round",
            ),
            Mistake(
                "exports-only",
                "one flow copied (Korea's exports), not the balance of the two",
                lambda: partnership.value(KOREA, "Korea to Italy", 2018),
                "one flow copied where the balance of two flows is asked",
            ),
            Mistake(
                "imports-only",
                "one flow copied (Korea's imports), not the balance of the two",
                lambda: partnership.value(KOREA, ITALY_TO_KOREA, 2018),
                "one flow copied where the balance of two flows is asked",
            ),
            Mistake(
                "millions-not-billions",
                "the balance in USD million, where the question asks for USD billion",
                lambda: _balance_2018() * 1000,
                "a figure given in millions where billions are asked",
            ),
        ),
        prompt="Using the Korean figures (series 'korea_usd'), what was Korea's trade balance "
        "in goods with Italy in 2018, in USD billion (exports minus imports)?",
        kind="number",
        unit="USD billion",
        tolerance=0.05,
        expected=_balance_2018,
        hint="A balance compares two flows of the same year: which comes first?"
        "\n"
        "Section 2 defines the balance (exports minus imports); take both from the 2018 row "
        "of korea. A deficit is negative.",
        explain="Right: now compare it with the figure Yonhap reported.",
    )
)

question(
    Question(
        id="07-surplus-2008",
        prompt="In EU statistics (series 'eurostat_eur'), which side sold more goods to the "
        "other in 2008, Korea or Italy?",
        kind="text",
        mistakes=(
            Mistake(
                "reporter-for-seller",
                "the reporter (whose table it is) taken for the side that sold more. The "
                "table is Italy's, but its imports are the other side's sales to Italy: "
                "compare the two flows",
                lambda: "Italy",
                "the reporter of a table taken for the side that sold more",
            ),
        ),
        expected=lambda: partnership.surplus_side(EU, 2008),
        aliases=_korea_aliases,
        hint="Compare the two flows of 2008: which side sold more to the other?"
        "\n"
        "The table italy_eu is read from Italy's side: exports are what Italy sold, imports "
        "what it bought from the other side.",
        explain="",
    )
)


#: the options of 07-mixed-series
_MIXED_OPTIONS = {
    "a": "Nothing: both figures are goods going from Italy to Korea, so 6.3 / 4.2 gives the "
    "growth from 2014 to 2018.",
    "b": "Only the currency: convert the EUR 4.2 billion to dollars first, and the growth is "
    "right.",
    "c": "They come from two reporters (Italy in euros, FOB; Korea in dollars, CIF): two "
    "series, so no growth rate.",
}


def _mixed_letter() -> str:
    """'c' when the two figures come from series with different reporters and units."""
    eu, korea = partnership.series_info(EU), partnership.series_info(KOREA)
    differ = eu["reporter"] != korea["reporter"] and eu["unit"] != korea["unit"]
    return "c" if differ else "none of them"


question(
    Question(
        id="07-mixed-series",
        prompt="Eurostat (Italy reporting) gives Italy's exports of goods to Korea in 2014 as "
        "EUR 4.2 billion; the Korean figures give Korea's imports from Italy in 2018 as USD "
        "6.3 billion. A classmate divides 6.3 by 4.2 to get the growth of Italy's sales to "
        "Korea from 2014 to 2018. What is wrong? "
        + " ".join(f"{k}: {v}" for k, v in _MIXED_OPTIONS.items()),
        kind="choice",
        expected=_mixed_letter,
        choices=(
            Choice(
                "a",
                _MIXED_OPTIONS["a"],
                "same-flow-one-series",
                "The goods travel the same way, but whose statistics is each figure, and in "
                "what unit?",
                "two reporters' figures for the same flow joined into one series",
            ),
            Choice(
                "b",
                _MIXED_OPTIONS["b"],
                "currency-only",
                "Converting fixes the unit, not the reporter: one side counts FOB, the other "
                "CIF, at different dates. Are they one series then?",
                "a change of currency thought to make two reporters' figures one series",
            ),
            Choice("c", _MIXED_OPTIONS["c"]),
        ),
        hint="A growth rate compares two values of one series: is that the case here?"
        "\n"
        "Section 2's series table gives each series' reporter and unit; the FOB/CIF paragraph "
        "says why two reporters differ.",
        explain="",
    )
)


# --- section 3: growth and CAGR ----------------------------------------------------------


question(
    Question(
        id="07-italy-export-growth",
        mistakes=(
            Mistake(
                "ratio-not-growth",
                "the ratio end / start in %, not the growth",
                lambda: (
                    partnership.value(EU, ITALY_TO_KOREA, END)
                    / partnership.value(EU, ITALY_TO_KOREA, START)
                    * 100
                ),
                "the end value as a % of the start value given as the growth",
            ),
            Mistake(
                "ratio-as-fraction",
                "the ratio end / start, not the growth in %",
                lambda: (
                    partnership.value(EU, ITALY_TO_KOREA, END)
                    / partnership.value(EU, ITALY_TO_KOREA, START)
                ),
                "the ratio of end to start given as the growth",
            ),
            Mistake(
                "start-end-swapped",
                "the two years swapped: the change from 2014 back to 2008, divided by the "
                "2014 value",
                lambda: (
                    (
                        partnership.value(EU, ITALY_TO_KOREA, START)
                        / partnership.value(EU, ITALY_TO_KOREA, END)
                        - 1
                    )
                    * 100
                ),
                "the start and end values swapped",
            ),
        ),
        prompt="In EU statistics (series 'eurostat_eur'), by how many percent did Italy's "
        "exports of goods to Korea grow from 2008 to 2014?",
        kind="number",
        unit="%",
        tolerance=0.5,
        expected=lambda: partnership.growth(EU, ITALY_TO_KOREA, START, END),
        hint="Growth compares the change with the start value. Which year is the start?"
        "\n"
        "Lesson 01 showed metrics.growth_rate(); italy_exports is indexed by year, so pick "
        "a value by its year with .loc.",
        explain="",
    )
)

#: the options of 07-predict-cagr
_PREDICT_OPTIONS = {
    "a": "More than one sixth of the growth",
    "b": "Less than one sixth of the growth",
    "c": "Exactly one sixth of the growth",
}


def _cagr_vs_sixth() -> str:
    cagr = partnership.cagr(EU, ITALY_TO_KOREA, START, END)
    sixth = partnership.growth(EU, ITALY_TO_KOREA, START, END) / (END - START)
    if abs(cagr - sixth) < 0.05:
        return "c"
    return "a" if cagr > sixth else "b"


question(
    Question(
        id="07-predict-cagr",
        prompt="Predict before you compute: is the compound annual growth rate of Italy's "
        "exports to Korea, 2008-2014, more or less than one sixth of the whole growth? "
        + " ".join(f"{k}: {v}" for k, v in _PREDICT_OPTIONS.items()),
        kind="choice",
        expected=_cagr_vs_sixth,
        choices=(
            Choice(
                "a",
                _PREDICT_OPTIONS["a"],
                "compounding-reversed",
                "Compounding works the other way: each year's growth is added to a larger "
                "value than the year before's.",
                "compounding thought to need a larger yearly rate",
            ),
            Choice("b", _PREDICT_OPTIONS["b"]),
            Choice(
                "c",
                _PREDICT_OPTIONS["c"],
                "simple-average",
                "Dividing by six would be right only if each year's growth were added to the "
                "2008 value; with compounding it is added to a growing value.",
                "the total growth divided by the years taken for the yearly rate",
            ),
        ),
        hint="Growing 10 % twice: is that +20 % or more than +20 %?"
        "\n"
        "Lesson 01 defined the CAGR as the constant yearly growth that turns the start value "
        "into the end value.",
        explain="Keep your prediction in mind: the next exercise computes the CAGR.",
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
            Mistake(
                "simple-average",
                "the whole growth divided by six, which leaves out compounding",
                lambda: partnership.growth(EU, ITALY_TO_KOREA, START, END) / (END - START),
            ),
            Mistake(
                "years-miscounted",
                "seven years, counting both 2008 and 2014",
                lambda: (
                    (
                        (
                            partnership.value(EU, ITALY_TO_KOREA, END)
                            / partnership.value(EU, ITALY_TO_KOREA, START)
                        )
                        ** (1 / (END - START + 1))
                        - 1
                    )
                    * 100
                ),
                "the number of years counted with both ends",
            ),
            Mistake(
                "rounded-whole",
                "the rate rounded to a whole percent; give it to one decimal",
                lambda: round(partnership.cagr(EU, ITALY_TO_KOREA, START, END)),
                "a rate rounded to a whole number where one decimal is asked",
            ),
        ),
        prompt="What was the compound annual growth rate (CAGR) of Italy's exports of goods to "
        "Korea from 2008 to 2014 (series 'eurostat_eur'), in % per year, to one decimal?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=lambda: partnership.cagr(EU, ITALY_TO_KOREA, START, END),
        hint="How many years of growth lie between 2008 and 2014?"
        "\n"
        "Lesson 01 showed metrics.cagr(): the same two values as Exercise 5, and the number "
        "of years between them.",
        explain="Now compare it with your prediction (the values are in current euros, not "
        "adjusted for prices).",
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
        hint="Ask of each statement: do two numbers, one before and one after, show it?"
        "\n"
        "Section 3 lists what else changed between 2008 and 2014.",
        explain="That is all a before/after comparison can show.",
    )
)


# --- section 5: Italy's rank -------------------------------------------------------------


question(
    Question(
        id="07-italy-eu-rank-2008",
        mistakes=(
            Mistake(
                "claim-not-data",
                "the rank in Cheong Wa Dae's claim or in the exporters' lists, not this list",
                lambda: partnership.eu_rank(RANK_YEAR, CLAIM_FLOW),
                "a rank copied from a claim or from another list, not computed from the data",
            ),
            Mistake(
                "count-not-position",
                "the number of member states above Italy, not Italy's position",
                lambda: partnership.eu_rank(RANK_YEAR, RANK_FLOW) - 1,
                "the count of those ahead given as the position",
            ),
        ),
        prompt="Among the EU member states that Eurostat names as the largest importers of "
        "goods from Korea in 2008, in which position is Italy? (Its position is one more than "
        "the number of member states that imported more.)",
        kind="number",
        tolerance=0,
        expected=lambda: partnership.eu_rank(RANK_YEAR, RANK_FLOW, "Italy"),
        hint="Sort the 2008 importers by value, largest first: how many bought more from "
        "Korea than Italy?"
        "\n"
        "Section 5's 2014 table is ranked the same way: sort_values on the value column, "
        "largest first, then count the rows above Italy.",
        explain="",
    )
)


def _claim_and_lists() -> str:
    """'c' when Eurostat's exporters' lists put Italy fourth in 2008 and 2014 and the 2014
    list still counts the United Kingdom: consistent with Cheong Wa Dae's 'fourth', but a
    different measure (the EU side's exports), years and membership."""
    fourth = all(partnership.eu_rank(y, CLAIM_FLOW) == 4 for y in (2008, 2014))
    members = set(partnership.eu_partners(2014, CLAIM_FLOW)["iso3"])  # 영국, Regno Unito
    return "c" if fourth and "GBR" in members else "none of them"


question(
    Question(
        id="07-claim-measure",
        prompt="Cheong Wa Dae (2026): Italy is Korea's 'fourth-largest trading partner within "
        "the EU'. Eurostat's lists (2008 and 2014): Italy is the fourth-largest EU exporter "
        "of goods to Korea. How do the two statements relate?",
        kind="choice",
        expected=_claim_and_lists,
        choices=(
            Choice(
                "a",
                "The same claim: Eurostat's lists confirm Cheong Wa Dae's rank.",
                "same-rank-same-measure",
                "Both say 'fourth', but do they count the same flow, in the same years, among "
                "the same member states?",
                "two ranks with the same number taken for one claim, whatever they measure",
            ),
            Choice(
                "b",
                "A contradiction: Eurostat's lists include the United Kingdom, which has since "
                "left the EU, so one of the two must be wrong.",
                "measure-as-contradiction",
                "Two ranks of different measures cannot contradict each other: which flow, "
                "years and members does each count?",
                "two ranks of different measures read as a contradiction",
            ),
            Choice(
                "c",
                "Consistent, but not the same claim: they may count other flows, years and "
                "member states.",
            ),
        ),
        hint="Ask of each statement: which flow, which year, which member states?"
        "\n"
        "Section 5's tables say what Eurostat ranks (the flow column and the year); the "
        "Korea Herald's report gives Cheong Wa Dae's words.",
        explain="",
    )
)


# --- section 6: after the summit ---------------------------------------------------------

#: the columns of the timeline that 07-after-summit compares
AFTER_COLUMNS = ["date", "short_label", "category"]


def _summit_date() -> str:
    tl = partnership.timeline()
    return str(tl[(tl["category"] == "summit") & (tl["year"] == SUMMIT_YEAR)]["date"].iloc[0])


def _after_summit(strictly: bool = True) -> pd.DataFrame:
    """The timeline's rows dated after the summit (with ``strictly=False``, from it on)."""
    tl = partnership.timeline()
    keep = tl["date"] > _summit_date() if strictly else tl["date"] >= _summit_date()
    return tl.loc[keep, AFTER_COLUMNS]


def _whole_summit_year() -> pd.DataFrame:
    tl = partnership.timeline()
    return tl.loc[tl["year"] == SUMMIT_YEAR, AFTER_COLUMNS]


question(
    Question(
        id="07-after-summit",
        mistakes=(
            Mistake(
                "summit-day-included",
                "the rows from the summit day on, not after it",
                lambda: _after_summit(strictly=False),
                "a filter with >= where 'after' asks for >",
            ),
            Mistake(
                "year-not-date",
                "every row of 2026, not those after the summit",
                _whole_summit_year,
                "a filter on the year where a date is asked",
            ),
        ),
        prompt="Keep the rows of the timeline dated after the Seoul summit of 19 January "
        "2026 (a table with at least the columns date, short_label and category).",
        kind="frame",
        expected=_after_summit,
        hint="Is the summit day itself 'after' the summit?"
        "\n"
        "Section 6's table of 2026 rows shows the dates; compare the date column with "
        "'2026-01-19' as text.",
        explain="",
    )
)


question(
    Question(
        id="07-days-to-dialogue",
        mistakes=(
            Mistake(
                "both-ends-counted",
                "the days counted with both the summit day and the dialogue day",
                lambda: _days_to_dialogue() + 1,
                "a span of days counted with both ends",
            ),
        ),
        prompt="The joint statement of 19 January 2026 asked for the next Strategic Dialogue "
        "'as soon as possible'. How many days after the Seoul summit did it meet? (Two rows "
        "share its date; the answer is one whole number: a span's .days.)",
        kind="number",
        unit="days",
        tolerance=0,
        expected=_days_to_dialogue,
        hint="Which row after the summit is the dialogue, and on what date did it meet?"
        "\n"
        "Section 6's worked example subtracts two dates as pandas Timestamps and reads the "
        "span's .days.",
        explain="",
    )
)
