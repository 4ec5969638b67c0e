"""Checked exercises of lesson 05 (The supply-shock simulator). Answers are computed
by :mod:`koit_lessons.shocks` from the shipped data, never typed in.

Hints escalate (issue 20): each ``hint`` has two lines, a nudge for the first wrong answer
and a pointer to where the lesson shows the method; neither gives the finished line. Typical wrong
numbers are named as :class:`~koit_lessons.checks.Mistake`\\ s."""

from __future__ import annotations

import math

from koit_lessons import metrics, minerals, shocks
from koit_lessons.checks import Choice, Mistake, Question, question

YEAR = 2024
#: The exercises' assumed elasticity: a value chosen for the exercise, not a measured one.
ELASTICITY = 0.5


def _rare_earths(stockpile_months: float = 0, elasticity: float = ELASTICITY) -> shocks.ShockResult:
    return shocks.simulate(
        "rare earths",
        "China",
        50,
        elasticity=elasticity,
        stockpile_months=stockpile_months,
        year=YEAR,
    )


def _lost(mineral: str, country: str, cut: float) -> float:
    return shocks.simulate(mineral, country, cut, elasticity=ELASTICITY, year=YEAR).supply_lost_pct


# --- retrieval starter: lesson 04 (mining vs refining, concentration, USGS data) ----------


def _copper_stage_leader() -> str:
    """'a' when copper's largest refiner holds a larger share than its largest miner."""
    stages = minerals.mine_vs_refine(YEAR).set_index(["chain", "stage"])["top1_pct"]
    mining, refining = stages[("copper", "mining")], stages[("copper", "refining")]
    if refining > mining + 5:
        return "a"
    return "c" if mining > refining + 5 else "b"


question(
    Question(
        id="05-recall-1",
        prompt="Copper in 2024 (USGS): compare the largest country's share of world mine "
        "production with the largest country's share of world refinery production.",
        kind="choice",
        expected=_copper_stage_leader,
        choices=(
            Choice("a", "The largest refiner's share is bigger: refining is more concentrated."),
            Choice(
                "b",
                "About the same: copper is refined where it is mined.",
                "mined-where-refined",
                "Ore and concentrate are traded across borders: in lesson 04 the largest "
                "miner and the largest refiner of copper were not the same country.",
                "the refining stage assumed to sit where the ore is mined",
            ),
            Choice(
                "c",
                "The largest miner's share is bigger: whoever has the ore holds the chain.",
                "ore-holds-chain",
                "Having the ore is one stage of the chain; lesson 04 compared the shares of the "
                "two stages. Which stage had the longer top bar?",
                "the mining stage taken to control the whole chain",
            ),
        ),
        hint="Lesson 04 put the two stages of copper side by side: which top bar was longer?"
        "\n"
        "Lesson 04, section on copper: the largest miner was Chile, the largest refiner "
        "China. Compare their two shares.",
        explain="You remembered how the two stages compare.",
    )
)


def _hhi_floor_band() -> str:
    """'b' when the largest share alone puts rare-earth mining above the 'high' band."""
    top = float(minerals.producers("rare earths", YEAR)["share_pct"].iloc[0])
    return "b" if metrics.hhi_band(top**2) == "highly concentrated" else "c"


question(
    Question(
        id="05-recall-2",
        prompt="China mined about 71% of the world's rare earths in 2024. Without the other "
        "countries' shares, what can you say about the HHI of rare-earth mining?",
        kind="choice",
        expected=_hhi_floor_band,
        choices=(
            Choice(
                "a",
                "It is about 71: the HHI of a market is set by its largest share.",
                "hhi-is-top-share",
                "The HHI is not a share: it adds up the squares of all the shares.",
                "the top share taken for the HHI",
            ),
            Choice("b", "It is at least about 5,000, so highly concentrated (above 1,800)."),
            Choice(
                "c",
                "Nothing yet: the HHI adds every country's share, so each one is needed first.",
                "hhi-needs-all",
                "For the exact value, yes. But a square is never negative: how big is China's "
                "square alone, and which band is that in?",
                "no bound seen without every share",
            ),
        ),
        hint="The HHI adds the squares of the shares. How big is the largest square alone?"
        "\n"
        "Lesson 00 and lesson 04: HHI = sum of the squared shares (in %); above 1,800 "
        "is 'highly concentrated'. Square 71 and compare.",
        explain="One share can settle the band.",
    )
)


