"""Checked exercises of lesson 08 (Alliance networks). Answers are computed by
:mod:`koit_lessons.networks` from the shipped data, never typed in."""

from __future__ import annotations

from koit_lessons import data, networks, policy
from koit_lessons.checks import Choice, Mistake, Question, question

#: The groupings left out in the before/after question: NATO and its Indo-Pacific partners.
WITHOUT_NATO = [g for g in networks.BASE if g not in ("NATO", "NATO IP4")]


def _country_aliases() -> dict[str, str]:
    aliases = {k: v for k, v in networks._ALIASES.items()}
    table = networks.table()
    aliases.update(dict(zip(table["iso3"], table["country"], strict=True)))
    return aliases


# --- retrieval starter: lesson 06 (the single-country cap, the MSP) -----------------------

YEAR = 2024  # the USGS data year of lesson 06's cap table


def _rare_earth_excess() -> float:
    """Percentage points by which 2024 rare-earth mining exceeds the EU's 65 % ceiling
    (computed as lesson 06 does)."""
    return policy.single_country_check(
        policy.production_portfolio("rare earths", YEAR),
        policy.target_value("eu-single-country"),
        rounding_pp=policy.USGS_ROUNDING_PP,
    ).excess_pp


def _cap_verdict() -> str:
    """'b' when China's 2024 rare-earth share is about 6 points above the ceiling."""
    excess = _rare_earth_excess()
    if excess <= 0:
        return "a"
    return "b" if round(excess) == 6 else "c"


question(
    Question(
        id="08-recall-1",
        prompt="In 2024 China mined about 71% of the world's rare earths (USGS). Tested "
        "against the EU's 65% single-country ceiling (lesson 06), what does the cap test say?",
        kind="choice",
        expected=_cap_verdict,
        choices=(
            Choice(
                "a",
                "It passes: 65 % is a floor, and 71 % is above it.",
                "floors-not-ceilings",
                "The CRMA's 65 % is a ceiling: at most 65 % from any single third country. "
                "Is 71 above or below a ceiling of 65?",
            ),
            Choice("b", "It fails, by about 6 percentage points."),
            Choice(
                "c",
                "It fails, by about 9 %: (71 − 65) / 65.",
                "relative-not-points",
                "The test subtracts one share from another: the gap between two percentages "
                "is counted in percentage points, not as a percent of the cap.",
                "a gap between two percentages given as a percent change",
            ),
        ),
        hint="Is the 65 % an upper limit or a lower one? And how do you measure the gap "
        "between two shares?"
        "\n"
        "Lesson 06, section on the cap test: largest share minus cap, in percentage points.",
        explain="You remembered how the cap test works.",
    )
)


def _msp_both_and_eu() -> str:
    """'b' when Korea and Italy are both in lesson 06's MSP list, beside the EU and some
    of its member states."""
    members = policy.msp_members()
    both = {"KOR", "ITA"} <= set(members["iso3"].dropna())
    eu = (members["kind"] == "union").any() and members["eu_member_state"].any()
    if both and eu:
        return "b"
    return "a" if "ITA" not in set(members["iso3"].dropna()) else "c"


question(
    Question(
        id="08-recall-2",
        prompt="Which is right about the Minerals Security Partnership's member list of June "
        "2024 (lesson 06)?",
        kind="choice",
        expected=_msp_both_and_eu,
        choices=(
            Choice(
                "a",
                "Korea is a member; Italy is not, because the MSP is an Indo-Pacific club.",
                "msp-is-indo-pacific",
                "Lesson 06's list had European members too. The MSP is a partnership on "
                "mineral supply chains, not a club of one region.",
                "the MSP taken for an Indo-Pacific club",
            ),
            Choice(
                "b",
                "Korea and Italy are both members, and the EU sits in it too, beside some of "
                "its member states.",
            ),
            Choice(
                "c",
                "Italy is in it only through the EU, which speaks for its member states.",
                "member-through-eu",
                "Lesson 06's table listed Italy as a member in its own right. What did its "
                "eu_member_state column show?",
                "a country's own membership taken for the EU's",
            ),
        ),
        hint="Picture lesson 06's member table: which European countries were on it, and "
        "was the EU one of the rows?"
        "\n"
        "Lesson 06, 'The partnership': policy.msp_members() lists each member with its "
        "kind and whether it is an EU member state.",
        explain="You remembered who sits in the MSP; this lesson counts it as one of its clubs.",
    )
)


