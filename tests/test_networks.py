"""networks: memberships, the matrix, the graphs, centrality and similarity, from the
shipped alliance_memberships data (lesson 08)."""

import matplotlib
import matplotlib.collections
import matplotlib.colors

matplotlib.use("Agg")

import math  # noqa: E402

import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from koit_lessons import data, networks, plots  # noqa: E402
from koit_lessons.errors import KoitError  # noqa: E402

ALL = networks.GROUPINGS


# --- the data --------------------------------------------------------------------------


def test_every_row_is_sourced_and_dated_honestly():
    df = data.load("alliance_memberships")
    for col in ("source_publisher", "source_title", "source_url", "data_as_of"):
        assert df[col].notna().all() and (df[col].str.len() > 3).all(), col
    # https everywhere, except the Government of Canada's APEC page, read at http
    http = df[~df["source_url"].str.startswith("https://")]
    assert set(http["source_url"]) == {
        "http://www.international.gc.ca/apec/map-carte.aspx?view=d&lang=eng"
    }
    dated = df["joined"].notna()
    # a precision exactly where there is a date, and it matches the date's length
    assert (df["date_precision"].notna() == dated).all()
    lengths = df.loc[dated, "joined"].str.len().map({4: "year", 7: "month", 10: "day"})
    assert (lengths == df.loc[dated, "date_precision"]).all()
    assert set(df["grouping"]) == set(ALL)


def test_member_counts_match_the_sources():
    df = data.load("alliance_memberships")
    members = df[df["role"] == "member"].groupby("grouping")["country"].nunique()
    assert members.to_dict() == {
        "G7": 7,  # plus the EU as a participant
        "G20": 21,  # 19 countries, the EU and the African Union (Spain is a guest)
        "OECD": 38,
        "EU": 27,
        "NATO": 32,
        "NATO IP4": 4,
        "MSP": 15,  # 14 countries and the EU
        "IPEF": 14,
        "Quad": 4,
        "Chip 4": 4,
        "RCEP": 15,  # the ten ASEAN members, Australia, China, Japan, Korea, New Zealand
        "APEC": 21,  # member economies, incl. Hong Kong, China and Chinese Taipei
    }
    guests = df[df["role"] != "member"][["country", "grouping", "role"]].values.tolist()
    assert sorted(guests) == [["European Union", "G7", "participant"], ["Spain", "G20", "guest"]]


def test_chip4_is_marked_informal_and_the_rest_established():
    df = data.load("alliance_memberships")
    assert set(df.loc[df["grouping"] == "Chip 4", "status"]) == {"informal"}
    assert set(df.loc[df["grouping"] != "Chip 4", "status"]) == {"established"}
    assert set(df.loc[df["grouping"] == "Chip 4", "iso3"]) == {"USA", "JPN", "KOR", "TWN"}


def test_msp_rows_are_the_msp_members_data_set():
    df = data.load("alliance_memberships")
    msp = df[df["grouping"] == "MSP"]
    members = data.load("msp_members")
    assert sorted(msp["country"]) == sorted(members["member"])
    assert sorted(msp["iso3"].dropna()) == sorted(members["iso3"].dropna())
    assert set(msp["source_url"]) == {data.describe("msp_members")["sources"][0]["path"]}


def test_known_dates_from_the_sources():
    df = data.load("alliance_memberships")

    def joined(iso3, grouping):
        # boolean masks, not a MultiIndex lookup: pandas 2.0 returns a Series there
        rows = df[(df["iso3"] == iso3) & (df["grouping"] == grouping)]
        assert len(rows) == 1, (iso3, grouping)
        return rows["joined"].iloc[0]

    assert joined("KOR", "OECD") == "1996-12"
    assert joined("ITA", "EU") == "1958-01-01"
    assert joined("ITA", "NATO") == "1949"
    assert joined("SWE", "NATO") == "2024-03-07"
    assert joined("FIN", "NATO") == "2023-04-04"
    assert pd.isna(joined("ITA", "OECD"))  # not sourced: left empty
    assert joined("KOR", "RCEP") == "2022-02-01"
    assert joined("PHL", "RCEP") == "2023-06-02"
    assert pd.isna(joined("IDN", "RCEP"))
    assert joined("KOR", "APEC") == "1989" and joined("CHN", "APEC") == "1991-11"


