"""Lesson 08: the checked exercises, the club explorer widget and the notebook's shape."""

import matplotlib

matplotlib.use("Agg")

import json  # noqa: E402
import math  # noqa: E402

import pytest  # noqa: E402

from koit_lessons import checks, lessons, networks, widgets  # noqa: E402
from koit_lessons.errors import KoitError  # noqa: E402
from koit_lessons.resources import notebooks_dir  # noqa: E402

NOTEBOOK = "08_alliance_networks.ipynb"
IDS = [
    "08-betweenness-reading",
    "08-china-betweenness-move",
    "08-graph-lines",
    "08-jaccard",
    "08-jaccard-twelve",
    "08-jaccard-without-nato",
    "08-japan-us-weight",
    "08-korea-club-chart",
    "08-korea-club-sizes",
    "08-korea-only",
    "08-most-central",
    "08-network-shows",
    "08-recall-1",
    "08-recall-2",
    "08-shared-count",
]


def test_questions_are_registered_and_computed_from_the_data():
    assert checks.questions("08") == IDS
    # Korea {G20, OECD, NATO IP4, MSP, IPEF, Chip 4}; Italy {G7, G20, OECD, EU, NATO, MSP}
    assert checks.expected("08-shared-count") == 3
    assert checks.expected("08-jaccard") == pytest.approx(3 / 9)
    assert checks.expected("08-jaccard-without-nato") == pytest.approx(3 / 7)
    assert checks.expected("08-korea-only") == ["NATO IP4", "IPEF", "Chip 4"]
    assert checks.expected("08-most-central") == "United States"
    # Korea adds RCEP and APEC, Italy neither: 3 shared of 11
    assert checks.expected("08-jaccard-twelve") == pytest.approx(3 / 11)
    ten = networks.centrality("betweenness").set_index("country")["rank"]
    twelve = networks.centrality("betweenness", networks.GROUPINGS).set_index("country")["rank"]
    assert checks.expected("08-china-betweenness-move") == ten["China"] - twelve["China"] > 0


@pytest.mark.parametrize(
    "qid",
    [
        "08-shared-count",
        "08-jaccard",
        "08-jaccard-without-nato",
        "08-jaccard-twelve",
        "08-china-betweenness-move",
    ],
)
def test_number_questions_accept_the_answer_and_reject_a_wrong_one(qid):
    right = checks.expected(qid)
    assert checks.check(qid, right).correct
    assert not checks.check(qid, right + 0.1).correct
    assert checks.check(qid, ...).status == "unanswered"
    assert checks.check(qid, "0.33").status == "invalid"


def test_text_and_names_questions_accept_other_spellings():
    for answer in ("United States", "USA", "united states of america", "US", "the US", "the USA"):
        assert checks.check("08-most-central", answer).correct, answer
    assert not checks.check("08-most-central", "Japan").correct
    assert checks.check("08-korea-only", ["Chip 4", "IPEF", "NATO IP4"]).correct
    assert checks.check("08-korea-only", ["fab 4", "ipef", "ip4"]).correct
    assert not checks.check("08-korea-only", ["IPEF", "Chip 4"]).correct
    assert checks.check("08-korea-only", "IPEF").status == "invalid"


def test_club_view_is_pure_and_matches_the_module():
    view = widgets.club_view()
    assert view["a"] == "Korea" and view["b"] == "Italy"
    assert view["jaccard"] == pytest.approx(networks.jaccard("Korea", "Italy"))
    assert view["both"] == ["G20", "OECD", "MSP"]
    assert view["ranking"]["country"].tolist() == (
        networks.centrality("degree").head(10)["country"].tolist()
    )
    assert view["n_countries"] == len(networks.centrality("degree"))
    security = widgets.club_view(["NATO", "NATO IP4", "Quad"], "betweenness")
    assert math.isnan(security["jaccard"]) is False
    assert security["both"] == [] and security["jaccard"] == 0.0
    quad = widgets.club_view(["Quad"], a="Korea", b="Italy")
    assert math.isnan(quad["jaccard"]) and quad["rank_a"] is None