# --- section 2: supply lost -----------------------------------------------------------


question(
    Question(
        id="05-hand-supply-lost",
        prompt="China cuts its rare-earth mine production by 50% (2024 data). What share of "
        "world supply (in %) is lost?",
        kind="number",
        unit="%",
        tolerance=0.5,
        expected=lambda: _rare_earths().supply_lost_pct,
        hint="Which two numbers does rule 1 need, and which of them is in the table?"
        "\n"
        "Rule 1 in section 1: the world loses the cut part of China's share. Write the "
        "cut as a fraction of 1 before you use it.",
        explain="You reproduced the simulator's first step by hand.",
        mistakes=(
            Mistake(
                "no-cut",
                "China's whole share, with the cut left out",
                lambda: shocks.producer_share("rare earths", "China", YEAR),
                "the producer's whole share, without applying the cut",
            ),
            Mistake(
                "cut-not-fraction",
                "the share times 50, with the cut not written as a fraction",
                lambda: shocks.producer_share("rare earths", "China", YEAR) * 50,
                "a cut in % used as if it were a fraction",
            ),
            Mistake(
                "cut-not-loss",
                "the size of the cut, not the share of world supply it removes",
                lambda: 50.0,
                "the cut taken for the supply lost",
            ),
        ),
    )
)


# --- section 3: the price rule and the elasticity ----------------------------------------


def _halved_elasticity() -> str:
    """'a' when halving the elasticity doubles the model's price rise."""
    base = _rare_earths().price_change_pct
    halved = _rare_earths(elasticity=ELASTICITY / 2).price_change_pct
    if math.isclose(halved, 2 * base):
        return "a"
    return "b" if math.isclose(halved, base / 2) else "c"


question(
    Question(
        id="05-elasticity-halved",
        prompt="Read the figure. If you halve the assumed elasticity (0.5 to 0.25), what "
        "happens to the model's price rise, and why?",
        kind="choice",
        expected=_halved_elasticity,
        choices=(
            Choice(
                "a",
                "It doubles: buyers who cut their use only half as much per 1 % of price need "
                "twice the price rise to give up the missing supply.",
            ),
            Choice(
                "b",
                "It halves: a smaller elasticity means a smaller effect on the price.",
                "elasticity-as-price-effect",
                "The elasticity measures how strongly buyers react, not how strongly the price "
                "does. Read the curve at 0.25 and at 0.5.",
                "the elasticity taken as the price's reaction instead of the buyers'",
            ),
            Choice(
                "c",
                "It stays the same: the supply lost has not changed.",
                "elasticity-irrelevant",
                "The loss is the same, but rule 3 divides it by the elasticity. Read the curve "
                "at 0.25 and at 0.5.",
                "the price rule's dependence on the elasticity overlooked",
            ),
        ),
        hint="Find 0.25 and 0.5 on the x-axis of the figure: how do the two heights compare?"
        "\n"
        "Rule 3 in section 1: the price rise is the net loss divided by the elasticity. "
        "What happens to a fraction when you halve what it is divided by?",
        explain="Now say which elasticity you assumed whenever you quote the model.",
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
        hint="Two steps, in the order of the rules: first what is still missing on average "
        "over the 12 months, then the price."
        "\n"
        "Rule 2 in section 1 (H = 12, m = 3) gives the average loss that is left; "
        "rule 3 turns that loss into a price rise.",
        explain="You applied rules 2 and 3 in order.",
        mistakes=(
            Mistake(
                "stockpile-ignored",
                "the price rise with no stockpile (rule 2 skipped)",
                lambda: _rare_earths().price_change_pct,
                "the stockpile left out of the calculation",
            ),
            Mistake(
                "elasticity-multiplied",
                "the average loss multiplied by the elasticity instead of divided by it",
                lambda: _rare_earths(stockpile_months=3).net_loss_pct * ELASTICITY,
                "multiplied by the elasticity where the rule divides",
            ),
            Mistake(
                "months-subtracted",
                "3 subtracted from the loss, where rule 2 scales the loss by the months left",
                lambda: (_rare_earths().supply_lost_pct - 3) / ELASTICITY,
                "months subtracted from a percentage",
            ),
            Mistake(
                "covered-not-left",
                "the part of the loss the stocks cover, not the part that is left",
                lambda: _rare_earths().supply_lost_pct * 3 / 12 / ELASTICITY,
                "the covered part of a loss used instead of what is left",
            ),
            Mistake(
                "price-rule-skipped",
                "the average loss that is left, with rule 3 (the price rule) not applied",
                lambda: _rare_earths(stockpile_months=3).net_loss_pct,
                "a supply loss given where its price rise is asked",
            ),
        ),
    )
)