def test_the_added_groupings_seat_korea_with_china_and_not_italy():
    assert networks.BASE + networks.ADDED == networks.GROUPINGS
    assert networks.memberships("China") == ["G20"]  # the ten: only the G20
    assert networks.memberships("China", ALL) == ["G20", "RCEP", "APEC"]
    assert networks.memberships("Korea", ALL)[-2:] == ["RCEP", "APEC"]
    assert networks.memberships("Italy", ALL) == networks.memberships("Italy")
    # APEC's member economies: their own nodes; Chinese Taipei is Taiwan of Chip 4
    df = data.load("alliance_memberships")
    economies = df[df["kind"] == "economy"]
    assert sorted(economies["iso3"]) == ["HKG", "TWN"] and set(economies["grouping"]) == {"APEC"}
    assert networks.country_name("Chinese Taipei") == "Taiwan"
    assert networks.country_name("Hong Kong, China") == "Hong Kong"
    assert networks.memberships("Taiwan", ALL) == ["Chip 4", "APEC"]


def test_each_grouping_says_what_its_list_is_dated_to():
    t = networks.dated().set_index("grouping")
    assert list(t.index) == list(ALL)
    assert t.loc["MSP", "list_as_of"] == "2024" and t.loc["MSP", "members"] == 14
    assert t.loc["RCEP", "list_as_of"].startswith("2023-06") and t.loc["APEC", "members"] == 21
    assert (t["publishers"].str.len() > 3).all()


def test_compare_ranks_lines_up_two_choices():
    t = networks.compare_ranks("betweenness")
    assert t.attrs["before"] == list(networks.BASE) and t.attrs["after"] == list(ALL)
    ten = networks.centrality("betweenness").set_index("country")["rank"]
    china = t.set_index("country").loc["China"]
    assert (
        china["rank_before"] == ten["China"]
        and china["moved"] == ten["China"] - china["rank_after"]
    )
    assert pd.isna(t.set_index("country").loc["Laos", "rank_before"])  # only in RCEP
    gone = networks.compare_ranks("degree", ["G7", "Quad"], ["Quad"]).set_index("country")
    assert pd.isna(gone.loc["Italy", "rank_after"]) and gone.loc["Italy", "rank_before"] >= 1


# --- memberships and names -----------------------------------------------------------


def test_memberships_of_korea_and_italy():
    korea = networks.memberships("Korea")
    assert "G20" in korea and "OECD" in korea
    assert "G7" not in korea and "NATO" not in korea
    italy = networks.memberships("Italy")
    assert {"G7", "NATO", "EU"} <= set(italy)
    assert korea == ["G20", "OECD", "NATO IP4", "MSP", "IPEF", "Chip 4"]
    assert italy == ["G7", "G20", "OECD", "EU", "NATO", "MSP"]


@pytest.mark.parametrize(
    "alias", ["Korea", "KOR", "kor", "South Korea", "Republic of Korea", "Korea, Rep.", " korea "]
)
def test_korea_aliases(alias):
    assert networks.country_name(alias) == "Korea"


def test_other_aliases_and_codes():
    assert networks.country_name("USA") == "United States"
    assert networks.country_name("Türkiye") == "Turkey"
    assert networks.country_name("ITA") == "Italy"
    assert networks.memberships("ip4" and "Japan", ["ip4", "fab 4"]) == ["NATO IP4", "Chip 4"]


@pytest.mark.parametrize(
    "written, meant",
    [("대한민국", "Korea"), ("한국", "Korea"), ("Corea", "Korea"), ("Repubblica di Corea", "Korea"),
     ("이탈리아", "Italy"), ("Italia", "Italy"), ("프랑스", "France"), ("Germania", "Germany"),
     ("체코", "Czechia"), ("Svizzera", "Switzerland"), ("대만", "Taiwan"), (" stati uniti ", "United States")],
)
def test_countries_can_be_named_in_korean_and_italian(written, meant):
    assert networks.country_name(written) == meant
    assert networks.memberships(written) == networks.memberships(meant)


def test_every_country_of_the_networks_has_its_names_in_the_glossary():
    from koit_lessons import glossary

    for name in networks.countries():
        code = networks._iso3()[name]
        assert glossary.name(code, "ko") != code, name  # a glossary row, not the code back
        assert networks.country_name(glossary.name(code, "ko")) == name
        assert networks.country_name(glossary.name(code, "it")) == name


def test_a_country_outside_the_networks_is_still_one_sentence():
    with pytest.raises(KoitError, match="country"):
        networks.country_name("북한")  # in the glossary (mineral data), in no club here


def test_unions_and_guests_are_not_in_the_networks():
    names = networks.countries()
    assert "European Union" not in names and "African Union" not in names
    assert "G20" not in networks.memberships("Spain")  # a permanent guest, not a member
    assert len(names) == len(set(names))


# --- matrix, graphs ----------------------------------------------------------------------