def test_explorer_default_state_and_every_control_changes_it():
    ex = widgets.ClubExplorer()
    assert ex.chosen() == list(networks.BASE)
    assert not ex.boxes["RCEP"].value and not ex.boxes["APEC"].value
    assert "Jaccard similarity 0.33" in ex.summary.value
    assert "ranks 2nd of 62" in ex.summary.value
    before = ex.summary.value
    ex.boxes["NATO"].value = False
    ex.boxes["NATO IP4"].value = False
    assert "Jaccard similarity 0.43" in ex.summary.value
    ex.measure.value = "eigenvector"
    assert "eigenvector" in ex.summary.value and ex.summary.value != before
    ex.country_a.value = "Japan"
    assert "Japan and Italy" in ex.summary.value
    ex.country_b.value = "Korea"
    assert "Japan and Korea" in ex.summary.value
    ax = ex.draw()
    assert "eigenvector" in ax.get_title() and "8 of 12 clubs" in ax.get_title()
    matplotlib.pyplot.close(ax.figure)
    ex.boxes["RCEP"].value = True  # the explorer adds groupings as well as removing them
    ex.boxes["APEC"].value = True
    assert ex.chosen()[-2:] == ["RCEP", "APEC"] and "country network of 10 club(s)" in (
        ex.summary.value
    )
    assert ex.view()["n_countries"] == len(networks.centrality("degree", ex.chosen()))
    for box in ex.boxes.values():
        box.value = False
    assert "Tick at least one club" in ex.summary.value
    assert ex.draw() is None


def test_the_explorer_says_so_when_both_countries_are_the_same():
    """Regression: a country compared with itself showed "Jaccard similarity 1.00"."""
    ex = widgets.ClubExplorer()
    ex.country_a.value = "Italy"
    assert ex.summary.value == (
        "<b>Country A and country B are both Italy: pick two different countries.</b>"
    )
    assert ex.draw() is None and "Jaccard" not in ex.summary.value
    ex.country_b.value = "Japan"
    assert "Italy and Japan: Jaccard similarity" in ex.summary.value
    with pytest.raises(KoitError, match="both Korea: pick two different"):
        networks.club_view(a="KOR", b=" korea ")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"groupings": ["G9"]}, "no grouping called 'G9'"),
        ({"measure": "pagerank"}, "no centrality measure"),
        ({"a": "Korae"}, "Did you mean 'Korea'"),
        ({"groupings": []}, "is empty"),
    ],
)
def test_bad_start_values_get_a_friendly_error(kwargs, message):
    with pytest.raises(KoitError, match=message):
        widgets.ClubExplorer(**kwargs)
    with pytest.raises(KoitError, match="top="):
        widgets.club_view(top=0)


def test_notebook_metadata_exercises_figures_and_think():
    nb = json.loads((notebooks_dir() / NOTEBOOK).read_text(encoding="utf-8"))
    meta = nb["metadata"]["koit"]
    assert 30 <= meta["minutes"] <= 120 and meta["title"] == "Alliance networks"
    sources = ["".join(c["source"]) for c in nb["cells"]]
    for qid in IDS:
        assert any(f'check("{qid}"' in s for s in sources), qid
    assert sum(s.count("ax = plots.") for s in sources) >= 3
    assert sum("Think!" in s for s in sources) >= 2
    assert any("solution" in c["metadata"].get("tags", []) for c in nb["cells"])
    widget_cells = [
        c for c in nb["cells"] if "nbval-ignore-output" in c["metadata"].get("tags", [])
    ]
    assert len(widget_cells) == 1 and "club_explorer" in "".join(widget_cells[0]["source"])
    text = "\n".join(sources)
    for phrase in (
        "Minerals Security Partnership",
        "open strategic autonomy",
        "pragmatic diplomacy",
        "RCEP",
        "APEC",
        "Chinese Taipei",
        "esteri.it",
    ):
        assert phrase in text
    assert "08" in {lesson.number for lesson in lessons.lessons()}