# --- section 4: comparing two shocks -----------------------------------------------------


def _bigger_shock() -> str:
    chile = _lost("lithium", "Chile", 100)
    china = _lost("rare earths", "China", 50)
    return "b" if china > chile else "a"


question(
    Question(
        id="05-predict-shocks",
        prompt="Predict before you look: which removes the larger share of its mineral's world "
        "supply, Chile stopping all its lithium output (-100%) or China halving its "
        "rare-earth output (-50%)?",
        kind="choice",
        expected=_bigger_shock,
        choices=(
            Choice(
                "a",
                "Chile's lithium stop: a 100 % cut is as large as a cut can be.",
                "cut-size-only",
                "The cut is only one of rule 1's two numbers. What is the other, and how big "
                "is it for Chile and for China?",
                "only the size of the cut compared, not the producer's share",
            ),
            Choice("b", "China's rare-earth cut."),
            Choice(
                "c",
                "You cannot tell without the prices of lithium and rare earths.",
                "needs-price",
                "Rule 1 is about quantities only: neither of its two numbers is a price.",
                "a price thought necessary for the supply lost",
            ),
        ),
        hint="Rule 1 needs two numbers per shock. You know the cuts; what else?"
        "\n"
        "Section 2's table gives China's share of rare earths; lesson 04's lithium "
        "table (or minerals.producers()) gives Chile's. Multiply each by its cut.",
        explain="Now check your prediction in the table below: which column decided it?",
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
        hint="Work out each shock's loss of world supply on its own first."
        "\n"
        "Rule 1 (section 1) for each shock, with each country's 2024 share; then "
        "subtract A's loss from B's.",
        explain="The next question asks you why it comes out this way.",
        mistakes=(
            Mistake(
                "a-minus-b",
                "shock A minus shock B, the wrong way round",
                lambda: _lost("lithium", "Australia", 40) - _lost("cobalt", "Congo (Kinshasa)", 25),
                "a difference taken the wrong way round",
            ),
            Mistake(
                "cuts-compared",
                "the difference between the two cuts, not the supply they remove",
                lambda: 25.0 - 40.0,
                "the cuts compared instead of the supply lost",
            ),
            Mistake(
                "table-cut",
                "Australia's row of the table, which has a 50 % cut, not the 40 % asked",
                lambda: _lost("cobalt", "Congo (Kinshasa)", 25) - _lost("lithium", "Australia", 50),
                "a row with another scenario's numbers used",
            ),
            Mistake(
                "relative-not-pp",
                "how many percent bigger B's loss is than A's, not the difference in "
                "percentage points",
                lambda: (
                    (
                        _lost("cobalt", "Congo (Kinshasa)", 25) / _lost("lithium", "Australia", 40)
                        - 1
                    )
                    * 100
                ),
                "a relative change given where percentage points are asked",
            ),
            Mistake(
                "shares-compared",
                "the difference between the two countries' shares, with the cuts left out",
                lambda: (
                    shocks.producer_share("cobalt", "COD", YEAR)
                    - shocks.producer_share("lithium", "AUS", YEAR)
                ),
                "the shares compared without the cuts",
            ),
        ),
    )
)


def _why_b() -> str:
    """'b' when shock B removes more because Congo's share is larger than Australia's."""
    cobalt = shocks.producer_share("cobalt", "COD", YEAR)
    lithium = shocks.producer_share("lithium", "AUS", YEAR)
    removes_more = _lost("cobalt", "Congo (Kinshasa)", 25) > _lost("lithium", "Australia", 40)
    return "c" if removes_more and cobalt > lithium else "a"


