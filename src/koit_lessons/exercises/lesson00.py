"""Checked exercises of lesson 00 (Start here). Answers are computed from the data."""

from __future__ import annotations

from koit_lessons import data, glossary, metrics, minerals, partnership
from koit_lessons.checks import Choice, Mistake, Question, question

YEAR = 2024  # the latest year USGS Mineral Commodity Summaries 2026 revised


def _country_aliases(mineral: str) -> dict[str, str]:
    """Accept the ISO code and a few common short names for each producing country."""
    table = minerals.producers(mineral, YEAR)
    aliases = dict(zip(table["iso3"], table["country"], strict=True))
    common = {
        "DR Congo": "Congo (Kinshasa)",
        "DRC": "Congo (Kinshasa)",
        "South Korea": "Korea, Republic of",
        "Korea": "Korea, Republic of",
        "Myanmar": "Burma",
        "USA": "United States",
        "US": "United States",
    }
    aliases.update({k: v for k, v in common.items() if v in set(table["country"])})
    # the names in English, Korean and Italian, whichever edition the lesson is in
    for code, country in zip(table["iso3"], table["country"], strict=True):
        aliases.update({other: country for other in glossary.names_of(code)})
    english = data.table("mineral_production").drop_duplicates("iso3").set_index("iso3")
    aliases.update(
        {english.loc[c, "country"]: n for c, n in zip(table["iso3"], table["country"], strict=True)}
    )
    return aliases


def _mineral_aliases() -> dict[str, str]:
    """Accept a mineral's Korean or Italian name for the name in the data."""
    return {other: m for m in minerals.mineral_names() for other in glossary.names_of(m)}


question(
    Question(
        id="00-lithium-top",
        prompt="Which country mined the most lithium in 2024?",
        kind="text",
        expected=lambda: minerals.producers("lithium", YEAR)["country"].iloc[0],
        mistakes=(
            Mistake(
                "runner-up",
                "the second-largest producer",
                lambda: minerals.producers("lithium", YEAR)["country"].iloc[1],
                "the second-largest where the largest is asked",
            ),
        ),
        aliases=lambda: _country_aliases("lithium"),
        hint="Which row of the table has the largest production?"
        "\n"
        "The table from minerals.producers() is sorted largest first: look at its first row.",
        explain="It mined more lithium than any other country, yet far from all of it.",
    )
)

question(
    Question(
        id="00-lithium-share",
        mistakes=(
            Mistake(
                "wrong-year",
                "the 2025 share, not the 2024 one",
                lambda: float(
                    minerals.producers("lithium", 2025).set_index("iso3").loc["AUS", "share_pct"]
                ),
                "a figure of another year than the one asked",
            ),
            Mistake(
                "wrong-row",
                "another country's share, not Australia's",
                lambda: float(minerals.producers("lithium", YEAR)["share_pct"].iloc[1]),
                "a value read from another row than the one asked",
            ),
        ),
        prompt="What share of world lithium mine production (in %) came from Australia in 2024?",
        kind="number",
        unit="%",
        tolerance=0.5,
        expected=lambda: float(
            minerals.producers("lithium", YEAR).set_index("iso3").loc["AUS", "share_pct"]
        ),
        hint="A share compares one country's production with the world total. Which row is "
        "Australia's?"
        "\n"
        "The formula above section 3's table: Australia's production divided by the world "
        "total, times 100; or read Australia's row in the share_pct column.",
        explain="A bit more than a third of the reported world total came from one country.",
    )
)