question(
    Question(
        id="08-shared-count",
        prompt="Of the ten groupings in alliance_memberships, how many do Korea and Italy "
        "both belong to?",
        kind="number",
        unit="groupings",
        tolerance=0,
        expected=lambda: len(networks.shared("Korea", "Italy")[0]),
        hint="networks.shared() returns three lists; the first holds the groupings both "
        "countries are in: count them.",
        explain="The G20, the OECD and the Minerals Security Partnership: the MSP is the club "
        "the 19 January 2026 statement named.",
    )
)

question(
    Question(
        id="08-jaccard",
        prompt="What is the Jaccard similarity of Korea's and Italy's memberships (all ten "
        "groupings)? Give a number between 0 and 1.",
        kind="number",
        tolerance=0.005,
        expected=lambda: networks.jaccard("Korea", "Italy"),
        hint="Shared groupings divided by the groupings at least one of the two is in; "
        "networks has a function for this similarity.",
        explain="3 shared out of 9 clubs that at least one of them is in: one club in three.",
    )
)

question(
    Question(
        id="08-most-central",
        prompt="In the country network of all ten groupings, which country has the highest "
        "degree (shares a club with the most other countries)?",
        kind="text",
        expected=lambda: networks.centrality("degree").iloc[0]["country"],
        aliases=_country_aliases,
        hint="networks.centrality() ranks the countries by a measure, highest score first; "
        "degree counts the other countries each one shares a club with.",
        explain="It is in eight of the ten clubs, Atlantic and Indo-Pacific alike; "
        "a count of clubs is not a measure of power, though.",
    )
)

question(
    Question(
        id="08-korea-only",
        prompt="Which groupings is Korea in but Italy is not? Give a list of names as in the data.",
        kind="names",
        expected=lambda: networks.shared("Korea", "Italy")[1],
        aliases=lambda: dict(networks._GROUPING_ALIASES),
        hint="networks.shared() returns three lists: the groupings both are in, those only the"
        " first country is in, and those only the second is in.",
        explain="All three are Indo-Pacific or US-led formats: Korea's clubs lean to the "
        "Pacific, Italy's to Europe and the Atlantic.",
    )
)

question(
    Question(
        id="08-jaccard-without-nato",
        prompt="Leave out NATO and NATO's Indo-Pacific partners (NATO IP4), keep the other "
        "eight groupings. What is the Jaccard similarity of Korea and Italy now?",
        kind="number",
        tolerance=0.005,
        expected=lambda: networks.jaccard("Korea", "Italy", WITHOUT_NATO),
        hint="Pass groupings= a list of the eight other groupings to networks.jaccard.",
        explain="Similarity rises from 0.33 to 0.43 only because we chose to count fewer "
        "clubs: the answer depends on which clubs you count.",
    )
)


def _rank(country: str, measure: str, groupings: object) -> int:
    table = networks.centrality(measure, groupings)
    return int(table.loc[table["country"] == country, "rank"].iloc[0])


question(
    Question(
        id="08-china-betweenness-move",
        prompt="Rank the countries by betweenness twice: over the ten groupings of "
        "networks.BASE and over all twelve of networks.GROUPINGS (with RCEP and APEC). "
        "By how many places does China move up? (China's rank with ten minus its rank "
        "with twelve.)",
        kind="number",
        unit="places",
        tolerance=0,
        expected=lambda: (
            _rank("China", "betweenness", networks.BASE)
            - _rank("China", "betweenness", networks.GROUPINGS)
        ),
        hint="Start with two rankings, one per choice of groupings, and look for China's "
        "rank in each. If you are stuck: keep the row whose country column equals 'China' "
        "in each table, read its rank, and take the second rank from the first.",
        explain="That is China's move in this measure when two groupings are added.",
    )
)

