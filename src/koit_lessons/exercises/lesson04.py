"""Checked exercises of lesson 04 (Who mines and who refines). Answers are computed
from the shipped data, never typed in."""

from __future__ import annotations

from koit_lessons import data, glossary, minerals
from koit_lessons.checks import Choice, Mistake, Question, question

YEAR = 2024  # revised in USGS Mineral Commodity Summaries 2026
LATER = 2025  # first estimates in the same edition
REFINED = "mineral_processing"
#: MCS 2025's figures for 2023, the year of the IEA figures compared in exercise 5
EARLIER = minerals.EARLIER


def _share(mineral: str, iso3: str, year: int = YEAR, dataset: str = "mineral_production") -> float:
    table = minerals.producers(mineral, year, dataset=dataset)
    return float(table.set_index("iso3").loc[iso3, "share_pct"])


def _iea(mineral: str, stage: str, year: int = 2023, measure: str = "top-3 share") -> float:
    """One figure of the IEA table (section 5)."""
    iea = data.load("iea_supply_concentration")
    row = iea[
        (iea["mineral"] == mineral)
        & (iea["stage"] == stage)
        & (iea["year"] == year)
        & (iea["measure"] == measure)
    ]
    return float(row["share_pct"].iloc[0])


def _reserve_aliases() -> dict[str, str]:
    """The ISO code, "USA"/"US", and each reserve holder's name in English, Korean and
    Italian, whichever edition the lesson is in (the table names them in its language)."""
    table = minerals.reserve_holders("lithium")
    aliases = dict(zip(table["iso3"], table["country"], strict=True))
    usa = table.loc[table["iso3"] == "USA", "country"]
    if not usa.empty:
        aliases.update({"USA": usa.iloc[0], "US": usa.iloc[0]})
    for code, country in zip(table["iso3"], table["country"], strict=True):
        aliases.update({other: country for other in glossary.names_of(code)})
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
        hint="The table `nickel` in the cell is for 2025: find Indonesia's row (iso3 'IDN') "
        "and read its share_pct."
        "\n"
        "Keep the row with a condition inside .loc, then name the column: "
        "table.loc[table['iso3'] == ..., 'share_pct'].",
        explain="Now compare it with Indonesia's 2024 share in the table above: up or down?",
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
        hint="Look at the reserves table and chart just above, not at the production tables."
        "\n"
        "minerals.reserve_holders('lithium') is sorted largest first: which country is in its "
        "first row?",
        explain="Which country mined the most lithium in 2024 (lesson 00)? Is it the same one?",
    )
)

question(
    Question(
        id="04-reserves-change",
        prompt="USGS put the world's lithium reserves at 30 million t in its 2025 edition and "
        "at 37 million t in its 2026 edition. Which explanation fits what reserves measure?",
        kind="choice",
        expected=lambda: "a",
        choices=(
            Choice(
                "a",
                "More known deposits counted as worth mining: companies and governments "
                "reported new or re-assessed deposits.",
            ),
            Choice(
                "b",
                "Less lithium was mined in 2024, so more of it stayed in the ground.",
                "reserves-are-leftover",
                "Reserves are not what is left over after a year's mining: they are the part of "
                "known deposits that could be mined at a profit. What changes that?",
                "reserves read as what mining left in the ground",
            ),
            Choice(
                "c",
                "More lithium was mined in 2024, so the reserves grew with it.",
                "reserves-are-production",
                "Mine production is what was dug up in one year; reserves are what could still "
                "be mined. Mining more does not add to what is left.",
                "reserves taken for mine production",
            ),
        ),
        hint="Read the definition of reserves at the start of section 2 again: which of the "
        "three words 'known', 'deposits' and 'profit' can change in a year?"
        "\n"
        "Section 2: reserves 'change when prices, technology or exploration change'.",
        explain="You used what reserves measure.",
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
        hint="There are two charts above: which one shows refining? Read China's bar there, "
        "or use the table `copper_refined`."
        "\n"
        "In `copper_refined`, keep the row where iso3 is 'CHN' and read its share_pct, as you "
        "did for Indonesia's nickel in section 1.",
        explain="That is China's share of refined copper in 2024.",
    )
)

