"""Checked exercises of lesson 00 (Start here). Answers are computed from the data."""

from __future__ import annotations

from koit_lessons import data, glossary, metrics, minerals, partnership
from koit_lessons.checks import Mistake, Question, question

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
        aliases=lambda: _country_aliases("lithium"),
        hint="The table from minerals.producers() is sorted largest first: look at its first row.",
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
        ),
        prompt="What share of world lithium mine production (in %) came from Australia in 2024?",
        kind="number",
        unit="%",
        tolerance=0.5,
        expected=lambda: float(
            minerals.producers("lithium", YEAR).set_index("iso3").loc["AUS", "share_pct"]
        ),
        hint="Divide Australia's production by the world total and multiply by 100, "
        "or read the share_pct column.",
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
        hint="Add up the three largest shares in the share_pct column (the table is sorted "
        "largest first); metrics has a function for the top k shares.",
        explain="Almost nine tenths of the world's cobalt came from three countries.",
    )
)

question(
    Question(
        id="00-korea-minerals",
        prompt="For which of the minerals in the data set does the Republic of Korea "
        "report production in 2024?",
        kind="names",
        aliases=_mineral_aliases,
        expected=lambda: sorted(
            m for m in minerals.mineral_names() if "KOR" in set(minerals.producers(m, YEAR)["iso3"])
        ),
        hint="Filter the production table for iso3 == 'KOR', the year 2024 and production "
        "above 0 (USGS prints a dash, zero, for some rows), then look at the mineral column.",
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
        ),
        prompt="What is the HHI of natural graphite mine production by country in 2024?",
        kind="number",
        tolerance=5.0,
        expected=lambda: minerals.concentration("graphite", YEAR)["hhi"],
        hint="The HHI is the sum of the squared shares, in %: square each country's share_pct "
        "and add them up, or find the metrics function that does it.",
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
        aliases=lambda: {"state": "state visit", "official": "official visit"},
        hint="Ask who made the visit: a head of state, or a head of government? The rule is "
        "in the paragraph on the Reuters wording.",
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
        "year column.",
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
        hint="Square each share, in %, and add the squares up; metrics.hhi() takes a list "
        "of shares.",
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
        hint="Compare your HHI from Exercise 7 with the line, and mind the scale of each.",
        explain="Now say in one sentence what that means for a country that buys graphite.",
    )
)