def test_own_code_and_reading_questions():
    """Issue 20: the filter + group-by, the chart and the choice are computed from the data."""
    sizes = checks.expected("08-korea-club-sizes").set_index("grouping")["members"]
    # Korea's groupings: the ten minus G7, EU, NATO and the Quad, plus RCEP and APEC
    assert set(sizes.index) == {"G20", "OECD", "NATO IP4", "MSP", "IPEF", "Chip 4", "RCEP", "APEC"}
    assert sizes["Chip 4"] == 4 and sizes["OECD"] == 38
    assert checks.expected("08-korea-club-chart").to_dict() == sizes.to_dict()
    assert checks.expected("08-betweenness-reading") == "c"
    assert checks.check("08-betweenness-reading", "a").diagnosis == "centrality-is-power"
    assert checks.check("08-betweenness-reading", "B").diagnosis == "betweenness-is-degree"
    assert not checks.check("08-korea-club-sizes", sizes.drop("RCEP").reset_index()).correct


@pytest.mark.parametrize(
    "qid, wrong",
    [
        ("08-recall-1", {"a": "floors-not-ceilings", "c": "relative-not-points"}),
        ("08-recall-2", {"a": "msp-is-indo-pacific", "c": "member-through-eu"}),
    ],
)
def test_starter_choices_name_their_misconceptions(qid, wrong):
    """The retrieval starter (lesson 06): each wrong option names its misconception."""
    right = checks.expected(qid)
    assert checks.check(qid, right).correct
    for letter, code in wrong.items():
        assert checks.check(qid, letter).diagnosis == code
    assert len(checks._get(qid).hint.split("\n")) == 2, qid  # a nudge, then a pointer


def test_starter_answers_follow_the_data():
    from koit_lessons import minerals, policy

    cap = policy.target_value("eu-single-country")
    table = minerals.producers("rare earths", 2024)
    china = float(table.loc[table["iso3"] == "CHN", "share_pct"].iloc[0])
    # option b's "about 6 percentage points"; option c's "about 9 %" is the relative gap
    assert round(china) == 71 and cap == 65
    assert round(china - cap) == 6 and round((china - cap) / cap * 100) == 9
    assert checks.expected("08-recall-1") == "b"
    members = policy.msp_members()
    assert {"KOR", "ITA"} <= set(members["iso3"].dropna())
    assert (members["kind"] == "union").any() and members["eu_member_state"].sum() >= 1
    assert checks.expected("08-recall-2") == "b"


def test_objective_1_items_are_built_from_the_table():
    """Re-review of 3 December: the students count the graph's lines and weigh a link."""
    assert checks.expected("08-graph-lines") == networks.graph().number_of_edges() == 163
    assert (
        checks.expected("08-japan-us-weight")
        == networks.projection()["Japan"]["United States"]["weight"]
        == 7
    )
    assert checks.check("08-graph-lines", 168).diagnosis == "counted-non-members"
    assert checks.check("08-graph-lines", 199).diagnosis == "twelve-not-ten"
    assert checks.check("08-graph-lines", 62).diagnosis == "countries-not-lines"
    assert checks.check("08-graph-lines", 72).diagnosis == "nodes-not-lines"
    assert networks.graph().number_of_nodes() == 72
    assert checks.check("08-graph-lines", 166).diagnosis == "unions-counted"
    assert checks.check("08-japan-us-weight", 9).diagnosis == "clubs-in-either"
    assert checks.check("08-shared-count", 9).diagnosis == "clubs-in-either"


@pytest.mark.parametrize(
    "qid, wrong, code",
    [
        ("08-jaccard", 33, "jaccard-as-percent"),
        ("08-jaccard", 33.3, "jaccard-as-percent"),
        ("08-jaccard", 0.3, "divided-by-all-clubs"),
        ("08-jaccard-without-nato", 43, "jaccard-as-percent"),
        ("08-jaccard-without-nato", 0.0, "dropped-not-kept"),
        ("08-jaccard-without-nato", 0.33, "earlier-answer"),
        ("08-jaccard-twelve", 27, "jaccard-as-percent"),
        ("08-jaccard-twelve", 0.33, "earlier-answer"),
        ("08-china-betweenness-move", 15, "new-rank-not-move"),
        ("08-china-betweenness-move", 6, "degree-not-betweenness"),
        ("08-network-shows", "b", "membership-is-hedging"),
        ("08-network-shows", "c", "membership-is-neutrality"),
    ],
)
def test_typical_mistakes_are_named(qid, wrong, code):
    assert checks.check(qid, wrong).diagnosis == code