question(
    Question(
        id="05-why-share",
        prompt="Shock B cuts less (25%) than shock A (40%) but removes more of world supply. Why?",
        kind="choice",
        expected=_why_b,
        choices=(
            Choice(
                "a",
                "Cobalt is a more critical mineral than lithium.",
                "importance-not-share",
                "Rule 1 does not know how important a mineral is. Which two numbers does it use?",
                "how critical a mineral is mixed up with how much supply is lost",
            ),
            Choice(
                "b",
                "Congo (Kinshasa) mines more tonnes of cobalt than Australia mines of lithium, "
                "so the same percentage cut removes more of the world total.",
                "tonnes-not-share",
                "Tonnes of two different minerals do not compare: rule 1 uses each country's "
                "share of its own mineral's world total.",
                "tonnes of different minerals compared instead of shares",
            ),
            Choice(
                "c",
                "Congo (Kinshasa) mines a much larger share of the world's cobalt than Australia "
                "does of lithium, so each percent it cuts takes more of world supply.",
            ),
        ),
        hint="Look at the columns of the comparison table: which one differs most between "
        "the two shocks?"
        "\n"
        "Rule 1 multiplies two numbers. The cut favours A; so the other number must "
        "favour B by more.",
        explain="That is rule 1 in words.",
    )
)


# --- section 5: what a stockpile buys ----------------------------------------------------


def _months_exact() -> float:
    return shocks.stockpile_needed(_rare_earths().supply_lost_pct, 20 * ELASTICITY)


question(
    Question(
        id="05-stockpile-months",
        prompt="China cuts rare earths by 50%, elasticity 0.5. What is the smallest whole number "
        "of months of stocks that keeps the model's average price rise over the first 12 "
        "months down to 20%?",
        kind="number",
        unit="months",
        tolerance=0.05,
        expected=lambda: float(math.ceil(_months_exact())),
        hint="Work backwards: which average loss gives a 20 % price rise at elasticity 0.5?"
        "\n"
        "Rule 3 backwards gives that average loss; then solve rule 2 (section 1) for m, "
        "and round up, since fewer months leave the price rise above 20 %.",
        explain="Keep this number for the Think! below.",
        mistakes=(
            Mistake(
                "not-rounded",
                "the exact number of months, not yet rounded up to whole months",
                _months_exact,
                "an exact value where a whole number is asked",
            ),
            Mistake(
                "rounded-down",
                "a number rounded down, which leaves the price rise above 20 %",
                lambda: float(math.floor(_months_exact())),
                "rounded down where the condition needs rounding up",
            ),
            Mistake(
                "covered-not-left",
                "the months that cover the part of the loss above the target, not those that "
                "leave only the target",
                lambda: 12 * (20 * ELASTICITY) / _rare_earths().supply_lost_pct,
                "the covered part of a loss used instead of what is left",
            ),
            Mistake(
                "elasticity-ignored",
                "a 20 % price rise used as the average loss (the elasticity left out)",
                lambda: shocks.stockpile_needed(_rare_earths().supply_lost_pct, 20),
                "a price rise used as a supply loss",
            ),
        ),
    )
)


# --- section 6: who is exposed? ----------------------------------------------------------


def _korea_lithium_share() -> float:
    return float(
        shocks.exposure("lithium", "China", 50, YEAR)
        .set_index("importer_code")
        .loc["KOR", "share_from_country_pct"]
    )


question(
    Question(
        id="05-korea-lithium-risk",
        prompt="Suppose China's exports of lithium hydroxide fall by 50%, spread evenly across "
        "its buyers. What share (in %) of Korea's lithium hydroxide imports is at risk "
        "(latest data year)?",
        kind="number",
        unit="%",
        tolerance=0.25,
        expected=lambda: _korea_lithium_share() * 50 / 100,
        hint="Rule 4, not rule 1: whose share matters here, China's share of the world or of "
        "Korea's imports?"
        "\n"
        "The imports table of section 6 gives China's share of Korea's lithium "
        "hydroxide imports, by year; rule 4 (section 1) does the rest, as the rare-earth "
        "exposure table above it did.",
        explain="Keep this number for the Think! below.",
        mistakes=(
            Mistake(
                "share-not-at-risk",
                "China's share of Korea's imports, with the cut left out",
                _korea_lithium_share,
                "the partner's whole share, without applying the cut",
            ),
            Mistake(
                "wrong-material",
                "Korea's neodymium-magnet row of the exposure table above, not lithium hydroxide",
                lambda: float(
                    shocks.exposure("rare earths", "China", 50, YEAR)
                    .set_index("importer_code")
                    .loc["KOR", "imports_at_risk_pct"]
                ),
                "another material's row used",
            ),
            Mistake(
                "world-mining-share",
                "China's share of world lithium mining, not of Korea's imports",
                lambda: shocks.producer_share("lithium", "China", YEAR) * 50 / 100,
                "the world mining share used where the importer's import share is asked",
            ),
            Mistake(
                "older-year",
                "the 2022 figure, not the latest year",
                lambda: (
                    float(
                        shocks.import_sources()
                        .query("importer_code == 'KOR' and partner_iso3 == 'CHN'")
                        .query("mineral == 'lithium'")
                        .sort_values("year")["share_pct"]
                        .iloc[0]
                    )
                    * 50
                    / 100
                ),
                "an earlier data year used where the latest is asked",
            ),
        ),
    )
)


