"""Checked exercises of lesson 08 (Alliance networks). Answers are computed by
:mod:`koit_lessons.networks` from the shipped data, never typed in."""

from __future__ import annotations

from koit_lessons import data, networks, policy
from koit_lessons.checks import Choice, Mistake, Question, question

#: The groupings left out in the before/after question: NATO and its Indo-Pacific partners.
WITHOUT_NATO = [g for g in networks.BASE if g not in ("NATO", "NATO IP4")]


def _country_aliases() -> dict[str, str]:
    aliases = {k: v for k, v in networks._ALIASES.items()}
    # "the US", "the United States": a name with its article, as students write it
    aliases.update({f"the {k}": v for k, v in networks._ALIASES.items() if v == "United States"})
    aliases["the united states"] = "United States"
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


# --- typical wrong numbers shared by several items ---------------------------------------


def _as_percent(value: object, what: str = "Jaccard similarity") -> tuple[Mistake, ...]:
    """A Jaccard similarity typed as a percentage (33 or 33.3 for 0.333), as the rest of the
    course writes shares: the exact value and its two usual roundings."""
    label = f"a percentage: a {what} runs from 0 to 1"
    meaning = "a similarity between 0 and 1 typed as a percentage"
    return (
        Mistake("jaccard-as-percent", label, lambda: 100 * float(value()), meaning),  # type: ignore[operator]
        Mistake("jaccard-as-percent", label, lambda: round(100 * float(value()), 1), meaning),  # type: ignore[operator]
        Mistake("jaccard-as-percent", label, lambda: round(100 * float(value())), meaning),  # type: ignore[operator]
    )


def _members(groupings: object) -> object:
    """The membership rows of ``groupings`` that the networks count: role "member", kind
    not "union" (countries and APEC's member economies)."""
    clubs = data.table("alliance_memberships")
    chosen = clubs[clubs["grouping"].isin(list(groupings))]  # type: ignore[call-overload]
    return chosen[(chosen["role"] == "member") & (chosen["kind"] != "union")]


# --- section 1: clubs and who is in them -------------------------------------------------


def _korea_rows_only() -> object:
    """Korea's own rows grouped and counted (every count is 1): the rows of the country kept
    instead of the rows of its clubs."""
    clubs = data.table("alliance_memberships")
    korea = clubs[clubs["country"] == "Korea"]
    return korea.groupby("grouping")["country"].count().reset_index(name="members")


def _korea_club_sizes(members_only: bool = True, economies: bool = True) -> object:
    """The members of each grouping Korea is in (all twelve groupings), counted as the
    lesson counts them: countries and member economies whose role is "member" (not the
    EU or the African Union, not a guest); with ``members_only=False``, every row; with
    ``economies=False``, countries only (APEC's Hong Kong and Chinese Taipei left out)."""
    clubs = data.table("alliance_memberships")
    korea_clubs = clubs.loc[clubs["country"] == "Korea", "grouping"]
    chosen = clubs[clubs["grouping"].isin(korea_clubs)]
    if members_only:
        chosen = chosen[(chosen["role"] == "member") & (chosen["kind"] != "union")]
    if not economies:
        chosen = chosen[chosen["kind"] == "country"]
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
            Mistake(
                "economies-left-out",
                "countries only: APEC's member economies (Hong Kong, China and Chinese "
                "Taipei) are members too",
                lambda: _korea_club_sizes(economies=False),
                "kind == 'country' kept, so APEC's member economies were left out",
            ),
            Mistake(
                "korea-rows-only",
                "Korea's own rows counted (every club has 1): keep all the rows of the "
                "groupings Korea is in",
                _korea_rows_only,
                "the country's rows kept instead of its clubs' rows",
            ),
        ),
        hint="Three conditions on the rows: the grouping is one of Korea's, the role is "
        "'member', the kind is not 'union'; then group by grouping and count."
        "\n"
        "Section 1's group-by cell shows the counting with both member conditions; "
        "Series.isin() tests whether each grouping is in Korea's list, and & joins conditions.",
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
        hint="One bar per row of your table: which column names the bars, which gives their "
        "length? Then a title and a label on each axis."
        "\n"
        "A table has .plot.barh() and .plot.bar() with x= and y= its columns; the Axes it "
        "returns has set_title(), set_xlabel() and set_ylabel().",
        explain="Your own chart, checked against the data.",
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
        mistakes=(
            Mistake(
                "clubs-in-either",
                "the clubs at least one of the two is in, not the clubs both are in",
                lambda: len(
                    set(networks.memberships("Korea")) | set(networks.memberships("Italy"))
                ),
                "the union of two lists counted instead of their overlap",
            ),
        ),
        hint="Only the clubs that have both countries as members count."
        "\n"
        "networks.shared() returns three lists; the first holds the groupings both "
        "countries are in: count them with len().",
        explain="That is the number of clubs they share.",
    )
)

