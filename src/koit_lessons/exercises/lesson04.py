"""Checked exercises of lesson 04 (Who mines and who refines). Answers are computed
from the shipped data, never typed in."""

from __future__ import annotations

from koit_lessons import data, minerals
from koit_lessons.checks import Choice, Mistake, Question, question

YEAR = 2024  # revised in USGS Mineral Commodity Summaries 2026
LATER = 2025  # first estimates in the same edition
REFINED = "mineral_processing"
#: MCS 2025's figures for 2023, the year of the IEA figures compared in exercise 5
EARLIER = minerals.EARLIER


def _share(mineral: str, iso3: str, year: int = YEAR, dataset: str = "mineral_production") -> float:
    table = minerals.producers(mineral, year, dataset=dataset)
    return float(table.set_index("iso3").loc[iso3, "share_pct"])


def _reserve_aliases() -> dict[str, str]:
    table = minerals.reserve_holders("lithium")
    aliases = dict(zip(table["iso3"], table["country"], strict=True))
    aliases.update({"USA": "United States", "US": "United States"})
    return aliases


# --- retrieval starter: lesson 00 (shares, top-3 share, HHI) ------------------------------


def _lithium_top3_band() -> str:
    """'a' when lithium's three largest miners held over three quarters, not all, of 2024."""
    top3 = minerals.concentration("lithium", YEAR)["top3_pct"]
    if top3 >= 99.5:
        return "c"
    return "a" if top3 > 75 else "b"


question(
    Question(
        id="04-recall-1",
        prompt="In 2024 Australia, Chile and China were the three largest lithium miners "
        "(USGS, lesson 00). What was their top-3 share of the reported world lithium total?",
        kind="choice",
        expected=_lithium_top3_band,
        choices=(
            Choice("a", "More than three quarters, but not all of it."),
            Choice(
                "b",
                "About 37 %, Australia's share.",
                "top1-not-top3",
                "That is the largest producer alone. The top-3 share adds the shares of the "
                "three largest.",
            ),
            Choice(
                "c",
                "100 %: the three of them mined all the world's lithium.",
                "top3-is-whole-world",
                "Lesson 00's lithium table had more countries below the top three: Zimbabwe, "
                "Argentina, Brazil and others. The top three hold a share, not the whole.",
                "the top three producers taken for all producers",
            ),
        ),
        hint="The top-3 share adds up the shares of the three largest producers: roughly how "
        "big were the three lithium bars together?"
        "\n"
        "Lesson 00, section 4: 'Australia, Chile and China together mined more than ...' "
        "Were there bars below the top three?",
        explain="You remembered what the top-3 share adds up.",
    )
)


def _graphite_more_concentrated() -> str:
    """'c' when graphite mining had the higher HHI of the two in 2024."""
    graphite = minerals.concentration("graphite", YEAR)["hhi"]
    lithium = minerals.concentration("lithium", YEAR)["hhi"]
    return "c" if graphite > lithium else "a"


question(
    Question(
        id="04-recall-2",
        prompt="In 2024 natural graphite mining had an HHI of about 6,800 and lithium mining a "
        "lower one (USGS, lesson 00). What does graphite's higher HHI say?",
        kind="choice",
        expected=_graphite_more_concentrated,
        choices=(
            Choice(
                "a",
                "More graphite than lithium was mined.",
                "hhi-is-amount",
                "The HHI is built from shares, which have no unit: it cannot compare tonnes "
                "of two minerals. What does it add up?",
                "the HHI read as an amount produced",
            ),
            Choice(
                "b",
                "More countries mined graphite than lithium.",
                "hhi-counts-countries",
                "The HHI squares the shares, so big shares dominate it and many small "
                "producers barely move it. Does a high HHI mean more big producers, or fewer?",
                "the HHI read as a count of producers",
            ),
            Choice(
                "c",
                "Graphite mining was more concentrated: a larger part of it sat with fewer "
                "countries.",
            ),
        ),
        hint="The HHI adds up the squared shares: which gives the bigger sum, one country "
        "with most of the supply or many with a little each?"
        "\n"
        "Lesson 00, section 4: the HHI runs from near 0 (many small producers) to 10,000 "
        "(one producer has everything).",
        explain="You remembered what the HHI measures.",
    )
)