def test_membership_matrix():
    m = networks.membership_matrix()
    assert list(m.columns) == list(networks.BASE)
    assert set(m.to_numpy().ravel()) <= {0, 1}
    assert m.loc["Korea"].sum() == 6 and m.loc["Italy", "NATO"] == 1
    assert m.loc["Korea", "NATO"] == 0
    totals = m.sum(axis=1).tolist()
    assert totals == sorted(totals, reverse=True)
    assert m.attrs["iso3"]["Korea"] == "KOR"
    core = networks.membership_matrix(min_groupings=6)
    assert {"Korea", "Italy", "Japan", "United States"} <= set(core.index)
    assert (core.sum(axis=1) >= 6).all()
    small = networks.membership_matrix(["Quad"])
    assert sorted(small.index) == ["Australia", "India", "Japan", "United States"]


def test_loading_twice_gives_fresh_copies():
    m = networks.membership_matrix()
    m.loc["Korea", "G7"] = 1
    assert networks.membership_matrix().loc["Korea", "G7"] == 0
    assert "G7" not in networks.memberships("Korea")


def test_bipartite_graph():
    G = networks.graph()
    clubs = {n for n, d in G.nodes(data=True) if d["bipartite"] == 1}
    assert clubs == set(networks.BASE)
    assert nx.is_bipartite(G)
    table = networks.table()
    assert G.number_of_edges() == table["grouping"].isin(networks.BASE).sum()
    assert set(G["Korea"]) == set(networks.memberships("Korea"))
    assert networks.graph(ALL).number_of_edges() == len(table)


def test_projection_weights_count_shared_clubs():
    P = networks.projection()
    assert P["Korea"]["Italy"]["weight"] == 3
    assert P["Korea"]["Italy"]["groupings"] == ["G20", "OECD", "MSP"]
    assert P["Japan"]["United States"]["weight"] == 7  # all of Japan's clubs but NATO IP4
    small = networks.projection(["G7", "Quad"])
    assert small["Japan"]["United States"]["weight"] == 2
    assert small["Italy"]["Japan"]["weight"] == 1
    assert not small.has_edge("Italy", "India")


# --- centrality and similarity ---------------------------------------------------------


def test_centrality_order_on_a_small_selection():
    # Quad + Chip 4: Japan and the US are in both, so linked to the five others (degree 5);
    # Australia, India, Korea and Taiwan are in one (degree 3); ties are listed by name
    table = networks.centrality("degree", ["Quad", "Chip 4"])
    assert table["country"].tolist() == [
        "Japan",
        "United States",
        "Australia",
        "India",
        "Korea",
        "Taiwan",
    ]
    assert table["score"].tolist() == [5, 5, 3, 3, 3, 3]
    assert table["rank"].tolist() == [1, 1, 3, 3, 3, 3]
    between = networks.centrality("betweenness", ["Quad", "Chip 4"]).set_index("country")
    assert between.loc["Japan", "score"] > 0 and between.loc["Korea", "score"] == 0


def test_centrality_on_all_clubs():
    degree = networks.centrality("degree")
    assert degree.iloc[0]["country"] == "United States"
    assert degree["score"].is_monotonic_decreasing
    for measure in networks.MEASURES:
        t = networks.centrality(measure)
        assert list(t.columns) == ["rank", "country", "iso3", "score", "n_groupings"]
        assert len(t) == len(networks.projection())
        assert len(networks.centrality(measure, ALL)) == len(networks.countries())


def test_jaccard_by_hand():
    # Korea {G20, OECD, NATO IP4, MSP, IPEF, Chip 4}, Italy {G7, G20, OECD, EU, NATO, MSP}
    assert networks.jaccard("Korea", "Italy") == pytest.approx(3 / 9)
    no_nato = [g for g in networks.BASE if g not in ("NATO", "NATO IP4")]
    assert networks.jaccard("Korea", "Italy", no_nato) == pytest.approx(3 / 7)
    assert networks.jaccard("KOR", "ITA", ["G7", "G20", "OECD"]) == pytest.approx(2 / 3)
    assert networks.jaccard("Japan", "Australia", ["Quad", "NATO IP4"]) == 1.0
    assert networks.jaccard("Korea", "Korea") == 1.0
    assert math.isnan(networks.jaccard("Korea", "Italy", ["Quad"]))