question(
    Question(
        id="00-cobalt-top3",
        mistakes=(
            Mistake(
                "top1-not-top3",
                "the top producer only, not the top three",
                lambda: minerals.concentration("cobalt", YEAR)["top1_pct"],
                "the largest producer's share where the top three's is asked",
            ),
        ),
        prompt="What share (in %) of world cobalt mine production did the three largest "
        "producers have together in 2024?",
        kind="number",
        unit="%",
        tolerance=0.5,
        expected=lambda: minerals.concentration("cobalt", YEAR)["top3_pct"],
        hint="The top three are the first three rows of the table: it is sorted largest first."
        "\n"
        "Add up their share_pct values, or give the metrics function the exercise names the "
        "share_pct column and k = 3.",
        explain="Almost nine tenths of the world's cobalt came from three countries.",
    )
)


def _rows_listed(iso3: str) -> list[str]:
    """The minerals with a row for a country in 2024, its printed zeros (dashes) included."""
    table = data.load("mineral_production")
    rows = table[(table["iso3"] == iso3) & (table["year"] == YEAR)]
    return sorted(rows["mineral"])


question(
    Question(
        id="00-korea-minerals",
        prompt="For which of the minerals in the data set does the Republic of Korea "
        "report production in 2024?",
        kind="names",
        mistakes=(
            Mistake(
                "zero-row-counted",
                "a row whose production is 0 counted: USGS printed a dash there, which means "
                "no production",
                lambda: _rows_listed("KOR"),
                "a row with production 0 (a printed dash) counted as production",
            ),
        ),
        aliases=_mineral_aliases,
        expected=lambda: sorted(
            m for m in minerals.mineral_names() if "KOR" in set(minerals.producers(m, YEAR)["iso3"])
        ),
        hint="Which column says whether Korea mined anything, and which value there means none?"
        "\n"
        "Do what the worked example did for Canada, with Korea's code: its rows for 2024, "
        "then only those whose production is above 0, and read their mineral column.",
        explain="Korea mined a little graphite, well under 1 % of the world total.",
    )
)

question(
    Question(
        id="00-graphite-hhi",
        mistakes=(
            Mistake(
                "hhi-from-fractions",
                "an HHI from shares as fractions (0 to 1), not in % (0 to 10,000)",
                lambda: minerals.concentration("graphite", YEAR)["hhi"] / 10_000,
                "an HHI computed from shares as fractions, or read as a percentage",
            ),
            Mistake(
                "top1-squared-only",
                "only the largest share squared: the HHI adds up every country's square",
                lambda: minerals.concentration("graphite", YEAR)["top1_pct"] ** 2,
                "the largest share squared alone, where the HHI adds every share's square",
            ),
            Mistake(
                "top1-squared-only",
                "only the largest share squared: the HHI adds up every country's square",
                lambda: round(minerals.concentration("graphite", YEAR)["top1_pct"], 1) ** 2,
            ),
        ),
        prompt="What is the HHI of natural graphite mine production by country in 2024?",
        kind="number",
        tolerance=5.0,
        expected=lambda: minerals.concentration("graphite", YEAR)["hhi"],
        hint="The HHI squares every country's share, in %, not only the largest one's."
        "\n"
        "Section 4's example gave metrics.hhi a list of shares: give it the graphite table's "
        "share_pct column in the same way.",
        explain="That is the sum of the squared shares of the listed countries.",
    )
)

#: the 1,800 line of the U.S. Merger Guidelines (2023), Guideline 1: above it, a market is
#: "highly concentrated"
HIGHLY_CONCENTRATED = 1_800


def _visit_kind(short_label: str) -> str:
    """The kind of visit the timeline records for an event, e.g. "state visit"."""
    tl = partnership.timeline("visit")
    term = tl.loc[tl["short_label"] == short_label, "official_term"].iloc[0]
    return term.split("(")[0].strip()