question(
    Question(
        id="04-alumina-hhi",
        prompt="What is the HHI of alumina refining by country in 2024?",
        kind="number",
        tolerance=5.0,
        expected=lambda: minerals.concentration("alumina", YEAR, dataset=REFINED)["hhi"],
        mistakes=(
            Mistake(
                "hhi-from-fractions",
                "an HHI from shares as fractions, not in %",
                lambda: minerals.concentration("alumina", YEAR, dataset=REFINED)["hhi"] / 10_000,
                "the HHI computed from fractions (0 to 1) instead of percentages",
            ),
            Mistake(
                "top1-squared",
                "the largest country's share squared, without the others",
                lambda: minerals.concentration("alumina", YEAR, dataset=REFINED)["top1_pct"] ** 2,
                "only the largest share squared, not the sum over every country",
            ),
        ),
        hint="The HHI adds up the squared shares of every country, with the shares in % "
        "(0 to 100), not as fractions."
        "\n"
        "Lesson 00, section 4 computed it for one mineral: metrics.hhi() takes the whole "
        "share_pct column of `alumina`.",
        explain="Now put it beside bauxite mining's HHI in section 1: which stage is more "
        "concentrated?",
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
            Mistake(
                "copied-iea",
                "the IEA's figure, not your USGS computation",
                lambda: _iea("nickel", "mining"),
                "a figure of the other source copied where one's own computation is asked",
            ),
            Mistake(
                "iea-refining",
                "the IEA's refining figure, not a mining share",
                lambda: _iea("nickel", "refining"),
                "a refining figure read where mining is asked",
            ),
        ),
        prompt="By the USGS figures, what share (in %) of world nickel mine production did the "
        "three largest producers have together in 2023?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=lambda: minerals.concentration("nickel", 2023, dataset=EARLIER)["top3_pct"],
        hint="Use the USGS table `nickel_2023` in the cell, not the IEA table: add up its three "
        "largest shares."
        "\n"
        "Lesson 00, section 4 did it for cobalt: metrics.top_k_share() takes a share_pct "
        "column and k.",
        explain="The IEA says 69 %. The next cell lists four reasons two sources can differ: "
        "which could fit here?",
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
        hint="Keep the rows where a condition on share_pct is True, then keep the two columns. "
        "share_pct is in % (0 to 100), not a fraction."
        "\n"
        "Lesson 02's worked example: table[table['column'] > value]; two columns with "
        "[['country', 'share_pct']].",
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
        hint="Drop the rows with a production of 0, group by mineral and count the countries "
        "in each group; then turn the result back into a table."
        "\n"
        "reset_index() turns the counted Series into a table; its name=... argument names "
        "the count column (the column the question asks for).",
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
        hint="A DataFrame can draw itself: .plot.barh() with x= the names and y= the lengths "
        "(and ax=ax), or use plots.barh as in the cells above."
        "\n"
        "What the plotting call returns is an Axes: its set_title() and set_xlabel() add the "
        "title and the label.",
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
        hint="For each chain, compare the length of its mining bar with its refining bar."
        "\n"
        "The bars are shares of each stage's own world total (see the x-axis label), "
        "not amounts or names.",
        explain="You read the two stages against each other.",
    )
)


question(
    Question(
        id="04-sources-gap",
        prompt="USGS gives the three largest nickel miners 71.3 % in 2023, the IEA 69 %: same "
        "mineral, same stage, same year. Which explanation of the gap does that rule out?",
        kind="choice",
        expected=lambda: "c",
        choices=(
            Choice(
                "a",
                "What is counted: the two may count different nickel products.",
                "same-name-same-count",
                "The same mineral's name does not mean the same count: section 5's first "
                "reason showed two sources counting rare earths differently. Which reason is "
                "really fixed by the question?",
                "the same mineral's name taken for the same material counted",
            ),
            Choice(
                "b",
                "Whose estimate: each agency estimates country figures its own way.",
                "same-year-same-estimate",
                "Even for one year, USGS and the IEA compile and estimate country figures "
                "each in their own way (section 5's second reason). Which reason is "
                "really fixed by the question?",
                "two agencies assumed to make the same estimate for the same year",
            ),
            Choice("c", "Year: the figures describe different years."),
        ),
        hint="Of the four reasons in section 5, which one did you rule out yourself when you "
        "picked the USGS table for the comparison?"
        "\n"
        "Section 5: 'The same year matters' - why did you use mineral_production_2023?",
        explain="You matched a reason to the evidence.",
    )
)