question(
    Question(
        id="08-korea-only",
        prompt="Which groupings is Korea in but Italy is not? Give a list of names as in the data.",
        kind="names",
        expected=lambda: networks.shared("Korea", "Italy")[1],
        aliases=lambda: dict(networks._GROUPING_ALIASES),
        hint="Start from Korea's clubs and take away those Italy is in too."
        "\n"
        "networks.shared() returns three lists: the groupings both are in, those only the"
        " first country is in, and those only the second is in.",
        explain="Those are the clubs Korea is in without Italy.",
    )
)


# --- section 2: from a table to a network (objective 1, built by the students) ------------


def _graph_lines() -> int:
    """The lines of the bipartite graph of the ten groupings: one per membership row that
    counts as a member (the number networks.graph() gives)."""
    return len(_members(networks.BASE))  # type: ignore[arg-type]


def _graph_nodes() -> int:
    """The nodes of the bipartite graph of the ten groupings: its countries plus its clubs."""
    countries = _members(networks.BASE)["country"].nunique()  # type: ignore[index]
    return int(countries) + len(networks.BASE)


question(
    Question(
        id="08-graph-lines",
        prompt="Before networks.graph() builds the bipartite graph of the ten groupings, "
        "count its lines yourself from the table: one line per membership that counts "
        "(role 'member', kind not 'union') in the ten groupings of networks.BASE.",
        kind="number",
        unit="lines",
        tolerance=0,
        expected=_graph_lines,
        mistakes=(
            Mistake(
                "counted-non-members",
                "every row counted, with the EU, the African Union and guests",
                lambda: int(
                    data.table("alliance_memberships")["grouping"].isin(networks.BASE).sum()
                ),
                "unions and guests counted as members",
            ),
            Mistake(
                "twelve-not-ten",
                "the memberships of all twelve groupings, with RCEP and APEC",
                lambda: len(_members(networks.GROUPINGS)),  # type: ignore[arg-type]
                "all twelve groupings counted where the ten of networks.BASE are asked",
            ),
            Mistake(
                "countries-not-lines",
                "the number of countries: a country in three clubs has three lines",
                lambda: int(_members(networks.BASE)["country"].nunique()),  # type: ignore[index]
                "the countries (nodes) counted instead of their memberships (lines)",
            ),
            Mistake(
                "nodes-not-lines",
                "the number of nodes (countries plus clubs): a line joins one country to one club",
                _graph_nodes,
                "the nodes of the graph counted instead of its lines",
            ),
            Mistake(
                "unions-counted",
                "the EU and the African Union counted as members: filter on kind too",
                lambda: int(
                    (
                        data.table("alliance_memberships")["grouping"].isin(networks.BASE)
                        & (data.table("alliance_memberships")["role"] == "member")
                    ).sum()
                ),
                "the role filter kept but the kind filter forgotten",
            ),
        ),
        hint="A line joins one country to one club it is a member of: so how many rows of "
        "the table give a line?"
        "\n"
        "Filter as in Exercise 1 (isin() with networks.BASE, role and kind), then count the "
        "rows with len().",
        explain="That is the number of lines in the bipartite graph.",
    )
)


def _japan_us_weight() -> int:
    return len(set(networks.memberships("Japan")) & set(networks.memberships("United States")))