question(
    Question(
        id="08-jaccard-twelve",
        prompt="Over all twelve groupings (networks.GROUPINGS), what is the Jaccard "
        "similarity of Korea's and Italy's memberships? Give a number between 0 and 1.",
        kind="number",
        tolerance=0.005,
        expected=lambda: networks.jaccard("Korea", "Italy", networks.GROUPINGS),
        hint="The same function as in Exercise 4, with a different choice of groupings. "
        "If you are stuck: pass groupings= the twelve names of networks.GROUPINGS.",
        explain="Compare it with your answer to Exercise 4.",
    )
)


# --- own code and reading figures (issue 20) ---------------------------------------------


def _korea_club_sizes(members_only: bool = True) -> object:
    """The members of each grouping Korea is in (all twelve groupings), counted as the
    lesson counts them: countries and member economies whose role is "member" (not the
    EU or the African Union, not a guest); with ``members_only=False``, every row."""
    clubs = data.table("alliance_memberships")
    korea_clubs = clubs.loc[clubs["country"] == "Korea", "grouping"]
    chosen = clubs[clubs["grouping"].isin(korea_clubs)]
    if members_only:
        chosen = chosen[(chosen["role"] == "member") & (chosen["kind"] != "union")]
    return chosen.groupby("grouping")["country"].count().reset_index(name="members")


question(
    Question(
        id="08-korea-club-sizes",
        prompt="A table of the groupings Korea is in, with the number of members of each, "
        "counted as section 1 counts them: rows whose role is 'member' and whose kind is not "
        "'union' (columns grouping and members).",
        kind="frame",
        expected=_korea_club_sizes,
        mistakes=(
            Mistake(
                "counted-non-members",
                "every row counted, with the EU, the African Union and guests",
                lambda: _korea_club_sizes(members_only=False),
                "unions and guests counted as members",
            ),
        ),
        hint="First keep the rows whose grouping is one of Korea's (Series.isin() tests "
        "membership in a list) and that count as members (two more conditions, joined with "
        "&), then group by grouping and count.",
        explain="A filter and a group-by, both your own.",
    )
)

question(
    Question(
        id="08-korea-club-chart",
        prompt="A bar chart (vertical or horizontal) of the sizes of Korea's groupings, with a "
        "title and axis labels.",
        kind="figure",
        chart="bars",
        expected=lambda: _korea_club_sizes().set_index("grouping")["members"],
        hint="Your table has one row per grouping: .plot.barh() or .plot.bar() with x= the "
        "names and y= the counts; then set_title(), set_xlabel() and set_ylabel().",
        explain="Your own chart, checked against the data.",
    )
)


def _korea_bridges() -> bool:
    """Whether Korea is among the three highest by betweenness over the ten clubs."""
    ranks = networks.centrality("betweenness")
    return int(ranks.loc[ranks["country"] == "Korea", "rank"].iloc[0]) <= 3


question(
    Question(
        id="08-betweenness-reading",
        prompt="What does Korea's bar in the betweenness chart (all ten clubs) show?",
        kind="choice",
        expected=lambda: "c" if _korea_bridges() else "d",
        choices=(
            Choice(
                "a",
                "Korea is one of the most powerful countries in the world.",
                "centrality-is-power",
                "Betweenness counts shared seats on paths between countries; it says nothing "
                "about a country's power.",
                "a centrality score read as power",
            ),
            Choice(
                "b",
                "Korea is in more clubs than almost any other country.",
                "betweenness-is-degree",
                "That is a count of clubs: the n_groupings column of the degree table shows "
                "countries in more clubs than Korea. Betweenness measures something else.",
                "betweenness taken for the number of clubs",
            ),
            Choice(
                "c",
                "Many shortest paths between two other countries pass through Korea.",
            ),
            Choice(
                "d",
                "Korea does not stand out: many countries score as high.",
                "misread-bars",
                "Look again at where Korea's bar sits among the others.",
                "the bars of a chart read the wrong way round",
            ),
        ),
        hint="Reread what betweenness measures in section 3, then find Korea's bar.",
        explain="You read what the measure means, not only the ranking.",
    )
)