def test_a_reversed_subtraction_gets_the_sign_nudge():
    """-24 cannot be a named mistake: test_diagnoses forbids "24" in its message, and the
    check echoes the student's -24; the first hint stage says a move up is positive."""
    qid = "08-china-betweenness-move"
    assert checks.check(qid, -checks.expected(qid)).diagnosis == "too-low"
    assert "positive" in checks._get(qid).hint.split("\n")[0]


def test_economies_left_out_is_named():
    from koit_lessons.exercises import lesson08

    countries_only = lesson08._korea_club_sizes(economies=False)
    assert checks.check("08-korea-club-sizes", countries_only).diagnosis == "economies-left-out"


def test_every_item_has_a_two_stage_hint_and_the_objective_4_item_follows_the_data():
    for qid in IDS:
        assert len(checks._get(qid).hint.split("\n")) == 2, qid
    assert checks.expected("08-network-shows") == "a"
    korea = set(networks.memberships("Korea", networks.GROUPINGS))
    assert {"IPEF", "Chip 4", "RCEP", "APEC"} <= korea


def test_korea_rows_only_is_named():
    """Second re-review of 3 December: Korea's own rows grouped (every count 1) is the
    likeliest first attempt, since the cell's first line filters Korea's rows."""
    from koit_lessons import data

    clubs = data.table("alliance_memberships")
    korea = clubs[clubs["country"] == "Korea"]
    counted = korea.groupby("grouping")["country"].count().reset_index(name="members")
    assert set(counted["members"]) == {1}
    assert checks.check("08-korea-club-sizes", counted).diagnosis == "korea-rows-only"


def test_exercise_8_key_is_true_on_the_data():
    """Option c: many shortest paths pass through Korea, each with an equally short twin
    through Japan. Second re-review of 3 December: the old wording ("if Korea left, many
    pairs would need a longer path") was false, since Japan is in every club Korea is in."""
    from koit_lessons.claims import lesson08 as claims08

    for groupings in (networks.BASE, networks.GROUPINGS):
        korea = set(networks.memberships("Korea", groupings))
        assert korea < set(networks.memberships("Japan", groupings))
        full = networks.projection(groupings)
        assert set(full["Korea"]) - {"Japan"} == set(full["Japan"]) - {"Korea"}
        farther, pairs = claims08.pairs_farther("Korea", groupings)
        assert farther == 0 and pairs == (len(full) - 1) * (len(full) - 2) // 2
    # Korea is among the top three by betweenness (option c's "many"), tied with Japan
    ranks = networks.centrality("betweenness").set_index("country")
    assert ranks.loc["Korea", "rank"] == ranks.loc["Japan", "rank"] == 2
    assert claims08.pairs_farther("Korea") == (0, 1830)
    assert claims08.pairs_farther("United States")[0] > 0
    assert "twin through Japan" in checks._get("08-betweenness-reading").choices[2].text


@pytest.mark.parametrize("lang", ["ko", "it"])
def test_the_answers_are_right_in_every_edition(lang):
    """The tables name countries in the lesson's language: the keys that read a rank from
    them find Korea and China by ISO3 code, so the editions' answers check as in English."""
    from koit_lessons import language

    english = {qid: checks.expected(qid) for qid in ("08-china-betweenness-move",)}
    try:
        language.set_language(lang)
        assert checks.check("08-betweenness-reading", "c").correct
        assert checks.expected("08-china-betweenness-move") == english["08-china-betweenness-move"]
        ten = networks.centrality("betweenness").set_index("iso3")["rank"]
        twelve = networks.centrality("betweenness", networks.GROUPINGS).set_index("iso3")["rank"]
        assert checks.check("08-china-betweenness-move", ten["CHN"] - twelve["CHN"]).correct
        new_rank = checks.check("08-china-betweenness-move", twelve["CHN"])
        assert new_rank.diagnosis == "new-rank-not-move"
    finally:
        language.set_language("en")