question(
    Question(
        id="08-japan-us-weight",
        prompt="In the projection onto countries, what is the weight of the link between "
        "Japan and the United States (the number of the ten clubs they share)? Compute it "
        "from networks.memberships() of each.",
        kind="number",
        unit="clubs",
        tolerance=0,
        expected=_japan_us_weight,
        mistakes=(
            Mistake(
                "clubs-in-either",
                "the clubs at least one of the two is in, not the clubs both are in",
                lambda: len(
                    set(networks.memberships("Japan")) | set(networks.memberships("United States"))
                ),
                "the union of two lists counted instead of their overlap",
            ),
        ),
        hint="The weight counts the clubs in both lists, not the clubs in either."
        "\n"
        "Turn each list into a set(); the & of two sets keeps what is in both; len() counts it.",
        explain="That is the weight of their link.",
    )
)


# --- section 3: centrality ----------------------------------------------------------------


def _korea_bridges() -> bool:
    """Whether Korea is among the three highest by betweenness over the ten clubs (option
    c's first half; its second half, the twin through Japan, holds because Japan is in
    every club Korea is in: tests/test_lesson08.py checks it on the data)."""
    ranks = networks.centrality("betweenness")
    # by ISO3 code: the country column is in the lesson's language (대한민국, Repubblica di Corea)
    return int(ranks.loc[ranks["iso3"] == "KOR", "rank"].iloc[0]) <= 3


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
                "Many of the shortest paths between two other countries pass through Korea "
                "(each has an equally short twin through Japan).",
            ),
            Choice(
                "d",
                "Korea does not stand out: many countries score as high.",
                "misread-bars",
                "Look again at where Korea's bar sits among the others.",
                "the bars of a chart read the wrong way round",
            ),
        ),
        hint="Which question does betweenness answer: how many, how powerful, or which "
        "paths?"
        "\n"
        "Section 3's list defines betweenness with shortest paths; then find Korea's bar "
        "among the others.",
        explain="That is what Korea's bar measures.",
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
        hint="Rank the countries by degree: the first row is the answer; give its name in "
        'quotes, e.g. "Chile".'
        "\n"
        "networks.centrality() ranks by a measure, highest score first; one value comes out "
        "of a column with .iloc[0], as lesson 04 did.",
        explain="That country has the highest degree over the ten clubs.",
    )
)


# --- section 4: Jaccard similarity ----------------------------------------------------------


def _jaccard() -> float:
    return networks.jaccard("Korea", "Italy")


question(
    Question(
        id="08-jaccard",
        prompt="What is the Jaccard similarity of Korea's and Italy's memberships (all ten "
        "groupings)? Give a number between 0 and 1.",
        kind="number",
        tolerance=0.005,
        expected=_jaccard,
        mistakes=(
            *_as_percent(_jaccard),
            Mistake(
                "divided-by-all-clubs",
                "the shared clubs divided by all ten clubs, not by the clubs at least one "
                "of the two is in",
                lambda: len(networks.shared("Korea", "Italy")[0]) / len(networks.BASE),
                "shared clubs divided by every club counted, not by the union",
            ),
        ),
        hint="Shared groupings divided by the groupings at least one of the two is in."
        "\n"
        "Section 4's formula: |A ∩ B| / |A ∪ B|; networks has a function for it, or count "
        "both sets from Exercise 3's three lists.",
        explain="That is their Jaccard similarity over the ten clubs.",
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
        mistakes=(
            *_as_percent(lambda: networks.jaccard("Korea", "Italy", WITHOUT_NATO)),
            Mistake(
                "dropped-not-kept",
                "the two left-out clubs passed instead of the eight kept",
                lambda: networks.jaccard("Korea", "Italy", ["NATO", "NATO IP4"]),
                "the clubs to leave out passed where the clubs to keep are asked",
            ),
            Mistake(
                "earlier-answer",
                "the answer over all ten clubs (Exercise 9)",
                _jaccard,
                "the answer of an earlier question repeated",
            ),
        ),
        hint="groupings= takes the clubs to keep, not the ones to leave out."
        "\n"
        "Pass groupings= a list of the eight other groupings to networks.jaccard; "
        "networks.BASE lists all ten.",
        explain="Compare it with Exercise 9: what changed in the world, and what changed in "
        "your list?",
    )
)