def test_shared():
    both, only_korea, only_italy = networks.shared("Korea", "Italy")
    assert both == ["G20", "OECD", "MSP"]
    assert only_korea == ["NATO IP4", "IPEF", "Chip 4"]
    assert only_italy == ["G7", "EU", "NATO"]


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: networks.memberships("Koreaa"), "Did you mean 'Korea'"),
        (lambda: networks.memberships(410), "must be given as text"),
        (lambda: networks.memberships("Italy", ["G8"]), "no grouping called 'G8'"),
        (lambda: networks.membership_matrix([]), "is empty"),
        (lambda: networks.membership_matrix(7), "must be a list of grouping names"),
        (lambda: networks.membership_matrix(min_groupings=0), "at least 1"),
        (lambda: networks.membership_matrix(["Quad"], min_groupings=2), "No country is in 2"),
        (lambda: networks.centrality("closeness"), "no centrality measure called 'closeness'"),
        (lambda: networks.centrality(None), "must be given as text"),
        (lambda: networks.jaccard("Korea", "Itly"), "Did you mean 'Italy'"),
        (lambda: plots.membership_grid([[1]]), "pandas DataFrame"),
        (lambda: plots.network("graph", source="x"), "networkx Graph"),
        (lambda: plots.network(networks.graph()), "source line"),
    ],
)
def test_bad_input_gets_a_friendly_error(call, message):
    with pytest.raises(KoitError, match=message):
        call()


# --- figures -----------------------------------------------------------------------------


def test_membership_grid_highlights_korea_and_italy():
    m = networks.membership_matrix()
    ax = plots.membership_grid(m)
    labels = {t.get_text(): t for t in ax.get_yticklabels()}
    assert labels["Korea"].get_color() == plots.COUNTRY_COLORS["KOR"]
    assert labels["Italy"].get_color() == plots.COUNTRY_COLORS["ITA"]
    # one square per membership (in one collection), plus the two highlight bands
    squares = [c for c in ax.collections if isinstance(c, matplotlib.collections.PatchCollection)]
    assert len(squares) == 1 and len(squares[0].get_paths()) == int(m.to_numpy().sum())
    korea_row = list(m.index).index("Korea")
    colors = [tuple(c) for c in squares[0].get_facecolors()]
    kor = matplotlib.colors.to_rgba(plots.COUNTRY_COLORS["KOR"])
    assert colors.count(kor) == int(m.loc["Korea"].sum()) and korea_row >= 0
    assert len(ax.patches) == 2
    assert any("alliance_memberships" in t.get_text() for t in ax.texts)
    matplotlib.pyplot.close(ax.figure)


def test_network_drawing_is_deterministic():
    def positions():
        ax = plots.network(networks.graph(), source=networks.SOURCE)
        offsets = [c.get_offsets().tolist() for c in ax.collections if hasattr(c, "get_offsets")]
        matplotlib.pyplot.close(ax.figure)
        return offsets

    assert positions() == positions()
    ax = plots.network(networks.projection(["Quad", "Chip 4"]), source="Source: test.")
    assert ax.get_title() == ""
    matplotlib.pyplot.close(ax.figure)


# --- editions: countries in the lesson's language ----------------------------------------


@pytest.mark.parametrize("lang, korea, japan", [("ko", "대한민국", "일본"), ("it", "Repubblica di Corea", "Giappone")])
def test_tables_and_graphs_name_countries_in_the_lesson_language(lang, korea, japan):
    from koit_lessons import language

    english = networks.centrality("betweenness")
    try:
        language.set_language(lang)
        assert networks.shown("Korea") == korea and networks.shown("KOR") == korea
        matrix = networks.membership_matrix(min_groupings=3)
        assert {korea, japan} <= set(matrix.index) and "Korea" not in matrix.index
        assert matrix.attrs["iso3"][korea] == "KOR"
        table = networks.centrality("betweenness")
        # the same numbers in the same order (ties stay in the data's order), names shown
        assert table["score"].tolist() == english["score"].tolist()
        assert table["iso3"].tolist() == english["iso3"].tolist()
        assert table.set_index("iso3").loc["KOR", "country"] == korea
        P = networks.projection()
        assert P[korea][japan]["weight"] == 6 and "Korea" not in P
        G = networks.graph()
        assert korea in G and "G7" in G
        view = networks.club_view(a=korea, b=japan)
        assert view.a == "Korea" and view.rank_a == english.set_index("country").loc["Korea", "rank"]
        ranks = networks.compare_ranks("degree").set_index("country")
        assert korea in ranks.index
    finally:
        language.set_language("en")
    assert "Korea" in networks.membership_matrix().index