question(
    Question(
        id="04-nickel-indonesia",
        mistakes=(
            Mistake(
                "wrong-year",
                "the 2024 share, not the 2025 one",
                lambda: _share("nickel", "IDN", year=YEAR),
            ),
        ),
        prompt="What share of world nickel mine production (in %) came from Indonesia in 2025 "
        "(USGS estimate)?",
        kind="number",
        unit="%",
        tolerance=0.5,
        expected=lambda: _share("nickel", "IDN", year=LATER),
        hint="Use minerals.producers('nickel', 2025) and read Indonesia's share_pct, or divide "
        "its production by minerals.world_total('nickel', 2025) and multiply by 100.",
        explain="Already over three fifths of the world's mined nickel in 2024, and a larger "
        "share still in the 2025 estimate.",
    )
)

question(
    Question(
        id="04-lithium-reserves-top",
        mistakes=(
            Mistake(
                "production-not-reserves",
                "the largest producer, not the largest reserve holder",
                lambda: minerals.producers("lithium", YEAR)["country"].iloc[0],
                "production where reserves are asked",
            ),
        ),
        prompt="Which country held the largest lithium reserves in 2024 (USGS)?",
        kind="text",
        expected=lambda: minerals.reserve_holders("lithium")["country"].iloc[0],
        aliases=_reserve_aliases,
        hint="minerals.reserve_holders('lithium') is sorted largest first: look at its first row.",
        explain="The country with the largest reserves is not the one that mines the most.",
    )
)

question(
    Question(
        id="04-copper-china-refined",
        mistakes=(
            Mistake(
                "mine-not-refined",
                "China's share of mine production, not of refinery production",
                lambda: _share("copper", "CHN"),
                "mine production where refinery production is asked",
            ),
        ),
        prompt="What share of world refined copper production (in %) came from China in 2024?",
        kind="number",
        unit="%",
        tolerance=0.5,
        expected=lambda: _share("copper", "CHN", dataset=REFINED),
        hint="Pass dataset='mineral_processing' to minerals.producers to get refinery production.",
        explain="China mined under a tenth of the world's copper but refined over two fifths "
        "of the world's refined copper.",
    )
)

question(
    Question(
        id="04-alumina-hhi",
        prompt="What is the HHI of alumina refining by country in 2024?",
        kind="number",
        tolerance=5.0,
        expected=lambda: minerals.concentration("alumina", YEAR, dataset=REFINED)["hhi"],
        hint="The HHI adds up the squared shares, in %, of every country's alumina refinery "
        "production; metrics.hhi() does it for a column of shares.",
        explain="About twice the HHI of bauxite mining: refining is the more concentrated stage.",
    )
)

question(
    Question(
        id="04-nickel-top3-2023",
        mistakes=(
            Mistake(
                "top1-not-top3",
                "the top producer only, not the top three",
                lambda: minerals.concentration("nickel", 2023, dataset=EARLIER)["top1_pct"],
            ),
            Mistake(
                "wrong-year",
                "the 2024 figure, not the 2023 one",
                lambda: minerals.concentration("nickel", YEAR)["top3_pct"],
            ),
        ),
        prompt="By the USGS figures, what share (in %) of world nickel mine production did the "
        "three largest producers have together in 2023?",
        kind="number",
        unit="%",
        tolerance=0.5,
        expected=lambda: minerals.concentration("nickel", 2023, dataset=EARLIER)["top3_pct"],
        hint="Add the three largest shares of the 2023 nickel table (from the data set "
        "mineral_production_2023), as you did for cobalt in lesson 00.",
        explain="Close to the IEA's 69%, but not the same: the two sources estimate differently.",
    )
)


# --- own code and reading figures (issue 20) ---------------------------------------------

OVER = 5  # the threshold of the filter exercise, in % of world production