# --- section 5: who chose the clubs ---------------------------------------------------------


def _rank(iso3: str, measure: str, groupings: object) -> int:
    """A country's rank, found by its ISO3 code: the country column is in the lesson's
    language."""
    table = networks.centrality(measure, groupings)
    return int(table.loc[table["iso3"] == iso3, "rank"].iloc[0])


def _china_move(measure: str = "betweenness") -> int:
    """China's rank over the ten groupings minus its rank over all twelve."""
    return _rank("CHN", measure, networks.BASE) - _rank("CHN", measure, networks.GROUPINGS)


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
        expected=_china_move,
        mistakes=(
            Mistake(
                "new-rank-not-move",
                "China's rank over the twelve clubs, not its move",
                lambda: _rank("CHN", "betweenness", networks.GROUPINGS),
                "a rank given where the change of rank is asked",
            ),
            Mistake(
                "degree-not-betweenness",
                "China's move by degree, not by betweenness",
                lambda: _china_move("degree"),
                "another centrality measure than the one asked for",
            ),
        ),
        hint="Two rankings, one per choice of groupings; find China's rank in each. Moving "
        "up means a smaller rank number, so a move up is a positive number."
        "\n"
        "Keep the row whose country is 'China' in each table and read its rank as one number "
        "with .iloc[0] (two selections subtracted without it give NaN); the move up is the "
        "rank with ten minus the rank with twelve.",
        explain="That is China's move by betweenness when two groupings are added.",
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
        mistakes=(
            *_as_percent(lambda: networks.jaccard("Korea", "Italy", networks.GROUPINGS)),
            Mistake(
                "earlier-answer",
                "the answer over the ten clubs (Exercise 9)",
                _jaccard,
                "the answer of an earlier question repeated",
            ),
        ),
        hint="The same function as in Exercise 9, with a different choice of groupings."
        "\n"
        "networks.GROUPINGS lists all twelve; pass it as groupings=.",
        explain="Compare it with your answer to Exercise 9.",
    )
)


# --- section 6: what the network can show (objective 4) -------------------------------------


def _formal_ties_both_sides() -> str:
    """'a' when Korea is in US-led clubs without China (IPEF, Chip 4) and in clubs with
    China (RCEP, APEC): the network then shows formal ties on both sides, nothing more."""
    korea = set(networks.memberships("Korea", networks.GROUPINGS))
    china = set(networks.memberships("China", networks.GROUPINGS))
    us_led = {"IPEF", "Chip 4"} <= korea and not ({"IPEF", "Chip 4"} & china)
    with_china = {"RCEP", "APEC"} <= korea & china
    return "a" if us_led and with_china else "c"


question(
    Question(
        id="08-network-shows",
        prompt="Korea is in IPEF and Chip 4, without China, and in RCEP and APEC, with China. "
        "What does the network show about it?",
        kind="choice",
        expected=_formal_ties_both_sides,
        choices=(
            Choice(
                "a",
                "Formal ties on both sides, not what Korea does inside those clubs.",
            ),
            Choice(
                "b",
                "That Korea is hedging between the United States and China.",
                "membership-is-hedging",
                "Hedging is what a country does inside its clubs; a list of memberships shows "
                "only where it has seats.",
                "seats in rival clubs read as proof of hedging",
            ),
            Choice(
                "c",
                "That Korea is neutral between the two.",
                "membership-is-neutrality",
                "Seats on both sides say nothing about taking no side: Korea's clubs include "
                "US-led formats without China.",
                "seats on both sides read as neutrality",
            ),
        ),
        hint="What can a list of seats show, and what would you need to know about what a "
        "country does?"
        "\n"
        "Section 6's card on hedging says what a membership network can and cannot show.",
        explain="That is what a membership network can show.",
    )
)