question(
    Question(
        id="00-mattarella-visit",
        mistakes=(
            Mistake(
                "head-of-state-rule",
                "the kind of visit a head of government makes",
                lambda: "official visit",
                "a visit's kind chosen without asking who made it (head of state or of government)",
            ),
        ),
        prompt="Sergio Mattarella, Italy's President and head of state, visited Korea in "
        "November 2023. Was it a state visit or an official visit?",
        kind="text",
        expected=lambda: _visit_kind("President Mattarella's state visit"),
        aliases=lambda: {
            "state": "state visit",
            "official": "official visit",
            "a state visit": "state visit",
            "an official visit": "official visit",
        },
        hint="Ask who made the visit: a head of state, or a head of government?"
        "\n"
        "The rule is in the paragraph How the reports differ, on the Reuters wording: which "
        "kind of visit does a head of state make?",
        explain="The timeline in lesson 07 records the same term.",
    )
)

question(
    Question(
        id="00-latest-data-year",
        mistakes=(
            Mistake(
                "publication-not-data-year",
                "the year the edition was published, not the year its numbers describe",
                lambda: 2026,
                "the publication year where the data year is asked",
            ),
            Mistake(
                "revised-not-latest",
                "the latest year the edition revised, not the latest year in the table",
                lambda: YEAR,
            ),
        ),
        prompt="What is the latest data year in the mineral_production table?",
        kind="number",
        unit="year",
        expected=lambda: int(data.load("mineral_production")["year"].max()),
        hint="A table's column has a method that gives its largest value; use it on the "
        "year column."
        "\n"
        'Pick the column with production["year"], then call the method whose name means '
        "largest, with its brackets ().",
        explain="Now compare it with your prediction.",
    )
)

question(
    Question(
        id="00-hhi-four-equal",
        mistakes=(
            Mistake(
                "sum-not-squares",
                "the sum of the shares, not of their squares",
                lambda: 100.0,
                "the shares added up without squaring them",
            ),
            Mistake(
                "hhi-from-fractions",
                "an HHI from shares as fractions (0 to 1), not in % (0 to 10,000)",
                lambda: metrics.hhi([25] * 4) / 10_000,
            ),
        ),
        prompt="Four producers have 25 % each. What is the HHI?",
        kind="number",
        tolerance=0.5,
        expected=lambda: metrics.hhi([25] * 4),
        hint="Square each share, in %, and add the squares up."
        "\n"
        "The example above gave metrics.hhi a list of three shares; give it the four shares "
        "of 25 in the same way.",
        explain="Compare it with the 50–30–20 example and with your prediction.",
    )
)

question(
    Question(
        id="00-graphite-highly-concentrated",
        mistakes=(
            Mistake(
                "hhi-read-as-percent",
                "an HHI read as a percentage: it runs from 0 to 10,000",
                lambda: "no",
            ),
        ),
        prompt="By the 1,800 line of the U.S. Merger Guidelines, was natural graphite mining "
        "highly concentrated in 2024? Answer 'yes' or 'no'.",
        kind="text",
        expected=lambda: (
            "yes" if minerals.concentration("graphite", YEAR)["hhi"] > HIGHLY_CONCENTRATED else "no"
        ),
        aliases=lambda: {"true": "yes", "false": "no", "y": "yes", "n": "no"},
        hint="Where does your HHI sit compared with 1,800?"
        "\n"
        "An HHI runs from 0 to 10,000, not 0 to 100: compare your Exercise 7 number with 1,800 "
        "as they are.",
        explain="Now say in one sentence what that means for a country that buys graphite.",
    )
)


# --- predictions, checked before anything is computed ----------------------------------


def _latest_year_letter() -> str:
    """The letter of the latest data year in the table: a 2024, b 2025, c 2026."""
    latest = int(data.load("mineral_production")["year"].max())
    return {2024: "a", 2025: "b", 2026: "c"}[latest]