def _copper_refiners() -> object:
    """The countries with over 5 % of world refined copper in 2024, with their shares."""
    table = minerals.producers("copper", YEAR, dataset=REFINED)
    return table.loc[table["share_pct"] > OVER, ["country", "share_pct"]]


question(
    Question(
        id="04-copper-refiners",
        prompt="A table of the countries that had more than 5% of world refined copper "
        "production in 2024, with their shares (columns country and share_pct).",
        kind="frame",
        tolerance=0.05,
        expected=_copper_refiners,
        hint="Keep the rows where a condition on share_pct is True: a comparison inside "
        "the square brackets, as in the worked example of lesson 02.",
        explain="That is a filter you wrote yourself.",
    )
)


def _countries_per_mineral(above_zero: bool = True) -> object:
    """How many countries mined each mineral in 2024 (production above 0: USGS lists
    some countries with a 0, which is no production, lesson 00); with
    ``above_zero=False``, every country row."""
    table = data.table("mineral_production")
    production = table[(table["year"] == YEAR) & (table["kind"] == "country")]
    if above_zero:
        production = production[production["production"] > 0]
    return production.groupby("mineral")["country"].count().reset_index(name="countries")


question(
    Question(
        id="04-countries-per-mineral",
        prompt="For each mineral, how many countries had mine production above zero in 2024 "
        "(a table with columns mineral and countries).",
        kind="frame",
        expected=_countries_per_mineral,
        mistakes=(
            Mistake(
                "counted-zero-rows",
                "the rows with a production of 0 counted as producers",
                lambda: _countries_per_mineral(above_zero=False),
                "a 0 (no production) counted as production",
            ),
        ),
        hint="Group the 2024 country rows by mineral and count the countries in each group; "
        "reset_index() can give the count column its name.",
        explain="A group-by: one row per group, one number per row.",
    )
)


def _alumina_shares() -> object:
    table = minerals.producers("alumina", YEAR, dataset=REFINED)
    return table.set_index("country")["share_pct"]


question(
    Question(
        id="04-alumina-chart",
        prompt="A horizontal bar chart of each country's share of world alumina refining in "
        "2024, with a title and axis labels.",
        kind="figure",
        chart="barh",
        tolerance=0.05,
        expected=_alumina_shares,
        hint="A DataFrame's .plot.barh() draws one bar per row; tell it which column gives "
        "the names (x) and which the lengths (y); then the Axes' set_title() and set_xlabel().",
        explain="Your own chart, checked against the data.",
    )
)


def _refining_more_concentrated() -> bool:
    stages = minerals.mine_vs_refine(YEAR).pivot(index="chain", columns="stage", values="top1_pct")
    return bool((stages["refining"] > stages["mining"]).all())


question(
    Question(
        id="04-stages-reading",
        prompt="What does the chart 'The largest country's share, mining vs refining (2024)' show?",
        kind="choice",
        expected=lambda: "b" if _refining_more_concentrated() else "d",
        choices=(
            Choice(
                "a",
                "China mined the most copper and bauxite, so it also refines the most.",
                "miner-is-refiner",
                "The chart shows the largest country's share, not who it is; and the copper "
                "charts above show that the largest miner and refiner are different countries.",
                "the largest miner taken for the largest refiner",
            ),
            Choice(
                "b",
                "In both chains the largest refiner holds a bigger share than the largest miner.",
            ),
            Choice(
                "c",
                "Less refined metal is made than ore is mined, so refining is more concentrated.",
                "amount-not-share",
                "The bars are shares of each stage's own world total, not amounts: a smaller "
                "total says nothing about how it is shared out.",
                "amounts compared where shares are shown",
            ),
            Choice(
                "d",
                "In at least one chain the largest miner holds the bigger share.",
                "misread-bars",
                "Compare the two bars of each chain again: which stage's bar is longer?",
                "the bars of a chart read the wrong way round",
            ),
        ),
        hint="For each chain, compare the length of its mining bar with its refining bar.",
        explain="You read the two stages against each other.",
    )
)