# --- section 8: China's export controls --------------------------------------------------


def _rare_earth_rows() -> float:
    from koit_lessons import data

    covered = data.load("china_export_controls")["lesson_minerals"].fillna("")
    return float(covered.str.split("; ").apply(lambda names: "rare earths" in names).sum())


def _exact_rare_earth_rows() -> float:
    from koit_lessons import data

    return float((data.load("china_export_controls")["lesson_minerals"] == "rare earths").sum())


def _all_rows() -> float:
    from koit_lessons import data

    return float(len(data.load("china_export_controls")))


question(
    Question(
        id="05-rare-earth-measures",
        prompt="How many rows of china_export_controls (measures and suspensions) mention rare "
        "earths in their lesson_minerals column?",
        kind="number",
        tolerance=0,
        expected=_rare_earth_rows,
        hint="Keep only the rows whose lesson_minerals text mentions rare earths, then count "
        "what is left."
        "\n"
        "A text column's .str.contains() gives True or False per row (na=False treats "
        "empty cells as False); the table filtered with it has len() rows.",
        explain="Now look at the kind column of those rows: are they all new controls?",
        mistakes=(
            Mistake(
                "all-rows",
                "every row of the table, not only those that mention rare earths",
                _all_rows,
                "all rows counted, no filter applied",
            ),
            Mistake(
                "exact-match",
                "only the rows whose lesson_minerals is exactly 'rare earths' (== misses the "
                "rows that list rare earths with other minerals)",
                _exact_rare_earth_rows,
                "an exact match used where the text only has to contain the name",
            ),
        ),
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
        hint="Two conditions, each True or False per row: one on lesson_minerals, one on "
        "suspended."
        "\n"
        "Join the two conditions with & (each in its own round brackets); .notna() is "
        "True where a cell is not empty. Then keep the two columns.",
        explain="Two conditions in one filter.",
    )
)


# --- section 6: reading the exposure chart (objective 5) -----------------------------------


def _not_a_ranking() -> str:
    """'c' when the exposure chart's bars measure different goods or bases."""
    bars = shocks.exposure("rare earths", "China", 50, YEAR).dropna(subset=["imports_at_risk_pct"])
    differ = bars["material"].nunique() > 1 or bars["basis"].nunique() > 1
    return "c" if differ else "a"


question(
    Question(
        id="05-exposure-reading",
        prompt="A newspaper writes: 'Korea is almost twice as exposed to a Chinese cut as "
        "Europe (42% vs 23%).' What is the main problem with the sentence?",
        kind="choice",
        expected=_not_a_ranking,
        choices=(
            Choice(
                "a",
                "Nothing: 42 is almost twice 23, so Korea is almost twice as exposed.",
                "bars-as-ranking",
                "Read the importer, material and basis columns of the table above the chart: "
                "do the two bars measure the same thing?",
                "two bars read as a ranking though they measure different things",
            ),
            Choice(
                "b",
                "The years differ (2023 for Korea, 2024 for the EU), so the bars are a year apart.",
                "year-not-basis",
                "True, but a year apart is the smaller problem: what do the two bars measure, "
                "and how?",
                "a smaller difference taken for the main one",
            ),
            Choice(
                "c",
                "The bars measure different goods, one by value and one by weight, so neither "
                "'twice' nor 'more' follows.",
            ),
        ),
        hint="Which goods does each bar stand for, and is each measured by value or weight?"
        "\n"
        "Section 6's two notes (materials, not ores; value and weight) and the "
        "material and basis columns of the exposure table.",
        explain="Keep that in mind whenever two such bars share an axis.",
    )
)