question(
    Question(
        id="00-latest-year-guess",
        prompt="Predict: USGS published Mineral Commodity Summaries 2026 in February 2026. "
        "What is the latest year its numbers describe?",
        kind="choice",
        expected=_latest_year_letter,
        choices=(
            Choice(
                "a",
                "2024, two years before the edition.",
                "lag-overestimated",
                "Many statistics come out two years late, but this edition also gives first "
                "estimates for the year that had just ended. Read the citation below.",
                "a data year guessed older than the source gives",
            ),
            Choice("b", "2025, the year before the edition."),
            Choice(
                "c",
                "2026, the year of the edition.",
                "publication-not-data-year",
                "An edition published in February cannot yet measure the year it comes out "
                "in: the year in its title is the year it was published.",
            ),
        ),
        hint="Could numbers published in February describe the whole of that same year?"
        "\n"
        "The title gives the year of publication; the numbers describe the years before it, "
        "up to the one that had just ended.",
        explain="Your prediction is right; now find that year in the table.",
    )
)


def _hhi_four_letter() -> str:
    """The letter of the right prediction: four shares of 25 % against 50–30–20."""
    four, three = metrics.hhi([25] * 4), metrics.hhi([50, 30, 20])
    return "a" if four > three else ("b" if four < three else "c")


question(
    Question(
        id="00-hhi-four-guess",
        prompt="Predict: four producers have 25 % each. Is their HHI higher or lower than the "
        "3,800 of three producers with 50 %, 30 % and 20 %?",
        kind="choice",
        expected=_hhi_four_letter,
        choices=(
            Choice(
                "a",
                "Higher: four producers give four squares to add.",
                "more-producers-higher",
                "More producers means more squares to add, but each square is smaller: "
                "compare 25² with 50².",
                "more producers taken to mean a higher HHI, whatever their shares",
            ),
            Choice("b", "Lower."),
            Choice(
                "c",
                "The same: the shares add up to 100 % in both markets.",
                "shares-sum-same",
                "The shares add up to 100 % in every market: the HHI adds up their squares, "
                "not the shares.",
                "two markets taken to have the same HHI because their shares add up to 100",
            ),
        ),
        hint="The HHI squares each share. Which is larger: one share of 50 squared, or one "
        "of 25 squared?"
        "\n"
        "Section 4's example: 50² + 30² + 20² = 3,800. Estimate 25² four times and compare.",
        explain="Your prediction is right; now compute it.",
    )
)


# --- citing the source -------------------------------------------------------------------


def _publisher() -> str:
    """Who published the mineral data, as the data set's record names it."""
    return data.describe("mineral_production")["sources"][0]["publisher"]


question(
    Question(
        id="00-data-source",
        mistakes=(
            Mistake(
                "publisher-not-producer",
                "a country the numbers are about, not the organisation that published them",
                lambda: "China",
                "a country in the data named where the organisation that measured it is asked",
            ),
            Mistake(
                "paper-not-agency",
                "the title of the publication, not the organisation that published it",
                lambda: "Mineral Commodity Summaries",
                "a publication's title named where its publisher is asked",
            ),
            Mistake(
                "paper-not-agency",
                "the title of the publication, not the organisation that published it",
                lambda: "Mineral Commodity Summaries 2026",
            ),
        ),
        prompt="From the citation of mineral_production: which organisation published the numbers?",
        kind="text",
        expected=_publisher,
        aliases=lambda: {
            "USGS": "U.S. Geological Survey",
            "US Geological Survey": "U.S. Geological Survey",
            "United States Geological Survey": "U.S. Geological Survey",
            "the U.S. Geological Survey": "U.S. Geological Survey",
            "미국 지질조사국": "U.S. Geological Survey",
            "미국지질조사국": "U.S. Geological Survey",
            "미국 지질조사국(USGS)": "U.S. Geological Survey",
            "Servizio geologico degli Stati Uniti": "U.S. Geological Survey",
            "Istituto geologico degli Stati Uniti": "U.S. Geological Survey",
        },
        hint="A citation names who published the numbers, and separately the title of what "
        "they published."
        "\n"
        "Read the first line under the title that data.cite printed: the organisation comes "
        "first, before the title of its publication.",
        explain="A number you quote should carry that name, its year and what it measures.",
    )
)