def test_the_club_explorer_speaks_the_lesson_language():
    from koit_lessons import language
    from koit_lessons.widgets import networks as explorer

    assert explorer._MEASURE_WORDS == networks.MEASURES  # the same words, marked to translate
    try:
        language.set_language("ko")
        ex = explorer.ClubExplorer()
        assert ex.country_a.label == "대한민국" and ex.country_a.value == "Korea"
        text = ex.summary_text()
        assert "대한민국·이탈리아: 자카드 유사도" in text and "중심성" in text and "Jaccard" not in text
        ex.country_b.value = "Korea"
        assert "서로 다른 두 나라" in ex.summary_text()
        language.set_language("it")
        ex = explorer.ClubExplorer()
        assert "similarità di Jaccard 0,50" in ex.summary_text() or "similarità di Jaccard" in ex.summary_text()
        assert "," in ex.summary_text().split("Jaccard ")[1][:4]  # a decimal comma
    finally:
        language.set_language("en")
    assert "Jaccard similarity" in explorer.ClubExplorer().summary_text()


@pytest.mark.parametrize("lang, korea, italy", [("ko", "대한민국", "이탈리아"), ("it", "Repubblica di Corea", "Italia")])
def test_membership_grid_highlights_korea_and_italy_in_the_lesson_language(lang, korea, italy):
    # lesson 08 draws the grid with the default highlight and asks students to read "the two
    # coloured rows": in an edition the rows are named in its language
    from koit_lessons import language

    try:
        language.set_language(lang)
        ax = plots.membership_grid(networks.membership_matrix(min_groupings=3))
        labels = {t.get_text(): t for t in ax.get_yticklabels()}
        assert labels[korea].get_color() == plots.COUNTRY_COLORS["KOR"]
        assert labels[italy].get_color() == plots.COUNTRY_COLORS["ITA"]
        assert len(ax.patches) == 2  # the two highlight bands
        matplotlib.pyplot.close(ax.figure)
    finally:
        language.set_language("en")


def test_the_club_explorer_lists_countries_in_the_lesson_languages_order():
    from koit_lessons import language
    from koit_lessons.widgets import networks as explorer

    english = [value for _, value in explorer.ClubExplorer().country_a.options]
    assert english == list(networks.countries())  # English: the order it always had
    try:
        language.set_language("ko")
        shown = [label for label, _ in explorer.ClubExplorer().country_a.options]
        assert shown == sorted(shown) and shown[0] == "그리스"  # 가나다순, not by English name
        language.set_language("it")
        shown = [label for label, _ in explorer.ClubExplorer().country_b.options]
        assert shown.index("Cile") < shown.index("Cina") < shown.index("Danimarca")
        assert shown.index("Giappone") < shown.index("Italia")
    finally:
        language.set_language("en")


def test_the_source_line_of_the_network_figures_is_translated_whole():
    from koit_lessons import language
    from koit_lessons.data import localised_source

    assert localised_source(networks.SOURCE) == networks.SOURCE  # English unchanged
    try:
        language.set_language("ko")
        line = localised_source(networks.SOURCE)
        assert line.startswith("출처: ") and "Italy's foreign ministry" not in line
        assert "networks.dated()" in line and "data.cite('alliance_memberships')" in line
    finally:
        language.set_language("en")


def test_the_list_dates_are_shown_in_the_edition_language():
    from koit_lessons import language

    english = networks.dated().set_index("grouping")["list_as_of"]
    assert english["OECD"] == "2021 or later (38 members)" and english["MSP"] == "2024"
    try:
        language.set_language("ko")
        korean = networks.dated().set_index("grouping")["list_as_of"]
        assert korean["OECD"] == "2021년 이후 (회원 38개국)" and korean["MSP"] == "2024"
        assert not korean.str.contains("later|members|countries|in force").any()
    finally:
        language.set_language("en")


def test_a_korean_source_line_is_wrapped_to_the_figure_by_its_drawn_width():
    import unicodedata

    import matplotlib.pyplot as plt

    from koit_lessons import language
    from koit_lessons.plots._core import SOURCE_WIDTH

    def columns(line):  # a Hangul syllable is drawn about two Latin letters wide
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)

    table = networks.centrality("degree").head(5)
    ax = plots.barh(table, "score", "country", source=networks.SOURCE)
    english = ax.texts[-1].get_text()
    plt.close(ax.figure)
    assert english.split() == networks.SOURCE.split()  # English: the same words, as wrapped before
    assert all(len(line) <= SOURCE_WIDTH for line in english.split("\n"))
    try:
        language.set_language("ko")
        ax = plots.barh(networks.centrality("degree").head(5), "score", "country", source=networks.SOURCE)
        korean = ax.texts[-1].get_text()
        plt.close(ax.figure)
        assert korean.startswith("출처: ")
        assert all(columns(line) <= SOURCE_WIDTH + 10 for line in korean.split("\n"))
    finally:
        language.set_language("en")
